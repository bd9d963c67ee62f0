"""``obs://`` and ``nas://`` URIs on EasyMaker Local: the object store in ``<home>/objects`` and ``<home>/nas/<id>``."""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from pathlib import Path

from easymaker.local.swift import ObjectStore
from easymaker.storage.errors import UnsafeObjectNameError
from easymaker.storage.uri import NasUri, ObsUri, parse_storage_uri, safe_relative_parts

logger = logging.getLogger("easymaker.local.uris")


class LocalUris:
    """``UriResolver`` for runners: any ``obs://HOST/v1/AUTH_<tenant>/<container>/<prefix>`` maps to the local
    object store (the host is ignored); ``nas://<id>:/<path>`` maps to ``<home>/nas/<id>/<path>``."""

    def __init__(self, home: Path, store: ObjectStore | None = None) -> None:
        self.home = Path(home)
        self._store = store
        self._own_store = store is None

    @property
    def store(self) -> ObjectStore:
        if self._store is None:
            self._store = ObjectStore(self.home / "objects")
        return self._store

    def close(self) -> None:
        if self._own_store and self._store is not None:
            self._store.close()
            self._store = None

    # -- UriResolver ----------------------------------------------------------------------------------------
    def local_path(self, uri: str) -> Path | None:
        parsed = parse_storage_uri(uri)
        if isinstance(parsed, ObsUri):
            return None
        return self._nas_path(parsed)

    def fetch(self, uri: str, dest_dir: Path) -> Path:
        dest_dir = Path(dest_dir)
        parsed = parse_storage_uri(uri)
        if isinstance(parsed, NasUri):
            src = self._nas_path(parsed)
            if not src.exists():
                raise FileNotFoundError(f"nothing at {uri} ({src})")
            dest_dir.mkdir(parents=True, exist_ok=True)
            if src.is_file():
                _atomic_copy(src, dest_dir / src.name)
            else:
                for p in sorted(src.rglob("*")):
                    if p.is_file():
                        _atomic_copy(p, dest_dir / p.relative_to(src))
            return dest_dir
        store, t, c, prefix = self.store, parsed.tenant, parsed.container, parsed.prefix
        if not store.container_exists(t, c):
            raise FileNotFoundError(f"nothing at {uri}: container {c!r} does not exist")
        if prefix and not prefix.endswith("/") and store.head_object(t, c, prefix) is not None:
            items = [(prefix, [prefix.rsplit("/", 1)[-1]])]
        else:
            base = prefix if (not prefix or prefix.endswith("/")) else prefix + "/"
            items = []
            for info in store.iter_objects(t, c, base):
                if info.name.endswith("/"):
                    continue  # folder marker
                try:
                    items.append((info.name, safe_relative_parts(info.name[len(base) :])))
                except UnsafeObjectNameError as exc:
                    raise UnsafeObjectNameError(
                        f"refusing to fetch {uri}: object {info.name!r} cannot be written below {dest_dir}: {exc}"
                    ) from exc
        if not items:
            raise FileNotFoundError(f"nothing at {uri}")
        dest_dir.mkdir(parents=True, exist_ok=True)
        for name, parts in items:
            store.get_object_to_path(t, c, name, dest_dir.joinpath(*parts))
        logger.debug("fetched %d object(s) from %s", len(items), uri)
        return dest_dir

    def publish(self, src: Path, uri: str) -> int:
        src = Path(src)
        if not src.exists():
            raise FileNotFoundError(f"cannot publish {src}: it does not exist")
        files = [(src, src.name)] if src.is_file() else _tree(src)
        parsed = parse_storage_uri(uri)
        if isinstance(parsed, NasUri):
            target = self._nas_path(parsed)
            for p, rel in files:
                _atomic_copy(p, target.joinpath(*rel.split("/")))
            return len(files)
        base = parsed.prefix.rstrip("/")
        for p, rel in files:
            self.store.put_object(parsed.tenant, parsed.container, f"{base}/{rel}" if base else rel, p)
        return len(files)

    # -- helpers --------------------------------------------------------------------------------------------
    def _nas_path(self, nas: NasUri) -> Path:
        root = (self.home / "nas" / nas.nas_id).resolve()
        path = root.joinpath(*nas.path.split("/")) if nas.path else root
        if not os.path.realpath(path).startswith(str(root)):
            raise UnsafeObjectNameError(f"{nas.uri} resolves outside {root}")
        return path


def _tree(src: Path) -> list[tuple[Path, str]]:
    return [(p, p.relative_to(src).as_posix()) for p in sorted(src.rglob("*")) if p.is_file()]


def _atomic_copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".{uuid.uuid4().hex}.part"
    try:
        shutil.copy2(src, tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
