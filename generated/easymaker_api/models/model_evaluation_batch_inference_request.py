from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation


@_attrs_define
class ModelEvaluationBatchInferenceRequest:
    """
    Attributes:
        flavor_id (str): Limits: minLength=1, maxLength=36.
        instance_count (int): Limits: minimum=1, maximum=10.
        pod_count (int): Limits: minimum=1, maximum=100.
        output_upload_uri (str): Limits: minLength=1, maxLength=255.
        max_batch_size (int): Limits: minimum=1, maximum=1000.
        inference_timeout_seconds (int): Limits: minimum=1, maximum=1200.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    flavor_id: str
    instance_count: int
    pod_count: int
    output_upload_uri: str
    max_batch_size: int
    inference_timeout_seconds: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "flavorId": "flavor_id",
        "instanceCount": "instance_count",
        "podCount": "pod_count",
        "outputUploadUri": "output_upload_uri",
        "maxBatchSize": "max_batch_size",
        "inferenceTimeoutSeconds": "inference_timeout_seconds",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "flavorId": {"minLength": 1, "maxLength": 36},
        "instanceCount": {"minimum": 1, "maximum": 10},
        "podCount": {"minimum": 1, "maximum": 100},
        "outputUploadUri": {"minLength": 1, "maxLength": 255},
        "maxBatchSize": {"minimum": 1, "maximum": 1000},
        "inferenceTimeoutSeconds": {"minimum": 1, "maximum": 1200},
    }

    def __attrs_post_init__(self) -> None:
        _validation.check_request(self)

    def check_constraints(self, path: str = "") -> None:
        """Raise `ConstraintViolation` for the first value (here or nested) outside a limit of the document."""
        _validation.validate_model(self, path)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object, after checking the limits of the document (this object and
        everything nested in it). Nested objects are serialised without checking again."""
        _validation.check_request(self)
        with _validation.lenient():
            flavor_id = self.flavor_id

            instance_count = self.instance_count

            pod_count = self.pod_count

            output_upload_uri = self.output_upload_uri

            max_batch_size = self.max_batch_size

            inference_timeout_seconds = self.inference_timeout_seconds

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["flavorId"] = flavor_id
            field_dict["instanceCount"] = instance_count
            field_dict["podCount"] = pod_count
            field_dict["outputUploadUri"] = output_upload_uri
            field_dict["maxBatchSize"] = max_batch_size
            field_dict["inferenceTimeoutSeconds"] = inference_timeout_seconds
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        with _validation.lenient():
            d = dict(src_dict)
            flavor_id = d.pop("flavorId")
            instance_count = d.pop("instanceCount")
            pod_count = d.pop("podCount")
            output_upload_uri = d.pop("outputUploadUri")
            max_batch_size = d.pop("maxBatchSize")
            inference_timeout_seconds = d.pop("inferenceTimeoutSeconds")
            model_evaluation_batch_inference_request = cls(
                flavor_id=flavor_id,
                instance_count=instance_count,
                pod_count=pod_count,
                output_upload_uri=output_upload_uri,
                max_batch_size=max_batch_size,
                inference_timeout_seconds=inference_timeout_seconds,
            )
            model_evaluation_batch_inference_request.additional_properties = d
            return model_evaluation_batch_inference_request

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
