"""No hidden state: the article reaches the transport, and raw answers, usage, validation
errors and retries come back, as explicit data (client.ModelCall), never through context
variables; concurrent extractions on one Summarizer each get their own record."""

import ast
import dataclasses
import json
import threading
import time
from pathlib import Path

import pytest

import summarizer
from summarizer import Summarizer
from summarizer.schemas.article import ArticleDraft
from tests.fake_openai import FakeOpenAI, completion

PACKAGE = Path(summarizer.__file__).parent
ARTICLE_A = "Министр здравоохранения Иван Петров посетил больницу в Омске 12 мая."
ARTICLE_B = "Губернатор Анна Смирнова открыла новую поликлинику в Томске 3 июня."


def _draft(headline: str, person: str, evidence: str) -> dict:
    return {
        "headline": headline,
        "summary": f"{headline}. The visit was part of a regional tour. Doctors met them.",
        "event_types": ["official_meeting"],
        "event_date": None,
        "countries": ["RU"],
        "locations": [],
        "people": [{"name": person, "role": "official", "evidence": evidence}],
        "organizations": [],
        "medical_fields": [],
        "agreements": [],
        "figures": [],
    }


def _answer(draft: dict, prompt_tokens: int) -> dict:
    body = completion(json.dumps(draft))
    body["usage"] = {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": 5,
        "total_tokens": prompt_tokens + 5,
    }
    return body


DRAFT_A = _draft("Health minister visits Omsk hospital", "Ivan Petrov", "Иван Петров")
DRAFT_B = _draft("Governor opens Tomsk clinic", "Anna Smirnova", "Анна Смирнова")


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch):
    from summarizer import transport

    monkeypatch.setattr(transport.RetryingTransport, "_wait", lambda self, state: 0.01)


def test_no_contextvars_in_the_package():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if any(name.split(".")[0] == "contextvars" for name in names):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
            if isinstance(node, ast.Attribute | ast.Name) and "ContextVar" in (
                getattr(node, "attr", None) or getattr(node, "id", "")
            ):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert offenders == [], "context variables are back: " + ", ".join(offenders)


def _run_concurrently(first, second, fake):
    """Start ``first``, wait until its request reached the server, then run ``second``:
    ``second`` finishes while ``first`` is still in flight."""
    results = {}
    thread = threading.Thread(target=lambda: results.__setitem__("a", first()))
    thread.start()
    deadline = time.monotonic() + 10
    while not fake.requests and time.monotonic() < deadline:
        time.sleep(0.01)
    results["b"] = second()
    thread.join(timeout=30)
    return results["a"], results["b"]


def test_concurrent_extractions_each_get_their_own_answers_usage_and_retries():
    # Request 1 (article A) is answered slowly; article B's first request gets a 429 and
    # its retry the fast answer, all while A waits. Shared state would mix them up.
    script = [
        (200, _answer(DRAFT_A, 101), {}, 1.0),
        (429, {"error": {"message": "slow down"}}, {"retry-after": "0"}, 0.0),
        (200, _answer(DRAFT_B, 202), {}, 0.0),
    ]
    with FakeOpenAI(script) as fake:
        shared = Summarizer(
            "fake-model", base_url=fake.base_url, api_key="k", pipeline="single_call"
        )
        a, b = _run_concurrently(
            lambda: shared.extract(ARTICLE_A), lambda: shared.extract(ARTICLE_B), fake
        )
    assert a.ok and b.ok, (a.error, b.error)
    assert a.raw_responses == [json.dumps(DRAFT_A)]
    assert b.raw_responses == [json.dumps(DRAFT_B)]
    assert (a.usage.prompt_tokens, b.usage.prompt_tokens) == (101, 202)
    assert (len(a.usage.calls), len(b.usage.calls)) == (1, 1)
    assert (a.transport_retries, b.transport_retries) == (0, 1)
    assert (a.attempts, b.attempts) == (1, 1)
    assert a.output.people[0].name == "Ivan Petrov" and a.output.people[0].grounded
    assert b.output.people[0].name == "Anna Smirnova" and b.output.people[0].grounded


def test_concurrent_calls_tie_evidence_to_their_own_article():
    """On the embedded runtime each call's grammar ties quotes to that call's article,
    which reaches the transport as an argument of the call (Backend.call)."""
    script = [(200, _answer(DRAFT_A, 1), {}, 1.0), (200, _answer(DRAFT_B, 2), {}, 0.0)]
    with FakeOpenAI(script) as fake:
        backend = Summarizer("fake-model", base_url=fake.base_url, api_key="k").backend
        # The same stack build_backend gives the embedded server (llama.cpp shaping).
        backend = dataclasses.replace(backend, embedded=True, mode="json_schema")

        def ask(article: str):
            call = backend.call(article)
            call.client.chat.completions.create(
                model=call.model,
                response_model=ArticleDraft,
                messages=[{"role": "user", "content": article}],
                max_retries=0,
            )
            return call

        call_a, call_b = _run_concurrently(lambda: ask(ARTICLE_A), lambda: ask(ARTICLE_B), fake)
        first, second = fake.requests
    assert "response_format" not in first and "grammar" in first
    assert "Омске" in first["grammar"] and "Томске" not in first["grammar"]
    assert "Томске" in second["grammar"] and "Омске" not in second["grammar"]
    assert (call_a.source, call_b.source) == (ARTICLE_A, ARTICLE_B)
    assert call_a.raw_answers() == [json.dumps(DRAFT_A)]
    assert call_b.raw_answers() == [json.dumps(DRAFT_B)]
    assert (call_a.usage().prompt_tokens, call_b.usage().prompt_tokens) == (1, 2)


def test_a_failed_call_still_reports_what_it_saw():
    with FakeOpenAI([(200, completion("not json at all"), {}, 0)]) as fake:
        backend = Summarizer("fake-model", base_url=fake.base_url, api_key="k").backend
        call = backend.call(ARTICLE_A)
        with pytest.raises(Exception):  # noqa: B017  instructor's retry error
            call.client.chat.completions.create(
                model=call.model,
                response_model=ArticleDraft,
                messages=[{"role": "user", "content": ARTICLE_A}],
                max_retries=1,
            )
    assert call.raw_answers() == ["not json at all", "not json at all"]
    assert len(call.parse_errors) == 2
    assert len(call.usage().calls) == 2
