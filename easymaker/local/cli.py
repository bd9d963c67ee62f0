"""The ``easymaker-local`` command (also ``python -m easymaker.local``).

easymaker-local serve [--host 127.0.0.1] [--port 10090] [--home DIR] [--token-file FILE] [--allow-pip-install]
easymaker-local logs  [--home DIR] [--limit N] [--project NAME] [--category CATEGORY] [--json]
easymaker-local token [--home DIR]          print the token file's path and the token, and the local credentials
easymaker-local reset [--home DIR] --yes    delete every resource (and job folders) of a stopped server
easymaker-local console [--port 10090] [--open]   print (or open) a one-time sign-in link to the web console
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import sys
from collections.abc import Sequence

from easymaker.local.home import TOKEN_ENV, LocalHome, UnsafeHome, default_home

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 10090


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="easymaker-local", description="EasyMaker Local: AI EasyMaker on this machine")
    sub = p.add_subparsers(dest="command", required=True)

    def home_arg(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--home", default=None, help=f"home folder (default: $EASYMAKER_LOCAL_HOME or {default_home()})"
        )

    s = sub.add_parser("serve", help="run the server")
    s.add_argument("--host", default=DEFAULT_HOST, help="address to bind (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 10090; 0 picks a free one)")
    home_arg(s)
    s.add_argument(
        "--token-file",
        default=None,
        help="file holding the access token to require (default: $EASYMAKER_LOCAL_TOKEN, else <home>/token)",
    )
    s.add_argument(
        "--token",
        default=None,
        help="the access token itself (discouraged: other users see command lines; use --token-file or "
        "$EASYMAKER_LOCAL_TOKEN)",
    )
    s.add_argument(
        "--swift-token-ttl",
        type=float,
        default=86400.0,
        help="seconds an Object Storage token from /v2.0/tokens lives (default 86400)",
    )
    s.add_argument("--allow-pip-install", action="store_true", help="let jobs pip-install requirements.txt")
    s.add_argument("--region", default="kr1", help="region reported to jobs (EM_REGION)")
    s.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    s.add_argument("--port-file", default=None, help="write the bound port to this file once listening")
    s.add_argument("--parent-pid", type=int, default=0, help="shut down (stopping every job) when this process is gone")

    lg = sub.add_parser("logs", help="print Log & Crash records stored by the server (newest last)")
    home_arg(lg)
    lg.add_argument("--limit", type=int, default=100, help="how many records (default 100)")
    lg.add_argument("--project", default=None, help="only records with this projectName (appkey)")
    lg.add_argument("--category", default=None, help='only records of this category, e.g. "easymaker.training"')
    lg.add_argument("--json", action="store_true", help="one JSON object per line")

    t = sub.add_parser("token", help="print the token file's path and the token")
    home_arg(t)

    c = sub.add_parser("console", help="print a one-time sign-in link to the web console (--open: open a browser)")
    home_arg(c)
    c.add_argument("--host", default=DEFAULT_HOST, help="the server's address (default 127.0.0.1)")
    c.add_argument("--port", type=int, default=DEFAULT_PORT, help="the server's port (default 10090)")
    c.add_argument("--open", action="store_true", help="open the link in the default web browser")

    sm = sub.add_parser("samples", help="write the sample sources, datasets and models of the SDK's sample notebooks")
    home_arg(sm)
    sm.add_argument("--force", action="store_true", help="write them again even if they are there")
    r = sub.add_parser("reset", help="delete every resource and job folder (the server must be stopped)")
    home_arg(r)
    r.add_argument("--yes", action="store_true", help="really delete")
    r.add_argument("--objects", action="store_true", help="also delete the object store and NAS folders")
    return p


def server_settings(host: str, port: int, region: str, allow_pip_install: bool) -> dict[str, object]:
    """Settings handed to runners: pip policy, region, and the environment that lets pipeline steps call this
    server (``EM_API_URL``; each step also gets ``EM_TOKEN``, a token of its own appkey that ends with the run)."""
    url_host = f"[{host}]" if ":" in host else host
    if host in ("0.0.0.0", "::"):
        url_host = "127.0.0.1"
    return {
        "allow_pip_install": bool(allow_pip_install),
        "region": region,
        "pipeline_step_env": {"EM_API_URL": f"http://{url_host}:{port}", "EM_REGION": region},
    }


def _given_token(args: argparse.Namespace) -> str | None:
    """The token of ``--token-file``, ``--token`` (with a warning) or ``$EASYMAKER_LOCAL_TOKEN``; the variable is
    removed from this process's environment so no job process inherits it."""
    from_env = os.environ.pop(TOKEN_ENV, None) or None
    if args.token_file:
        with open(args.token_file, encoding="utf-8") as f:
            return f.read().strip() or None
    if args.token:
        print(  # noqa: T201
            "easymaker-local: warning: --token shows the access token to every user of this machine (ps); "
            f"use --token-file FILE or ${TOKEN_ENV} instead",
            file=sys.stderr,
            flush=True,
        )
        return str(args.token)
    return from_env


def _serve(args: argparse.Namespace) -> int:
    import socket

    import uvicorn

    from easymaker.local.app import create_app

    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    home = LocalHome(args.home)
    try:
        given = _given_token(args)
        home.ensure()
    except (UnsafeHome, OSError) as exc:
        print(f"easymaker-local: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose proto says TCP (with proto 0, small
    # responses on keep-alive connections wait for the peer's delayed ACK, ~40 ms each)
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        print(f"easymaker-local: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    port = sock.getsockname()[1]
    try:
        token = home.ensure_token(given)
    except ValueError as exc:
        print(f"easymaker-local: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    app = create_app(
        home,
        token,
        settings=server_settings(args.host, port, args.region, args.allow_pip_install),
        hosts=(args.host,),
        swift_token_ttl=args.swift_token_ttl,
    )
    if args.port_file:
        with open(args.port_file, "w", encoding="utf-8") as f:
            f.write(str(port))
    print(f"EasyMaker Local on http://{args.host}:{port}  (home {home.root}, token file {home.token_file})", flush=True)  # noqa: T201
    config = uvicorn.Config(
        app, log_level=args.log_level, access_log=False, lifespan="on", timeout_graceful_shutdown=30
    )
    server = uvicorn.Server(config)
    if args.parent_pid:
        from easymaker.local.runners.process_group import watch_parent

        # SIGTERM runs uvicorn's graceful shutdown, which stops the supervisor and with it every job
        watch_parent(args.parent_pid, lambda: os.kill(os.getpid(), signal.SIGTERM))
    server.run(sockets=[sock])
    return 0


def _logs(args: argparse.Namespace) -> int:
    from easymaker.local.store import Store

    home = LocalHome(args.home)
    if not home.state_db.exists():
        print(f"no EasyMaker Local state in {home.root}", file=sys.stderr)  # noqa: T201
        return 1
    store = Store(home.state_db)
    records = store.list_logs(max(1, args.limit), args.project, args.category)
    for r in records:
        if args.json:
            print(json.dumps(r, ensure_ascii=False))  # noqa: T201
        else:
            when = r.get("time") or r.get("_received")
            level = r.get("logLevel") or "-"
            cat = r.get("category") or "-"
            print(f"{when} {level:<5} [{cat}] {r.get('body')}")  # noqa: T201
    return 0


def _token(args: argparse.Namespace) -> int:
    home = LocalHome(args.home)
    try:
        token = home.ensure_token()
        creds = home.ensure_credentials()
    except (UnsafeHome, OSError) as exc:
        print(f"easymaker-local: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    print(f"{home.token_file}\n{token}")  # noqa: T201
    print(f"{home.credentials_file}\nusername {creds['username']}\npassword {creds['password']}")  # noqa: T201
    return 0


def _console(args: argparse.Namespace) -> int:
    import httpx

    home = LocalHome(args.home)
    token = os.environ.get(TOKEN_ENV) or home.read_token()
    if not token:
        print(f"easymaker-local: no access token in {home.token_file}; start the server first", file=sys.stderr)  # noqa: T201
        return 1
    host = f"[{args.host}]" if ":" in args.host else args.host
    base = f"http://{host}:{args.port}"
    from easymaker._errors import ServerIdentityError
    from easymaker._local import verify_local_server

    try:  # the server proves it holds the token before the token is sent to it
        verify_local_server(base, token)
    except ServerIdentityError as exc:
        print(f"easymaker-local: {exc}", file=sys.stderr)  # noqa: T201
        return 1
    try:
        r = httpx.post(
            f"{base}/admin/console-links",
            headers={"x-nhn-authorization": f"Bearer {token}"},
            timeout=10.0,
            trust_env=False,
        )
    except httpx.HTTPError as exc:
        print(f"easymaker-local: no EasyMaker Local answers at {base} ({exc.__class__.__name__})", file=sys.stderr)  # noqa: T201
        return 1
    if r.status_code != 200:
        print(f"easymaker-local: {base} refused a console link (HTTP {r.status_code})", file=sys.stderr)  # noqa: T201
        return 1
    url = base + r.json()["consoleLink"]["path"]
    print(f"EasyMaker Local console (the link signs in once, within 2 minutes):\n{url}")  # noqa: T201
    if args.open:
        import webbrowser

        webbrowser.open(url)
    return 0


def _samples(args: argparse.Namespace) -> int:
    from easymaker.local.samples import seed

    home = LocalHome(args.home)
    home.ensure()
    report = seed(home.objects, force=args.force)
    if not report.written:
        print(f"the samples are already in {home.objects} (--force writes them again)")  # noqa: T201
        return 0
    print(f"wrote {len(report.written)} sample objects for each sample account into {home.objects}")  # noqa: T201
    for line in report.skipped:
        print(f"not written: {line}")  # noqa: T201
    return 0


def _reset(args: argparse.Namespace) -> int:
    from easymaker.local.store import Store

    home = LocalHome(args.home)
    if not args.yes:
        print("reset deletes every resource of EasyMaker Local in " + str(home.root) + "; add --yes", file=sys.stderr)  # noqa: T201
        return 2
    n = 0
    if home.state_db.exists():
        n = Store(home.state_db).delete_all()
    shutil.rmtree(home.jobs, ignore_errors=True)
    if args.objects:
        shutil.rmtree(home.objects, ignore_errors=True)
        shutil.rmtree(home.nas, ignore_errors=True)
    home.ensure()
    print(f"deleted {n} resources")  # noqa: T201
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    if args.command == "logs":
        return _logs(args)
    if args.command == "token":
        return _token(args)
    if args.command == "reset":
        return _reset(args)
    if args.command == "console":
        return _console(args)
    if args.command == "samples":
        return _samples(args)
    raise AssertionError(args.command)


if __name__ == "__main__":
    raise SystemExit(main())
