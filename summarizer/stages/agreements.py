"""Agreements stage: documents the article reports as signed, by the words it uses.

A document counts only where a document word ("соглашение", "меморандум", "biên bản ghi
nhớ", "келісім", "协议") stands in the same sentence as a signing word ("подписали",
"қол қойылды", "ký kết", "signed", "签订") and close to it. Most articles sign nothing, and
a wrong document costs as much as a missed one, so the rule is strict: the word list names
the kind (agreement, memorandum, contract, protocol, declaration) and nothing is guessed
from talks or "reached agreements" ("договорились", "thỏa thuận" alone).

Repeated mentions of one document (headline, lead and body) are merged: one finding per kind
unless two mentions name different subjects (in Chinese, the words before "协议"). A count is
read from a number right before the document word ("подписали 12 меморандумов",
"ký 3 biên bản ghi nhớ"); "a number of" stays 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from summarizer import languages
from summarizer.stages.spans import Span
from summarizer.textfold import MatchText

KINDS = ("agreement", "memorandum", "contract", "protocol", "declaration", "other")


@dataclass(frozen=True)
class AgreementFinding:
    """A signed document: its ``kind``, how many (``count``), the clause (``span``) and
    what it is on, in English, when a topic word stands beside it (``topic``:
    "cooperation")."""

    kind: str
    count: int
    span: Span
    topic: str = ""


# The words are data: ``summarizer/languages/<code>/agreements.json`` (regular expressions
# on match-folded text: lower case, ё -> е, typographic quotes), every language tried.
# Document words -> kind. Memorandum comes first: a memorandum named "... ghi nhớ" +
# "thỏa thuận ..." is one document.
# Another signed document (a road map, a cooperation plan) is tried last: kind "other".
_DOCUMENT_ORDER = ("memorandum", "protocol", "declaration", "contract", "agreement", "other")


def _either(key: str) -> str:
    """The regular expressions of ``key`` of every language, as one alternation."""
    return "|".join(languages.words("agreements", key))


_DOCUMENTS: tuple[tuple[str, str], ...] = tuple(
    (
        kind,
        "|".join(f for t in languages.tables("agreements", "documents") for f in t.get(kind, [])),
    )
    for kind in _DOCUMENT_ORDER
    if any(t.get(kind) for t in languages.tables("agreements", "documents"))
)
_DOCUMENT_RES = tuple((kind, re.compile(pattern)) for kind, pattern in _DOCUMENTS)

# Signing words: the verb or its noun, any tense ("подписание", "ký kết", "қол қойылды").
_SIGNING = re.compile(_either("signing"))
# A signing that is planned, expected or denied is not reported as signed.
_PLANNED_BEFORE = re.compile(r"(?:" + _either("planned_before") + r")\s*$")
_PLANNED_VERB = re.compile(_either("planned_signing"))
_NAME_JOINERS = frozenset(languages.words("agreements", "name_joiners"))
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+")
_MAX_GAP = 60  # characters between the signing word and the document word

_NUMBER_WORDS: dict[str, int] = {
    word: count
    for table in languages.tables("agreements", "count_words")
    for word, count in table.items()
}
_COUNT_BEFORE = re.compile(
    r"(?:(\d{1,3})|(\w+))(?:\s+(?:\w+\s+)?)?$"  # "12 меморандумов", "три новых соглашения"
)
_ABOUT = re.compile(r"(?:около|более|свыше|порядка|about|over|more than|khoảng|hơn)\s*$")


# What a document is on: English topic -> words of every language ("о сотрудничестве",
# "ынтымақтастық меморандумы", "hợp tác" after the document word), read within _TOPIC_REACH
# characters before or after the document word.
def _topic_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(topic, one pattern of its words in every language), topics in first-seen order."""
    words: dict[str, list[str]] = {}
    for table in languages.tables("agreements", "topics"):
        for topic, patterns in table.items():
            words.setdefault(topic, []).extend(patterns)
    return tuple((topic, re.compile("|".join(patterns))) for topic, patterns in words.items())


_TOPICS = _topic_patterns()
_TOPIC_REACH = 40


@dataclass(frozen=True)
class _Mention:
    kind: str
    count: int
    subject: str
    span: Span
    topic: str = ""


_LATIN_LOOKALIKES = str.maketrans("aceopxy", "асеорху")
_MIXED = re.compile(r"(?<=[а-яё])[aceopxy]+|[aceopxy]+(?=[а-яё])")


def _fold(sentence: str) -> MatchText:
    """Case, quotes, ё and spaces folded; Latin look-alikes inside Cyrillic words ("cоглашение"
    typed with a Latin "c") read as Cyrillic. Lengths are kept, so offsets map back."""
    folded = MatchText(sentence)
    folded.text = _MIXED.sub(lambda m: m.group().translate(_LATIN_LOOKALIKES), folded.text)
    return folded


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _documents(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Document words in ``folded[start:end]``, the earliest kind winning an overlap."""
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _DOCUMENT_RES:
        for match in pattern.finditer(folded, start, end):
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), kind))
    return sorted(found)


def _near(sign: re.Match[str], doc: tuple[int, int, str]) -> bool:
    start, end, _ = doc
    gap = start - sign.end() if start >= sign.end() else sign.start() - end
    return 0 <= gap <= _MAX_GAP


def _closing_verb(folded: str, sign: re.Match[str], doc: tuple[int, int, str]) -> bool:
    """Whether the signing word ends the sentence and the document word stands before it:
    a verb-final sentence (Turkic word order) signs the document it opens with, however
    many words (signatories, titles) stand between."""
    return doc[1] <= sign.start() and not re.search(r"\w", folded[sign.end() :])


def _count(folded: str, doc_start: int) -> int:
    """A number written right before the document word, else 1."""
    before = folded[max(0, doc_start - 30) : doc_start]
    if re.search(r"[\u4e00-\u9fff]$", before):
        cjk = re.search(r"(\d+|[两三四五])[份项个]$", before)
        return int(cjk.group(1)) if cjk and cjk.group(1).isdigit() else 1
    match = _COUNT_BEFORE.search(before.rstrip())
    if not match:
        return 1
    if match.group(1):
        return max(1, int(match.group(1)))
    return _NUMBER_WORDS.get(match.group(2) or "", 1)


def _subject(folded: str, doc_start: int, doc_end: int) -> str:
    """A short key telling two documents of one kind apart (only for Chinese for now)."""
    before = folded[max(0, doc_start - 4) : doc_start]
    cjk = re.search(r"[\u4e00-\u9fff]{2}(?=合作$)", before) or re.search(
        r"[\u4e00-\u9fff]{2}$", before
    )
    return cjk.group() if cjk else ""


def _topic(folded: str, doc_start: int, doc_end: int) -> str:
    """The English topic whose word stands beside the document word, else ""."""
    before = folded[max(0, doc_start - _TOPIC_REACH) : doc_start]
    after = folded[doc_end : doc_end + _TOPIC_REACH]
    return next((t for t, p in _TOPICS if p.search(before) or p.search(after)), "")


def _clause(folded: str, sign: re.Match[str], doc: tuple[int, int, str]) -> tuple[int, int]:
    """The signing word and the document word with the words between and a few after."""
    start, end = min(sign.start(), doc[0]), max(sign.end(), doc[1])
    tail = re.match(r"(?:\s*[^\s.,;:!?。，；]+){0,4}", folded[end:])
    return start, end + (tail.end() if tail else 0)


def _planned(folded: str, sign: re.Match[str]) -> bool:
    before = folded[max(0, sign.start() - 25) : sign.start()]
    return bool(_PLANNED_BEFORE.search(before) or _PLANNED_VERB.search(sign.group()))


def _named_documents(folded: str) -> list[tuple[int, int, str]]:
    """Document words, minus one that only continues the previous document's name
    (a memorandum word directly followed by an agreement word, "memorandum of agreement")."""
    kept: list[tuple[int, int, str]] = []
    for doc in _documents(folded, 0, len(folded)):
        if kept and folded[kept[-1][1] : doc[0]].strip() in _NAME_JOINERS:
            continue
        kept.append(doc)
    return kept


def _sentence_mentions(text: str, offset: int, sentence: str) -> Iterator[_Mention]:
    folded = _fold(sentence)
    signs = [m for m in _SIGNING.finditer(folded.text) if not _planned(folded.text, m)]
    for doc in _named_documents(folded.text):
        near = [m for m in signs if _near(m, doc) or _closing_verb(folded.text, m, doc)]
        if not near:
            continue
        sign = min(near, key=lambda m: min(abs(doc[0] - m.end()), abs(m.start() - doc[1])))
        start, end = folded.to_source(*_clause(folded.text, sign, doc))
        yield _Mention(
            doc[2],
            _count(folded.text, doc[0]),
            _subject(folded.text, doc[0], doc[1]),
            Span.of(text, offset + start, offset + end),
            _topic(folded.text, doc[0], doc[1]),
        )


def _mentions(text: str) -> Iterator[_Mention]:
    for start, end in _sentences(text):
        if text[start:end].strip():
            yield from _sentence_mentions(text, start, text[start:end])


def _merge(mentions: list[_Mention]) -> list[_Mention]:
    """One finding per kind and subject; a mention without a subject joins its kind."""
    kept: list[_Mention] = []
    for mention in mentions:
        same = [
            i
            for i, k in enumerate(kept)
            if k.kind == mention.kind
            and (not k.subject or not mention.subject or k.subject == mention.subject)
        ]
        if not same:
            kept.append(mention)
        elif mention.count > kept[same[0]].count:
            kept[same[0]] = replace(mention, topic=mention.topic or kept[same[0]].topic)
        elif mention.topic and not kept[same[0]].topic:  # a later mention says what it is on
            kept[same[0]] = replace(kept[same[0]], topic=mention.topic)
    return kept


def find_agreements(text: str, language: str | None) -> list[AgreementFinding]:
    """Documents reported as signed in ``text``, one per document, in reading order.

    ``language`` is accepted for the stage interface; the word lists of every supported
    language are tried, as their words do not collide.
    """
    del language
    merged = _merge(list(_mentions(text)))
    return [AgreementFinding(m.kind, m.count, m.span, m.topic) for m in merged]


def mentions_signing(text: str) -> bool:
    """Whether ``text`` uses a signing word of any language at all ("подписали",
    "қол қойды", "ký kết", "signed"): the faithfulness check lets an English summary
    speak of a signing only then, or when a document was found."""
    return _SIGNING.search(_fold(text).text) is not None
