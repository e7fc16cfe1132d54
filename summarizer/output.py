"""Writing results as each article finishes: to stdout (json, jsonl, md) or one file per
article in a folder. Nothing waits for the end of the batch except the single JSON
document of ``--format json`` on stdout, which is written on close (also on interrupt)."""

from __future__ import annotations

import hashlib
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


def output_name(source: str, text: str) -> str:
    """A file name for one article's result: the input's name, made safe, and a short hash
    of its full path (of its text, for stdin), so two inputs never share a file and a
    re-run finds each article's own file."""
    if source == "<stdin>":
        stem, key = "stdin", text
    else:
        stem, key = Path(source).stem, str(Path(source).resolve())
    safe = re.sub(r"[^\w.-]+", "_", stem).strip("._") or "article"
    return f"{safe}.{hashlib.sha256(key.encode()).hexdigest()[:8]}"


class ResultWriter:
    """Thread-safe: ``write`` may be called from worker threads as articles finish."""

    def __init__(self, format: str, folder: Path | None, *, single: bool) -> None:
        self.format, self.folder, self.single = format, folder, single
        self.written = 0
        self.closed = False
        self._pending: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def path_for(self, source: str, text: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{output_name(source, text)}{SUFFIXES[self.format]}"

    def exists(self, source: str, text: str) -> bool:
        return self.folder is not None and self.path_for(source, text).is_file()

    @staticmethod
    def _doc(source: str, summary: BaseModel) -> dict[str, Any]:
        return {"source": source, **summary.model_dump(mode="json")}

    def _render(self, source: str, summary: BaseModel, *, indent: int | None) -> str:
        if self.format == "md":
            return to_markdown(summary, title=source)
        return json.dumps(self._doc(source, summary), ensure_ascii=False, indent=indent) + "\n"

    def write(self, source: str, text: str, summary: BaseModel) -> None:
        """Write one result (OSError when the disk or the pipe refuses it)."""
        with self._lock:
            if self.closed:
                return  # finished after an interrupt was reported: not half-written
            if self.folder is not None:
                target = self.path_for(source, text)
                partial = target.with_name(target.name + ".partial")
                partial.write_text(self._render(source, summary, indent=2), encoding="utf-8")
                os.replace(partial, target)  # a file is there whole or not at all
            elif self.format == "json":
                self._pending.append(self._doc(source, summary))
            else:
                sys.stdout.write(self._render(source, summary, indent=None))
                sys.stdout.flush()
            self.written += 1

    def close(self) -> None:
        """Write what waits for the end (``--format json`` on stdout); safe to call twice."""
        with self._lock:
            if self.closed:
                return
            self.closed = True
            if self.folder is None and self.format == "json":
                payload: Any = self._pending[0] if self.single and self._pending else self._pending
                sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
                sys.stdout.flush()
