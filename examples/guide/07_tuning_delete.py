"""Delete a hyperparameter tuning (``HYPERPARAMETER_TUNING_ID``).

Guide: 하이퍼파라미터 튜닝 > 하이퍼파라미터 튜닝 삭제.
"""

from scenario import given

import easymaker

hyperparameter_tuning_id = given("hyperparameter_tuning_id")
easymaker.HyperparameterTuning(hyperparameter_tuning_id).delete()
print("deleted hyperparameter tuning", hyperparameter_tuning_id)
