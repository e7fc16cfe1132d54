"""The article view (``--format html``): every grounded item highlighted in its source,
the text intact, hostile text inert; checked by parsing the page and in headless Chromium.

Every article here is invented. ``SUMMARIZER_UPDATE_SCREENSHOTS=1`` makes the browser test
refresh docs/images/article-view.png from the invented sample.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from summarizer.output import HTML_NEEDS_FOLDER, ResultWriter
from summarizer.schemas.article import ArticleSummary
from summarizer.views.article import _SCRIPT, render_article_html, render_failure_html
from tests.fake_openai import FakeOpenAI
from tests.test_cli import OK, fake_env, run_cli
from tests.test_transport import ARTICLE

REPO = Path(__file__).parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (apt-get install chromium)"
)

# ----------------------------------------------------------------------------------------
# Invented articles
# ----------------------------------------------------------------------------------------

SAMPLE = (
    "КАЗАНЬ, 14 мая 2025 – Делегация Министерства здравоохранения Армении во главе с "
    "заместителем министра Ашотом Мартиросяном посетила Республиканский центр детской "
    "хирургии.\n\n"
    "Стороны подписали меморандум о сотрудничестве в области детской онкологии и "
    "реабилитации. По словам главного врача центра Марины Сергеевой, уже в сентябре в Казани "
    "пройдут стажировку 40 врачей из Еревана.\n\n"
    "Объём инвестиций в новый корпус центра составит 1,2 млрд рублей, сообщает агентство "
    "«Волга-Медиа»."
)


def _at(text: str, quote: str, **item: Any) -> dict[str, Any]:
    start = text.index(quote)
    return {
        **item,
        "evidence": quote,
        "start": start,
        "end": start + len(quote),
        "grounded": True,
        "match": "exact",
    }


def sample_summary() -> ArticleSummary:
    t = SAMPLE
    return ArticleSummary.model_validate(
        {
            "language": "ru",
            "headline": "Armenian health officials tour Kazan children's surgery center",
            "summary": "Armenian health officials headed by Deputy Minister Ashot Martirosyan "
            "toured the Republican Center for Pediatric Surgery in Kazan. "
            "The sides signed a memorandum on pediatric oncology and rehabilitation. "
            "Forty doctors from Yerevan will train in Kazan in September.",
            "event_types": ["delegation_visit", "agreement_signing"],
            "event_date": "2025-05-14",
            "event_date_evidence": _at(t, "14 мая 2025"),
            "countries": ["AM", "RU"],
            "locations": [
                _at(t, "Казани", name="Kazan", country="RU"),
                _at(t, "Еревана", name="Yerevan", country="AM"),
            ],
            "people": [
                _at(
                    t,
                    "заместителем министра Ашотом Мартиросяном",
                    name="Ashot Martirosyan",
                    role="Deputy Minister of Health",
                ),
                _at(
                    t,
                    "главного врача центра Марины Сергеевой",
                    name="Marina Sergeeva",
                    role="chief physician",
                ),
            ],
            "organizations": [
                _at(
                    t,
                    "Министерства здравоохранения Армении",
                    name="Ministry of Health of Armenia",
                    kind="government",
                    country="AM",
                ),
                _at(
                    t,
                    "Республиканский центр детской хирургии",
                    name="Republican Center for Pediatric Surgery",
                    kind="hospital",
                    country="RU",
                ),
                _at(t, "агентство «Волга-Медиа»", name="Volga-Media", kind="media", country="RU"),
            ],
            "medical_fields": ["oncology", "pediatrics", "rehabilitation"],
            "agreements": [
                _at(
                    t,
                    "подписали меморандум о сотрудничестве в области детской онкологии",
                    kind="memorandum",
                    subject="cooperation in pediatric oncology",
                    parties=[
                        "Ministry of Health of Armenia",
                        "Republican Center for Pediatric Surgery",
                    ],
                )
            ],
            "figures": [
                _at(t, "40 врачей", value=40, unit="doctors", description="doctors to train"),
                _at(
                    t,
                    "1,2 млрд рублей",
                    value=1.2e9,
                    unit="RUB",
                    description="investment in the new building",
                ),
            ],
            "grounding": {
                "checked": 10,
                "located": 8,
                "dropped": 2,
                "dropped_items": [
                    {
                        "field": "people",
                        "name": "Ilya Orlov",
                        "role": "photographer",
                        "evidence": "Фото: Илья Орлов",
                        "match": "none",
                    },
                    {
                        "field": "organizations",
                        "value": "Volga Media Agency",
                        "evidence": "Волга-Медиа",
                        "reason": "same-organization",
                    },
                ],
            },
            "warnings": ["event_date: the year is taken from the dateline"],
        }
    )


SAMPLE_MARKS = 11  # 2 people, 3 organizations, 2 places, the date, 1 agreement, 2 figures

HOSTILE = [
    "<script>document.title='PWNED-script'</script>",
    "<img src=x onerror=\"document.title='PWNED-img'\">",
    "<svg onload=\"document.title='PWNED-svg'\"></svg>",
    '"><a href="javascript:document.title=\'PWNED-link\'">click</a>',
    "</mark></div><script>document.title='PWNED-close'</script>",
    "&amp; &lt;b&gt; ]]> -->",
]
HOSTILE_TEXT = (
    "Министр Анна Петрова встретилась с делегацией клиники «Северная звезда».\r\n"
    + "\n".join(HOSTILE)
    + "\nВ клинике 120 коек."
)


def hostile_summary() -> tuple[str, ArticleSummary]:
    t, h = HOSTILE_TEXT, " ".join(HOSTILE)
    doc = {
        "language": "ru",
        "headline": f"Headline {h}",
        "summary": f"Anna Petrova met a delegation. {h}",
        "countries": ["RU"],
        "locations": [{"name": f"javascript:alert(1) {h}", "country": "RU"}],
        "people": [
            _at(t, "Анна Петрова", name="javascript:alert('x')", role=h),
            _at(t, HOSTILE[1], name=f"Anna {HOSTILE[1]}", role="<b>bold</b>"),
        ],
        "organizations": [
            _at(
                t,
                "клиники «Северная звезда»",
                name=f"North Star {HOSTILE[0]}",
                kind="clinic_or_center",
            ),
            _at(t, HOSTILE[4], name=HOSTILE[3], kind="other"),
        ],
        "agreements": [
            {"kind": "other", "subject": h, "evidence": h, "grounded": False, "match": "none"}
        ],
        "figures": [
            _at(t, "120 коек", value=120, unit=f"beds {HOSTILE[2]}", description=h),
        ],
        "grounding": {
            "checked": 6,
            "located": 5,
            "dropped": 1,
            "flagged": 1,
            "dropped_items": [{"field": "people", "name": h, "evidence": h, "reason": h}],
        },
        "warnings": [h, "javascript:alert(2)"],
    }
    return t, ArticleSummary.model_validate(doc)


# ----------------------------------------------------------------------------------------
# A small reader of the page (the standard library's parser, no DOM needed)
# ----------------------------------------------------------------------------------------


class Page(HTMLParser):
    """Tags and attributes of the page, the text of #source, each mark's text."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.source = ""
        self.marks: dict[str, str] = {}
        self.mark_attrs: dict[str, dict[str, str | None]] = {}
        self.title = ""
        self._in_script = self._in_title = False
        self._depth = 0  # open elements inside #source (0: outside)
        self._open_marks: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag == "title":
            self._in_title = True
        if self._depth:
            self._depth += 1
            if tag == "mark":
                span = str(attributes["data-span"])
                self._open_marks.append(span)
                self.marks.setdefault(span, "")
                self.mark_attrs.setdefault(span, attributes)
        elif attributes.get("id") == "source":
            self._depth = 1

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_script and tag != "script"
        self._in_title = self._in_title and tag != "title"
        if self._depth:
            self._depth -= 1
            if tag == "mark":
                self._open_marks.pop()

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        if self._in_title:
            self.title += data
        if self._depth:
            self.source += data
            for span in self._open_marks:
                self.marks[span] += data


def _assert_inert(page: Page) -> None:
    """No markup from the data: one script (ours), no handler, no link, no image."""
    assert [s.strip() for s in page.scripts] == [_SCRIPT.strip()]
    for tag, attrs in page.tags:
        assert tag not in {"img", "svg", "iframe", "object", "embed", "a", "form", "base"}, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in {"href", "src", "srcdoc", "action", "formaction"}, (tag, name)
            if name not in {"title", "content"}:  # tooltips hold data as text, inert
                assert "javascript:" not in (value or "").lower(), (tag, name, value)


def _assert_marks_match(page: Page, text: str, expected: int) -> None:
    assert page.source == text
    assert len(page.marks) == expected
    for span, content in page.marks.items():
        attrs = page.mark_attrs[span]
        start, end = int(str(attrs["data-start"])), int(str(attrs["data-end"]))
        assert content == text[start:end], (span, content, text[start:end])


# ----------------------------------------------------------------------------------------
# The page, parsed
# ----------------------------------------------------------------------------------------


def test_sample_page_highlights_every_grounded_item_and_keeps_the_text():
    summary = sample_summary()
    html = render_article_html(SAMPLE, summary, "sample.txt")
    page = Page(html)
    _assert_inert(page)
    _assert_marks_match(page, SAMPLE, expected=SAMPLE_MARKS)
    kinds = {attrs["data-kind"] for attrs in page.mark_attrs.values()}
    assert kinds == {"people", "organizations", "places", "date", "agreements", "figures"}
    tooltips = {str(attrs["title"]) for attrs in page.mark_attrs.values()}
    assert "Ashot Martirosyan — people: Deputy Minister of Health" in tooltips
    assert "1,200,000,000 RUB — figures: investment in the new building" in tooltips
    assert any(t.startswith("Ministry of Health of Armenia — organizations") for t in tooltips)
    assert "Kazan — locations: RU" in tooltips
    assert "2025-05-14 — event_date: the main event's date" in tooltips
    assert "carry no offsets" not in html  # places and the date are highlighted
    # beside the text: headline, summary, fields, warnings, removed items with reasons
    for needle in (
        "Armenian health officials tour Kazan",
        "Forty doctors from Yerevan",
        "AM, RU",
        "delegation visit, agreement signing",
        "oncology, pediatrics, rehabilitation",
        "Kazan (RU); Yerevan (AM)",
        "2025-05-14",
        "the year is taken from the dateline",
        "Ilya Orlov",
        "quote not found in the article",
        "same organization",
    ):
        assert needle in html, needle
    assert "Volga Media Agency" in html and "Фото: Илья Орлов" in html
    # the legend names every kind that is highlighted
    toggles = {attrs.get("data-toggle") for tag, attrs in page.tags if tag == "button"}
    assert {"people", "organizations", "places", "date", "agreements", "figures"} <= toggles


def test_places_and_a_date_without_offsets_are_listed_and_said_so():
    doc = sample_summary().model_dump(mode="json")
    doc["event_date_evidence"] = None
    for loc in doc["locations"]:
        loc.update(evidence="", start=None, end=None, grounded=None, match=None)
    html = render_article_html(SAMPLE, ArticleSummary.model_validate(doc), "v1.txt")
    page = Page(html)
    _assert_marks_match(page, SAMPLE, expected=SAMPLE_MARKS - 3)
    assert "Places and the event date carry no offsets" in html
    assert "Kazan (RU); Yerevan (AM)" in html and "2025-05-14" in html  # listed
    # a date whose offsets do not fit the text is listed as not located, with why
    doc["event_date_evidence"] = {"evidence": "14 мая", "start": 5, "end": 9999}
    html = render_article_html(SAMPLE, ArticleSummary.model_validate(doc), "bad.txt")
    assert "its offsets lie outside the text" in html and "carry no offsets" in html


def test_hostile_text_stays_inert_and_the_source_survives_escaping():
    text, summary = hostile_summary()
    title = "<script>document.title='PWNED-title'</script>.txt"
    html = render_article_html(text, summary, title)
    page = Page(html)
    _assert_inert(page)
    _assert_marks_match(page, text, expected=5)  # \r\n kept: &#13; parses back to \r
    assert "\r\n" in page.source
    assert page.title.startswith("Headline <script>")  # shown as text, never parsed
    assert "<script>document" not in html.replace(_SCRIPT, "")  # escaped everywhere
    assert "&lt;img src=x onerror=" in html
    # the not-located agreement and the dropped person are listed, with escaped reasons
    assert "Not located in the text (1)" in html and "Removed by grounding (1)" in html
    assert "Content-Security-Policy" in html and "'unsafe-inline'; script-src 'sha256-" in html


def test_overlapping_spans_nest_or_split_without_losing_text():
    text = "Глава фонда Мария Ким подписала соглашение с больницей №3 на 5 лет."
    people_quote = "Глава фонда Мария Ким"  # holds the organization's quote: nests
    org_quote = "фонда"
    agreement_quote = "Ким подписала соглашение"  # crosses the person's end: splits
    figure_quote = "соглашение с больницей №3 на 5 лет"  # crosses the agreement's end
    summary = ArticleSummary.model_validate(
        {
            "people": [_at(text, people_quote, name="Maria Kim", role="head of the fund")],
            "organizations": [
                _at(text, org_quote, name="the Fund", kind="other"),
                _at(text, people_quote, name="same quote as the person", kind="other"),
            ],
            "agreements": [_at(text, agreement_quote, kind="agreement")],
            "figures": [_at(text, figure_quote, value=5, unit="years")],
        }
    )
    html = render_article_html(text, summary, "overlap.txt")
    page = Page(html)  # the parser raises on nothing, but marks must balance:
    assert html.count("<mark ") == html.count("</mark>")
    _assert_marks_match(page, text, expected=5)
    # a crossing span is cut into fragments that share data-span; a nested one is whole
    fragments = {s: html.count(f'data-span="{s}"') for s in page.marks}
    assert sorted(fragments.values()) != [1] * 5
    assert html.count('tabindex="0"') == 5 + 5  # one per span, one per side-panel item


def test_random_overlaps_always_keep_text_and_spans():
    import random

    rng = random.Random(19)
    text = "Врачи из Алматы и Бишкека обсудили обмен опытом в кардиологии. " * 3
    for _ in range(200):
        figures = []
        for _ in range(rng.randint(1, 7)):
            start = rng.randrange(0, len(text) - 1)
            end = rng.randint(start + 1, min(len(text), start + 40))
            figures.append(
                {
                    "value": 1,
                    "evidence": text[start:end],
                    "start": start,
                    "end": end,
                    "grounded": True,
                    "match": "exact",
                }
            )
        summary = ArticleSummary.model_validate({"figures": figures})
        html = render_article_html(text, summary, "random")
        _assert_marks_match(Page(html), text, expected=len(figures))


def test_offsets_of_the_stripped_text_and_bad_offsets():
    shown = "Доктор Лев Ан принял гостей."
    summary = ArticleSummary.model_validate(
        {
            "people": [
                _at(shown, "Доктор Лев Ан", name="Lev An"),
                {
                    "name": "Out Of Range",
                    "evidence": "x",
                    "start": 5,
                    "end": 999,
                    "grounded": True,
                    "match": "exact",
                },
                {
                    "name": "Kept Flagged",
                    "evidence": "нет такого",
                    "grounded": False,
                    "match": "none",
                },
            ],
            "grounding": {"text": shown},
        }
    )
    # the input was HTML: the offsets index grounding.text, which the page shows
    page = Page(render_article_html(f"<p>{shown}</p>", summary, "page.html"))
    _assert_marks_match(page, shown, expected=1)
    html = render_article_html(f"<p>{shown}</p>", summary, "page.html")
    assert "its offsets lie outside the text" in html and "Kept Flagged" in html


def test_result_writer_html_one_page_per_article(tmp_path, capsys):
    summary = sample_summary()
    with pytest.raises(ValueError, match="--output"):
        ResultWriter("html", None, single=False)
    writer = ResultWriter("html", tmp_path / "out", single=False, settings="s")
    writer.write("a/sample.txt", SAMPLE, summary)
    writer.write_failure("b.txt", "InputError", "<b>empty</b>")
    writer.close()
    pages = sorted((tmp_path / "out").glob("*.html"))
    assert [p.name.split(".")[0] for p in pages] == ["sample"] and pages[0].suffix == ".html"
    _assert_marks_match(Page(pages[0].read_text(encoding="utf-8")), SAMPLE, expected=SAMPLE_MARKS)
    assert writer.exists("a/sample.txt", SAMPLE)
    assert "b.txt" in (tmp_path / "out" / "failures.jsonl").read_text()
    single = ResultWriter("html", None, single=True)
    single.write_failure("c.txt", "InputError", "<script>x</script>")
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and "&lt;script&gt;x" in out
    assert render_failure_html("<x>", "E", "m").count("<x>") == 0


def test_cli_html_to_stdout_and_to_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Омске", "Томске"), encoding="utf-8")
    many = run_cli("summarize", str(tmp_path), "--format", "html")
    assert many.returncode == 2
    assert many.stderr.decode().strip() == f"error: {HTML_NEEDS_FOLDER}"
    with FakeOpenAI([OK]) as fake:
        one = run_cli("summarize", str(tmp_path / "a.txt"), "--format", "html", env=fake_env(fake))
        folder = run_cli(
            "summarize",
            str(tmp_path),
            "-f",
            "html",
            "-o",
            str(tmp_path / "out"),
            env=fake_env(fake),
        )
    assert one.returncode == 0, one.stderr.decode()
    page = Page(one.stdout.decode())
    assert page.source == ARTICLE and page.marks
    assert folder.returncode == 0, folder.stderr.decode()
    assert len(list((tmp_path / "out").glob("*.html"))) == 2


# ----------------------------------------------------------------------------------------
# In a real browser
# ----------------------------------------------------------------------------------------


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=3000",
            *args,
        ],
        capture_output=True,
        timeout=120,
    )


def _console_problems(stderr: bytes) -> list[str]:
    lines = stderr.decode(errors="replace").splitlines()
    return [
        line for line in lines if "CONSOLE" in line or "Refused to" in line or "Uncaught" in line
    ]


@needs_chromium
def test_hostile_page_in_chromium_runs_no_script_from_the_data(tmp_path):
    text, summary = hostile_summary()
    page_file = tmp_path / "hostile.html"
    page_file.write_text(render_article_html(text, summary, "hostile.txt"), encoding="utf-8")
    result = _chromium(tmp_path, "--dump-dom", page_file.as_uri())
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    dom = result.stdout.decode()
    page = Page(dom)
    # a handler that ran would have set document.title to "PWNED-..."
    assert page.title == summary.headline and page.title.startswith("Headline <script>")
    assert 'data-view="ready"' in dom  # the page's own script ran (the CSP hash is right)
    _assert_inert(page)
    # the browser normalizes nothing away: the DOM's text is the source, every span too
    _assert_marks_match(page, text, expected=5)
    assert not _console_problems(result.stderr), _console_problems(result.stderr)


@needs_chromium
def test_sample_page_in_chromium_dom_and_screenshot(tmp_path):
    page_file = tmp_path / "article-view.html"
    page_file.write_text(
        render_article_html(SAMPLE, sample_summary(), "samples/kazan-visit.txt"),
        encoding="utf-8",
    )
    dumped = _chromium(tmp_path, "--dump-dom", page_file.as_uri())
    assert dumped.returncode == 0, dumped.stderr.decode()[-2000:]
    page = Page(dumped.stdout.decode())
    _assert_marks_match(page, SAMPLE, expected=SAMPLE_MARKS)
    # places and the event date: highlighted where the source states them, in the browser
    by_kind: dict[str, list[str]] = {}
    for span, attrs in page.mark_attrs.items():
        by_kind.setdefault(str(attrs["data-kind"]), []).append(page.marks[span])
    assert sorted(by_kind["places"]) == ["Еревана", "Казани"]
    assert by_kind["date"] == ["14 мая 2025"]
    assert not _console_problems(dumped.stderr), _console_problems(dumped.stderr)
    png = tmp_path / "article-view.png"
    shot = _chromium(
        tmp_path,
        f"--screenshot={png}",
        "--window-size=1200,900",
        "--hide-scrollbars",
        page_file.as_uri(),
    )
    assert shot.returncode == 0, shot.stderr.decode()[-2000:]
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a page, not a blank
    if os.environ.get("SUMMARIZER_UPDATE_SCREENSHOTS"):
        target = REPO / "docs" / "images" / "article-view.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, target)
