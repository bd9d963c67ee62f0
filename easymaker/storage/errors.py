"""Errors raised by the Object Storage / NAS transfer layer."""

from __future__ import annotations

from easymaker._errors import EasyMakerAuthError, EasyMakerError


class StorageError(EasyMakerError):
    """Base class of every error raised by ``easymaker.storage``."""


class StorageUriError(StorageError, ValueError):
    """An ``obs://`` or ``nas://`` URI that does not follow the grammar."""


class StorageAuthError(StorageError, EasyMakerAuthError):
    """Obtaining or using an Object Storage token failed."""


class StorageRequestError(StorageError):
    """A Swift request failed or answered with an unexpected HTTP status.

    Attributes (the names `easymaker.APIError` uses): ``request_method``, ``request_url``, ``status_code`` (``None``
    when no response arrived).
    """

    def __init__(
        self,
        message: str,
        *,
        request_method: str | None = None,
        request_url: str | None = None,
        status_code: int | None = None,
    ) -> None:
        super().__init__(message)
        self.request_method = request_method
        self.request_url = request_url
        self.status_code = status_code

    @property
    def status(self) -> int | None:
        """The HTTP status (the same as ``status_code``; kept for code written against earlier releases)."""
        return self.status_code

    @property
    def url(self) -> str | None:
        """The request URL (the same as ``request_url``)."""
        return self.request_url


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
