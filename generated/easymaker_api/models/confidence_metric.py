from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import validation as _validation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.confusion_matrix import ConfusionMatrix


@_attrs_define
class ConfidenceMetric:
    """
    Attributes:
        confidence_threshold (float | None | Unset):
        recall (float | None | Unset):
        precision (float | None | Unset):
        false_positive_rate (float | None | Unset):
        f_1_score (float | None | Unset):
        f_1_score_macro (float | None | Unset):
        confusion_matrix (ConfusionMatrix | Unset):
    """

    confidence_threshold: float | None | Unset = UNSET
    recall: float | None | Unset = UNSET
    precision: float | None | Unset = UNSET
    false_positive_rate: float | None | Unset = UNSET
    f_1_score: float | None | Unset = UNSET
    f_1_score_macro: float | None | Unset = UNSET
    confusion_matrix: ConfusionMatrix | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    __wire_names__: ClassVar[dict[str, str]] = {
        "confidenceThreshold": "confidence_threshold",
        "recall": "recall",
        "precision": "precision",
        "falsePositiveRate": "false_positive_rate",
        "f1Score": "f_1_score",
        "f1ScoreMacro": "f_1_score_macro",
        "confusionMatrix": "confusion_matrix",
    }
    __constraints__: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of this object. Nested objects are serialised without checking again."""
        with _validation.lenient():
            confidence_threshold: float | None | Unset
            if isinstance(self.confidence_threshold, Unset):
                confidence_threshold = UNSET
            else:
                confidence_threshold = self.confidence_threshold

            recall: float | None | Unset
            if isinstance(self.recall, Unset):
                recall = UNSET
            else:
                recall = self.recall

            precision: float | None | Unset
            if isinstance(self.precision, Unset):
                precision = UNSET
            else:
                precision = self.precision

            false_positive_rate: float | None | Unset
            if isinstance(self.false_positive_rate, Unset):
                false_positive_rate = UNSET
            else:
                false_positive_rate = self.false_positive_rate

            f_1_score: float | None | Unset
            if isinstance(self.f_1_score, Unset):
                f_1_score = UNSET
            else:
                f_1_score = self.f_1_score

            f_1_score_macro: float | None | Unset
            if isinstance(self.f_1_score_macro, Unset):
                f_1_score_macro = UNSET
            else:
                f_1_score_macro = self.f_1_score_macro

            confusion_matrix: dict[str, Any] | Unset = UNSET
            if not isinstance(self.confusion_matrix, Unset):
                confusion_matrix = self.confusion_matrix.to_dict()

            field_dict: dict[str, Any] = {}
            field_dict.update(self.additional_properties)
            if confidence_threshold is not UNSET:
                field_dict["confidenceThreshold"] = confidence_threshold
            if recall is not UNSET:
                field_dict["recall"] = recall
            if precision is not UNSET:
                field_dict["precision"] = precision
            if false_positive_rate is not UNSET:
                field_dict["falsePositiveRate"] = false_positive_rate
            if f_1_score is not UNSET:
                field_dict["f1Score"] = f_1_score
            if f_1_score_macro is not UNSET:
                field_dict["f1ScoreMacro"] = f_1_score_macro
            if confusion_matrix is not UNSET:
                field_dict["confusionMatrix"] = confusion_matrix
            return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a decoded JSON document. Unknown fields are kept in `additional_properties`."""
        from ..models.confusion_matrix import ConfusionMatrix

        d = dict(src_dict)

        def _parse_confidence_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        confidence_threshold = _parse_confidence_threshold(d.pop("confidenceThreshold", UNSET))

        def _parse_recall(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        recall = _parse_recall(d.pop("recall", UNSET))

        def _parse_precision(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        precision = _parse_precision(d.pop("precision", UNSET))

        def _parse_false_positive_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        false_positive_rate = _parse_false_positive_rate(d.pop("falsePositiveRate", UNSET))

        def _parse_f_1_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        f_1_score = _parse_f_1_score(d.pop("f1Score", UNSET))

        def _parse_f_1_score_macro(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        f_1_score_macro = _parse_f_1_score_macro(d.pop("f1ScoreMacro", UNSET))

        _confusion_matrix = _validation.null_as_unset(d.pop("confusionMatrix", UNSET))
        confusion_matrix: ConfusionMatrix | Unset
        if isinstance(_confusion_matrix, Unset):
            confusion_matrix = UNSET
        else:
            confusion_matrix = ConfusionMatrix.from_dict(_confusion_matrix)

        confidence_metric = cls(
            confidence_threshold=confidence_threshold,
            recall=recall,
            precision=precision,
            false_positive_rate=false_positive_rate,
            f_1_score=f_1_score,
            f_1_score_macro=f_1_score_macro,
            confusion_matrix=confusion_matrix,
        )
        confidence_metric.additional_properties = d
        return confidence_metric

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
