"""The service under hostile or unlucky clients (issue 18): a poison article never stalls
the queue, nothing is read before authentication, every error is a problem document with
no internal detail, idempotent batch creation."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from typing import Any

import httpx2
import pytest

from summarizer.errors import ConfigurationError
from summarizer.service import ServiceConfig
from tests.fake_openai import FakeOpenAI, completion
from tests.service_helpers import (
    free_port,
    problem,
    raw_request,
    running_app,
    single_call_summarizer,
    sqlite_config,
    wait_until,
)
from tests.test_transport import ARTICLE, DRAFT

OK = (200, completion(json.dumps(DRAFT)), {}, 0.0)
BOOM = (500, {"error": {"message": "secret upstream stack trace"}}, {}, 0.0)
POISON = ARTICLE + " POISON"
TOKEN = "a-token-long-enough-1"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class PoisonedFake(FakeOpenAI):
    """Answers 500 to every request whose article carries the word POISON; the script
    otherwise. ``poisoned`` counts those requests."""

    def __init__(self, script: list[tuple[int, Any, dict[str, str], float]]) -> None:
        super().__init__(script)
        self.poisoned = 0
        fake, scripted = self, self.server.RequestHandlerClass

        class Handler(scripted):  # type: ignore[misc, valid-type]
            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("content-length", 0)))
                if b"POISON" not in raw:
                    self.rfile = io.BytesIO(raw)
                    super().do_POST()
                    return
                fake.poisoned += 1
                data = json.dumps(BOOM[1]).encode()
                self.send_response(500)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server.RequestHandlerClass = Handler


_summarizer = single_call_summarizer
_config = sqlite_config
_problem = problem


def _complete(url: str, seconds: float = 30, **kw: Any) -> dict:
    return wait_until(lambda: (s := httpx2.get(url, **kw).json())["complete"] and s, seconds)


def _leaks(text: str, fake: FakeOpenAI) -> list[str]:
    port = f":{fake.server.server_address[1]}"
    needles = [port, fake.base_url, "secret upstream", socket.gethostname(), f"-{os.getpid()}-"]
    return [n for n in needles if n in text]


# -- 1. a poison article never stalls the queue -----------------------------------------------


def test_a_poison_article_fails_after_its_attempts_while_the_rest_goes_on(tmp_path):
    config = _config(tmp_path, workers=1, max_attempts=3, retry_backoff_seconds=0.2)
    articles = [{"text": ARTICLE}, {"text": POISON, "name": "poison"}, {"text": ARTICLE}]
    with PoisonedFake([OK]) as fake, running_app(config, _summarizer(fake)) as base:
        first = httpx2.post(f"{base}/v1/batches", json={"articles": articles}).json()
        other = httpx2.post(f"{base}/v1/batches", json={"articles": [{"text": ARTICLE}]}).json()
        status = _complete(first["status_url"])
        assert _complete(other["status_url"])["counts"]["done"] == 1  # other batches go on
    assert status["counts"] == {"done": 2, "failed": 1, "cancelled": 0, "pending": 0, "running": 0}
    poison = status["articles"][1]
    assert poison["error_type"] == "BackendError" and poison["attempts"] == 3  # never reset
    assert poison["error"].startswith("gave up after 3 attempts: endpoint answered HTTP 500")
    assert fake.poisoned == 3
    assert not _leaks(json.dumps(status), fake)


def test_a_waiting_article_says_why_and_is_skipped_until_its_next_try(tmp_path):
    # the poison article comes first: claims by lowest id took it again and again
    config = _config(tmp_path, workers=1, retry_backoff_seconds=60)
    articles = [{"text": POISON}, {"text": ARTICLE}, {"text": ARTICLE}]
    with PoisonedFake([OK]) as fake, running_app(config, _summarizer(fake)) as base:
        created = httpx2.post(f"{base}/v1/batches", json={"articles": articles}).json()
        url = created["status_url"]
        status = wait_until(lambda: (s := httpx2.get(url).json())["counts"]["done"] == 2 and s, 20)
        time.sleep(1)
        assert fake.poisoned == 1  # not tried again before its next try
    waiting = status["articles"][0]
    assert waiting["status"] == "pending" and waiting["attempts"] == 1
    assert re.fullmatch(
        r"waiting: endpoint answered HTTP 500 since 20\S+, attempt 1 of 5, next try at 20\S+",
        waiting["waiting"],
    ), waiting["waiting"]
    assert "waiting" not in status["articles"][1]


def test_an_outage_of_the_whole_endpoint_fails_nothing(tmp_path):
    # every article fails alike: the endpoint's fault, so the article outlives its attempts
    config = _config(tmp_path, workers=1, max_attempts=2, retry_backoff_seconds=0.1)
    with FakeOpenAI([BOOM] * 4 + [OK]) as fake, running_app(config, _summarizer(fake)) as base:
        created = httpx2.post(f"{base}/v1/batches", json={"articles": [{"text": ARTICLE}]})
        status = _complete(created.json()["status_url"])
    assert status["counts"]["done"] == 1 and status["articles"][0]["attempts"] == 5


def test_attempts_and_backoff_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("SUMMARIZER_MAX_ATTEMPTS", "7")
    monkeypatch.setenv("SUMMARIZER_RETRY_BACKOFF_SECONDS", "2.5")
    config = ServiceConfig.from_env()
    assert config.max_attempts == 7 and config.retry_backoff_seconds == 2.5


# -- 2. one exception handler, no internal detail ---------------------------------------------


def test_an_unhandled_error_is_a_counted_problem(tmp_path):
    with FakeOpenAI([OK]) as fake:
        summarizer = _summarizer(fake)

        def explode(text: str) -> Any:
            raise RuntimeError(f"internal state at {fake.base_url}")

        summarizer.extract = explode  # type: ignore[method-assign]
        with running_app(_config(tmp_path), summarizer) as base:
            response = httpx2.post(f"{base}/v1/summaries", json={"text": ARTICLE}, timeout=30)
            assert response.status_code == 500
            body = _problem(response)
            assert body["type"] == "/problems/internal" and not _leaks(response.text, fake)
            metrics = httpx2.get(f"{base}/metrics").text
    assert 'route="/v1/summaries",status="500"} 1.0' in metrics


@pytest.mark.parametrize("bad", ["\\ud800", "\\u0000", "\\udfff tail"])
def test_text_with_a_lone_surrogate_or_nul_is_refused_before_the_store(tmp_path, bad):
    with (
        FakeOpenAI([OK]) as fake,
        running_app(_config(tmp_path, workers=1), _summarizer(fake)) as base,
    ):
        text = f'"{ARTICLE} {bad}"'
        sync = httpx2.post(
            f"{base}/v1/summaries",
            content=f'{{"text": {text}}}'.encode(),
            headers={"content-type": "application/json"},
            timeout=30,
        )
        assert sync.status_code == 422 and _problem(sync)["type"] == "/problems/invalid-request"
        batch = httpx2.post(
            f"{base}/v1/batches",
            content=f'{{"articles": [{{"text": "{ARTICLE}"}}, {{"text": {text}}}]}}'.encode(),
            headers={"content-type": "application/json"},
        )
        assert batch.status_code == 422 and _problem(batch)["errors"][0]["loc"][-1] == "text"
        named = httpx2.post(
            f"{base}/v1/batches",
            content=f'{{"articles": [{{"text": "{ARTICLE}", "name": {text}}}]}}'.encode(),
            headers={"content-type": "application/json"},
        )
        assert named.status_code == 422
        nul_id = httpx2.get(f"{base}/v1/batches/%00")
        assert nul_id.status_code == 404 and _problem(nul_id)
        assert httpx2.get(f"{base}/metrics").text.count("summarizer_batch_queue_depth 0.0") == 1
    assert fake.requests == []


def test_no_internal_url_upstream_body_hostname_or_pid_reaches_a_client(tmp_path):
    config = _config(tmp_path, workers=1, max_attempts=1, retry_backoff_seconds=0.1)
    with PoisonedFake([OK]) as fake, running_app(config, _summarizer(fake)) as base:
        failed = httpx2.post(f"{base}/v1/summaries", json={"text": POISON}, timeout=30)
        assert failed.status_code == 502 and _problem(failed)["error_type"] == "BackendError"
        assert "HTTP 500" in failed.json()["detail"]
        assert not _leaks(failed.text, fake), failed.text
        created = httpx2.post(
            f"{base}/v1/batches",
            json={"articles": [{"text": ARTICLE}, {"text": POISON}, {"text": ARTICLE}]},
            headers={"Host": "evil.example"},
        )
        assert "evil.example" not in created.text and "evil.example" not in str(created.headers)
        status = _complete(created.json()["status_url"])
        assert status["counts"]["failed"] == 1
        results = httpx2.get(created.json()["results_url"]).text
        capabilities = httpx2.get(f"{base}/v1/capabilities").text
    for text in (json.dumps(status), results, capabilities):
        assert not _leaks(text, fake), text


def test_status_url_comes_from_configuration_not_the_host_header(tmp_path):
    relative = _config(tmp_path, host="0.0.0.0", tokens=frozenset({TOKEN}), workers=0)
    with FakeOpenAI([OK]) as fake, running_app(relative, _summarizer(fake)) as base:
        created = httpx2.post(
            f"{base}/v1/batches",
            json={"articles": [{"text": ARTICLE}]},
            headers={**AUTH, "Host": "evil.example"},
        )
    batch_id = created.json()["id"]
    assert created.json()["status_url"] == f"/v1/batches/{batch_id}"
    assert created.json()["results_url"] == f"/v1/batches/{batch_id}/results"
    (tmp_path / "p").mkdir()
    public = _config(tmp_path / "p", public_url="https://summ.example.org/", workers=0)
    with FakeOpenAI([OK]) as fake, running_app(public, _summarizer(fake)) as base:
        created = httpx2.post(
            f"{base}/v1/batches", json={"articles": [{"text": ARTICLE}]}, headers={"Host": "x.y"}
        )
    assert created.json()["status_url"].startswith("https://summ.example.org/v1/batches/")


def test_a_405_names_the_allowed_methods(tmp_path):
    with FakeOpenAI([OK]) as fake, running_app(_config(tmp_path), _summarizer(fake)) as base:
        response = httpx2.delete(f"{base}/v1/summaries")
    assert response.status_code == 405 and response.headers["allow"] == "POST"
    _problem(response)


# -- 3. authentication before any body is read ------------------------------------------------


def test_a_request_without_a_valid_token_is_refused_before_its_body_is_read(tmp_path):
    config = _config(tmp_path, tokens=frozenset({TOKEN}))
    with FakeOpenAI([OK]) as fake, running_app(config, _summarizer(fake)) as base:
        head = (
            "POST /v1/batches HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Authorization: Bearer wrong-token-guess-123\r\nContent-Length: 1000000\r\n"
        )
        # the body never comes: the answer must not wait for it
        answer = raw_request(base, head, b'{"articles": [', wait=5)
        assert answer.startswith(b"HTTP/1.1 401"), answer
        assert b"application/problem+json" in answer
        # no token at all, and a body streamed without end
        chunked = "POST /v1/summaries HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        answer = raw_request(base, chunked, b'5\r\n{"tex\r\n', wait=5)
        assert answer.startswith(b"HTTP/1.1 401"), answer


def test_a_body_that_stops_coming_is_timed_out(tmp_path):
    config = _config(tmp_path, tokens=frozenset({TOKEN}), body_timeout_seconds=0.5)
    with FakeOpenAI([OK]) as fake, running_app(config, _summarizer(fake)) as base:
        head = (
            f"POST /v1/summaries HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n"
            "Content-Type: application/json\r\nContent-Length: 1000\r\n"
        )
        started = time.monotonic()
        answer = raw_request(base, head, b'{"text": "', wait=5)
        assert answer.startswith(b"HTTP/1.1 408"), answer
        assert time.monotonic() - started < 3


def test_short_tokens_are_refused_at_startup_with_one_line(monkeypatch, tmp_path):
    monkeypatch.setenv("SUMMARIZER_API_TOKENS", f"{TOKEN},short")
    with pytest.raises(ConfigurationError, match="at least 16 characters"):
        ServiceConfig.from_env()
    env = {
        **os.environ,
        "SUMMARIZER_API_TOKENS": "abc",
        "SUMMARIZER_DB_URL": f"sqlite:///{tmp_path / 'jobs.db'}",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "serve", "--port", str(free_port())],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = err.decode().strip()
    assert proc.returncode == 2 and "at least 16 characters" in text
    assert "Traceback" not in text and len(text.splitlines()) == 1 and "abc" not in text


# -- 4. idempotent batch creation -------------------------------------------------------------


def test_the_same_idempotency_key_and_body_give_the_same_batch(tmp_path):
    config = _config(tmp_path, tokens=frozenset({TOKEN, TOKEN + "-other"}), workers=0)
    body = {"articles": [{"text": ARTICLE, "name": "a"}]}
    key = {**AUTH, "Idempotency-Key": "order-42"}
    with FakeOpenAI([OK]) as fake, running_app(config, _summarizer(fake)) as base:
        first = httpx2.post(f"{base}/v1/batches", json=body, headers=key)
        assert first.status_code == 202
        assert first.headers["location"] == first.json()["status_url"]
        again = httpx2.post(f"{base}/v1/batches", json=body, headers=key)
        assert again.status_code == 200 and again.json() == first.json()
        assert again.headers["location"] == first.headers["location"]
        other_body = {"articles": [{"text": ARTICLE, "name": "b"}]}
        conflict = httpx2.post(f"{base}/v1/batches", json=other_body, headers=key)
        assert conflict.status_code == 409
        assert _problem(conflict)["type"] == "/problems/idempotency-key-reused"
        other_owner = {"Authorization": f"Bearer {TOKEN}-other", "Idempotency-Key": "order-42"}
        theirs = httpx2.post(f"{base}/v1/batches", json=body, headers=other_owner)
        assert theirs.status_code == 202 and theirs.json()["id"] != first.json()["id"]
        fresh = httpx2.post(f"{base}/v1/batches", json=body, headers=AUTH)  # no key: new batch
        assert fresh.status_code == 202 and fresh.json()["id"] != first.json()["id"]
        bad_key = httpx2.post(
            f"{base}/v1/batches", json=body, headers={**AUTH, "Idempotency-Key": "x" * 201}
        )
        assert bad_key.status_code == 400 and _problem(bad_key)


def test_concurrent_requests_with_one_idempotency_key_make_one_batch(tmp_path):
    body = {"articles": [{"text": ARTICLE}]}
    headers = {"Idempotency-Key": "same-for-all"}
    with (
        FakeOpenAI([OK]) as fake,
        running_app(_config(tmp_path, workers=0), _summarizer(fake)) as base,
    ):
        answers: list[httpx2.Response] = []

        def send() -> None:
            answers.append(httpx2.post(f"{base}/v1/batches", json=body, headers=headers))

        threads = [threading.Thread(target=send) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(a.status_code for a in answers) == [200] * 7 + [202]
    assert len({a.json()["id"] for a in answers}) == 1


def test_a_broken_job_store_answers_problems_and_metrics_still_answer(tmp_path):
    import sqlite3

    with (
        FakeOpenAI([OK]) as fake,
        running_app(_config(tmp_path, workers=0), _summarizer(fake)) as base,
    ):
        created = httpx2.post(f"{base}/v1/batches", json={"articles": [{"text": ARTICLE}]})
        with sqlite3.connect(tmp_path / "jobs.db") as db:
            db.execute("DROP TABLE batch_items")
        status = httpx2.get(created.json()["status_url"])
        assert (
            status.status_code == 503
            and _problem(status)["type"] == "/problems/job-store-unavailable"
        )
        assert "batch_items" not in status.text  # no SQL or schema detail either
        metrics = httpx2.get(f"{base}/metrics")
    assert metrics.status_code == 200
    assert "summarizer_batch_queue_depth NaN" in metrics.text
    assert 'route="/v1/batches/{batch_id}",status="503"} 1.0' in metrics.text


def test_a_store_made_by_the_previous_version_gains_the_new_columns(tmp_path):
    import sqlite3

    from summarizer.service.jobs import JobStore

    with sqlite3.connect(tmp_path / "old.db") as db:
        db.execute(
            "CREATE TABLE batch_items (id INTEGER PRIMARY KEY, batch_id VARCHAR(36) NOT NULL, "
            "position INTEGER NOT NULL, name VARCHAR(500) NOT NULL, text TEXT NOT NULL, "
            "status VARCHAR(10) NOT NULL, claimed_by VARCHAR(64), lease_until FLOAT, "
            "attempts INTEGER NOT NULL, result TEXT, error TEXT, error_type VARCHAR(40), "
            "finished FLOAT)"
        )
        db.execute(
            "INSERT INTO batch_items (batch_id, position, name, text, status, attempts) "
            "VALUES ('b', 0, 'n', 'old text', 'pending', 0)"
        )
    store = JobStore(f"sqlite:///{tmp_path / 'old.db'}")
    claim = store.claim("w", 60)
    assert claim is not None and claim.text == "old text"
    assert store.release(claim, "endpoint timed out", 0.0)
    with sqlite3.connect(tmp_path / "old.db") as db:
        waiting = db.execute("SELECT waiting FROM batch_items").fetchone()[0]
    assert waiting.startswith("waiting: endpoint timed out since ")
