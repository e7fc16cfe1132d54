"""Faithfulness check of the model's summary: every number and every proper name in it
must be supported by the article (or by a grounded finding); a sentence that is not is
removed, and the removal recorded.

Support for a number: the same digits occur as a number of the article, or it is a date
part or count a stage found; a number written with a scale word or a decimal point only
needs its leading digits to agree ("1.75 billion" is supported by "1,75 млрд" and "5.6
million" by "5 600 000"), so an invented year ("2017" beside a "20") is still caught.
Support for a name (a capitalized word that is not
ordinary English): it matches, by its first letters, a word of the article in Latin
letters (Cyrillic through the name table, other scripts through anyascii), two adjacent
article words written together ("Nam Dinh" written "Namdinh"), or a word of the English findings
(organization names, roles, places, countries, the English name of every country
and city the article names, and of every world region it names by CLDR's names).
In a title-cased headline or sentence ("Minister Visits
Hospital") a common English word is no name (pyspellchecker's word counts), unless it names
a place or a people.
An unsupported term in an aside (a bracketed remark, an apposition after a name, a closing
clause after a comma) costs only the aside; anywhere else it costs the sentence.
A sentence that says a document was signed needs a document the agreements stage found, or
at least a signing word of the article's language: the small model turns talks into
signed agreements.
A sentence with two lower-case words that are no English word holds source words the
model left untranslated or garbled ("signed with the komitet po zdravookhraneniyu"): it
reads as nonsense to an English reader (:mod:`summarizer.stages.english_words`).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from functools import lru_cache, partial

from anyascii import anyascii
from babel import Locale, UnknownLocaleError

from summarizer.language import is_english
from summarizer.schemas.article import EventType, MedicalField, OrganizationKind
from summarizer.stages.agreements import mentions_signing
from summarizer.stages.direction import one_side
from summarizer.stages.english_words import (
    TERM_ENDINGS,
    english_counts,
    plain_forms,
    untranslated_words,
)
from summarizer.stages.facts import facts_block, facts_summary
from summarizer.stages.lead import expand_abbreviations
from summarizer.stages.organizations import organization_name
from summarizer.stages.places import (
    CJK_LETTER,
    english_country_names,
    find_places,
    gazetteer_countries,
    is_country_word,
    is_place_word,
)
from summarizer.stages.record import ArticleRecord
from summarizer.stages.titles import unstated_headline_fields, unstated_name_fields, unstated_titles
from summarizer.stages.transliterate import to_latin

PREFIX = 5  # letters that must agree; inflected forms differ in their endings
SHORT_PREFIX = 4  # for demonyms: "Chinese" ~ "China"
# A number as an English summary writes it: "1,250,000", "1.5", "17" ("17, 2023" is two).
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]\d)|(?<![\w.,])\d+(?:\.\d+)?")
# In the article, numbers may group digits with spaces or dots ("5 600 000", "1.250"):
# both each digit run and every grouped form count as stated.
_SOURCE_NUMBER = re.compile(r"\d[\d,.\u00a0 ]*\d|\d")
_DIGIT_RUN = re.compile(r"\d+")
# A year the article does not state, attached to a date ("July 17, 2023", "in May 2023").
_DATE_YEAR = re.compile(r"(?:,\s*|\s+)(?:of\s+|in\s+)?(?P<year>(?:19|20)\d{2})\b(?=[\s.,;)]|$)")
_SCALED = re.compile(r"\s*(thousand|million|billion|trillion|%|percent)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")

# Capitalized words that are ordinary English (sentence starts, titles, institutions,
# calendar): they name nobody, so they need no support.
_ORDINARY = set(
    """a an the this that these those it its their they he she his her we our in on at of
    for from to by with and or but as after before during over under between about into
    also both each all some many more most new other such two three four five six seven
    eight nine ten first second third following later earlier while when where which who
    whose what during according there here its it's meanwhile besides however moreover
    then thus together under upon within without since until among along through toward
    towards ministry minister deputy vice health healthcare medical medicine hospital
    hospitals clinic clinical center centre centers university universities institute
    college school academy department committee council agency office administration
    government governor mayor head chairman chair director chief president prime
    ambassador consul consulate embassy delegation delegations officials official
    representatives representative regional region province provincial city district
    oblast republic federation state national international joint cooperation agreement
    memorandum contract protocol declaration forum conference congress summit meeting
    visit talks program programme project projects centre fund foundation association
    union organization organisation company corporation group hospital's people's
    doctors doctor professor dr mr ms mrs general public children's children women
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    north south east west northern southern eastern western central
    english article report reports reported news mou mous polyclinic polyclinics
    dispensary sanatoriums resorts waters mineral spring springs injured wounded veterans
    extraordinary plenipotentiary river basin sea lake gulf bay coast valley
    soldiers patients children's maternity family home house palace hall park street
    square avenue district region's city's day days week month year years""".split()
) | {  # the words of the vocabularies ("Rehabilitation Center", "Medical Tourism")
    word
    for vocabulary in (MedicalField, EventType, OrganizationKind)
    for member in vocabulary
    for word in member.value.split("_")
    if len(word) > 2
}


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number).lstrip("0")


def _source_numbers(record: ArticleRecord) -> set[str]:
    numbers = {_digits(m.group(0)) for m in _SOURCE_NUMBER.finditer(record.source)}
    numbers.update(m.group(0).lstrip("0") for m in _DIGIT_RUN.finditer(record.source))
    for figure in record.figures:
        value = figure.value
        numbers.add(_digits(f"{value:.0f}" if float(value).is_integer() else f"{value}"))
    for agreement in record.agreements:
        numbers.add(str(agreement.count))
    if record.event_date is not None:
        numbers.update(_digits(part) for part in record.event_date.value.split("-") if part)
    numbers.discard("")
    return numbers


def _number_supported(number: str, scaled: bool, numbers: set[str]) -> bool:
    digits = _digits(number)
    if not digits or digits in numbers:
        return True  # "0", or the article's own number
    if not (scaled or "." in number.strip(".")):
        return False
    return any(n.startswith(digits) or digits.startswith(n) for n in numbers if len(n) >= 2)


def _support_words(record: ArticleRecord, extra_text: str) -> set[str]:
    latin = to_latin(record.source) if re.search(r"[\u0400-\u04ff]", record.source) else ""
    text = " ".join([anyascii(record.source), latin, extra_text])
    words = [w.lower() for w in _WORD.findall(text)]
    hyphened = [w for w in words if "-" in w]
    support = set(words) | {w.replace("-", "") for w in hyphened}  # "Cu-ba"
    support.update(part for w in hyphened for part in w.split("-") if part)  # "Quoc-ASEAN"
    support.update(a + b for a, b in zip(words, words[1:], strict=False))
    return support | {spelling_key(w) for w in support}


# Spellings of one Cyrillic name in English news differ where transliteration systems do
# ("Yemelyanova" / "Emelyanova", "Elkhan" / "Elhan", "Yuliya" / "Yulia"): the key that
# both spellings share (digraphs first).
_SPELLING_FOLDS = (
    ("shch", "sh"),
    ("kh", "h"),
    ("ye", "e"),
    ("yu", "u"),
    ("ya", "a"),
    ("yo", "o"),
    ("iy", "i"),
    ("y", "i"),
    ("'", ""),
)


def spelling_key(word: str) -> str:
    """``word`` in lower case with the letters transliterations disagree on folded."""
    key = word.lower()
    for written, folded in _SPELLING_FOLDS:
        key = key.replace(written, folded)
    return key


def _name_supported(word: str, support: set[str]) -> bool:
    low = word.lower().strip("'-")
    if low in support or spelling_key(low) in support:
        return True
    size = PREFIX if len(low) >= PREFIX else len(low)
    if len(low) >= 6:
        demonym = low.endswith(("ese", "ian", "an")) or is_country_word(word)  # "Turkish"
        size = min(size, SHORT_PREFIX) if demonym else size
    stems = (low[:size], spelling_key(low)[:size])
    return any(s.startswith(stems) for s in support if len(s) >= size)


# pyspellchecker's count for a word (from film subtitles): from this count a word is common
# English ("collaboration" ~2,400, "discuss" ~89,000). A few first names reach it too
# ("alexander" ~2,300), so the list is read only in title-cased text, where a full name's
# other part is still checked; places and peoples never count as words (is_place_word).
MIN_ENGLISH_COUNT = 2_000
# A word of some town's name in GeoNames that is this common ("Sector", "Military", "Young")
# reads as the English word; a word of a country's name or a demonym never does.
MIN_PLACE_WORD_COUNT = 10_000
# A word built with an English derivational ending ("Collaborate", "Bilateral",
# "Consultations") is read as a word at a lower count: the subtitles rank such formal
# words low, and a person's or town's name rarely carries one of these endings.
MIN_DERIVED_COUNT = 300
_DERIVED_ENDINGS = tuple(
    (
        "ate ation ition ution sion ment ship ence ance ity ness ous ive"
        " ral tal nal ial cal ology ise ize ify care"
    ).split()
)
TITLE_CASE_SHARE = 0.6  # of the words of 4+ letters capitalized: a title-cased sentence


def ordinary_english(word: str, town_words: bool = False) -> bool:
    """A common English word ("Discusses", by its plain form "discuss"), not a place or
    a people's name: in a title-cased headline it names nobody. ``town_words``: a word of
    some town's name that is very common in English ("Military", "Sector") counts as the
    word (a headline's word); a country's name or demonym never counts. A hyphenated word
    is ordinary when each of its parts is ("Sub-Deputy", "Long-Term")."""
    if "-" in word.strip("-"):
        return all(ordinary_english(part, town_words) for part in word.split("-") if part)
    low = word.lower()
    forms = plain_forms(low)
    counts = english_counts()
    count = max(counts.get(form, 0) for form in forms)
    derived = any(form.endswith(_DERIVED_ENDINGS) for form in forms)
    if count < (MIN_DERIVED_COUNT if derived else MIN_ENGLISH_COUNT) or is_country_word(word):
        return False
    return (town_words and count >= MIN_PLACE_WORD_COUNT) or not is_place_word(word)


def title_cased(text: str) -> bool:
    """Whether ``text`` capitalizes most of its longer words, as a headline does."""
    words = [w for w in _WORD.findall(text) if len(w) >= 4]
    return bool(words) and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def unsupported_terms(
    sentence: str, numbers: set[str], support: set[str], title_case: bool | None = None
) -> list[str]:
    """The numbers and names of ``sentence`` that nothing supports. In a title-cased
    sentence (``title_case``; by default judged from the sentence) a common English word
    is no name ("Minister Visits Hospital")."""
    title_case = title_cased(sentence) if title_case is None else title_case
    missing = [
        m.group(0)
        for m in _NUMBER.finditer(sentence)
        if not _number_supported(m.group(0), bool(_SCALED.match(sentence, m.end())), numbers)
    ]
    for i, raw in enumerate(_WORD.findall(sentence)):
        word = raw.strip("'-")  # quotes around names: 'Mineral Waters'
        if not word or not word[0].isupper() or word.lower() in _ORDINARY:
            continue
        if word.lower().endswith("'s") and word[:-2].lower() in _ORDINARY:
            continue
        # The first word is capitalized by grammar ("Signed", "Doctors", "Oncologists"):
        # it is a name only when it is no English word ("Benedictine hospital in ...").
        if i == 0 and english_opening(word):
            continue
        if _name_supported(word.removesuffix("'s"), support):
            continue
        if not (title_case and ordinary_english(word, town_words=True)):  # the list if needed
            missing.append(word)
    return missing


def english_opening(word: str) -> bool:
    """Whether a sentence's capitalized first word reads as an English word, not a name:
    a common word (:func:`ordinary_english`) or a medical or technical term by its ending
    ("Oncologists", "Cardiology")."""
    return ordinary_english(word, town_words=True) or any(
        form.endswith(TERM_ENDINGS) for form in plain_forms(word.lower())
    )


_MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}


def stated_months(record: ArticleRecord) -> set[int]:
    """Months of the dates the date stage found in the article, and months it names
    without a day ("đầu tháng 7", "в июле": early July, in July)."""
    months = named_months(record.source, record.language)
    for found in [*record.dates, *([record.event_date] if record.event_date else [])]:
        parts = found.value.lstrip("-").split("-")
        if found.value.startswith("--"):
            months.add(int(parts[0]))
        elif len(parts) >= 2:
            months.add(int(parts[1]))
    return months


def named_months(text: str, language: str | None) -> set[int]:
    """The months ``text`` names in ``language`` by CLDR's month names (babel): a name of
    words and digits as written ("tháng 7", not "tháng 70"), a word by its stem with up
    to two more letters ("июл" for июля, июле)."""
    text = text.casefold()
    return {month for month, pattern in _month_patterns(language) if pattern.search(text)}


@lru_cache(maxsize=32)
def _month_patterns(language: str | None) -> tuple[tuple[int, re.Pattern[str]], ...]:
    """Each month's CLDR names in ``language`` as patterns (see :func:`named_months`),
    built once a language; none for a language babel does not know."""
    try:
        names = Locale.parse(language or "").months
    except (ValueError, TypeError, UnknownLocaleError):
        return ()
    patterns = []
    for width in ("format", "stand-alone"):
        for month, name in names[width]["wide"].items():
            name = name.casefold()
            if name.isalpha():
                stem = re.escape(name[: max(3, len(name) - 2)])
                pattern = rf"(?<!\w){stem}\w{{0,{len(name) - len(stem) + 2}}}(?!\w)"
            else:
                pattern = rf"(?<!\w){re.escape(name)}(?![\w\d])"
            patterns.append((int(month), re.compile(pattern)))
    return tuple(patterns)


def named_regions(text: str, language: str | None) -> list[str]:
    """The English names of the world regions ``text`` names in ``language`` by CLDR's
    region names (babel): "Trung Á", "Центральной Азии" -> "Central Asia"; each
    word by its stem, so inflected forms count."""
    text = text.casefold()
    found = [
        (m.start(), m.end(), english)
        for english, pattern in _region_patterns(language)
        if (m := pattern.search(text))
    ]
    # a region inside a longer one's name is no second region
    return [
        english
        for start, end, english in found
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in found)
    ]


@lru_cache(maxsize=32)
def _region_patterns(language: str | None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(English name, pattern of the local name) for each CLDR world region (a numeric
    territory code), built once a language; none for a language babel does not know."""
    try:
        local, english = Locale.parse(language or "").territories, Locale("en").territories
    except (ValueError, TypeError, UnknownLocaleError):
        return ()
    patterns = []
    for code, name in local.items():
        if not code.isdigit() or code == "001" or code not in english:
            continue
        words = [w for w in re.split(r"[\s\-]+", name.casefold()) if w]
        if not words or not all(w.isalpha() for w in words):
            continue
        stems = [
            re.escape(w[: max(3, len(w) - 2)]) + r"\w{0,3}" if len(w) > 3 else re.escape(w)
            for w in words
        ]
        pattern = r"[\s\-]+".join(stems)
        if not CJK_LETTER.search(name):  # words between spaces
            pattern = rf"(?<!\w){pattern}(?!\w)"
        patterns.append((english[code], re.compile(pattern)))
    return tuple(patterns)


def unsupported_months(sentence: str, months: set[int]) -> list[str]:
    """Month names of no date the article states: a wrong month is a wrong date, whatever
    the day's digits. "May" counts only next to a day number (else it is the verb)."""
    out = []
    for word in _WORD.findall(sentence):
        month = _MONTHS.get(word)
        if month is None or month in months:
            continue
        if word == "May" and not re.search(r"\bMay \d|\d May\b", sentence):
            continue
        out.append(word)
    return out


def unsupported_titles(sentence: str, record: ArticleRecord, findings: str) -> list[str]:
    """English titles ("minister", "ambassador") in ``sentence`` that neither the English
    findings (roles, organization names: ``findings``, lower-case) nor a word of the
    article in its language state (:func:`titles.unstated_titles`)."""
    return unstated_titles(sentence, record, findings)


_SIGNING_CLAIM = re.compile(
    r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?)\b.*\b(?:agreements?|memorand(?:um|a)|mous?|contracts?"
    r"|protocols?|deals?|declarations?|documents?)\b"
    r"|\b(?:agreements?|memorand(?:um|a)|mous?|contracts?|protocols?|deals?|declarations?"
    r"|documents?)\b.*\bsigned\b",
    re.I,
)


def unsupported_signing(sentence: str, record: ArticleRecord) -> list[str]:
    """``["signing"]`` when ``sentence`` says a document was signed but the article
    reports none: no document was found and no signing word of any language occurs in it
    (the small model turns talks and plans into signed agreements)."""
    if not _SIGNING_CLAIM.search(sentence) or record.agreements:
        return []
    return [] if mentions_signing(record.source) else ["signing"]


# A place and, after its comma, what may name its country: "Omsk, Germany".
_AFTER_COMMA = r",\s+((?:the\s+)?[A-Z][^,.;:()]{0,40})"


def unsupported_place_countries(sentence: str, record: ArticleRecord) -> list[str]:
    """The country C of each "P, C" where P is a place the article names in another
    country ("Omsk, Germany": the small model puts a city in the other side's country);
    the country alone, so that the aside holding it can be cut (:func:`trim_asides`)."""
    if record.places is None:
        return []
    wrong = []
    for location in record.places.locations:
        # the gazetteer's word on where the place is, not a guess of the places stage
        if location.country not in gazetteer_countries(location.name):
            continue
        for match in re.finditer(re.escape(location.name) + _AFTER_COMMA, sentence):
            named = find_places(match.group(1), "en").countries
            if named and named[0].span.start <= len("the ") and named[0].code != location.country:
                wrong.append(match.group(1)[named[0].span.start : named[0].span.end])
    return wrong


_TRAVEL_CLAIM = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|trip|tour(?:s|ed)?|travel(?:s|led|ed)?|arriv(?:e|es|ed|al)"
    r"|leads? (?:a |the )?(?:\w+ )?delegation)\b",
    re.I,
)


_TOWARD = re.compile(r"\b(?:to|from)\s+(?:the\s+)?[A-Z]")
# The side a headline names as the delegation's home, and as its host.
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?([A-Z][\w'-]*)")
_AT = re.compile(r"\b(?i:to|in|visit(?:s|ed|ing)?|arriv(?:e|es|ed) in)\s+(?:the\s+)?([A-Z][\w'-]*)")


def unsupported_direction(headline: str, record: ArticleRecord) -> list[str]:
    """``["direction"]`` when a headline says who travelled where (a travel word, and two
    places or peoples, or "to"/"from" a name) but the direction stage found no visit the
    lead marks: the model's headlines reverse visits (the delegation's home named as its
    host). A minister who "visits Omsk hospital" claims no direction. Where the stage found
    a visit, its own headline is used instead."""
    if record.visit is not None or not _TRAVEL_CLAIM.search(headline):
        return []
    places = {
        w.lower()[:4] for w in _WORD.findall(headline) if w[:1].isupper() and is_place_word(w)
    }
    if not (len(places) >= 2 or _TOWARD.search(headline)):
        return []
    return [] if _one_side_agrees(headline, record) else ["direction"]


def _one_side_agrees(headline: str, record: ArticleRecord) -> bool:
    """Whether the lead's markers settle one side and the headline names it in that role
    ("from X" for the delegation's home, "to/in/visits Y" for its host) and never in the
    other."""
    guest, host = one_side(record)

    def in_role(name: str | None, role: re.Pattern[str]) -> bool:
        stem = re.escape(name.split()[0][:PREFIX]) if name else ""
        return bool(stem) and any(
            m.group(1).lower().startswith(stem.lower()) for m in role.finditer(headline)
        )

    agrees = in_role(guest, _FROM) or in_role(host, _AT)
    return agrees and not in_role(guest, _AT) and not in_role(host, _FROM)


def drop_unstated_years(sentence: str, numbers: set[str]) -> str:
    """Remove a year the article does not state from a date ("on July 17, 2023." ->
    "on July 17."): the small model adds a year to a day and month; the rest of the sentence
    may be sound."""

    def repair(match: re.Match[str]) -> str:
        return match.group(0) if match.group("year") in numbers else ""

    return _DATE_YEAR.sub(repair, sentence)


_OWN = re.compile(r"\b(?:[Oo]ur|[Mm]y)\b")


def impersonal(sentence: str) -> str:
    """``sentence`` with "our"/"my" as "the": the model translates a quote or the outlet's
    own voice ("visited our hospital") and a reader cannot tell whose; "the hospital" still
    holds (the pronoun's owner is left unnamed rather than guessed). A "we" sentence is
    kept as it is: on dev it carried what the sides agreed to do more often than not, and
    "they" or "the sides" would guess who spoke."""

    def the(match: re.Match[str]) -> str:
        return "The" if match.start() == 0 else "the"

    return _OWN.sub(the, sentence)


Supports = tuple[set[str], set[str], set[int], str]

# An aside a sentence can lose and still say what it said: a bracketed remark; an
# apposition set off by commas after a name ("Anna Belova, the director of X, said ...");
# a closing clause after a comma that only adds to the claim ("..., discussing X";
# "..., where Y"). List items and introductory phrases are no asides: without them the
# sentence would say something else.
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_APPOSITION = re.compile(r"(?<=[A-Za-z.]),\s+(?:the|a|an|who|whose)\s[^,]*,(?=\s)")
_CLOSING = re.compile(r"(?<=[A-Za-z]),\s+(?:[a-z]+ing|where|which|who|whose)\s[^,]*[.!?]?$")
# ", Germany," / ", South Korea." after a name: what the name is in or what it is.
_NAMED_ASIDE = re.compile(
    r"(?<=[A-Za-z]),\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}(?:,|(?=[.!?]?$))"
)
# " in Omsk." / " at the Tomsk Region." closing the sentence: where, added to a claim
# that stands without it (the small model adds the province or country it knows a city
# or hospital to be in, and the article may not say it).
_PLACE_TAIL = re.compile(
    r"\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){0,3}(?=[.!?]?$)"
)
MIN_TRIMMED_WORDS = 6


def _asides(sentence: str) -> list[tuple[int, int]]:
    """Where each removable aside of ``sentence`` is (start, end)."""
    spans = [(m.start(), m.end()) for m in _BRACKETED.finditer(sentence)]
    spans += [(m.start(), m.end()) for m in _APPOSITION.finditer(sentence)]
    spans += [(m.start(), m.end()) for m in _NAMED_ASIDE.finditer(sentence)]
    spans += [(m.start(), len(sentence.rstrip(".!?"))) for m in _CLOSING.finditer(sentence)]
    spans += [(m.start(), m.end()) for m in _PLACE_TAIL.finditer(sentence)]
    return spans


def trim_asides(sentence: str, missing: Callable[[str], list[str]]) -> str | None:
    """``sentence`` without the asides that hold a term ``missing`` finds unsupported,
    when that leaves a supported sentence of :data:`MIN_TRIMMED_WORDS` words or more;
    else None. The main clause is never cut: a claim there removes the sentence."""
    terms = [re.escape(term) for term in missing(sentence)]
    held = re.compile(rf"(?<![\w-])(?:{'|'.join(terms)})", re.I) if terms else None
    cut_from = len(sentence)
    for start, end in sorted(_asides(sentence), key=lambda span: -span[0]):
        if end <= cut_from and held is not None and held.search(sentence, start, end):
            rest = sentence[end:]
            joint = "," if re.match(r"\s+(?:[A-Z]|(?:the|a|an)\s)", rest) else ""
            sentence, cut_from = sentence[:start] + joint + rest, start
    sentence = re.sub(r"\s+([.,;!?])", r"\1", sentence).strip()
    sentence = re.sub(r",(?=[.!?]$)", "", sentence)
    if not sentence.endswith((".", "!", "?")):
        sentence += "."
    if missing(sentence) or len(sentence.split()) < MIN_TRIMMED_WORDS:
        return None
    return sentence


def _unsupported_claims(
    record: ArticleRecord, supports: Supports, title_case: bool, text: str
) -> list[str]:
    """Every number, name, month, title or signing of ``text`` nothing supports."""
    numbers, support, months, findings = supports
    found = unsupported_terms(text, numbers, support, title_case)
    found += unsupported_months(text, months)
    found += unsupported_titles(text, record, findings)
    found += unstated_name_fields(text, record, findings)
    found += unsupported_place_countries(text, record)
    found += untranslated_words(text)
    return found + unsupported_signing(text, record)


def check_summary(record: ArticleRecord, supports: Supports | None = None) -> None:
    """Remove summary sentences with unsupported numbers, names or months (recorded in
    ``record.removed_sentences``), or only the aside that holds them when the rest is
    supported (:func:`trim_asides`, recorded in ``record.repaired_sentences``);
    :func:`check_headline` does the same for the headline.
    ``supports``: :func:`supports_of` the record, when the caller has it already."""
    supports = supports or supports_of(record)
    numbers = supports[0]
    kept = []
    for sentence in record.summary_sentences:
        repaired = impersonal(drop_unstated_years(sentence, numbers))
        if repaired != sentence:
            record.repaired_sentences.append({"sentence": sentence, "repaired": repaired})
            sentence = repaired

        unsupported = partial(_unsupported_claims, record, supports, title_cased(sentence))
        missing = unsupported(sentence)
        trimmed = trim_asides(sentence, unsupported) if missing else None
        if trimmed is not None:
            record.repaired_sentences.append({"sentence": sentence, "repaired": trimmed})
            kept.append(trimmed)
        elif missing:
            record.removed_sentences.append(
                {"sentence": sentence, "unsupported": ", ".join(missing)}
            )
        else:
            kept.append(sentence)
    record.summary_sentences = kept


def supports_of(record: ArticleRecord, roles: bool = True) -> Supports:
    """What supports a summary's terms: the article's numbers, the words of the article
    and of the English findings (the facts block already names the countries, places and
    people found), the months of the dates found, and the English findings themselves in
    lower case (for titles). ``roles=False``: without the roles the naming turn gave, to
    check those roles themselves (:func:`unsupported_role_terms`)."""
    english = [organization_name(record, i) for i in range(len(record.organizations))]
    given = list(record.roles.values()) if roles else []
    findings = " ".join([facts_block(record), *english, *given])
    named = " ".join(record.places.named) if record.places is not None else ""
    if record.places is not None:
        codes = dict.fromkeys(country.code for country in record.places.countries)
        named += " " + " ".join(name for code in codes for name in english_country_names(code))
    named += " " + " ".join(named_regions(record.source, record.language))
    expanded = expand_abbreviations(record.source, record.language)
    support = _support_words(record, " ".join([findings, named, expanded]))
    return _source_numbers(record), support, stated_months(record), findings.lower()


def unsupported_role_terms(role: str, supports: Supports) -> list[str]:
    """The names and numbers of a person's English ``role`` (the naming turn's) that
    ``supports`` (:func:`supports_of` without the roles) leave unsupported: the small model
    puts an institution nobody wrote into a title ("Director of the Benedictine Hospital")."""
    numbers, support, _, _ = supports
    return unsupported_terms(f"The {role}", numbers, support, title_case=True)


def check_headline(record: ArticleRecord, supports: Supports | None = None) -> None:
    """Replace a headline that names an unsupported number, name or month with the one
    built from grounded findings (recorded in ``record.removed_sentences``), or cut the
    aside that holds it when the rest stands ("... in Omsk, Germany": "... in Omsk";
    recorded in ``record.repaired_sentences``). An empty headline is left to the caller's
    fallback."""
    if not record.headline.strip():
        return
    supports = supports or supports_of(record)
    headline = impersonal(drop_unstated_years(record.headline, supports[0]))
    claims = partial(_headline_claims, record, supports)
    if missing := claims(headline):
        trimmed = trim_asides(headline, claims)
        if trimmed is not None:
            trimmed = trimmed.rstrip(".")
            record.repaired_sentences.append(
                {"part": "headline", "sentence": record.headline, "repaired": trimmed}
            )
            headline = trimmed
        else:
            record.removed_sentences.append(
                {"part": "headline", "sentence": record.headline, "unsupported": ", ".join(missing)}
            )
            headline = facts_summary(record)[0]
    record.headline = headline


def _headline_claims(record: ArticleRecord, supports: Supports, headline: str) -> list[str]:
    """Every number, name, month, title, field of a name, signing, direction or place's
    country of ``headline`` nothing supports (a headline is title-cased)."""
    numbers, support, months, findings = supports
    # a headline starts with a name as often as not: its first word is checked too
    missing = unsupported_terms(f"The {headline}", numbers, support, title_case=True)
    missing += unsupported_months(headline, months)
    missing += unsupported_titles(headline, record, findings)
    missing += unstated_headline_fields(headline, record, findings)
    missing += unsupported_signing(headline, record)
    missing += unsupported_direction(headline, record)
    return missing + unsupported_place_countries(headline, record)


def check_answer(record: ArticleRecord) -> None:
    """:func:`check_summary` and :func:`check_headline`, against supports found once."""
    supports = supports_of(record)
    check_summary(record, supports)
    check_headline(record, supports)


def drop_if_not_english(record: ArticleRecord) -> None:
    """Empty the summary (recorded and warned) when what the faithfulness check left does
    not read as English (names and transliterated words): the caller then gives the
    English brief built from the findings."""
    if record.summary_sentences and not is_english(" ".join(record.summary_sentences)):
        record.removed_sentences.extend(
            {"sentence": s, "unsupported": "not English"} for s in record.summary_sentences
        )
        record.warnings.append("the model's summary was not English; replaced by the facts")
        record.summary_sentences = []
