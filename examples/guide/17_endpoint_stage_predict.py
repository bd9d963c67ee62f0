"""Ask one stage (``ENDPOINT_STAGE_ID``) for the prediction of a model (``MODEL_ID``) on one iris row.

Guide: 엔드포인트 > 엔드포인트 인퍼런스 (a given stage).
"""

from scenario import given

import easymaker

endpoint_stage_id = given("endpoint_stage_id")
model_id = given("model_id")
input_data = [6.0, 3.4, 4.5, 1.6]
prediction = easymaker.EndpointStage(endpoint_stage_id).predict(
    model_id=model_id,
    json={"instances": [input_data]},
)
print(prediction)
