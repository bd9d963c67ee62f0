"""Delete a model (``MODEL_ID``).

Guide: 모델 > 모델 삭제.
"""

from scenario import given

import easymaker

model_id = given("model_id")
easymaker.Model(model_id).delete()
print("deleted model", model_id)
