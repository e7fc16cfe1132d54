"""The HTTP service with a real HTTP client against a fake model server."""

from __future__ import annotations

import json
import threading

import httpx2
import pytest

from summarizer.errors import ConfigurationError
from summarizer.service import ServiceConfig
from tests.fake_openai import FakeOpenAI, completion
from tests.service_helpers import (
    problem,
    running_app,
    single_call_summarizer,
    sqlite_config,
    wait_until,
)
from tests.test_cli import run_cli
from tests.test_transport import ARTICLE, DRAFT

OK = (200, completion(json.dumps(DRAFT)), {}, 0.0)


_summarizer = single_call_summarizer
_config = sqlite_config
_problem = problem


def test_every_meta_endpoint_and_one_summary(tmp_path):
    with FakeOpenAI([OK]) as fake, running_app(_config(tmp_path), _summarizer(fake)) as base:
        assert httpx2.get(f"{base}/healthz").json() == {"status": "ok"}
        wait_until(lambda: httpx2.get(f"{base}/readyz").status_code == 200, 10)
        response = httpx2.post(f"{base}/v1/summaries", json={"text": ARTICLE}, timeout=30)
        assert response.status_code == 200, response.text
        summary = response.json()
        assert summary["headline"] == DRAFT["headline"] and summary["language"] == "ru"
        assert ARTICLE[summary["people"][0]["start"] :].startswith("Министр")
        schema = httpx2.get(f"{base}/v1/schema").json()
        assert "summary" in schema["properties"]
        capabilities = httpx2.get(f"{base}/v1/capabilities").json()
        assert capabilities["model"] == "fake" and "languages" in capabilities["measured_quality"]
        assert capabilities["limits"]["max_batch_articles"] == 1000
        metrics = httpx2.get(f"{base}/metrics").text
        assert (
            'summarizer_http_requests_total{method="POST",route="/v1/summaries",status="200"} 1.0'
            in metrics
        )
        assert 'summarizer_model_tokens_total{kind="completion"} 7.0' in metrics
        assert "summarizer_batch_queue_depth 0.0" in metrics
        paths = httpx2.get(f"{base}/openapi.json").json()["paths"]
        assert {"/v1/summaries", "/v1/batches", "/v1/batches/{batch_id}/results"} <= set(paths)


def test_errors_are_problem_details(tmp_path):
    boom = (500, {"error": {"message": "model crashed"}}, {}, 0.0)
    config = _config(tmp_path, max_request_bytes=5000, max_batch_articles=2)
    with FakeOpenAI([boom]) as fake, running_app(config, _summarizer(fake)) as base:
        empty = httpx2.post(f"{base}/v1/summaries", json={"text": "   "})
        assert empty.status_code == 422 and _problem(empty)["type"] == "/problems/invalid-article"
        broken = httpx2.post(f"{base}/v1/summaries", content=b"{not json", timeout=10)
        assert broken.status_code == 422 and _problem(broken)["type"] == "/problems/invalid-request"
        failed = httpx2.post(f"{base}/v1/summaries", json={"text": ARTICLE}, timeout=30)
        body = _problem(failed)
        assert failed.status_code == 502 and body["error_type"] == "BackendError"
        assert (
            "model crashed" not in body["detail"] and "HTTP 500" in body["detail"]
        )  # no upstream body
        big = httpx2.post(f"{base}/v1/summaries", json={"text": "x" * 6000})
        assert big.status_code == 413 and _problem(big)["type"] == "/problems/too-large"
        chunks = (b'{"text": "' + b"x" * 1000 if i == 0 else b"x" * 1000 for i in range(6))
        streamed = httpx2.post(f"{base}/v1/summaries", content=chunks)  # no Content-Length
        assert streamed.status_code == 413 and _problem(streamed)["type"] == "/problems/too-large"
        small = (part for part in (b'{"text": ', b'"   "}'))  # chunked and small: still read
        assert httpx2.post(f"{base}/v1/summaries", content=small).status_code == 422
        many = httpx2.post(f"{base}/v1/batches", json={"articles": [{"text": "a"}] * 3})
        assert many.status_code == 413 and "at most 2" in _problem(many)["detail"]
        missing = httpx2.get(f"{base}/v1/batches/no-such-batch")
        assert missing.status_code == 404 and _problem(missing)["title"] == "No such batch"


def test_bearer_tokens_guard_every_v1_route_and_batches_are_private(tmp_path):
    config = _config(tmp_path, tokens=frozenset({"token-one", "token-two"}), workers=1)
    one = {"Authorization": "Bearer token-one"}
    two = {"Authorization": "Bearer token-two"}
    with FakeOpenAI([OK]) as fake, running_app(config, _summarizer(fake)) as base:
        anonymous = httpx2.post(f"{base}/v1/summaries", json={"text": ARTICLE})
        assert anonymous.status_code == 401 and "Bearer" in anonymous.headers["www-authenticate"]
        for path, methods in httpx2.get(f"{base}/openapi.json").json()["paths"].items():
            if path.startswith("/v1"):
                for method in methods:
                    url = base + path.replace("{batch_id}", "some-id")
                    response = httpx2.request(method.upper(), url, json={"text": "x"})
                    assert response.status_code == 401, (method, path)
        wrong = httpx2.get(f"{base}/v1/capabilities", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and _problem(wrong)["type"] == "/problems/unauthorized"
        assert httpx2.get(f"{base}/metrics").status_code == 401
        assert httpx2.get(f"{base}/healthz").status_code == 200  # probes stay open
        created = httpx2.post(
            f"{base}/v1/batches", json={"articles": [{"text": ARTICLE}]}, headers=one
        )
        assert created.status_code == 202
        batch_id = created.json()["id"]
        assert httpx2.get(f"{base}/v1/batches/{batch_id}", headers=one).status_code == 200
        assert httpx2.get(f"{base}/v1/batches/{batch_id}", headers=two).status_code == 404
        results = f"{base}/v1/batches/{batch_id}/results"
        assert httpx2.get(results, headers=two).status_code == 404


def test_binding_beyond_loopback_needs_tokens(tmp_path):
    with pytest.raises(ConfigurationError, match="SUMMARIZER_API_TOKENS"):
        ServiceConfig(host="0.0.0.0")
    result = run_cli("serve", "--host", "0.0.0.0", env={"SUMMARIZER_API_TOKENS": ""})
    err = result.stderr.decode()
    assert result.returncode == 2 and "SUMMARIZER_API_TOKENS" in err and "Traceback" not in err


def test_per_token_concurrency_limit(tmp_path):
    slow = (200, completion(json.dumps(DRAFT)), {}, 1.5)
    config = _config(tmp_path, tokens=frozenset({"a", "b"}), token_concurrency=1)
    with FakeOpenAI([slow]) as fake, running_app(config, _summarizer(fake)) as base:
        statuses: list[int] = []

        def call(token: str) -> None:
            response = httpx2.post(
                f"{base}/v1/summaries",
                json={"text": ARTICLE},
                headers={"Authorization": f"Bearer {token}"},
                timeout=30,
            )
            statuses.append(response.status_code)
            if response.status_code == 429:
                assert response.headers["retry-after"] == "1"

        threads = [threading.Thread(target=call, args=(t,)) for t in ("a", "a", "b")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(statuses) == [200, 200, 429]


def test_a_batch_runs_to_completion_and_streams_results_in_order(tmp_path):
    config = _config(tmp_path, workers=2)
    with FakeOpenAI([OK]) as fake, running_app(config, _summarizer(fake)) as base:
        articles = [{"text": ARTICLE, "name": "a"}, {"text": "  "}, {"text": ARTICLE}]
        created = httpx2.post(f"{base}/v1/batches", json={"articles": articles})
        assert created.status_code == 202
        status_url = created.json()["status_url"]
        status = wait_until(lambda: (s := httpx2.get(status_url).json())["complete"] and s, 30)
        expected = {"done": 2, "failed": 1, "cancelled": 0, "pending": 0, "running": 0}
        assert status["counts"] == expected
        lines = httpx2.get(created.json()["results_url"]).text.strip().splitlines()
        results = [json.loads(line) for line in lines]
        assert [r["position"] for r in results] == [0, 1, 2]
        assert results[0]["name"] == "a" and results[0]["output"]["headline"] == DRAFT["headline"]
        assert results[1]["error"]["type"] == "InputError"
        assert len(fake.requests) == 2


def test_an_endpoint_outage_delays_batch_articles_but_a_bad_request_fails_them(
    tmp_path, monkeypatch
):
    from summarizer.service import worker

    monkeypatch.setattr(worker, "UNAVAILABLE_BACKOFF", 0.2)
    down = (503, {"error": {"message": "overloaded"}}, {}, 0.0)
    with FakeOpenAI([down, down, OK]) as fake:
        with running_app(_config(tmp_path, workers=1), _summarizer(fake)) as base:
            created = httpx2.post(f"{base}/v1/batches", json={"articles": [{"text": ARTICLE}]})
            url = created.json()["status_url"]
            status = wait_until(lambda: (s := httpx2.get(url).json())["complete"] and s, 30)
    assert (
        status["counts"]["done"] == 1 and status["articles"][0]["attempts"] == 3
    )  # counted, never reset
    bad = (400, {"error": {"message": "context length exceeded"}}, {}, 0.0)
    (tmp_path / "x").mkdir()
    with FakeOpenAI([bad]) as fake:
        with running_app(_config(tmp_path / "x", workers=1), _summarizer(fake)) as base:
            created = httpx2.post(f"{base}/v1/batches", json={"articles": [{"text": ARTICLE}]})
            url = created.json()["status_url"]
            status = wait_until(lambda: (s := httpx2.get(url).json())["complete"] and s, 30)
    assert status["counts"]["failed"] == 1
    assert status["articles"][0]["error_type"] == "BackendError"
