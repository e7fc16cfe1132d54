"""Reading saved results back for the digest: one :class:`Entry` per article tried.

What is read (any mix, in the order given):

* a file written by ``summarizer summarize -f jsonl`` (one record a line) or ``-f json``
  (one record, or a list of them); whatever the suffix, a file that is one JSON document
  is read as such and otherwise as JSON lines;
* an ``--output`` folder written by :class:`summarizer.output.ResultWriter`: its ``*.json``
  result files and its ``failures.jsonl`` (``-f html`` and ``-f md`` folders hold pages,
  not results, and are refused with a hint);
* an eval run folder (``header.json`` + ``predictions.jsonl``), read with the harness's
  own :func:`summarizer.evals.runner.read_run`, or its ``predictions.jsonl`` alone.

Records of the HTTP service's ``GET /v1/batches/{id}/results`` (``name`` with ``output``
or ``error``) are understood too, so :func:`as_entry` turns every record shape the project
writes into an entry. A failure record (``error``) becomes an entry without a summary: it is
counted and listed, never dropped. Anything else (not JSON, not a result, a folder without
results) is an :class:`~summarizer.errors.InputError` naming the file and, for JSON lines,
the line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.errors import InputError
from summarizer.output import FAILURES
from summarizer.schemas.article import ArticleSummary
from summarizer.text_input import read_article_file, read_text_file

# A results file holds many articles (an eval run keeps each source text too): far above
# read_article_file's per-article limit, still a bound on what is read into memory.
MAX_RESULTS_BYTES = 2_000_000_000
_SUMMARY_KEYS = frozenset(ArticleSummary.model_fields)


@dataclass(frozen=True)
class Entry:
    """One article of a digest: its summary, or why it has none."""

    source: str  # the input's name as the run gave it (a path, an eval id, a batch name)
    summary: ArticleSummary | None  # None: the article failed
    error_type: str = ""
    error_message: str = ""
    text: str | None = None  # the source text, when the record carries it (eval runs)
    origin: str = ""  # the results file or folder it was read from

    @property
    def failed(self) -> bool:
        return self.summary is None


def _error(value: Any) -> tuple[str, str]:
    if isinstance(value, dict):
        message = value.get("message", value.get("detail", ""))
        return str(value.get("type") or "error"), str(message or "")
    return "error", str(value)


def _summary(doc: Any, where: str) -> ArticleSummary:
    if not isinstance(doc, dict) or not _SUMMARY_KEYS & doc.keys():
        raise InputError(f"{where}: not a result (no summary fields and no 'error')")
    try:
        return ArticleSummary.model_validate(doc)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "record"
        raise InputError(f"{where}: not a valid result ({field}: {first['msg']})") from None


def as_entry(record: Any, *, where: str = "record", origin: str = "") -> Entry:
    """An entry from any result record the project writes: the CLI's (``source`` and the
    summary's fields, or ``source`` and ``error``), an eval prediction (``extraction``) or
    the service's (``name`` with ``output`` or ``error``). InputError when it is none."""
    if isinstance(record, Entry):
        return record
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a result (a JSON {type(record).__name__}, not an object)")
    text = record.get("text") if isinstance(record.get("text"), str) else None
    if isinstance(record.get("extraction"), dict):  # an eval run's prediction record
        extraction = record["extraction"]
        source = str(record.get("source") or record.get("id") or where)
        if extraction.get("output") is None:
            message = str(extraction.get("error") or "no output")
            kind = str(extraction.get("error_type") or "error")
            return Entry(source, None, kind, message, text, origin)
        return Entry(source, _summary(extraction["output"], where), text=text, origin=origin)
    source = str(record.get("source") or record.get("name") or where)
    if "output" in record:  # the service's results
        if record["output"] is not None:
            return Entry(source, _summary(record["output"], where), text=text, origin=origin)
    if record.get("error") is not None:
        kind, message = _error(record["error"])
        return Entry(source, None, kind, message, text, origin)
    return Entry(source, _summary(record, where), text=text, origin=origin)


def _parse(content: str, name: str) -> Iterable[tuple[str, Any]]:
    """(where, record) of a results file: one JSON document (a record or a list of them),
    else JSON lines; none for an empty file."""
    if not content.strip():
        return []
    try:
        document = json.loads(content)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            if "\n" not in content.strip():
                raise InputError(f"{name}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    else:
        if isinstance(document, list):
            return [(f"{name}: item {i}", item) for i, item in enumerate(document, start=1)]
        return [(name, document)]
    records = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append((f"{name}: line {number}", json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: line {number}: not valid JSON ({exc.msg})") from None
    return records


def read_results_file(path: Path) -> list[Entry]:
    """The entries of one results file (json or jsonl)."""
    name = str(path)
    if path.name == "predictions.jsonl" and (path.parent / "header.json").is_file():
        return read_run_folder(path.parent)
    content = read_text_file(path, max_bytes=MAX_RESULTS_BYTES, what="a results file")
    return [as_entry(record, where=where, origin=name) for where, record in _parse(content, name)]


def read_run_folder(folder: Path) -> list[Entry]:
    """The entries of an eval run folder, read and checked by the harness's reader."""
    from summarizer.evals.runner import read_run  # the eval harness: only when needed

    _header, records = read_run(folder)
    where = folder / "predictions.jsonl"
    return [as_entry(r, where=f"{where}: {r.get('id')}", origin=str(where)) for r in records]


def read_output_folder(folder: Path) -> list[Entry]:
    """The entries of an ``--output`` folder: its ``*.json`` results and ``failures.jsonl``
    (and any other ``*.jsonl`` results file put there)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise InputError(f"{folder}: folder cannot be read ({exc.strerror or exc})") from exc
    files = [folder / n for n in names if n.endswith((".json", ".jsonl")) and n != FAILURES]
    files = [f for f in files if f.is_file()]
    if (folder / FAILURES).is_file():
        files.append(folder / FAILURES)  # failures last, after the results
    if not files:
        pages = any(n.endswith((".html", ".md")) for n in names)
        hint = (
            ": it holds pages (-f html or -f md); write results with -f json -o FOLDER"
            if pages
            else ""
        )
        raise InputError(f"{folder}: no result files (.json or .jsonl){hint}")
    entries: list[Entry] = []
    for file in files:
        entries.extend(read_results_file(file))
    return entries


def read_results(paths: list[str]) -> list[Entry]:
    """Every entry of every path (files and folders, see the module docstring), in order.
    InputError for the first path that cannot be read or holds no result."""
    entries: list[Entry] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            if (path / "header.json").is_file() and (path / "predictions.jsonl").is_file():
                entries.extend(read_run_folder(path))
            else:
                entries.extend(read_output_folder(path))
        else:
            entries.extend(read_results_file(path))
    if not entries:
        raise InputError(f"no results in {', '.join(paths)}: nothing to digest")
    return entries


def _offsets_fit(text: str, summary: ArticleSummary) -> bool:
    """False when an exactly matched quote is not at its offsets: the file is not the text
    the result was made from (edited since), so its highlights would be wrong."""
    items = [
        item
        for field in ("people", "organizations", "agreements", "figures", "locations")
        for item in getattr(summary, field)
    ]
    if summary.event_date_evidence is not None:
        items.append(summary.event_date_evidence)
    for item in items:
        if item.match == "exact" and item.start is not None and item.end is not None:
            if text[item.start : item.end] != item.evidence:
                return False
    return True


def find_source_text(entry: Entry) -> str | None:
    """The text the entry's offsets index, for its article view: carried by the record
    (an eval run's ``text``, ``grounding.text`` of HTML input), or the input file read
    again (its path as given, else beside the results file) when it still fits the
    offsets. None when there is none to show."""
    summary = entry.summary
    if summary is None:
        return None
    if summary.grounding is not None and summary.grounding.text is not None:
        return summary.grounding.text
    if entry.text is not None:
        return entry.text
    candidates = [Path(entry.source)]
    if entry.origin and not candidates[0].is_absolute():
        candidates.append(Path(entry.origin).parent / entry.source)
    for candidate in candidates:
        try:
            text = read_article_file(candidate)
        except (InputError, OSError, ValueError):
            continue
        if _offsets_fit(text, summary):
            return text
    return None
