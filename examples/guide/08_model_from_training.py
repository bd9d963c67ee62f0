"""Register the model a completed training (``TRAINING_ID``) uploaded.

Guide: 모델 > 모델 생성 (from a training; a tuning's best trial works the same with ``hyperparameter_tuning_id=``).
"""

from scenario import given

import easymaker

training = given("training")
model = easymaker.Model().create(
    training_id=training.training_id,
    model_name="model_name",
    description="model_description",
)
print("model", model.model_id)
