"""A disk cache of extraction records, so an unchanged eval costs no model time.

The key is a hash of everything that decides the answer: model id, endpoint, pipeline,
prompt version, the JSON schema of the draft, generation settings and the article bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from summarizer.embedded import cache_dir


def default_cache_dir() -> Path:
    """``responses/`` in the cache dir (``SUMMARIZER_CACHE_DIR`` or the user cache dir)."""
    return cache_dir() / "responses"


def cache_key(parts: dict[str, Any]) -> str:
    """A stable sha256 of canonical JSON."""
    canonical = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ResponseCache:
    """One JSON file per key, written atomically."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_cache_dir()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        path = self._path(key)
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None

    def put(self, key: str, record: dict[str, Any]) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
