"""Builds the sample settings of `easymaker.sample.sample` and `easymaker.sample.gov_sample` for one sample
storage account.

NHN Cloud keeps the sample sources, datasets and models in a public Object Storage account per region (and
EasyMaker Local serves its own sample files at the same ``obs://`` paths, see ``easymaker-local samples``). The
settings are plain attribute namespaces: ``sample.training_iris.pytorch.entry_point`` and so on.
"""

from __future__ import annotations

import base64
from types import SimpleNamespace

from easymaker.codes import (
    BatchInferenceInputDataTypeCode,
    HyperparameterTypeCode,
    ModelFormatCode,
    ObjectiveCode,
    ObjectiveTypeCode,
)
from easymaker.values import Dataset, HyperparameterSpec, Metric, Parameter

# the public sample accounts (Object Storage tenant ids) and their containers
SAMPLE_TENANT = "ed79fa143403492fbaf3ce31f0c03314"
GOV_SAMPLE_TENANT = "c86a1a55d67e4ebd9868e870fdd15315"
SAMPLE_CONTAINER = "easymaker-sample"
ALGORITHM_CONTAINER = "easymaker-algorithm-dataset"

# metric lines of the sample scripts: "name=value" (PyTorch), "name: value" (Keras), "'name': value" (algorithms)
_NUMBER = r"([+-]?\d*(\.\d+)?([Ee][+-]?\d+)?)"


def obs_root(host: str, tenant: str, container: str) -> str:
    return f"obs://{host}/v1/AUTH_{tenant}/{container}"


def _parameters(**values: str) -> list[Parameter]:
    return [Parameter(parameter_name=k, parameter_value=v) for k, v in values.items()]


def _range(name: str, low: str, high: str, step: str = "1", *, kind: str = "INT") -> HyperparameterSpec:
    return HyperparameterSpec(
        hyperparameter_name=name,
        hyperparameter_type_code=getattr(HyperparameterTypeCode, kind),
        hyperparameter_min_value=low,
        hyperparameter_max_value=high,
        hyperparameter_step=step,
    )


def _fixed(name: str, values: str) -> HyperparameterSpec:
    return HyperparameterSpec(
        hyperparameter_name=name,
        hyperparameter_type_code=HyperparameterTypeCode.DISCRETE,
        hyperparameter_specified_values=values,
        hyperparameter_step="1",
    )


def _metrics(*names: str) -> list[Metric]:
    return [Metric(name=n) for n in names]


def _model(
    model_uri: str, code: ModelFormatCode, objective: ObjectiveCode, **parts: SimpleNamespace
) -> SimpleNamespace:
    """A sample model; its format under both names, ``model_format_code`` and ``model_format``."""
    return SimpleNamespace(
        model_uri=model_uri, model_format_code=code, model_format=code, objective_code=objective, **parts
    )


def iris_training(sample: str) -> SimpleNamespace:
    """The iris trainings (PyTorch with torchrun, or TensorFlow/Keras) and their tuning search spaces."""
    tuned_batch_and_epochs = [_range("batch_size", "16", "32"), _range("epochs", "10", "50")]
    pytorch = SimpleNamespace(
        image_name="Ubuntu 22.04 CPU PyTorch Training",
        source_dir_uri=f"{sample}/iris-pytorch",
        entry_point="train_202403201459.py",
        nproc_per_node=1,
        use_torchrun=True,
        hyperparameter_list=_parameters(epochs="10", batch_size="32", lr="0.01"),
        hyperparameter_spec_list=[_range("lr", "0.01", "0.05", "0.01", kind="DOUBLE"), *tuned_batch_and_epochs],
        metric_list=_metrics("Validation-accuracy", "Validation-loss"),
        metric_regex=r"([\w|-]+)\s*=\s*" + _NUMBER,
        objective_metric_name="Validation-accuracy",
        objective_type_code=ObjectiveTypeCode.MAXIMIZE,
        objective_goal=0.999,
    )
    tensorflow = SimpleNamespace(
        image_name="Ubuntu 22.04 CPU TensorFlow Training",
        source_dir_uri=f"{sample}/iris-tensorflow",
        entry_point="train_20230906.0948.py",
        nproc_per_node=0,
        use_torchrun=False,
        hyperparameter_list=_parameters(epochs="10", batch_size="32", learning_rate="0.01"),
        hyperparameter_spec_list=[
            _range("learning_rate", "0.01", "0.05", "0.01", kind="DOUBLE"),
            *tuned_batch_and_epochs,
        ],
        metric_list=_metrics("loss", "accuracy", "val_loss", "val_accuracy"),
        metric_regex=r"([\w|-]+)\s*:\s*" + _NUMBER,
        objective_metric_name="val_loss",
        objective_type_code=ObjectiveTypeCode.MINIMIZE,
        objective_goal=0.00001,
    )
    datasets = [
        Dataset(dataset_name="train", data_uri=f"{sample}/iris-dataset/train"),
        Dataset(dataset_name="test", data_uri=f"{sample}/iris-dataset/test"),
    ]
    return SimpleNamespace(pytorch=pytorch, tensorflow=tensorflow, dataset_list=datasets)


def algorithm_training(algorithms: str) -> SimpleNamespace:
    """NHN Cloud's algorithms (Image Classification, Object Detection, Semantic Segmentation) on their datasets."""
    quoted = r"'([\w|-]+)'\s*:\s*" + _NUMBER

    def datasets(folder: str, **splits: str) -> list[Dataset]:
        return [Dataset(dataset_name=n, data_uri=f"{algorithms}/{folder}/{p}") for n, p in splits.items()]

    logging_steps = _fixed("logging_steps", "500")
    epochs = _range("num_train_epochs", "1", "3")
    image_classification = SimpleNamespace(
        image_name="Image Classification CPU",
        algorithm_name="Image Classification",
        hyperparameter_list=_parameters(
            input_size="28",
            learning_rate="0.01",
            logging_steps="500",
            num_train_epochs="2",
            per_device_eval_batch_size="16",
            per_device_train_batch_size="16",
        ),
        dataset_list=datasets("image-classification-minimize", train="train", validation="validation"),
        hyperparameter_spec_list=[
            _range("input_size", "4", "28"),
            _range("learning_rate", "0.01", "0.05", "0.01", kind="DOUBLE"),
            logging_steps,
            epochs,
            _range("per_device_eval_batch_size", "4", "16"),
            _range("per_device_train_batch_size", "4", "16"),
        ],
        metric_list=_metrics("eval_loss", "eval_accuracy", "eval_precision", "eval_recall", "eval_f1"),
        metric_regex=quoted,
        objective_metric_name="eval_loss",
        objective_type_code=ObjectiveTypeCode.MINIMIZE,
        objective_goal=0.00001,
    )
    detection_metric = "AP-IoU=0.50:0.95-area=all-maxDets=100"
    object_detection = SimpleNamespace(
        image_name="Object Detection CPU",
        algorithm_name="Object Detection",
        hyperparameter_list=_parameters(
            learning_rate="0.0002",
            logging_steps="500",
            num_train_epochs="2",
            per_device_eval_batch_size="4",
            per_device_train_batch_size="4",
        ),
        dataset_list=datasets(
            "object-detection/balloon_detection", train="train", test="test", validation="validation"
        ),
        hyperparameter_spec_list=[
            _range("learning_rate", "0.0001", "0.0005", "0.0001", kind="DOUBLE"),
            logging_steps,
            epochs,
            _range("per_device_eval_batch_size", "2", "4"),
            _range("per_device_train_batch_size", "2", "4"),
        ],
        metric_list=_metrics(detection_metric, detection_metric.replace("AP-", "AR-")),
        metric_regex=r"'([AP|AR]+-IoU=0.50:0.95-area=all-maxDets=100)':\s" + _NUMBER,
        objective_metric_name=detection_metric,
        objective_type_code=ObjectiveTypeCode.MAXIMIZE,
        objective_goal=0.999,
    )
    segmentation_metrics = ("eval_loss", "eval_mean_iou", "eval_mean_accuracy", "eval_overall_accuracy")
    semantic_segmentation = SimpleNamespace(
        image_name="Semantic Segmentation CPU",
        algorithm_name="Semantic Segmentation",
        hyperparameter_list=_parameters(
            learning_rate="0.0002", logging_steps="500", num_train_epochs="2", per_device_train_batch_size="4"
        ),
        dataset_list=datasets(
            "semantic-segmentation",
            train="train-minimize",
            test="test",
            validation="validation",
            resources="resources",
        ),
        hyperparameter_spec_list=[
            _range("learning_rate", "0.0001", "0.0005", "0.0001", kind="DOUBLE"),
            logging_steps,
            epochs,
            _range("per_device_train_batch_size", "2", "4"),
        ],
        metric_list=_metrics(*segmentation_metrics),
        metric_regex=f"'({'|'.join(segmentation_metrics)})'" + r"\s*:\s*" + _NUMBER,
        objective_metric_name="eval_loss",
        objective_type_code=ObjectiveTypeCode.MINIMIZE,
        objective_goal=0.00001,
    )
    return SimpleNamespace(
        image_classification=image_classification,
        object_detection=object_detection,
        semantic_segmentation=semantic_segmentation,
    )


def classification_model(sample: str) -> SimpleNamespace:
    """A Keras/TensorFlow iris classifier with its training, batch inference and evaluation inputs."""
    return _model(
        f"{sample}/iris-tensorflow-model",
        ModelFormatCode.TENSORFLOW,
        ObjectiveCode.CLASSIFICATION,
        train=SimpleNamespace(
            source_dir_uri=f"{sample}/iris-tensorflow",
            entry_point="train.py",
            dataset=SimpleNamespace(train=f"{sample}/iris-dataset/train", test=f"{sample}/iris-dataset/test"),
        ),
        batch_inference=SimpleNamespace(
            input_data_uri=f"{sample}/iris-inference/case_4_1000_json", input_data_type="JSON"
        ),
        model_evaluation=SimpleNamespace(
            input_data_uri=f"{sample}/iris-dataset/model_evaluation",
            input_data_type="CSV",
            target_field_name="species",
            class_names="setosa,versicolor,virginica",
        ),
    )


def regression_model(sample: str) -> SimpleNamespace:
    """A PyTorch regression model of wine quality with its evaluation data."""
    return _model(
        f"{sample}/tabular-regression/model",
        ModelFormatCode.PYTORCH,
        ObjectiveCode.REGRESSION,
        model_evaluation=SimpleNamespace(
            input_data_uri=f"{sample}/tabular-regression/data", input_data_type="CSV", target_field_name="quality"
        ),
    )


def batch_inference(sample: str) -> SimpleNamespace:
    return SimpleNamespace(
        input_data_uri=f"{sample}/iris-inference/case_1_500_jsonl",
        input_data_type=BatchInferenceInputDataTypeCode.JSONL,
    )


def fine_tuning(sample: str) -> SimpleNamespace:
    return SimpleNamespace(train_data_uri=f"{sample}/llm_fine_tuning/train_dataset")


def access_token(oauth_host: str, user_access_key_id: str, secret_access_key: str) -> str | None:
    """An access token of the NHN Cloud public API for a User Access Key (``POST /oauth2/token/create``, client
    credentials). ``None`` when the answer carries none."""
    import httpx

    basic = base64.b64encode(f"{user_access_key_id}:{secret_access_key}".encode()).decode("ascii")
    response = httpx.post(
        f"https://{oauth_host}/oauth2/token/create",
        headers={"Authorization": f"Basic {basic}"},
        data={"grant_type": "client_credentials"},
        timeout=30,
    )
    token = response.json().get("access_token")
    return None if token is None else str(token)
