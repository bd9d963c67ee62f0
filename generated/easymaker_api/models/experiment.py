from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.experiment_status_code import ExperimentStatusCode
from ..types import UNSET, Unset


@_attrs_define
class Experiment:
    """
    Attributes:
        experiment_id (str | Unset):
        experiment_name (str | Unset):
        experiment_status_code (ExperimentStatusCode | str | Unset):
        experiment_status_reason (str | Unset):
        description (str | Unset):
        app_key (str | Unset):
        tensorboard_access_uri (str | Unset):
        created_datetime (str | Unset):
    """

    experiment_id: str | Unset = UNSET
    experiment_name: str | Unset = UNSET
    experiment_status_code: ExperimentStatusCode | str | Unset = UNSET
    experiment_status_reason: str | Unset = UNSET
    description: str | Unset = UNSET
    app_key: str | Unset = UNSET
    tensorboard_access_uri: str | Unset = UNSET
    created_datetime: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "experimentId": "experiment_id",
        "experimentName": "experiment_name",
        "experimentStatusCode": "experiment_status_code",
        "experimentStatusReason": "experiment_status_reason",
        "description": "description",
        "appKey": "app_key",
        "tensorboardAccessUri": "tensorboard_access_uri",
        "createdDatetime": "created_datetime",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            experiment_id = self.experiment_id

            experiment_name = self.experiment_name

            experiment_status_code: str | Unset
            if isinstance(self.experiment_status_code, Unset):
                experiment_status_code = UNSET
            elif isinstance(self.experiment_status_code, ExperimentStatusCode):
                experiment_status_code = self.experiment_status_code.value
            else:
                experiment_status_code = self.experiment_status_code

            experiment_status_reason = self.experiment_status_reason

            description = self.description

            app_key = self.app_key

            tensorboard_access_uri = self.tensorboard_access_uri

            created_datetime = self.created_datetime

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if experiment_id is not UNSET:
                field_dict["experimentId"] = experiment_id
            if experiment_name is not UNSET:
                field_dict["experimentName"] = experiment_name
            if experiment_status_code is not UNSET:
                field_dict["experimentStatusCode"] = experiment_status_code
            if experiment_status_reason is not UNSET:
                field_dict["experimentStatusReason"] = experiment_status_reason
            if description is not UNSET:
                field_dict["description"] = description
            if app_key is not UNSET:
                field_dict["appKey"] = app_key
            if tensorboard_access_uri is not UNSET:
                field_dict["tensorboardAccessUri"] = tensorboard_access_uri
            if created_datetime is not UNSET:
                field_dict["createdDatetime"] = created_datetime
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        d = dict(src_dict)
        experiment_id = _validation.null_as_unset(d.pop("experimentId", UNSET))
        experiment_name = _validation.null_as_unset(d.pop("experimentName", UNSET))

        def _parse_experiment_status_code(data: object) -> ExperimentStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                experiment_status_code_type_0 = ExperimentStatusCode(data)

                return experiment_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExperimentStatusCode | str | Unset, data)

        experiment_status_code = _parse_experiment_status_code(
            _validation.null_as_unset(d.pop("experimentStatusCode", UNSET))
        )

        experiment_status_reason = _validation.null_as_unset(d.pop("experimentStatusReason", UNSET))
        description = _validation.null_as_unset(d.pop("description", UNSET))
        app_key = _validation.null_as_unset(d.pop("appKey", UNSET))
        tensorboard_access_uri = _validation.null_as_unset(d.pop("tensorboardAccessUri", UNSET))
        created_datetime = _validation.null_as_unset(d.pop("createdDatetime", UNSET))
        experiment = cls(
            experiment_id=experiment_id,
            experiment_name=experiment_name,
            experiment_status_code=experiment_status_code,
            experiment_status_reason=experiment_status_reason,
            description=description,
            app_key=app_key,
            tensorboard_access_uri=tensorboard_access_uri,
            created_datetime=created_datetime,
        )
        experiment.additional_properties = d
        return experiment

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
