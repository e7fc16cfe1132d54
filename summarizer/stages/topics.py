"""Which medical fields and event types an article is about, from cue words of its language.

The small model, asked for ``medical_fields``, tends to list the vocabulary in declaration
order instead of choosing, and it picks ``event_types`` weakly. Both are topic labels that
general vocabulary settles well: an article about cardiology says "кардиолог…", "жүрек",
"tim mạch" or "cardiac"; a signing says "подписали соглашение", "меморандумға қол қойды",
"ký hợp đồng". So this stage matches a small cue lexicon per language (stems,
so that inflected forms match) and keeps a label only when its cues are strong enough.
The lexicons are data, one file per language: ``summarizer/languages/<code>/topics.json``.

Scoring is set F1 per article, so precision matters as much as recall:

* a field label needs one cue anywhere (fields are named once, often late in the body);
  an event label needs a cue in the lead (headline and first two sentences), two body
  sentences with cues, or one specific two-word cue (sign + document);
* a label counts once per sentence; labels are ordered by weight (a lead cue weighs double)
  and capped per list: three event types, four fields (measured on dev: three fields scored
  .811, four .822, five .823; a sixth of the gold articles name four or more fields);
* cues for medical specialties outside the vocabulary (ophthalmology, dermatology,
  traditional medicine…) vote for ``other``, as the gold convention does;
* event cues in sentences that report background ("earlier", "last year") do not count,
  as the spec says a past signing mentioned as background is not an event of the article;
* when no cue fires at all the answer is ``other`` (the gold convention, and it measured
  better than an empty list); a language without a lexicon gets an empty list.

Every label carries the Span of the clause whose cue supports it, which becomes evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarizer import languages
from summarizer.schemas.article import EventType, MedicalField
from summarizer.stages.sentences import split_sentences
from summarizer.stages.spans import Span

# Selection rule, chosen by measurement on the dev set (see the module docstring).
LEAD_SENTENCES = 3  # headline + first two sentences
MIN_SENTENCE_WORDS = 3  # a shorter "sentence" is a dateline's fragment, not the lead's
LEAD_WEIGHT = 2
BODY_WEIGHT = 1
FIELD_MIN_WEIGHT = 1
EVENT_MIN_WEIGHT = 2
# A cue that needs a second word in its sentence (sign + document) is specific: it counts double.
COMPOUND_FACTOR = 2
MAX_FIELDS = 4
MAX_EVENTS = 3
# A dateline this many sentences after the lead's usual end still opens the report.
DATELINE_REACH = 2
_DIGIT = re.compile(r"\d")
# Clauses longer than this are narrowed to the comma/semicolon-delimited part with the cue.
MAX_SPAN_CHARS = 160
# A sentence of a script written without spaces (Chinese, Japanese) is a dateline's or a
# stamp's fragment when it has fewer letters of that script than this.
MIN_UNSPACED_LETTERS = 10
# Letters of the scripts written without spaces between words (Han, kana).
_UNSPACED_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")

# The cue lexicons are data: ``summarizer/languages/<code>/topics.json``, and
# ``_common/topics.json`` for which lexicons read other languages.
# Cue syntax: words are stems (``кардиолог`` matches ``кардиологии``) unless they end in
# ``=`` (whole word). Words of a cue may be separated by spaces or hyphens in the text.
# ``cue & a|b`` additionally requires one of the stems ``a``/``b`` in the same sentence;
# ``cue ! a|b`` counts only where none of them is (both may be combined: ``cue & a ! b``).
_COMMON = languages.load("_common", "topics")
_ORDER: list[str] = _COMMON["reading_order"]
# Languages with a lexicon, in the order they are tried when the language is unknown.
_LEXICON_LANGUAGES = tuple(
    sorted(
        languages.languages_with("topics"),
        key=lambda code: (_ORDER.index(code) if code in _ORDER else len(_ORDER), code),
    )
)
# Cyrillic languages without their own lexicon read with Russian and Kazakh stems together.
_CYRILLIC_FALLBACK = tuple(_COMMON["cyrillic_fallback"])
_CYRILLIC_LANGUAGES = frozenset(_COMMON["cyrillic_languages"])
# Event labels whose cue is specific in a sentence that names an official (a meeting).
_OFFICIAL_LABELS = frozenset(_COMMON["official_labels"])
# Spellings of one word that a language writes either way ("bác sỹ" and "bác sĩ"), folded to
# one form in the text and in the cues alike; each variant has the length of its form.
_VARIANTS: dict[str, str] = {
    variant: form
    for table in languages.tables("topics", "letter_variants")
    for variant, form in table.items()
}
_VARIANT = re.compile("|".join(re.escape(v) for v in sorted(_VARIANTS, key=len, reverse=True)))


@dataclass(frozen=True)
class TopicFinding:
    """One topic label and the clause whose cue supports it."""

    label: str  # a MedicalField or EventType value
    cue: str  # the cue word/stem that matched
    span: Span  # the clause containing the cue (evidence)


@dataclass(frozen=True)
class _Cue:
    label: str
    text: str
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None  # must also occur in the same sentence
    unless: re.Pattern[str] | None = None  # must not occur in the same sentence


def find_medical_fields(
    text: str, language: str | None, names: Sequence[Span] = ()
) -> list[TopicFinding]:
    """Medical fields the article is about, strongest first (at most ``MAX_FIELDS``).

    ``other`` when no cue fires (the gold convention for topics outside the vocabulary);
    an empty list when the language has no lexicon, so the caller can fall back. A cue
    inside one of ``names`` (the organizations found) does not count: "психиатрическая
    больница" on a tour, or a university "of Medicine and Pharmacy", is no topic.
    """
    if not _covered(language):
        return []
    if not mentions_health(text, language):
        return []  # not about health care: no medical field, whatever other cues say
    findings = _select(
        text, _cues_for("fields", language), None, FIELD_MIN_WEIGHT, MAX_FIELDS, names
    )
    return findings or _other(text, MedicalField.other.value)


def mentions_health(text: str, language: str | None) -> bool:
    """Whether the article names health care at all: one of its language's health anchor
    stems occurs (``health_anchors`` in the language's topics.json, matched inside words:
    "нейрохирург" holds "хирург") outside every word of ``not_health_words`` that holds an
    anchor without being about health ("привлечения" holds "лечен", "поздравил" "здрав").
    True for a language without anchors (nothing to judge by)."""
    topic_words = languages.load(language, "topics") if language else {}
    anchors = topic_words.get("health_anchors")
    if not anchors:
        return True
    folded = text.casefold()
    decoys = [
        range(m.start(), m.end())
        for word in topic_words.get("not_health_words", ())
        for m in re.finditer(re.escape(word.casefold()), folded)
    ]
    return any(
        not any(m.start() in decoy for decoy in decoys)
        for stem in anchors
        for m in re.finditer(re.escape(stem.casefold()), folded)
    )


def find_event_types(
    text: str, language: str | None, officials: Sequence[Span] = ()
) -> list[TopicFinding]:
    """Event types the article reports, strongest first (at most ``MAX_EVENTS``).

    ``other`` when no cue fires; an empty list when the language has no lexicon. A cue of a
    meeting in a sentence that names one of ``officials`` (people found with a title)
    counts as a specific cue does: talks with named officials are the spec's meeting.
    """
    if not _covered(language):
        return []
    background = _background_pattern(language)
    findings = _select(
        text,
        _cues_for("events", language),
        background,
        EVENT_MIN_WEIGHT,
        MAX_EVENTS,
        officials=officials,
    )
    return findings or _other(text, EventType.other.value)


def _covered(language: str | None) -> bool:
    """Whether some lexicon reads ``language`` (unknown language: all lexicons are tried)."""
    return language is None or language in _LEXICON_LANGUAGES or language in _CYRILLIC_LANGUAGES


def _other(text: str, label: str) -> list[TopicFinding]:
    """The ``other`` label, with the headline as its (weak) evidence."""
    sentences = split_sentences(text)
    if not sentences:
        return []
    first = sentences[0]
    return [TopicFinding(label, "", _narrow(first, first.start, first.start))]


# -- selection ----------------------------------------------------------------------------


def _select(
    text: str,
    cues: Sequence[_Cue],
    background: re.Pattern[str] | None,
    min_weight: int,
    limit: int,
    names: Sequence[Span] = (),
    officials: Sequence[Span] = (),
) -> list[TopicFinding]:
    weights: dict[str, int] = {}
    evidence: dict[str, TopicFinding] = {}
    counted = 0  # sentences so far; a dateline's fragments ("Омск." "2 мая.") count none
    lead_end = LEAD_SENTENCES
    for sentence in split_sentences(_matchable(text)):
        position = LEAD_WEIGHT if counted < lead_end else BODY_WEIGHT
        if not _fragment(sentence.text):
            counted += 1
        elif counted < LEAD_SENTENCES + DATELINE_REACH and _DIGIT.search(sentence.text):
            # a dateline ("OMSK, 2 May - AGENCY.") opens the report after a headline and a
            # subtitle: the report's first sentence is the lead's, however many came before
            lead_end = max(lead_end, counted + 1)
        if background is not None and background.search(sentence.text):
            continue
        # A label counts once per sentence, with the weight of its strongest cue there.
        best: dict[str, int] = {}
        named = any(o.start < sentence.end and sentence.start < o.end for o in officials)
        for cue, start, end in _matches(sentence, cues, names):
            specific = cue.context is not None or (named and cue.label in _OFFICIAL_LABELS)
            strength = COMPOUND_FACTOR if specific else 1
            best[cue.label] = max(best.get(cue.label, 0), position * strength)
            if cue.label not in evidence:
                span = _narrow(Span.of(text, sentence.start, sentence.end), start, end)
                evidence[cue.label] = TopicFinding(cue.label, cue.text, span)
        for label, weight in best.items():
            weights[label] = weights.get(label, 0) + weight
    kept = [label for label, weight in weights.items() if weight >= min_weight]
    # Strongest first; ties keep the order of first appearance (dicts keep insertion order).
    kept.sort(key=lambda label: -weights[label])
    return [evidence[label] for label in kept[:limit]]


def _fragment(sentence: str) -> bool:
    """Whether a "sentence" is a dateline's or a stamp's fragment ("Омск." "OMSK, 2 May -
    AGENCY." "12 June 2024, 15:39"), not a sentence of the lead: it has fewer than
    ``MIN_SENTENCE_WORDS`` words, or fewer than two lower-case words that do not follow a
    number (a month after its day is part of the date); a headline in capitals is none.
    A sentence written without spaces (Chinese) is one when it has fewer than
    ``MIN_UNSPACED_LETTERS`` letters of its script ("来源:办公室")."""
    words = sentence.split()
    if len(words) < MIN_SENTENCE_WORDS and _UNSPACED_LETTER.search(sentence):
        return len(_UNSPACED_LETTER.findall(sentence)) < MIN_UNSPACED_LETTERS
    if len(words) < MIN_SENTENCE_WORDS:
        return True
    capitals = sentence.isupper()  # a headline in capitals is a sentence
    lower = [
        word
        for before, word in zip(["", *words], words, strict=False)
        if len(word.strip('.,;:!?()«»"')) >= 3
        and (capitals or word[0].islower())
        and not any(c.isdigit() for c in before)
    ]
    return len(lower) < 2


def _matches(
    sentence: Span, cues: Iterable[_Cue], names: Sequence[Span] = ()
) -> Iterable[tuple[_Cue, int, int]]:
    """Each cue found in the sentence once (its first match outside the words of an
    organization's name, ``names``), with source offsets."""
    for cue in cues:
        match = next(
            (
                m
                for m in cue.pattern.finditer(sentence.text)
                if not any(
                    n.start <= sentence.start + m.start() and sentence.start + m.end() <= n.end
                    for n in names
                )
            ),
            None,
        )
        if match is None:
            continue
        if cue.context is not None and not cue.context.search(sentence.text):
            continue
        if cue.unless is not None and cue.unless.search(sentence.text):
            continue
        yield cue, sentence.start + match.start(), sentence.start + match.end()


def _narrow(sentence: Span, start: int, end: int) -> Span:
    """The sentence, or the comma/semicolon-delimited clause of it holding [start, end)."""
    if len(sentence.text) <= MAX_SPAN_CHARS:
        return sentence
    source_start = sentence.start
    text = sentence.text
    left = max(text.rfind(sep, 0, start - source_start) for sep in ",;:")
    right_candidates = [i for sep in ",;:" if (i := text.find(sep, end - source_start)) >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    clause = text[left + 1 : right]
    offset = source_start + left + 1 + (len(clause) - len(clause.lstrip()))
    clause = clause.strip()
    return Span(offset, offset + len(clause), clause)


def _matchable(text: str) -> str:
    """``text`` with ё folded to е and spelling variants to their form (same length, so
    offsets stay valid)."""
    return _variants_folded(text.replace("ё", "е").replace("Ё", "Е"))


def _variants_folded(text: str) -> str:
    if not _VARIANTS:
        return text
    return _VARIANT.sub(lambda m: _VARIANTS[m.group(0)], text)


# -- lexicon compilation ------------------------------------------------------------------


def _lexicon_languages(language: str | None) -> tuple[str, ...]:
    """The lexicons that read ``language``: its own; a Cyrillic one of ``cyrillic_languages``
    also (or only, without a lexicon of its own) the fallback ones; an unknown one, all."""
    own = (language,) if language in _LEXICON_LANGUAGES else ()
    if language in _CYRILLIC_LANGUAGES:
        return (*own, *_CYRILLIC_FALLBACK)
    return own or _LEXICON_LANGUAGES


@lru_cache(maxsize=64)
def _cues_for(kind: str, language: str | None) -> tuple[_Cue, ...]:
    key = "medical_fields" if kind == "fields" else "event_types"
    cues: list[_Cue] = []
    for code in _lexicon_languages(language):
        lexicon = languages.load(code, "topics")
        for label, entries in lexicon[key].items():
            cues.extend(_compile_cue(label, entry, lexicon["whole_words"]) for entry in entries)
    return tuple(cues)


def _compile_cue(label: str, entry: str, whole: bool) -> _Cue:
    entry, _, unless = (part.strip() for part in entry.partition("!"))
    cue, _, context = (part.strip() for part in entry.partition("&"))
    return _Cue(
        label,
        cue,
        re.compile(_phrase_regex(cue, whole), re.IGNORECASE),
        _alternatives(context, whole),
        _alternatives(unless, whole),
    )


def _alternatives(stems: str, whole: bool) -> re.Pattern[str] | None:
    """``a|b`` as one pattern of cue phrases, or None for an empty string."""
    if not stems:
        return None
    return re.compile("|".join(_phrase_regex(alt, whole) for alt in stems.split("|")), re.I)


def _phrase_regex(phrase: str, whole: bool) -> str:
    """Regex for a cue phrase: each word a stem (or whole word), words joined by space/hyphen.
    A cue of a script written without spaces (Chinese) is matched anywhere, as written: its
    words have no boundaries to the text around them."""
    words = re.split(r"[\s\-]+", _variants_folded(unicodedata.normalize("NFC", phrase.strip())))
    if _UNSPACED_LETTER.search(phrase):
        return r"\s*".join(re.escape(word.rstrip("=")) for word in words)
    parts = []
    for word in words:
        exact = whole or word.endswith("=")
        token = re.escape(word.rstrip("="))
        parts.append(token if exact else token + r"\w*")
    tail = r"(?!\w)" if whole or words[-1].endswith("=") else ""
    return r"(?<!\w)" + r"[\s\-]+".join(parts) + tail


def _background_pattern(language: str | None) -> re.Pattern[str] | None:
    codes = _lexicon_languages(language)
    stems = [s for code in codes for s in languages.load(code, "topics")["background"]]
    if not stems:
        return None
    whole = language in _LEXICON_LANGUAGES and languages.load(language, "topics")["whole_words"]
    return re.compile("|".join(_phrase_regex(s, whole) for s in stems), re.IGNORECASE)
