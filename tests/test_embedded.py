"""Integration: the real embedded llama.cpp server and model (no mocks). Slow: ~1-3 min."""

import pytest

from summarizer import ArticleSummary, Summarizer
from summarizer.language import is_english

pytestmark = pytest.mark.embedded

# An invented news item (no eval-dataset text), short enough for a quick test.
ARTICLE = (
    "Хабаровск, 14 октября. Краевая клиническая больница подписала соглашение о "
    "сотрудничестве с Первой народной больницей города Цзямусы. Документ предусматривает "
    "обмен врачами и совместное лечение пациентов после инсульта. Со стороны края соглашение "
    "подписала вице-губернатор Ольга Журавлева, с китайской стороны — главный врач Ли Чжэньго, "
    "сообщает ИА «Восточный вестник» со ссылкой на пресс-службу краевого правительства."
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
    report = result.output.grounding
    # every item returned was checked; items removed (e.g. an organization name the model
    # only transliterated) are counted beside them
    assert report.checked == len(items) + report.dropped
    assert report.located == len(grounded)
