"""The waiter: success/failure sets, in-progress states, adaptive polling with an injected clock, deadline, Ctrl-C,
logging; and the compound wait of Endpoint.create."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
import respx

import easymaker
from easymaker._wait import BACKOFF_FACTOR, FIRST_POLL_INTERVAL, MAX_POLL_INTERVAL

BASE = "https://kr1-easymaker.api.nhncloudservice.com/v1.0/appkeys/ak"
OK = {"header": {"isSuccessful": True}}


class FakeTime:
    """A clock that only moves when the code sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def training(status: str, reason: str | None = None) -> httpx.Response:
    data: dict[str, Any] = {"trainingId": "t1", "trainingStatusCode": status}
    if reason:
        data["trainingStatusReason"] = reason
    return httpx.Response(200, json={**OK, "training": data})


def client_for(fake: FakeTime) -> easymaker.Client:
    return easymaker.Client(appkey="ak", access_token="tok", sleep=fake.sleep, clock=fake.clock)


def test_in_progress_states_are_not_failures_and_polling_backs_off(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeTime()
    statuses = ["CREATE_IN_PROGRESS", "RUNNING", "STOP_IN_PROGRESS", "FAIL_TRAIN_IN_PROGRESS", "COMPLETE_IN_PROGRESS"]
    statuses += ["RUNNING"] * 10 + ["COMPLETE"]
    caplog.set_level(logging.INFO, logger="easymaker")
    with respx.mock() as router:
        route = router.get(f"{BASE}/trainings/t1").mock(side_effect=[training(s) for s in statuses])
        result = easymaker.Training(
            {"trainingId": "t1", "trainingStatusCode": "CREATE_REQUESTED"}, client=client_for(fake)
        ).wait()
    assert result.status == "COMPLETE"
    assert route.call_count == len(statuses)
    assert fake.sleeps[0] == FIRST_POLL_INTERVAL <= 0.5
    for previous, current in zip(fake.sleeps, fake.sleeps[1:], strict=False):
        assert current == pytest.approx(min(MAX_POLL_INTERVAL, previous * BACKOFF_FACTOR))
    assert max(fake.sleeps) == MAX_POLL_INTERVAL
    messages = [r.getMessage() for r in caplog.records if r.name == "easymaker"]
    assert any("status RUNNING" in m for m in messages) and any("complete" in m for m in messages)
    # progress lines get rarer: far fewer log lines than polls
    assert len(messages) < route.call_count


@pytest.mark.parametrize("status", ["FAIL_TRAIN", "CREATE_FAILED", "STOPPED"])
def test_failure_status_raises_with_the_server_reason(status: str) -> None:
    fake = FakeTime()
    with respx.mock() as router:
        router.get(f"{BASE}/trainings/t1").mock(side_effect=[training("RUNNING"), training(status, "exit code 3")])
        with pytest.raises(easymaker.ResourceFailedError) as info:
            easymaker.Training(
                {"trainingId": "t1", "trainingStatusCode": "CREATE_REQUESTED"}, client=client_for(fake)
            ).wait()
    assert info.value.status == status and info.value.reason == "exit code 3"
    assert "exit code 3" in str(info.value) and isinstance(info.value, easymaker.WaitError)
    assert info.value.resource.training_id == "t1"


def test_failure_returned_by_the_create_call_raises_without_polling() -> None:
    fake = FakeTime()
    with respx.mock(assert_all_called=False) as router:
        router.get(f"{BASE}/flavors").mock(
            return_value=httpx.Response(200, json={**OK, "flavorList": [{"id": "f", "name": "m"}]})
        )
        router.get(f"{BASE}/images").mock(
            return_value=httpx.Response(200, json={**OK, "imageList": [{"imageId": "i", "imageName": "img"}]})
        )
        router.post(f"{BASE}/trainings").mock(return_value=training("CREATE_FAILED", "no quota"))
        poll = router.get(f"{BASE}/trainings/t1").mock(return_value=training("RUNNING"))
        with pytest.raises(easymaker.ResourceFailedError, match="no quota"):
            easymaker.Training(client=client_for(fake)).run("t", "img", "m", "obs://m")
    assert poll.call_count == 0 and fake.sleeps == []


def test_timeout_raises_wait_timeout_error_at_the_deadline() -> None:
    fake = FakeTime()
    with respx.mock() as router:
        router.get(f"{BASE}/trainings/t1").mock(return_value=training("RUNNING"))
        with pytest.raises(easymaker.WaitTimeoutError) as info:
            easymaker.Training({"trainingId": "t1", "trainingStatusCode": "RUNNING"}, client=client_for(fake)).wait(
                timeout=30
            )
    assert info.value.status == "RUNNING" and info.value.timeout == 30
    assert fake.now == pytest.approx(30.0)


def test_unknown_status_keeps_waiting() -> None:
    fake = FakeTime()
    with respx.mock() as router:
        router.get(f"{BASE}/trainings/t1").mock(side_effect=[training("QUEUED_SOMEWHERE"), training("COMPLETE")])
        result = easymaker.Training(
            {"trainingId": "t1", "trainingStatusCode": "CREATE_REQUESTED"}, client=client_for(fake)
        ).wait()
    assert result.status == "COMPLETE"


def test_ctrl_c_stops_waiting_and_propagates(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeTime()

    def interrupting_sleep(seconds: float) -> None:
        raise KeyboardInterrupt

    client = easymaker.Client(appkey="ak", access_token="tok", sleep=interrupting_sleep, clock=fake.clock)
    caplog.set_level(logging.INFO, logger="easymaker")
    with respx.mock(assert_all_called=False) as router:
        poll = router.get(f"{BASE}/trainings/t1").mock(return_value=training("RUNNING"))
        with pytest.raises(KeyboardInterrupt):
            easymaker.Training({"trainingId": "t1", "trainingStatusCode": "RUNNING"}, client=client).wait()
    assert poll.call_count == 0
    assert any("stopped waiting" in r.getMessage() for r in caplog.records)


def test_endpoint_create_waits_for_the_endpoint_then_its_default_stage() -> None:
    fake = FakeTime()
    with respx.mock() as router:
        router.get(f"{BASE}/flavors").mock(
            return_value=httpx.Response(200, json={**OK, "flavorList": [{"id": "f", "name": "c2.c16m16"}]})
        )
        router.post(f"{BASE}/endpoints").mock(
            return_value=httpx.Response(
                200, json={**OK, "endpoint": {"endpointId": "e1", "endpointStatusCode": "CREATE_REQUESTED"}}
            )
        )
        router.get(f"{BASE}/endpoints/e1").mock(
            side_effect=[
                httpx.Response(200, json={**OK, "endpoint": {"endpointId": "e1", "endpointStatusCode": s}})
                for s in ("CREATE_IN_PROGRESS", "ACTIVE")
            ]
        )
        stages = router.get(f"{BASE}/endpoint-stages").mock(
            return_value=httpx.Response(
                200,
                json={
                    **OK,
                    "endpointStageList": [
                        {"endpointStageId": "s2", "endpointStageStatusCode": "ACTIVE", "isDefaultStage": False},
                        {
                            "endpointStageId": "s1",
                            "endpointStageStatusCode": "DEPLOY_IN_PROGRESS",
                            "defaultStage": True,
                        },
                    ],
                },
            )
        )
        stage = router.get(f"{BASE}/endpoint-stages/s1").mock(
            return_value=httpx.Response(
                200, json={**OK, "endpointStage": {"endpointStageId": "s1", "endpointStageStatusCode": "ACTIVE"}}
            )
        )
        endpoint = easymaker.Endpoint(client=client_for(fake)).create(
            endpoint_name="ep",
            instance_type_name="c2.c16m16",
            endpoint_model_resource_list=[{"modelId": "m1", "resourceOptionDetail": {"cpu": "1", "memory": "1Gi"}}],
        )
    assert endpoint.status == "ACTIVE"
    assert stages.call_count == 1 and stages.calls.last.request.url.params["endpointId"] == "e1"
    assert stage.call_count == 1


def test_status_sets_use_values_of_the_contract() -> None:
    """Every success/failure status of every resource is a value of the spec's status enum."""
    import importlib

    from easymaker.resources.base import _RESOURCE_MODULES, resource_class

    for name in _RESOURCE_MODULES:
        cls = resource_class(name)
        module = importlib.import_module(f"easymaker_api.models.{_snake(name)}_status_code")
        known = set(getattr(module, f"{name}StatusCode").known_values())
        assert cls._success and cls._success <= known, name
        assert cls._failure <= known, name
        assert not (cls._success & cls._failure)
        assert not any(s.endswith("_IN_PROGRESS") for s in cls._failure), name


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")
