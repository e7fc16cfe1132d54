"""Model stage: the summary as the article's lead, translated.

A 1.5B model summarizing a whole article drifts into generic sentences and names nobody
wrote; it translates a short sentence far more faithfully, and a news report puts who,
what, where and when in its first sentences. So this stage picks the lead sentence and
the next few sentences, then those that carry grounded findings (people, organizations,
places, dates, figures, signed documents), two to five of them in article order, and asks the
model to translate them one by one with a glossary of the English names the other stages
found. The prompt holds those sentences, not the article: a short prefill.

Which languages take this path, and which the whole-article summary or the facts-only
brief, is data (``summarizer/languages/routes.json``), decided by measurement on dev
(docs/routing.md). Russian and Vietnamese take it: on their dev articles a blind second
reader found as many main facts as in the whole-article summary and about half as many
statements the article does not support.
"""

from __future__ import annotations

import re

from summarizer import languages
from summarizer.prompting import PromptSet, fence
from summarizer.schemas.turns import lead_draft
from summarizer.stages.conversation import Conversation
from summarizer.stages.facts import describe_date
from summarizer.stages.organizations import organization_name
from summarizer.stages.places import country_name
from summarizer.stages.record import ArticleRecord
from summarizer.stages.spans import Span
from summarizer.stages.summarize import keep_draft

MAX_TOKENS = 420
MAX_SENTENCES = 5
MIN_SENTENCES = 2
LEAD_SENTENCES = 4  # taken whatever they hold: measured on dev ru+vi (docs/routing.md)
MAX_LEAD_CHARS = 1_000  # source characters sent: about 300-400 tokens
MIN_SENTENCE_CHARS = 25  # shorter: a dateline, byline, caption or heading
MAX_SENTENCE_CHARS = 450
MAX_GLOSSARY = 14


def _finding_starts(record: ArticleRecord) -> list[int]:
    """Where each grounded finding starts in the source (several per sentence count)."""
    starts = [p.span.start for p in record.people]
    starts += [o.span.start for o in record.organizations if o.kind != "media"]
    starts += [f.span.start for f in record.figures if getattr(f, "span", None)]
    starts += [a.span.start for a in record.agreements if getattr(a, "span", None)]
    if record.places is not None:
        starts += [c.span.start for c in record.places.countries]
        starts += [loc.span.start for loc in record.places.locations]
    if record.event_date is not None and getattr(record.event_date, "span", None):
        starts.append(record.event_date.span.start)
    return starts


SENTENCE_ENDS = tuple('.!?…"»”')


def _usable(sentence: Span, credits: list[int]) -> bool:
    """A sentence worth translating: not a heading (no closing punctuation: the title
    repeats the lead), not a dateline or a source credit (it holds the outlet), not a
    caption or byline (too short), mostly letters."""
    text = sentence.text.strip()
    letters = sum(ch.isalpha() for ch in text)
    return (
        MIN_SENTENCE_CHARS <= len(text) <= MAX_SENTENCE_CHARS
        and letters >= len(text) // 2
        and text.endswith(SENTENCE_ENDS)
        and not any(sentence.start <= at < sentence.end for at in credits)
    )


def select_lead(record: ArticleRecord) -> list[Span]:
    """The first usable sentences in article order: the first :data:`LEAD_SENTENCES`
    whatever they hold (a news lead states who, what, where and when there, and the next
    sentences say what was agreed or done), then only sentences with a grounded finding;
    at most :data:`MAX_SENTENCES`, and past the first two at most :data:`MAX_LEAD_CHARS`."""
    starts = _finding_starts(record)

    def findings(sentence: Span) -> int:
        return sum(sentence.start <= at < sentence.end for at in starts)

    credits = [o.span.start for o in record.organizations if o.kind == "media"]
    chosen: list[Span] = []
    size = 0
    for sentence in (s for s in record.sentences if _usable(s, credits)):
        if len(chosen) >= MAX_SENTENCES:
            break
        if len(chosen) >= MIN_SENTENCES and size + len(sentence.text) > MAX_LEAD_CHARS:
            continue
        if len(chosen) >= LEAD_SENTENCES and findings(sentence) == 0:
            continue
        chosen.append(sentence)
        size += len(sentence.text)
    return chosen


def expand_abbreviations(text: str, language: str | None) -> str:
    """``text`` with the language's abbreviations written out in English
    (``languages/<code>/abbreviations.json``), longest first, as whole tokens."""
    table = languages.load(language or "", "abbreviations").get("expand", {})
    for short in sorted(table, key=len, reverse=True):
        text = re.sub(rf"(?<![\w.]){re.escape(short)}(?![\w])", table[short], text)
    return text


def glossary(record: ArticleRecord, sentences: list[Span]) -> list[str]:
    """``source words = English`` for the names inside the chosen sentences."""
    lines: dict[str, str] = {}

    def inside(span: Span) -> bool:
        """The finding's span is in a chosen sentence, or its words recur there (a finding
        keeps its first mention only, often in the heading, which is not sent)."""
        return any(s.start <= span.start < s.end or span.text in s.text for s in sentences)

    if record.places is not None:  # places first: a city's span also stands for its country
        for loc in record.places.locations:
            if inside(loc.span):  # also when written alike: its span is no country's word
                lines.setdefault(loc.span.text, loc.name)
        for country in record.places.countries:
            if inside(country.span):
                lines.setdefault(country.span.text, country_name(country.code))
    for i, org in enumerate(record.organizations):
        english = organization_name(record, i)
        if english and inside(org.span) and org.kind != "media":
            lines.setdefault(org.source_name, english)
    for person in record.people:
        if inside(person.span):
            # (their titles are not given: tried, the small model then handed one
            # person's title to another; docs/decisions.md)
            lines.setdefault(person.name, person.name)
    if record.event_date is not None and getattr(record.event_date, "span", None):
        if inside(record.event_date.span):
            lines.setdefault(record.event_date.span.text, describe_date(record.event_date.value))
    return [
        f"{source} = {english}" if source != english else english
        for source, english in list(lines.items())[:MAX_GLOSSARY]
    ]


def translate_lead(record: ArticleRecord, conversation: Conversation, prompt: PromptSet) -> bool:
    """Fill the record's headline and summary from the translated lead; False (nothing
    asked) when the article has fewer than two usable sentences."""
    sentences = select_lead(record)
    if len(sentences) < MIN_SENTENCES:
        return False
    content = prompt.render_turn(
        "lead",
        sentences=[
            fence(expand_abbreviations(" ".join(s.text.split()), record.language))
            for s in sentences
        ],
        glossary=glossary(record, sentences),
    )
    draft = conversation.ask("summary", content, lead_draft(len(sentences)), max_tokens=MAX_TOKENS)
    keep_draft(record, draft, "lead")
    return True
