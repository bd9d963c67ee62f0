"""Predict as the user's guide writes it, against the same request sent straight to the stage.

EasyMaker Local serves a scikit-learn iris classifier on an endpoint's default stage. Measured in one process:

* guide: ``easymaker.Endpoint(endpoint_id).predict(model_id=..., json=...)`` in a loop (a new ``Endpoint`` object
  per call, as the guide writes it);
* anchor: the same POST sent straight to the stage's URL with a keep-alive ``httpx.Client`` (JSON encoded and the
  answer decoded, as the SDK does).

Blocks of each alternate, so both see the same machine load. The SDK's transport counts the requests it sends to the
API's address (the control plane; the stage has its own): requests per predict in steady state, after the first
call.

Printed: median and mean time per call, the ratio guide / anchor (target <= 1.3) and the control-plane requests per
predict (target 0).

Run: ``.venv/bin/python bench/predict_loop.py [--calls 1000] [--blocks 10]``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import joblib
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

import easymaker
from easymaker._client import set_default_client
from easymaker._transport import SchemeTransport
from easymaker.resources.endpoint import ApiSpec, inference_path

APPKEY = "bench-predict"
INSTANCE = "m2.c4m8"
BODY = {"instances": [[6.0, 3.4, 4.5, 1.6]]}


def deploy(home: Path) -> tuple[str, str, str]:
    """An iris model on NAS, registered and deployed; (endpoint id, model id, model name)."""
    iris = load_iris()
    model_dir = home / "nas" / "n1" / "iris"
    model_dir.mkdir(parents=True)
    joblib.dump(LogisticRegression(max_iter=500).fit(iris.data, iris.target), model_dir / "model.joblib")
    model = easymaker.Model().create(
        model_name="bench-iris",
        model_upload_uri="nas://n1:/iris",
        model_format_code=easymaker.ModelFormatCode.SKLEARN,
        timeout=60,
    )
    endpoint = easymaker.Endpoint().create(
        endpoint_name="bench-predict",
        instance_type_name=INSTANCE,
        endpoint_model_resource_list=[
            {"modelId": model.model_id, "resourceOptionDetail": {"cpu": "1", "memory": "1Gi"}}
        ],
        timeout=180,
    )
    return str(endpoint.endpoint_id), str(model.model_id), str(model.model_name)


class CountingTransport(httpx.BaseTransport):
    """The SDK's usual transport (its API and inference clients both use it), counting the requests to the API."""

    def __init__(self, api_url: str) -> None:
        self.wrapped = SchemeTransport()
        self.api = httpx.URL(api_url)
        self.count = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if (request.url.host, request.url.port) == (self.api.host, self.api.port):
            self.count += 1
        return self.wrapped.handle_request(request)

    def close(self) -> None:
        self.wrapped.close()


def timed(calls: int, one: Any) -> list[float]:
    samples = []
    for _ in range(calls):
        start = time.perf_counter()
        one()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000, help="calls per loop, split into blocks")
    parser.add_argument("--blocks", type=int, default=10)
    args = parser.parse_args()
    per_block = max(1, args.calls // args.blocks)
    from easymaker.local.server import LocalServer

    with tempfile.TemporaryDirectory(prefix="em-bench-predict-") as tmp:
        tmpdir = Path(tmp)
        home = tmpdir / "home"
        server = LocalServer(home, "127.0.0.1", 0, None, log_file=tmpdir / "server.log").start()
        counting = CountingTransport(server.url)
        raw = httpx.Client()
        try:
            easymaker.init(
                profile="local", appkey=APPKEY, access_token=server.token, api_url=server.url, transport=counting
            )
            endpoint_id, model_id, model_name = deploy(home)
            stage = easymaker.Endpoint(endpoint_id).get_default_stage()
            url = f"http://{stage.apigw_stage_url}{inference_path(ApiSpec.kserve_v1, model_name)}"

            def guide() -> Any:
                return easymaker.Endpoint(endpoint_id).predict(model_id=model_id, json=BODY)

            def anchor() -> Any:
                response = raw.post(url, json=BODY)
                response.raise_for_status()
                return response.json()

            first = guide()
            assert first == anchor(), (first, anchor())
            timed(50, guide), timed(50, anchor)  # warm-up
            guide_s: list[float] = []
            anchor_s: list[float] = []
            before = counting.count
            for _ in range(args.blocks):
                guide_s += timed(per_block, guide)
                anchor_s += timed(per_block, anchor)
            control = (counting.count - before) / len(guide_s)
        finally:
            raw.close()
            set_default_client(None)  # closes the SDK's connections
            server.stop()

    g_med, a_med = statistics.median(guide_s) * 1000, statistics.median(anchor_s) * 1000
    g_mean, a_mean = statistics.fmean(guide_s) * 1000, statistics.fmean(anchor_s) * 1000
    print(f"{len(guide_s)} calls each, in {args.blocks} alternating blocks; iris model, 1 row, KServe V1\n")
    print(f"{'per call':<54} {'median [ms]':>12} {'mean [ms]':>10}")
    print(f"{'anchor: POST straight to the stage (httpx, keep-alive)':<54} {a_med:>12.3f} {a_mean:>10.3f}")
    print(f"{'guide: easymaker.Endpoint(id).predict(model_id, json)':<54} {g_med:>12.3f} {g_mean:>10.3f}")
    print(f"\nguide / anchor: median {g_med / a_med:.2f}, mean {g_mean / a_mean:.2f} (target <= 1.30)")
    print(f"control-plane requests per predict in steady state: {control:.3f} (target 0)")


if __name__ == "__main__":
    main()
