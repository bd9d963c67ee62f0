"""Run a training of ``source/training_start.py`` and wait for it to complete.

Guide: 학습 > 학습 생성. Reads ``src/training_start.py``, ``checkpoint/in/``, ``data/train/`` and ``data/test/``
under ``$GUIDE_OBS_URI``; writes the model to ``trained/model/`` and checkpoints to ``checkpoint/out/``. The
experiment is ``EXPERIMENT_ID``.
"""

from scenario import given, obs

import easymaker

experiment = given("experiment")
training = easymaker.Training().run(
    experiment_id=experiment.experiment_id,  # optional when init() named the experiment
    training_name="training_name",
    description="training_description",
    image_name="Ubuntu 18.04 CPU TensorFlow Training",
    instance_type_name="m2.c4m8",
    distributed_node_count=1,
    data_storage_size=300,  # GB, at least 300
    source_dir_uri=obs("src"),
    entry_point="training_start.py",
    hyperparameter_list=[
        {"parameterName": "epochs", "parameterValue": "10"},
        {"parameterName": "batch-size", "parameterValue": "30"},
    ],
    timeout_hours=100,
    model_upload_uri=obs("trained/model"),
    check_point_input_uri=obs("checkpoint/in"),
    check_point_upload_uri=obs("checkpoint/out"),
    dataset_list=[
        {"datasetName": "train", "dataUri": obs("data/train")},
        {"datasetName": "test", "dataUri": obs("data/test")},
    ],
    tag_list=[
        {"tagKey": "tag1", "tagValue": "test_tag_1"},
        {"tagKey": "tag2", "tagValue": "test_tag_2"},
    ],
    use_log=True,
    # wait=False returns as soon as the training is accepted
)
print("training", training.training_id, training.training_status_code)
