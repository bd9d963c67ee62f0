"""Errors raised by the Object Storage / NAS transfer layer."""

from __future__ import annotations

try:  # the SDK's common base, when present
    from easymaker._errors import EasyMakerError as _BaseError  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - depends on the rest of the SDK

    class _BaseError(Exception):  # type: ignore[no-redef]
        """Base of the storage errors when the SDK's ``EasyMakerError`` is not available."""


class StorageError(_BaseError):  # type: ignore[misc,valid-type,unused-ignore]
    """Base class of every error raised by ``easymaker.storage``."""


class StorageUriError(StorageError, ValueError):
    """An ``obs://`` or ``nas://`` URI that does not follow the grammar."""


class StorageAuthError(StorageError):
    """Obtaining or using an Object Storage token failed."""


class StorageRequestError(StorageError):
    """A Swift request answered with an unexpected HTTP status."""

    def __init__(self, message: str, status: int | None = None, url: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.url = url


class UnsafeObjectNameError(StorageError):
    """An object name that cannot be written below the download folder (``..``, absolute, backslash...)."""


class NasUnavailableError(StorageError):
    """``nas://`` URIs are only reachable from inside EasyMaker (or with a configured local NAS mapping)."""


class IntegrityError(StorageError):
    """Transferred bytes do not match the MD5/ETag the other side reported."""


class TransferError(StorageError):
    """One or more files failed; ``failures`` lists ``(name, reason)`` for every one of them."""

    def __init__(self, failures: list[tuple[str, str]], result: object | None = None) -> None:
        self.failures = list(failures)
        self.result = result
        shown = "; ".join(f"{n}: {r}" for n, r in self.failures[:10])
        more = f" (and {len(self.failures) - 10} more)" if len(self.failures) > 10 else ""
        super().__init__(f"{len(self.failures)} file(s) failed: {shown}{more}")
