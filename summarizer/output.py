"""Writing results as each article finishes: to stdout (json, jsonl, md) or one file per
article in a folder. Nothing waits for the end of the batch except the single JSON
document of ``--format json`` on stdout, which is written on close (also on interrupt)."""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from summarizer.render import to_markdown

SUFFIXES = {"json": ".json", "jsonl": ".json", "md": ".md"}


def output_name(source: str) -> str:
    """A file name for one article's result: the input's name, made safe."""
    stem = "stdin" if source == "<stdin>" else Path(source).stem
    return re.sub(r"[^\w.-]+", "_", stem).strip("._") or "article"


class ResultWriter:
    """Thread-safe: ``write`` may be called from worker threads as articles finish."""

    def __init__(self, format: str, folder: Path | None, *, single: bool) -> None:
        self.format, self.folder, self.single = format, folder, single
        self.written = 0
        self._pending: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._names: dict[str, str] = {}
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def path_for(self, source: str) -> Path:
        assert self.folder is not None
        name = self._names.get(source)
        if name is None:
            base = output_name(source)
            taken = set(self._names.values())
            name, n = base, 1
            while name in taken:
                n += 1
                name = f"{base}-{n}"
            self._names[source] = name
        return self.folder / f"{name}{SUFFIXES[self.format]}"

    def exists(self, source: str) -> bool:
        return self.folder is not None and self.path_for(source).is_file()

    def _render(self, source: str, summary: BaseModel, *, indent: int | None) -> str:
        if self.format == "md":
            return to_markdown(summary, title=source)
        doc = {"source": source, **summary.model_dump(mode="json")}
        return json.dumps(doc, ensure_ascii=False, indent=indent) + "\n"

    def write(self, source: str, summary: BaseModel) -> None:
        with self._lock:
            if self.folder is not None:
                target = self.path_for(source)
                partial = target.with_name(target.name + ".partial")
                partial.write_text(self._render(source, summary, indent=2), encoding="utf-8")
                os.replace(partial, target)  # a file is there whole or not at all
            elif self.format == "json":
                self._pending.append({"source": source, **summary.model_dump(mode="json")})
            else:
                sys.stdout.write(self._render(source, summary, indent=None))
                sys.stdout.flush()
            self.written += 1

    def close(self) -> None:
        """Write what waits for the end (``--format json`` on stdout); safe to call twice."""
        with self._lock:
            if self.folder is None and self.format == "json" and self._pending is not None:
                payload: Any = self._pending[0] if self.single and self._pending else self._pending
                sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
                sys.stdout.flush()
                self._pending = None  # type: ignore[assignment]
