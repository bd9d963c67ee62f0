"""spec/openapi.yaml (and the code generator's sample document) are valid OpenAPI 3.1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from paths import REPO

SPEC = REPO / "spec" / "openapi.yaml"
SAMPLE = REPO / "tests" / "fixtures" / "codegen" / "sample.yaml"


def _load(path: Path) -> dict[str, Any]:
    document = yaml.safe_load(path.read_bytes())
    assert isinstance(document, dict)
    return document


@pytest.mark.parametrize("path", [SPEC, SAMPLE], ids=["spec", "codegen-sample"])
def test_document_is_valid_openapi_31(path: Path) -> None:
    document = _load(path)
    assert str(document["openapi"]).startswith("3.1")
    validate(document)


def test_validator_rejects_a_broken_document() -> None:
    # Guards the test above against a validator that accepts anything.
    document = _load(SPEC)
    first_path = next(iter(document["paths"].values()))
    first_operation = next(v for k, v in first_path.items() if k in {"get", "post", "put", "delete", "patch"})
    first_operation["responses"] = "not a mapping"
    with pytest.raises(OpenAPIValidationError):
        validate(document)


def test_operation_ids_are_unique_and_every_request_body_is_a_named_schema() -> None:
    document = _load(SPEC)
    seen: set[str] = set()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in {"get", "post", "put", "delete", "patch"}:
                continue
            operation_id = operation.get("operationId")
            assert operation_id, f"{method.upper()} {path} has no operationId"
            assert operation_id not in seen, f"operationId {operation_id} is used twice"
            seen.add(operation_id)
            body = operation.get("requestBody")
            if body is not None:
                schema = body["content"]["application/json"]["schema"]
                # A named component gives the generated request model a stable class name.
                assert "$ref" in schema, f"{operation_id}: the request body schema is inline"
