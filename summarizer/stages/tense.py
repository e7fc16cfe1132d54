"""Done or to come: whether the sentence that reports the article's event states it as a
plan ("a delegation will visit", "đoàn sẽ khám", "делегация посетит").

A brief that says "Doctors treated patients" of a mission the article announces tells the
reader something that has not happened. The sentence is the one holding the event type's
cue; it states a plan when it has one of its language's words for what is to come
(``future_words`` of ``languages/<code>/dates.json``, else its ``plan_words``, the words by
which the date stage also takes a bare year in such a sentence for a target) and none of
its ``done_words`` ("đã": already). Russian
marks the future on the verb itself ("посетит": will visit): natasha's morphology reads it,
and a past-tense verb in the same sentence ("прибыли и проведут": arrived and will operate)
reports something done, so the sentence is no plan. Precision first: a sentence without a
marker reads as done, which is how the brief read every event before.
"""

from __future__ import annotations

import re
from functools import cache

from summarizer import languages
from summarizer.stages.record import ArticleRecord
from summarizer.stages.spans import Span


def event_sentence(record: ArticleRecord, event: str) -> Span | None:
    """The sentence holding the cue of ``event`` (an event type's value), if one was found."""
    cue = next((e.span for e in record.event_types if e.value == event and e.span), None)
    if cue is None:
        return None
    return next((s for s in record.sentences if s.start <= cue.start < s.end), None)


def planned(record: ArticleRecord, event: str | None) -> bool:
    """Whether the sentence reporting ``event`` states it as still to come."""
    sentence = event_sentence(record, event) if event else None
    if sentence is None:
        return False
    language = record.language or ""
    plan = _words(language, "future_words") or _words(language, "plan_words")
    done = _words(language, "done_words")
    if done is not None and done.search(sentence.text):
        return False
    if language == "ru":
        past, future = _russian_tenses(record.source, sentence)
        if past:
            return False
        return future or bool(plan and plan.search(sentence.text))
    return bool(plan and plan.search(sentence.text))


@cache
def _words(language: str, key: str) -> re.Pattern[str] | None:
    """One pattern of ``key``'s words of the language's ``dates.json`` (None: it has none)."""
    found = languages.load(language, "dates").get(key) or []
    return re.compile("|".join(f"(?:{w})" for w in found), re.IGNORECASE) if found else None


def _russian_tenses(source: str, sentence: Span) -> tuple[bool, bool]:
    """(a verb in the past tense, a verb in the future) in the sentence, by natasha's
    morphology; the first person ("Отметим": let us note) is the writer's, not the event's."""
    from summarizer.stages import russian_nlp

    tokens = [
        t
        for t in russian_nlp.analyze(source).tokens
        if sentence.start <= t.start < sentence.end and t.pos in ("VERB", "AUX")
    ]
    past = any(t.feats.get("Tense") == "Past" for t in tokens)
    future = any(t.feats.get("Tense") == "Fut" and t.feats.get("Person") != "1" for t in tokens)
    return past, future
