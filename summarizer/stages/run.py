"""The default pipeline: the stages in order over one :class:`ArticleRecord`.

Deterministic stages first (language, sentences, date, places, entities, figures,
agreements, topics); then the model: the summary (and classify, only where the topic
lexicon does not know the language) in one conversation that reads the article once with
the findings after it, naming in a short one of its own; then the faithfulness check and
assembly.
Where the model cannot read the language (``Settings.facts_summary_languages``) the summary
is built from grounded findings only, and a warning says so.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import replace

from summarizer.languages import route
from summarizer.prompting import PromptSet
from summarizer.schemas.article import ArticleSummary
from summarizer.settings import Settings
from summarizer.stages import (
    agreements,
    classify,
    complete,
    dates,
    entities,
    faithful,
    figures,
    lead,
    model_entities,
    naming,
    places,
    summarize,
    topics,
)
from summarizer.stages.assemble import assemble
from summarizer.stages.chinese_names import CHINESE_NAME_COUNTRIES, pinyin_person
from summarizer.stages.conversation import Conversation, StageError
from summarizer.stages.direction import visit_sides
from summarizer.stages.entities import PersonFinding
from summarizer.stages.facts import facts_block, facts_summary, visit_headline
from summarizer.stages.language import identify_language
from summarizer.stages.record import ArticleRecord, Label
from summarizer.stages.sentences import split_sentences
from summarizer.stages.spans import Span

# Stages that can be turned off (Settings.stages_off) to measure what each adds.
OPTIONAL_STAGES = (
    "topics",
    "dates",
    "places",
    "entities",
    "direction",
    "figures",
    "agreements",
    "naming",
    "classify",
    "facts_in_prompt",
    "faithful",
    "complete",
    "lead",
)

FACTS_SUMMARY_WARNING = (
    "the summary was built only from facts found in the article (the model cannot read "
    "{language} well enough to summarize it faithfully)"
)


# Invented one-line texts, one per script the stages read, that make every lazily loaded
# resource load: language identification, natasha, the gazetteers, the lexicons.
WARM_UP_TEXTS = (
    "Врачи из Тулы провели 2 марта семинар в областной больнице.",
    "Алматы қаласындағы емханада 5 сәуірде дәрігерлер кездесуі өтті.",
    "Ngày 7/3, bệnh viện tỉnh ký thỏa thuận hợp tác với Đà Nẵng.",
    "On 9 May the clinic in Lyon signed an agreement with a university.",
    "3月4日，医院代表团访问了上海。",
)


def warm_up() -> float:
    """Load what the deterministic stages load on first use (about 2-3 s here), so the
    first article is not charged for it; returns the seconds it took."""
    started = time.monotonic()
    for text in WARM_UP_TEXTS:
        record = ArticleRecord(source=text)
        record.language = identify_language(text)
        find_facts(record)
    return time.monotonic() - started


def _timed(record: ArticleRecord, name: str, step: Callable[[], None]) -> None:
    """Run ``step`` and add its seconds to ``record.stage_seconds`` (also when it fails)."""
    started = time.monotonic()
    try:
        step()
    finally:
        record.stage_seconds[name] = round(
            record.stage_seconds.get(name, 0.0) + time.monotonic() - started, 3
        )


def find_facts(record: ArticleRecord, off: tuple[str, ...] = ()) -> None:
    """The deterministic stages (no model)."""
    text, language = record.source, record.language

    def set_date() -> None:
        record.dates = dates.find_dates(text, language)
        record.event_date = dates.find_event_date(text, language)

    steps: list[tuple[str, Callable[[], None]]] = [
        ("sentences", lambda: setattr(record, "sentences", split_sentences(text))),
        ("dates", set_date),
        ("places", lambda: setattr(record, "places", places.find_places(text, language))),
        ("entities", lambda: _find_entities(record)),
        ("direction", lambda: setattr(record, "visit", visit_sides(record))),
        (  # the date stage's findings, so dates are not read as figures (found anew if off)
            "figures",
            lambda: setattr(
                record,
                "figures",
                figures.find_figures(text, language, None if "dates" in off else record.dates),
            ),
        ),
        (
            "agreements",
            lambda: setattr(record, "agreements", agreements.find_agreements(text, language)),
        ),
        ("topics", lambda: _find_topics(record)),
    ]
    for name, step in steps:
        if name not in off:
            _timed(record, name, step)


def _find_topics(record: ArticleRecord) -> None:
    """Event types and medical fields from the cue lexicon, where it knows the language."""
    officials = [person.span for person in record.people if person.role_text]
    events = topics.find_event_types(record.source, record.language, officials)
    names = [  # every mention of a found organization's name, not only the first
        Span.of(record.source, m.start(), m.end())
        for text in dict.fromkeys(org.span.text for org in record.organizations)
        for m in re.finditer(re.escape(text), record.source)
    ]
    # a person's title is their profession, not the article's topic ("the pediatrician X")
    names += [person.span for person in record.people if person.role_text]
    fields = topics.find_medical_fields(record.source, record.language, names)
    if events or fields:
        record.event_types = [Label(t.label, t.cue, t.span) for t in events]
        record.medical_fields = [Label(t.label, t.cue, t.span) for t in fields]
        record.labels_from = "lexicon"


def _find_entities(record: ArticleRecord) -> None:
    from summarizer.stages.home_bodies import with_home_place
    from summarizer.stages.ministries import ministries_of_ministers
    from summarizer.stages.org_names import compose_title

    record.people = entities.find_people(record.source, record.language)
    record.organizations = entities.find_organizations(record.source, record.language)
    for i, person in enumerate(record.people):  # titles composed from their parts
        if title := compose_title(person.role_text, record.language):
            record.roles[i] = title
    record.organizations += ministries_of_ministers(record)
    with_home_place(record)
    if record.places is not None:
        countries = [c for c in record.places.countries if not _in_a_name(c.span, record.people)]
        locations = [p for p in record.places.locations if not _in_a_name(p.span, record.people)]
        record.places = replace(record.places, countries=countries, locations=locations)
        if {c.code for c in countries} & CHINESE_NAME_COUNTRIES:
            record.people = [pinyin_person(person) for person in record.people]


def _in_a_name(span: Span, people: list[PersonFinding]) -> bool:
    """Whether a country's or place's mention is a word of a person's name ("Даниал" is no
    Denmark, the Vietnamese middle name "Đức" no Germany, a Japanese surname no town):
    inside the person's clause and words of their Latin name."""
    from anyascii import anyascii

    from summarizer.stages.transliterate import to_latin

    latin = to_latin(span.text) if re.search(r"[\u0400-\u04ff]", span.text) else anyascii(span.text)
    words = latin.lower().split()
    return any(
        p.span.start <= span.start < p.span.end
        and bool(words)
        and all(w in p.name.lower().split() for w in words)
        for p in people
    )


def _model_turn(record: ArticleRecord, name: str, turn: Callable[[], None]) -> None:
    """Run one model turn; a turn that fails validation after its re-asks is recorded and
    the article goes on with what the other stages found. Endpoint errors propagate."""
    try:
        _timed(record, name, turn)
    except StageError as exc:
        record.failures.append(exc.failure)
        record.warnings.append(f"the model's {name} answer was unusable; {name} left out")


def summary_path(language: str | None, settings: Settings) -> str:
    """``facts``, ``lead`` or ``article``: the settings' facts-only languages first, then
    the measured route for the language (``summarizer/languages/routes.json``); ``lead``
    in ``stages_off`` falls back to the whole-article summary."""
    if language in settings.facts_summary_languages:
        return "facts"
    path = route("summary", language)
    if path == "lead" and "lead" in settings.stages_off:
        return "article"
    return path


def run_default(
    record: ArticleRecord,
    conversation_for: Callable[[str, bool], Conversation],
    prompt: PromptSet,
    settings: Settings,
) -> ArticleSummary:
    """Run every stage on ``record.source``, filling the record as it goes;
    ``conversation_for(facts, with_article)`` opens a model conversation with the facts
    block, and the article when a turn needs to read it (the summary, classify): naming
    gets the names and the words around them, not the whole article.
    A model turn that fails is recorded in ``record.failures`` and left
    out; endpoint errors (``openai.APIError``) propagate."""
    off = settings.stages_off
    source = record.source
    _timed(record, "language", lambda: setattr(record, "language", identify_language(source)))
    find_facts(record, off)
    facts = facts_block(record) if "facts_in_prompt" not in off else "- not given"
    path = summary_path(record.language, settings)
    model_summary = path != "facts"
    needs_classify = "classify" not in off and (record.labels_from != "lexicon" or "topics" in off)
    read_entities = "entities" not in off and not entities.has_rules(record.language)
    if path == "article" or needs_classify or read_entities:
        conversation = conversation_for(facts, True)
    if read_entities:  # no rules for the language: the model reads the names, grounded
        _model_turn(
            record, "entities", lambda: model_entities.find_entities(record, conversation, prompt)
        )
    if "naming" not in off:
        # Naming reads the names and the words next to them, not the article: in a
        # conversation of its own, its tokens sit 1,000-2,000 positions shallower, where
        # each costs less (decode 35 ms/token at 50 tokens of context, 45 at 1,850). It
        # runs before the lead summary, whose glossary uses the English names it gives.
        named = conversation_for(facts, False)
        _model_turn(record, "naming", lambda: naming.name_entities(record, named, prompt))
    if path == "lead":
        translated = conversation_for(facts, False)
        done: list[bool] = []
        _model_turn(
            record,
            "summary",
            lambda: done.append(lead.translate_lead(record, translated, prompt)),
        )
        if done == [False]:  # too few usable sentences: the whole-article summary instead
            path = "article"
            conversation = conversation_for(facts, True)
    # The article summary first, right after the article: on the ru/vi dev articles it
    # conveyed more key facts there than as the last turn (ru .17 -> .22, vi .12 -> .12).
    if path == "article":
        _model_turn(record, "summary", lambda: summarize.summarize(record, conversation, prompt))
    if needs_classify:
        record.labels_from = "model"
        _model_turn(record, "classify", lambda: classify.classify(record, conversation, prompt))
    if not model_summary:
        record.headline, record.summary_sentences = facts_summary(record)
        record.summary_source = "facts"
        record.warnings.append(FACTS_SUMMARY_WARNING.format(language=record.language))
    else:
        if "faithful" not in off:
            _timed(record, "faithful", lambda: faithful.check_answer(record))
        removed = [r for r in record.removed_sentences if r.get("part") != "headline"]
        if removed:
            record.warnings.append(
                f"{len(removed)} summary sentence(s) removed: they named numbers, names or "
                "dates the article does not support"
            )
        if len(removed) < len(record.removed_sentences):
            record.warnings.append(
                "the model's headline named something the article does not support; it was "
                "replaced by one built from the facts found"
            )
        elif grounded := visit_headline(record):
            record.headline = grounded  # who visited whom, as the lead marks it
        faithful.drop_if_not_english(record)
        if not record.summary_sentences:
            headline = record.headline
            record.headline, record.summary_sentences = facts_summary(record)
            record.headline = headline or record.headline
            record.summary_source = "facts"
        else:
            if not record.headline:  # the model's was too long to end at a phrase break
                record.headline = facts_summary(record)[0]
            if "complete" not in off:
                _timed(record, "complete", lambda: complete.complete_summary(record))
    return assemble(record)
