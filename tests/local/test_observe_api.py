"""EasyMaker Local's observability operations over HTTP: a job's log as JSON chunks and as Server-Sent Events
(resumable with Last-Event-ID), its log sources, and the errors for bad offsets, unknown sources and other appkeys."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from local_server import LocalServerHandle

import easymaker

IMAGE = "Ubuntu 22.04 CPU PyTorch Training"
SCRIPT = """
import sys, time
for i in range(6):
    print("line", i, flush=True)
    time.sleep(0.05)
print("to stderr", file=sys.stderr, flush=True)
sys.stdout.write("no newline at the end")
"""


pytestmark = pytest.mark.local_server(files={"nas/n1/src/train.py": SCRIPT})


@pytest.fixture(scope="module")
def training_id(local_sdk_module: easymaker.Client) -> str:
    training = easymaker.Training().run(
        training_name="observed",
        image_name=IMAGE,
        instance_type_name="m2.c4m8",
        source_dir_uri="nas://n1:/src",
        entry_point="train.py",
        model_upload_uri="nas://n1:/models/observed",
        wait=False,
    )
    assert training.training_id is not None
    return training.training_id


EXPECTED = [*(f"line {i}" for i in range(6)), "to stderr", "no newline at the end"]


def _events(response: httpx.Response) -> Iterator[dict[str, str]]:
    event: dict[str, str] = {}
    for line in response.iter_lines():
        if not line:
            if event:
                yield event
            event = {}
        elif not line.startswith(":"):
            key, _, value = line.partition(": ")
            event[key] = value


def test_server_sent_events_follow_to_the_end_and_resume_without_loss(
    local_server_module: LocalServerHandle, training_id: str
) -> None:
    api = local_server_module.api("local")
    sse = {"Accept": "text/event-stream"}
    seen: list[tuple[int, str]] = []
    with api.stream("GET", f"/logs/{training_id}", headers=sse) as response:
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
        for event in _events(response):
            seen.append((int(event["id"]), event["data"]))
            if len(seen) == 4:
                break  # drop the connection in the middle of the job
    with api.stream("GET", f"/logs/{training_id}", headers={**sse, "Last-Event-ID": str(seen[-1][0])}) as response:
        end = None
        for event in _events(response):
            if event.get("event") == "end":
                end = json.loads(event["data"])
                break
            seen.append((int(event["id"]), event["data"]))
    assert end is not None and end["statusCode"] == "COMPLETE"
    lines = [line for _, line in seen if not line.startswith("[easymaker]")]
    assert lines == EXPECTED  # each line once, in order, across the reconnect
    offsets = [offset for offset, _ in seen]
    assert offsets == sorted(set(offsets)) and end["offset"] == offsets[-1]
    statuses = [line for _, line in seen if line.startswith("[easymaker] status")]
    assert statuses[0] == "[easymaker] status CREATE_IN_PROGRESS" and statuses[-1] == "[easymaker] status COMPLETE"


def test_json_chunks_from_an_offset(local_server_module: LocalServerHandle, training_id: str) -> None:
    api = local_server_module.api("local")
    lines: list[str] = []
    offset, finished = 0, False
    for _ in range(200):
        doc = api.get(f"/logs/{training_id}", params={"offset": offset, "maxBytes": 40, "waitSeconds": 5}).json()
        chunk = doc["logChunk"]
        assert chunk["offset"] == offset
        lines += chunk["lineList"]
        offset, finished = chunk["nextOffset"], chunk["finished"]
        if finished:
            break
    assert finished and [ln for ln in lines if not ln.startswith("[easymaker]")] == EXPECTED
    again = api.get(f"/logs/{training_id}", params={"offset": offset}).json()["logChunk"]
    assert again["lineList"] == [] and again["finished"] and again["statusCode"] == "COMPLETE"
    sources = api.get(f"/logs/{training_id}/sources").json()["logSourceList"]
    assert sources == [{"source": "", "sourceTypeCode": "JOB", "sizeBytes": offset}]


@pytest.mark.parametrize(
    ("params", "headers", "status", "message"),
    [
        ({"offset": 10**9}, {}, 400, "past the end of the log"),
        ({"offset": "x"}, {}, 400, "offset: 'x' is not an integer"),
        ({"offset": -1}, {}, 400, "offset"),
        ({"waitSeconds": 31}, {}, 400, "waitSeconds"),
        ({"waitSeconds": "nan"}, {}, 400, "not a finite number"),
        ({"source": "nope"}, {}, 404, "no log named 'nope'"),
        ({}, {"Accept": "text/event-stream", "Last-Event-ID": "abc"}, 400, "Last-Event-ID"),
    ],
)
def test_bad_requests_are_refused_with_the_reason(
    local_server_module: LocalServerHandle,
    training_id: str,
    params: dict[str, object],
    headers: dict[str, str],
    status: int,
    message: str,
) -> None:
    response = local_server_module.api("local").get(f"/logs/{training_id}", params=params, headers=headers)  # type: ignore[arg-type]
    assert response.status_code == status and message in response.json()["header"]["resultMessage"]


def test_other_appkeys_and_unknown_ids_see_nothing(local_server_module: LocalServerHandle, training_id: str) -> None:
    for api, rid in (
        (local_server_module.api("someone-else"), training_id),
        (local_server_module.api("local"), "no-such-job"),
    ):
        for path in (f"/logs/{rid}", f"/logs/{rid}/sources", f"/metrics/{rid}"):
            response = api.get(path)
            assert response.status_code == 404, path
    unauthenticated = httpx.get(f"{local_server_module.url}/v1.0/appkeys/local/logs/{training_id}")
    assert unauthenticated.status_code == 401
