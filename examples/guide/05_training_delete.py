"""Delete a training (``TRAINING_ID``).

Guide: 학습 > 학습 삭제.
"""

from scenario import given

import easymaker

training_id = given("training_id")
easymaker.Training(training_id).delete()
print("deleted training", training_id)
