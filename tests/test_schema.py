import json

import pytest
from pydantic import ValidationError

from summarizer.schemas.article import ArticleDraft, ArticleSummary, EventType
from summarizer.schemas.iso_codes import ISO_639_1, ISO_3166_1_ALPHA2


def _walk(node, path=""):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}/{i}")


def test_iso_tables_are_complete_enough():
    assert {"ru", "kk", "vi", "en", "zh"} <= set(ISO_639_1)
    assert {"RU", "KZ", "VN", "CN", "KG"} <= set(ISO_3166_1_ALPHA2)
    assert len(ISO_3166_1_ALPHA2) == 249


def test_every_draft_list_is_bounded_and_every_string_has_a_length_bound():
    schema = ArticleDraft.model_json_schema()
    for path, node in _walk(schema):
        if node.get("type") == "array":
            assert "maxItems" in node, path
        if node.get("type") == "string" and "enum" not in node:
            assert "maxLength" in node, path


def test_draft_patterns_avoid_backslash_d():
    # llama.cpp's schema-to-grammar converter does not understand \d
    assert "\\d" not in json.dumps(ArticleDraft.model_json_schema())


def test_grammar_conversion_is_complete():
    xllamacpp = pytest.importorskip("xllamacpp")
    grammar = xllamacpp.json_schema_to_grammar(json.dumps(ArticleDraft.model_json_schema()))
    assert "accepting any string" not in grammar
    assert grammar


def test_summary_rejects_invalid_codes_and_dates():
    with pytest.raises(ValidationError):
        ArticleSummary.model_validate({"countries": ["XX"]})
    with pytest.raises(ValidationError):
        ArticleSummary.model_validate({"event_date": "12 March 2024"})
    with pytest.raises(ValidationError):
        ArticleSummary.model_validate({"event_types": ["party"]})
    for ok in ("2024-03-12", "2024-03", "2024", "--03-12", None):
        assert ArticleSummary.model_validate({"event_date": ok}).event_date == ok


def test_draft_english_fields_reject_cyrillic_and_source_language():
    base = {
        "headline": "Delegation visits hospital",
        "summary": "x" * 50,
        "event_types": [],
        "event_date": None,
        "countries": [],
        "locations": [],
        "people": [],
        "organizations": [],
        "medical_fields": [],
        "agreements": [],
        "figures": [],
    }
    with pytest.raises(ValidationError):
        ArticleDraft.model_validate({**base, "headline": "Делегация посетила больницу"})
    vietnamese = "Giam doc so da tiep doan dai bieu tinh Hoa Son ve hop tac y te."
    with pytest.raises(ValidationError, match="English"):
        ArticleDraft.model_validate({**base, "summary": vietnamese})
    english = "The health minister received a delegation from Hoa Son province."
    assert ArticleDraft.model_validate({**base, "summary": english}).summary == english


def test_enum_values_serialize_as_plain_strings():
    summary = ArticleSummary(event_types=[EventType.delegation_visit], countries=["RU"])
    dumped = summary.model_dump(mode="json")
    assert dumped["event_types"] == ["delegation_visit"]
    assert dumped["countries"] == ["RU"]


def test_every_draft_object_forbids_extra_keys():
    for path, node in _walk(ArticleDraft.model_json_schema()):
        if node.get("type") == "object":
            assert node.get("additionalProperties") is False, path
