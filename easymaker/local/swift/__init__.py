"""EasyMaker Local's Object Storage: a Swift-compatible object store and a Keystone v2 token endpoint.

Storage layout under ``<home>/objects/``:

* ``index.db``: SQLite (WAL) holding containers, object names, sizes, ETags, metadata and issued tokens;
* ``data/<xx>/<id>``: one file per stored object body, named by a random id (never by the object name, so any
  UTF-8 name, including ``../x``, ``/abs`` or ``a\\b``, stays inside the home folder); small members of an
  extracted archive share one such file (a pack: each row holds its ``pack_offset``), removed with its last object;
* ``tmp/``: bodies being received. A body is written there, renamed into ``data/`` when complete and verified, and
  only then recorded in the database, so a crash never leaves a partial object visible.

The modules, one job each:

* ``records``: what a stored object is (``ObjectInfo``, ``Subdir``, the index row), name limits, ``ObjectStoreError``;
* ``schema``: the index's tables and their conversion from older versions;
* ``bodies``: body files written (``PutWriter``, packs) and read back by position;
* ``store``: ``ObjectStore``, the engine (usable from Python without HTTP): tokens, containers, objects;
* ``container_listing``: listing pages in Swift's semantics;
* ``manifests``: dynamic large objects (``X-Object-Manifest``);
* ``extraction``: archive auto-extraction (Swift's bulk middleware) and its limits;
* ``space``: crash leftovers and the space of deleted objects reclaimed;
* ``http_app``: ``create_object_store_app``, the HTTP face served through Starlette (its router, accounts and
  containers), with ``http_objects`` (object routes), ``http_bulk`` (the archive extraction route), ``keystone``
  (``POST /v2.0/tokens``) and ``http_wire`` (responses with Swift's exact headers).

Not to be confused with ``easymaker.storage`` (the SDK's client side: uploads and downloads to any Swift) nor with
``easymaker.objectstorage`` / ``easymaker.storage.objectstorage`` (the 2.1.x module paths of that client).
"""

from easymaker.local.swift.extraction import ArchiveLimits, ExtractResult
from easymaker.local.swift.records import ObjectInfo, ObjectStoreError, Subdir
from easymaker.local.swift.store import ObjectStore

__all__ = ["ArchiveLimits", "ExtractResult", "ObjectInfo", "ObjectStore", "ObjectStoreError", "Subdir"]
