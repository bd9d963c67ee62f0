"""Tune two hyperparameters of ``source/training_start.py`` by Bayesian optimisation, minimising ``val_loss``.

Guide: 하이퍼파라미터 튜닝 > 하이퍼파라미터 튜닝 생성. Reads and writes the same objects as 04_training_run.py.
The entry point prints ``name: value`` lines; ``metric_regex`` collects them.
"""

from scenario import given, obs

import easymaker

experiment = given("experiment")
hyperparameter_tuning = easymaker.HyperparameterTuning().run(
    experiment_id=experiment.experiment_id,  # optional when init() named the experiment
    hyperparameter_tuning_name="hyperparameter_tuning_name",
    description="hyperparameter_tuning_description",
    image_name="Ubuntu 18.04 CPU TensorFlow Training",
    instance_type_name="m2.c8m16",
    distributed_node_count=1,
    parallel_trial_count=1,
    data_storage_size=300,
    source_dir_uri=obs("src"),
    entry_point="training_start.py",
    hyperparameter_spec_list=[
        {
            "hyperparameterName": "learning_rate",
            "hyperparameterTypeCode": easymaker.HYPERPARAMETER_TYPE_CODE.DOUBLE,
            "hyperparameterMinValue": "0.01",
            "hyperparameterMaxValue": "0.05",
        },
        {
            "hyperparameterName": "epochs",
            "hyperparameterTypeCode": easymaker.HYPERPARAMETER_TYPE_CODE.INT,
            "hyperparameterMinValue": "100",
            "hyperparameterMaxValue": "1000",
        },
    ],
    timeout_hours=10,
    model_upload_uri=obs("trained/model"),
    check_point_input_uri=obs("checkpoint/in"),
    check_point_upload_uri=obs("checkpoint/out"),
    dataset_list=[
        {"datasetName": "train", "dataUri": obs("data/train")},
        {"datasetName": "test", "dataUri": obs("data/test")},
    ],
    metric_list=["val_loss", "loss", "accuracy"],
    metric_regex=r"([\w|-]+)\s*:\s*([+-]?\d*(\.\d+)?([Ee][+-]?\d+)?)",
    objective_metric_name="val_loss",
    objective_type_code=easymaker.OBJECTIVE_TYPE_CODE.MINIMIZE,
    objective_goal=0.01,
    max_failed_trial_count=3,
    max_trial_count=10,
    tuning_strategy_name=easymaker.TUNING_STRATEGY.BAYESIAN_OPTIMIZATION,
    tuning_strategy_random_state=1,
    early_stopping_algorithm=easymaker.EARLY_STOPPING_ALGORITHM.MEDIAN,
    early_stopping_min_trial_count=3,
    early_stopping_start_step=4,
    tag_list=[{"tagKey": "tag1", "tagValue": "test_tag_1"}],
    use_log=True,
    # wait=False returns as soon as the tuning is accepted
)
print("hyperparameter tuning", hyperparameter_tuning.hyperparameter_tuning_id)
