"""The digest: one self-contained HTML page over many results (``summarizer digest``).

It shows, for a batch of results:

* how many articles were tried, summarized and failed (failures are listed with why);
* per language, the shipped quality measurement (:mod:`summarizer.quality`), so a reader
  knows how far to trust the columns of that language's rows;
* a table of the articles (date, language, countries, event types, signed documents,
  headline), sorted by a click on a column's header and filtered by typing; the filter
  also matches the people, organizations, places and country names of each article, and
  a click on a name in the charts and lists below filters by it. A headline links to the
  article's own page (the article view) when one was written next to the digest;
* the country-to-country cooperation network (a line per pair of countries named in one
  article, as thick as the number of such articles) and its strongest pairs;
* by month, events by type and signed documents by kind (stacked bars), and documents by
  kind in all;
* the organizations and people named in most articles, and the figures grouped by unit.

The charts are SVG computed here, inline: no chart library, nothing fetched; the page
opens from disk. :func:`render_digest` is pure (records in, HTML out) so the HTTP service
can serve the same page; :func:`write_digest` adds the files (article pages, the page).

Safety, as in the article view: every string from an article, the model or a file name
goes through :func:`html.escape`; the only URLs are the links to article pages, which are
relative paths made here and percent-quoted (a ``javascript:`` would become a file name);
the script never writes markup (``textContent``, ``hidden``, attributes only). The
Content-Security-Policy allows exactly the page's own script (by its hash) and no load of
any kind.
"""

from __future__ import annotations

import math
import os
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from summarizer.quality import POOR_OVERALL, language_caveat, measured_quality
from summarizer.render import display_number
from summarizer.schemas.article import AgreementKind, EventType
from summarizer.schemas.iso_codes import ISO_639_1, ISO_3166_1_ALPHA2
from summarizer.views.article import render_article_html, script_csp
from summarizer.views.results_reader import Entry, as_entry, find_source_text

# Colors for the vocabularies' members, in declaration order (labels come from the enums).
PALETTE = (
    "#4263eb",
    "#f76707",
    "#2f9e44",
    "#c2255c",
    "#7048e8",
    "#0c8599",
    "#e8590c",
    "#868e96",
    "#5c940d",
    "#d6336c",
)
TOP_NAMES = 15  # organizations and people listed
TOP_UNITS = 20  # figure units listed
TOP_PAIRS = 12  # country pairs listed beside the network
MAX_NODES = 24  # countries drawn in the network (the most frequent)

_SCRIPT = """
"use strict";
(function () {
  var table = document.getElementById("articles");
  var box = document.getElementById("filter");
  var shown = document.getElementById("shown");
  if (!table || !box) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  rows.forEach(function (row) {
    row.searchText = (row.textContent + " " + (row.getAttribute("data-search") || ""))
      .toLowerCase();
  });
  function filter() {
    var terms = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var hit = terms.every(function (t) { return row.searchText.indexOf(t) >= 0; });
      row.hidden = !hit;
      if (hit) count += 1;
    });
    shown.textContent = String(count);
  }
  box.addEventListener("input", filter);
  function key(row, col, numeric) {
    var cell = row.cells[col];
    var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort")
      : cell.textContent.trim();
    if (value === "") return null;
    return numeric ? parseFloat(value) : value.toLowerCase();
  }
  table.tHead.addEventListener("click", function (event) {
    var th = event.target.closest("th");
    if (!th) return;
    var col = th.cellIndex;
    var numeric = th.getAttribute("data-type") === "num";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(th.parentNode.cells, function (h) {
      h.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var keyed = rows.map(function (row, i) { return [key(row, col, numeric), i, row]; });
    keyed.sort(function (a, b) {
      if (a[0] === null || b[0] === null) {
        return a[0] === b[0] ? a[1] - b[1] : (a[0] === null ? 1 : -1);  // empty last
      }
      var c = numeric ? a[0] - b[0] : a[0].localeCompare(b[0]);
      return c ? c * dir : a[1] - b[1];
    });
    rows = keyed.map(function (k) { return k[2]; });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
  });
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-filter]");
    if (!target) return;
    box.value = target.getAttribute("data-filter");
    filter();
    box.scrollIntoView({block: "start"});
  });
  document.documentElement.setAttribute("data-view", "ready");
})();
"""
_CSP = script_csp(_SCRIPT)
PAGE_CSP = _CSP  # the page's policy, for a server that also sends it as a header

_STYLE = """
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #212529; background: #f1f3f5; }
header { padding: 14px 20px; background: #fff; border-bottom: 1px solid #dee2e6; }
header h1 { font-size: 20px; margin: 0 0 2px; overflow-wrap: anywhere; }
main { padding: 16px 20px; display: grid; gap: 16px;
  grid-template-columns: repeat(2, minmax(0, 1fr)); align-items: start; }
@media (max-width: 900px) { main { grid-template-columns: minmax(0, 1fr); } }
section { background: #fff; border: 1px solid #dee2e6; border-radius: 6px;
  padding: 12px 16px; min-width: 0; }
section.wide { grid-column: 1 / -1; }
h2 { font-size: 15px; margin: 0 0 8px; }
h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #868e96;
  margin: 12px 0 4px; }
.muted { color: #868e96; font-size: 12px; }
.stats { display: flex; flex-wrap: wrap; gap: 6px 18px; margin-top: 4px; color: #495057; }
.stats b { color: #212529; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #f1f3f5;
  vertical-align: top; overflow-wrap: anywhere; }
th { font-size: 12px; color: #495057; border-bottom: 1px solid #ced4da; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
#articles th { cursor: pointer; user-select: none; position: sticky; top: 0; background: #fff; }
#articles th button { font: inherit; border: 0; background: none; padding: 0; cursor: pointer;
  color: inherit; }
#articles th[aria-sort=ascending] button::after { content: " \\25B2"; }
#articles th[aria-sort=descending] button::after { content: " \\25BC"; }
#articles td.date { white-space: nowrap; }
.table-wrap { max-height: 70vh; overflow: auto; border: 1px solid #f1f3f5; }
.src { color: #868e96; font-size: 12px; }
.toolbar { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; }
#filter { font: inherit; padding: 4px 8px; border: 1px solid #ced4da; border-radius: 4px;
  width: min(420px, 100%); }
a { color: #1c7ed6; }
svg { display: block; width: 100%; height: auto; }
svg text { font: 11px system-ui, sans-serif; fill: #495057; }
svg .node-label { font-size: 12px; fill: #212529; }
[data-filter] { cursor: pointer; }
button[data-filter] { font: inherit; border: 0; background: none; padding: 0; color: #1c7ed6;
  text-align: left; }
button[data-filter]:hover { text-decoration: underline; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 6px; font-size: 12px; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px;
  margin-right: 4px; vertical-align: -1px; }
.bar { display: inline-block; height: 9px; background: #a5d8ff; border-radius: 2px;
  vertical-align: 0; margin-right: 6px; }
.q-poor { color: #c92a2a; font-weight: 600; }
.q-none { color: #e67700; font-weight: 600; }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px;
  background: #f1f3f5; margin: 1px 2px 1px 0; white-space: nowrap; }
.failed td { color: #c92a2a; }
"""


# ----------------------------------------------------------------------------------------
# Labels (from the schema's vocabularies and ISO tables)
# ----------------------------------------------------------------------------------------


def _label(value: str) -> str:
    """A vocabulary value in words: ``agreement_signing`` -> ``agreement signing``."""
    return value.replace("_", " ")


def _colors(vocabulary: Iterable[Any]) -> dict[str, str]:
    return {m.value: PALETTE[i % len(PALETTE)] for i, m in enumerate(vocabulary)}


EVENT_COLORS = _colors(EventType)
AGREEMENT_COLORS = _colors(AgreementKind)


def country_name(code: str) -> str:
    return ISO_3166_1_ALPHA2.get(code, code)


def language_name(code: str) -> str:
    return ISO_639_1.get(code, code) if code else "unknown"


def _month(date: str | None) -> str | None:
    """``YYYY-MM`` of an event date that names its month (``2025``, ``--05-14`` do not)."""
    if date and re.match(r"^[0-9]{4}-[0-9]{2}", date):
        return date[:7]
    return None


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


# ----------------------------------------------------------------------------------------
# What the page shows, computed once
# ----------------------------------------------------------------------------------------


@dataclass
class _Named:
    """A person or an organization across articles: spellings, details, articles."""

    spellings: Counter[str] = field(default_factory=Counter)
    details: Counter[str] = field(default_factory=Counter)
    articles: set[int] = field(default_factory=set)


@dataclass
class Digest:
    """Everything the page shows, counted from the entries (numbers: row numbers, 1-based)."""

    entries: list[Entry]
    languages: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    events: Counter[tuple[str, str]] = field(default_factory=Counter)  # (month, type)
    documents: Counter[tuple[str, str]] = field(default_factory=Counter)  # (month, kind)
    documents_by_kind: Counter[str] = field(default_factory=Counter)
    agreement_articles: Counter[str] = field(default_factory=Counter)
    undated: int = 0
    people: dict[str, _Named] = field(default_factory=dict)
    organizations: dict[str, _Named] = field(default_factory=dict)
    figures: dict[str, list[tuple[float, str, int]]] = field(default_factory=dict)

    @property
    def ok(self) -> list[tuple[int, Entry]]:
        return [(n, e) for n, e in enumerate(self.entries, start=1) if e.summary is not None]

    @property
    def failed(self) -> list[tuple[int, Entry]]:
        return [(n, e) for n, e in enumerate(self.entries, start=1) if e.summary is None]


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _add_name(table: dict[str, _Named], name: str, detail: str, number: int) -> None:
    if not name.strip():
        return
    named = table.setdefault(_name_key(name), _Named())
    named.spellings[name.strip()] += 1
    if detail:
        named.details[detail] += 1
    named.articles.add(number)


def count(entries: Sequence[Entry]) -> Digest:
    """The digest's numbers (see :class:`Digest`)."""
    digest = Digest(list(entries))
    for number, entry in digest.ok:
        summary = entry.summary
        assert summary is not None
        digest.languages[summary.language or ""] += 1
        countries = sorted(set(summary.countries))
        digest.countries.update(countries)
        for i, first in enumerate(countries):
            for second in countries[i + 1 :]:
                digest.pairs[(first, second)] += 1
        month = _month(summary.event_date)
        if month is None:
            digest.undated += 1
        for event in dict.fromkeys(summary.event_types):
            if month:
                digest.events[(month, event)] += 1
        for agreement in summary.agreements:
            digest.documents_by_kind[agreement.kind] += agreement.count
            if month:
                digest.documents[(month, agreement.kind)] += agreement.count
        for kind in {a.kind for a in summary.agreements}:
            digest.agreement_articles[kind] += 1
        for person in summary.people:
            _add_name(digest.people, person.name, person.role, number)
        for org in summary.organizations:
            detail = ", ".join(x for x in (_label(org.kind), org.country or "") if x)
            _add_name(digest.organizations, org.name, detail, number)
        for figure in summary.figures:
            unit = " ".join(figure.unit.split()) or "(no unit)"
            digest.figures.setdefault(unit, []).append((figure.value, figure.description, number))
    return digest


# ----------------------------------------------------------------------------------------
# SVG charts
# ----------------------------------------------------------------------------------------


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def network_svg(digest: Digest) -> str:
    """Countries on a circle, a line per pair named in one article (width: articles)."""
    nodes = [code for code, _ in digest.countries.most_common(MAX_NODES)]
    drawn = set(nodes)
    edges = [(pair, n) for pair, n in digest.pairs.items() if drawn.issuperset(pair)]
    if len(nodes) < 2 or not edges:
        return ""
    size, center, radius = 560, 280.0, 200.0
    place = {}
    for i, code in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / len(nodes)
        place[code] = (angle, center + radius * math.cos(angle), center + radius * math.sin(angle))
    strongest = max(n for _, n in edges)
    most = max(digest.countries[c] for c in nodes)
    parts = [
        f'<svg id="network" class="chart" viewBox="0 0 {size} {size}" role="img" '
        'aria-label="cooperation network: countries named together in one article">'
    ]
    for (first, second), n in sorted(edges, key=lambda e: e[1]):
        _, x1, y1 = place[first]
        _, x2, y2 = place[second]
        width = 1 + 7 * n / strongest
        label = f"{country_name(first)} – {country_name(second)}: {n} article(s)"
        parts.append(
            f'<line x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}" '
            f'stroke="#4263eb" stroke-opacity="{_f(0.25 + 0.5 * n / strongest)}" '
            f'stroke-width="{_f(width)}" stroke-linecap="round"><title>{escape(label)}</title>'
            "</line>"
        )
    for code in nodes:
        angle, x, y = place[code]
        n = digest.countries[code]
        r = 5 + 13 * math.sqrt(n / most)
        lx, ly = (
            center + (radius + r + 8) * math.cos(angle),
            center + (radius + r + 8) * (math.sin(angle)),
        )
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        name = country_name(code)
        parts.append(
            f'<g class="node" data-filter="{escape(name)}"><circle cx="{_f(x)}" cy="{_f(y)}" '
            f'r="{_f(r)}" fill="#fff" stroke="#4263eb" stroke-width="2"/>'
            f'<text class="node-label" x="{_f(lx)}" y="{_f(ly + 4)}" text-anchor="{anchor}">'
            f"{escape(code)}</text><title>{escape(name)}: {n} article(s)</title></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def stacked_months_svg(
    counts: Counter[tuple[str, str]],
    colors: dict[str, str],
    chart_id: str,
    what: str,
    *,
    width: int = 900,
) -> str:
    """Bars by month (every month from the first to the last), stacked by kind."""
    if not counts:
        return ""
    months = _months_between(min(m for m, _ in counts), max(m for m, _ in counts))
    totals = {m: sum(n for (mm, _), n in counts.items() if mm == m) for m in months}
    top = max(totals.values())
    height, left, bottom, upper = 260, 36, 44, 10
    plot_w, plot_h = width - left - 10, height - bottom - upper
    step = plot_w / len(months)
    bar = max(1.0, step * 0.75)
    parts = [
        f'<svg id="{chart_id}" class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(what)} by month">'
    ]
    for tick in sorted({0, top // 2, top}):
        y = upper + plot_h - plot_h * tick / top
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{_f(y)}" y2="{_f(y)}" stroke="#e9ecef"/>'
            f'<text x="{left - 6}" y="{_f(y + 4)}" text-anchor="end">{tick}</text>'
        )
    every = max(1, math.ceil(len(months) / (width // 75)))
    for i, month in enumerate(months):
        x = left + i * step + (step - bar) / 2
        y = upper + plot_h
        for kind, color in colors.items():
            n = counts.get((month, kind), 0)
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            parts.append(
                f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(bar)}" height="{_f(h)}" '
                f'fill="{color}"><title>{month} · {escape(_label(kind))}: {n}</title></rect>'
            )
        if i % every == 0:
            parts.append(
                f'<text x="{_f(x + bar / 2)}" y="{height - bottom + 16}" '
                f'text-anchor="middle">{month}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def bars_svg(values: list[tuple[str, int, str, str]], chart_id: str, what: str) -> str:
    """Horizontal bars: (label, value, color, tooltip) per row."""
    values = [v for v in values if v[1]]
    if not values:
        return ""
    top = max(v for _, v, _, _ in values)
    row, left, width = 26, 130, 560
    height = row * len(values) + 6
    parts = [
        f'<svg id="{chart_id}" class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(what)}">'
    ]
    for i, (label, value, color, tip) in enumerate(values):
        y = 3 + i * row
        w = (width - left - 60) * value / top
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{left}" y="{y + 3}" width="{_f(max(w, 1))}" height="{row - 8}" '
            f'fill="{color}"><title>{escape(tip)}</title></rect>'
            f'<text x="{_f(left + w + 6)}" y="{y + 15}">{value}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _legend(counts: Counter[tuple[str, str]], colors: dict[str, str]) -> str:
    totals: Counter[str] = Counter()
    for (_, kind), n in counts.items():
        totals[kind] += n
    return (
        '<div class="legend">'
        + "".join(
            f'<span><span class="swatch" style="background:{color}"></span>'
            f"{escape(_label(kind))} {totals[kind]}</span>"
            for kind, color in colors.items()
            if totals[kind]
        )
        + "</div>"
    )


# ----------------------------------------------------------------------------------------
# HTML parts
# ----------------------------------------------------------------------------------------


_NUM_HEAD = ' data-type="num" class="num"'


def _class(name: str) -> str:
    return f' class="{name}"' if name else ""


def _detail(text: str) -> str:
    return f'<div class="src">{escape(text)}</div>' if text else ""


def _href(link: str) -> str:
    """A link made here (a relative path), percent-quoted: no scheme can survive."""
    return escape(quote(link, safe="/"), quote=True)


def _quality_class(language: str, quality: dict[str, Any]) -> str:
    measured = quality.get("languages", {}).get(language)
    if measured is None:
        return "q-none"
    return "q-poor" if measured.get("overall", 0) < POOR_OVERALL else ""


def _articles_table(digest: Digest, links: dict[int, str], quality: dict[str, Any]) -> str:
    rows = []
    for number, entry in digest.ok:
        s = entry.summary
        assert s is not None
        docs: Counter[str] = Counter()
        for agreement in s.agreements:
            docs[agreement.kind] += agreement.count
        agreements = ", ".join(
            _label(k) + (f" ×{n}" if n > 1 else "") for k, n in sorted(docs.items())
        )
        search = " | ".join(
            [p.name for p in s.people]
            + [o.name for o in s.organizations]
            + [loc.name for loc in s.locations]
            + [country_name(c) for c in s.countries]
            + [language_name(s.language or "")]
        )
        headline = escape(s.headline or "(no headline)")
        link = links.get(number - 1)
        if link:
            headline = f'<a href="{_href(link)}">{headline}</a>'
        language = s.language or ""
        cls = _quality_class(language, quality)
        rows.append(
            f'<tr data-search="{escape(search)}"><td class="num">{number}</td>'
            f'<td class="date">{escape(s.event_date or "")}</td>'
            f"<td{_class(cls)}>{escape(language)}</td>"
            f"<td>{escape(', '.join(s.countries))}</td>"
            f"<td>{escape(', '.join(_label(e) for e in s.event_types))}</td>"
            f'<td data-sort="{sum(docs.values()) or ""}">{escape(agreements)}</td>'
            f'<td>{headline}<div class="src">{escape(entry.source)}</div></td></tr>'
        )
    head = "".join(
        f'<th{_NUM_HEAD if num else ""}><button type="button">{name}</button></th>'
        for name, num in (
            ("#", True),
            ("Date", False),
            ("Language", False),
            ("Countries", False),
            ("Event types", False),
            ("Signed documents", True),
            ("Headline", False),
        )
    )
    return (
        '<div class="toolbar"><input id="filter" type="search" '
        'placeholder="Filter: words of a headline, a name, a country, a date…" '
        'aria-label="filter the articles" autocomplete="off">'
        f'<span class="muted"><span id="shown">{len(rows)}</span> of {len(rows)} shown · '
        "click a column to sort</span></div>"
        f'<div class="table-wrap"><table id="articles"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _quality_section(digest: Digest, quality: dict[str, Any]) -> str:
    runs = quality.get("runs") or []
    origin = (
        f"Measured for the embedded model {escape(str(quality.get('model', '?')))} "
        f"(pipeline {escape(str(quality.get('pipeline', '?')))}) on "
        f"{sum(int(r.get('n_articles', 0)) for r in runs)} gold articles of "
        f"{escape(', '.join(sorted({str(r.get('dataset')) for r in runs})) or 'no run')}. "
        "<i>Overall</i> is the mean score of the 11 fields (countries, event types, "
        "agreements, people, …); <i>summary coverage</i> the share of key facts the summary "
        "conveys. Results made by another model are not covered by these numbers."
    )
    rows = []
    for language, n in sorted(digest.languages.items(), key=lambda x: (-x[1], x[0])):
        measured = quality.get("languages", {}).get(language)
        caveat = language_caveat(language, quality) or "language not identified"
        cls = _quality_class(language, quality) if language else "q-none"
        overall = f"{measured['overall']:.2f}" if measured else "—"
        coverage = f"{measured['summary_coverage']:.0%}" if measured else "—"
        gold = str(measured["articles"]) if measured else "0"
        rows.append(
            f'<tr><td class="{cls}">{escape(language or "?")} '
            f'<span class="muted">{escape(language_name(language))}</span></td>'
            f'<td class="num">{n}</td><td class="num">{gold}</td>'
            f'<td class="num">{overall}</td><td class="num">{coverage}</td>'
            f"<td>{escape(caveat)}</td></tr>"
        )
    return (
        f'<p class="muted">{origin}</p><table id="quality"><thead><tr><th>Language</th>'
        '<th class="num">Articles here</th><th class="num">Gold articles measured</th>'
        '<th class="num">Overall</th><th class="num">Summary coverage</th><th>Caveat</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _top_names(table: dict[str, _Named], table_id: str, what: str) -> str:
    ranked = sorted(table.values(), key=lambda x: (-len(x.articles), x.spellings.most_common(1)))
    ranked = ranked[:TOP_NAMES]
    if not ranked:
        return f'<p class="muted">No {what} in these results.</p>'
    top = len(ranked[0].articles)
    rows = []
    for named in ranked:
        name = named.spellings.most_common(1)[0][0]
        detail = named.details.most_common(1)[0][0] if named.details else ""
        n = len(named.articles)
        rows.append(
            f'<tr><td><button type="button" data-filter="{escape(name)}">{escape(name)}'
            f"</button>{_detail(detail)}"
            f'</td><td class="num"><span class="bar" style="width:{_f(60 * n / top)}px"></span>'
            f"{n}</td></tr>"
        )
    return (
        f'<table id="{table_id}"><thead><tr><th>Name</th><th class="num">Articles</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
        + (
            f'<p class="muted">{len(table) - len(ranked)} more in the CSV tables.</p>'
            if len(table) > len(ranked)
            else ""
        )
    )


def _amount(value: float) -> str:
    """A figure as read: ``1,500,000``, ``1,279.5``, ``0.25``."""
    if float(value).is_integer():
        return display_number(value)
    return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) >= 1 else f"{value:.3g}"


def _figures_table(digest: Digest) -> str:
    units = sorted(digest.figures.items(), key=lambda x: (-len(x[1]), x[0]))[:TOP_UNITS]
    if not units:
        return '<p class="muted">No figures in these results.</p>'
    rows = []
    for unit, figures in units:
        values = [v for v, _, _ in figures]
        examples = "; ".join(
            f"{_amount(v)} {d}".strip() for v, d, _ in sorted(figures, key=lambda f: -f[0])[:3]
        )
        rows.append(
            f"<tr><td>{escape(unit)}</td><td class='num'>{len(figures)}</td>"
            f"<td class='num'>{len({n for _, _, n in figures})}</td>"
            f"<td class='num'>{_amount(min(values))}</td>"
            f"<td class='num'>{_amount(statistics.median(values))}</td>"
            f"<td class='num'>{_amount(max(values))}</td><td>{escape(examples)}</td></tr>"
        )
    more = len(digest.figures) - len(units)
    return (
        '<table id="figures"><thead><tr><th>Unit</th><th class="num">Figures</th>'
        '<th class="num">Articles</th><th class="num">Min</th><th class="num">Median</th>'
        '<th class="num">Max</th><th>Largest</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        + (f'<p class="muted">{more} more units in the CSV tables.</p>' if more > 0 else "")
    )


def _pairs_table(digest: Digest) -> str:
    rows = "".join(
        f'<tr><td><button type="button" data-filter="{escape(country_name(a))}">'
        f"{escape(country_name(a))}</button> – "
        f'<button type="button" data-filter="{escape(country_name(b))}">'
        f'{escape(country_name(b))}</button></td><td class="num">{n}</td></tr>'
        for (a, b), n in sorted(digest.pairs.items(), key=lambda x: (-x[1], x[0]))[:TOP_PAIRS]
    )
    return (
        '<table id="pairs"><thead><tr><th>Countries named together</th>'
        f'<th class="num">Articles</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _failures(digest: Digest) -> str:
    rows = "".join(
        f'<tr class="failed"><td class="num">{n}</td><td>{escape(e.source)}</td>'
        f"<td>{escape(e.error_type)}</td><td>{escape(e.error_message[:500])}</td></tr>"
        for n, e in digest.failed
    )
    return (
        '<table id="failures"><thead><tr><th class="num">#</th><th>Source</th><th>Error</th>'
        f"<th>Message</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _section(title: str, body: str, *, wide: bool = False, section_id: str = "") -> str:
    attrs = (' class="wide"' if wide else "") + (f' id="{section_id}"' if section_id else "")
    return f"<section{attrs}><h2>{escape(title)}</h2>{body}</section>"


def _or_empty(svg: str, message: str) -> str:
    return svg or f'<p class="muted">{escape(message)}</p>'


def render_digest(
    records: Sequence[dict[str, Any] | Entry],
    *,
    quality: dict[str, Any] | None = None,
    article_links: dict[int, str] | None = None,
    title: str = "Digest",
) -> str:
    """One self-contained HTML page over ``records`` (see the module docstring).

    ``records``: result records in any shape :func:`~summarizer.views.results_reader.as_entry`
    reads (the CLI's json/jsonl records, eval predictions, the service's results), or
    entries; failure records are counted and listed. ``quality``: a quality file's content
    (default: the shipped one). ``article_links``: record index (0-based) -> relative URL of
    that article's page; a headline links only where one is given. Raises InputError for
    a record that is not a result."""
    entries = [as_entry(r, where=f"record {i}") for i, r in enumerate(records, start=1)]
    quality = measured_quality() if quality is None else quality
    links = article_links or {}
    digest = count(entries)
    ok, failed = len(digest.ok), len(digest.failed)
    dated = sorted(d for _, e in digest.ok if e.summary and (d := e.summary.event_date))
    span = f"{dated[0]} to {dated[-1]}" if dated else "no dated events"
    stats = (
        f"<b>{len(entries)}</b> articles · <b>{ok}</b> summarized · "
        f"<b{' class=q-poor' if failed else ''}>{failed}</b> failed · "
        f"<b>{len(digest.languages)}</b> language(s) · <b>{len(digest.countries)}</b> "
        f"countries · events {escape(span)}"
    )
    docs = [
        (
            _label(kind.value),
            digest.documents_by_kind[kind.value],
            AGREEMENT_COLORS[kind.value],
            f"{_label(kind.value)}: {digest.documents_by_kind[kind.value]} document(s) in "
            f"{digest.agreement_articles[kind.value]} article(s)",
        )
        for kind in AgreementKind
    ]
    undated = (
        f'<p class="muted">{digest.undated} article(s) name no month (undated, or the year '
        "only) and are not in the timelines. An article of several event types counts once "
        "under each.</p>"
    )
    network = network_svg(digest)
    sections = [
        _section(
            f"Articles ({ok})",
            _articles_table(digest, links, quality),
            wide=True,
            section_id="articles-section",
        ),
        _section(
            "Cooperation network",
            _or_empty(network, "Fewer than two countries named together in one article.")
            + '<p class="muted">A line joins two countries named in one article; the '
            "thicker, the more articles. Circles: articles naming the country"
            + (f" (the {MAX_NODES} most named)" if len(digest.countries) > MAX_NODES else "")
            + ". Click a country to filter the articles.</p>",
        ),
        _section("Strongest pairs", _pairs_table(digest)),
        _section(
            "Events by month, by type",
            _or_empty(
                stacked_months_svg(digest.events, EVENT_COLORS, "events-chart", "events"),
                "No event with a month.",
            )
            + _legend(digest.events, EVENT_COLORS)
            + undated,
            wide=True,
        ),
        _section(
            "Signed documents by month, by kind",
            _or_empty(
                stacked_months_svg(
                    digest.documents,
                    AGREEMENT_COLORS,
                    "documents-chart",
                    "signed documents",
                    width=560,
                ),
                "No signed document with a month.",
            )
            + _legend(digest.documents, AGREEMENT_COLORS),
        ),
        _section(
            "Signed documents by kind",
            _or_empty(
                bars_svg(docs, "kinds-chart", "signed documents by kind"),
                "No signed document.",
            )
            + '<p class="muted">Documents, not articles: an agreement item counts its '
            "<i>count</i> (\u201ctwo memoranda\u201d is 2).</p>",
        ),
        _section(
            "Organizations in most articles",
            _top_names(digest.organizations, "orgs", "organizations"),
        ),
        _section("People in most articles", _top_names(digest.people, "people", "people")),
        _section("Figures by unit", _figures_table(digest), wide=True),
        _section(
            "How far to trust each language's rows", _quality_section(digest, quality), wide=True
        ),
    ]
    if failed:
        sections.append(
            _section(
                f"Failed articles ({failed})", _failures(digest), wide=True, section_id="failed"
            )
        )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f'<header><h1>{escape(title)}</h1><div class="stats">{stats}</div></header>',
        "<main>",
        *sections,
        "</main>",
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


# ----------------------------------------------------------------------------------------
# Files
# ----------------------------------------------------------------------------------------


def _write(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)  # a page is there whole or not at all


def articles_folder(page: Path) -> Path:
    """Where the article pages of the digest ``page`` go: ``<page stem>_articles/``."""
    return page.with_name(f"{page.stem}_articles")


def write_digest(entries: Sequence[Entry], page: Path, *, title: str = "") -> dict[str, int]:
    """Write the digest ``page`` and, for every entry whose source text is at hand (see
    :func:`~summarizer.views.results_reader.find_source_text`), its article view as
    ``<page stem>_articles/<row>.html``; pages of an earlier digest there that this one
    does not write are removed. Returns counts: articles, failed, pages."""
    folder = articles_folder(page)
    links: dict[int, str] = {}
    written: set[str] = set()
    for index, entry in enumerate(entries):
        text = find_source_text(entry)
        if text is None or entry.summary is None:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{index + 1}.html"
        _write(folder / name, render_article_html(text, entry.summary, entry.source))
        links[index] = f"{folder.name}/{name}"
        written.add(name)
    if folder.is_dir():
        for old in folder.iterdir():
            if re.fullmatch(r"[0-9]+\.html", old.name) and old.name not in written:
                old.unlink()
    heading = title or f"Digest of {len(entries)} results"
    _write(page, render_digest(entries, article_links=links, title=heading))
    failed = sum(1 for e in entries if e.summary is None)
    return {"articles": len(entries), "failed": failed, "pages": len(links)}
