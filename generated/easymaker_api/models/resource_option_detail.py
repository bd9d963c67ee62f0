from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class ResourceOptionDetail:
    """
    Attributes:
        cpu (str | Unset): Limits: maxLength=32, pattern='^[0-9]+(\\.[0-9]+)?m?$'.
        memory (str | Unset): Limits: maxLength=32, pattern='^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$'.
        gpu (str | Unset): Limits: maxLength=32, pattern='^[0-9]+$'.

    Raises:
        easymaker_api.validation.ConstraintViolation: when a value is outside a limit of the document.
    """

    cpu: str | Unset = UNSET
    memory: str | Unset = UNSET
    gpu: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "cpu": "cpu",
        "memory": "memory",
        "gpu": "gpu",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {
        "cpu": {"maxLength": 32, "pattern": "^[0-9]+(\\.[0-9]+)?m?$"},
        "memory": {"maxLength": 32, "pattern": "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$"},
        "gpu": {"maxLength": 32, "pattern": "^[0-9]+$"},
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
            cpu = self.cpu

            memory = self.memory

            gpu = self.gpu

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if cpu is not UNSET:
                field_dict["cpu"] = cpu
            if memory is not UNSET:
                field_dict["memory"] = memory
            if gpu is not UNSET:
                field_dict["gpu"] = gpu
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`; limits are
        not checked here (they are checked before sending)."""
        with _validation.lenient():
            d = dict(src_dict)
            cpu = _validation.null_as_unset(d.pop("cpu", UNSET))
            memory = _validation.null_as_unset(d.pop("memory", UNSET))
            gpu = _validation.null_as_unset(d.pop("gpu", UNSET))
            resource_option_detail = cls(
                cpu=cpu,
                memory=memory,
                gpu=gpu,
            )
            resource_option_detail.additional_properties = d
            return resource_option_detail

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
