"""A new user's first hour: results land where they were sent (also under a real terminal),
stderr stays readable and free of secrets, no input is lost in silence, and the command
says its version and choices."""

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.inputs import folder_files
from summarizer.logs import redact
from summarizer.terminal import printable
from tests.fake_openai import FakeOpenAI, completion
from tests.test_cli import OK, fake_env, run_cli
from tests.test_transport import ARTICLE, DRAFT

SETPRIV = shutil.which("setpriv")


def _articles(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"a{i}.txt").write_text(ARTICLE, encoding="utf-8")


def test_redirected_stdout_under_a_real_terminal_keeps_every_result(tmp_path):
    """stdin and stderr are a pseudo-terminal (the progress bar is live), stdout a file:
    every result must be in the file, none on the screen."""
    _articles(tmp_path / "in", 2)
    for fmt in ("jsonl", "md"):
        out = tmp_path / f"out.{fmt}"
        primary, secondary = pty.openpty()
        with FakeOpenAI([OK]) as fake, open(out, "wb") as sink:
            proc = subprocess.run(
                [sys.executable, "-m", "summarizer", "summarize", str(tmp_path / "in"), "-f", fmt],
                stdin=secondary,
                stdout=sink,
                stderr=secondary,
                env={**os.environ, **fake_env(fake), "TERM": "xterm", "COLUMNS": "100"},
                timeout=120,
            )
        os.close(secondary)
        screen = b""
        try:
            while chunk := os.read(primary, 65536):
                screen += chunk
        except OSError:
            pass
        os.close(primary)
        text = out.read_text(encoding="utf-8")
        assert proc.returncode == 0, screen.decode(errors="replace")
        if fmt == "jsonl":
            assert len(text.strip().splitlines()) == 2
            assert all(json.loads(line)["headline"] for line in text.strip().splitlines())
        else:
            assert text.count("## ") == 2
        assert DRAFT["headline"].encode() not in screen  # results never went to the screen
        assert b"2/2" in screen  # while the progress bar was shown there


def test_model_retries_do_not_flood_stderr_and_v_shows_them_without_credentials(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bad = (200, completion('{"nothing": "valid"}'), {}, 0.0)  # every answer fails validation
    with FakeOpenAI([bad]) as fake:
        env = fake_env(fake)
        quiet = run_cli("summarize", str(tmp_path / "a.txt"), env=env)
        secret_url = fake.base_url.replace("http://", "http://alice:s3cr3t-pw@")
        loud = run_cli(
            "summarize",
            str(tmp_path / "a.txt"),
            "-v",
            env={**env, "OPENAI_BASE_URL": secret_url, "OPENAI_API_KEY": "sk-live-abcdef123"},
        )
    err = quiet.stderr.decode()
    assert "instructor" not in err and "Traceback" not in err
    assert "validation error" not in err.lower() or len(err.splitlines()) <= 2
    assert len(err.strip().splitlines()) <= 2  # at most one line about the article
    verbose = loud.stderr.decode()
    assert "HTTP Request" in verbose or "INFO" in verbose  # -v does show library logs
    assert "s3cr3t-pw" not in verbose and "alice" not in verbose
    assert "sk-live-abcdef123" not in verbose


def test_redact_covers_urls_headers_bearer_tokens_and_the_key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-invented-0000")
    line = (
        "POST https://bob:pw@example.invalid/v1 Authorization: Bearer tok.en-1 "
        "{'api-key': 'zzz'} key=sk-invented-0000"
    )
    clean = redact(line)
    for secret in ("bob", ":pw@", "tok.en-1", "zzz", "sk-invented-0000"):
        assert secret not in clean
    assert "https://***@example.invalid/v1" in clean


def test_a_broken_link_a_device_and_a_hostile_name_are_named_not_dropped(tmp_path):
    _articles(tmp_path / "in", 1)
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    hostile = tmp_path / "in" / "evil\x1b]0;pwned\x07\x1b[2J.txt"
    hostile.write_bytes(b"\xff\xfe not utf-8")
    with FakeOpenAI([OK]) as fake:
        result = run_cli("summarize", str(tmp_path / "in"), "-f", "jsonl", env=fake_env(fake))
        zero = run_cli("summarize", "/dev/zero", env=fake_env(fake))
    err = result.stderr.decode()
    assert result.returncode == 1
    assert "gone.txt" in err and "broken symbolic link" in err
    assert "\x1b" not in err and "\x07" not in err  # escape sequences shown, not sent
    assert "\\x1b]0;pwned" in err
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert sum("error" in r for r in records) == 2 and sum("headline" in r for r in records) == 1
    zerr = zero.stderr.decode()
    assert zero.returncode == 2 and "not a regular file" in zerr and "Traceback" not in zerr


def test_printable_escapes_controls_and_keeps_text():
    assert printable("Алматы\tнов\x1b[31m") == "Алматы\tнов\\x1b[31m"
    assert printable("a\u202eb") == "a\\u202eb"  # a bidi override cannot reorder the line


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    _articles(tmp_path / "in" / "ok", 1)
    (tmp_path / "in" / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = folder_files(tmp_path / "in")
    assert [f.name for f in files] == ["a0.txt"]
    assert len(problems) == 1 and "locked" in str(problems[0])


def _as_nobody(tmp_path):
    os.chmod(tmp_path, 0o755)
    for parent in tmp_path.parents:
        if parent == Path("/"):
            break
        os.chmod(parent, os.stat(parent).st_mode | 0o005)
    return [SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.mark.skipif(os.geteuid() != 0 or not SETPRIV, reason="needs root to drop to nobody")
def test_unreadable_subfolder_and_read_only_output_as_an_ordinary_user(tmp_path):
    prefix = _as_nobody(tmp_path)
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import summarizer"], capture_output=True, timeout=60
    )
    if probe.returncode != 0:  # the checkout or venv is not readable by other users here
        pytest.skip("the nobody user cannot run this checkout's Python")
    _articles(tmp_path / "in" / "ok", 1)
    locked = tmp_path / "in" / "locked"
    _articles(locked, 1)
    os.chmod(tmp_path / "in", 0o755)
    os.chmod(tmp_path / "in" / "ok", 0o755)
    os.chmod(locked, 0o000)
    readonly = tmp_path / "readonly"
    readonly.mkdir(mode=0o555)
    os.chmod(readonly, 0o555)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env["HOME"] = str(tmp_path)
    with FakeOpenAI([OK]) as fake:
        env.update(fake_env(fake))
        cmd = [*prefix, sys.executable, "-m", "summarizer", "summarize"]
        walked = subprocess.run(
            [*cmd, str(tmp_path / "in"), "-f", "jsonl"],
            capture_output=True,
            env=env,
            timeout=120,
            cwd=tmp_path,
        )
        asked = len(fake.requests)
        refused = subprocess.run(
            [*cmd, str(tmp_path / "in" / "ok"), "--output", str(readonly)],
            capture_output=True,
            env=env,
            timeout=120,
            cwd=tmp_path,
        )
        assert len(fake.requests) == asked  # no model call before the folder was checked
    os.chmod(locked, 0o755)
    err = walked.stderr.decode()
    assert walked.returncode == 1 and "locked" in err and "cannot be read" in err, err
    assert refused.returncode == 2 and "cannot write" in refused.stderr.decode()


def test_output_folder_redoes_an_article_whose_text_or_settings_changed(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    args = ("summarize", str(article), "--output", str(out), "--pipeline", "single_call")
    with FakeOpenAI([OK]) as fake:
        run_cli(*args, env=fake_env(fake))
        assert len(fake.requests) == 1
        again = run_cli(*args, env=fake_env(fake))
        assert len(fake.requests) == 1 and "skipping 1" in again.stderr.decode()
        article.write_text(ARTICLE + "\nОдно новое предложение.", encoding="utf-8")
        run_cli(*args, env=fake_env(fake))
        assert len(fake.requests) == 2  # the text changed: asked again
        run_cli(*args, "--keep-ungrounded", env=fake_env(fake))
        assert len(fake.requests) == 3  # a setting changed: asked again
    assert len(list(out.glob("*.json"))) == 1  # one file per input, replaced in place


def test_version_choices_and_plain_help():
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("summarizer ")
    bad = run_cli("summarize", "-", "--pipeline", "fastest", stdin=b"x")
    err = bad.stderr.decode()
    assert bad.returncode == 2 and "single_call" in err and "Traceback" not in err
    helptext = run_cli("summarize", "--help").stdout.decode()
    assert "json|jsonl|md" in helptext and "default|single_call|baseline" in helptext
    assert "[service]" in run_cli("serve", "--help").stdout.decode()


def test_a_cached_table_is_built_once_reused_and_rebuilt_when_its_inputs_change(
    tmp_path, monkeypatch
):
    from summarizer.stages.disk_cache import cached_table

    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    built = []

    def build():
        built.append(1)
        return {"table": len(built)}

    assert cached_table("demo", ("v1",), build) == {"table": 1}
    assert cached_table("demo", ("v1",), build) == {"table": 1} and len(built) == 1
    assert cached_table("demo", ("v2",), build) == {"table": 2}  # inputs changed: rebuilt
    assert len(list((tmp_path / "tables").glob("demo-*.pickle"))) == 1  # the stale one gone
