import pytest

from summarizer import ConfigurationError, Settings
from summarizer.client import choose_mode
from summarizer.prompting import VOCABULARIES, PromptSet, load_prompt_set
from summarizer.schemas.article import ArticleDraft


def test_default_prompt_renders_vocabularies_and_puts_the_article_last():
    prompt = load_prompt_set("default")
    messages = prompt.render("Статья {{ not_a_variable }} $100")
    system, user = messages[0]["content"], messages[1]["content"]
    for term in VOCABULARIES["medical_fields"]:
        assert term in system
    assert "{{ not_a_variable }} $100" in user  # the article is a value, never template source
    assert user.rstrip().endswith("</article>")


def test_system_prompt_is_identical_across_articles_for_prefix_caching():
    prompt = load_prompt_set("default")
    assert prompt.render("a")[0] == prompt.render("b")[0]


def test_prompt_version_changes_with_the_template(tmp_path):
    (tmp_path / "mine.system.j2").write_text("Be brief.")
    (tmp_path / "mine.user.j2").write_text("{{ article }}")
    first = load_prompt_set("mine", tmp_path).version
    (tmp_path / "mine.system.j2").write_text("Be very brief.")
    second = load_prompt_set("mine", tmp_path).version
    assert first.startswith("mine@") and first != second


def test_missing_variable_and_missing_prompt_are_clear_errors(tmp_path):
    broken = PromptSet("broken", "{{ nope }}", "{{ article }}")
    with pytest.raises(ConfigurationError, match="nope"):
        broken.render("x")
    with pytest.raises(ConfigurationError, match="not found"):
        load_prompt_set("nonexistent", tmp_path)


def test_example_in_fewshot_prompt_grounds_in_its_own_text():
    import json
    import re

    from summarizer.grounding import locate

    system = load_prompt_set("fewshot").render("x")[0]["content"]
    example_text = re.search(r"<article>\n(.*?)\n</article>", system, re.S).group(1)
    answer = json.loads(system.rsplit("</article>\n", 1)[1])
    ArticleDraft.model_validate(answer)
    for field in ("people", "organizations", "agreements", "figures"):
        for item in answer[field]:
            assert locate(item["evidence"], example_text).match == "exact", item


def test_settings_from_env(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "https://api.example.com/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret")
    monkeypatch.setenv("SUMMARIZER_MODEL", "gpt-x")
    settings = Settings.from_env()
    assert settings.base_url == "https://api.example.com/v1" and settings.model == "gpt-x"
    assert not settings.embedded
    assert "sk-secret" not in repr(settings)
    assert Settings.from_env(model="other").model == "other"  # explicit wins


def test_settings_errors(monkeypatch):
    monkeypatch.delenv("SUMMARIZER_MODEL", raising=False)
    monkeypatch.setenv("OPENAI_BASE_URL", "https://api.example.com/v1")
    with pytest.raises(ConfigurationError, match="no model"):
        Settings.from_env()
    monkeypatch.delenv("OPENAI_BASE_URL")
    monkeypatch.setenv("SUMMARIZER_N_CTX", "lots")
    with pytest.raises(ConfigurationError, match="whole number"):
        Settings.from_env()
    with pytest.raises(ConfigurationError, match="mode"):
        Settings(mode="xml")


def test_nothing_configured_means_embedded(monkeypatch):
    for name in ("OPENAI_BASE_URL", "SUMMARIZER_MODEL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    assert Settings.from_env().embedded


def test_embedded_slots_set_how_many_articles_run_at_once(monkeypatch):
    from summarizer import Summarizer

    for name in ("OPENAI_BASE_URL", "SUMMARIZER_MODEL", "OPENAI_API_KEY", "SUMMARIZER_CONCURRENCY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("SUMMARIZER_LLAMA_SLOTS", raising=False)
    assert Summarizer().default_concurrency() == 1
    monkeypatch.setenv("SUMMARIZER_LLAMA_SLOTS", "3")
    assert Summarizer().default_concurrency() == 3
    monkeypatch.setenv("SUMMARIZER_LLAMA_SLOTS", "0")
    with pytest.raises(ConfigurationError, match="at least 1"):
        Summarizer().default_concurrency()


def test_mode_choice_per_endpoint():
    s = Settings()
    assert choose_mode(s, "", embedded_backend=True) == "json_schema"
    assert choose_mode(s, "http://localhost:8080/v1", embedded_backend=False) == "json_schema"
    assert choose_mode(s, "https://api.openai.com/v1", embedded_backend=False) == "tools"
    assert (
        choose_mode(Settings(mode="md_json"), "https://x/v1", embedded_backend=False) == "md_json"
    )


def test_explicit_arguments_override_given_settings_and_keys_stay_secret():
    from summarizer import Summarizer

    base = Settings(base_url="https://api.example.com/v1", model="a")
    s = Summarizer("b", api_key="sk-given", settings=base, transport_retries=2)
    assert (s.settings.model, s.settings.transport_retries) == ("b", 2)
    assert s.settings.api_key.get_secret_value() == "sk-given"
    assert Summarizer(settings=base).settings == base  # nothing given: unchanged
