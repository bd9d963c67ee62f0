"""Listing a container or prefix (paged), selecting what an ``obs://`` URI names, and HEAD requests."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx

from easymaker.storage.engine import LISTING_LIMIT, RemoteObject, SwiftRequests
from easymaker.storage.errors import (
    StorageRequestError,
)
from easymaker.storage.uri import ObsUri

logger = logging.getLogger("easymaker.storage")


class SwiftListing(SwiftRequests):
    """Paged listings and HEADs."""

    # -- listing --------------------------------------------------------------------------------------------
    def iter_listing(self, uri: ObsUri, prefix: str, limit: int | None = None) -> Iterator[RemoteObject]:
        """Every object whose name starts with ``prefix`` (``format=json``, marker paging, ``limit=10000``)."""
        url = uri.container_url(self.endpoint_for(uri))
        marker = ""
        page = min(limit, LISTING_LIMIT) if limit else LISTING_LIMIT
        while True:
            params = {"format": "json", "limit": str(page), "prefix": prefix}
            if marker:
                params["marker"] = marker
            resp = self.request("GET", uri, url, params=params)
            if resp.status_code == 404:
                resp.close()
                raise StorageRequestError(
                    f"container {uri.container!r} not found at {url}", status_code=404, request_url=url
                )
            if resp.status_code == 204:
                return
            if resp.status_code != 200:
                raise self._fail(resp, f"listing {uri.uri}")
            entries = resp.json()
            for e in entries:
                if "name" not in e:
                    continue
                yield RemoteObject(
                    e["name"], int(e.get("bytes", 0)), e.get("hash", ""), e.get("content_type", ""),
                    e.get("last_modified", ""),
                )  # fmt: skip
            if len(entries) < page or limit is not None:
                return
            marker = entries[-1].get("name") or entries[-1].get("subdir")

    def select(self, uri: ObsUri) -> tuple[list[RemoteObject], str]:
        """Objects the URI designates and the prefix to strip from their names. An exact object name gives that
        object; otherwise names under ``prefix/`` (prefix boundaries respected); an empty prefix gives the whole
        container. Names ending in ``/`` (folder markers) are left out."""
        prefix = uri.prefix
        if prefix and not prefix.endswith("/"):
            exact = next(iter(self.iter_listing(uri, prefix, limit=1)), None)
            if exact is not None and exact.name == prefix:
                base = prefix.rsplit("/", 1)[0] + "/" if "/" in prefix else ""
                return [exact], base
            prefix += "/"
        found = [o for o in self.iter_listing(uri, prefix) if not o.name.endswith("/")]
        return found, prefix

    def head(self, uri: ObsUri, name: str) -> httpx.Response | None:
        resp = self.request("HEAD", uri, uri.object_url(self.endpoint_for(uri), name))
        if resp.status_code == 404:
            return None
        if resp.status_code not in (200, 204):
            raise self._fail(resp, f"HEAD {name!r}")
        return resp
