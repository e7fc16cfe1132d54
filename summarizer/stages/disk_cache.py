"""Built lookup tables kept on disk between runs (the user cache dir), so a command that
summarizes one article does not rebuild them: the city gazetteer takes ~2 s to build from
GeoNames and ~0.1 s to load.

A table is keyed by its name and a digest of what it is built from (the building
module's source, the data package's version): change either and it is rebuilt. A cache
that cannot be read or written is ignored (the table is built in memory as before).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def _digest(parts: tuple[str, ...]) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def source_digest(module_file: str, *packages: str) -> tuple[str, ...]:
    """What a table depends on: the building module's bytes and the packages' versions."""
    parts = [hashlib.sha256(Path(module_file).read_bytes()).hexdigest()]
    for package in packages:
        try:
            parts.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}==?")
    return tuple(parts)


def cached_table(name: str, depends_on: tuple[str, ...], build: Callable[[], T]) -> T:
    """``build()``'s result, loaded from the cache when it was built from the same inputs."""
    from summarizer.embedded import cache_dir

    path = cache_dir() / "tables" / f"{name}-{_digest(depends_on)}.pickle"
    try:
        with open(path, "rb") as file:
            return pickle.load(file)  # noqa: S301 - our own file in the user's cache dir
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        with open(partial, "wb") as file:
            pickle.dump(table, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
        for stale in path.parent.glob(f"{name}-*.pickle"):  # built from older inputs
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return table
