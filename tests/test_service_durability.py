"""Batches survive a killed server, and two replicas share one PostgreSQL job store."""

from __future__ import annotations

import glob
import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

import httpx2
import pytest

from tests.fake_openai import FakeOpenAI, completion
from tests.service_helpers import (
    check_listing_and_cancelling,
    free_port,
    serve_process,
    wait_until,
)
from tests.test_transport import ARTICLE, DRAFT

OK = (200, completion(json.dumps(DRAFT)), {}, 0.0)
HANG = (200, completion(json.dumps(DRAFT)), {}, 60.0)


def _env(fake: FakeOpenAI, db_url: str, **extra: str) -> dict[str, str]:
    return {
        "OPENAI_BASE_URL": fake.base_url,
        "SUMMARIZER_MODEL": "fake",
        "OPENAI_API_KEY": "k",
        "SUMMARIZER_DB_URL": db_url,
        "SUMMARIZER_LEASE_SECONDS": "2",
        **extra,
    }


def _status(base: str, batch_id: str) -> dict:
    return httpx2.get(f"{base}/v1/batches/{batch_id}", timeout=10).json()


def test_a_killed_server_restarts_and_finishes_its_batch_with_nothing_lost_or_doubled(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'jobs.db'}"
    articles = [{"text": ARTICLE, "name": f"n{i}"} for i in range(5)]
    with FakeOpenAI([OK, OK, HANG]) as fake:
        with serve_process(_env(fake, db_url), "--workers", "1") as (base, proc):
            created = httpx2.post(f"{base}/v1/batches", json={"articles": articles}).json()
            wait_until(lambda: len(fake.requests) >= 3, 30)  # two done, the third hangs
            assert _status(base, created["id"])["counts"]["done"] == 2
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        first_requests = len(fake.requests)
    with FakeOpenAI([OK]) as fake:
        with serve_process(_env(fake, db_url), "--workers", "1") as (base, _):
            status = wait_until(lambda: (s := _status(base, created["id"]))["complete"] and s, 60)
            lines = (
                httpx2.get(
                    created["results_url"].replace(created["results_url"].split("/v1/")[0], base)
                )
                .text.strip()
                .splitlines()
            )
        second_requests = len(fake.requests)
    assert status["counts"]["done"] == 5 and status["counts"]["failed"] == 0
    assert [json.loads(line)["position"] for line in lines] == [0, 1, 2, 3, 4]
    assert first_requests == 3 and second_requests == 3  # the hung one redone, once
    attempts = {a["position"]: a["attempts"] for a in status["articles"]}
    assert attempts == {0: 1, 1: 1, 2: 2, 3: 1, 4: 1}


def _postgres_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return str(Path(found[-1]).parent) if found else None


@pytest.fixture
def postgres(tmp_path):
    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip("PostgreSQL not installed (apt-get install postgresql)")
    as_user = [] if os.getuid() != 0 else ["runuser", "-u", "postgres", "--"]
    data = Path(f"/tmp/pg-test-{os.getpid()}")
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir()
    if os.getuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    port = free_port()
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True)  # noqa: E731
    run(f"{bindir}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres")
    run(
        f"{bindir}/pg_ctl", "-D", str(data), "-w", "-l", str(data / "log"),
        "-o", f"-p {port} -k {data} -h 127.0.0.1", "start",
    )  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, f"{bindir}/pg_ctl", "-D", str(data), "-m", "fast", "stop"])
        shutil.rmtree(data, ignore_errors=True)


def test_two_replicas_share_one_postgres_store_and_split_the_work(postgres, tmp_path):
    slow = (200, completion(json.dumps(DRAFT)), {}, 0.3)
    articles = [{"text": ARTICLE, "name": f"n{i}"} for i in range(16)]
    with FakeOpenAI([slow]) as fake:
        env = _env(fake, postgres)
        with (
            serve_process(env, "--workers", "2") as (a, _),
            serve_process(env, "--workers", "2") as (b, _),
        ):
            created = httpx2.post(f"{a}/v1/batches", json={"articles": articles}).json()
            status = wait_until(lambda: (s := _status(b, created["id"]))["complete"] and s, 90)
            replica_a = httpx2.get(f"{a}/v1/capabilities").json()["replica"]
            replica_b = httpx2.get(f"{b}/v1/capabilities").json()["replica"]
    assert status["counts"]["done"] == 16
    assert len(fake.requests) == 16  # each article summarized exactly once
    replicas = {a["worker"].rsplit("/", 1)[0] for a in status["articles"]}
    assert replicas == {replica_a, replica_b}


def test_listing_and_cancelling_work_on_postgres(postgres):
    from summarizer.service.jobs import JobStore

    check_listing_and_cancelling(JobStore(postgres))


def test_tokens_and_keys_never_reach_the_logs(tmp_path):
    log = tmp_path / "serve.log"
    with FakeOpenAI([OK]) as fake:
        env = _env(
            fake,
            f"sqlite:///{tmp_path / 'jobs.db'}",
            SUMMARIZER_API_TOKENS="tok-never-logged",
            OPENAI_API_KEY="sk-never-logged",
        )
        with serve_process(env, "--verbose", log_path=str(log)) as (base, _):
            auth = {"Authorization": "Bearer tok-never-logged"}
            ok = httpx2.post(f"{base}/v1/summaries", json={"text": ARTICLE}, headers=auth)
            denied = httpx2.get(
                f"{base}/v1/capabilities", headers={"Authorization": "Bearer tok-wrong-guess"}
            )
    assert ok.status_code == 200 and denied.status_code == 401
    text = log.read_text()
    assert "POST /v1/summaries" in text  # the access log is on...
    assert "tok-never-logged" not in text and "sk-never-logged" not in text  # ...keys are not
    assert "tok-wrong-guess" not in text
