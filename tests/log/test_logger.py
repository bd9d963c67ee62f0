"""easymaker.logger: Log & Crash Search records on the wire, periodic and exit flushes, limits, failures."""

from __future__ import annotations

import importlib
import json
import logging
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from paths import REPO

from easymaker.log.logger import MAX_RECORD_BYTES, Logger

# the module itself (the package attribute ``easymaker.logger`` is the Logger class, as the guide uses it)
logger_module = importlib.import_module("easymaker.log.logger")


class Collector:
    """A real HTTP server on 127.0.0.1 that records every POST body and its headers."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], Any]] = []
        self.status = 200
        self.reply: dict[str, Any] = {"header": {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}}
        self.changed = threading.Condition()
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length))
                with collector.changed:  # recorded before answering, so the client never sees an unrecorded post
                    collector.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                    collector.changed.notify_all()
                payload = json.dumps(collector.reply).encode()
                self.send_response(collector.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v2/log"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def records(self) -> list[dict[str, Any]]:
        with self.changed:
            return [record for _, body in self.requests for record in body]

    def wait_for(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Block until `count` records arrived (or the timeout passed) and return them."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while sum(len(body) for _, body in self.requests) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self.changed.wait(remaining)
        return self.records()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def collector() -> Iterator[Collector]:
    c = Collector()
    yield c
    c.close()


def test_record_fields_on_the_wire(collector: Collector, capsys: pytest.CaptureFixture[str]) -> None:
    with Logger(logncrash_appkey="lnc-appkey", url=collector.url, flush_interval=60) as lg:
        before = time.time()
        lg.send("test log meassage")
        lg.send(
            log_message="log meassage",
            log_level="ERROR",
            project_version="2.0.0",
            parameters={"serviceType": "EasyMakerSample", "logVersion": "v9", "host": "override"},
        )
    first, second = collector.records()
    assert first == {
        "category": "easymaker.sdk",
        "logType": "NHN Cloud - AI EasyMaker",
        "projectName": "lnc-appkey",
        "body": "test log meassage",
        "logLevel": "INFO",
        "projectVersion": "1.0.0",
        "sendTime": first["sendTime"],
        "host": "easymaker",
        "logVersion": "v2",
    }
    assert isinstance(first["sendTime"], float) and before - 1 <= first["sendTime"] <= time.time() + 1
    assert second["logLevel"] == "ERROR" and second["projectVersion"] == "2.0.0"
    assert second["serviceType"] == "EasyMakerSample"
    assert second["host"] == "override"  # parameters override the defaults ...
    assert second["logVersion"] == "v2"  # ... except logVersion, which is always v2
    # the guide: "Output to stdout & send log"
    assert capsys.readouterr().out.splitlines() == ["test log meassage", "log meassage"]
    headers, _ = collector.requests[0]
    assert headers["content-type"] == "application/json"


def test_periodic_flush_keeps_running(collector: Collector) -> None:
    """The background flush repeats: a message sent after the first flush is delivered without flush()/close()."""
    lg = Logger(logncrash_appkey="k", url=collector.url, flush_interval=0.05, echo=False)
    try:
        lg.send("one")
        assert [r["body"] for r in collector.wait_for(1)] == ["one"]
        lg.send("two")
        assert [r["body"] for r in collector.wait_for(2)] == ["one", "two"]
        lg.send("three")
        assert [r["body"] for r in collector.wait_for(3)] == ["one", "two", "three"]
        assert len(collector.requests) == 3  # three separate background posts
    finally:
        lg.close()
    assert lg.sent_count == 3 and lg.dropped_count == 0


def test_flush_on_exit_in_a_real_process(collector: Collector) -> None:
    script = textwrap.dedent(
        f"""
        import easymaker.log.logger as m
        lg = m.Logger(logncrash_appkey="exit-key", url={collector.url!r}, flush_interval=3600)
        lg.send("sent just before exit", log_level="WARN")
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "sent just before exit\n"
    (record,) = collector.wait_for(1)
    assert record["body"] == "sent just before exit" and record["projectName"] == "exit-key"


def test_thread_safety_no_loss_no_duplicates(collector: Collector) -> None:
    lg = Logger(logncrash_appkey="k", url=collector.url, flush_interval=0.01, echo=False)
    threads_n, per_thread = 8, 50

    def worker(t: int) -> None:
        for i in range(per_thread):
            lg.send(f"{t}-{i}")

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lg.close()
    bodies = [r["body"] for r in collector.records()]
    assert sorted(bodies) == sorted(f"{t}-{i}" for t in range(threads_n) for i in range(per_thread))
    for n in range(threads_n):  # each thread's messages stay in the order they were sent
        mine = [b for b in bodies if b.startswith(f"{n}-")]
        assert mine == [f"{n}-{i}" for i in range(per_thread)]


def test_record_size_limit_raises_before_buffering(collector: Collector, capsys: pytest.CaptureFixture[str]) -> None:
    with Logger(logncrash_appkey="k", url=collector.url, flush_interval=60) as lg:
        with pytest.raises(ValueError, match=r"at most 8000000 bytes \(8 MB\)"):
            lg.send("x" * MAX_RECORD_BYTES)
        # multi-byte characters count as their UTF-8 bytes: 2.7 M 3-byte characters are over 8 MB
        with pytest.raises(ValueError, match="8 MB"):
            lg.send("가" * 2_700_000)
        lg.send("x" * (MAX_RECORD_BYTES - 400))  # just under the limit goes through
    assert capsys.readouterr().out.count("\n") == 1  # rejected messages are not echoed either
    (record,) = collector.records()
    assert len(record["body"]) == MAX_RECORD_BYTES - 400


def test_large_buffers_go_out_in_several_bodies(collector: Collector, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logger_module, "MAX_BATCH_BYTES", 2000)
    with Logger(logncrash_appkey="k", url=collector.url, flush_interval=60, echo=False) as lg:
        for i in range(20):
            lg.send(f"{i:03d}" + "y" * 300)
    assert [r["body"][:3] for r in collector.records()] == [f"{i:03d}" for i in range(20)]
    assert len(collector.requests) >= 4
    assert all(len(json.dumps(body)) <= 2000 + 200 for _, body in collector.requests)


def test_missing_appkey_is_an_error() -> None:
    with pytest.raises(ValueError, match="logncrash_appkey is required"):
        Logger()
    with pytest.raises(ValueError, match="logncrash_appkey"):
        Logger(logncrash_appkey="  ")


def test_bad_arguments(collector: Collector) -> None:
    with Logger(logncrash_appkey="k", url=collector.url, flush_interval=60, echo=False) as lg:
        with pytest.raises(TypeError, match="parameters must be a dict"):
            lg.send("m", parameters=["a"])  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="JSON-serialisable"):
            lg.send("m", parameters={"x": object()})
        with pytest.raises(TypeError, match="log_message"):
            lg.send(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="closed"):
        lg.send("after close")
    lg.close()  # idempotent
    assert collector.records() == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_collector_is_logged_not_printed(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{_free_port()}/v2/log"
    caplog.set_level(logging.WARNING, logger="easymaker")
    lg = Logger(logncrash_appkey="k", url=url, flush_interval=60, echo=False, timeout=5)
    lg.send("a")
    lg.send("b")
    assert lg.flush() == 0
    lg.close()
    assert lg.dropped_count == 2
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("easymaker")]
    assert any("could not send 2 log record(s)" in m and url in m for m in messages), messages
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""


def test_refused_batch_is_counted_as_dropped(collector: Collector, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="easymaker")
    collector.reply = {"header": {"isSuccessful": False, "resultCode": -1, "resultMessage": "invalid appkey"}}
    with Logger(logncrash_appkey="k", url=collector.url, flush_interval=60, echo=False) as lg:
        lg.send("a")
    assert lg.dropped_count == 1 and lg.sent_count == 0
    assert any("invalid appkey" in r.getMessage() for r in caplog.records)
    collector.reply = {"header": {"isSuccessful": True}}
    collector.status = 500
    with Logger(logncrash_appkey="k", url=collector.url, flush_interval=60, echo=False) as lg2:
        lg2.send("b")
    assert lg2.dropped_count == 1
    assert any("HTTP 500" in r.getMessage() for r in caplog.records)


def test_no_credentials_sent(collector: Collector, monkeypatch: pytest.MonkeyPatch) -> None:
    """The logger's client is its own: no EasyMaker token header, even when the SDK is configured."""
    import easymaker
    from easymaker._client import set_default_client

    monkeypatch.setenv("EM_TOKEN", "secret-em-token")
    easymaker.init(appkey="appkey", region="kr1", access_token="secret-access-token")
    try:
        with easymaker.logger(logncrash_appkey="k", url=collector.url, flush_interval=60, echo=False) as lg:
            lg.send("m")
    finally:
        set_default_client(None)
    headers, _ = collector.requests[0]
    assert not {"x-nhn-authorization", "authorization", "x-easymaker-token", "x-auth-token"} & set(headers)
    assert "secret" not in json.dumps(headers)


def test_url_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logger_module, "_profile_from_sdk_config", lambda: (None, None))
    monkeypatch.delenv("EM_PROFILE", raising=False)
    monkeypatch.delenv("EM_LOCAL_URL", raising=False)
    assert logger_module._resolve_url() == "https://api-logncrash.nhncloudservice.com/v2/log"
    monkeypatch.setenv("EM_PROFILE", "local")
    assert logger_module._resolve_url() == "http://127.0.0.1:10090/v2/log"
    monkeypatch.setenv("EM_LOCAL_URL", "http://127.0.0.1:5555/")
    assert logger_module._resolve_url() == "http://127.0.0.1:5555/v2/log"
    monkeypatch.setenv("EM_PROFILE", "LOCAL")
    assert logger_module._resolve_url() == "http://127.0.0.1:5555/v2/log"
    monkeypatch.setenv("EM_PROFILE", "real")
    assert logger_module._resolve_url() == "https://api-logncrash.nhncloudservice.com/v2/log"
    # the SDK's configuration wins over the environment
    monkeypatch.setattr(logger_module, "_profile_from_sdk_config", lambda: (True, "http://127.0.0.1:7777"))
    assert logger_module._resolve_url() == "http://127.0.0.1:7777/v2/log"
    with Logger(logncrash_appkey="k", url="http://127.0.0.1:1/explicit", flush_interval=60) as lg:
        assert lg.url == "http://127.0.0.1:1/explicit"


@pytest.mark.parametrize(
    "first_import",
    ["import easymaker.log.logger", "from easymaker.log.logger import Logger", "import easymaker.log", "pass"],
)
def test_guide_call_form_returns_a_logger(first_import: str, collector: Collector) -> None:
    """``easymaker.logger(logncrash_appkey=...)`` builds a Logger whichever import happened first."""
    script = textwrap.dedent(
        f"""
        {first_import}
        import easymaker
        lg = easymaker.logger(logncrash_appkey="guide-key", url={collector.url!r})
        assert type(lg).__name__ == "Logger", type(lg)
        lg.send("test log meassage")
        lg.close()
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    (record,) = collector.wait_for(1)
    assert record["projectName"] == "guide-key" and record["body"] == "test log meassage"
