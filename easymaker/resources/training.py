"""Trainings: ``Training().run(...)``, ``Training(id)``, ``.stop()``, ``.delete()``, lookups of names."""

from __future__ import annotations

from typing import Any, Unpack

from easymaker_api.fields import TrainingFields
from easymaker_api.parameters import TrainingCreateRequestOptions

from easymaker._client import Client
from easymaker.items import Algorithm, Image
from easymaker.resources.base import StoppableResource
from easymaker.resources.observe import LogsMixin, MetricSeries, resource_metrics
from easymaker.resources.operations import Operations, wire_dicts
from easymaker.resources.parameters import RequestDraft, experiment_id_for, parent_wire_fields, require


class TrainingLookupsMixin:
    """Class methods listing the images and algorithms a training or tuning accepts (instance types:
    ``get_instance_type_list()`` of every resource class)."""

    @classmethod
    def get_image_list(cls, *, client: Client | None = None) -> list[Image]:
        """Training images (``image_name`` is what ``image_name`` takes)."""
        from easymaker_api.api.lookups import list_images
        from easymaker_api.models.image_list_response import ImageListResponse

        from easymaker._client import default_client

        api = client or default_client()
        response = list_images.sync_detailed(api.appkey, client=api.api, group_type_code_list="TRAINING")
        return [Image(d, client=api) for d in wire_dicts(api.payload(response, ImageListResponse).image_list)]

    @classmethod
    def get_algorithm_list(cls, *, client: Client | None = None) -> list[Algorithm]:
        """NHN Cloud algorithms (``algorithm_name`` is what ``algorithm_name`` takes), with the names of their CPU
        and GPU training images filled in (``cpu_training_image_name``...) as 2.1.x does."""
        from easymaker._client import default_client

        api = client or default_client()
        algorithms = [Algorithm(d, client=api) for d in api.lookups.algorithms()]
        if algorithms:
            names = {image.image_id: image.image_name for image in cls.get_image_list(client=api)}
            for algorithm in algorithms:
                for kind in ("cpu", "gpu"):
                    image_id = getattr(algorithm, f"{kind}_training_image_id")
                    if image_id in names and getattr(algorithm, f"{kind}_training_image_name") is None:
                        setattr(algorithm, f"{kind}_training_image_name", names[image_id])
        return algorithms


def resolve_training_ids(
    client: Client, image_name: str | None, instance_type_name: str, algorithm_name: str | None
) -> tuple[str, str, str | None]:
    """(imageId, flavorId, algorithmId) from names: flavors and images always (cached), algorithms only when
    ``algorithm_name`` is given. Without ``image_name``, an algorithm's CPU or GPU image is used."""
    lookups = client.lookups
    flavor = lookups.flavor(instance_type_name)
    algorithm = lookups.algorithm(algorithm_name) if algorithm_name else None
    if image_name:
        image_id = lookups.image_id(image_name)
    else:
        assert algorithm is not None
        key = "gpuTrainingImageId" if flavor.get("gpuFlavor") else "cpuTrainingImageId"
        image_id = str(algorithm.get(key) or algorithm.get("cpuTrainingImageId") or "")
    return image_id, str(flavor["id"]), (str(algorithm["algorithmId"]) if algorithm else None)


class Training(LogsMixin, TrainingLookupsMixin, StoppableResource, TrainingFields):
    """A training job."""

    @classmethod
    def _declare_operations(cls) -> Operations[Any, Any]:
        from easymaker_api.api.trainings import delete_training, get_training, list_trainings, stop_training
        from easymaker_api.models.training import Training as Wire
        from easymaker_api.models.training_list_response import TrainingListResponse
        from easymaker_api.models.training_response import TrainingResponse

        declared = Operations(
            wire=Wire,
            get=get_training.sync_detailed,
            response=TrainingResponse,
            payload=lambda parsed: parsed.training,
            list=list_trainings.sync_detailed,
            list_response=TrainingListResponse,
            list_payload=lambda parsed: parsed.training_list,
            delete=delete_training.sync_detailed,
            stop=stop_training.sync_detailed,
        )
        return declared

    def run(
        self,
        training_name: str | None = None,
        image_name: str | None = None,
        instance_type_name: str | None = None,
        model_upload_uri: str | None = None,
        timeout_hours: int = 720,
        distributed_node_count: int = 1,
        nproc_per_node: int | None = None,
        experiment_id: str | None = None,
        description: str | None = None,
        data_storage_size: int | None = None,
        source_dir_uri: str | None = None,
        entry_point: str | None = None,
        algorithm_name: str | None = None,
        hyperparameter_list: list[Any] | None = None,
        dataset_list: list[Any] | None = None,
        check_point_input_uri: str | None = None,
        check_point_upload_uri: str | None = None,
        use_log: bool | None = False,
        wait: bool | None = True,
        use_torchrun: bool | None = False,
        *,
        tag_list: list[Any] | None = None,
        experiment_name: str | None = None,
        experiment_description: str | None = None,
        timeout: float | None = None,
        logs: bool = False,
        **options: Unpack[TrainingCreateRequestOptions],
    ) -> Training:
        """Start a training (positional order of 2.1.5; the guide passes keywords). Returns this object.

        ``timeout`` bounds the wait (seconds) when ``wait`` is true; ``options`` takes the request's other SDK
        parameters (``easymaker_api.parameters``). Requests: the instance-type and image lists
        (cached per client for a minute), the algorithm list only with ``algorithm_name``, then the POST."""
        self._check_logs(logs, use_log)
        from easymaker_api.api.trainings import create_training
        from easymaker_api.models.training_create_request import TrainingCreateRequest

        require(training_name=training_name, instance_type_name=instance_type_name, model_upload_uri=model_upload_uri)
        if not image_name and not algorithm_name:
            require(image_name=image_name)
        assert instance_type_name is not None
        client = self.client
        draft = RequestDraft(
            TrainingCreateRequest,
            locals(),
            options,
            method="Training.run()",
            computed={"experimentId": experiment_id_for(client, experiment_id), **parent_wire_fields(client)},
            deferred=("imageId", "flavorId", "algorithmId"),
        )
        image_id, flavor_id, algorithm_id = resolve_training_ids(client, image_name, instance_type_name, algorithm_name)
        body = draft.build(imageId=image_id, flavorId=flavor_id, algorithmId=algorithm_id, trainingTypeCode="NORMAL")
        return self._post_create(create_training.sync_detailed, body, wait, timeout, logs)

    def get_metrics(self) -> dict[str, MetricSeries]:
        """Metric name -> its history, as the entry point recorded it with ``easymaker.log_metrics`` (EasyMaker
        Local; on NHN Cloud the metrics are in the training's TensorBoard)."""
        return resource_metrics(self.client, self._require_id())
