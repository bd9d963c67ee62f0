"""The job-process guard ends only processes that are provably a job's: by the tag in their environment, or by
their process group while its leader runs with the recorded start time (a reused pid is never killed)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from easymaker.local.runners import guard

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

SLEEPER = [sys.executable, "-c", "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', "
           "'import time; time.sleep(60)']); time.sleep(60)"]  # fmt: skip


def _gone(proc: subprocess.Popen[bytes], timeout: float = 10.0) -> bool:
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        return False
    return True


def test_a_record_that_does_not_match_is_left_alone(tmp_path: Path) -> None:
    guard.configure(tmp_path / "run")
    proc = guard.spawn(SLEEPER, stdout=subprocess.DEVNULL)
    try:
        record = proc.record
        assert record is not None
        time.sleep(0.5)  # the grandchild has started
        mine = guard.members(record)
        assert proc.pid in mine and len(mine) == 2, mine
        # same pgid, other start time and tag: a pid reused by someone else's process -> nothing matches
        stranger = guard.Record("not-a-tag", record.pgid, record.start_time + 1)
        assert guard.members(stranger) == []
        assert guard.end_processes([stranger]) == 0
        assert proc.poll() is None
    finally:
        guard.end_processes([r for r in [proc.record] if r is not None], grace=1)
        proc.wait(10)
        proc.release()
        guard.configure(None)


def test_records_left_by_a_dead_server_are_ended_at_start(tmp_path: Path) -> None:
    run = tmp_path / "run"
    guard.configure(run)
    proc = guard.spawn(SLEEPER, stdout=subprocess.DEVNULL)
    guard.configure(None)
    record_file = run / "processes" / f"{proc.record.tag}.json"  # type: ignore[union-attr]
    assert json.loads(record_file.read_text())["pgid"] == proc.pid
    time.sleep(0.5)
    children = guard.members(proc.record)  # type: ignore[arg-type]
    assert len(children) == 2
    assert guard.end_recorded(run) == 2
    assert _gone(proc)
    assert not record_file.exists()
    assert guard.members(guard.Record(proc.record.tag, proc.pid, proc.record.start_time)) == []  # type: ignore[union-attr]
