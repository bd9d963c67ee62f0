"""The EasyMaker Local home folder: where state, the access token, objects and job folders live.

Layout (``$EASYMAKER_LOCAL_HOME``, default ``~/.easymaker/local``)::

    state.db        SQLite (WAL): resources, scheduler cursor, Log & Crash records
    token           the access token (mode 0600)
    objects/        the object store (containers and objects with metadata)
    jobs/<id>/      work folder of one job (inputs, outputs, logs/stdout.log, logs/stderr.log)
    nas/<nas id>/   what ``nas://<nas id>:/<path>`` URIs map to
    run/processes/  one record per running job process group (ended at the next start if the server crashed)
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import sqlite3
from pathlib import Path

HOME_ENV = "EASYMAKER_LOCAL_HOME"
TOKEN_ENV = "EASYMAKER_LOCAL_TOKEN"


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
        """Create the folders (the home itself with mode 0700)."""
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(self.root, 0o700)
        except OSError:
            pass
        for d in (self.objects, self.jobs, self.nas):
            d.mkdir(exist_ok=True)

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
        tmp = self.token_file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, (token + "\n").encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.token_file)
        return token


def disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk (or the user's quota) holding the home is full: ``ENOSPC``/``EDQUOT`` from a
    write, or SQLite's "database or disk is full"."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(exc, sqlite3.OperationalError):
        return "disk is full" in str(exc) or getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
    return False


DISK_FULL_MESSAGE = "Insufficient Storage: the disk holding the EasyMaker Local home is full; nothing was stored"
