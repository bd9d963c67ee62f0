from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.instance_type import InstanceType


@_attrs_define
class ModelEvaluationBatchInference:
    """
    Attributes:
        batch_inference_id (str | Unset):
        batch_inference_name (str | Unset):
        flavor (InstanceType | Unset):
        instance_count (int | Unset):
        pod_count (int | Unset):
        output_upload_uri (str | Unset):
        max_batch_size (int | Unset):
        inference_timeout_seconds (int | Unset):
    """

    batch_inference_id: str | Unset = UNSET
    batch_inference_name: str | Unset = UNSET
    flavor: InstanceType | Unset = UNSET
    instance_count: int | Unset = UNSET
    pod_count: int | Unset = UNSET
    output_upload_uri: str | Unset = UNSET
    max_batch_size: int | Unset = UNSET
    inference_timeout_seconds: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "batchInferenceId": "batch_inference_id",
        "batchInferenceName": "batch_inference_name",
        "flavor": "flavor",
        "instanceCount": "instance_count",
        "podCount": "pod_count",
        "outputUploadUri": "output_upload_uri",
        "maxBatchSize": "max_batch_size",
        "inferenceTimeoutSeconds": "inference_timeout_seconds",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            batch_inference_id = self.batch_inference_id

            batch_inference_name = self.batch_inference_name

            flavor: dict[str, Any] | Unset = UNSET
            if not isinstance(self.flavor, Unset):
                flavor = self.flavor.to_dict()

            instance_count = self.instance_count

            pod_count = self.pod_count

            output_upload_uri = self.output_upload_uri

            max_batch_size = self.max_batch_size

            inference_timeout_seconds = self.inference_timeout_seconds

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if batch_inference_id is not UNSET:
                field_dict["batchInferenceId"] = batch_inference_id
            if batch_inference_name is not UNSET:
                field_dict["batchInferenceName"] = batch_inference_name
            if flavor is not UNSET:
                field_dict["flavor"] = flavor
            if instance_count is not UNSET:
                field_dict["instanceCount"] = instance_count
            if pod_count is not UNSET:
                field_dict["podCount"] = pod_count
            if output_upload_uri is not UNSET:
                field_dict["outputUploadUri"] = output_upload_uri
            if max_batch_size is not UNSET:
                field_dict["maxBatchSize"] = max_batch_size
            if inference_timeout_seconds is not UNSET:
                field_dict["inferenceTimeoutSeconds"] = inference_timeout_seconds
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.instance_type import InstanceType

        d = dict(src_dict)
        batch_inference_id = _validation.null_as_unset(d.pop("batchInferenceId", UNSET))
        batch_inference_name = _validation.null_as_unset(d.pop("batchInferenceName", UNSET))
        _flavor = _validation.null_as_unset(d.pop("flavor", UNSET))
        flavor: InstanceType | Unset
        if isinstance(_flavor, Unset):
            flavor = UNSET
        else:
            flavor = InstanceType.from_dict(_flavor)

        instance_count = _validation.null_as_unset(d.pop("instanceCount", UNSET))
        pod_count = _validation.null_as_unset(d.pop("podCount", UNSET))
        output_upload_uri = _validation.null_as_unset(d.pop("outputUploadUri", UNSET))
        max_batch_size = _validation.null_as_unset(d.pop("maxBatchSize", UNSET))
        inference_timeout_seconds = _validation.null_as_unset(d.pop("inferenceTimeoutSeconds", UNSET))
        model_evaluation_batch_inference = cls(
            batch_inference_id=batch_inference_id,
            batch_inference_name=batch_inference_name,
            flavor=flavor,
            instance_count=instance_count,
            pod_count=pod_count,
            output_upload_uri=output_upload_uri,
            max_batch_size=max_batch_size,
            inference_timeout_seconds=inference_timeout_seconds,
        )
        model_evaluation_batch_inference.additional_properties = d
        return model_evaluation_batch_inference

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
