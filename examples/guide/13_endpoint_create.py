"""Serve a model (``MODEL_ID``) on a new endpoint; its default stage is created with it.

Guide: 엔드포인트 > 엔드포인트 생성.
"""

from scenario import given

import easymaker

model = given("model")
endpoint = easymaker.Endpoint().create(
    endpoint_name="endpoint_name",
    description="endpoint_description",
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
    # wait=False returns as soon as the endpoint is accepted
)
print("endpoint", endpoint.endpoint_id)
