"""Integration: the real embedded llama.cpp server and model (no mocks). Slow: ~1-3 min."""

import pytest

from summarizer import ArticleSummary, Summarizer
from summarizer.language import is_english

pytestmark = pytest.mark.embedded

# The opening of a real seed article (SakhalinMedia), short enough for a quick test.
ARTICLE = (
    "В рамках официального визита четырех делегаций в областной центр представители "
    "здравоохранения города Хэйхэ посетили медицинские и оздоровительные учреждения в "
    "Южно-Сахалинске. Гостей из Китая сопровождали вице-мэр Елена Федорова и директор "
    "департамента социальной политики Эльвира Юркова, сообщает ИА SakhalinMedia со ссылкой "
    "на пресс-службу администрации Южно-Сахалинска."
)


@pytest.fixture(scope="module")
def result():
    return Summarizer(keep_ungrounded=True).extract(ARTICLE)


def test_real_model_returns_a_valid_english_summary(result):
    assert result.ok, result.error
    summary = result.output
    assert isinstance(summary, ArticleSummary)
    assert summary.language == "ru"
    assert is_english(summary.summary), summary.summary
    assert summary.headline and len(summary.headline.split()) <= 15
    assert result.usage.prompt_tokens > 0 and result.usage.completion_tokens > 0
    assert result.raw_responses and result.raw_responses[0].startswith("{")


def test_real_model_evidence_is_located_in_the_source(result):
    output = result.output
    items = [*output.people, *output.organizations, *output.agreements, *output.figures]
    grounded = [item for item in items if item.grounded]
    assert grounded, f"no evidence located: {[i.evidence for i in items]}"
    for item in grounded:
        assert item.start is not None and item.end is not None
        assert 0 <= item.start < item.end <= len(ARTICLE)
    assert result.output.grounding.checked == len(items)
