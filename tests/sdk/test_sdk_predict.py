"""predict: stage and URL selection, API spec detection, encoding, errors; no EasyMaker credentials sent."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

import easymaker
from easymaker.resources.endpoint import (
    STAGE_ROUTE_TTL,
    ApiSpec,
    detect_api_spec,
    forget_stage_routes,
    inference_path,
)

BASE = "https://kr1-easymaker.api.nhncloudservice.com/v1.0/appkeys/ak"
OK = {"header": {"isSuccessful": True}}
STAGE_HOST = "kr1-abc.api.nhncloudservice.com"


def stage(
    stage_id: str, default_key: str | None, models: list[dict[str, Any]], url: str = STAGE_HOST
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "endpointStageId": stage_id,
        "endpointStageStatusCode": "ACTIVE",
        "apigwStageUrl": url,
        "endpointModelList": models,
    }
    if default_key:
        data[default_key] = True
    return data


@pytest.fixture(autouse=True)
def no_cached_stages() -> Iterator[None]:
    forget_stage_routes()
    yield
    forget_stage_routes()


@pytest.fixture
def client() -> easymaker.Client:
    return easymaker.Client(appkey="ak", access_token="secret", sleep=lambda s: None)


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False) as r:
        r.get(f"{BASE}/endpoints/e1").mock(
            return_value=httpx.Response(
                200, json={**OK, "endpoint": {"endpointId": "e1", "endpointStatusCode": "ACTIVE"}}
            )
        )
        yield r


@pytest.mark.parametrize("default_key", ["isDefaultStage", "defaultStage"])
def test_endpoint_predict_uses_the_default_stage(
    router: respx.MockRouter, client: easymaker.Client, default_key: str
) -> None:
    models = [{"modelId": "m1", "model": {"modelName": "iris model"}}]
    stages = router.get(f"{BASE}/endpoint-stages").mock(
        return_value=httpx.Response(
            200,
            json={**OK, "endpointStageList": [stage("s0", None, [], "other.host"), stage("s1", default_key, models)]},
        )
    )
    infer = router.post(f"https://{STAGE_HOST}/v1/models/iris%20model/predict").mock(
        return_value=httpx.Response(200, json={"predictions": [[0.1, 0.9]]})
    )
    endpoint = easymaker.Endpoint("e1", client=client)
    assert stages.call_count == 0  # constructing does not list stages
    answer = endpoint.predict(model_id="m1", json={"instances": [[6.0, 3.4, 4.5, 1.6]]})
    assert answer == {"predictions": [[0.1, 0.9]]}
    assert stages.call_count == 1
    sent = infer.calls.last.request
    assert json.loads(sent.content) == {"instances": [[6.0, 3.4, 4.5, 1.6]]}
    assert "x-nhn-authorization" not in sent.headers and "x-easymaker-token" not in sent.headers


def test_stage_predict_paths_by_spec_and_resource_uri(client: easymaker.Client) -> None:
    models: list[dict[str, Any]] = [
        {"modelId": "m1", "model": {"modelName": "mm"}},
        {"modelId": "m2", "apigwResourceUri": "/custom/infer"},
    ]
    with respx.mock() as router:
        router.get(f"{BASE}/endpoint-stages/s1").mock(
            return_value=httpx.Response(200, json={**OK, "endpointStage": stage("s1", None, models)})
        )
        v2 = router.post(f"https://{STAGE_HOST}/v2/models/mm/infer").mock(
            return_value=httpx.Response(200, json={"outputs": []})
        )
        chat = router.post(f"https://{STAGE_HOST}/v1/chat/completions").mock(
            return_value=httpx.Response(200, json={"id": "c"})
        )
        custom = router.post(f"https://{STAGE_HOST}/custom/infer").mock(
            return_value=httpx.Response(200, json={"ok": 1})
        )
        explicit = router.post(f"https://{STAGE_HOST}/v1/completions").mock(
            return_value=httpx.Response(200, json={"id": "x"})
        )
        s = easymaker.EndpointStage("s1", client=client)
        assert s.predict("m1", {"inputs": [{"name": "x"}]}) == {"outputs": []}
        assert s.predict("m1", {"model": "mm", "messages": []}) == {"id": "c"}
        assert s.predict("m2", {"instances": [1]}) == {"ok": 1}
        assert s.predict("m2", {"anything": 1}, api_spec="OPENAI_COMPLETION_V1") == {"id": "x"}
        assert (v2.call_count, chat.call_count, custom.call_count, explicit.call_count) == (1, 1, 1, 1)


def test_model_not_deployed_lists_the_deployed_ids(router: respx.MockRouter, client: easymaker.Client) -> None:
    router.get(f"{BASE}/endpoint-stages").mock(
        return_value=httpx.Response(
            200,
            json={**OK, "endpointStageList": [stage("s1", "isDefaultStage", [{"modelId": "m1"}, {"modelId": "m2"}])]},
        )
    )
    with pytest.raises(easymaker.NotDeployedError, match="'m9' is not deployed.*m1, m2"):
        easymaker.Endpoint("e1", client=client).predict(model_id="m9", json={"instances": []})


def test_json_none_and_http_errors(router: respx.MockRouter, client: easymaker.Client) -> None:
    router.get(f"{BASE}/endpoint-stages").mock(
        return_value=httpx.Response(
            200,
            json={
                **OK,
                "endpointStageList": [stage("s1", "isDefaultStage", [{"modelId": "m1", "model": {"modelName": "mm"}}])],
            },
        )
    )
    endpoint = easymaker.Endpoint("e1", client=client)
    with pytest.raises(easymaker.EasyMakerValidationError, match="json is required"):
        endpoint.predict(model_id="m1", json=None)
    router.post(f"https://{STAGE_HOST}/v1/models/mm/predict").mock(
        side_effect=[httpx.Response(500, text="model crashed: out of memory"), httpx.Response(200, text="not json")]
    )
    with pytest.raises(easymaker.PredictError) as info:
        endpoint.predict(model_id="m1", json={"instances": [[1]]})
    assert info.value.status_code == 500 and "out of memory" in str(info.value)
    with pytest.raises(easymaker.PredictError, match="not JSON"):
        endpoint.predict(model_id="m1", json={"instances": [[1]]})


def test_plain_http_stage_url_in_the_local_profile() -> None:
    from easymaker.local.auth import server_proof

    client = easymaker.Client(appkey="local", access_token="t", profile="local", api_url="http://127.0.0.1:10090")
    with respx.mock() as router:
        router.post("http://127.0.0.1:10090/local/v1.0/server-proof").mock(  # the server proves it holds the token
            side_effect=lambda request: httpx.Response(
                200, json={**OK, "proof": server_proof("t", 10090, json.loads(request.content)["nonce"])}
            )
        )
        router.get("http://127.0.0.1:10090/v1.0/appkeys/local/endpoint-stages/s1").mock(
            return_value=httpx.Response(
                200,
                json={
                    **OK,
                    "endpointStage": stage(
                        "s1", None, [{"modelId": "m1", "model": {"modelName": "mm"}}], "127.0.0.1:4567"
                    ),
                },
            )
        )
        infer = router.post("http://127.0.0.1:4567/v1/models/mm/predict").mock(
            return_value=httpx.Response(200, json={"p": 1})
        )
        assert easymaker.EndpointStage("s1", client=client).predict("m1", {"instances": [[1]]}) == {"p": 1}
        assert infer.call_count == 1


def test_spec_detection_table() -> None:
    assert detect_api_spec({"instances": []}) is ApiSpec.kserve_v1
    assert detect_api_spec({"inputs": []}) is ApiSpec.kserve_v2
    assert detect_api_spec({"model": "x", "prompt": "p"}) is ApiSpec.openai_completion_v1
    assert detect_api_spec({"model": "x", "messages": []}) is ApiSpec.openai_chat_completion_v1
    assert detect_api_spec({"other": 1}) is ApiSpec.kserve_v1
    assert inference_path(ApiSpec.kserve_v1, "a/b") == "/v1/models/a%2Fb/predict"


# ----- the process-wide default-stage cache of Endpoint(id).predict --------------------------------------------


def stage_list(*stages: dict[str, Any]) -> httpx.Response:
    return httpx.Response(200, json={**OK, "endpointStageList": list(stages)})


MODELS = [{"modelId": "m1", "model": {"modelName": "mm"}}]
BODY = {"instances": [[1.0, 2.0, 3.0, 4.0]]}


def test_guide_loop_sends_no_control_plane_request_after_the_first(
    router: respx.MockRouter, client: easymaker.Client
) -> None:
    stages = router.get(f"{BASE}/endpoint-stages").mock(return_value=stage_list(stage("s1", "isDefaultStage", MODELS)))
    infer = router.post(f"https://{STAGE_HOST}/v1/models/mm/predict").mock(
        return_value=httpx.Response(200, json={"predictions": [1]})
    )
    for _ in range(5):
        assert easymaker.Endpoint("e1", client=client).predict(model_id="m1", json=BODY) == {"predictions": [1]}
    assert infer.call_count == 5
    control = [c for c in router.calls if c.request.url.host != STAGE_HOST]
    assert len(control) == 1 and stages.call_count == 1  # one stage list; the endpoint itself is never fetched
    # another appkey (another client) has its own route
    other = easymaker.Client(appkey="ak2", access_token="s", sleep=lambda s: None)
    router.get(f"{BASE}2/endpoint-stages").mock(
        return_value=stage_list(stage("s9", "isDefaultStage", MODELS, "other.host"))
    )
    router.post("https://other.host/v1/models/mm/predict").mock(return_value=httpx.Response(200, json={"o": 1}))
    assert easymaker.Endpoint("e1", client=other).predict(model_id="m1", json=BODY) == {"o": 1}


@pytest.mark.parametrize("failure", [404, 503, "refused"])
def test_a_replaced_stage_is_found_again_and_the_request_resent(
    router: respx.MockRouter, client: easymaker.Client, failure: int | str
) -> None:
    old, new = STAGE_HOST, "kr1-new.api.nhncloudservice.com"
    stages = router.get(f"{BASE}/endpoint-stages").mock(
        side_effect=[
            stage_list(stage("s1", "isDefaultStage", MODELS, old)),
            stage_list(stage("s2", "isDefaultStage", MODELS, new)),
        ]
    )
    gone: Any = (
        httpx.ConnectError("connection refused") if failure == "refused" else httpx.Response(int(failure), text="no")
    )
    first = router.post(f"https://{old}/v1/models/mm/predict").mock(
        side_effect=[httpx.Response(200, json={"at": "old"}), gone, gone, gone, gone]
    )
    second = router.post(f"https://{new}/v1/models/mm/predict").mock(
        return_value=httpx.Response(200, json={"at": "new"})
    )
    assert easymaker.Endpoint("e1", client=client).predict(model_id="m1", json=BODY) == {"at": "old"}
    assert easymaker.Endpoint("e1", client=client).predict(model_id="m1", json=BODY) == {"at": "new"}
    assert easymaker.Endpoint("e1", client=client).predict(model_id="m1", json=BODY) == {"at": "new"}
    assert stages.call_count == 2 and second.call_count == 2
    assert first.call_count == (5 if failure == "refused" else 2)  # a refused connect is retried by the transport


def test_the_same_stage_after_a_refresh_keeps_its_error(router: respx.MockRouter, client: easymaker.Client) -> None:
    stages = router.get(f"{BASE}/endpoint-stages").mock(return_value=stage_list(stage("s1", "isDefaultStage", MODELS)))
    infer = router.post(f"https://{STAGE_HOST}/v1/models/mm/predict").mock(
        return_value=httpx.Response(503, text="model loading")
    )
    with pytest.raises(easymaker.PredictError, match="model loading") as info:
        easymaker.Endpoint("e1", client=client).predict(model_id="m1", json=BODY)
    assert info.value.status_code == 503
    assert stages.call_count == 2 and infer.call_count == 1  # asked again, not resent to the same address


def test_other_failures_do_not_refresh(router: respx.MockRouter, client: easymaker.Client) -> None:
    stages = router.get(f"{BASE}/endpoint-stages").mock(return_value=stage_list(stage("s1", "isDefaultStage", MODELS)))
    router.post(f"https://{STAGE_HOST}/v1/models/mm/predict").mock(
        side_effect=[httpx.Response(500, text="boom"), httpx.Response(400, text="bad input")]
    )
    for _ in range(2):
        with pytest.raises(easymaker.PredictError):
            easymaker.Endpoint("e1", client=client).predict(model_id="m1", json=BODY)
    assert stages.call_count == 1


def test_the_route_expires_and_is_forgotten_when_deleted(router: respx.MockRouter) -> None:
    now = [1000.0]
    client = easymaker.Client(appkey="ak", access_token="secret", sleep=lambda s: None, clock=lambda: now[0])
    stages = router.get(f"{BASE}/endpoint-stages").mock(return_value=stage_list(stage("s1", "isDefaultStage", MODELS)))
    router.post(f"https://{STAGE_HOST}/v1/models/mm/predict").mock(return_value=httpx.Response(200, json={}))
    router.delete(f"{BASE}/endpoint-stages/s1").mock(return_value=httpx.Response(200, json=OK))
    router.delete(f"{BASE}/endpoints/e1").mock(return_value=httpx.Response(200, json=OK))

    def predict() -> None:
        easymaker.Endpoint("e1", client=client).predict(model_id="m1", json=BODY)

    predict()
    now[0] += STAGE_ROUTE_TTL - 1
    predict()
    assert stages.call_count == 1
    now[0] += 2
    predict()
    assert stages.call_count == 2
    easymaker.EndpointStage({"endpointStageId": "s1"}, client=client).delete()
    predict()
    assert stages.call_count == 3
    easymaker.Endpoint("e1", client=client).delete()
    predict()
    assert stages.call_count == 4


def test_model_name_looked_up_once_per_route(router: respx.MockRouter, client: easymaker.Client) -> None:
    router.get(f"{BASE}/endpoint-stages").mock(
        return_value=stage_list(stage("s1", "isDefaultStage", [{"modelId": "m1"}]))
    )
    model = router.get(f"{BASE}/models/m1").mock(
        return_value=httpx.Response(200, json={**OK, "model": {"modelId": "m1", "modelName": "mm"}})
    )
    infer = router.post(f"https://{STAGE_HOST}/v1/models/mm/predict").mock(return_value=httpx.Response(200, json={}))
    for _ in range(3):
        easymaker.Endpoint("e1", client=client).predict(model_id="m1", json=BODY)
    assert model.call_count == 1 and infer.call_count == 3
