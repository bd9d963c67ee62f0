"""2.1.x helpers: name-to-id over a list of items, and case conversions."""

from collections.abc import Iterable, Mapping
from typing import Any

from easymaker._errors import EasyMakerError


def from_name_to_id(item_list: Iterable[Any], name: str, cls: type) -> str:
    """The id of the item named ``name`` in ``item_list`` (items of ``cls`` or their wire dicts)."""
    for item in item_list:
        obj = cls(item) if isinstance(item, Mapping) else item
        if obj.name == name:
            return str(obj.id)
    raise EasyMakerError(f"Invalid {cls.__name__} name: {name}")


def snake_to_kebab(snake_str: str) -> str:
    return snake_str.replace("_", "-")


def snake_to_pascal(snake_str: str) -> str:
    return "".join(word.title() for word in snake_str.split("_"))


def pascal_to_snake(pascal_str: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in pascal_str).lstrip("_")


__all__ = ["EasyMakerError", "from_name_to_id", "pascal_to_snake", "snake_to_kebab", "snake_to_pascal"]
