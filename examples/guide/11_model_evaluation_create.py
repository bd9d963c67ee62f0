"""Evaluate models on a labelled CSV (``eval/data/``): a regression and a classification evaluation.

Guide: 모델 평가 > 모델 평가 생성. Each evaluation runs a batch inference of the model over the CSV (column
``target_field_name`` holds the label) and computes the metrics of its objective. The models are ``MODEL_ID``,
``REGRESSION_MODEL_ID`` and ``CLASSIFICATION_MODEL_ID``.
"""

from scenario import given, obs

import easymaker

model = given("model")
regression_model = given("regression_model")
classification_model = given("classification_model")

model_evaluation = easymaker.ModelEvaluation().create(
    model_evaluation_name="model_evaluation_name",
    description="description",
    model_id=model.model_id,
    objective_code=easymaker.REGRESSION,
    class_names="class_a, class_b",
    generate_feature_attributions=False,
    instance_type_name="m2.c4m8",
    input_data_uri=obs("eval/data"),
    input_data_type_code=easymaker.CSV,
    target_field_name="target_field_name",
    boot_storage_size=50,
    data_storage_size=300,
    timeout_hours=1,
    batch_inference_instance_type_name="m2.c4m8",
    batch_inference_instance_count=1,
    batch_inference_pod_count=1,
    batch_inference_output_upload_uri=obs("eval/output"),
    batch_inference_max_batch_size=32,
    batch_inference_inference_timeout_seconds=120,
    use_log=True,
    wait=True,
)
print("model evaluation", model_evaluation.model_evaluation_id)

# a regression model: no class names
regression_model_evaluation = easymaker.ModelEvaluation().create(
    model_evaluation_name="regression_model_evaluation",
    description="regression model evaluation sample",
    model_id=regression_model.model_id,
    objective_code=easymaker.REGRESSION,
    generate_feature_attributions=False,
    instance_type_name="m2.c4m8",
    input_data_uri=obs("eval/data"),
    input_data_type_code=easymaker.CSV,
    target_field_name="target_field_name",
    boot_storage_size=50,
    data_storage_size=300,
    timeout_hours=1,
    batch_inference_instance_type_name="m2.c4m8",
    batch_inference_instance_count=1,
    batch_inference_pod_count=1,
    batch_inference_output_upload_uri=obs("eval/regression-output"),
    batch_inference_max_batch_size=100,
    batch_inference_inference_timeout_seconds=1200,
    use_log=False,
    wait=True,
)
print("regression model evaluation", regression_model_evaluation.model_evaluation_id)

# a classification model: the class names, in the order of the model's labels
classification_model_evaluation = easymaker.ModelEvaluation().create(
    model_evaluation_name="classification_model_evaluation",
    description="classification model evaluation sample",
    model_id=classification_model.model_id,
    objective_code=easymaker.CLASSIFICATION,
    class_names="classA,classB,classC",
    generate_feature_attributions=False,
    instance_type_name="m2.c4m8",
    input_data_uri=obs("eval/data"),
    input_data_type_code=easymaker.CSV,
    target_field_name="target_field_name",
    boot_storage_size=50,
    data_storage_size=300,
    timeout_hours=1,
    batch_inference_instance_type_name="m2.c4m8",
    batch_inference_instance_count=1,
    batch_inference_pod_count=1,
    batch_inference_output_upload_uri=obs("eval/classification-output"),
    batch_inference_max_batch_size=100,
    batch_inference_inference_timeout_seconds=1200,
    use_log=False,
    wait=True,
)
print("classification model evaluation", classification_model_evaluation.model_evaluation_id)
