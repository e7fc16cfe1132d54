"""The command line: one-line errors for user mistakes, outputs in every format."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.fake_openai import FakeOpenAI, completion
from tests.test_transport import ARTICLE, DRAFT

OK = (200, completion(json.dumps(DRAFT)), {}, 0.0)


def run_cli(*args, stdin=None, env=None):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=120,
    )


def fake_env(fake):
    return {"OPENAI_BASE_URL": fake.base_url, "SUMMARIZER_MODEL": "fake", "OPENAI_API_KEY": "k"}


def test_missing_file_is_one_line_error(tmp_path):
    result = run_cli("summarize", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "no such file" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_non_utf8_stdin_is_one_line_error():
    result = run_cli("summarize", "-", stdin="Текст".encode("cp1251"))
    assert result.returncode == 2
    assert "not UTF-8" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_bad_format_and_endpoint_without_model(monkeypatch):
    result = run_cli("summarize", "-", "--format", "xml", stdin=b"x")
    assert result.returncode == 2 and "--format" in result.stderr.decode()
    env = {"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "SUMMARIZER_MODEL": ""}
    result = run_cli("summarize", "-", stdin=ARTICLE.encode(), env=env)
    assert result.returncode == 2 and "no model" in result.stderr.decode()


def test_stdin_json_output_against_an_endpoint():
    with FakeOpenAI([OK]) as fake:
        result = run_cli("summarize", "-", stdin=ARTICLE.encode(), env=fake_env(fake))
    assert result.returncode == 0, result.stderr.decode()
    doc = json.loads(result.stdout)
    assert doc["headline"] == DRAFT["headline"] and doc["language"] == "ru"
    assert doc["people"][0]["start"] == ARTICLE.index("Министр")


def test_folder_jsonl_and_md_with_one_bad_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("   ", encoding="utf-8")
    with FakeOpenAI([OK]) as fake:
        jsonl = run_cli("summarize", str(tmp_path), "--format", "jsonl", env=fake_env(fake))
        md = run_cli("summarize", str(tmp_path / "a.txt"), "--format", "md", env=fake_env(fake))
    lines = jsonl.stdout.decode().strip().splitlines()
    assert jsonl.returncode == 1  # one article failed, the other was still written
    records = {Path(json.loads(line)["source"]).name: json.loads(line) for line in lines}
    assert set(records) == {"a.txt", "b.txt"}
    assert records["a.txt"]["headline"] and "error" not in records["a.txt"]
    assert records["b.txt"]["error"]["type"] == "InputError"  # the failure is in the file too
    assert "b.txt" in jsonl.stderr.decode() and "empty" in jsonl.stderr.decode()
    assert md.returncode == 0 and md.stdout.decode().startswith("## Health minister")


def test_eval_score_on_a_missing_run_is_a_clear_error(tmp_path):
    result = run_cli("eval", "score", str(tmp_path))
    assert result.returncode == 2 and "not a run folder" in result.stderr.decode()
