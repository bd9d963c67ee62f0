"""The EasyMaker Local home folder: where state, the access token, objects and job folders live.

Layout (``$EASYMAKER_LOCAL_HOME``, default ``~/.easymaker/local``)::

    state.db        SQLite (WAL): resources, scheduler cursor, Log & Crash records
    token           the access token (mode 0600)
    credentials     the local Keystone credentials, JSON {"username", "password"} (mode 0600)
    objects/        the object store (containers and objects with metadata)
    jobs/<id>/      work folder of one job (inputs, outputs, logs/stdout.log, logs/stderr.log)
    nas/<nas id>/   what ``nas://<nas id>:/<path>`` URIs map to
    run/processes/  one record per running job process group (ended at the next start if the server crashed)
"""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import sqlite3
import stat
from pathlib import Path

HOME_ENV = "EASYMAKER_LOCAL_HOME"
TOKEN_ENV = "EASYMAKER_LOCAL_TOKEN"
LOCAL_USERNAME = "local"


class UnsafeHome(ValueError):
    """The home folder is one other users can change (the message says why and what to do)."""


_JOB_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def valid_job_id(job_id: str) -> bool:
    """Whether ``job_id`` can name a job folder: resource ids are UUIDs; nothing with ``.`` or ``/`` passes."""
    return bool(_JOB_ID.match(job_id))


def default_home() -> Path:
    """``$EASYMAKER_LOCAL_HOME`` or ``~/.easymaker/local``."""
    value = os.environ.get(HOME_ENV)
    if value:
        return Path(value).expanduser()
    return Path.home() / ".easymaker" / "local"


class LocalHome:
    """Paths inside one EasyMaker Local home folder."""

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root).expanduser().resolve() if root is not None else default_home().resolve()

    @property
    def state_db(self) -> Path:
        return self.root / "state.db"

    @property
    def token_file(self) -> Path:
        return self.root / "token"

    @property
    def credentials_file(self) -> Path:
        return self.root / "credentials"

    @property
    def objects(self) -> Path:
        return self.root / "objects"

    @property
    def jobs(self) -> Path:
        return self.root / "jobs"

    @property
    def nas(self) -> Path:
        return self.root / "nas"

    def job_dir(self, job_id: str) -> Path:
        """``jobs/<job_id>``; raises ``ValueError`` for an id that could name another folder (``..``, ``a/b``)."""
        if not valid_job_id(job_id):
            raise ValueError(f"job id {job_id[:80]!r}: letters, digits, '-' and '_' only, at most 64")
        return self.jobs / job_id

    def ensure(self) -> None:
        """Create the folders; a new home gets mode 0700. An existing home keeps its mode (it may be a folder the
        user shares on purpose), but one that another user could change is refused with `UnsafeHome`."""
        try:
            self.root.mkdir(mode=0o700, parents=True)
        except FileExistsError:
            self.check_safe()
        for d in (self.objects, self.jobs, self.nas):
            d.mkdir(exist_ok=True)

    def check_safe(self) -> None:
        """Raise `UnsafeHome` when the home is not a folder of this user, or is world-writable."""
        st = os.stat(self.root)
        if not stat.S_ISDIR(st.st_mode):
            raise UnsafeHome(f"EasyMaker Local home {self.root} is not a folder")
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            raise UnsafeHome(
                f"EasyMaker Local home {self.root} belongs to another user (uid {st.st_uid}); "
                "use a folder of your own with --home or $EASYMAKER_LOCAL_HOME"
            )
        if st.st_mode & stat.S_IWOTH:
            raise UnsafeHome(
                f"EasyMaker Local home {self.root} is world-writable (mode {stat.S_IMODE(st.st_mode):o}): other users "
                "could replace its code, models and data; use another folder, or remove that permission yourself "
                f"(chmod o-w {self.root}). EasyMaker Local never changes the mode of an existing folder"
            )

    def read_token(self) -> str | None:
        """The stored token, or ``None`` when there is none yet."""
        try:
            value = self.token_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return value or None

    def ensure_token(self, token: str | None = None) -> str:
        """The access token: ``token`` when given (stored), else the stored one, else a new random one (stored).

        The token file is written with mode 0600 (created with that mode, never readable by others).
        """
        self.ensure()
        if token is None:
            existing = self.read_token()
            if existing is not None:
                return existing
            token = secrets.token_urlsafe(32)
        if not token or any(c.isspace() for c in token):
            raise ValueError("token: must be a non-empty string without whitespace")
        if not token.isascii() or not token.isprintable():
            raise ValueError("token: must be printable ASCII (it travels in an HTTP header)")
        _write_private(self.token_file, token + "\n")
        return token

    def read_credentials(self) -> dict[str, str] | None:
        """The local Keystone credentials ``{"username", "password"}``, or ``None`` when there are none yet."""
        try:
            doc = json.loads(self.credentials_file.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None
        if not isinstance(doc, dict) or not all(
            isinstance(doc.get(k), str) and doc[k] for k in ("username", "password")
        ):
            return None
        return {"username": doc["username"], "password": doc["password"]}

    def ensure_credentials(self) -> dict[str, str]:
        """The local Keystone credentials (created at first use: user ``local`` and a random password)."""
        existing = self.read_credentials()
        if existing is not None:
            return existing
        self.ensure()
        doc = {"username": LOCAL_USERNAME, "password": secrets.token_urlsafe(24)}
        _write_private(self.credentials_file, json.dumps(doc) + "\n")
        return doc


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, readable by this user only (mode 0600 from creation on)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk (or the user's quota) holding the home is full: ``ENOSPC``/``EDQUOT`` from a
    write, or SQLite's "database or disk is full"."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(exc, sqlite3.OperationalError):
        return "disk is full" in str(exc) or getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
    return False


DISK_FULL_MESSAGE = "Insufficient Storage: the disk holding the EasyMaker Local home is full; nothing was stored"
