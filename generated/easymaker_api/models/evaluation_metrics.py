from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.confidence_metric import ConfidenceMetric


@_attrs_define
class EvaluationMetrics:
    """Classification metrics (auPrc, auRoc, logLoss, confidenceMetrics) or regression metrics.

    Attributes:
        au_prc (float | None | Unset):
        au_roc (float | None | Unset):
        log_loss (float | None | Unset):
        confidence_metrics (list[ConfidenceMetric] | Unset):
        root_mean_squared_error (float | None | Unset):
        mean_absolute_error (float | None | Unset):
        mean_absolute_percentage_error (float | None | Unset):
        rsquared (float | None | Unset):
        root_mean_squared_log_error (float | None | Unset):
    """

    au_prc: float | None | Unset = UNSET
    au_roc: float | None | Unset = UNSET
    log_loss: float | None | Unset = UNSET
    confidence_metrics: list[ConfidenceMetric] | Unset = UNSET
    root_mean_squared_error: float | None | Unset = UNSET
    mean_absolute_error: float | None | Unset = UNSET
    mean_absolute_percentage_error: float | None | Unset = UNSET
    rsquared: float | None | Unset = UNSET
    root_mean_squared_log_error: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "auPrc": "au_prc",
        "auRoc": "au_roc",
        "logLoss": "log_loss",
        "confidenceMetrics": "confidence_metrics",
        "rootMeanSquaredError": "root_mean_squared_error",
        "meanAbsoluteError": "mean_absolute_error",
        "meanAbsolutePercentageError": "mean_absolute_percentage_error",
        "rsquared": "rsquared",
        "rootMeanSquaredLogError": "root_mean_squared_log_error",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            au_prc: float | None | Unset
            if isinstance(self.au_prc, Unset):
                au_prc = UNSET
            else:
                au_prc = self.au_prc

            au_roc: float | None | Unset
            if isinstance(self.au_roc, Unset):
                au_roc = UNSET
            else:
                au_roc = self.au_roc

            log_loss: float | None | Unset
            if isinstance(self.log_loss, Unset):
                log_loss = UNSET
            else:
                log_loss = self.log_loss

            confidence_metrics: list[dict[str, Any]] | Unset = UNSET
            if not isinstance(self.confidence_metrics, Unset):
                confidence_metrics = []
                for confidence_metrics_item_data in self.confidence_metrics:
                    confidence_metrics_item = confidence_metrics_item_data.to_dict()
                    confidence_metrics.append(confidence_metrics_item)

            root_mean_squared_error: float | None | Unset
            if isinstance(self.root_mean_squared_error, Unset):
                root_mean_squared_error = UNSET
            else:
                root_mean_squared_error = self.root_mean_squared_error

            mean_absolute_error: float | None | Unset
            if isinstance(self.mean_absolute_error, Unset):
                mean_absolute_error = UNSET
            else:
                mean_absolute_error = self.mean_absolute_error

            mean_absolute_percentage_error: float | None | Unset
            if isinstance(self.mean_absolute_percentage_error, Unset):
                mean_absolute_percentage_error = UNSET
            else:
                mean_absolute_percentage_error = self.mean_absolute_percentage_error

            rsquared: float | None | Unset
            if isinstance(self.rsquared, Unset):
                rsquared = UNSET
            else:
                rsquared = self.rsquared

            root_mean_squared_log_error: float | None | Unset
            if isinstance(self.root_mean_squared_log_error, Unset):
                root_mean_squared_log_error = UNSET
            else:
                root_mean_squared_log_error = self.root_mean_squared_log_error

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if au_prc is not UNSET:
                field_dict["auPrc"] = au_prc
            if au_roc is not UNSET:
                field_dict["auRoc"] = au_roc
            if log_loss is not UNSET:
                field_dict["logLoss"] = log_loss
            if confidence_metrics is not UNSET:
                field_dict["confidenceMetrics"] = confidence_metrics
            if root_mean_squared_error is not UNSET:
                field_dict["rootMeanSquaredError"] = root_mean_squared_error
            if mean_absolute_error is not UNSET:
                field_dict["meanAbsoluteError"] = mean_absolute_error
            if mean_absolute_percentage_error is not UNSET:
                field_dict["meanAbsolutePercentageError"] = mean_absolute_percentage_error
            if rsquared is not UNSET:
                field_dict["rsquared"] = rsquared
            if root_mean_squared_log_error is not UNSET:
                field_dict["rootMeanSquaredLogError"] = root_mean_squared_log_error
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.confidence_metric import ConfidenceMetric

        d = dict(src_dict)

        def _parse_au_prc(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        au_prc = _parse_au_prc(d.pop("auPrc", UNSET))

        def _parse_au_roc(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        au_roc = _parse_au_roc(d.pop("auRoc", UNSET))

        def _parse_log_loss(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        log_loss = _parse_log_loss(d.pop("logLoss", UNSET))

        _confidence_metrics = _validation.null_as_unset(d.pop("confidenceMetrics", UNSET))
        confidence_metrics: list[ConfidenceMetric] | Unset = UNSET
        if _confidence_metrics is not UNSET:
            confidence_metrics = []
            for confidence_metrics_item_data in _confidence_metrics:
                confidence_metrics_item = ConfidenceMetric.from_dict(confidence_metrics_item_data)

                confidence_metrics.append(confidence_metrics_item)

        def _parse_root_mean_squared_error(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        root_mean_squared_error = _parse_root_mean_squared_error(d.pop("rootMeanSquaredError", UNSET))

        def _parse_mean_absolute_error(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mean_absolute_error = _parse_mean_absolute_error(d.pop("meanAbsoluteError", UNSET))

        def _parse_mean_absolute_percentage_error(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mean_absolute_percentage_error = _parse_mean_absolute_percentage_error(
            d.pop("meanAbsolutePercentageError", UNSET)
        )

        def _parse_rsquared(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rsquared = _parse_rsquared(d.pop("rsquared", UNSET))

        def _parse_root_mean_squared_log_error(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        root_mean_squared_log_error = _parse_root_mean_squared_log_error(d.pop("rootMeanSquaredLogError", UNSET))

        evaluation_metrics = cls(
            au_prc=au_prc,
            au_roc=au_roc,
            log_loss=log_loss,
            confidence_metrics=confidence_metrics,
            root_mean_squared_error=root_mean_squared_error,
            mean_absolute_error=mean_absolute_error,
            mean_absolute_percentage_error=mean_absolute_percentage_error,
            rsquared=rsquared,
            root_mean_squared_log_error=root_mean_squared_log_error,
        )
        evaluation_metrics.additional_properties = d
        return evaluation_metrics

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
