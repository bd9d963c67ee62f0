"""The 2.1.x package ``easymaker.common`` (codes, constants, errors, base classes, lookup items)."""

from easymaker.common import (
    base_model,
    codes,
    constants,
    environment_variables,
    exceptions,
    image,
    instance_type,
    parameter,
    storage,
    utils,
)

__all__ = [
    "base_model",
    "codes",
    "constants",
    "environment_variables",
    "exceptions",
    "image",
    "instance_type",
    "parameter",
    "storage",
    "utils",
]
