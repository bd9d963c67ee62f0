from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.pipeline_recurring_run_status_code import PipelineRecurringRunStatusCode
from ..types import UNSET, Unset


@_attrs_define
class PipelineRecurringRunSummary:
    """
    Attributes:
        pipeline_recurring_run_id (str | Unset):
        pipeline_recurring_run_name (str | Unset):
        pipeline_recurring_run_status_code (PipelineRecurringRunStatusCode | str | Unset):
    """

    pipeline_recurring_run_id: str | Unset = UNSET
    pipeline_recurring_run_name: str | Unset = UNSET
    pipeline_recurring_run_status_code: PipelineRecurringRunStatusCode | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "pipelineRecurringRunId": "pipeline_recurring_run_id",
        "pipelineRecurringRunName": "pipeline_recurring_run_name",
        "pipelineRecurringRunStatusCode": "pipeline_recurring_run_status_code",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            pipeline_recurring_run_id = self.pipeline_recurring_run_id

            pipeline_recurring_run_name = self.pipeline_recurring_run_name

            pipeline_recurring_run_status_code: str | Unset
            if isinstance(self.pipeline_recurring_run_status_code, Unset):
                pipeline_recurring_run_status_code = UNSET
            elif isinstance(self.pipeline_recurring_run_status_code, PipelineRecurringRunStatusCode):
                pipeline_recurring_run_status_code = self.pipeline_recurring_run_status_code.value
            else:
                pipeline_recurring_run_status_code = self.pipeline_recurring_run_status_code

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if pipeline_recurring_run_id is not UNSET:
                field_dict["pipelineRecurringRunId"] = pipeline_recurring_run_id
            if pipeline_recurring_run_name is not UNSET:
                field_dict["pipelineRecurringRunName"] = pipeline_recurring_run_name
            if pipeline_recurring_run_status_code is not UNSET:
                field_dict["pipelineRecurringRunStatusCode"] = pipeline_recurring_run_status_code
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        pipeline_recurring_run_id = _validation.null_as_unset(d.pop("pipelineRecurringRunId", UNSET))
        pipeline_recurring_run_name = _validation.null_as_unset(d.pop("pipelineRecurringRunName", UNSET))

        def _parse_pipeline_recurring_run_status_code(data: object) -> PipelineRecurringRunStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pipeline_recurring_run_status_code_type_0 = PipelineRecurringRunStatusCode(data)

                return pipeline_recurring_run_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PipelineRecurringRunStatusCode | str | Unset, data)

        pipeline_recurring_run_status_code = _parse_pipeline_recurring_run_status_code(
            _validation.null_as_unset(d.pop("pipelineRecurringRunStatusCode", UNSET))
        )

        pipeline_recurring_run_summary = cls(
            pipeline_recurring_run_id=pipeline_recurring_run_id,
            pipeline_recurring_run_name=pipeline_recurring_run_name,
            pipeline_recurring_run_status_code=pipeline_recurring_run_status_code,
        )
        pipeline_recurring_run_summary.additional_properties = d
        return pipeline_recurring_run_summary

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
