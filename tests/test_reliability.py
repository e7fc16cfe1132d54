"""Faults that must never crash or leak: cut-off answers, credentials in URLs, oversized
articles for hosted endpoints, and offsets that index the text the caller holds."""

import json

import pytest

from summarizer import InputError, Summarizer
from summarizer.evals.cache import ResponseCache
from summarizer.evals.runner import run_eval
from tests.fake_openai import FakeOpenAI, completion
from tests.test_cli import fake_env, run_cli
from tests.test_transport import ARTICLE, DRAFT

OK = (200, completion(json.dumps(DRAFT)), {}, 0.0)


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch):
    from summarizer import transport

    monkeypatch.setattr(transport.RetryingTransport, "_wait", lambda self, state: 0.01)


def test_an_answer_cut_at_the_token_limit_is_a_typed_failure():
    cut = json.dumps(DRAFT)[:80]
    with FakeOpenAI([(200, completion(cut, finish_reason="length"), {}, 0.0)]) as fake:
        summarizer = Summarizer("m", base_url=fake.base_url, api_key="k", pipeline="single_call")
        result = summarizer.extract(ARTICLE)
    assert result.output is None and result.error_type == "ExtractionError"
    assert result.raw_responses and result.raw_responses[0] == cut


def test_cut_answers_in_the_staged_pipeline_leave_the_libraries_fields_and_say_so():
    cut = json.dumps({"headline": "Health minister visits"})[:30]
    with FakeOpenAI([(200, completion(cut, finish_reason="length"), {}, 0.0)]) as fake:
        result = Summarizer("m", base_url=fake.base_url, api_key="k").extract(ARTICLE)
    assert result.ok and [p.name for p in result.output.people] == ["Ivan Petrov"]
    failed = {f["stage"] for f in result.stages["failures"]}
    assert "summary" in failed
    assert any("summary answer was unusable" in w for w in result.output.warnings)


def test_credentials_in_the_base_url_are_never_written(tmp_path):
    with FakeOpenAI([OK]) as fake:
        url = fake.base_url.replace("http://", "http://analyst:hunter2-secret@")
        summarizer = Summarizer("m", base_url=url, transport_retries=0)
        run_dir = run_eval(
            "seeds", summarizer, runs_dir=tmp_path, cache=ResponseCache(tmp_path / "c")
        )
    written = "".join(p.read_text(encoding="utf-8") for p in run_dir.iterdir())
    assert "hunter2-secret" not in written and "analyst" not in written
    assert "***@127.0.0.1" in (run_dir / "header.json").read_text()


def test_a_refused_connection_names_the_endpoint_without_its_credentials():
    env = {
        "OPENAI_BASE_URL": "http://analyst:hunter2-secret@127.0.0.1:9/v1",
        "SUMMARIZER_MODEL": "m",
    }
    result = run_cli("summarize", "-", stdin=ARTICLE.encode(), env=env)
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err
    assert "127.0.0.1:9" in err and "hunter2-secret" not in err


def test_hosted_endpoints_refuse_articles_over_the_configured_limit(monkeypatch):
    with FakeOpenAI([OK]) as fake:
        monkeypatch.setenv("SUMMARIZER_MAX_CHARS", "50")
        summarizer = Summarizer("m", base_url=fake.base_url, api_key="k")
        with pytest.raises(InputError, match="SUMMARIZER_MAX_CHARS"):
            summarizer.extract(ARTICLE * 2)
        assert fake.requests == []  # nothing was sent
        monkeypatch.setenv("SUMMARIZER_MAX_CHARS", "5000")
        assert Summarizer("m", base_url=fake.base_url, api_key="k").extract(ARTICLE).ok


def test_offsets_index_the_text_as_given_with_windows_line_endings(tmp_path):
    article = "Заголовок\r\n\r\n" + ARTICLE.replace(" посетил", "\r\nпосетил")
    file = tmp_path / "crlf.txt"
    file.write_bytes(article.encode("utf-8"))
    with FakeOpenAI([OK]) as fake:
        result = run_cli("summarize", str(file), env=fake_env(fake))
    doc = json.loads(result.stdout)
    person = doc["people"][0]
    assert article[person["start"] : person["end"]] == person["evidence"]
    assert doc["grounding"]["text"] is None  # the offsets index the file's own text


def test_offsets_of_html_input_index_the_stripped_text_the_result_exposes():
    page = f"<html><body><p>Новости</p><p>{ARTICLE}</p><script>x()</script></body></html>"
    with FakeOpenAI([OK]) as fake:
        summary = Summarizer("m", base_url=fake.base_url, api_key="k").summarize(page)
    text = summary.grounding.text
    person = summary.people[0]
    assert text is not None and "<p>" not in text
    assert text[person.start : person.end] == person.evidence
