"""A `UriResolver` test double for runner tests: obs:// and nas:// URIs mapped to folders below ``root``.
(No tests in this module.)"""

from __future__ import annotations

import shutil
from pathlib import Path


class FolderUris:
    """fetch and publish copy files; nas:// URIs are also reachable in place through ``local_path``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, uri: str) -> Path:
        scheme, rest = uri.split("://", 1)
        return self.root / scheme / rest.replace(":", "").strip("/")

    def fetch(self, uri: str, dest_dir: Path) -> Path:
        src = self.path(uri)
        dest_dir.mkdir(parents=True, exist_ok=True)
        if src.is_file():
            shutil.copy2(src, dest_dir / src.name)
        elif src.is_dir():
            shutil.copytree(src, dest_dir, dirs_exist_ok=True)
        else:
            raise FileNotFoundError(f"no object at {uri}")
        return dest_dir

    def publish(self, src: Path, uri: str) -> int:
        dst = self.path(uri)
        if src.is_file():
            dst.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / src.name)
            return 1
        shutil.copytree(src, dst, dirs_exist_ok=True)
        return sum(1 for p in src.rglob("*") if p.is_file())

    def local_path(self, uri: str) -> Path | None:
        return self.path(uri) if uri.startswith("nas://") else None
