"""EasyMaker Local's catalog: instance types (flavors), images, NHN-provided algorithms, model presets and
parameter specs, kept as JSON data files next to this module. Ids are fixed in the files, so they are stable
across restarts and machines."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

_DIR = Path(__file__).resolve().parent


def _load(name: str) -> list[dict[str, Any]]:
    data = json.loads((_DIR / name).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"catalog file {name} must hold a JSON array")
    return data


class Catalog:
    """Read-only lookups over the catalog files (loaded once)."""

    def __init__(self) -> None:
        self.flavors = _load("flavors.json")
        self.images = _load("images.json")
        self.algorithms = _load("algorithms.json")
        self.model_presets = _load("model_presets.json")
        self.parameter_specs = _load("parameter_specs.json")
        self._flavor_by_id = {f["id"]: f for f in self.flavors}
        self._flavor_by_name = {f["name"]: f for f in self.flavors}
        self._image_by_id = {i["imageId"]: i for i in self.images}
        self._algorithm_by_id = {a["algorithmId"]: a for a in self.algorithms}
        self._preset_by_id = {p["modelPresetId"]: p for p in self.model_presets}

    def flavor(self, flavor_id: str | None) -> dict[str, Any] | None:
        f = self._flavor_by_id.get(flavor_id or "")
        return copy.deepcopy(f) if f is not None else None

    def flavor_by_name(self, name: str | None) -> dict[str, Any] | None:
        f = self._flavor_by_name.get(name or "")
        return copy.deepcopy(f) if f is not None else None

    def image(self, image_id: str | None) -> dict[str, Any] | None:
        i = self._image_by_id.get(image_id or "")
        return copy.deepcopy(i) if i is not None else None

    def algorithm(self, algorithm_id: str | None) -> dict[str, Any] | None:
        a = self._algorithm_by_id.get(algorithm_id or "")
        return copy.deepcopy(a) if a is not None else None

    def model_preset(self, preset_id: str | None) -> dict[str, Any] | None:
        p = self._preset_by_id.get(preset_id or "")
        return copy.deepcopy(p) if p is not None else None

    def list_flavors(self, group_type: str | None = None, model_preset_id: str | None = None) -> list[dict[str, Any]]:
        """Every flavor; a model preset narrows the list to the preset's flavor. ``group_type`` is accepted for
        every resource group (all instance types serve every group here)."""
        if model_preset_id:
            preset = self._preset_by_id.get(model_preset_id)
            if preset is None:
                return []
            fid = (preset.get("metadata") or {}).get("flavorId")
            return [copy.deepcopy(f) for f in self.flavors if f["id"] == fid]
        return copy.deepcopy(self.flavors)

    def list_images(self, group_type_code: str | None = None) -> list[dict[str, Any]]:
        if not group_type_code:
            return copy.deepcopy(self.images)
        wanted = {g.strip().upper() for g in group_type_code.split(",") if g.strip()}
        return [copy.deepcopy(i) for i in self.images if str(i.get("groupTypeCode", "")).upper() in wanted]

    def list_algorithms(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self.algorithms)

    def list_model_presets(
        self, exposure_scope_code: str | None = None, name: str | None = None
    ) -> list[dict[str, Any]]:
        out = []
        for p in self.model_presets:
            if exposure_scope_code and p.get("exposureScopeCode") != exposure_scope_code:
                continue
            if name and name.lower() not in str(p.get("modelPresetName", "")).lower():
                continue
            out.append(copy.deepcopy(p))
        return out

    def list_parameter_specs(
        self, model_preset_id: str | None = None, parameter_type_code: str | None = None
    ) -> list[dict[str, Any]]:
        out = []
        for s in self.parameter_specs:
            if parameter_type_code and s.get("parameterTypeCode") != parameter_type_code:
                continue
            if model_preset_id and s.get("modelPresetId") not in (None, model_preset_id):
                continue
            out.append(copy.deepcopy(s))
        return out


@cache
def load_catalog() -> Catalog:
    """The catalog (loaded once per process)."""
    return Catalog()
