"""Tests for the HTML eval report: escaping, span highlighting, failures, no external URLs."""

from __future__ import annotations

import html
from dataclasses import asdict
from html.parser import HTMLParser
from typing import Any

from summarizer.evals import scoring
from summarizer.evals.report_html import render_html

XSS_IMG = "<img src=x onerror=alert(1)>"
TEXT = (
    "Minister Anna Petrova met Dr. Ivan Sidorov at City Hospital No. 1 "
    "<script>alert(1)</script> and signed 3 memoranda worth 5 million rubles. "
    "See http://example.com/x for more."
)
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


def _span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _item(field: str, needle: str, **extra: Any) -> dict[str, Any]:
    start, end = _span(needle)
    return {
        "evidence": needle,
        "start": start,
        "end": end,
        "grounded": True,
        "match": "exact",
        **extra,
    }


def _gold(article_id: str = "a1") -> dict[str, Any]:
    return {
        "id": article_id,
        "expected": {
            "language": "ru",
            "headline": "Health officials meet",
            "summary": "They met.",
            "event_types": ["official_meeting"],
            "event_date": None,
            "countries": ["RU"],
            "locations": [],
            "people": [{"name": "Anna Petrova", "role": "Minister"}],
            "organizations": [],
            "medical_fields": [],
            "agreements": [],
            "figures": [],
        },
        "aliases": {"people": {"Anna Petrova": ["A. Petrova"]}},
        "key_facts": ["Anna Petrova met Ivan Sidorov", "3 memoranda were signed"],
        "notes": "note <b>bold</b>",
    }


def _output(people: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "language": "ru",
        "headline": f'Headline {XSS_IMG} "quotes"',
        "summary": f'Anna Petrova met Ivan Sidorov {XSS_IMG} "quotes".',
        "event_types": ["official_meeting"],
        "event_date": None,
        "countries": ["RU"],
        "locations": [],
        "people": people,
        "organizations": [],
        "medical_fields": [],
        "agreements": [],
        "figures": [],
        "grounding": {"checked": 1, "located": 1, "dropped": 0, "flagged": 0, "dropped_items": []},
        **extra,
    }


def _render(outputs: list[dict[str, Any] | None], error: str | None = None) -> str:
    records, article_scores = [], []
    for i, output in enumerate(outputs):
        gold = _gold(f"a{i}")
        records.append(
            {
                "id": gold["id"],
                "language": "ru",
                "text": TEXT,
                "gold": gold,
                "extraction": {
                    "output": output,
                    "error": error if output is None else None,
                    "seconds": 1.5,
                    "attempts": 1,
                    "warnings": ["w <i>1</i>"],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 5, "cached_tokens": 0},
                    "raw_responses": [],
                    "prompt_version": "v1",
                    "model": "m",
                },
            }
        )
        article_scores.append(scoring.score_article(gold, output, source=TEXT))
    scores = {
        "aggregate": scoring.aggregate(article_scores),
        "articles": [asdict(s) for s in article_scores],
    }
    header = {"run_id": "r1", "model": "m", "<k>": "<v>", "n_articles": len(records)}
    return render_html(header, records, scores)


class _Checker(HTMLParser):
    """Checks tag balance and collects the visible text of each div.source."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.sources: list[str] = []
        self.source_depth: int | None = None
        self.marks: list[tuple[str, str]] = []  # (class, title)
        self.attrs_seen: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs_seen += attrs
        if tag in VOID:
            return
        self.stack.append(tag)
        a = dict(attrs)
        if tag == "div" and a.get("class") == "source":
            self.source_depth = len(self.stack)
            self.sources.append("")
        if tag == "mark":
            self.marks.append((a.get("class") or "", a.get("title") or ""))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}>, open: {self.stack[-3:]}")
            return
        if self.source_depth == len(self.stack):
            self.source_depth = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.source_depth is not None:
            self.sources[-1] += data


def _check(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


def _marked_texts(page: str) -> list[str]:
    """Innermost text of every mark, unescaped."""
    out = []
    for chunk in page.split("<mark ")[1:]:
        inner = chunk.split(">", 1)[1].split("</mark>", 1)[0]
        out.append(html.unescape(inner.split(">")[-1]))
    return out


def test_escapes_article_and_model_strings():
    person = _item("people", "Anna Petrova", name=f'Anna {XSS_IMG} "quotes"', role="Minister")
    page = _render([_output([person])])
    _check(page)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert '"quotes"' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&quot;quotes&quot;" in page
    assert "&lt;k&gt;" in page and "<k>" not in page  # header dict key
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "<i>1</i>" not in page and "w &lt;i&gt;1&lt;/i&gt;" in page


def test_overlapping_and_crossing_spans():
    people = [
        _item("people", "Minister Anna Petrova", name="Anna Petrova"),
        _item("people", "Anna Petrova met Dr.", name='X "crossing"'),  # crosses the first
        _item("people", "Petrova", name="Petrova"),  # nested inside both
    ]
    orgs = [_item("organizations", "City Hospital No. 1", name="City Hospital")]
    figures = [_item("figures", "5 million rubles", value=5000000, unit="RUB")]
    page = _render([_output(people, organizations=orgs, figures=figures)])
    checker = _check(page)
    assert checker.sources == [TEXT]
    classes = {c for c, _ in checker.marks}
    assert {"f-people", "f-organizations", "f-figures"} <= classes
    titles = " ".join(t for _, t in checker.marks)
    assert 'X "crossing"' in titles and "City Hospital" in titles
    marked = _marked_texts(page)
    assert "Petrova" in marked and "City Hospital No. 1" in marked
    assert "Minister " in marked and " met Dr." in marked
    # "Petrova" sits under three marks: innermost segment wrapped three times
    assert page.count('">Petrova</mark></mark></mark>') == 1


def test_none_and_out_of_range_offsets_are_skipped():
    people = [
        {
            "name": "A",
            "evidence": "x",
            "start": None,
            "end": None,
            "grounded": False,
            "match": "none",
        },
        {"name": "B", "evidence": "y", "start": 5, "end": len(TEXT) + 10, "grounded": True},
        {"name": "C", "evidence": "z", "start": -3, "end": 4, "grounded": True},
        {"name": "D", "evidence": "w", "start": 9, "end": 2, "grounded": True},
        {"name": "E", "evidence": "v", "start": "1", "end": True, "grounded": True},
    ]
    page = _render([_output(people)])
    checker = _check(page)
    assert checker.sources == [TEXT]
    assert checker.marks == []


def test_failed_article_renders_error():
    page = _render([None, _output([])], error='ValidationError: <bad> "json"')
    checker = _check(page)
    assert "ValidationError: &lt;bad&gt; &quot;json&quot;" in page
    assert "FAILED" in page
    assert checker.sources == [TEXT, TEXT]


def test_ungrounded_and_dropped_items_listed():
    dropped = {
        "field": "people",
        "name": "Ghost <Name>",
        "evidence": "not here",
        "start": None,
        "end": None,
        "grounded": False,
        "match": "none",
    }
    flagged = {
        "name": "Flagged Person",
        "evidence": "Ivan",
        "start": None,
        "end": None,
        "grounded": False,
        "match": "unrelated",
    }
    output = _output([flagged])
    output["grounding"] = {
        "checked": 2,
        "located": 0,
        "dropped": 1,
        "flagged": 1,
        "dropped_items": [dropped],
    }
    page = _render([output])
    _check(page)
    section = page.split("Ungrounded / dropped items", 1)[1].split("<h4>", 1)[0]
    assert "Ghost &lt;Name&gt;" in section and "dropped" in section
    assert "Flagged Person" in section and "unrelated" in section


def test_key_facts_and_summary_tables():
    page = _render([_output([_item("people", "Anna Petrova", name="Anna Petrova")])])
    assert "✓ covered" in page and "✗ missed" in page
    assert "Anna Petrova met Ivan Sidorov" in page
    for field in scoring.FIELDS:
        assert f"<th>{field}</th>" in page
    assert "grounding rate mean 1.000" in page


def test_no_external_references():
    page = _render([_output([]), None], error="see https://example.org/<x>")
    for attr in ('src="http', 'href="http', "src='http", "href='http", "url(", "@import"):
        assert attr not in page
    _check(page)
    checker = _Checker()
    checker.feed(page)
    for _, value in checker.attrs_seen:
        assert not (value or "").startswith(("http:", "https:", "//"))
    assert "<script" not in page.lower()
