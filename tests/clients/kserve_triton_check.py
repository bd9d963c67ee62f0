"""Run in a throw-away virtualenv holding tritonclient[http] and kserve (see test_serving_clients.py): every call a
real client makes against an endpoint stage at ``argv[1]`` (host:port) for model ``argv[2]``; prints one JSON
object with what each call returned, or the error it raised."""

from __future__ import annotations

import asyncio
import json
import sys
import traceback
from typing import Any

import numpy as np

ADDRESS, MODEL = sys.argv[1], sys.argv[2]
ROWS = [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]
NAMES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
results: dict[str, Any] = {}


def attempt(name: str, call: Any) -> None:
    try:
        results[name] = call()
    except Exception as exc:  # reported, the test asserts on it
        results[name] = {"raised": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()[-1500:]}


def triton() -> None:
    import tritonclient.http as th

    client = th.InferenceServerClient(ADDRESS)
    attempt("triton_live", client.is_server_live)
    attempt("triton_metadata", lambda: client.get_model_metadata(MODEL))

    def infer(binary: bool) -> dict[str, Any]:
        inp = th.InferInput("input-0", [2, 4], "FP64")
        inp.set_data_from_numpy(np.asarray(ROWS, dtype=np.float64), binary_data=binary)
        outputs = [th.InferRequestedOutput("predict", binary_data=binary)]
        res = client.infer(MODEL, [inp], outputs=outputs)
        out = res.as_numpy("predict")
        return {"values": out.tolist(), "dtype": str(out.dtype), "datatype": res.get_output("predict")["datatype"]}

    attempt("triton_infer_binary", lambda: infer(True))
    attempt("triton_infer_json", lambda: infer(False))

    def infer_default() -> dict[str, Any]:  # no outputs named: the client asks for binary_data_output
        inp = th.InferInput("input-0", [2, 4], "FP32")
        inp.set_data_from_numpy(np.asarray(ROWS, dtype=np.float32))
        out = client.infer(MODEL, [inp]).as_numpy("predict")
        return {"values": out.tolist(), "dtype": str(out.dtype)}

    attempt("triton_infer_default", infer_default)


async def kserve() -> None:
    from kserve import InferenceRESTClient, InferInput, InferRequest, RESTConfig

    base = f"http://{ADDRESS}"
    v1 = InferenceRESTClient(RESTConfig(protocol="v1", retries=0))
    v2 = InferenceRESTClient(RESTConfig(protocol="v2", retries=0))

    async def run(name: str, coro: Any) -> None:
        try:
            results[name] = await coro
        except Exception as exc:
            results[name] = {"raised": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()[-1500:]}

    await run("kserve_v1_live", v1.is_server_live(base))
    await run("kserve_v2_live", v2.is_server_live(base))
    await run("kserve_v1_predict", v1.infer(base, {"instances": ROWS}, model_name=MODEL))
    objects = [dict(zip(NAMES, row, strict=True)) for row in ROWS]
    await run("kserve_v1_objects", v1.infer(base, {"instances": objects}, model_name=MODEL))

    async def explain() -> Any:
        try:
            return await v1.explain(base, MODEL, {"instances": ROWS})
        except Exception as exc:  # the status code is what matters here
            return {"status": getattr(getattr(exc, "response", None), "status_code", None), "raised": str(exc)}

    await run("kserve_v1_explain", explain())

    async def v2_infer() -> dict[str, Any]:
        inp = InferInput("input-0", [2, 4], "FP64")
        inp.set_data_from_numpy(np.asarray(ROWS, dtype=np.float64), binary_data=True)
        res = await v2.infer(base, InferRequest(model_name=MODEL, infer_inputs=[inp]), model_name=MODEL)
        out = res.outputs[0]
        return {"values": out.as_numpy().tolist(), "datatype": out.datatype}

    await run("kserve_v2_infer_binary", v2_infer())
    await v1.close()
    await v2.close()


triton()
asyncio.run(kserve())
print(json.dumps(results, default=str))
