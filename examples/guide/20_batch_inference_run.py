"""Run a model (named by ``MODEL_NAME``) over every JSON line under ``batch/data/``; results go to ``batch/output/``.

Guide: 배치 추론 > 배치 추론 생성.
"""

from scenario import given, obs

import easymaker

batch_inference = easymaker.BatchInference().run(
    batch_inference_name="batch_inference_name",
    instance_count=1,
    timeout_hours=100,
    instance_type_name="m2.c4m8",
    model_name=given("model_name"),
    pod_count=1,
    batch_size=32,
    inference_timeout_seconds=120,
    input_data_uri=obs("batch/data"),
    input_data_type="JSONL",
    include_glob_pattern=None,
    exclude_glob_pattern=None,
    output_upload_uri=obs("batch/output"),
    data_storage_size=300,  # GB, at least 300
    description="description",
    tag_list=[
        {"tagKey": "tag1", "tagValue": "test_tag_1"},
        {"tagKey": "tag2", "tagValue": "test_tag_2"},
    ],
    use_log=True,
    # wait=False returns as soon as the batch inference is accepted
)
print("batch inference", batch_inference.batch_inference_id)
