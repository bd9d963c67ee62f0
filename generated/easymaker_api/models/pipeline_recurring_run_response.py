from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.header import Header
    from ..models.pipeline_recurring_run import PipelineRecurringRun


@_attrs_define
class PipelineRecurringRunResponse:
    """
    Attributes:
        header (Header):
        pipeline_recurring_run (PipelineRecurringRun | Unset):
    """

    header: Header
    pipeline_recurring_run: PipelineRecurringRun | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "header": "header",
        "pipelineRecurringRun": "pipeline_recurring_run",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            header = self.header.to_dict()

            pipeline_recurring_run: dict[str, Any] | Unset = UNSET
            if not isinstance(self.pipeline_recurring_run, Unset):
                pipeline_recurring_run = self.pipeline_recurring_run.to_dict()

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            field_dict["header"] = header
            if pipeline_recurring_run is not UNSET:
                field_dict["pipelineRecurringRun"] = pipeline_recurring_run
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.header import Header
        from ..models.pipeline_recurring_run import PipelineRecurringRun

        d = dict(src_dict)
        header = Header.from_dict(d.pop("header"))

        _pipeline_recurring_run = _validation.null_as_unset(d.pop("pipelineRecurringRun", UNSET))
        pipeline_recurring_run: PipelineRecurringRun | Unset
        if isinstance(_pipeline_recurring_run, Unset):
            pipeline_recurring_run = UNSET
        else:
            pipeline_recurring_run = PipelineRecurringRun.from_dict(_pipeline_recurring_run)

        pipeline_recurring_run_response = cls(
            header=header,
            pipeline_recurring_run=pipeline_recurring_run,
        )
        pipeline_recurring_run_response.additional_properties = d
        return pipeline_recurring_run_response

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
