"""A resource kind and a status added to a copy of the spec reach the generated registry, the SDK's wait, the CLI
and EasyMaker Local's state machines by regeneration alone (no other edit)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from regenerate import regenerate_in_subprocess, run_in_subprocess, spec_copy


def _add_gadget_kind(document: Any) -> None:
    """A throw-away job kind with its status enum, record, envelopes and paths (list, get, delete, stop)."""
    schemas = document["components"]["schemas"]
    schemas["GadgetStatusCode"] = {
        "type": "string",
        "enum": [
            "CREATE_REQUESTED",
            "CREATE_IN_PROGRESS",
            "RUNNING",
            "COMPLETE_IN_PROGRESS",
            "COMPLETE",
            "STOP_IN_PROGRESS",
            "STOPPED",
            "CREATE_FAILED",
            "FAIL_GADGET_IN_PROGRESS",
            "FAIL_GADGET",
        ],
    }
    schemas["Gadget"] = {
        "type": "object",
        "properties": {
            "gadgetId": {"type": "string"},
            "gadgetName": {"type": "string"},
            "gadgetStatusCode": {"anyOf": [{"$ref": "#/components/schemas/GadgetStatusCode"}, {"type": "string"}]},
        },
    }
    header = {"$ref": "#/components/schemas/Header"}
    schemas["GadgetResponse"] = {
        "type": "object",
        "properties": {"header": header, "gadget": {"$ref": "#/components/schemas/Gadget"}},
    }
    schemas["GadgetListResponse"] = {
        "type": "object",
        "properties": {
            "header": header,
            "gadgetList": {"type": "array", "items": {"$ref": "#/components/schemas/Gadget"}},
        },
    }

    def answer(schema: str) -> dict[str, Any]:
        content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}
        return {"200": {"description": "ok", "content": content}}

    appkey = [{"$ref": "#/components/parameters/Appkey"}]
    item_parameters = [*appkey, {"name": "gadgetId", "in": "path", "required": True, "schema": {"type": "string"}}]
    done = {"200": {"$ref": "#/components/responses/Done"}}
    base = "/v1.0/appkeys/{appkey}/gadgets"
    document["paths"][base] = {
        "parameters": appkey,
        "get": {"operationId": "listGadgets", "tags": ["trainings"], "responses": answer("GadgetListResponse")},
    }
    document["paths"][base + "/{gadgetId}"] = {
        "parameters": item_parameters,
        "get": {"operationId": "getGadget", "tags": ["trainings"], "responses": answer("GadgetResponse")},
        "delete": {"operationId": "deleteGadget", "tags": ["trainings"], "responses": done},
    }
    document["paths"][base + "/{gadgetId}/stop"] = {
        "parameters": item_parameters,
        "put": {"operationId": "stopGadget", "tags": ["trainings"], "responses": done},
    }
    document["x-easymaker-kinds"]["gadget"] = {
        "class": "Gadget",
        "module": "easymaker.resources.training",
        "path": "gadgets",
        "status": "GadgetStatusCode",
        "lifecycle": "job",
        "success": ["COMPLETE"],
        "failure": ["FAIL_GADGET", "CREATE_FAILED", "STOPPED"],
        "interrupted": "FAIL_GADGET",
        "cli-flag": "gadget",
    }


def test_a_new_kind_and_status_reach_the_sdk_cli_and_local_by_regeneration(tmp_path: Path) -> None:
    """Add a kind and a failure status to a copy of the spec, regenerate into a temporary folder, and find them in
    the generated registry, EasyMaker Local's state machines and generic handlers, the CLI's flags and the SDK's wait."""
    document = spec_copy()
    _add_gadget_kind(document)
    document["components"]["schemas"]["TrainingStatusCode"]["enum"].append("FAIL_TRAIN_QUOTA")
    document["x-easymaker-kinds"]["training"]["failure"].append("FAIL_TRAIN_QUOTA")
    out = regenerate_in_subprocess(document, tmp_path)
    program = textwrap.dedent(
        """
        import easymaker
        from easymaker_api.kinds import BY_NAME
        from easymaker.local.states import KINDS
        from easymaker.cli import build_parser
        gadget = BY_NAME["gadget"]
        print(gadget.record_key, gadget.list_key, gadget.operations.list, gadget.operations.stop, gadget.plural)
        machine = KINDS["gadget"]
        print(machine.is_job, machine.allows("RUNNING", "FAIL_GADGET"), machine.allows("COMPLETE", "RUNNING"))
        print(build_parser().parse_args(["-gadget"]).gadget)
        print("FAIL_TRAIN_QUOTA" in easymaker.Training._failure, "FAIL_TRAIN_QUOTA" in KINDS["training"].terminal)
        from easymaker.local.resources.service import Service
        handlers = Service._handlers(Service.__new__(Service))  # binds the handlers; nothing is served
        print(*(handlers[op].__qualname__.split(".")[-3] for op in ("listGadgets", "getGadget", "stopGadget")))
        """
    )
    printed = run_in_subprocess(program, out)
    assert printed.split("\n")[:5] == [
        "gadget gadgetList listGadgets stopGadget Gadgets",
        "True True False",
        "True",
        "True True",
        "_lister _getter _stopper",
    ], printed
