"""Delete an experiment (``EXPERIMENT_ID``).

Guide: 실험 > 실험 삭제.
"""

from scenario import given

import easymaker

experiment_id = given("experiment_id")
easymaker.Experiment(experiment_id).delete()
print("deleted experiment", experiment_id)
