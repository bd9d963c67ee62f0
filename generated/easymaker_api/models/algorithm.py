from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.algorithm_algorithm_dataset_schema_item import AlgorithmAlgorithmDatasetSchemaItem
    from ..models.algorithm_hyperparameter_spec import AlgorithmHyperparameterSpec


@_attrs_define
class Algorithm:
    """
    Attributes:
        algorithm_id (str | Unset):
        algorithm_name (str | Unset):
        description (str | Unset):
        cpu_training_image_id (str | Unset):
        gpu_training_image_id (str | Unset):
        algorithm_dataset_schema (list[AlgorithmAlgorithmDatasetSchemaItem] | Unset):
        hyperparameter_spec_list (list[AlgorithmHyperparameterSpec] | Unset):
        metric_list (list[str] | Unset):
    """

    algorithm_id: str | Unset = UNSET
    algorithm_name: str | Unset = UNSET
    description: str | Unset = UNSET
    cpu_training_image_id: str | Unset = UNSET
    gpu_training_image_id: str | Unset = UNSET
    algorithm_dataset_schema: list[AlgorithmAlgorithmDatasetSchemaItem] | Unset = UNSET
    hyperparameter_spec_list: list[AlgorithmHyperparameterSpec] | Unset = UNSET
    metric_list: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "algorithmId": "algorithm_id",
        "algorithmName": "algorithm_name",
        "description": "description",
        "cpuTrainingImageId": "cpu_training_image_id",
        "gpuTrainingImageId": "gpu_training_image_id",
        "algorithmDatasetSchema": "algorithm_dataset_schema",
        "hyperparameterSpecList": "hyperparameter_spec_list",
        "metricList": "metric_list",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            algorithm_id = self.algorithm_id

            algorithm_name = self.algorithm_name

            description = self.description

            cpu_training_image_id = self.cpu_training_image_id

            gpu_training_image_id = self.gpu_training_image_id

            algorithm_dataset_schema: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.algorithm_dataset_schema, Unset):
                algorithm_dataset_schema = []
                for algorithm_dataset_schema_item_data in self.algorithm_dataset_schema:
                    algorithm_dataset_schema_item = algorithm_dataset_schema_item_data.to_dict()
                    algorithm_dataset_schema.append(algorithm_dataset_schema_item)

            hyperparameter_spec_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.hyperparameter_spec_list, Unset):
                hyperparameter_spec_list = []
                for hyperparameter_spec_list_item_data in self.hyperparameter_spec_list:
                    hyperparameter_spec_list_item = hyperparameter_spec_list_item_data.to_dict()
                    hyperparameter_spec_list.append(hyperparameter_spec_list_item)

            metric_list: list[str] | Unset = UNSET
            if not isinstance(self.metric_list, Unset):
                metric_list = self.metric_list

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if algorithm_id is not UNSET:
                field_dict["algorithmId"] = algorithm_id
            if algorithm_name is not UNSET:
                field_dict["algorithmName"] = algorithm_name
            if description is not UNSET:
                field_dict["description"] = description
            if cpu_training_image_id is not UNSET:
                field_dict["cpuTrainingImageId"] = cpu_training_image_id
            if gpu_training_image_id is not UNSET:
                field_dict["gpuTrainingImageId"] = gpu_training_image_id
            if algorithm_dataset_schema is not UNSET:
                field_dict["algorithmDatasetSchema"] = algorithm_dataset_schema
            if hyperparameter_spec_list is not UNSET:
                field_dict["hyperparameterSpecList"] = hyperparameter_spec_list
            if metric_list is not UNSET:
                field_dict["metricList"] = metric_list
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.algorithm_algorithm_dataset_schema_item import AlgorithmAlgorithmDatasetSchemaItem
        from ..models.algorithm_hyperparameter_spec import AlgorithmHyperparameterSpec

        d = dict(src_dict)
        algorithm_id = _validation.null_as_unset(d.pop("algorithmId", UNSET))
        algorithm_name = _validation.null_as_unset(d.pop("algorithmName", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        cpu_training_image_id = _validation.null_as_unset(d.pop("cpuTrainingImageId", UNSET))
        gpu_training_image_id = _validation.null_as_unset(d.pop("gpuTrainingImageId", UNSET))
        _algorithm_dataset_schema = _validation.null_as_unset(d.pop("algorithmDatasetSchema", UNSET))
        algorithm_dataset_schema: list[AlgorithmAlgorithmDatasetSchemaItem] | Unset = UNSET
        if _algorithm_dataset_schema is not UNSET:
            algorithm_dataset_schema = []
            for algorithm_dataset_schema_item_data in _algorithm_dataset_schema:
                algorithm_dataset_schema_item = AlgorithmAlgorithmDatasetSchemaItem.from_dict(
                    algorithm_dataset_schema_item_data
                )

                algorithm_dataset_schema.append(algorithm_dataset_schema_item)

        _hyperparameter_spec_list = _validation.null_as_unset(d.pop("hyperparameterSpecList", UNSET))
        hyperparameter_spec_list: list[AlgorithmHyperparameterSpec] | Unset = UNSET
        if _hyperparameter_spec_list is not UNSET:
            hyperparameter_spec_list = []
            for hyperparameter_spec_list_item_data in _hyperparameter_spec_list:
                hyperparameter_spec_list_item = AlgorithmHyperparameterSpec.from_dict(
                    hyperparameter_spec_list_item_data
                )

                hyperparameter_spec_list.append(hyperparameter_spec_list_item)

        metric_list = cast(list[str], _validation.null_as_unset(d.pop("metricList", UNSET)))

        algorithm = cls(
            algorithm_id=algorithm_id,
            algorithm_name=algorithm_name,
            description=description,
            cpu_training_image_id=cpu_training_image_id,
            gpu_training_image_id=gpu_training_image_id,
            algorithm_dataset_schema=algorithm_dataset_schema,
            hyperparameter_spec_list=hyperparameter_spec_list,
            metric_list=metric_list,
        )
        algorithm.additional_properties = d
        return algorithm

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
