"""The article view: one self-contained HTML page per result (``--format html``).

The source text with every grounded item highlighted where its evidence was found, by
kind, each highlight a ``<mark>`` whose tooltip gives the item's English form and field;
beside it the headline, summary, fields, warnings, and the items grounding removed or
could not locate, with their reasons. Clicking a highlight selects its entry in the side
panel and the other way round; the legend's buttons hide or show a kind.

The page opens from disk: inline CSS and one short inline script, nothing fetched.

The text shown is the text the offsets index: ``grounding.text`` when grounding ran on
a stripped version of the input (HTML input), else the source as given. Overlapping
quotes nest when one holds the other and are split where they cross, so the text never
breaks: the source pane's text content is the source text, character for character
(carriage returns are written as ``&#13;`` so an HTML parser keeps them; a NUL is the one
character an HTML page cannot hold).

Safety: every string from the article or the model goes through :func:`html.escape`;
data never lands in a URL attribute (no link is made from data) and the script never
writes markup (``textContent`` and class names only). The Content-Security-Policy allows
exactly the page's own script (by its hash), no inline handler and no load of any kind,
so markup that got past escaping could still neither run nor call out.

Places and the event date are highlighted too: the staged pipeline gives them offsets
(``locations[].start``/``end`` and ``event_date_evidence``, optional keys added after v1).
A result without them (the single-call pipeline, an older result) lists them beside the
text and says so.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from html import escape
from typing import Any

from summarizer.render import display_number
from summarizer.schemas.article import ArticleSummary

# kind (data-kind), the ArticleSummary field it comes from, a label, fill and line colors.
KINDS: tuple[tuple[str, str, str, str, str], ...] = (
    ("people", "people", "People", "#ffd8a8", "#e8590c"),
    ("organizations", "organizations", "Organizations", "#b2f2bb", "#2f9e44"),
    ("places", "locations", "Places", "#ffec99", "#e67700"),
    ("date", "event_date", "Event date", "#fcc2d7", "#c2255c"),
    ("agreements", "agreements", "Agreements", "#d0bfff", "#6741d9"),
    ("figures", "figures", "Figures", "#a5d8ff", "#1971c2"),
)
_LOCATED = {"exact", "normalized", "fuzzy"}

_SCRIPT = """
"use strict";
function selectSpan(hit) {
  var id = hit.getAttribute("data-span");
  if (!/^[0-9]+$/.test(id)) return;
  document.querySelectorAll(".selected").forEach(function (el) {
    el.classList.remove("selected");
  });
  var same = document.querySelectorAll('[data-span="' + id + '"]');
  same.forEach(function (el) { el.classList.add("selected"); });
  var other = hit.tagName === "MARK" ? document.getElementById("item-" + id) : same[0];
  if (other) other.scrollIntoView({block: "nearest"});
  document.getElementById("detail").textContent = hit.getAttribute("title") || "";
}
document.addEventListener("click", function (event) {
  var toggle = event.target.closest("[data-toggle]");
  if (toggle) {
    var hidden = document.body.classList.toggle("hide-" + toggle.getAttribute("data-toggle"));
    toggle.setAttribute("aria-pressed", hidden ? "false" : "true");
    return;
  }
  var hit = event.target.closest("[data-span]");
  if (hit) selectSpan(hit);
});
document.addEventListener("keydown", function (event) {
  if (event.key === "Enter" && event.target.matches("mark[data-span], li[data-span]")) {
    selectSpan(event.target);
  }
});
document.documentElement.setAttribute("data-view", "ready");
"""


def script_csp(script: str) -> str:
    """The Content-Security-Policy of a self-contained page whose one inline script is
    ``script``: nothing loads, inline styles apply, only that script (by hash) runs."""
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


_CSP = script_csp(_SCRIPT)
PAGE_CSP = _CSP  # the page's policy, for a server that also sends it as a header
FAILURE_CSP = "default-src 'none'; style-src 'unsafe-inline'"  # render_failure_html's


def _style() -> str:
    kinds = "\n".join(
        f"mark[data-kind={kind}], .swatch-{kind} {{ background: {fill}; "
        f"border-bottom-color: {line}; }}\n"
        f"body.hide-{kind} mark[data-kind={kind}] {{ background: none; "
        "border-bottom-color: transparent; }"
        for kind, _, _, fill, line in KINDS
    )
    return (
        """
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #212529; background: #f1f3f5; }
header { padding: 10px 20px; background: #fff; border-bottom: 1px solid #dee2e6; }
header h1 { font-size: 14px; margin: 0; font-weight: 600; color: #495057;
  overflow-wrap: anywhere; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(300px, 2fr); gap: 16px;
  padding: 16px 20px; align-items: start; }
section.pane, aside.pane { background: #fff; border: 1px solid #dee2e6; border-radius: 6px;
  padding: 14px 18px; }
section.pane { position: sticky; top: 16px; max-height: calc(100vh - 32px); overflow: auto; }
.legend { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 10px; }
.legend button { font: inherit; font-size: 13px; border: 1px solid #ced4da;
  border-radius: 14px; background: #fff; padding: 1px 10px 1px 4px; cursor: pointer; }
.legend button[aria-pressed=false] { opacity: .45; text-decoration: line-through; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px;
  vertical-align: -2px; margin-right: 4px; border-bottom: 3px solid; }
.source { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 16px;
  line-height: 1.75; }
mark { color: inherit; border-bottom: 2px solid transparent; border-radius: 2px;
  padding: 1px 0; cursor: pointer; }
mark mark { padding: 0; border-bottom-width: 3px; }
mark:has(mark) { padding-bottom: 5px; } /* the outer underline shows below a nested one */
.selected { outline: 2px solid #212529; outline-offset: 1px; }
aside { overflow-wrap: anywhere; }
aside h2 { font-size: 20px; line-height: 1.3; margin: 0 0 8px; }
aside h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em;
  color: #868e96; margin: 16px 0 6px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
dt { color: #868e96; } dd { margin: 0; overflow-wrap: anywhere; }
ul { margin: 0; padding-left: 0; list-style: none; }
li { padding: 3px 6px; border-radius: 4px; overflow-wrap: anywhere; }
li[data-span] { cursor: pointer; }
li[data-span]:hover { background: #f1f3f5; }
.kind-tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px;
  border-bottom: 2px solid; margin-right: 6px; }
q { color: #495057; }
.muted { color: #868e96; font-size: 13px; }
.reason { color: #c92a2a; font-size: 13px; }
.warning { background: #fff9db; border-left: 3px solid #f59f00; padding: 4px 8px;
  margin: 4px 0; }
#detail { min-height: 1.5em; font-size: 13px; color: #495057; margin: 10px 0 0;
  padding-top: 6px; border-top: 1px dashed #dee2e6; }
@media (max-width: 800px) { main { grid-template-columns: 1fr; } }
"""
        + kinds
    )


@dataclass(frozen=True)
class _Span:
    index: int
    kind: str
    field: str
    start: int
    end: int
    english: str
    detail: str
    evidence: str
    match: str

    @property
    def tooltip(self) -> str:
        text = f"{self.english} — {self.field}"
        if self.detail:
            text += f": {self.detail}"
        if self.match and self.match != "exact":
            text += f" (match: {self.match})"
        return text


def _value(item: Any) -> str:
    """An enum member's value (nested models keep enum members), else the text."""
    if item is None:
        return ""
    return str(getattr(item, "value", item))


def _english_form(field: str, item: Any) -> tuple[str, str]:
    """(English form, detail) of one item of ``field``."""
    if field == "people":
        return item.name, item.role
    if field == "organizations":
        return item.name, ", ".join(
            x for x in (_value(item.kind).replace("_", " "), _value(item.country)) if x
        )
    if field == "locations":
        return item.name, _value(item.country)
    if field == "agreements":
        head = _value(item.kind) + (f": {item.subject}" if item.subject else "")
        parts = []
        if item.parties:
            parts.append("parties " + "; ".join(item.parties))
        if item.count != 1:
            parts.append(f"count {item.count}")
        return head, ", ".join(parts)
    if field == "figures":
        return f"{display_number(item.value)} {item.unit}".strip(), item.description
    return str(item), ""


# Reasons grounding and the stages give (``match`` or ``reason``), in words.
_REASONS = {
    "none": "quote not found in the article",
    "quote not found": "quote not found in the article",
    "not-a-person": "not a person: named like a place or an organization",
    "a-place": "a place, not an organization",
    "a-person": "a person, not an organization",
    "same-quote": "same quote as another organization",
    "same-organization": "same organization as another item",
    "not-english": "name not in English",
}


def _reason(reason: Any, offsets_bad: bool = False) -> str:
    if offsets_bad:
        return "its offsets lie outside the text"
    if reason in (None, ""):
        return _REASONS["none"]
    text = str(reason)
    return _REASONS.get(text, text.replace("_", " ").replace("-", " "))


def _collect(
    text: str, summary: ArticleSummary
) -> tuple[list[_Span], list[tuple[str, str, str, str]]]:
    """Highlightable spans, and (field, English form, evidence, reason) of items kept
    without a location (``--keep-ungrounded``) or with offsets that do not fit the text."""
    spans: list[_Span] = []
    unlocated: list[tuple[str, str, str, str]] = []
    for kind, field, _, _, _ in KINDS:
        items = getattr(summary, field, None)
        if field == "event_date":  # a string; where it is stated: event_date_evidence
            date = summary.event_date_evidence
            items = [date] if summary.event_date and date is not None else []
        if not isinstance(items, list):
            continue
        for item in items:
            start, end = getattr(item, "start", None), getattr(item, "end", None)
            evidence = str(getattr(item, "evidence", "") or "")
            if field == "locations" and start is None and not evidence:
                continue  # a result without place offsets: listed, not highlighted
            if field == "event_date":
                english, detail = str(summary.event_date), "the main event's date"
            else:
                english, detail = _english_form(field, item)
            match = getattr(item, "match", None)
            fits = isinstance(start, int) and isinstance(end, int) and 0 <= start < end
            fits = fits and end <= len(text)
            if fits and getattr(item, "grounded", None) is not False:
                spans.append(
                    _Span(
                        len(spans),
                        kind,
                        field,
                        start,
                        end,
                        english,
                        detail,
                        evidence,
                        str(match or ""),
                    )
                )
            else:
                bad = start is not None and not fits
                unlocated.append((field, english, evidence, _reason(match, bad)))
    return spans, unlocated


def _text(value: str) -> str:
    """Source text as HTML text that parses back to itself (a CR would become a LF)."""
    return escape(value, quote=False).replace("\r", "&#13;")


def _open(span: _Span, *, first: bool) -> str:
    """A mark's start tag; only a span's first fragment is a keyboard stop."""
    focus = ' tabindex="0"' if first else ""
    return (
        f'<mark class="k-{span.kind}" data-kind="{span.kind}" data-span="{span.index}" '
        f'data-start="{span.start}" data-end="{span.end}" title="{escape(span.tooltip)}"'
        f"{focus}>"
    )


def highlight(text: str, spans: list[_Span]) -> str:
    """The text as HTML with a ``<mark>`` per span. A span inside another nests in it; a
    span crossing another's edge is closed there and reopened (fragments share
    ``data-span``), so the marks always nest properly and no character is lost."""
    starts: dict[int, list[_Span]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span)
    points = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    out: list[str] = []
    stack: list[_Span] = []
    for i, point in enumerate(points):
        ending = [depth for depth, span in enumerate(stack) if span.end == point]
        if ending:
            popped, stack = stack[ending[0] :], stack[: ending[0]]
            out.append("</mark>" * len(popped))
            for span in popped:  # crossing spans resume, outermost first
                if span.end != point:
                    out.append(_open(span, first=False))
                    stack.append(span)
        for span in sorted(starts.get(point, []), key=lambda s: (-s.end, s.index)):
            out.append(_open(span, first=True))
            stack.append(span)
        if i + 1 < len(points):
            out.append(_text(text[point : points[i + 1]]))
    out.append("</mark>" * len(stack))  # none left: every span ends at a point
    return "".join(out)


def _tag(kind: str, label: str) -> str:
    return f'<span class="kind-tag swatch-{kind}">{escape(label)}</span>'


def _label_of(field: str) -> tuple[str, str]:
    for kind, name, label, _, _ in KINDS:
        if name == field:
            return kind, label
    return "other", field


def _dropped_rows(summary: ArticleSummary) -> list[str]:
    items = summary.grounding.dropped_items if summary.grounding else []
    rows = []
    for item in items:
        if not isinstance(item, dict):
            item = {"value": item}
        field = str(item.get("field") or "")
        if field == "figures" and item.get("value") is not None:
            name = f"{display_number(item.get('value'))} {item.get('unit') or ''}".strip()
        else:
            name = next(
                (str(item[k]) for k in ("name", "value", "subject", "description") if item.get(k)),
                "",
            )
        reason = _reason(item.get("reason") or item.get("match"))
        kind, label = _label_of(field)
        rows.append(
            f"<li>{_tag(kind, label)}<b>{escape(name)}</b>"
            + (f" <q>{escape(str(item.get('evidence') or ''))}</q>" if item.get("evidence") else "")
            + f'<br><span class="reason">{escape(str(reason))}</span></li>'
        )
    return rows


def _fields(summary: ArticleSummary) -> str:
    places = "; ".join(
        loc.name + (f" ({_value(loc.country)})" if loc.country else "") for loc in summary.locations
    )
    rows = [
        ("language", _value(summary.language)),
        ("event date", summary.event_date or ""),
        ("countries", ", ".join(_value(c) for c in summary.countries)),
        ("event types", ", ".join(_value(e).replace("_", " ") for e in summary.event_types)),
        ("medical fields", ", ".join(_value(m).replace("_", " ") for m in summary.medical_fields)),
        ("locations", places),
    ]
    empty = '<span class="muted">—</span>'
    cells = "".join(
        f"<dt>{escape(name)}</dt><dd>{escape(value) if value else empty}</dd>"
        for name, value in rows
    )
    return f"<dl>{cells}</dl>"


def render_article_html(source_text: str, summary: ArticleSummary, title: str) -> str:
    """One self-contained HTML page for one result; see the module docstring."""
    grounding = summary.grounding
    text = grounding.text if grounding is not None and grounding.text is not None else source_text
    spans, unlocated = _collect(text, summary)
    counts = {kind: sum(1 for s in spans if s.kind == kind) for kind, *_ in KINDS}

    legend = "".join(
        f'<button type="button" data-toggle="{kind}" aria-pressed="true">'
        f'<span class="swatch swatch-{kind}"></span>{escape(label)} {counts[kind]}</button>'
        for kind, _, label, _, _ in KINDS
    )
    items = "".join(
        f'<li id="item-{s.index}" data-span="{s.index}" tabindex="0" '
        f'title="{escape(s.tooltip)}">{_tag(s.kind, _label_of(s.field)[1])}'
        f"<b>{escape(s.english)}</b>"
        + (f" — {escape(s.detail)}" if s.detail else "")
        + (f" <q>{escape(s.evidence)}</q>" if s.evidence else "")
        + (
            f' <span class="muted">({escape(s.match)} match)</span>'
            if s.match not in ("", "exact")
            else ""
        )
        + "</li>"
        for s in sorted(spans, key=lambda s: (s.start, s.index))
    )
    not_located = "".join(
        f"<li>{_tag(*_label_of(field))}<b>{escape(english)}</b>"
        + (f" <q>{escape(evidence)}</q>" if evidence else "")
        + f'<br><span class="reason">{escape(reason)}</span></li>'
        for field, english, evidence, reason in unlocated
    )
    dropped = _dropped_rows(summary)
    warnings = "".join(f'<div class="warning">{escape(w)}</div>' for w in summary.warnings)
    stats = ""
    if grounding is not None:
        stats = (
            f'<p class="muted">grounding: {grounding.checked} checked, {grounding.located} '
            f"located, {grounding.dropped} removed, {grounding.flagged} kept unlocated</p>"
        )
    without = [
        what
        for what, missing in (
            ("places", any(loc.start is None and not loc.evidence for loc in summary.locations)),
            ("the event date", bool(summary.event_date) and summary.event_date_evidence is None),
        )
        if missing
    ]
    unmarked = ""
    if without:  # a result made without their offsets (single call, or an older result)
        unmarked = (
            f'<p class="muted">{" and ".join(without).capitalize()} carry no offsets in '
            "this result: listed beside the text, not highlighted.</p>"
        )
    headline = summary.headline or title or "Article"
    lang = f' lang="{escape(_value(summary.language))}"' if summary.language else ""

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(headline)}</title>",
        f"<style>{_style()}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{escape(title)}</h1></header>",
        "<main>",
        '<section class="pane" aria-label="source text">',
        f'<div class="legend" role="group" aria-label="highlight kinds">{legend}</div>',
        unmarked,
        f'<div id="source" class="source"{lang}>{highlight(text, spans)}</div>',
        "</section>",
        '<aside class="pane">',
        f"<h2>{escape(headline)}</h2>",
        f"<p>{escape(summary.summary)}</p>" if summary.summary else "",
        "<h3>Fields</h3>",
        _fields(summary),
        "<h3>Warnings</h3>" + warnings if warnings else "",
        f"<h3>Highlighted items ({len(spans)})</h3>",
        f'<ul id="items">{items}</ul>' if items else '<p class="muted">none</p>',
        '<p id="detail" aria-live="polite">Click a highlight or an item.</p>',
        f"<h3>Not located in the text ({len(unlocated)})</h3><ul>{not_located}</ul>"
        if unlocated
        else "",
        f'<h3>Removed by grounding ({len(dropped)})</h3><ul id="dropped">{"".join(dropped)}</ul>'
        if dropped
        else "",
        stats,
        "</aside>",
        "</main>",
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def render_failure_html(source: str, error_type: str, message: str) -> str:
    """A page for an article that has no result: names it and says why."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{FAILURE_CSP}">'
        f'<title>failed: {escape(source)}</title></head>\n<body style="font-family: '
        f'system-ui, sans-serif; margin: 20px"><h1>{escape(source)}</h1>'
        f"<p><b>failed</b> ({escape(error_type)}): {escape(message)}</p></body></html>\n"
    )
