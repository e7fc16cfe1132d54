"""Property tests: random Unicode (zero-width, mixed scripts, control characters) never
crashes input decoding, grounding or scoring, and offsets always slice to the quote."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.errors import InputError
from summarizer.evals.dataset import load_dataset
from summarizer.evals.scoring import FIELDS, score_article
from summarizer.grounding import locate
from summarizer.postprocess import draft_to_summary
from summarizer.text_input import decode_bytes, prepare_text

SCRIPTS = (
    "abcxyz ABC Министр Денсаулық ministrlik Phó giám đốc Hòa 医院合作 "
    "\u200b\u200c\u200d\ufeff\u00ad «»—–’ \r\n\t 0123456789 .,;:!?"
)
mixed_text = st.text(alphabet=st.sampled_from(list(SCRIPTS)), max_size=300)
any_text = st.one_of(mixed_text, st.text(max_size=200))
SEED = load_dataset("seeds")[0]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=400))
def test_decoding_any_bytes_gives_text_or_one_input_error(data):
    try:
        text = decode_bytes(data, name="x")
    except InputError as exc:
        assert "x:" in str(exc)
    else:
        assert isinstance(text, str)


@FAST
@given(any_text)
def test_preparing_any_text_gives_text_or_one_input_error(text):
    try:
        clean, warnings = prepare_text(text)
    except InputError:
        return
    assert clean.strip() and isinstance(warnings, list)


@FAST
@given(mixed_text, st.data())
def test_a_verbatim_quote_is_found_and_its_offsets_slice_to_it(source, data):
    if len(source) < 4:
        return
    start = data.draw(st.integers(0, len(source) - 4))
    end = data.draw(st.integers(start + 4, len(source)))
    quote = source[start:end]
    span = locate(quote, source)
    if len(quote.strip()) < 3:
        return
    assert span.match == "exact"
    assert source[span.start : span.end] == quote.strip()


@FAST
@given(mixed_text, any_text)
def test_any_quote_either_grounds_inside_the_source_or_not_at_all(source, quote):
    span = locate(quote, source)
    if span.grounded:
        assert 0 <= span.start < span.end <= len(source)
    else:
        assert span.start is None and span.end is None


@FAST
@given(mixed_text, st.lists(any_text, max_size=4), st.data())
def test_grounded_items_of_a_draft_always_slice_inside_the_source(source, quotes, data):
    if source.strip() and len(source) > 5:
        start = data.draw(st.integers(0, len(source) - 5))
        quotes = [*quotes, source[start : start + 5]]
    draft = {
        "headline": "h",
        "summary": "A delegation visited the hospital and signed an agreement.",
        "people": [{"name": "Ann Lee", "role": "r", "evidence": q} for q in quotes],
        "organizations": [
            {"name": f"Org {i}", "kind": "other", "country": None, "evidence": q}
            for i, q in enumerate(quotes)
        ],
        "figures": [{"value": 5, "unit": "u", "description": "d", "evidence": q} for q in quotes],
    }
    summary = draft_to_summary(draft, source or " ", keep_ungrounded=True)
    for item in (*summary.people, *summary.organizations, *summary.figures):
        if item.grounded:
            assert 0 <= item.start < item.end <= len(source)
        else:
            assert item.start is None


json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), any_text)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(["name", "value", "kind", "count", "evidence", "unit", "parties"]),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=12,
)


@FAST
@given(st.dictionaries(st.sampled_from([*FIELDS, "headline", "grounding"]), json_value))
def test_scoring_any_prediction_gives_scores_in_range(prediction):
    score = score_article(SEED.gold, prediction, source=SEED.text)
    assert all(0.0 <= value <= 1.0 for value in score.fields.values())
    assert 0.0 <= score.overall <= 1.0
    json.dumps(score.details, default=str)
