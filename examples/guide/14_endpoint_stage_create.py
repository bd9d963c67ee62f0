"""Add a second stage to an endpoint (``ENDPOINT_ID``), serving a model (``MODEL_ID``).

Guide: 엔드포인트 > 스테이지 추가. Stage names are at most 30 lower-case letters and digits.
"""

from scenario import given

import easymaker

endpoint = given("endpoint")
model = given("model")
endpoint_stage = easymaker.EndpointStage().create(
    endpoint_id=endpoint.endpoint_id,
    stage_name="stage01",
    description="test endpoint",
    instance_type_name="c2.c16m16",
    instance_count=1,
    endpoint_model_resource_list=[
        {
            "modelId": model.model_id,
            "resourceOptionDetail": {"cpu": "15", "memory": "15Gi"},
            "description": "stage_resource_description",
        }
    ],
    use_log=True,
    # wait=False returns as soon as the stage is accepted
)
print("endpoint stage", endpoint_stage.endpoint_stage_id)
