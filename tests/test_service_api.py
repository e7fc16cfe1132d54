"""The service under real clients (issue 18, the rest): listing batches by cursor,
cancelling, result pages, a bounded shutdown, slow-header clients and a connection
limit, a true OpenAPI document and a client generated from it."""

from __future__ import annotations

import importlib
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import replace
from typing import Any

import httpx2
import pytest

from tests.fake_openai import FakeOpenAI, completion
from tests.service_helpers import (
    check_listing_and_cancelling,
    problem,
    rss_mib,
    running_app,
    serve_process,
    single_call_summarizer,
    sqlite_config,
    wait_until,
)
from tests.test_transport import ARTICLE, DRAFT

OK = (200, completion(json.dumps(DRAFT)), {}, 0.0)
SLOW = (200, completion(json.dumps(DRAFT)), {}, 1.0)
HANG = (200, completion(json.dumps(DRAFT)), {}, 60.0)
TOKEN = "a-token-long-enough-1"
OTHER = "another-token-long-enough"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _batch(base: str, n: int = 1, headers: dict[str, str] | None = None) -> dict:
    articles = [{"text": ARTICLE, "name": f"n{i}"} for i in range(n)]
    created = httpx2.post(f"{base}/v1/batches", json={"articles": articles}, headers=headers)
    assert created.status_code == 202, created.text
    return created.json()


def _complete(url: str, headers: dict[str, str] | None = None) -> dict:
    return wait_until(lambda: (s := httpx2.get(url, headers=headers).json())["complete"] and s, 30)


# -- 1. listing, newest first, by cursor ------------------------------------------------------


def test_the_store_lists_by_cursor_and_never_claims_a_cancelled_batch_sqlite(tmp_path):
    from summarizer.service.jobs import JobStore

    check_listing_and_cancelling(JobStore(f"sqlite:///{tmp_path / 'jobs.db'}"))


def test_a_caller_lists_its_own_batches_newest_first_a_page_at_a_time(tmp_path):
    config = sqlite_config(tmp_path, tokens=frozenset({TOKEN, OTHER}), workers=0)
    with FakeOpenAI([OK]) as fake, running_app(config, single_call_summarizer(fake)) as base:
        mine = [_batch(base, n=1 + i % 2, headers=AUTH)["id"] for i in range(5)]
        theirs = _batch(base, headers={"Authorization": f"Bearer {OTHER}"})["id"]
        seen, url, pages = [], f"{base}/v1/batches?limit=2", 0
        while url:
            page = httpx2.get(url, headers=AUTH)
            assert page.status_code == 200, page.text
            body = page.json()
            seen += [b["id"] for b in body["batches"]]
            pages += 1
            if body["next"]:
                assert page.headers["link"] == f'<{body["next"]}>; rel="next"'
                assert body["next_cursor"] and body["next_cursor"] in body["next"]
            else:
                assert "link" not in page.headers and body["next_cursor"] is None
            url = body["next"]
        assert seen == mine[::-1] and pages == 3 and theirs not in seen
        first = httpx2.get(f"{base}/v1/batches", headers=AUTH).json()["batches"][0]
        assert first["n_articles"] == 1 and first["status"] == "in_progress"
        assert first["counts"]["pending"] == 1 and first["status_url"].endswith(mine[-1])
        for bad in ("limit=0", "limit=101", "limit=many"):
            answer = httpx2.get(f"{base}/v1/batches?{bad}", headers=AUTH)
            assert (
                answer.status_code == 422 and problem(answer)["type"] == "/problems/invalid-request"
            )
        for cursor in ("not-a-cursor", "W10", "WzEsICJ4Il0"):  # junk, [], [1, "x"]
            answer = httpx2.get(f"{base}/v1/batches?cursor={cursor}", headers=AUTH)
            assert (
                answer.status_code == 400 and problem(answer)["type"] == "/problems/invalid-cursor"
            )


# -- 2. cancelling ----------------------------------------------------------------------------


def test_cancelling_stops_queued_articles_keeps_finished_ones_and_is_idempotent(tmp_path):
    config = sqlite_config(tmp_path, tokens=frozenset({TOKEN, OTHER}), workers=1)
    with FakeOpenAI([SLOW]) as fake, running_app(config, single_call_summarizer(fake)) as base:
        created = _batch(base, n=4, headers=AUTH)
        url = created["status_url"]
        wait_until(lambda: len(fake.requests) == 1, 20)  # the first article is in progress
        cancelled = httpx2.delete(url, headers=AUTH)
        assert cancelled.status_code == 200, cancelled.text
        body = cancelled.json()
        assert body["status"] == "cancelled" and body["cancelled"] is not None
        assert body["counts"]["cancelled"] == 3 and body["counts"]["pending"] == 0
        assert [a["status"] for a in body["articles"]][1:] == ["cancelled"] * 3
        final = _complete(url, AUTH)  # the article in progress finishes
        assert final["counts"] == {
            "done": 1,
            "failed": 0,
            "cancelled": 3,
            "pending": 0,
            "running": 0,
        }
        assert final["status"] == "cancelled"
        time.sleep(1.5)  # the worker polls: nothing else of this batch is claimed
        assert len(fake.requests) == 1
        lines = httpx2.get(created["results_url"], headers=AUTH).text.splitlines()
        assert [json.loads(line)["position"] for line in lines] == [0]
        again = httpx2.delete(url, headers=AUTH)
        assert again.status_code == 200 and again.json()["counts"] == final["counts"]
        assert again.json()["cancelled"] == body["cancelled"]
        other = httpx2.delete(url, headers={"Authorization": f"Bearer {OTHER}"})
        assert other.status_code == 404 and problem(other)["type"] == "/problems/not-found"
        unknown = httpx2.delete(
            f"{base}/v1/batches/{'0' * 8}-0000-0000-0000-{'0' * 12}", headers=AUTH
        )
        assert unknown.status_code == 404 and problem(unknown)["title"] == "No such batch"
        later = _batch(base, headers=AUTH)  # other batches go on
        assert _complete(later["status_url"], AUTH)["counts"]["done"] == 1


# -- 3. result pages --------------------------------------------------------------------------


def test_results_come_in_pages_of_positions(tmp_path):
    config = sqlite_config(tmp_path, workers=2)
    with FakeOpenAI([OK]) as fake, running_app(config, single_call_summarizer(fake)) as base:
        created = _batch(base, n=5)
        _complete(created["status_url"])
        results = created["results_url"]

        def positions(answer: Any) -> list[int]:
            assert answer.headers["content-type"].startswith("application/x-ndjson")
            return [json.loads(line)["position"] for line in answer.text.splitlines()]

        assert positions(httpx2.get(results)) == [0, 1, 2, 3, 4]
        page = httpx2.get(f"{results}?offset=1&limit=2")
        assert positions(page) == [1, 2]
        assert page.headers["link"] == f'<{results}?offset=3&limit=2>; rel="next"'
        last = httpx2.get(f"{results}?offset=4&limit=2")
        assert positions(last) == [4] and "link" not in last.headers
        assert positions(httpx2.get(f"{results}?offset=9")) == []
        for bad in ("limit=0", "limit=1001", "offset=-1", "offset=abc"):
            answer = httpx2.get(f"{results}?{bad}")
            assert answer.status_code == 422, bad
            assert problem(answer)["errors"][0]["loc"][0] == "query"


# -- 4. a bounded shutdown --------------------------------------------------------------------


def test_sigterm_ends_the_server_within_the_bound_while_the_model_hangs(tmp_path):
    bound = 3.0
    with FakeOpenAI([HANG]) as fake:
        env = {
            "OPENAI_BASE_URL": fake.base_url,
            "SUMMARIZER_MODEL": "fake",
            "OPENAI_API_KEY": "k",
            "SUMMARIZER_DB_URL": f"sqlite:///{tmp_path / 'jobs.db'}",
            "SUMMARIZER_SHUTDOWN_TIMEOUT_SECONDS": str(bound),
        }
        with serve_process(env, "--workers", "1") as (base, proc):
            _batch(base)  # the worker's article hangs too
            answers: list[httpx2.Response] = []
            client = threading.Thread(
                target=lambda: answers.append(
                    httpx2.post(f"{base}/v1/summaries", json={"text": ARTICLE}, timeout=120)
                )
            )
            client.start()
            wait_until(lambda: len(fake.requests) >= 2, 30)  # both wait for the model
            started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            proc.wait(bound + 10)
            took = time.monotonic() - started
            client.join(10)
    assert took < bound + 2.0, took
    assert len(answers) == 1 and answers[0].status_code == 503
    assert problem(answers[0])["type"] == "/problems/shutting-down"


# -- 5. slow-header clients and the connection limit -------------------------------------------


def test_slow_header_clients_are_dropped_and_connections_are_bounded(tmp_path):
    limit, clients = 40, 60
    with FakeOpenAI([OK]) as fake:
        env = {
            "OPENAI_BASE_URL": fake.base_url,
            "SUMMARIZER_MODEL": "fake",
            "OPENAI_API_KEY": "k",
            "SUMMARIZER_DB_URL": f"sqlite:///{tmp_path / 'jobs.db'}",
            "SUMMARIZER_API_TOKENS": TOKEN,
            "SUMMARIZER_HEADER_TIMEOUT_SECONDS": "2",
            "SUMMARIZER_MAX_CONNECTIONS": str(limit),
        }
        with serve_process(env, "--workers", "0") as (base, proc):
            host, port = base.removeprefix("http://").split(":")
            before = rss_mib(proc.pid)
            sockets = []
            started = time.monotonic()
            for _ in range(clients):
                sock = socket.create_connection((host, int(port)), timeout=5)
                sock.sendall(b"POST /v1/summaries HTTP/1.1\r\nHost: x\r\n")
                sockets.append(sock)
            during = rss_mib(proc.pid)
            busy = httpx2.get(f"{base}/v1/capabilities", headers=AUTH, timeout=5)
            # every client keeps sending a header byte now and then, past the timeout
            while time.monotonic() - started < 3:
                time.sleep(0.3)
                for sock in sockets:
                    try:
                        sock.sendall(b"X")
                    except OSError:
                        pass
            answers = [_answer(sock) for sock in sockets]
            dropped = time.monotonic() - started
            after = rss_mib(proc.pid)
            fine = httpx2.get(f"{base}/v1/capabilities", headers=AUTH, timeout=5)
    statuses = [a.split(b" ", 2)[1] if a else b"none" for a in answers]
    assert statuses.count(b"503") == clients - limit, statuses  # over the limit at once
    assert statuses.count(b"408") == limit, statuses  # the rest once their time is up
    assert all(b"application/problem+json" in a for a in answers)
    assert busy.status_code == 503 and problem(busy)["type"] == "/problems/too-many-connections"
    assert fine.status_code == 200 and dropped < 5
    assert during - before < 20 and after - before < 20, (before, during, after)


def _answer(sock: socket.socket) -> bytes:
    """What the server sent before closing ``sock`` (b"" when it sent nothing in 5 s)."""
    sock.settimeout(5)
    data = b""
    try:
        while chunk := sock.recv(4096):
            data += chunk
    except OSError:
        pass
    sock.close()
    return data


# -- 6. the OpenAPI document and /docs --------------------------------------------------------


def test_the_openapi_document_describes_auth_problems_and_json_lines(tmp_path):
    config = sqlite_config(tmp_path, tokens=frozenset({TOKEN}), workers=0)
    with FakeOpenAI([OK]) as fake, running_app(config, single_call_summarizer(fake)) as base:
        doc = httpx2.get(f"{base}/openapi.json").json()
        page = httpx2.get(f"{base}/docs")
        redoc = httpx2.get(f"{base}/redoc")
    schemes = doc["components"]["securitySchemes"]
    (name,) = [n for n, s in schemes.items() if s == {**s, "type": "http", "scheme": "bearer"}]
    problem_schema = doc["components"]["schemas"]["Problem"]
    assert {"type", "title", "status"} <= set(problem_schema["required"])
    assert "HTTPValidationError" not in json.dumps(doc)
    operations = [(p, m, op) for p, ops in doc["paths"].items() for m, op in ops.items()]
    assert {("/v1/batches", "get"), ("/v1/batches/{batch_id}", "delete")} <= {
        (p, m) for p, m, _ in operations
    }
    for path, method, op in operations:
        protected = path.startswith("/v1") or path == "/metrics"
        assert (op.get("security") == [{name: []}]) == protected, (method, path)
        if protected:
            assert "401" in op["responses"], (method, path)
        for status, response in op["responses"].items():
            if status[0] in "45":
                assert response["content"] == {
                    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
                }, (method, path, status)
    results = doc["paths"]["/v1/batches/{batch_id}/results"]["get"]["responses"]["200"]
    assert list(results["content"]) == ["application/x-ndjson"]
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "/v1/batches/{batch_id}/results" in page.text and "openapi.json" in page.text
    assert not re.search(r"https?://", page.text), re.findall(r"https?://\S+", page.text)
    assert redoc.status_code == 404  # FastAPI's ReDoc page loads a CDN script: not served


# -- 7. a client generated from the document --------------------------------------------------


def test_a_client_generated_from_the_openapi_document_drives_the_service(tmp_path):
    pytest.importorskip(
        "openapi_python_client", reason="the generator is in the dev extra: pip install -e .[dev]"
    )
    config = sqlite_config(tmp_path, tokens=frozenset({TOKEN}), workers=1)
    with FakeOpenAI([OK]) as fake, running_app(config, single_call_summarizer(fake)) as base:
        (tmp_path / "openapi.json").write_text(httpx2.get(f"{base}/openapi.json").text)
        (tmp_path / "generator.yaml").write_text("post_hooks: []\n")
        generated = subprocess.run(
            [
                sys.executable, "-m", "openapi_python_client", "generate",
                "--path", str(tmp_path / "openapi.json"),
                "--config", str(tmp_path / "generator.yaml"),
                "--meta", "none", "--output-path", str(tmp_path / "summarizer_client"),
            ],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert generated.returncode == 0, generated.stdout + generated.stderr
        sys.path.insert(0, str(tmp_path))
        try:
            _drive_generated_client(base)
        finally:
            sys.path.remove(str(tmp_path))
            for module in [m for m in sys.modules if m.startswith("summarizer_client")]:
                del sys.modules[module]


def _drive_generated_client(base: str) -> None:
    client_module = importlib.import_module("summarizer_client")
    api = importlib.import_module("summarizer_client.api.batches")
    models = importlib.import_module("summarizer_client.models")
    parts = {n: importlib.import_module(f"{api.__name__}.{n}") for n in _OPERATIONS}
    client = client_module.AuthenticatedClient(base_url=base, token=TOKEN)
    anonymous = client_module.Client(base_url=base)
    body = models.BatchIn(articles=[models.ArticleIn(text=ARTICLE, name="a")])
    created = parts["create_batch"].sync(client=client, body=body)
    assert isinstance(created, models.BatchCreated), created
    status = wait_until(
        lambda: (s := parts["get_batch"].sync(created.id, client=client)).complete and s, 30
    )
    assert isinstance(status, models.BatchStatus) and status.counts.done == 1
    results = parts["get_results"].sync_detailed(created.id, client=client, offset=0, limit=10)
    line = json.loads(results.content.decode().splitlines()[0])
    assert line["output"]["headline"] == DRAFT["headline"]
    page = parts["list_batches"].sync(client=client, limit=10)
    assert isinstance(page, models.BatchPage) and [b.id for b in page.batches] == [created.id]
    queued = parts["create_batch"].sync(client=client, body=body)
    cancelled = parts["cancel_batch"].sync(queued.id, client=client)
    assert isinstance(cancelled, models.BatchStatus)
    assert cancelled.status.value == "cancelled"
    denied = parts["list_batches"].sync(client=anonymous)
    assert isinstance(denied, models.Problem) and denied.status == 401


_OPERATIONS = ("create_batch", "get_batch", "get_results", "list_batches", "cancel_batch")


# -- 8. a signed webhook when a batch finishes ------------------------------------------------


class _Receiver:
    """A webhook receiver on 127.0.0.1 that answers the scripted statuses in order (the
    last repeats) and keeps every request's headers and body."""

    def __init__(self, statuses: list[int]) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.got: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                receiver.got.append((dict(self.headers), body))
                self.send_response(statuses[min(len(receiver.got), len(statuses)) - 1])
                self.send_header("content-length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_finished_batch_is_posted_signed_and_retried(tmp_path):
    import hashlib
    import hmac

    from pydantic import SecretStr

    secret = "webhook-secret-for-the-test"
    receiver = _Receiver([500, 200])
    config = sqlite_config(
        tmp_path, workers=1, webhook_url=receiver.url, webhook_secret=SecretStr(secret)
    )
    try:
        with FakeOpenAI([OK]) as fake, running_app(config, single_call_summarizer(fake)) as base:
            created = _batch(base, n=2)
            wait_until(lambda: len(receiver.got) == 2, 30)  # refused once, then delivered
            time.sleep(1)
            assert len(receiver.got) == 2  # delivered once, sent by one worker
        (tmp_path / "idle").mkdir()
        idle = replace(config, db_url=f"sqlite:///{tmp_path / 'idle' / 'jobs.db'}", workers=0)
        with FakeOpenAI([OK]) as fake, running_app(idle, single_call_summarizer(fake)) as base:
            queued = _batch(base, n=1)
            httpx2.delete(queued["status_url"])  # a cancelled batch finishes too
            wait_until(lambda: len(receiver.got) == 3, 30)
    finally:
        receiver.close()
    (headers, body), (again, same), (_, cancelled) = receiver.got
    assert body == same and again == headers
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Summarizer-Signature"] == expected
    event = json.loads(body)
    assert event["event"] == "batch.finished" and event["batch"]["id"] == created["id"]
    assert event["batch"]["status"] == "complete" and event["batch"]["counts"]["done"] == 2
    assert json.loads(cancelled)["batch"]["status"] == "cancelled"
    assert secret not in body.decode()


def test_a_webhook_needs_its_secret():
    from summarizer.errors import ConfigurationError
    from summarizer.service import ServiceConfig

    with pytest.raises(ConfigurationError, match="SUMMARIZER_WEBHOOK_SECRET"):
        ServiceConfig(webhook_url="http://127.0.0.1:9/hook")
