"""Who may do what on EasyMaker Local: the access token, job tokens, local Keystone credentials, the server proof.

* The **access token** (``<home>/token``) opens everything: every API route of every appkey and every Swift account.
* A **job token** is issued to one running job (a pipeline step calls the API with it as ``EM_TOKEN``): it opens
  only the API routes of the job's own appkey and is revoked when the job ends.
* **Local credentials** (``<home>/credentials``, mode 0600: ``{"username": ..., "password": ...}``) are what
  ``POST /v2.0/tokens`` accepts as ``passwordCredentials``; Keystone's ``token`` method with the access token works
  too. Either gives a Swift token for the one tenant named in the request, which expires.
* The **server proof** lets a client check, before it sends the access token, that the server holds it: the server
  answers a client nonce with ``HMAC-SHA256(token, "easymaker-local-proof/v1:<port>:<nonce>")``, where ``<port>``
  is the port the connection arrived on (so a stranger relaying to a real server on another port fails).

``child_environment`` removes the access token from the environment of every process a job starts.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass

PROOF_CONTEXT = "easymaker-local-proof/v1"
JOB_TOKEN_PREFIX = "emjt_"
# variables that carry the caller's own access token; never handed to a job process
SECRET_ENV = frozenset({"EASYMAKER_LOCAL_TOKEN", "EM_ACCESS_TOKEN"})
_server_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def server_proof(token: str, port: int, nonce: str) -> str:
    """The proof that a server listening on ``port`` holds ``token``, for the client's ``nonce`` (hex)."""
    msg = f"{PROOF_CONTEXT}:{port}:{nonce}".encode()
    return hmac.new(token.encode("utf-8"), msg, hashlib.sha256).hexdigest()


def same_secret(given: str, expected: str) -> bool:
    """Constant-time comparison of two strings (any characters)."""
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class JobGrant:
    appkey: str
    job_id: str


class AccessTokens:
    """The access token and the job tokens of one server (thread safe)."""

    def __init__(self, token: str) -> None:
        self.token = token
        self._jobs: dict[str, JobGrant] = {}
        self._lock = threading.Lock()

    def issue_job_token(self, appkey: str, job_id: str) -> str:
        """A new token opening the API of ``appkey`` until ``revoke_job(job_id)``."""
        value = JOB_TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self._lock:
            self._jobs[value] = JobGrant(appkey, job_id)
        return value

    def revoke_job(self, job_id: str) -> None:
        with self._lock:
            for value in [v for v, g in self._jobs.items() if g.job_id == job_id]:
                del self._jobs[value]

    def allows(self, given: str, appkey: str | None) -> bool:
        """Whether ``given`` opens a route of ``appkey`` (``None``: a route outside every appkey)."""
        if same_secret(given, self.token):
            return True
        if not given.startswith(JOB_TOKEN_PREFIX):
            return False
        with self._lock:
            grant = self._jobs.get(given)
        return grant is not None and appkey is not None and grant.appkey == appkey

    def from_headers(self, headers: Mapping[str, str]) -> str | None:
        """The token a request carries (``x-nhn-authorization: Bearer`` or ``X-EasyMaker-Token``), if any."""
        bearer = headers.get("x-nhn-authorization")
        if bearer:
            scheme, _, value = bearer.partition(" ")
            if scheme.lower() == "bearer" and value.strip():
                return value.strip()
        direct = headers.get("x-easymaker-token")
        return direct.strip() if direct and direct.strip() else None

    def is_job_token(self, given: str) -> bool:
        with self._lock:
            return given in self._jobs


def register_server_secret(value: str) -> None:
    """Remember a secret of a server of this process: ``child_environment`` drops every variable holding it."""
    with _secrets_lock:
        _server_secrets.add(value)


def child_environment(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` for a job process: without ``SECRET_ENV`` and without any variable whose value holds a secret of a
    server of this process (``register_server_secret``). Job tokens (``EM_TOKEN`` of a pipeline step) stay."""
    with _secrets_lock:
        held = tuple(_server_secrets)
    return {k: v for k, v in env.items() if k not in SECRET_ENV and not any(_holds(v, s) for s in held)}


def _holds(value: str, secret: str) -> bool:
    # a short token (chosen by hand) is only matched whole: a substring match could drop PATH or HOME
    return value == secret or (len(secret) >= 16 and secret in value)
