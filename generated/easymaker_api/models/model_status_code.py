from __future__ import annotations

from enum import StrEnum


class ModelStatusCode(StrEnum):
    """Known values. `ModelStatusCode(value)` accepts any string: a value missing here becomes an unknown
    member-like instance (`is_known` is False) that keeps the value, so responses always parse and round-trip."""

    CREATE_REQUESTED = "CREATE_REQUESTED"
    CREATE_IN_PROGRESS = "CREATE_IN_PROGRESS"
    DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS"
    ACTIVE = "ACTIVE"
    CREATE_FAILED = "CREATE_FAILED"
    DELETE_FAILED = "DELETE_FAILED"

    @classmethod
    def _missing_(cls, value: object) -> ModelStatusCode | None:
        if not isinstance(value, str):
            return None
        unknown = str.__new__(cls, value)
        unknown._name_ = value
        unknown._value_ = value
        return unknown

    @classmethod
    def known_values(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)

    @property
    def is_known(self) -> bool:
        return self._value_ in type(self)._value2member_map_

    def __str__(self) -> str:
        return str(self.value)
