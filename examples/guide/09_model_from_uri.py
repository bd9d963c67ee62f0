"""Register models without a training: TensorFlow files under ``trained/tf/``, and a Hugging Face model by id.

Guide: 모델 > 모델 생성 (from files in object storage, and from Hugging Face).
"""

from scenario import obs

import easymaker

# a TensorFlow model from its files
model = easymaker.Model().create_by_model_upload_uri(
    model_type_code=easymaker.TENSORFLOW,
    model_upload_uri=obs("trained/tf"),
    model_name="model_name",
    description="model_description",
)
print("tensorflow model", model.model_id)

# a Hugging Face model, named by its model id
model = easymaker.Model().create_hugging_face_model(
    model_name="model_name",
    description="model_description",
    parameter_list=[{"parameterName": "model_id", "parameterValue": "huggingface_model_id"}],
)
print("hugging face model", model.model_id)
