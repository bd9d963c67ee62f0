"""Create an experiment, the folder trainings and tunings are filed under.

Guide: 실험 > 실험 생성.
"""

import easymaker

experiment = easymaker.Experiment().create(
    experiment_name="experiment_name",
    description="experiment_description",
    # wait=False returns as soon as the request is accepted
)
print("experiment", experiment.experiment_id)
