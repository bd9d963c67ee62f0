from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..models.trial_status_code import TrialStatusCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.parameter import Parameter
    from ..models.trial_metric import TrialMetric


@_attrs_define
class Trial:
    """
    Attributes:
        trial_id (str | Unset):
        trial_name (str | Unset):
        trial_status_code (str | TrialStatusCode | Unset):
        trial_status_reason (str | Unset):
        hyperparameter_tuning_id (str | Unset):
        hyperparameter_list (list[Parameter] | Unset):
        trial_metric_list (list[TrialMetric] | Unset):
        model_upload_uri (str | Unset):
        started_datetime (str | Unset): EasyMaker Local: when the trial's entry point started.
        finished_datetime (str | Unset): EasyMaker Local: when the trial reached its final status.
    """

    trial_id: str | Unset = UNSET
    trial_name: str | Unset = UNSET
    trial_status_code: str | TrialStatusCode | Unset = UNSET
    trial_status_reason: str | Unset = UNSET
    hyperparameter_tuning_id: str | Unset = UNSET
    hyperparameter_list: list[Parameter] | Unset = UNSET
    trial_metric_list: list[TrialMetric] | Unset = UNSET
    model_upload_uri: str | Unset = UNSET
    started_datetime: str | Unset = UNSET
    finished_datetime: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "trialId": "trial_id",
        "trialName": "trial_name",
        "trialStatusCode": "trial_status_code",
        "trialStatusReason": "trial_status_reason",
        "hyperparameterTuningId": "hyperparameter_tuning_id",
        "hyperparameterList": "hyperparameter_list",
        "trialMetricList": "trial_metric_list",
        "modelUploadUri": "model_upload_uri",
        "startedDatetime": "started_datetime",
        "finishedDatetime": "finished_datetime",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            trial_id = self.trial_id

            trial_name = self.trial_name

            trial_status_code: str | Unset
            if isinstance(self.trial_status_code, Unset):
                trial_status_code = UNSET
            elif isinstance(self.trial_status_code, TrialStatusCode):
                trial_status_code = self.trial_status_code.value
            else:
                trial_status_code = self.trial_status_code

            trial_status_reason = self.trial_status_reason

            hyperparameter_tuning_id = self.hyperparameter_tuning_id

            hyperparameter_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.hyperparameter_list, Unset):
                hyperparameter_list = []
                for hyperparameter_list_item_data in self.hyperparameter_list:
                    hyperparameter_list_item = hyperparameter_list_item_data.to_dict()
                    hyperparameter_list.append(hyperparameter_list_item)

            trial_metric_list: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.trial_metric_list, Unset):
                trial_metric_list = []
                for trial_metric_list_item_data in self.trial_metric_list:
                    trial_metric_list_item = trial_metric_list_item_data.to_dict()
                    trial_metric_list.append(trial_metric_list_item)

            model_upload_uri = self.model_upload_uri

            started_datetime = self.started_datetime

            finished_datetime = self.finished_datetime

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if trial_id is not UNSET:
                field_dict["trialId"] = trial_id
            if trial_name is not UNSET:
                field_dict["trialName"] = trial_name
            if trial_status_code is not UNSET:
                field_dict["trialStatusCode"] = trial_status_code
            if trial_status_reason is not UNSET:
                field_dict["trialStatusReason"] = trial_status_reason
            if hyperparameter_tuning_id is not UNSET:
                field_dict["hyperparameterTuningId"] = hyperparameter_tuning_id
            if hyperparameter_list is not UNSET:
                field_dict["hyperparameterList"] = hyperparameter_list
            if trial_metric_list is not UNSET:
                field_dict["trialMetricList"] = trial_metric_list
            if model_upload_uri is not UNSET:
                field_dict["modelUploadUri"] = model_upload_uri
            if started_datetime is not UNSET:
                field_dict["startedDatetime"] = started_datetime
            if finished_datetime is not UNSET:
                field_dict["finishedDatetime"] = finished_datetime
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.parameter import Parameter
        from ..models.trial_metric import TrialMetric

        d = dict(src_dict)
        trial_id = _validation.null_as_unset(d.pop("trialId", UNSET))
        trial_name = _validation.null_as_unset(d.pop("trialName", UNSET))

        def _parse_trial_status_code(data: object) -> str | TrialStatusCode | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trial_status_code_type_0 = TrialStatusCode(data)

                return trial_status_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TrialStatusCode | Unset, data)

        trial_status_code = _parse_trial_status_code(_validation.null_as_unset(d.pop("trialStatusCode", UNSET)))

        trial_status_reason = _validation.null_as_unset(d.pop("trialStatusReason", UNSET))
        hyperparameter_tuning_id = _validation.null_as_unset(d.pop("hyperparameterTuningId", UNSET))
        _hyperparameter_list = _validation.null_as_unset(d.pop("hyperparameterList", UNSET))
        hyperparameter_list: list[Parameter] | Unset = UNSET
        if _hyperparameter_list is not UNSET:
            hyperparameter_list = []
            for hyperparameter_list_item_data in _hyperparameter_list:
                hyperparameter_list_item = Parameter.from_dict(hyperparameter_list_item_data)

                hyperparameter_list.append(hyperparameter_list_item)

        _trial_metric_list = _validation.null_as_unset(d.pop("trialMetricList", UNSET))
        trial_metric_list: list[TrialMetric] | Unset = UNSET
        if _trial_metric_list is not UNSET:
            trial_metric_list = []
            for trial_metric_list_item_data in _trial_metric_list:
                trial_metric_list_item = TrialMetric.from_dict(trial_metric_list_item_data)

                trial_metric_list.append(trial_metric_list_item)

        model_upload_uri = _validation.null_as_unset(d.pop("modelUploadUri", UNSET))
        started_datetime = _validation.null_as_unset(d.pop("startedDatetime", UNSET))
        finished_datetime = _validation.null_as_unset(d.pop("finishedDatetime", UNSET))
        trial = cls(
            trial_id=trial_id,
            trial_name=trial_name,
            trial_status_code=trial_status_code,
            trial_status_reason=trial_status_reason,
            hyperparameter_tuning_id=hyperparameter_tuning_id,
            hyperparameter_list=hyperparameter_list,
            trial_metric_list=trial_metric_list,
            model_upload_uri=model_upload_uri,
            started_datetime=started_datetime,
            finished_datetime=finished_datetime,
        )
        trial.additional_properties = d
        return trial

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
