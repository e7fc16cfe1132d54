"""The digest (``summarizer digest``): every result format read back, failures counted,
bad input refused in one line, CSV cells inert in a spreadsheet, and the page checked by
parsing it and in headless Chromium (sorting, filtering, charts, links, hostile text).

Every article, name and number here is invented. ``SUMMARIZER_UPDATE_SCREENSHOTS=1``
makes the browser test refresh docs/images/digest.png from an invented batch.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from bench.digest_scale import synthesize
from summarizer.errors import InputError
from summarizer.output import ResultWriter
from summarizer.schemas.article import ArticleSummary
from summarizer.views.digest import _SCRIPT, render_digest, write_digest
from summarizer.views.results_reader import (
    Entry,
    as_entry,
    find_source_text,
    read_results,
)
from summarizer.views.tables import COLUMNS, safe_cell, write_tables

REPO = Path(__file__).parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (apt-get install chromium)"
)
CHARTS = ("network", "events-chart", "documents-chart", "kinds-chart")

# ----------------------------------------------------------------------------------------
# Invented results
# ----------------------------------------------------------------------------------------


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


TEXT_A = (
    "ОРСК, 3 марта 2026 – Министр здравоохранения Таджикистана Фарход Саидов и ректор "
    "Медицинского университета Велмора Анна Квиллон подписали меморандум. "
    "В рамках соглашения 35 врачей пройдут стажировку."
)
TEXT_B = "Hanoi, 14 April 2026 - Doctors of the Lotus Heart Clinic examined 410 children."


def _result(source: str, **fields: Any) -> dict[str, Any]:
    return {"source": source, **ArticleSummary.model_validate(fields).model_dump(mode="json")}


def batch() -> tuple[list[dict[str, Any]], dict[str, str]]:
    """A small invented batch (CLI jsonl records) and the source text of two of them."""
    a = _result(
        "in/orsk.txt",
        language="ru",
        headline="Tajik health minister and Velmora university sign memorandum",
        summary="Health minister Farhod Saidov and rector Anna Quillon signed a memorandum.",
        event_types=["agreement_signing", "training_or_exchange"],
        event_date="2026-03-03",
        countries=["TJ", "RU"],
        locations=[{"name": "Orsk", "country": "RU"}],
        people=[
            _at(TEXT_A, "Фарход Саидов", name="Farhod Saidov", role="health minister"),
            _at(TEXT_A, "Анна Квиллон", name="Anna Quillon", role="rector"),
        ],
        organizations=[
            _at(
                TEXT_A,
                "Медицинского университета Велмора",
                name="Velmora Medical University",
                kind="university_or_school",
                country="RU",
            )
        ],
        agreements=[
            _at(TEXT_A, "подписали меморандум", kind="memorandum", subject="training", count=2)
        ],
        figures=[_at(TEXT_A, "35 врачей", value=35, unit="doctors", description="to train")],
    )
    b = _result(
        "in/hanoi.txt",
        language="vi",
        headline="Lotus Heart Clinic screens children in Hanoi",
        event_types=["medical_mission"],
        event_date="2026-04-14",
        countries=["VN", "KR"],
        organizations=[
            _at(TEXT_B, "Lotus Heart Clinic", name="Lotus Heart Clinic", kind="clinic_or_center")
        ],
        figures=[_at(TEXT_B, "410 children", value=410, unit="children", description="examined")],
    )
    c = _result(
        "in/forum.txt",
        language="kk",
        headline="Regional forum on rural clinics draws three countries",
        event_types=["conference_or_forum"],
        event_date="2026-03",
        countries=["KZ", "TJ", "RU"],
        people=[{"name": "Anna Quillon", "role": "rector", "evidence": "x"}],
        organizations=[{"name": "Velmora Medical University", "kind": "university_or_school"}],
        agreements=[{"kind": "agreement", "subject": "rural clinics", "count": 1}],
        figures=[{"value": 12, "unit": "doctors", "description": "volunteers"}],
    )
    d = _result(
        "in/undated.txt",
        language="uz",
        headline="Pharmacy chain opens a training hall",
        event_types=["investment_or_construction"],
        countries=["UZ"],
        figures=[{"value": 1.5e6, "unit": "USD", "description": "cost"}],
    )
    failed = {"source": "in/broken.txt", "error": {"type": "InputError", "message": "empty"}}
    return [a, b, c, d, failed], {"in/orsk.txt": TEXT_A, "in/hanoi.txt": TEXT_B}


HOSTILE = [
    "<script>document.title='PWNED-script'</script>",
    "<img src=x onerror=\"document.title='PWNED-img';alert(1)\">",
    "<svg onload=\"alert('PWNED-svg')\"></svg>",
    '"><a href="javascript:alert(\'PWNED-link\')">click</a>',
    "</td></tr></table><iframe src=javascript:alert(3)></iframe>",
]
HOSTILE_ALL = " ".join(HOSTILE)


def hostile_records() -> list[dict[str, Any]]:
    return [
        _result(
            f"in/{HOSTILE[0]}.txt",
            language="ru",
            headline=f"Headline {HOSTILE_ALL}",
            event_types=["official_meeting"],
            event_date="2026-05-01",
            countries=["RU", "KZ"],
            locations=[{"name": f"javascript:alert(4) {HOSTILE[1]}"}],
            people=[{"name": f"javascript:alert('x') {HOSTILE[2]}", "role": HOSTILE_ALL}],
            organizations=[{"name": f"{HOSTILE[3]} Clinic", "kind": "other"}],
            agreements=[{"kind": "other", "subject": HOSTILE_ALL, "parties": HOSTILE}],
            figures=[{"value": 7, "unit": HOSTILE[4], "description": HOSTILE_ALL}],
            warnings=[HOSTILE_ALL],
        ),
        {"source": HOSTILE[3], "error": {"type": HOSTILE[0], "message": HOSTILE_ALL}},
    ]


def entries_of(records: list[dict[str, Any]]) -> list[Entry]:
    return [as_entry(r) for r in records]


# ----------------------------------------------------------------------------------------
# A reader of the page
# ----------------------------------------------------------------------------------------


class Page(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.title = ""
        self._in_script = self._in_title = False
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        self._in_title = tag == "title" and not self.title  # the page's, not a chart's
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        if self._in_title:
            self.title += data

    def ids(self, tag: str) -> list[str]:
        return [str(a.get("id")) for t, a in self.tags if t == tag]


LINK = r"^[A-Za-z0-9%._~-]+_articles/[0-9]+\.html$"


def _assert_inert(page: Page) -> None:
    """Only our script, no handler, no element the data could bring in, and the only
    URLs are relative links to article pages."""
    import re

    assert [s.strip() for s in page.scripts] == [_SCRIPT.strip()]
    for tag, attrs in page.tags:
        assert tag not in {"img", "iframe", "object", "embed", "form", "base", "foreignobject"}
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in {"src", "srcdoc", "action", "formaction", "xlink:href"}, name
            if name == "href":
                assert tag == "a" and re.match(LINK, str(value)), value
    assert page.ids("svg") == [c for c in CHARTS if c in page.ids("svg")]


# ----------------------------------------------------------------------------------------
# Reading every result format
# ----------------------------------------------------------------------------------------


def _write_cli_outputs(tmp_path: Path, capsys) -> dict[str, Path]:
    """The batch as ``summarize`` writes it: jsonl, json (list and single), a folder."""
    records, _ = batch()
    summaries = [
        (r["source"], ArticleSummary.model_validate(r)) for r in records if "error" not in r
    ]
    failure = records[-1]
    out = {}
    for fmt, single in (("jsonl", False), ("json", False)):
        writer = ResultWriter(fmt, None, single=single)
        for source, summary in summaries:
            writer.write(source, "text", summary)
        writer.write_failure(failure["source"], "InputError", "empty")
        writer.close()
        out[fmt] = tmp_path / f"results.{fmt}"
        out[fmt].write_text(capsys.readouterr().out, encoding="utf-8")
    single = ResultWriter("json", None, single=True)
    single.write(summaries[0][0], "text", summaries[0][1])
    single.close()
    out["single"] = tmp_path / "one.json"
    out["single"].write_text(capsys.readouterr().out, encoding="utf-8")
    folder = ResultWriter("json", tmp_path / "folder", single=False, settings="s")
    for source, summary in summaries:
        folder.write(source, f"text of {source}", summary)
    folder.write_failure(failure["source"], "InputError", "empty")
    folder.close()
    out["folder"] = tmp_path / "folder"
    return out


def test_every_cli_result_format_reads_back_with_its_failure(tmp_path, capsys):
    paths = _write_cli_outputs(tmp_path, capsys)
    for name in ("jsonl", "json", "folder"):
        entries = read_results([str(paths[name])])
        assert len(entries) == 5, name
        failed = [e for e in entries if e.failed]
        assert [(e.source, e.error_type, e.error_message) for e in failed] == [
            ("in/broken.txt", "InputError", "empty")
        ], name
        ok = {e.source: e.summary for e in entries if not e.failed}
        assert ok["in/orsk.txt"] is not None
        assert ok["in/orsk.txt"].agreements[0].count == 2
    (one,) = read_results([str(paths["single"])])
    assert one.source == "in/orsk.txt" and one.summary and one.summary.language == "ru"
    assert (paths["folder"] / ".summarizer-manifest").is_file()  # read past, not a result
    # several paths at once, in order
    assert len(read_results([str(paths["jsonl"]), str(paths["single"])])) == 6


def _write_run(folder: Path, records: list[dict[str, Any]], texts: dict[str, str]) -> None:
    folder.mkdir()
    lines, articles = [], {}
    for i, record in enumerate(records):
        rid = f"a{i}"
        articles[rid] = record.get("language") or "ru"
        gold = {"id": rid, "source": f"articles/{rid}.txt", "expected": {}, "aliases": {}}
        gold |= {"key_facts": [], "notes": ""}
        if "error" in record:
            extraction = {"output": None, "error": "backend down", "error_type": "BackendError"}
        else:
            output = {k: v for k, v in record.items() if k != "source"}
            extraction = {"output": output, "error": None, "error_type": None}
        lines.append(
            {
                "id": rid,
                "language": articles[rid],
                "source": record["source"],
                "text": texts.get(record["source"]),
                "gold": gold,
                "extraction": extraction,
            }
        )
    (folder / "header.json").write_text(json.dumps({"articles": articles}), encoding="utf-8")
    (folder / "predictions.jsonl").write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )


def test_an_eval_run_folder_reads_with_its_texts_and_failures(tmp_path):
    records, texts = batch()
    _write_run(tmp_path / "run", records, texts)
    for path in (tmp_path / "run", tmp_path / "run" / "predictions.jsonl"):
        entries = read_results([str(path)])
        assert len(entries) == 5
        assert [e.error_type for e in entries if e.failed] == ["BackendError"]
        by_source = {e.source: e for e in entries}
        assert by_source["in/orsk.txt"].text == TEXT_A
        assert find_source_text(by_source["in/orsk.txt"]) == TEXT_A
        assert find_source_text(by_source["in/forum.txt"]) is None  # no text, no file
    # the harness's own checks apply: a duplicated id is refused
    with (tmp_path / "run" / "predictions.jsonl").open("a", encoding="utf-8") as f:
        f.write((tmp_path / "run" / "predictions.jsonl").read_text().splitlines()[0] + "\n")
    with pytest.raises(InputError, match="duplicate id"):
        read_results([str(tmp_path / "run")])


def test_service_records_render_with_failures_counted():
    records, _ = batch()
    service = [
        {
            "position": i,
            "name": r["source"],
            "output": {k: v for k, v in r.items() if k != "source"},
        }
        for i, r in enumerate(records[:4])
    ] + [{"position": 4, "name": "x.txt", "error": {"type": "BackendError", "detail": "down"}}]
    entries = entries_of(service)
    assert [e.source for e in entries] == [
        "in/orsk.txt",
        "in/hanoi.txt",
        "in/forum.txt",
        "in/undated.txt",
        "x.txt",
    ]
    assert entries[-1].failed and entries[-1].error_message == "down"
    html = render_digest(service)
    assert "Failed articles (1)" in html and "<b class=q-poor>1</b> failed" in html
    assert "<b>4</b> summarized" in html and "BackendError" in html


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"source": "a", "headline": "x"}\nnot json\n', "line 2: not valid JSON"),
        ("[1, 2]", "item 1: not a result"),
        ('{"unrelated": true}', "not a result (no summary fields"),
        ('{"headline": "x", "countries": ["XX"]}', "not a valid result (countries.0"),
        ('{"headline": ', "not valid JSON"),
    ],
)
def test_malformed_results_are_input_errors_naming_the_place(tmp_path, content, message):
    file = tmp_path / "bad.jsonl"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_results([str(file)])
    assert message in str(caught.value) and str(file) in str(caught.value)


def test_folders_without_results_and_missing_files_are_refused(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.1234abcd.html").write_text("<p>page</p>", encoding="utf-8")
    with pytest.raises(InputError, match="holds pages .* -f json -o FOLDER"):
        read_results([str(pages)])
    with pytest.raises(InputError, match="no such file"):
        read_results([str(tmp_path / "nope.jsonl")])
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="nothing to digest"):
        read_results([str(tmp_path / "empty.jsonl")])


def test_source_text_is_found_beside_the_results_unless_it_changed(tmp_path):
    records, texts = batch()
    (tmp_path / "in").mkdir()
    for source, text in texts.items():
        (tmp_path / source).write_text(text, encoding="utf-8")
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    by_source = {e.source: e for e in read_results([str(results)])}
    assert find_source_text(by_source["in/orsk.txt"]) == TEXT_A  # beside the results file
    assert find_source_text(by_source["in/undated.txt"]) is None  # no such file
    assert find_source_text(by_source["in/broken.txt"]) is None  # failed: no page
    (tmp_path / "in/hanoi.txt").write_text("Edited. " + TEXT_B, encoding="utf-8")
    assert find_source_text(by_source["in/hanoi.txt"]) is None  # offsets no longer fit
    stripped = as_entry({**records[3], "grounding": {"text": "the visible text"}})
    assert find_source_text(stripped) == "the visible text"  # HTML input: carried along


# ----------------------------------------------------------------------------------------
# The page, parsed
# ----------------------------------------------------------------------------------------


def test_the_page_counts_what_the_batch_holds():
    records, _ = batch()
    html = render_digest(records)
    page = Page(html)
    _assert_inert(page)
    assert page.ids("svg") == list(CHARTS)
    # the table: one row per summarized article; failures listed apart
    assert html.count("<tr data-search=") == 4 and "Failed articles (1)" in html
    assert "in/broken.txt" in html and "Articles (4)" in html
    # vocabulary labels from the schema's enums
    assert "agreement signing, training or exchange" in html and "memorandum ×2" in html
    # the network: TJ-RU in two articles (the thickest line), KZ with both once
    assert "Russian Federation – Tajikistan: 2 article(s)" in html
    network = html[html.index('<svg id="network"') :]
    network = network[: network.index("</svg>")]
    assert network.count("<line ") == 4  # TJ-RU, KZ-RU, KZ-TJ, VN-KR
    assert network.count("<circle ") == 6  # UZ too, named alone
    # timelines: March has 3 event-type counts (2 + 1), April 1; the undated one is noted
    assert "2026-03 · agreement signing: 1</title>" in html
    assert "2026-03 · conference or forum: 1</title>" in html
    assert "1 article(s) name no month" in html
    assert "2026-03 · memorandum: 2</title>" in html  # documents, not articles
    # names in most articles: Anna Quillon in two; figures by unit, doctors twice
    assert '<button type="button" data-filter="Anna Quillon">Anna Quillon</button>' in html
    assert "<tr><td>doctors</td><td class='num'>2</td><td class='num'>2</td>" in html
    assert "1,500,000 cost" in html
    # no article pages were given: no link
    assert "<a href" not in html


def test_quality_caveats_come_from_the_quality_file():
    records, _ = batch()
    quality = {
        "model": "invented-model",
        "pipeline": "default",
        "runs": [{"run_id": "r1", "dataset": "validation", "n_articles": 9}],
        "languages": {
            "ru": {
                "articles": 5,
                "datasets": {"validation": 5},
                "overall": 0.8,
                "summary_coverage": 0.5,
            },
            "vi": {
                "articles": 4,
                "datasets": {"validation": 4},
                "overall": 0.2,
                "summary_coverage": 0.1,
            },
        },
    }
    html = render_digest(records, quality=quality)
    assert "invented-model" in html and "on 9 gold articles of validation" in html
    assert "reads &#x27;vi&#x27; poorly" in html  # the library's own caveat sentence
    assert "has not been measured on &#x27;kk&#x27;" in html
    assert '<td class="q-poor">vi' in html and '<td class="q-none">kk' in html
    # and the shipped file by default
    shipped = render_digest(records)
    assert "Gold articles measured" in shipped and "measured" in shipped


def test_hostile_text_is_escaped_everywhere():
    html = render_digest(
        hostile_records(), article_links={0: "javascript:alert(1)_articles/1.html"}
    )
    page = Page(html)
    _assert_inert(page)
    assert "<script>document" not in html.replace(_SCRIPT, "")
    assert "&lt;img src=x onerror=" in html
    assert 'href="javascript%3Aalert%281%29_articles/1.html"' in html  # a file name, inert
    assert page.title == "Digest"


def test_write_digest_links_headlines_to_article_pages(tmp_path):
    records, texts = batch()
    (tmp_path / "in").mkdir()
    for source, text in texts.items():
        (tmp_path / source).write_text(text, encoding="utf-8")
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    stale = folder / "digest_articles"
    stale.mkdir()
    (stale / "9.html").write_text("old", encoding="utf-8")
    (stale / "notes.txt").write_text("mine", encoding="utf-8")
    counts = write_digest(read_results([str(results)]), folder / "digest.html")
    assert counts == {"articles": 5, "failed": 1, "pages": 2}
    html = (folder / "digest.html").read_text(encoding="utf-8")
    links = [a["href"] for t, a in Page(html).tags if t == "a"]
    assert links == ["digest_articles/1.html", "digest_articles/2.html"]
    assert "Farhod Saidov" in (stale / "1.html").read_text(encoding="utf-8")
    assert not (stale / "9.html").exists() and (stale / "notes.txt").exists()


# ----------------------------------------------------------------------------------------
# CSV tables
# ----------------------------------------------------------------------------------------


def test_safe_cell_defuses_formulas_but_not_numbers():
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("+1+cmd|' /C calc'!A0") == "'+1+cmd|' /C calc'!A0"
    assert safe_cell("-2+3") == "'-2+3" and safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\t=1") == "'\t=1"
    assert safe_cell(-5.0) == "-5" and safe_cell("-2.5e3") == "-2.5e3" and safe_cell(35.0) == "35"
    assert safe_cell("Anna = rector") == "Anna = rector" and safe_cell(None) == ""


def test_csv_tables_have_their_columns_and_one_row_per_item(tmp_path):
    records, _ = batch()
    records[1]["people"] = [{"name": "=cmd|' /C calc'!A0", "role": "@evil", "evidence": "-x"}]
    written = write_tables(entries_of(records), tmp_path / "csv")
    assert sorted(p.name for p in written) == sorted(f"{t}.csv" for t in COLUMNS)

    def read(name: str) -> list[dict[str, str]]:
        with open(tmp_path / "csv" / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            assert reader.fieldnames == COLUMNS[name]
            return list(reader)

    articles = read("articles")
    assert [a["status"] for a in articles] == ["ok"] * 4 + ["failed"]
    assert articles[4]["error_message"] == "empty" and articles[0]["countries"] == "TJ; RU"
    people = read("people")
    assert [(p["article"], p["name"]) for p in people] == [
        ("1", "Farhod Saidov"),
        ("1", "Anna Quillon"),
        ("2", "'=cmd|' /C calc'!A0"),
        ("3", "Anna Quillon"),
    ]
    assert people[2]["role"] == "'@evil" and people[2]["evidence"] == "'-x"
    agreements = read("agreements")
    assert agreements[0]["count"] == "2" and agreements[0]["kind"] == "memorandum"
    figures = read("figures")
    assert [f["value"] for f in figures] == ["35", "410", "12", "1500000"]
    assert read("places") == [
        {
            "article": "1",
            "source": "in/orsk.txt",
            "name": "Orsk",
            "country": "RU",
            "evidence": "",  # a result without place offsets (they are optional)
            "grounded": "",
            "match": "",
        }
    ]
    assert len(read("organizations")) == 3


# ----------------------------------------------------------------------------------------
# The command
# ----------------------------------------------------------------------------------------


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "summarizer", "digest", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_cli_writes_the_page_pages_and_tables_and_refuses_bad_input_in_one_line(tmp_path):
    records, texts = batch()
    (tmp_path / "in").mkdir()
    for source, text in texts.items():
        (tmp_path / source).write_text(text, encoding="utf-8")
    (tmp_path / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    ok = _cli("r.jsonl", "-o", "d.html", "--csv", "tables", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "5 article(s), 1 failed, 2 article page(s)" in ok.stderr and "6 CSV tables" in ok.stderr
    assert (tmp_path / "d_articles" / "2.html").is_file()
    assert (tmp_path / "tables" / "figures.csv").is_file()
    (tmp_path / "bad.jsonl").write_text('{"source": "a", "headline": "x"}\n{oops\n', "utf-8")
    for args in (["bad.jsonl"], ["missing.jsonl"], ["r.jsonl", "bad.jsonl"]):
        bad = _cli(*args, "-o", "x.html", cwd=tmp_path)
        assert bad.returncode == 1, (args, bad.stderr)
        lines = bad.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), bad.stderr
        assert "Traceback" not in bad.stderr
    assert not (tmp_path / "x.html").exists()  # nothing half-made


# ----------------------------------------------------------------------------------------
# In a real browser
# ----------------------------------------------------------------------------------------


def _write_batch(folder: Path, records: list[dict[str, Any]], texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for source, text in texts.items():
        (folder / source).parent.mkdir(parents=True, exist_ok=True)
        (folder / source).write_text(text, encoding="utf-8")
    results = folder / "results.jsonl"
    results.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    page = folder / "digest.html"
    write_digest(read_results([str(results)]), page)
    return page


def _check_page(browser, page: Path, rows: int) -> None:
    """Loaded with our script, no console problem, every chart drawn, links resolve."""
    assert browser.evaluate("document.documentElement.getAttribute('data-view')") == "ready"
    assert browser.evaluate("document.querySelectorAll('#articles tbody tr').length") == rows
    for chart in CHARTS:
        shapes, width, height = browser.evaluate(
            f"(function () {{ var s = document.getElementById('{chart}');"
            " var r = s.getBoundingClientRect();"
            " return [s.querySelectorAll('rect, line, circle').length, r.width, r.height]; })()"
        )
        assert shapes > 0 and width > 100 and height > 50, (chart, shapes, width, height)
    hrefs = browser.evaluate(
        "Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))"
    )
    for href in hrefs:
        from urllib.parse import unquote

        target = page.parent / unquote(href)
        assert target.is_file(), href
        assert "data-view" in target.read_text(encoding="utf-8")  # an article view page


def _column(browser, index: int) -> list[str]:
    return browser.evaluate(
        "Array.from(document.querySelectorAll('#articles tbody tr'))"
        f".filter(r => !r.hidden).map(r => r.cells[{index}].textContent)"
    )


@needs_chromium
def test_small_batch_in_chromium_sorts_filters_and_stays_inert(tmp_path):
    from tests.browser import Browser

    records, texts = batch()
    page = _write_batch(tmp_path / "site", records + hostile_records(), texts)
    assert CHROMIUM is not None
    with Browser(CHROMIUM, tmp_path / "profile", width=1280, height=900) as browser:
        browser.open(page)
        _check_page(browser, page, rows=5)
        links = browser.evaluate("document.querySelectorAll('a[href]').length")
        assert links == 2  # orsk and hanoi: the only sources at hand
        # sort by date: a click on the header, ascending then descending; empty last
        browser.click("#articles th:nth-child(2) button")
        assert _column(browser, 1) == ["2026-03", "2026-03-03", "2026-04-14", "2026-05-01", ""]
        browser.click("#articles th:nth-child(2) button")
        assert _column(browser, 1) == ["2026-05-01", "2026-04-14", "2026-03-03", "2026-03", ""]
        browser.click("#articles th:nth-child(1) button")
        assert _column(browser, 0) == ["1", "2", "3", "4", "6"]
        # filter: typed words match headlines and the hidden names of each article
        browser.type("#filter", "quillon")
        assert _column(browser, 0) == ["1", "3"]
        assert browser.evaluate("document.getElementById('shown').textContent") == "2"
        browser.type("#filter", "quillon forum")
        assert _column(browser, 0) == ["3"]
        # a click on a name in a list below filters by it
        browser.click('#orgs button[data-filter="Lotus Heart Clinic"]')
        assert _column(browser, 0) == ["2"]
        browser.screenshot(tmp_path / "small.png", full_page=True)
        # hostile text: no dialog, no handler ran, nothing injected
        assert browser.dialogs() == []
        assert browser.evaluate("document.title") == "Digest of 7 results"
        assert (
            browser.evaluate(
                "document.querySelectorAll('img, iframe, object, embed, script').length"
            )
            == 1
        )
        assert browser.problems() == []
    assert (tmp_path / "small.png").read_bytes().startswith(b"\x89PNG")


@needs_chromium
def test_two_hundred_articles_in_chromium_stay_responsive(tmp_path):
    from tests.browser import Browser

    records, texts = synthesize(200)
    sources = {r["source"]: t for r, t in zip(records, texts, strict=True) if t}
    page = _write_batch(tmp_path / "site", records, sources)
    ok = sum(1 for r in records if "error" not in r)
    assert CHROMIUM is not None
    with Browser(CHROMIUM, tmp_path / "profile", width=1280, height=900) as browser:
        browser.open(page)
        _check_page(browser, page, rows=ok)
        assert browser.evaluate("document.querySelectorAll('a[href]').length") == ok
        took = []
        for _ in range(2):  # "#" ascending (as shown), then descending
            took.append(
                browser.evaluate(
                    "(function () { var t = performance.now();"
                    " document.querySelector('#articles th:nth-child(1) button').click();"
                    " return performance.now() - t; })()"
                )
            )
        numbers = [int(n) for n in _column(browser, 0)]
        assert numbers == sorted(numbers, reverse=True) and len(numbers) == ok
        assert max(took) < 500, took
        browser.click("#articles th:nth-child(2) button")  # by date, a real click
        dates = _column(browser, 1)
        dated = [d for d in dates if d]
        assert dated == sorted(dated) and dates == dated + [""] * (len(dates) - len(dated))
        browser.type("#filter", "pharma")
        shown = int(browser.evaluate("document.getElementById('shown').textContent"))
        expected = sum(
            1
            for r in records
            if "error" not in r
            and (
                any("pharma" in o["name"].lower() for o in r["organizations"])
                or "pharma" in r["headline"].lower()
            )
        )
        assert 0 < shown == expected < ok
        browser.screenshot(tmp_path / "two-hundred.png")
        assert browser.problems() == [] and browser.dialogs() == []


@needs_chromium
def test_docs_screenshot_of_an_invented_batch(tmp_path):
    from tests.browser import Browser

    records, texts = synthesize(80, seed=7)
    sources = {r["source"]: t for r, t in zip(records, texts, strict=True) if t}
    page = _write_batch(tmp_path / "site", records, sources)
    png = tmp_path / "digest.png"
    assert CHROMIUM is not None
    with Browser(CHROMIUM, tmp_path / "profile", width=1280, height=820) as browser:
        browser.open(page)
        browser.click("#articles th:nth-child(2) button")  # by date
        browser.evaluate("window.scrollTo(0, 0)")
        data = browser.screenshot(png, full_page=True)
        assert browser.problems() == []
    assert data.startswith(b"\x89PNG") and len(data) > 100_000  # a page, not a blank
    if os.environ.get("SUMMARIZER_UPDATE_SCREENSHOTS"):
        target = REPO / "docs" / "images" / "digest.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, target)
