"""LocalUris: obs:// and nas:// on EasyMaker Local's home, as runners use them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from easymaker.local.uris import LocalUris
from easymaker.storage.errors import StorageUriError, UnsafeObjectNameError

OBS = "obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_ten/cont"


@pytest.fixture()
def uris(tmp_path: Path) -> Iterator[LocalUris]:
    u = LocalUris(tmp_path / "home")
    yield u
    u.close()


def test_publish_and_fetch_tree_and_single_object(uris: LocalUris, tmp_path: Path) -> None:
    src = tmp_path / "model"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("A")
    (src / "sub" / "b.bin").write_bytes(b"\0" * 10)
    assert uris.publish(src, f"{OBS}/out/model") == 2
    assert [o.name for o in uris.store.iter_objects("ten", "cont")] == ["out/model/a.txt", "out/model/sub/b.bin"]
    dest = uris.fetch(f"{OBS}/out/model", tmp_path / "d1")
    assert sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file()) == ["a.txt", "sub/b.bin"]
    dest2 = uris.fetch(f"{OBS}/out/model/sub/b.bin", tmp_path / "d2")
    assert (dest2 / "b.bin").read_bytes() == b"\0" * 10
    assert uris.local_path(f"{OBS}/out") is None
    # a single file publishes to prefix/basename; another host maps to the same store
    one = tmp_path / "one.csv"
    one.write_text("x")
    assert uris.publish(one, "obs://elsewhere/v1/AUTH_ten/cont/in") == 1
    assert uris.store.head_object("ten", "cont", "in/one.csv") is not None


def test_fetch_respects_prefix_boundaries_and_missing(uris: LocalUris, tmp_path: Path) -> None:
    uris.store.put_object("ten", "cont", "data/x", b"x")
    uris.store.put_object("ten", "cont", "data2/y", b"y")
    dest = uris.fetch(f"{OBS}/data", tmp_path / "d")
    assert [p.name for p in dest.rglob("*")] == ["x"]
    with pytest.raises(FileNotFoundError, match="nothing at"):
        uris.fetch(f"{OBS}/dat", tmp_path / "e")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        uris.fetch("obs://h/v1/AUTH_ten/nocontainer/x", tmp_path / "e")
    root = uris.fetch(OBS, tmp_path / "root")
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == ["data/x", "data2/y"]


@pytest.mark.parametrize("name", ["pre/a/../../escape.txt", "pre//abs", "pre/a\\b"])
def test_fetch_refuses_escaping_names(uris: LocalUris, tmp_path: Path, name: str) -> None:
    uris.store.put_object("ten", "cont", name, b"evil")
    uris.store.put_object("ten", "cont", "pre/ok", b"ok")
    dest = tmp_path / "x" / "y" / "dest"
    with pytest.raises(UnsafeObjectNameError, match="refusing"):
        uris.fetch(f"{OBS}/pre", dest)
    assert not any(p.is_file() for p in tmp_path.rglob("*") if "home" not in p.parts)


def test_nas_mapping(uris: LocalUris, tmp_path: Path) -> None:
    nas = "nas://nas-123:/datasets/iris"
    path = uris.local_path(nas)
    assert path == (tmp_path / "home" / "nas" / "nas-123" / "datasets" / "iris").resolve()
    src = tmp_path / "s"
    src.mkdir()
    (src / "train.csv").write_text("1,2")
    assert uris.publish(src, nas) == 1
    assert (path / "train.csv").read_text() == "1,2"
    out = uris.fetch(nas, tmp_path / "out")
    assert (out / "train.csv").read_text() == "1,2"
    with pytest.raises(StorageUriError):
        uris.local_path("nas://nas-123:/../../etc")
    with pytest.raises(FileNotFoundError):
        uris.fetch("nas://nas-123:/missing", tmp_path / "o2")
    with pytest.raises(StorageUriError):
        uris.fetch("s3://bucket/x", tmp_path / "o3")
