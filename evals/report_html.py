"""Render an eval run (header, predictions, scores) as one self-contained HTML page.

No external resources: inline CSS only, no scripts, fonts or URLs. Every string taken from
articles, gold files or model output (dict keys and ids included) goes through
``html.escape(..., quote=True)``. Evidence spans are highlighted by cutting the source at
every span boundary, so overlapping and crossing spans nest correctly per segment.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from .scoring import FIELDS

__all__ = ["highlight_source", "render_html"]

EVIDENCE_FIELDS: tuple[str, ...] = ("people", "organizations", "agreements", "figures")
COMPARE_KEYS: tuple[str, ...] = (
    "headline",
    "summary",
    "event_types",
    "event_date",
    "countries",
    "locations",
    "people",
    "organizations",
    "medical_fields",
    "agreements",
    "figures",
)
_LABEL_KEYS: dict[str, tuple[str, ...]] = {
    "people": ("name", "role"),
    "organizations": ("name", "kind", "country"),
    "locations": ("name", "country"),
    "agreements": ("kind", "subject", "parties", "count"),
    "figures": ("value", "unit", "description"),
}
_META_KEYS = frozenset({"evidence", "start", "end", "grounded", "match", "field"})

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#222;max-width:1400px}
table{border-collapse:collapse;margin:.4em 0}td,th{border:1px solid #ccc;padding:2px 6px;
text-align:left;vertical-align:top}th{background:#f3f3f3}.num{text-align:right}
.good{background:#dff3df}.mid{background:#fff4cc}.bad{background:#f8d7d7}
details{border:1px solid #bbb;border-radius:4px;margin:.6em 0;padding:.3em .6em}
summary{cursor:pointer;font-weight:600}.source{white-space:pre-wrap;background:#fafafa;
border:1px solid #ddd;padding:.5em;max-height:30em;overflow:auto}
mark{padding:0}mark.f-people{background:#cfe3ff}mark.f-organizations{background:#ffe0b3}
mark.f-agreements{background:#d6f5d6}mark.f-figures{background:#f3d1f3}
mark.weak{outline:1px dashed #c00}.error{color:#a00;white-space:pre-wrap}
.covered{color:#080}.missed{color:#a00}.ev{color:#666;font-size:90%}ul{margin:0;padding-left:1.2em}
.cmp td{width:50%}.badge{color:#fff;background:#a00;border-radius:3px;padding:0 4px}
"""


def _e(value: Any) -> str:
    """Escape any value as HTML text (None -> empty string)."""
    return html.escape("" if value is None else str(value), quote=True)


def _num(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}"
    return _e(value)


def _cls(value: Any) -> str:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "num"
    return "num " + ("good" if value >= 0.8 else "mid" if value >= 0.5 else "bad")


def _cell(value: Any) -> str:
    return f'<td class="{_cls(value)}">{_num(value)}</td>'


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _label(field: str, item: Any) -> str:
    """A short plain-text label of a list item (unescaped)."""
    if not isinstance(item, Mapping):
        return str(item)
    keys = _LABEL_KEYS.get(field) or tuple(k for k in item if k not in _META_KEYS)
    parts = []
    for key in keys:
        value = item.get(key)
        if value in (None, "", []):
            continue
        parts.append(", ".join(map(str, value)) if isinstance(value, list) else str(value))
    return " · ".join(parts) or "(empty)"


def offsets_text(record: Mapping[str, Any]) -> str:
    """The text the output's offsets index: the stripped text the library reports (HTML
    input), else the article as given."""
    output = (record.get("extraction") or {}).get("output") or {}
    grounding = output.get("grounding") if isinstance(output, Mapping) else None
    stripped = grounding.get("text") if isinstance(grounding, Mapping) else None
    return str(stripped if isinstance(stripped, str) else record.get("text") or "")


def highlight_source(text: str, output: Mapping[str, Any] | None) -> str:
    """Escaped ``text`` with a ``<mark>`` per located evidence span of ``output``.

    Spans with None, non-integer, empty or out-of-range offsets are skipped.
    """
    spans: list[tuple[int, int, str, str, bool]] = []
    for field in EVIDENCE_FIELDS:
        for item in _as_list((output or {}).get(field)):
            if not isinstance(item, Mapping):
                continue
            start, end = item.get("start"), item.get("end")
            if not (_is_offset(start) and _is_offset(end) and 0 <= start < end <= len(text)):
                continue
            title = f"{field}: {_label(field, item)} (match: {item.get('match')})"
            spans.append((start, end, field, title, item.get("grounded") is True))
    points = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out = []
    for a, b in zip(points, points[1:], strict=False):
        segment = _e(text[a:b])
        for start, end, field, title, grounded in reversed(spans):
            if start <= a and b <= end:
                weak = "" if grounded else " weak"
                segment = f'<mark class="f-{field}{weak}" title="{_e(title)}">{segment}</mark>'
        out.append(segment)
    return "".join(out)


def _table(rows: list[list[str]], head: list[str] | None = None, cls: str = "") -> str:
    """``rows`` and ``head`` hold ready HTML cells (``<td>``/``<th>`` included)."""
    thead = "<tr>" + "".join(head) + "</tr>" if head else ""
    body = "".join("<tr>" + "".join(r) + "</tr>" for r in rows)
    return f'<table class="{cls}">{thead}{body}</table>'


def _ul(items: list[str]) -> str:
    """``items`` are ready HTML."""
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else "—"


def _value(key: str, value: Any) -> str:
    """Readable HTML for one predicted or gold value."""
    if value is None or value == []:
        return "—"
    if not isinstance(value, list):
        return _e(value)
    items = []
    for item in value:
        text = _e(_label(key, item))
        if isinstance(item, Mapping) and item.get("evidence"):
            mark = "" if item.get("grounded") is not False else " ✗ ungrounded"
            text += f' <span class="ev">«{_e(item["evidence"])}»{mark}</span>'
        items.append(text)
    return _ul(items)


def _summary_tables(agg: Mapping[str, Any]) -> str:
    head = [f"<th>{h}</th>" for h in ("group", "n", "failed", "overall", *FIELDS)]
    groups = [("all", {**agg, "n": agg.get("n_articles")})]
    groups += list((agg.get("per_language") or {}).items())
    rows = []
    for name, group in groups:
        fields = group.get("fields") or {}
        rows.append(
            [
                f"<th>{_e(name)}</th>",
                _cell(group.get("n")),
                _cell(group.get("n_failed")),
                _cell(group.get("overall")),
                *(_cell(fields.get(f)) for f in FIELDS),
            ]
        )
    extras = [
        [f"<th>{_e(k)}</th>", _cell((v or {}).get("mean")), _cell((v or {}).get("n"))]
        for k, v in (agg.get("extras") or {}).items()
    ]
    return (
        _table(rows, head)
        + "<h3>Extras (not in overall)</h3>"
        + _table(extras, ["<th>extra</th>", "<th>mean</th>", "<th>n</th>"])
    )


def _field_note(detail: Any) -> str:
    if not isinstance(detail, Mapping):
        return ""
    if "predicted" in detail and "gold" in detail and "matched" not in detail:
        return f"pred {_e(detail['predicted'])} / gold {_e(detail['gold'])}"
    parts = [
        f"{_e(k)}: {_e(', '.join(map(str, detail[k])))}"
        for k in ("missed", "spurious")
        if detail.get(k)
    ]
    return "; ".join(parts)


def _article(index: int, record: Mapping[str, Any], score: Mapping[str, Any]) -> str:
    ext = record.get("extraction") or {}
    output = ext.get("output") if isinstance(ext.get("output"), Mapping) else None
    gold = record.get("gold") or {}
    expected = gold.get("expected") or {}
    details = score.get("details") or {}
    fields = score.get("fields") or {}
    failed = bool(score.get("failed")) or output is None
    badge = ' <span class="badge">FAILED</span>' if failed else ""
    parts = [
        f'<details id="a{index}"><summary>{_e(record.get("id"))} · '
        f"{_e(record.get('language'))} · overall {_num(score.get('overall'))}{badge}"
        "</summary>"
    ]
    if ext.get("error"):
        parts.append(f'<h4>Error</h4><pre class="error">{_e(ext["error"])}</pre>')
    rows = [
        [f"<th>{_e(f)}</th>", _cell(fields.get(f)), f"<td>{_field_note(details.get(f))}</td>"]
        for f in FIELDS
    ]
    rows += [
        [f"<th>{_e(k)}</th>", _cell(v), "<td></td>"] for k, v in (score.get("extras") or {}).items()
    ]
    parts.append(_table(rows, ["<th>field</th>", "<th>score</th>", "<th>notes</th>"]))
    parts.append(
        f'<h4>Source</h4><div class="source">{highlight_source(offsets_text(record), output)}</div>'
    )
    cmp_rows = [
        [
            f"<th>{_e(k)}</th>",
            f"<td>{_value(k, (output or {}).get(k))}</td>",
            f"<td>{_value(k, expected.get(k))}</td>",
        ]
        for k in COMPARE_KEYS
    ]
    parts.append(
        "<h4>Predicted vs gold</h4>"
        + _table(cmp_rows, ["<th></th>", "<th>predicted</th>", "<th>gold</th>"], "cmp")
    )
    grounding = (output or {}).get("grounding") or {}
    bad = [
        f"{_e(d.get('field'))}: {_e(_label(str(d.get('field')), d))} "
        f'<span class="ev">«{_e(d.get("evidence"))}» (dropped, match: '
        f"{_e(d.get('match'))})</span>"
        for d in _as_list(grounding.get("dropped_items"))
        if isinstance(d, Mapping)
    ]
    bad += [
        f'{_e(f)}: {_e(_label(f, i))} <span class="ev">«{_e(i.get("evidence"))}» '
        f"(flagged, match: {_e(i.get('match'))})</span>"
        for f in EVIDENCE_FIELDS
        for i in _as_list((output or {}).get(f))
        if isinstance(i, Mapping) and i.get("grounded") is False
    ]
    counts = ", ".join(f"{_e(k)} {_e(v)}" for k, v in grounding.items() if k != "dropped_items")
    parts.append(f"<h4>Ungrounded / dropped items</h4><p>{counts or '—'}</p>{_ul(bad)}")
    facts = (
        (details.get("summary") or {}).get("facts")
        if isinstance(details.get("summary"), Mapping)
        else None
    )
    if facts:
        fact_items = [
            f'<span class="{"covered" if f.get("conveyed") else "missed"}">'
            f"{'✓ covered' if f.get('conveyed') else '✗ missed'}</span> "
            f"{_e(f.get('fact'))}"
            for f in facts
            if isinstance(f, Mapping)
        ]
    else:
        fact_items = [_e(f) for f in _as_list(gold.get("key_facts"))]
    parts.append(f"<h4>Key facts</h4>{_ul(fact_items)}")
    warnings = list(
        dict.fromkeys(
            map(str, [*_as_list(ext.get("warnings")), *_as_list((output or {}).get("warnings"))])
        )
    )
    parts.append(f"<h4>Warnings</h4>{_ul([_e(w) for w in warnings])}")
    usage = ext.get("usage") or {}
    run = [
        [f"<th>{_e(k)}</th>", f"<td>{_num(v)}</td>"]
        for k, v in [
            *usage.items(),
            ("seconds", ext.get("seconds")),
            ("attempts", ext.get("attempts")),
            ("model", ext.get("model")),
            ("prompt_version", ext.get("prompt_version")),
        ]
    ]
    if gold.get("notes"):
        run.append(["<th>gold notes</th>", f"<td>{_e(gold['notes'])}</td>"])
    parts.append("<h4>Usage</h4>" + _table(run) + "</details>")
    return "".join(parts)


def render_html(header: dict, records: list[dict], scores: dict) -> str:
    """Render the whole run as one self-contained HTML document (a string)."""
    agg = scores.get("aggregate") or {}
    by_id = {str(s.get("article_id")): s for s in scores.get("articles") or []}
    head_rows = [[f"<th>{_e(k)}</th>", f"<td>{_e(v)}</td>"] for k, v in header.items()]
    index_rows, articles = [], []
    for i, record in enumerate(records):
        score = by_id.get(str(record.get("id")), {})
        extras = score.get("extras") or {}
        index_rows.append(
            [
                f'<td><a href="#a{i}">{_e(record.get("id"))}</a></td>',
                f"<td>{_e(record.get('language'))}</td>",
                _cell(score.get("overall")),
                _cell(extras.get("grounding_rate")),
                f"<td>{'FAILED' if score.get('failed') else ''}</td>",
            ]
        )
        articles.append(_article(i, record, score))
    grounding = (agg.get("extras") or {}).get("grounding_rate") or {}
    title = _e(header.get("run_id", "eval run"))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_CSS}</style></head><body><h1>Eval report {title}</h1>"
        f"<h2>Run</h2>{_table(head_rows)}<h2>Summary</h2>"
        f"<p>articles {_num(agg.get('n_articles'))} · failed {_num(agg.get('n_failed'))}"
        f" · overall {_num(agg.get('overall'))} · grounding rate mean "
        f"{_num(grounding.get('mean'))}</p>{_summary_tables(agg)}<h2>Articles</h2>"
        + _table(
            index_rows,
            [f"<th>{h}</th>" for h in ("id", "language", "overall", "grounding", "failed")],
        )
        + "".join(articles)
        + "</body></html>\n"
    )
