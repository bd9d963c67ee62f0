"""Name-to-id lookups (instance types, images, algorithms, models), cached per client for `LOOKUP_TTL` seconds.

Each list is fetched at most once per TTL, and only when a name of that kind is actually used. Matching is exact;
a name that matches nothing raises `NameLookupError` listing the valid names.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from easymaker._errors import EasyMakerError, NameLookupError

if TYPE_CHECKING:
    from easymaker._client import Client

LOOKUP_TTL = 60.0  # seconds a fetched list is reused


class Lookups:
    """Cached lists for one client. Thread-safe; the clock is the client's (replaceable in tests)."""

    def __init__(self, client: Client, ttl: float = LOOKUP_TTL) -> None:
        self._client = client
        self.ttl = ttl
        self._cache: dict[str, tuple[float, list[dict[str, Any]]]] = {}
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def _cached(self, key: str, fetch: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
        now = self._client.clock()
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and now - hit[0] < self.ttl:
                return hit[1]
        items = fetch()
        with self._lock:
            self._cache[key] = (self._client.clock(), items)
        return items

    # ------------------------------------------------------------------ lists
    def flavors(self) -> list[dict[str, Any]]:
        from easymaker_api.api.lookups import list_flavors
        from easymaker_api.models.flavor_list_response import FlavorListResponse

        def fetch() -> list[dict[str, Any]]:
            response = list_flavors.sync_detailed(self._client.appkey, client=self._client.api)
            parsed = self._client.payload(response, FlavorListResponse)
            return [item.to_dict() for item in parsed.flavor_list or []]

        return self._cached("flavors", fetch)

    def images(self) -> list[dict[str, Any]]:
        from easymaker_api.api.lookups import list_images
        from easymaker_api.models.image_list_response import ImageListResponse

        def fetch() -> list[dict[str, Any]]:
            response = list_images.sync_detailed(self._client.appkey, client=self._client.api)
            parsed = self._client.payload(response, ImageListResponse)
            return [item.to_dict() for item in parsed.image_list or []]

        return self._cached("images", fetch)

    def algorithms(self) -> list[dict[str, Any]]:
        from easymaker_api.api.lookups import list_algorithms
        from easymaker_api.models.algorithm_list_response import AlgorithmListResponse

        def fetch() -> list[dict[str, Any]]:
            response = list_algorithms.sync_detailed(self._client.appkey, client=self._client.api)
            parsed = self._client.payload(response, AlgorithmListResponse)
            return [item.to_dict() for item in parsed.algorithm_list or []]

        return self._cached("algorithms", fetch)

    def models(self) -> list[dict[str, Any]]:
        from easymaker_api.api.models import list_models
        from easymaker_api.models.model_list_response import ModelListResponse

        def fetch() -> list[dict[str, Any]]:
            response = list_models.sync_detailed(self._client.appkey, client=self._client.api)
            parsed = self._client.payload(response, ModelListResponse)
            return [item.to_dict() for item in parsed.model_list or []]

        return self._cached("models", fetch)

    # ------------------------------------------------------------------ name -> id
    @staticmethod
    def _match(items: list[dict[str, Any]], name_key: str, id_key: str, name: str, kind: str) -> dict[str, Any]:
        matches = [item for item in items if item.get(name_key) == name]
        if not matches:
            raise NameLookupError(kind, name, sorted({str(i.get(name_key)) for i in items if i.get(name_key)}))
        if len({m.get(id_key) for m in matches}) > 1 and kind == "model name":
            ids = ", ".join(str(m.get(id_key)) for m in matches)
            raise EasyMakerError(f"several models are named {name!r} (ids: {ids}); pass model_id instead")
        return matches[0]

    def flavor(self, name: str) -> dict[str, Any]:
        return self._match(self.flavors(), "name", "id", name, "instance type name")

    def flavor_id(self, name: str) -> str:
        return str(self.flavor(name)["id"])

    def image_id(self, name: str) -> str:
        return str(self._match(self.images(), "imageName", "imageId", name, "image name")["imageId"])

    def algorithm(self, name: str) -> dict[str, Any]:
        return self._match(self.algorithms(), "algorithmName", "algorithmId", name, "algorithm name")

    def model_id(self, name: str) -> str:
        return str(self._match(self.models(), "modelName", "modelId", name, "model name")["modelId"])
