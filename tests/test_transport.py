"""Transport faults against a fake OpenAI-compatible server (the model is not under test)."""

import json

import pytest

from summarizer import BackendError, ExtractionError, Summarizer
from tests.fake_openai import FakeOpenAI, completion

ARTICLE = "Министр здравоохранения Иван Петров посетил больницу в Омске 12 мая."
DRAFT = {
    "headline": "Health minister visits Omsk hospital",
    "summary": "Health minister Ivan Petrov visited a hospital in Omsk on 12 May. "
    "He met the doctors of the hospital. The visit was part of a regional tour.",
    "event_types": ["official_meeting"],
    "event_date": "--05-12",
    "countries": ["RU"],
    "locations": [{"name": "Omsk", "country": "RU"}],
    "people": [
        {
            "name": "Ivan Petrov",
            "role": "Minister of Health",
            "evidence": "Министр здравоохранения Иван Петров",
        }
    ],
    "organizations": [],
    "medical_fields": [],
    "agreements": [],
    "figures": [],
}
OK = (200, completion(json.dumps(DRAFT)), {}, 0.0)


def make(fake, **kw):
    kw.setdefault("transport_retries", 3)
    # One request per article (the single-call pipeline): these tests count requests.
    kw.setdefault("pipeline", "single_call")
    return Summarizer("fake-model", base_url=fake.base_url, api_key="sk-test-secret", **kw)


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch):
    from summarizer import transport

    monkeypatch.setattr(transport.RetryingTransport, "_wait", lambda self, state: 0.01)


def test_429_then_success_is_retried_and_counted():
    with FakeOpenAI(
        [(429, {"error": {"message": "slow down"}}, {"retry-after": "0"}, 0), OK]
    ) as fake:
        result = make(fake).extract(ARTICLE)
    assert result.ok, result.error
    assert result.transport_retries == 1
    assert len(fake.requests) == 2
    assert result.output.people[0].name == "Ivan Petrov"
    assert result.output.people[0].grounded is True


def test_retry_after_header_is_honoured(monkeypatch):
    from summarizer import transport

    monkeypatch.undo()  # real wait policy
    waits = []
    original = transport.RetryingTransport._wait
    monkeypatch.setattr(
        transport.RetryingTransport,
        "_wait",
        lambda self, state: waits.append(original(self, state)) or 0.0,
    )
    with FakeOpenAI([(429, {"error": {"message": "x"}}, {"retry-after": "7"}, 0), OK]) as fake:
        assert make(fake).extract(ARTICLE).ok
    assert waits == [7.0]


def test_persistent_5xx_becomes_a_readable_backend_error():
    with FakeOpenAI([(503, {"error": {"message": "overloaded"}}, {}, 0)]) as fake:
        summarizer = make(fake, transport_retries=2)
        result = summarizer.extract(ARTICLE)
        assert not result.ok
        assert result.error_type == "BackendError"
        assert "HTTP 503" in result.error and "2 retries" in result.error
        assert len(fake.requests) == 3
        with pytest.raises(BackendError):
            summarizer.summarize(ARTICLE)


def test_timeout_is_retried_then_reported():
    with FakeOpenAI([(200, completion(json.dumps(DRAFT)), {}, 2.0), OK]) as fake:
        result = make(fake, timeout=0.5).extract(ARTICLE)
    assert result.ok
    assert result.transport_retries == 1


def test_garbage_body_is_an_error_not_a_crash():
    with FakeOpenAI([(200, b"<html>proxy error</html>", {}, 0)]) as fake:
        result = make(fake).extract(ARTICLE)
    assert not result.ok
    assert result.error


def test_unreachable_endpoint_is_a_backend_error():
    summarizer = Summarizer("m", base_url="http://127.0.0.1:9/v1", transport_retries=1)
    result = summarizer.extract(ARTICLE)
    assert result.error_type == "BackendError"
    assert "cannot reach" in result.error


def test_validation_error_is_fed_back_in_the_same_conversation():
    bad = dict(
        DRAFT, summary="Giam doc benh vien da tham phong kham o Omsk va lam viec voi lanh dao."
    )
    with FakeOpenAI([(200, completion(json.dumps(bad)), {}, 0), OK]) as fake:
        result = make(fake).extract(ARTICLE)
    assert result.ok and result.attempts == 2
    assert len(result.validation_errors) == 1 and "English" in result.validation_errors[0]
    first, second = fake.requests
    assert second["messages"][: len(first["messages"])] == first["messages"]  # prefix reused
    assert "English" in second["messages"][-1]["content"]


def test_invalid_json_twice_is_a_typed_extraction_error():
    with FakeOpenAI([(200, completion("not json at all"), {}, 0)]) as fake:
        summarizer = make(fake)
        result = summarizer.extract(ARTICLE)
        assert result.error_type == "ExtractionError"
        assert result.attempts == 2
        assert result.raw_responses == ["not json at all", "not json at all"]
        with pytest.raises(ExtractionError) as info:
            summarizer.summarize(ARTICLE)
    assert "Traceback" not in str(info.value)


def test_api_key_is_sent_but_never_recorded():
    with FakeOpenAI([OK]) as fake:
        result = make(fake).extract(ARTICLE)
    assert "sk-test-secret" not in json.dumps(result.to_record())
    assert "sk-test-secret" not in repr(make(fake).settings)


def test_post_processing_warnings_reach_the_result():
    invented = dict(DRAFT, event_date="2023-05-12")  # the article states no year
    with FakeOpenAI([(200, completion(json.dumps(invented)), {}, 0.0)]) as fake:
        result = make(fake).extract(ARTICLE)
    assert result.output.event_date == "--05-12"
    assert any("2023" in w for w in result.output.warnings)
    assert result.warnings == result.output.warnings
