"""Delete a model evaluation (``MODEL_EVALUATION_ID``).

Guide: 모델 평가 > 모델 평가 삭제.
"""

from scenario import given

import easymaker

model_evaluation_id = given("model_evaluation_id")
easymaker.ModelEvaluation(model_evaluation_id).delete()
print("deleted model evaluation", model_evaluation_id)
