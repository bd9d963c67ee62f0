"""Code generation: spec/openapi.yaml -> generated/easymaker_api/ (openapi-python-client, pinned, with our templates).

Run `python -m codegen` to regenerate and `python -m codegen --check` to verify that generated/ is up to date.
"""

from .pipeline import (
    GENERATED_DIR,
    GENERATOR_VERSION,
    PACKAGE_NAME,
    RUFF_VERSION,
    SPEC_PATH,
    TEMPLATES_DIR,
    GenerationError,
    Report,
    compare,
    generate,
    package_files,
)

__all__ = [
    "GENERATED_DIR",
    "GENERATOR_VERSION",
    "PACKAGE_NAME",
    "RUFF_VERSION",
    "SPEC_PATH",
    "TEMPLATES_DIR",
    "GenerationError",
    "Report",
    "compare",
    "generate",
    "package_files",
]
