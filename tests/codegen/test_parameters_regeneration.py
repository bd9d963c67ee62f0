"""A request property added to a copy of the spec reaches the SDK method, its client-side check, the request body,
EasyMaker Local's validation and the parameter table of the documentation by regeneration alone (no other edit)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from regenerate import regenerate_in_subprocess, run_in_subprocess, spec_copy


def test_a_new_request_property_reaches_the_sdk_and_local_by_regeneration(tmp_path: Path) -> None:
    document = spec_copy()
    properties = document["components"]["schemas"]["TrainingCreateRequest"]["properties"]
    properties["retryLimit"] = {"type": "integer", "minimum": 0, "maximum": 5, "description": "Retries of a pod."}
    properties["queueName"] = {"type": "string", "maxLength": 8, "x-sdk-parameter": "queue"}
    out = regenerate_in_subprocess(document, tmp_path)
    spec = tmp_path / "openapi.yaml"
    program = textwrap.dedent(
        f"""
        import inspect, json, typing
        import httpx, respx
        import easymaker
        from easymaker_api.parameters import TrainingCreateRequestOptions
        from easymaker.local.validation import RequestInvalid, SpecValidator, load_spec

        # the SDK call: the method's **options is typed by the generated TypedDict, which now has the parameters
        hints = typing.get_type_hints(TrainingCreateRequestOptions)
        print(hints["retry_limit"], hints["queue"])
        print(inspect.signature(easymaker.Training.run).parameters["options"].annotation)

        client = easymaker.Client(appkey="ak", access_token="tok", sleep=lambda s: None)
        args = dict(training_name="t", image_name="img", instance_type_name="m2.c4m8",
                    model_upload_uri="obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/c/m", wait=False)
        # the client-side check names the SDK parameter and the limit, before any request (no route is mocked)
        with respx.mock(assert_all_called=False) as router:
            for bad in ({{"retry_limit": 9}}, {{"queue": "much-too-long"}}):
                try:
                    easymaker.Training(client=client).run(**args, **bad)
                except easymaker.EasyMakerValidationError as exc:
                    print(exc.parameter, exc.constraint, exc.limit, len(router.calls))
            try:
                easymaker.Training(client=client).run(**args, retries=1)
            except TypeError as exc:
                print("TypeError", "retries" in str(exc))

        # the request body carries the new fields
        base = "https://kr1-easymaker.api.nhncloudservice.com/v1.0/appkeys/ak"
        ok = {{"header": {{"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}}}}
        with respx.mock(assert_all_called=False) as router:
            router.get(base + "/flavors").mock(
                return_value=httpx.Response(200, json={{**ok, "flavorList": [{{"id": "f-4", "name": "m2.c4m8"}}]}})
            )
            router.get(base + "/images").mock(
                return_value=httpx.Response(200, json={{**ok, "imageList": [{{"imageId": "i-1", "imageName": "img"}}]}})
            )
            created = router.post(base + "/trainings").mock(
                return_value=httpx.Response(200, json={{**ok, "training": {{"trainingId": "t-1"}}}})
            )
            easymaker.Training(client=client).run(**args, retry_limit=3, queue="gpu")
            body = json.loads(created.calls.last.request.content)
            print(body["retryLimit"], body["queueName"])

        # EasyMaker Local's validation (compiled from the same document) refuses what the spec refuses
        create = SpecValidator(load_spec({str(spec)!r})).by_id["createTraining"]
        create.validate_body(body)
        try:
            create.validate_body({{**body, "retryLimit": 9}})
        except RequestInvalid as exc:
            print("Local:", exc)
        """
    )
    table = (out / "easymaker_api" / "PARAMETERS.md").read_text(encoding="utf-8")
    assert "| `retry_limit` | `retryLimit` | `int` |  | minimum 0, maximum 5 | `**options` |" in table
    assert "| `queue` | `queueName` | `str` |  | maxLength 8 | `**options` |" in table
    printed = run_in_subprocess(program, out).splitlines()
    assert printed == [
        "int | None str | None",
        "Unpack[TrainingCreateRequestOptions]",
        "retry_limit maximum 5 0",
        "queue maxLength 8 0",
        "TypeError True",
        "3 gpu",
        "Local: retryLimit: 9 is greater than the maximum 5 (maximum 5)",
    ], printed
