"""Writing results as each article finishes: to stdout (json, jsonl, md) or one file per
article in a folder; ``html`` (the article view, one page per article) goes to a folder,
or to stdout for a single article. Nothing waits for the end of the batch except the
single JSON document of ``--format json`` on stdout, which is written on close (also on
interrupt).

Nothing is lost in silence: an article that failed is a record too (``source`` and
``error``: type and message) in json/jsonl, a block in Markdown, and a line of
``failures.jsonl`` in an ``--output`` folder (no result file, so a re-run tries it again).

An ``--output`` folder keeps a manifest (``.summarizer-manifest``, JSON: result file ->
key). The key hashes the article's text with the run's settings (pipeline, model,
prompts, ...): a re-run skips an article only when its text and the settings are
unchanged, and re-summarizes it otherwise.
"""

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

from summarizer.render import render_failure_markdown, to_markdown
from summarizer.schemas.article import ArticleSummary
from summarizer.views.article import render_article_html, render_failure_html

SUFFIXES = {"json": ".json", "jsonl": ".json", "md": ".md", "html": ".html"}
HTML_NEEDS_FOLDER = "--format html writes one page per article: give --output DIR"
MANIFEST = ".summarizer-manifest"  # JSON; no .json suffix, so result globs skip it
FAILURES = "failures.jsonl"


def result_key(text: str, settings: str) -> str:
    """What a finished result depends on: the article's text and the run's settings."""
    return hashlib.sha256(f"{settings}\x00{text}".encode()).hexdigest()


def failure_record(source: str, error_type: str, message: str) -> dict[str, Any]:
    """The record of an article that has no result."""
    return {"source": source, "error": {"type": error_type, "message": message}}


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
    """Thread-safe: ``write`` may be called from worker threads as articles finish.

    ``settings`` is a stable text of everything besides the article that decides a result
    (see :func:`result_key`). A folder is created and proven writable at construction, so
    an unwritable ``--output`` fails before any model call (OSError)."""

    def __init__(
        self, format: str, folder: Path | None, *, single: bool, settings: str = ""
    ) -> None:
        if format == "html" and folder is None and not single:
            raise ValueError(HTML_NEEDS_FOLDER)
        self.format, self.folder, self.single = format, folder, single
        self.settings = settings
        self.written = 0
        self.failed = 0
        self.closed = False
        self._pending: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._manifest: dict[str, str] = {}
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / f".write-probe-{os.getpid()}"
            probe.write_bytes(b"")  # raises here, not after the first paid model call
            probe.unlink()
            self._manifest = self._read_manifest()

    def _read_manifest(self) -> dict[str, str]:
        assert self.folder is not None
        try:
            data = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): str(v) for k, v in data.items()}

    def _save_manifest(self) -> None:
        assert self.folder is not None
        target = self.folder / MANIFEST
        partial = target.with_name(target.name + ".partial")
        partial.write_text(json.dumps(self._manifest, indent=1, sort_keys=True), "utf-8")
        os.replace(partial, target)

    def path_for(self, source: str, text: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{output_name(source, text)}{SUFFIXES[self.format]}"

    def exists(self, source: str, text: str) -> bool:
        """True when this article's result is in the folder for the same text and settings."""
        if self.folder is None:
            return False
        path = self.path_for(source, text)
        return path.is_file() and self._manifest.get(path.name) == result_key(text, self.settings)

    @staticmethod
    def _doc(source: str, summary: BaseModel) -> dict[str, Any]:
        return {"source": source, **summary.model_dump(mode="json")}

    def _render(self, source: str, text: str, summary: BaseModel, *, indent: int | None) -> str:
        if self.format == "md":
            return to_markdown(summary, title=source)
        if self.format == "html":
            return render_article_html(text, ArticleSummary.model_validate(summary), source)
        return json.dumps(self._doc(source, summary), ensure_ascii=False, indent=indent) + "\n"

    def write(self, source: str, text: str, summary: BaseModel) -> None:
        """Write one result (OSError when the disk or the pipe refuses it)."""
        with self._lock:
            if self.closed:
                return  # finished after an interrupt was reported: not half-written
            if self.folder is not None:
                target = self.path_for(source, text)
                partial = target.with_name(target.name + ".partial")
                partial.write_text(self._render(source, text, summary, indent=2), encoding="utf-8")
                os.replace(partial, target)  # a file is there whole or not at all
                self._manifest[target.name] = result_key(text, self.settings)
                self._save_manifest()
            elif self.format == "json":
                self._pending.append(self._doc(source, summary))
            else:
                sys.stdout.write(self._render(source, text, summary, indent=None))
                sys.stdout.flush()
            self.written += 1

    def write_failure(self, source: str, error_type: str, message: str) -> None:
        """Record an article that has no result, where a reader of the output looks."""
        record = failure_record(source, error_type, message)
        with self._lock:
            if self.closed:
                return
            self.failed += 1
            if self.folder is not None:
                with open(self.folder / FAILURES, "a", encoding="utf-8") as file:
                    file.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif self.format == "json":
                self._pending.append(record)
            elif self.format == "jsonl":
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            elif self.format == "html":
                sys.stdout.write(render_failure_html(source, error_type, message))
                sys.stdout.flush()
            else:
                sys.stdout.write(render_failure_markdown(source, error_type, message))
                sys.stdout.flush()

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
