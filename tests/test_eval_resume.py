"""Eval runs survive a kill: resume runs only what is missing; cut-off lines and non-UTF-8
datasets give one line, not a traceback."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from summarizer.errors import InputError
from summarizer.evals.dataset import load_dataset, resolve_dataset
from summarizer.evals.runner import read_run, score_run
from tests.fake_openai import FakeOpenAI, completion
from tests.test_cli import fake_env, run_cli
from tests.test_transport import DRAFT

OK = (200, completion(json.dumps(DRAFT)), {}, 0.0)
HANG = (200, completion(json.dumps(DRAFT)), {}, 120.0)


def _eval(tmp_path, fake, *extra):
    env = {**os.environ, **fake_env(fake), "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "summarizer", "eval", "run", "--runs-dir", str(tmp_path)]
    if "--pipeline" not in extra:  # one request per article: the counts below rely on it
        extra = ("--pipeline", "single_call", *extra)
    return cmd + ["--no-cache", *extra], env


def test_kill_9_mid_run_then_resume_loses_and_repeats_nothing(tmp_path):
    with FakeOpenAI([OK, OK, HANG]) as fake:
        cmd, env = _eval(tmp_path, fake)
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while len(fake.requests) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(fake.requests) == 3  # two finished, the third hangs
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
    (run_dir,) = [p for p in tmp_path.iterdir() if p.name.endswith("_single_call")]
    _, before = read_run(run_dir)
    assert len(before) == 2
    with FakeOpenAI([OK]) as fake:
        cmd, env = _eval(tmp_path, fake, "--resume", str(run_dir))
        result = subprocess.run(cmd, env=env, capture_output=True, timeout=120)
        assert result.returncode == 0, result.stderr.decode()
        assert len(fake.requests) == 3  # only the three missing articles
    _, after = read_run(run_dir)
    ids = [r["id"] for r in after]
    assert len(ids) == 5 and len(set(ids)) == 5
    assert after[:2] == before
    scores = json.loads((run_dir / "scores.json").read_text())
    assert scores["aggregate"]["n_failed"] == 0


def test_resume_refuses_a_different_setup(tmp_path):
    with FakeOpenAI([OK]) as fake:
        cmd, env = _eval(tmp_path, fake)
        assert subprocess.run(cmd, env=env, capture_output=True, timeout=120).returncode == 0
        (run_dir,) = [p for p in tmp_path.iterdir() if p.name.endswith("_single_call")]
        cmd, env = _eval(tmp_path, fake, "--resume", str(run_dir), "--pipeline", "baseline")
        result = subprocess.run(cmd, env=env, capture_output=True, timeout=120)
    assert result.returncode == 2 and "cannot resume" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_score_tolerates_a_cut_off_last_line_and_reports_it(tmp_path):
    with FakeOpenAI([OK]) as fake:
        cmd, env = _eval(tmp_path, fake)
        assert subprocess.run(cmd, env=env, capture_output=True, timeout=120).returncode == 0
    (run_dir,) = [p for p in tmp_path.iterdir() if p.name.endswith("_single_call")]
    predictions = run_dir / "predictions.jsonl"
    raw = predictions.read_bytes()
    predictions.write_bytes(raw[: len(raw) - 200])  # the last record half written
    scores = score_run(run_dir)
    assert scores["aggregate"]["n_failed"] == 1 and len(scores["aggregate"]["missing_ids"]) == 1
    assert scores["aggregate"]["cut_off_line_bytes"] > 0
    result = run_cli("eval", "score", str(run_dir))
    out = result.stdout.decode()
    assert result.returncode == 0 and "cut off" in out and "Traceback" not in out
    lines = raw.split(b"\n")
    lines[1] = b"{broken"
    predictions.write_bytes(b"\n".join(lines))
    with pytest.raises(InputError, match="line 2"):
        read_run(run_dir)


def test_a_non_utf8_dataset_file_is_one_line(tmp_path):
    data = tmp_path / "set"
    shutil.copytree(resolve_dataset("seeds"), data)
    article = sorted((data / "articles").iterdir())[0]
    article.write_bytes(article.read_text(encoding="utf-8").encode("cp1251", errors="replace"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_dataset(data)
    result = run_cli("eval", "run", "--dataset", str(data), "--runs-dir", str(tmp_path))
    err = result.stderr.decode()
    assert result.returncode == 2 and "not UTF-8" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
