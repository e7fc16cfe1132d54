"""Figures stage: the key numbers of an article, each with its unit and the words around it.

A "key number" is read here as a number that counts or measures something the article names:
a number followed by a noun ("40 operations", "6 балаға"), a scale word and a currency
("1,75 млрд долларов", "700 triệu USD"), or a percent. Numbers are written in a few fixed
shapes per language, so regular expressions read them, and the exclusions are explicit:

* dates and years come from the ``dates`` stage (its spans are skipped), plus a bare
  1900-2100 number, a number next to a month name or a Vietnamese date cue ("năm 2024",
  "2 ngày 29");
* ranges ("15%-25%", "26-30"), times, phone numbers and numbers glued to letters or URLs
  ("COVID-19", "A-320") are skipped: none of them is one stated value;
* ordinals ("8th", "5-ші", "lần thứ 31") are skipped, a hyphenated unit is kept ("10-yilga");
* a spelled-out number ("пять лет", "eight doctors", "екі орталық") only counts with a known
  unit noun within a few words, and "one" never does (it is an article as often as a number);
* a duration of 20 years or more is an anniversary or a history, not a key figure.

Thousands separators and the decimal mark follow the language (space always groups; "," is
decimal in ru/kk/vi/..., "." in en/zh). Units are English (``USD``, ``doctors``, ``days``);
a digit number before an unknown noun is kept with unit ``items``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from summarizer import languages
from summarizer.language import detect_language
from summarizer.stages import dates
from summarizer.stages.russian_nlp import lemma
from summarizer.stages.spans import Span
from summarizer.textfold import fold


@dataclass(frozen=True)
class FigureFinding:
    """A key number: full ``value``, English ``unit``, short ``description``, source ``span``."""

    value: float
    unit: str
    description: str
    span: Span


# -- vocabulary -------------------------------------------------------------------------------

# The vocabulary is data: ``summarizer/languages/<code>/units.json`` (scales, currencies,
# unit nouns, words that rule a figure out) and ``<code>/numbers.json`` (spelled-out
# numbers), with ``_common/units.json`` for what no one language owns. The stems of every
# language are tried whatever the article's language (``_common`` first, then by code).
_COMMON = languages.load("_common", "units")


# Languages that write "1.5" (others write "1,5" and group thousands with "." or a space).
_DOT_DECIMAL = frozenset(_COMMON["dot_decimal_languages"])

# Scale words (folded stems, matched at the start of a word) -> multiplier.
_SCALES: tuple[tuple[str, float], ...] = tuple(
    (stem, 10.0**power)  # the data gives the power of ten (3: a thousand)
    for table in languages.tables("units", "scales")
    for stem, power in table.items()
)
# Chinese, read on the raw text: scale characters, currencies, count words (units.json).
_CJK_UNITS = languages.load("zh", "units")
_CJK_SCALES: dict[str, float] = {
    character: 10.0**power for character, power in _CJK_UNITS["scale_characters"].items()
}
_SCALE_ENDINGS = frozenset(fold(e) for e in languages.words("units", "scale_endings"))
_APPROXIMATORS = frozenset(fold(w) for w in languages.words("units", "approximators"))

# Currency words (folded stems) -> ISO code; symbols are matched on the raw text.
_CURRENCIES: tuple[tuple[str, str], ...] = tuple(
    (stem, code)
    for table in languages.tables("units", "currencies")
    for code, stems in table.items()
    for stem in stems
)
_CURRENCY_SYMBOLS: dict[str, str] = _COMMON["currency_symbols"]
_CJK_CURRENCIES: dict[str, str] = _CJK_UNITS["currency_characters"]
# A country word before a currency word ("US dollars") is read through.
_CURRENCY_COUNTRY_WORDS = tuple(languages.words("units", "currency_country_words"))
_PERCENT_WORDS = tuple(fold(w) for w in languages.words("units", "percent_words"))

# Countable unit nouns (folded stems, matched at the start of a word; Russian words are
# lemmatised first) -> English unit.
_UNITS: tuple[tuple[str, str], ...] = tuple(
    (stem, unit)
    for table in languages.tables("units", "unit_nouns")
    for unit, stems in table.items()
    for stem in stems
)
# Vietnamese unit nouns keep their tones ("năm" year, "Nam" south; "người" person).
_VI_UNITS: dict[str, str] = {
    phrase: unit
    for unit, phrases in languages.load("vi", "units")["unit_phrases"].items()
    for phrase in phrases
}
_TIME_UNITS = frozenset({"days", "weeks", "months", "years"})
# Words right after a time figure that make it a point in the past ("15 жыл бұрын": ago).
_AGO = re.compile(r"\s+(?:" + ("|".join(languages.words("units", "ago_words")) or "(?!)") + r")\b")

# Words that never make the number before them a figure: function words, hours and clocks.
_NOT_UNITS = frozenset(languages.words("units", "not_units"))
# Before a number: it is a date, an ordinal, a code or a count of something else.
_BEFORE_SKIP = re.compile(
    r"(?:\b(?:" + "|".join(languages.words("units", "words_before_no_figure")) + r")\.?|[№#+§]|"
    r"\b[A-Za-zА-Яа-я]{1,3}-)\s*$",
    re.IGNORECASE,
)
_YEAR_RANGE = (1900, 2100)
_MAX_HISTORY_YEARS = 20
_MAX_UNIT_DISTANCE = 3  # words from a spelled-out number to its unit noun
# Turkic genitive endings: a noun phrase ends there, so the unit search stops.
_GENITIVE = re.compile(r"(?:[ндт][ыіиуү]ң|[ндт][ыіиуү]н|ning)$")
_MAX_SPAN = 120

# A number in digits: thousands groups (space, thin space, "." or ",") and a decimal tail.
_NUMBER = re.compile(
    r"(?<![\w.,/:\-–])\d+(?:[\u00a0\u202f .,]\d{3}(?!\d))*(?:[.,]\d+)?(?![\w/:])"
    r"|(?<![\w.,/:\-–])\d+(?=-[^\W\d_])"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’ʻ-][^\W\d_]+)*", re.UNICODE)
_RANGE_AFTER = re.compile(
    r"^\s*%?\s*(?:[-–—]|" + "|".join(languages.words("units", "range_words")) + r")\s*\d"
)
_RANGE_BEFORE = re.compile(r"\d\s*%?\s*[-–—]\s*$")
_GLUED_AFTER = re.compile(r"^(?:[.,:/]\d|-\d|[.,]?[^\W\d_]{0,2}\d)")
_ORDINAL_AFTER = re.compile(
    r"^(?:-?(?:" + "|".join(languages.words("units", "ordinal_suffixes")) + r")\b)"
)
# A word hyphen-joined after a number that makes it a place in a ranking ("353-орынға").
_RANK_AFTER = re.compile(
    r"^[-‑](?:" + ("|".join(languages.words("units", "rank_words")) or "(?!)") + ")"
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.[a-z]{2,4}/\S*|\S+@\S+", re.IGNORECASE)
# A currency symbol (or "US$", "USD") right before a number belongs to its evidence.
_SYMBOL_BEFORE = re.compile(r"(?:[" + re.escape("".join(_CURRENCY_SYMBOLS)) + r"]|US\$|USD)\s*$")


# Spelled-out numbers (folded) -> value; Russian ones are looked up by lemma.
def _spelled_numbers_of(data: dict) -> dict[str, int]:
    """A numbers file's spelled words and their values; a scale word's value is written as
    its power of ten ("тысяча": 3)."""
    scales = {word: 10**power for word, power in data.get("spelled_scales", {}).items()}
    return {**data.get("spelled_numbers", {}), **scales}


_SPELLED: dict[str, int] = {
    word: value
    for code in languages.languages_with("numbers")
    for word, value in _spelled_numbers_of(languages.load(code, "numbers")).items()
}
# Nouns a Russian spelled number counts as the parties of a relation ("двумя странами").
_RU_PARTIES = frozenset(languages.load("ru", "numbers").get("parties", []))
_RU_NUMERAL_PREFIX = re.compile(
    r"^(?:" + "|".join(languages.load("ru", "numbers")["lemma_prefixes"]) + ")", re.IGNORECASE
)


# -- helpers ----------------------------------------------------------------------------------


@cache
def _folded(stems: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The stems folded like the words they are compared with ("койк" -> "коик")."""
    return tuple((fold(stem), value) for stem, value in stems)


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    folded: str


def _words(text: str, start: int, limit: int) -> list[_Word]:
    """Up to ``limit`` words after ``start``, stopping at a sentence or clause break."""
    found: list[_Word] = []
    pos = start
    while len(found) < limit:
        gap = re.match(r"[\s\"'«»“”()-]*", text[pos:])
        pos += gap.end() if gap else 0
        match = _WORD.match(text, pos)
        if not match:
            break
        found.append(_Word(match.start(), match.end(), match.group(), fold(match.group())))
        pos = match.end()
    return found


def _starts(word: str, stems: tuple[tuple[str, str], ...]) -> str | None:
    for stem, value in _folded(stems):
        if word.startswith(stem) and (len(stem) > 3 or len(word) <= len(stem) + 3):
            return value
    return None


def _scale(word: str) -> float | None:
    for stem, value in _SCALES:
        short = len(stem) <= 3
        if word == stem or word.rstrip(".") == stem or (not short and word.startswith(stem)):
            return value
        if short and word.startswith(stem) and word[len(stem) :] in _SCALE_ENDINGS:
            return value  # "мыңнан": a short scale word with its case ending
    return None


MAX_GLUED_ENDING = 3  # letters of a case ending written after a number and a hyphen


def _through_approximators(words: list[_Word], text: str, number_end: int) -> list[_Word]:
    """The words after a number less what stands between it and its noun: a case ending
    glued with a hyphen ("700-ге") and approximators ("астам", "жуық": more than, about)."""
    glued = words and text[number_end : number_end + 1] == "-" and words[0].start == number_end + 1
    if glued and len(words[0].text) <= MAX_GLUED_ENDING:  # "700-ге"; "7-yilga" is a unit
        words = words[1:]
    while words and words[0].folded in _APPROXIMATORS:
        words = words[1:]
    return words


def _currency(words: list[str]) -> tuple[str, int] | None:
    """The currency named by the first one or two words, and how many words it used."""
    for used in (2, 1):
        if len(words) < used:
            continue
        joined = " ".join(words[:used])
        for stem, code in _folded(_CURRENCIES):
            prefix = len(stem) > 3 and (used == 1 or " " in stem)
            if joined == stem or (prefix and joined.startswith(stem)):
                return code, used
    if words and words[0] in _CURRENCY_COUNTRY_WORDS:
        rest = _currency(words[1:])
        return (rest[0], rest[1] + 1) if rest else None
    return None


def _unit_of(word: _Word, language: str) -> str | None:
    folded = word.folded
    if language == "ru" and re.match(r"[а-яё]", folded):
        folded = fold(lemma(word.text.lower()))
    if folded in _NOT_UNITS:
        return None
    return _starts(folded, _UNITS)


def _vi_unit(words: list[_Word]) -> tuple[str, int] | None:
    """Vietnamese units are often two syllables ("bệnh nhân"): try longer ones first."""
    for used in (3, 2, 1):
        if len(words) >= used:
            unit = _VI_UNITS.get(" ".join(w.text.lower() for w in words[:used]))
            if unit:
                return unit, used
    return None


def _parse_digits(raw: str, language: str) -> float:
    decimal = "." if language in _DOT_DECIMAL else ","
    other = "," if decimal == "." else "."
    text = re.sub(r"[\u00a0\u202f ]", "", raw).replace(other, "")
    if decimal == ",":
        last = text.rfind(",")
        if last != -1 and len(text) - last - 1 == 3 and text.count(",") > 1:
            return float(text.replace(",", ""))
        return float(text.replace(",", "."))
    return float(text)


# -- candidate numbers ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: float
    spelled: bool


# A number in an unspaced script, where letters touch it on both sides ("投资3亿元").
_CJK_NUMBER = re.compile(r"(?<![\d.,/:\-–])\d+(?:,\d{3}(?!\d))*(?:\.\d+)?(?![\d/:])")


def _digit_numbers(text: str, language: str) -> Iterator[_Number]:
    for match in (_CJK_NUMBER if language == "zh" else _NUMBER).finditer(text):
        raw = match.group()
        try:
            value = _parse_digits(raw, language)
        except ValueError:
            continue
        yield _Number(match.start(), match.end(), value, spelled=False)


def _spelled_value(word: _Word, language: str) -> int | None:
    low = word.text.lower()
    value = _SPELLED.get(low)
    if value is None and language == "ru" and _RU_NUMERAL_PREFIX.match(word.folded):
        value = _SPELLED.get(fold(lemma(low)))
    if value is None:  # "жүзден": a case ending on the spelled word
        own = _spelled_of(language)
        ending = next((e for e in own[1] if low.endswith(e) and low[: -len(e)] in own[0]), None)
        value = own[0].get(low[: -len(ending)]) if ending else None
    return value


@cache
def _spelled_of(language: str) -> tuple[dict[str, int], tuple[str, ...]]:
    """A language's own spelled numbers and the case endings they may carry."""
    data = (
        languages.load(language, "numbers")
        if language in languages.languages_with("numbers")
        else {}
    )
    return _spelled_numbers_of(data), tuple(data.get("spelled_endings", []))


def _spelled_numbers(text: str, language: str) -> Iterator[_Number]:
    for match in _WORD.finditer(text):
        word = _Word(match.start(), match.end(), match.group(), fold(match.group()))
        value = _spelled_value(word, language)
        if value is not None:
            yield _Number(word.start, word.end, float(value), spelled=True)


def _spelled_products(text: str, numbers: list[_Number]) -> list[_Number]:
    """Spelled numbers multiplied by a spelled hundred or thousand right after them ("алты
    жүз" is 600, "екі мың" 2,000) as one number, and a spelled round number followed by a
    smaller one that fits in its zeros ("двадцати пяти" is 25, "сто пятьдесят" 150, "две
    тысячи триста" 2,300) added to it: a compound numeral is written word by word."""
    out: list[_Number] = []
    for number in numbers:
        last = out[-1] if out else None
        adjacent = (
            last is not None
            and last.spelled
            and number.spelled
            and not text[last.end : number.start].strip()
        )
        if adjacent and last is not None:
            if number.value in (100, 1_000) and last.value < number.value:
                out[-1] = _Number(last.start, number.end, last.value * number.value, spelled=True)
                continue
            if number.value < _zeros_place(last.value):
                out[-1] = _Number(last.start, number.end, last.value + number.value, spelled=True)
                continue
        out.append(number)
    return out


def _zeros_place(value: float) -> int:
    """The largest power of ten (10 or more) that divides a round ``value`` (20 -> 10, 300 ->
    100, 2,000 -> 1,000); 1 for a value that is not round: nothing is added to it."""
    place = 1
    while value >= place * 10 and value % (place * 10) == 0:
        place *= 10
    return place


def _blocked(text: str, number: _Number, blocked: list[tuple[int, int]]) -> bool:
    """Dates, URLs, ranges, ordinals, codes and numbers glued to letters are not figures."""
    if any(s < number.end and number.start < e for s, e in blocked):
        return True
    before, after = text[max(0, number.start - 12) : number.start], text[number.end :]
    if _BEFORE_SKIP.search(before):
        return True  # an ordinal or a code, spelled or not ("lần thứ ba": the third time)
    if number.spelled:
        return False
    if _RANGE_BEFORE.search(before):
        return True
    if _RANGE_AFTER.match(after) or _GLUED_AFTER.match(after) or _ORDINAL_AFTER.match(after):
        return True
    if _RANK_AFTER.match(after) or _ends_quoted_name(text, number):
        return True
    return number.start > 0 and text[number.start - 1] in "-–"


_OPENING_QUOTES = '«“„"'
_CLOSING_QUOTES = '»”"'
_QUOTED_NAME_WORDS = 3  # at most this many words before the number inside the quote


def _ends_quoted_name(text: str, number: _Number) -> bool:
    """Whether the number closes a quoted name ("«Хабар 24»", "“Kênh 14”"): a closing
    quotation mark follows it, and the quote opened a few capitalized words before it on
    the same line. Quoted speech has lower-case words, so a number ending a quote stays."""
    if text[number.end : number.end + 1] not in _CLOSING_QUOTES:
        return False
    line = text[text.rfind("\n", 0, number.start) + 1 : number.start]
    opening = max(line.rfind(q) for q in _OPENING_QUOTES)
    words = line[opening + 1 :].split() if opening >= 0 else []
    return 0 < len(words) <= _QUOTED_NAME_WORDS and all(w[:1].isupper() for w in words)


# -- reading what follows a number ------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    value: float
    unit: str
    end: int


def _cjk_reading(text: str, number: _Number) -> _Reading | None:
    after, value, pos = text[number.end :], number.value, number.end
    if after[:1] in _CJK_SCALES:
        value, pos, after = value * _CJK_SCALES[after[0]], pos + 1, after[1:]
    for word, code in _CJK_CURRENCIES.items():
        if after.startswith(word):
            return _Reading(value, code, pos + len(word))
    return _cjk_count(after, value, pos)


def _cjk_count(after: str, value: float, pos: int) -> _Reading | None:
    """A count of a known noun: "500多名患者" (over 500 patients), "200张床位" (200 beds);
    the approximator and the measure word are read through."""
    rest = after.lstrip(_CJK_UNITS["approximator_characters"])
    rest = rest[1:] if rest[:1] and rest[0] in _CJK_UNITS["measure_characters"] else rest
    pos += len(after) - len(rest)
    for unit, nouns in _CJK_UNITS["count_nouns"].items():
        noun = next((n for n in nouns if rest.startswith(n)), None)
        if noun:
            return _Reading(value, unit, pos + len(noun))
    return None


def _symbol_before(text: str, number: _Number) -> str | None:
    before = text[max(0, number.start - 4) : number.start].rstrip()
    if before and before[-1] in _CURRENCY_SYMBOLS:
        return _CURRENCY_SYMBOLS[before[-1]]
    if re.search(r"\b(?:USD|US\$)\s*$", before):
        return "USD"
    return None


def _percent(text: str, number: _Number, words: list[_Word]) -> _Reading | None:
    after = text[number.end :]
    sign = re.match(r"\s?%", after)
    if sign:
        return _Reading(number.value, "percent", number.end + sign.end())
    joined = " ".join(w.folded for w in words[:2])
    if words and any(joined.startswith(p) for p in _PERCENT_WORDS):
        return _Reading(number.value, "percent", words[1 if joined.startswith("phan") else 0].end)
    return None


_SCALED_TAIL = re.compile(
    r"[ \t\u00a0]+(?P<number>\d+(?:[.,]\d+)?)[ \t\u00a0]+(?P<scale>[^\W\d_]+\.?)"
)


def _read(text: str, number: _Number, language: str) -> _Reading | None:
    """Value with its scale, and the currency, percent or unit noun that follows."""
    if language == "zh" or re.match(r"[\u4e00-\u9fff]", text[number.end : number.end + 1]):
        return _cjk_reading(text, number)
    words = _words(text, number.end, 6)
    percent = _percent(text, number, words)
    if percent:
        return percent
    value, used = number.value, 0
    if words and (scale := _scale(words[0].folded)) is not None:
        value, used = value * scale, 1
        # "1 млрд 200 млн": a number with a smaller scale right after adds to it
        more = _SCALED_TAIL.match(text, words[0].end)
        if more and (smaller := _scale(fold(more["scale"]))) is not None and smaller < scale:
            value += _parse_digits(more["number"], language) * smaller
            words = [words[0], *_words(text, more.end(), 5)]
    symbol = _symbol_before(text, number)
    rest = words[used:] if used else _through_approximators(words, text, number.end)
    if used:
        rest = _through_approximators(rest, text, words[used - 1].end)
    if used and text[words[0].end : words[0].end + 2] in (". ", ".\u00a0"):
        rest = _words(text, words[0].end + 1, 5)
        rest = [] if rest and rest[0].text[0].isupper() else rest  # the "." ended a sentence
    end = words[used - 1].end if used else number.end
    if symbol:
        return _Reading(value, symbol, end)
    currency = _currency([w.folded for w in rest])
    if currency:
        return _Reading(value, currency[0], rest[currency[1] - 1].end)
    if used and number.spelled:
        return None
    return _noun_reading(number, value, rest, language)


def _noun_reading(
    number: _Number, value: float, words: list[_Word], language: str
) -> _Reading | None:
    if not words or words[0].folded in _NOT_UNITS:
        return None
    vi = _vi_unit(words) if language == "vi" else None
    if vi:
        return _Reading(value, vi[0], words[vi[1] - 1].end)
    reach = _MAX_UNIT_DISTANCE if number.spelled and language != "vi" else 1
    if language == "ru":
        reach += _leading_adjectives(words[: _MAX_UNIT_DISTANCE - 1])  # "70 сложных операций"
    for word in words[:reach]:
        if dates.month_of(word.text, language) is not None:
            return None
        unit = _unit_of(word, language)
        if unit:
            return _Reading(value, unit, word.end)
        if _GENITIVE.search(word.folded):
            break  # "эки өлкөнүн жарандары": the number counts the genitive noun
    if number.spelled:
        noun = _counted_noun(words) if language == "ru" else None
        return _Reading(value, "items", noun.end) if noun is not None else None
    return _Reading(value, "items", words[0].end)


def _counted_noun(words: list[_Word]) -> _Word | None:
    """The common noun a Russian spelled number counts, right after it or after its
    adjectives ("два филиала", "тридцати тематических секций"): a Russian numeral governs
    the noun that follows, so what it counts is named even when no unit word is known."""
    from summarizer.stages.russian_nlp import parses

    at = _leading_adjectives(words[: _MAX_UNIT_DISTANCE - 1])
    if at >= len(words) or not re.fullmatch(r"[а-яё]+", words[at].text.lower()):
        return None
    found = parses(words[at].text.lower())
    tag = str(found[0].tag) if found else ""
    proper = any(mark in tag for mark in ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"))
    if "NOUN" not in tag or proper or found[0].normal_form in _RU_PARTIES:
        return None
    return words[at]


def _leading_adjectives(words: list[_Word]) -> int:
    """How many Russian adjectives open ``words``: the noun a number counts follows them."""
    from summarizer.stages.russian_nlp import parses

    count = 0
    for word in words:
        found = parses(word.text.lower())
        if not found or "ADJF" not in str(found[0].tag):
            break
        count += 1
    return count


def _plausible(text: str, number: _Number, reading: _Reading) -> bool:
    """Drop years, single items spelled out, long histories and date-cue units."""
    low, high = _YEAR_RANGE
    bare_year = not number.spelled and reading.value == number.value and reading.value % 1 == 0
    if bare_year and low <= reading.value <= high and reading.unit in _TIME_UNITS | {"items"}:
        return False
    if reading.unit == "years" and reading.value >= _MAX_HISTORY_YEARS:
        return False
    if reading.unit in _TIME_UNITS and re.match(r"\s*\d", text[reading.end :]):
        return False  # "2 ngày 29 và 30": the unit word opens a date
    if reading.unit in _TIME_UNITS and _AGO.match(text, reading.end):
        return False  # "ten years ago" dates a past event, it counts nothing
    return reading.value > 0 and not (number.spelled and reading.value == 1)


def _evidence(text: str, number: _Number, reading: _Reading) -> Span:
    start = number.start
    symbol = _SYMBOL_BEFORE.search(text[max(0, start - 4) : start])
    if symbol:
        start -= len(text[max(0, start - 4) : start]) - symbol.start()
    end = min(reading.end, start + _MAX_SPAN)
    return Span.of(text, start, end)


# -- the stage --------------------------------------------------------------------------------


def find_figures(
    text: str, language: str | None, found_dates: list[dates.DateFinding] | None = None
) -> list[FigureFinding]:
    """Key numbers of ``text`` with units, in reading order, one per (value, unit).
    ``found_dates``: the date stage's findings, when it already ran (else found here)."""
    language = (language or detect_language(text) or "").lower()
    if found_dates is None:
        found_dates = dates.find_dates(text, language or None)
    blocked = [(d.span.start, d.span.end) for d in found_dates]
    blocked += [m.span() for m in _URL.finditer(text)]
    numbers = sorted(
        [*_digit_numbers(text, language), *_spelled_numbers(text, language)],
        key=lambda n: n.start,
    )
    found: list[FigureFinding] = []
    seen: set[tuple[float, str]] = set()
    read_to = 0  # a number inside an earlier reading ("… 200 млн" of "1 млрд 200 млн")
    for number in _spelled_products(text, numbers):
        if number.start < read_to or _blocked(text, number, blocked):
            continue
        reading = _read(text, number, language)
        if reading is None or not _plausible(text, number, reading):
            continue
        read_to = reading.end
        key = (round(reading.value, 6), reading.unit)
        if key in seen:
            continue
        seen.add(key)
        span = _evidence(text, number, reading)
        found.append(FigureFinding(reading.value, reading.unit, _describe(reading.unit), span))
    return _without_repeated_counts(found)


def _without_repeated_counts(found: list[FigureFinding]) -> list[FigureFinding]:
    """Drop a spelled count of an unknown noun (unit ``items``, read by
    :func:`_counted_noun`) whose value another figure already states: the article names
    one thing twice ("два медцентра" ... "два медицинских центра"), not two figures; and
    any count of an unknown noun whose value another figure states with its unit."""

    def spelled_items(finding: FigureFinding) -> bool:
        return finding.unit == "items" and not finding.span.text[:1].isdigit()

    def named_elsewhere(finding: FigureFinding) -> bool:
        # "176 VAKAYA" (a count of a noun no table knows) and later "176 hastanın" (176
        # patients): one number, named once with its unit
        return finding.unit == "items" and any(
            o.value == finding.value and o.unit != "items" for o in found
        )

    return [
        f
        for f in found
        if not (spelled_items(f) and any(o is not f and o.value == f.value for o in found))
        and not named_elsewhere(f)
    ]


def _describe(unit: str) -> str:
    if unit == "items":
        return "count"
    if unit.isupper():
        return f"amount in {unit}"
    return unit
