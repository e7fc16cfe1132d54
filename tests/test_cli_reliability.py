"""The command line keeps finished work and never reads foreign text as markup."""

import json
import os
import signal
import subprocess
import sys
import time

from tests.fake_openai import FakeOpenAI, completion
from tests.test_cli import fake_env, run_cli
from tests.test_transport import ARTICLE, DRAFT

MARKUP = "[/red] [bold]x[/bold] [link=http://evil]y[/link] [local]"


def test_markup_in_model_text_file_names_and_server_errors_is_printed_verbatim(tmp_path):
    summary = f"{DRAFT['summary']} The text {MARKUP} is data."  # a whole sentence
    draft = dict(DRAFT, headline=f"Minister {MARKUP}", summary=summary)
    ok = (200, completion(json.dumps(draft)), {}, 0.0)
    good = tmp_path / "a [bold]b[red].txt"
    good.write_text(ARTICLE, encoding="utf-8")
    with FakeOpenAI([ok]) as fake:
        result = run_cli("summarize", str(good), "--format", "md", env=fake_env(fake))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "Traceback" not in result.stderr.decode()
    assert "\\[/red\\]" in out and "\\[local\\]" in out  # escaped as Markdown, not eaten
    boom = (400, {"error": {"message": f"broken {MARKUP}"}}, {}, 0.0)  # not retried
    with FakeOpenAI([boom]) as fake:
        env = {**fake_env(fake), "OPENAI_BASE_URL": fake.base_url}
        result = run_cli("summarize", str(good), env=env)
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err
    assert "[/red]" in err and "[local]" in err  # the server's message, verbatim
    assert "a [bold]b[red].txt" in err  # so is the file name
    assert "127.0.0.1" in err  # the endpoint is named


def test_unreadable_files_are_one_line_each_and_the_rest_is_written(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "cp1251.txt").write_bytes("Текст статьи".encode("cp1251"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    ok = (200, completion(json.dumps(DRAFT)), {}, 0.0)
    with FakeOpenAI([ok]) as fake:
        result = run_cli(
            "summarize",
            str(tmp_path),
            str(tmp_path / "missing.txt"),
            "--format",
            "jsonl",
            env=fake_env(fake),
        )
    err = result.stderr.decode().strip().splitlines()
    assert result.returncode == 1
    assert len(err) == 3 and "Traceback" not in result.stderr.decode()
    assert any("cp1251.txt" in line and "UTF-8" in line for line in err)
    assert any("binary.txt" in line for line in err)
    assert any("missing.txt" in line and "no such file" in line for line in err)
    records = [json.loads(line) for line in result.stdout.decode().strip().splitlines()]
    assert [r["source"].rsplit("/", 1)[1] for r in records if "error" not in r] == ["good.txt"]
    failed = sorted(r["source"].rsplit("/", 1)[1] for r in records if "error" in r)
    assert failed == ["binary.txt", "cp1251.txt", "missing.txt"]  # in the file, not only on screen


def test_output_folder_writes_each_article_and_a_rerun_skips_finished_ones(tmp_path):
    src = tmp_path / "in"
    for folder in ("a", "b"):
        (src / folder).mkdir(parents=True)
        (src / folder / "same-name.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "a" / "other.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    ok = (200, completion(json.dumps(DRAFT)), {}, 0.0)
    with FakeOpenAI([ok]) as fake:
        # single_call: one request per article, which the counts below rely on
        first = run_cli(
            "summarize",
            str(src),
            "--output",
            str(out),
            "--pipeline",
            "single_call",
            env=fake_env(fake),
        )
        assert len(fake.requests) == 3
        files = sorted(out.glob("*.json"))
        assert len(files) == 3  # two inputs with one name still get a file each
        (out / next(p.name for p in files if p.name.startswith("other."))).unlink()
        only_b = str(src / "b" / "same-name.txt")
        second = run_cli(
            "summarize",
            only_b,
            "--output",
            str(out),
            "--pipeline",
            "single_call",
            env=fake_env(fake),
        )
        assert len(fake.requests) == 3  # b's own result is found: nothing asked again
        third = run_cli(
            "summarize",
            str(src),
            "--output",
            str(out),
            "--pipeline",
            "single_call",
            env=fake_env(fake),
        )
        assert len(fake.requests) == 4  # only the deleted one was asked again
    assert first.returncode == second.returncode == third.returncode == 0
    assert "skipping 1" in second.stderr.decode() and "skipping 2" in third.stderr.decode()
    docs = [json.loads(p.read_text()) for p in sorted(out.glob("*.json"))]
    assert sorted(d["source"].split("/in/")[1] for d in docs) == [
        "a/other.txt",
        "a/same-name.txt",
        "b/same-name.txt",
    ]
    assert not list(out.glob("*.partial"))


def test_an_output_folder_that_is_a_file_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "taken").write_text("x")
    result = run_cli("summarize", str(tmp_path / "a.txt"), "--output", str(tmp_path / "taken"))
    err = result.stderr.decode()
    assert result.returncode == 2 and "cannot write" in err and "Traceback" not in err


def test_sigterm_keeps_the_finished_articles(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    ok = (200, completion(json.dumps(DRAFT)), {}, 0.0)
    hang = (200, completion(json.dumps(DRAFT)), {}, 60.0)
    with FakeOpenAI([ok, hang]) as fake:
        env = {**os.environ, **fake_env(fake), "SUMMARIZER_CONCURRENCY": "1"}
        proc = subprocess.Popen(
            [sys.executable, "-m", "summarizer", "summarize", str(tmp_path), "-f", "jsonl"]
            + ["--pipeline", "single_call"],  # one request per article
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        deadline = time.monotonic() + 60
        while len(fake.requests) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(fake.requests) == 2  # the first finished, the second hangs
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130
    lines = stdout.decode().strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"].endswith("a.txt")
    assert "interrupted" in stderr.decode() and "1 of 3" in stderr.decode()


def test_error_messages_keep_their_brackets(capsys):
    import pytest
    import typer

    from summarizer.cli import fail

    with pytest.raises(typer.Exit):
        fail("install it: pip install 'summarizer[local]'; detail [type=missing] [/red]")
    assert "'summarizer[local]'; detail [type=missing] [/red]" in capsys.readouterr().err


def test_input_problems_are_reported_before_configuration_problems(tmp_path):
    env = {"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "SUMMARIZER_MODEL": ""}
    result = run_cli("summarize", str(tmp_path / "nope.txt"), env=env)
    err = result.stderr.decode()
    assert result.returncode == 2 and "no such file" in err and "no model" not in err


def test_markdown_outputs_escape_model_text():
    from summarizer.evals.report_md import render_markdown
    from summarizer.render import to_markdown
    from summarizer.schemas.article import ArticleSummary

    hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:y) |"
    summary = ArticleSummary(headline=f"H {hostile}", summary=f"S {hostile}")
    page = to_markdown(summary, title=hostile)
    assert "<script>" not in page and "<img" not in page and "[x](javascript" not in page
    assert "&lt;script&gt;" in page
    header = {"run_id": hostile, "model": hostile}
    scores = {
        "aggregate": {
            "n_articles": 1,
            "n_failed": 0,
            "overall": 0.5,
            "fields": {},
            "per_language": {},
            "extras": {},
        },
        "articles": [],
    }
    record = {"id": hostile, "language": "ru", "extraction": {"output": {"headline": hostile}}}
    report = render_markdown(header, [record], scores)
    assert "<script>" not in report and "<img" not in report and "&lt;img" in report


def test_markdown_writes_large_figures_and_unnamed_agreements_as_a_reader_would():
    """A figure of billions is no "7.25e+09"; an agreement with no parties or subject is
    listed by its kind, not as " — memorandum"."""
    from summarizer.render import to_markdown
    from summarizer.schemas.article import Agreement, ArticleSummary, Figure

    summary = ArticleSummary(
        headline="H",
        summary="S",
        figures=[Figure(value=7.25e9, unit="USD", description="amount", evidence="7,25 tỷ USD")],
        agreements=[Agreement(kind="memorandum", evidence="подписали меморандум")],
    )
    page = to_markdown(summary)
    assert "7,250,000,000 USD: amount" in page
    assert "e+09" not in page
    assert "- memorandum: “подписали меморандум”" in page
