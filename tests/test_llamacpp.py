import json

from summarizer.llamacpp import evidence_alphabet, schema_to_lark, shape_body
from summarizer.schemas.article import ArticleDraft

SCHEMA = ArticleDraft.model_json_schema()


def test_response_format_becomes_a_compact_grammar_with_evidence_tied_to_the_article():
    body = {
        "messages": [],
        "response_format": {"type": "json_schema", "json_schema": {"name": "x", "schema": SCHEMA}},
    }
    shaped = shape_body(body, 'Министр "сказал"\nвчера.')
    assert "response_format" not in shaped
    grammar = shaped["grammar"]
    assert grammar.startswith("%llguidance {}\nstart: ")
    evidence_line = grammar.strip().splitlines()[-1]
    assert evidence_line.startswith("EVIDENCE: %regex ")
    alphabet = json.loads(evidence_line.split("%regex ", 1)[1].rsplit(" & ", 1)[0])
    assert alphabet == {"substring_words": "Министр «сказал« вчера."}
    assert grammar.count('"\\"" EVIDENCE "\\""') == 4  # people, orgs, agreements, figures
    assert shaped["dry_multiplier"] > 0
    assert body["response_format"]  # the caller's body is not modified


def test_every_list_keeps_its_bound_and_every_key_appears_in_order():
    grammar = schema_to_lark(SCHEMA, None)
    start = grammar.splitlines()[1]
    keys = list(SCHEMA["properties"])
    positions = [start.index(f'\\"{key}\\":') for key in keys]
    assert positions == sorted(positions)
    assert '("," r_draftperson){0,7}' in grammar  # maxItems 8
    assert "EVIDENCE" not in grammar  # no source: evidence stays a plain string


def test_evidence_alphabet_has_nothing_that_breaks_a_json_string():
    text = evidence_alphabet('a "b" \\ c\n\td\x01')
    assert '"' not in text and "\\" not in text and all(ord(ch) >= 32 for ch in text)
    assert len(text) == len('a "b" \\ c\n\td\x01')
