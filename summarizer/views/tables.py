"""Flat CSV tables of a digest (``summarizer digest --csv DIR``): one row per item.

``articles.csv`` has a row per article tried (failed ones too, with their error); the
others (``people``, ``organizations``, ``agreements``, ``figures``, ``places``) a row per
item, each with the article's row number (``article``, the digest's ``#`` and article
page number) and its ``source``. Lists inside a cell are joined with ``; ``.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some run one
starting with a tab or a carriage return) as a formula, and every text here comes from an
article or the model: such a cell is written with a leading apostrophe (``'=1+2``), which
spreadsheets show as text. A cell that is a plain number (``-5``, ``+3.5``) is left alone:
no formula can hide in it. Files are UTF-8 with a byte-order mark, so a spreadsheet
opened on them reads the non-Latin names right.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from summarizer.views.results_reader import Entry

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$")


def safe_cell(value: Any) -> str:
    """A cell's text, inert in a spreadsheet (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        text = str(int(value))
    else:
        text = str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


_EVIDENCE = ["evidence", "grounded", "match"]
COLUMNS: dict[str, list[str]] = {
    "articles": [
        "article",
        "source",
        "status",
        "error_type",
        "error_message",
        "language",
        "event_date",
        "countries",
        "event_types",
        "medical_fields",
        "headline",
        "summary",
        "warnings",
    ],
    "people": ["article", "source", "name", "role", *_EVIDENCE],
    "organizations": ["article", "source", "name", "kind", "country", *_EVIDENCE],
    "agreements": ["article", "source", "kind", "subject", "parties", "count", *_EVIDENCE],
    "figures": ["article", "source", "value", "unit", "description", *_EVIDENCE],
    "places": ["article", "source", "name", "country", *_EVIDENCE],
}
_FIELD = {
    "people": "people",
    "organizations": "organizations",
    "agreements": "agreements",
    "figures": "figures",
    "places": "locations",
}


def _joined(values: Sequence[Any]) -> str:
    return "; ".join(str(v) for v in values)


def rows(entries: Sequence[Entry], table: str) -> Iterator[dict[str, Any]]:
    """The rows of one table (``COLUMNS``' keys), as dicts of raw values."""
    for number, entry in enumerate(entries, start=1):
        base = {"article": number, "source": entry.source}
        summary = entry.summary
        if table == "articles":
            if summary is None:
                yield {
                    **base,
                    "status": "failed",
                    "error_type": entry.error_type,
                    "error_message": entry.error_message,
                }
                continue
            yield {
                **base,
                "status": "ok",
                "language": summary.language,
                "event_date": summary.event_date,
                "countries": _joined(summary.countries),
                "event_types": _joined(summary.event_types),
                "medical_fields": _joined(summary.medical_fields),
                "headline": summary.headline,
                "summary": summary.summary,
                "warnings": _joined(summary.warnings),
            }
            continue
        if summary is None:
            continue
        for item in getattr(summary, _FIELD[table]):
            data = item.model_dump(mode="json")
            if table == "agreements":
                data["parties"] = _joined(data.get("parties") or [])
            yield {**base, **{k: data.get(k) for k in COLUMNS[table] if k in data}}


def write_tables(entries: Sequence[Entry], folder: Path) -> list[Path]:
    """Write every table as ``<name>.csv`` in ``folder`` (created); the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, columns in COLUMNS.items():
        target = folder / f"{table}.csv"
        partial = target.with_name(target.name + ".partial")
        with open(partial, "w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(columns)
            for row in rows(entries, table):
                writer.writerow([safe_cell(row.get(column)) for column in columns])
        os.replace(partial, target)
        written.append(target)
    return written
