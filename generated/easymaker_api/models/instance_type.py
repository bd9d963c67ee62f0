from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset


@_attrs_define
class InstanceType:
    """
    Attributes:
        id (str | Unset):
        name (str | Unset):
        vcpus (int | Unset):
        ram (int | Unset): MiB.
        disk (int | Unset): GB.
        gpu_flavor (bool | Unset):
        gpu_count (int | Unset):
        gpu_memory (int | Unset):
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    vcpus: int | Unset = UNSET
    ram: int | Unset = UNSET
    disk: int | Unset = UNSET
    gpu_flavor: bool | Unset = UNSET
    gpu_count: int | Unset = UNSET
    gpu_memory: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "id": "id",
        "name": "name",
        "vcpus": "vcpus",
        "ram": "ram",
        "disk": "disk",
        "gpuFlavor": "gpu_flavor",
        "gpuCount": "gpu_count",
        "gpuMemory": "gpu_memory",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            id = self.id

            name = self.name

            vcpus = self.vcpus

            ram = self.ram

            disk = self.disk

            gpu_flavor = self.gpu_flavor

            gpu_count = self.gpu_count

            gpu_memory = self.gpu_memory

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if id is not UNSET:
                field_dict["id"] = id
            if name is not UNSET:
                field_dict["name"] = name
            if vcpus is not UNSET:
                field_dict["vcpus"] = vcpus
            if ram is not UNSET:
                field_dict["ram"] = ram
            if disk is not UNSET:
                field_dict["disk"] = disk
            if gpu_flavor is not UNSET:
                field_dict["gpuFlavor"] = gpu_flavor
            if gpu_count is not UNSET:
                field_dict["gpuCount"] = gpu_count
            if gpu_memory is not UNSET:
                field_dict["gpuMemory"] = gpu_memory
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        id = _validation.null_as_unset(d.pop("id", UNSET))
        name = _validation.null_as_unset(d.pop("name", UNSET))
        vcpus = _validation.null_as_unset(d.pop("vcpus", UNSET))
        ram = _validation.null_as_unset(d.pop("ram", UNSET))
        disk = _validation.null_as_unset(d.pop("disk", UNSET))
        gpu_flavor = _validation.null_as_unset(d.pop("gpuFlavor", UNSET))
        gpu_count = _validation.null_as_unset(d.pop("gpuCount", UNSET))
        gpu_memory = _validation.null_as_unset(d.pop("gpuMemory", UNSET))
        instance_type = cls(
            id=id,
            name=name,
            vcpus=vcpus,
            ram=ram,
            disk=disk,
            gpu_flavor=gpu_flavor,
            gpu_count=gpu_count,
            gpu_memory=gpu_memory,
        )
        instance_type.additional_properties = d
        return instance_type

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
