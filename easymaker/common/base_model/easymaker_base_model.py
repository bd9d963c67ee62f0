"""2.1.x base classes: ``BaseModel`` (lookup items and value objects) is `easymaker.items.Item`,
``EasyMakerBaseModel`` (resources) is `easymaker.resources.base.Resource`.

``complete_status`` / ``fail_status`` are the 2.1.x wait rule (a status in the first list, or containing a word of the
second); this SDK's waits use each resource kind's own status sets instead."""

from easymaker.items import Item as BaseModel
from easymaker.resources.base import Resource as EasyMakerBaseModel

complete_status = ["COMPLETE", "ACTIVE", "ENABLED"]
fail_status = ["FAIL", "STOP"]

__all__ = ["BaseModel", "EasyMakerBaseModel", "complete_status", "fail_status"]
