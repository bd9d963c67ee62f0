"""Transport: retries (count, backoff through the injected sleep, Retry-After, idempotency), timeouts, envelope
and HTTP errors, non-JSON bodies."""

from __future__ import annotations

import json

import httpx
import pytest
import respx

import easymaker
from easymaker._transport import INITIAL_RETRY_DELAY, JITTER_RATIO, MAX_RETRY_DELAY, parse_retry_after

BASE = "https://kr1-easymaker.api.nhncloudservice.com/v1.0/appkeys/ak"
OK = {"header": {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}}


def ok(**payload: object) -> httpx.Response:
    return httpx.Response(200, json={**OK, **payload})


class Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_client(sleeps: Sleeps, **kwargs: object) -> easymaker.Client:
    return easymaker.Client(appkey="ak", access_token="tok", sleep=sleeps, **kwargs)  # type: ignore[arg-type]


def test_get_retried_on_5xx_with_capped_exponential_backoff() -> None:
    sleeps = Sleeps()
    with respx.mock() as router:
        route = router.get(f"{BASE}/experiments/e1").mock(
            side_effect=[
                httpx.Response(503),
                httpx.Response(502),
                httpx.Response(500),
                ok(experiment={"experimentId": "e1", "experimentStatusCode": "ACTIVE"}),
            ]
        )
        experiment = easymaker.Experiment("e1", client=make_client(sleeps))
    assert experiment.experiment_id == "e1"
    assert route.call_count == 4
    assert len(sleeps.calls) == 3
    for attempt, delay in enumerate(sleeps.calls, start=1):
        base = min(MAX_RETRY_DELAY, INITIAL_RETRY_DELAY * 2 ** (attempt - 1))
        assert base * (1 - JITTER_RATIO) <= delay <= base


def test_retries_are_bounded_then_the_error_has_status_and_excerpt() -> None:
    sleeps = Sleeps()
    with respx.mock() as router:
        route = router.get(f"{BASE}/trainings").mock(
            return_value=httpx.Response(502, text="<html><body>Bad Gateway</body></html>")
        )
        with pytest.raises(easymaker.InternalServerError) as info:
            easymaker.Training.get_list(client=make_client(sleeps, max_retries=2))
    assert route.call_count == 3
    assert info.value.status_code == 502
    assert "Bad Gateway" in str(info.value) and "GET" in str(info.value)


def test_retry_after_is_honoured() -> None:
    sleeps = Sleeps()
    with respx.mock() as router:
        router.get(f"{BASE}/models").mock(
            side_effect=[httpx.Response(429, headers={"Retry-After": "3"}), ok(modelList=[])]
        )
        assert easymaker.Model.get_list(client=make_client(sleeps)) == []
    assert sleeps.calls == [3.0]
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)


def test_post_not_retried_on_5xx_or_429() -> None:
    sleeps = Sleeps()
    with respx.mock() as router:
        router.get(f"{BASE}/experiments").mock(return_value=ok(experimentList=[]))
        route = router.post(f"{BASE}/experiments").mock(return_value=httpx.Response(503, text="busy"))
        with pytest.raises(easymaker.InternalServerError):
            easymaker.Experiment(client=make_client(sleeps)).create("exp", wait=False)
    assert route.call_count == 1
    assert sleeps.calls == []


def test_post_retried_on_connect_error_only() -> None:
    sleeps = Sleeps()
    with respx.mock() as router:
        router.get(f"{BASE}/experiments").mock(return_value=ok(experimentList=[]))
        route = router.post(f"{BASE}/experiments").mock(
            side_effect=[
                httpx.ConnectError("refused"),
                ok(experiment={"experimentId": "e9", "experimentStatusCode": "ACTIVE"}),
            ]
        )
        experiment = easymaker.Experiment(client=make_client(sleeps)).create("exp", "about", wait=False)
    assert experiment.id == "e9" and route.call_count == 2 and len(sleeps.calls) == 1
    assert json.loads(route.calls.last.request.content) == {"experimentName": "exp", "description": "about"}
    with respx.mock() as router:
        router.get(f"{BASE}/experiments").mock(return_value=ok(experimentList=[]))
        route = router.post(f"{BASE}/experiments").mock(side_effect=httpx.ReadTimeout("slow"))
        with pytest.raises(easymaker.APITimeoutError):
            easymaker.Experiment(client=make_client(sleeps)).create("exp", wait=False)
    assert route.call_count == 1


def test_connection_and_timeout_errors_after_retries() -> None:
    sleeps = Sleeps()
    with respx.mock() as router:
        route = router.get(f"{BASE}/models").mock(side_effect=httpx.ConnectError("refused"))
        with pytest.raises(easymaker.APIConnectionError) as info:
            easymaker.Model.get_list(client=make_client(sleeps, max_retries=1))
    assert route.call_count == 2 and "refused" in str(info.value)
    with respx.mock() as router:
        router.get(f"{BASE}/models").mock(side_effect=httpx.ReadTimeout("slow"))
        with pytest.raises(easymaker.APITimeoutError):
            easymaker.Model.get_list(client=make_client(sleeps, max_retries=0))


def test_timeouts_are_explicit_and_configurable() -> None:
    client = easymaker.Client(appkey="ak", access_token="t", read_timeout=5, connect_timeout=2)
    timeout = client.api.get_httpx_client().timeout
    assert (timeout.connect, timeout.read) == (2, 5)
    default = easymaker.Client(appkey="ak", access_token="t").api.get_httpx_client().timeout
    assert (default.connect, default.read) == (10.0, 60.0)


def test_envelope_failure_with_http_200() -> None:
    with respx.mock() as router:
        router.get(f"{BASE}/trainings/t1").mock(
            return_value=httpx.Response(
                200, json={"header": {"isSuccessful": False, "resultCode": -40001, "resultMessage": "Invalid appkey"}}
            )
        )
        with pytest.raises(easymaker.APIError) as info:
            easymaker.Training("t1", client=make_client(Sleeps()))
    error = info.value
    assert (error.status_code, error.result_code, error.result_message) == (200, -40001, "Invalid appkey")
    assert error.request_method == "GET" and error.request_url == f"{BASE}/trainings/t1"
    assert "Invalid appkey" in str(error) and "-40001" in str(error)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, easymaker.BadRequestError),
        (401, easymaker.AuthenticationError),
        (403, easymaker.PermissionDeniedError),
        (404, easymaker.NotFoundError),
        (409, easymaker.ConflictError),
    ],
)
def test_http_status_errors(status: int, cls: type[easymaker.APIError]) -> None:
    with respx.mock() as router:
        router.delete(f"{BASE}/models/m1").mock(
            return_value=httpx.Response(
                status, json={"header": {"isSuccessful": False, "resultCode": -1, "resultMessage": "nope"}}
            )
        )
        with pytest.raises(cls) as info:
            easymaker.Model({"modelId": "m1"}, client=make_client(Sleeps())).delete()
    assert info.value.status_code == status and info.value.result_message == "nope"
    assert isinstance(info.value, easymaker.EasyMakerError)


def test_non_json_success_body_is_a_clear_error() -> None:
    with respx.mock() as router:
        router.get(f"{BASE}/models").mock(return_value=httpx.Response(200, text="<html>maintenance</html>"))
        with pytest.raises(easymaker.APIResponseError, match="not JSON.*maintenance"):
            easymaker.Model.get_list(client=make_client(Sleeps()))
    with respx.mock() as router:
        router.get(f"{BASE}/models").mock(return_value=httpx.Response(200, json={"modelList": []}))
        with pytest.raises(easymaker.APIResponseError, match="envelope"):
            easymaker.Model.get_list(client=make_client(Sleeps()))


def test_null_fields_in_responses_are_treated_as_absent() -> None:
    with respx.mock() as router:
        router.get(f"{BASE}/hyperparameter-tunings/h1").mock(
            return_value=httpx.Response(
                200,
                json={
                    **OK,
                    "hyperparameterTuning": {
                        "hyperparameterTuningId": "h1",
                        "hyperparameterTuningStatusCode": "RUNNING",
                        "optimalTrial": None,
                        "algorithm": None,
                        "datasetList": [{"datasetName": "train", "dataUri": "obs://d"}],
                        "experiment": {"experimentId": "e1", "experimentName": None},
                    },
                },
            )
        )
        tuning = easymaker.HyperparameterTuning("h1", client=make_client(Sleeps()))
    assert tuning.optimal_trial is None and tuning.algorithm is None
    assert tuning.dataset_list is not None and tuning.dataset_list[0].data_uri == "obs://d"
    assert tuning.experiment is not None
    assert tuning.experiment.experiment_id == "e1" and tuning.experiment.experiment_name is None


def test_tls_is_set_up_only_for_https_requests() -> None:
    """Plain-HTTP requests (EasyMaker Local) never build the verifying TLS pool (loading the CA bundle is most of a
    first call's time); the first https:// request does, and that pool verifies."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from easymaker._transport import SchemeTransport

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    transport = SchemeTransport()
    try:
        with httpx.Client(transport=transport) as client:
            assert client.get(f"http://127.0.0.1:{server.server_address[1]}/").text == "ok"
            assert transport._tls is None
            # an https request to the same plain-HTTP server: the verifying pool is built, and the handshake fails
            with pytest.raises(httpx.ConnectError):
                client.get(f"https://127.0.0.1:{server.server_address[1]}/")
            assert transport._tls is not None
    finally:
        server.shutdown()
        server.server_close()
    assert transport._tls is None, "close() closes both pools"
