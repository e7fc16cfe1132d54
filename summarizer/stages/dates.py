"""Event date stage: every date expression of an article, and the one of its main event.

Dates are written in a few fixed shapes per language, so this stage reads them with regular
expressions instead of a model: a model invents years, the contract forbids that, and a
pattern only ever reports the precision the text states. Month names come from babel's
CLDR tables (format, stand-alone and abbreviated forms); inflected forms ("июле",
"шілдеде", "сәуірден") are recognised by the CLDR stem plus a short case ending.
``dateparser`` was measured and not used: it fills a missing year in with the current one,
reads no Kazakh month and returns no reliable offsets.

Shapes read (``value`` in the spec format, ranges give their first day):

* day + month name [+ year]: "17 июля", "4-6 қазан", "2025 жылғы 17 шілдеде",
  "July 17, 2025", "17 July 2025"; month name + year: "в июле 2025 года", "July 2025";
* numeric with a year: "17.07.2025", "17-7-2025", "2025-07-17", "2025年7月17日", a day range
  before it "28-29/11/2025";
* numeric without a year only after a day cue (Vietnamese "ngày", "chiều", ...):
  "ngày 17/7", "Chiều 3/11", "từ ngày 14 đến 16-3", so a name like "Bệnh viện 30-4" is no date;
* Vietnamese "ngày 17 tháng 7 năm 2025", "tháng 7/2025";
* a year with a year word: "в 2019 году", "2019 жылы", "năm 2019", "in 2019".

The main event's date (:func:`find_event_date`), a rule measured on the dev set:

* datelines are report dates, not event dates: a date alone on its line or opening it and
  followed by "." or a dash ("CITY, 6 May — Outlet."; "9 May 2018. Doctors ...");
* a publication stamp (a date followed by a clock time, or an ISO date) and a date the
  sentence opens as earlier background ("Trước đó, ngày ...", "Ранее ...") are not the event;
  a dateline's or stamp's year completes a day and month stated without one;
* a year after "since / until / by" ("с 2011 года", "từ năm 1998", "2015 жылдан бері")
  is background;
* the most precise tier wins (a day over a month over a bare year), and within it the first
  in reading order; when that day ends a range the text states ("from the 14th to the
  16th"), the range's first day is taken (a day inside the range is the event's own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from babel import Locale

from summarizer import languages
from summarizer.stages.spans import Span, clause_bounds

# The date words are data: ``summarizer/languages/<code>/dates.json`` (regular expressions,
# the words of every language read together) and ``_common/dates.json``.


def _either(key: str, codes: list[str] | None = None) -> str:
    """The words (regular expressions) of ``key`` of every language (or of ``codes``), as one
    alternation."""
    return "|".join(languages.words("dates", key, codes))


# Languages whose CLDR month names are read; an unknown language tries all of them.
_MONTH_LANGUAGES = tuple(languages.load("_common", "dates")["month_name_languages"])
# Other-script locales of a language ("uz" -> "uz_Cyrl"), whose month names it reads too.
_MONTH_SCRIPTS: dict[str, list[str]] = languages.load("_common", "dates")["month_name_scripts"]
# Case endings that may follow a month stem ("шілде-де", "июл-е", "сәуір-ден").
_MAX_ENDING = 5
_MIN_STEM = 3
CENTURY = 2_000  # a two-digit year is of this century ("24" -> 2024)
_VOWEL_END = re.compile(r"[аеиоуыэюяьйё]$")
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:19|20)[0-9]{2}"
_RANGE_JOIN = r"\s*(?:[–—−-]|" + _either("range_words") + r")\s*(?:ngày\s+)?"
_JOIN = re.compile(_RANGE_JOIN)
# Words after a year ("года", "жылғы") and the day ordinal suffix ("-го", "-ші").
# Year words of the languages that may write the year first ("2025 жылғы 17 шілдеде").
_YEAR_FIRST = languages.load("_common", "dates")["year_first_languages"]
_YEAR_FIRST_WORD = r"\s*-?\s*(?:" + _either("year_words", _YEAR_FIRST) + ")"
_RU_YEAR_WORD = r"\s*(?:" + "|".join(languages.load("ru", "dates")["year_words"]) + ")"
_YEAR_WORD = rf"(?:{_RU_YEAR_WORD}|{_YEAR_FIRST_WORD})?"
_ORDINAL = r"(?:-?(?:" + _either("ordinal_suffixes") + "))?"
# Words before a bare numeric day-month that make it a date (Vietnamese day cues).
_DAY_CUES = re.compile(r"(?:" + _either("day_cues") + r"|\()\s*$", re.IGNORECASE)
# Words after a short day-month that make it a count's range ("từ 4-6 năm"), unless a year
# follows the word ("4-6 năm 2020" is a date).
_COUNT_AFTER = re.compile(
    r"^\s+(?:" + _either("count_words_after") + rf")(?![\w])(?!\s*{_YEAR})", re.IGNORECASE
)
# A year after these is background or a target, not the time of the event.
_BACKGROUND_BEFORE = re.compile(
    r"(?:" + _either("background_before") + r")\s+(?:năm\s+)?$", re.IGNORECASE
)
_BACKGROUND_AFTER = re.compile(r"^[\s-]*(?:" + _either("background_after") + ")", re.IGNORECASE)
# A day or month after these starts or ends a period ("с 5 мая", "до 21 января"), unless the
# period's other end follows it (a range the scanner reads as two dates).
_BOUND_BEFORE = re.compile(r"(?:" + _either("bound_before") + r")\s+$", re.IGNORECASE)
_BOUND_AFTER = re.compile(r"^\s+(?:" + _either("bound_after") + r")(?!\w)", re.IGNORECASE)
_RANGE_END_AFTER = re.compile(r"^\s*(?:" + _either("range_words") + r"|[–—−-])\s", re.IGNORECASE)
# Words that place the event on the dateline's day ("сегодня").
_TODAY = re.compile(r"\b(?:" + _either("today_words") + r")\b", re.IGNORECASE)
# A reporting word next to "today" ("Об этом сегодня сообщил ..."): the report is today's.
_REPORT_WORD = re.compile(r"(?:" + _either("today_report_words") + r")", re.IGNORECASE)
_REPORT_REACH = 25  # characters either side of "today", inside its clause
# Year words that make a bare year background by themselves ("2015 жылдан": since 2015).
_BACKGROUND_YEAR_WORDS = tuple(languages.words("dates", "background_year_words"))
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.[a-z]{2,4}/\S*", re.IGNORECASE)
# A dateline's place: "CITY, " or "CITY. " (an agency's "Омбы. 12 мамыр. АГЕНТТІК –") of up
# to four words, each capitalised ("Rio De Janeiro, ", "TULA, Russia, "), after the credit
# of the agency in brackets that some feeds put first ("(AGENCY) TULA, ").
_AGENCY = r"(?:\([^()]{1,60}\)|/[^/\n]{1,40}/)"  # "(AGENCY)" or "/AGENCY/"
_DATELINE_PLACE = re.compile(
    rf"^(?:{_AGENCY}\s*)?(?P<place>[^\W\d_][\w.,' -]{{0,40}}?)(?:[,.]|\s\()\s*$"
)
_DATELINE_PLACE_WORDS = 4
# What ends a dateline's date: the line's end, a full stop, a dash, or the agency's or the
# reporter's credit in brackets or slashes ("TULA, March 3 (AGENCY) --", "TULA, 3.03.2024
# /AGENCY/."; "TULA, March 3 (Reporter X)");
# a date in brackets after the place closes its bracket first ("Tula, Russia (3 March) –").
_DATELINE_SUFFIX = re.compile(rf"^\s*\)?\s*(?:{_AGENCY}|$|\.|[–—-](?!\s*\d))")
# A clock time right after a date: the page's publication stamp ("| 14:10", ", 09:38").
_CLOCK_AFTER = re.compile(r"\s*[|,·-]?\s*(?:[01]?[0-9]|2[0-3])[:h][0-5][0-9]\b")
# A clock's half of the day ("11:26 AM"), written after it.
_MERIDIEM = r"(?:\s*[AaPp]\.?[Mm]\.?)?"
# A clock time opening the line right before a date: the page's stamp ("17:10, 18 June 2023").
_CLOCK_BEFORE = re.compile(
    r"(?:^|\n)\s*(?:[01]?[0-9]|2[0-3]):[0-5][0-9]" + _MERIDIEM + r"\s*[|,·-]?\s*$"
)
_ISO_DATE = re.compile(_YEAR + r"-[01][0-9]-[0-3][0-9]")
# A byline's name and clock time opening the line before a date that ends it ("Anna
# Orlova 09:09 26/03/2024"): a short line without a sentence's stop.
_BYLINE_CLOCK = re.compile(
    r"[^.!?\n]{0,40}?(?<![\d.,])(?:[01]?[0-9]|2[0-3]):[0-5][0-9]\s*[|,·-]?\s*"
)
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
# A byline's bar right before a date: the page's stamp ("Anna Orlova | 03-01-2019").
_BAR_BEFORE = re.compile(r"\|\s*$")
# "Published: 23.12.2020", "Уақыты: ...": a date on a metadata line after its label
_LABEL_BEFORE = re.compile(rf"(?:^|\n)\s*(?:{_either('stamp_labels')})\s*:\s*$", re.IGNORECASE)
# A document's number right before a date: the document's date ("№ 45 от", "số 12/BYT ngày").
_DOCUMENT_BEFORE = re.compile(
    r"(?:№|\bNo\.?|\bsố)\s*[\w./-]*\d[\w./-]*\s*(?:[^\W\d_]+\s+)?$", re.IGNORECASE
)
# "Signed" as a participle right after a date (a word or two between): a cited document's date.
_SIGNED_AFTER = re.compile(
    r"^[^\w.!?\n]*(?:[^\W\d_]+[^\w.!?\n]+){0,2}?(?:" + _either("signed_participles") + r")(?!\w)",
    re.IGNORECASE,
)
# Words opening a sentence's earlier background ("Trước đó,", "Ранее", "Earlier,").
_EARLIER_BEFORE = re.compile(
    r"(?:^|[.!?\n]\s*)(?:" + _either("earlier_before") + r")\b[^.!?\n]*$", re.IGNORECASE
)

# Words before a date that make it a holiday's date, not the event's ("в канун ... 10 октября").
# Words of a sentence that states a plan or a promise: a bare year in it is a target.
_PLAN = re.compile(r"(?:" + (_either("plan_words") or "(?!)") + r")", re.IGNORECASE)
# Words of a sentence that compares periods ("compared with 2022"): its bare years are a
# statistic's periods.
_COMPARISON = re.compile(r"(?:" + (_either("comparison_words") or "(?!)") + r")", re.IGNORECASE)
# The capitalized word opening an event's name ("Hội thảo ... năm 2024"): a year after it in
# its sentence is the named event's year (case-sensitive: a name is written with a capital).
_EVENT_NAME_BEFORE = re.compile(r"(?:" + (_either("event_names") or "(?!)") + r")\b[^.!?\n]*$")
_OCCASION_BEFORE = re.compile(r"(?:" + _either("occasion_before") + r")[^.!?\n\d]*$", re.IGNORECASE)


@dataclass(frozen=True)
class DateFinding:
    """A date expression: ``value`` in the spec format (``YYYY-MM-DD``, ``YYYY-MM``,
    ``YYYY`` or ``--MM-DD``) and the ``span`` of source text that states it."""

    value: str
    span: Span


@dataclass(frozen=True)
class _Found:
    """A finding with what the event-date choice needs to know about it."""

    finding: DateFinding
    precision: int  # 3 day, 2 month, 1 year
    month: int = 0
    day: int = 0
    last_day: int = 0  # the range's last day, or ``day`` for a single day
    year_only: bool = False


def _value(year: int | None, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    if year is None:
        return f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _full_year(text: str) -> int:
    year = int(text)
    return year + CENTURY if len(text) == 2 else year


# -- month names -----------------------------------------------------------------------------


@cache
def _month_forms(language: str) -> tuple[tuple[str, int, bool], ...]:
    """Lower-case CLDR month names of ``language``: wide and abbreviated, both contexts,
    each with whether it is an abbreviation."""
    months = Locale.parse(language).months
    forms: set[tuple[str, int, bool]] = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in months[context][width].items():
                forms.add((name.lower().rstrip("."), number, width == "abbreviated"))
    return tuple(sorted(forms, key=lambda f: -len(f[0])))


def _stem(name: str) -> str:
    """The part of a month name case endings attach to: "июля" -> "июл", "шілде" -> "шілд"."""
    return _VOWEL_END.sub("", name)


def _languages(language: str | None) -> tuple[str, ...]:
    if language in _MONTH_LANGUAGES:
        own = (language, *_MONTH_SCRIPTS.get(language, ()))
        return (*own, "en") if language != "en" else ("en",)
    return _MONTH_LANGUAGES


@cache
def _latin_endings(locale: str) -> tuple[str, ...]:
    """The case endings a Latin-script month name of ``locale``'s language may carry
    ("oktyabr-ın", "mart-da"); English and most Latin-script languages have none."""
    return tuple(languages.load(locale.split("_")[0], "dates").get("latin_month_endings", ()))


def _fit(word: str, name: str, latin_endings: tuple[str, ...] = ()) -> int:
    """How much of ``word`` a month name explains: 0 (not this month), the stem length for
    an abbreviation ("сен", "Sept") or an inflected form ("июле", "шілдеде", "oktyabrın"),
    99 if equal."""
    if word == name:
        return 99
    if len(word) >= _MIN_STEM and name.startswith(word):
        return len(word)
    if name.isascii():  # a Latin-script month name takes only its language's listed endings
        return len(name) if word.startswith(name) and word[len(name) :] in latin_endings else 0
    stem = _stem(name)
    ending = len(word) - len(stem)
    if not word.startswith(stem) or not 0 <= ending <= _MAX_ENDING:
        return 0
    if len(stem) < _MIN_STEM and not _VOWEL_END.fullmatch(word[len(stem) :]):
        return 0  # a short stem takes one vowel: "ма-е", never "ма-ска" or "ма-л"
    return len(stem)


def month_of(word: str, language: str | None) -> int | None:
    """The month a word names ("июле" -> 7, "шілдеде" -> 7, "Sept" -> 9), else None."""
    low = word.lower().rstrip(".")
    best = (0, 0)  # (fit, month)
    for lang in _languages(language):
        endings = _latin_endings(lang)
        for name, number, abbreviated in _month_forms(lang):
            # an abbreviation is written as it is: "мам." is May, "маман" (a specialist) none
            fit = (99 if low == name else 0) if abbreviated else _fit(low, name, endings)
            best = max(best, (fit, number), key=lambda b: b[0])
    return best[1] if best[0] else None


# -- patterns ------------------------------------------------------------------------------

_WORD = r"(?P<mon>[^\W\d_]{3,16})"
_DAY_MONTH = re.compile(
    rf"(?:(?P<y0>{_YEAR}){_YEAR_FIRST_WORD}\s+)?"
    rf"(?P<d>{_DAY}){_ORDINAL}(?:{_RANGE_JOIN}(?P<d2>{_DAY}))?{_ORDINAL}(?:\s+of)?(?:\s+|-){_WORD}"
    rf"(?:,?\s+(?P<y>{_YEAR}){_YEAR_WORD})?(?![\w])"
)
_MONTH_DAY = re.compile(
    rf"{_WORD}\.?\s+(?P<d>{_DAY}){_ORDINAL}(?:{_RANGE_JOIN}(?P<d2>{_DAY}))?{_ORDINAL}"
    rf"(?:(?:,\s*|\s+)(?P<y>{_YEAR}))?(?![\w])"  # "March 10, 2031", "March 10,2031"
)
_MONTH_YEAR = re.compile(
    rf"(?:(?P<y0>{_YEAR}){_YEAR_FIRST_WORD}\s+{_WORD}"
    rf"|{_WORD.replace('mon', 'mon2')}\s+(?P<y>{_YEAR}){_YEAR_WORD})(?![\w])"
)
_NUMERIC_FULL = re.compile(
    rf"(?<![\d.,/-])(?:(?:(?P<d0>{_DAY}){_RANGE_JOIN})?"  # a range's first day ("28-29/11/2025")
    rf"(?P<d>{_DAY})(?P<sep>[./-])(?P<m>{_MONTH_NUM})(?P=sep)"
    rf"(?P<y>{_YEAR}|[0-9]{{2}})"
    rf"|(?P<iy>{_YEAR})-(?P<im>1[0-2]|0[1-9])-(?P<id>[12][0-9]|3[01]|0[1-9]))"
    rf"(?![\d%]|[./-]\d)"
)
_NUMERIC_SHORT = re.compile(
    rf"(?<![\d.,/-])(?P<d>{_DAY})(?:{_RANGE_JOIN}(?P<d2>{_DAY}))?"
    rf"[./-](?P<m>{_MONTH_NUM})(?![\d%]|[./-]\d)"
)
# A range whose two ends are each a day and month ("12/9-14/9", "30/11 - 2/12/2025"): its
# first day, dated by the year written after its end. Each end alone is read as neither:
# the dash joined to the first end looks like a third number, and the second end follows it.
_NUMERIC_DM_RANGE = re.compile(
    rf"(?<![\d.,/-])(?P<d>{_DAY})(?P<sep>[./])(?P<m>{_MONTH_NUM})\s*[–—−-]\s*"
    rf"(?P<d2>{_DAY})(?P=sep)(?P<m2>{_MONTH_NUM})(?:(?P=sep)(?P<y>{_YEAR}))?"
    rf"(?![\d%]|[./-]\d)"
)
_CJK = re.compile(
    rf"(?:(?P<y>{_YEAR})\s*年\s*)?(?:(?P<m>{_MONTH_NUM})\s*月\s*"
    rf"(?:(?P<d>{_DAY})(?:{_RANGE_JOIN}(?P<d2>{_DAY}))?\s*[日号])?)"
)
# A Chinese day without its month ("当地时间7日", "11日"): the month is the dispatch's or the
# stamp's; "日本" (Japan) and a day after its month ("3月7日", read by _CJK) are none.
_CJK_DAY = re.compile(rf"(?<![\d月])(?P<d>{_DAY})\s*日(?!本)")
# Words right after a dispatch's date ("…3月8日电"): the dateline of a Chinese agency report.
_DISPATCH_AFTER = re.compile(r"\s*(?:" + (_either("dispatch_words") or "(?!)") + ")")
_VI_DAY_MONTH = re.compile(
    rf"(?P<d>{_DAY})(?:{_RANGE_JOIN}(?P<d2>{_DAY}))?\s+tháng\s+(?P<m>{_MONTH_NUM})"
    rf"(?:\s*(?:năm\s+|/)(?P<y>{_YEAR}))?(?!\d)",
    re.IGNORECASE,
)
_VI_MONTH_YEAR = re.compile(
    rf"tháng\s+(?P<m>{_MONTH_NUM})\s*(?:năm\s+|/)(?P<y>{_YEAR})(?!\d)", re.IGNORECASE
)
_YEAR_ALONE = re.compile(
    rf"(?:(?<![\w])(?:{_either('year_words_before')})\s+(?P<y>{_YEAR})(?![\d\w])"
    rf"|(?<![\d\w])(?P<y2>{_YEAR})\s*(?:{_either('bare_year_words')})(?!\w))",
    re.IGNORECASE,
)


def _dm(match: re.Match[str], month: int | None, year: str | None) -> _Found | None:
    if month is None:
        return None
    day = int(match["d"])
    last = int(match["d2"]) if match.groupdict().get("d2") else day
    if last < day:
        last = day
    value = _value(_full_year(year) if year else None, month, day)
    return _Found(
        DateFinding(value, Span(match.start(), match.end(), match[0])), 3, month, day, last
    )


def _scan_day_month(text: str, language: str | None) -> Iterator[_Found]:
    for m in _DAY_MONTH.finditer(text):
        found = _dm(m, month_of(m["mon"], language), m["y"] or m["y0"])
        if found:
            yield found
    for m in _MONTH_DAY.finditer(text):
        found = _dm(m, month_of(m["mon"], language), m["y"])
        if found:
            yield found
    for m in _VI_DAY_MONTH.finditer(text):
        found = _dm(m, int(m["m"]), m["y"])
        if found:
            yield found


def _scan_numeric(text: str) -> Iterator[_Found]:
    for m in _NUMERIC_FULL.finditer(text):
        if m["iy"]:
            year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
        else:
            year, month, day = _full_year(m["y"]), int(m["m"]), int(m["d"])
        first = int(m["d0"]) if m["d0"] and int(m["d0"]) < day else day
        span = Span(m.start(), m.end(), m[0])
        yield _Found(DateFinding(_value(year, month, first), span), 3, month, first, day)
    for m in _NUMERIC_DM_RANGE.finditer(text):
        month, day = int(m["m"]), int(m["d"])
        cued = _DAY_CUES.search(text[max(0, m.start() - 12) : m.start()])
        months = (int(m["m2"]) - month) % 12  # a range's end is in its month or the next
        if _COUNT_AFTER.match(text[m.end() : m.end() + 30]) or not (cued or months <= 1):
            continue  # "1/2-3/4 số ca": fractions of a count, no dates
        last = int(m["d2"]) if int(m["m2"]) == month else day
        year = int(m["y"]) if m["y"] else None
        if year and int(m["m2"]) < month:
            year -= 1  # "28/12-3/1/2025": the range began the year before
        span = Span(m.start(), m.end(), m[0])
        yield _Found(DateFinding(_value(year, month, day), span), 3, month, day, max(day, last))
    for m in _NUMERIC_SHORT.finditer(text):
        cued = _DAY_CUES.search(text[max(0, m.start() - 12) : m.start()])
        if _COUNT_AFTER.match(text[m.end() : m.end() + 30]):
            continue  # "từ 3-5 người": a range of a count
        if cued or m["d2"]:  # a day cue, or a range ("28-29/11") that no count reads as
            found = _dm(m, int(m["m"]), None)
            if found:
                yield found
    for m in _CJK.finditer(text):
        month = int(m["m"])
        year = int(m["y"]) if m["y"] else None
        span = Span(m.start(), m.end(), m[0])
        if m["d"]:  # a day range ("7—11日") is dated by its first day
            day = int(m["d"])
            last = max(day, int(m["d2"] or day))
            yield _Found(DateFinding(_value(year, month, day), span), 3, month, day, last)
        elif year:
            yield _Found(DateFinding(_value(year, month), span), 2, month)


def _scan_month_year(text: str, language: str | None) -> Iterator[_Found]:
    for m in _MONTH_YEAR.finditer(text):
        month = month_of(m["mon"] or m["mon2"], language)
        if month:
            year = int(m["y"] or m["y0"])
            span = Span(m.start(), m.end(), m[0])
            yield _Found(DateFinding(_value(year, month), span), 2, month)
    for m in _VI_MONTH_YEAR.finditer(text):
        month, year = int(m["m"]), int(m["y"])
        yield _Found(DateFinding(_value(year, month), Span(m.start(), m.end(), m[0])), 2, month)


def _scan_years(text: str) -> Iterator[_Found]:
    for m in _YEAR_ALONE.finditer(text):
        year = m["y"] or m["y2"]
        span = Span(m.start(), m.end(), m[0])
        yield _Found(DateFinding(year, span), 1, year_only=True)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _in_url(text: str, span: Span) -> bool:
    return any(_overlaps(span, Span(u.start(), u.end(), "")) for u in _URL.finditer(text))


def _collect(text: str, language: str | None) -> list[_Found]:
    """All findings, the most precise and longest kept where two overlap, reading order."""
    scanned = [
        *_scan_day_month(text, language),
        *_scan_numeric(text),
        *_scan_month_year(text, language),
        *_scan_years(text),
    ]
    scanned.sort(key=lambda f: (-f.precision, -(f.finding.span.end - f.finding.span.start)))
    kept: list[_Found] = []
    for found in scanned:
        span = found.finding.span
        if any(_overlaps(span, k.finding.span) for k in kept) or _in_url(text, span):
            continue
        kept.append(found)
    return _adopt_range_years(text, sorted(kept, key=lambda f: f.finding.span.start))


def _adopt_range_years(text: str, found: list[_Found]) -> list[_Found]:
    """ "30 May - 2 June 2024": the year written after a range's end dates its start too."""
    out = list(found)
    for i, (start, end) in enumerate(zip(found, found[1:], strict=False)):
        between = text[start.finding.span.end : end.finding.span.start]
        yearless = start.finding.value.startswith("--") and start.precision == 3
        dated = end.precision == 3 and not end.finding.value.startswith("--")
        if yearless and dated and end.month >= start.month and _JOIN.fullmatch(between):
            value = end.finding.value[:4] + start.finding.value[1:]
            out[i] = replace(start, finding=DateFinding(value, start.finding.span))
    return out


def find_dates(text: str, language: str | None) -> list[DateFinding]:
    """Every date expression of ``text`` in reading order, each as precise as it is written."""
    return [f.finding for f in _collect(text, language)]


# -- the main event's date -------------------------------------------------------------------


def _is_dateline_place(before: str) -> bool:
    if not before.strip():
        return True
    match = _DATELINE_PLACE.match(before)
    words = match["place"].split() if match else []
    return 0 < len(words) <= _DATELINE_PLACE_WORDS and all(w[0].isupper() for w in words)


def _is_dateline(text: str, span: Span) -> bool:
    """A report date: alone on its line, or opening it ("CITY, date") before "." or a dash."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    after = text[span.end : line_end if line_end >= 0 else len(text)]
    before = text[line_start : span.start]
    if _DISPATCH_AFTER.match(text, span.end):
        return True  # "新华社大马士革3月8日电": a dispatch's date
    return _is_dateline_place(before) and bool(_DATELINE_SUFFIX.match(after))


def _is_background_year(text: str, found: _Found) -> bool:
    span = found.finding.span
    return bool(
        _BACKGROUND_BEFORE.search(text[max(0, span.start - 24) : span.start])
        or span.text.endswith(_BACKGROUND_YEAR_WORDS)
        or _BACKGROUND_AFTER.match(text[span.end : span.end + 20])
    )


def _is_side_year(text: str, found: _Found) -> bool:
    """A bare year that dates something beside the event: background, a plan, a statistic."""
    return (
        _is_background_year(text, found) or _is_planned(text, found) or _is_statistic(text, found)
    )


def _is_planned(text: str, found: _Found) -> bool:
    """A bare year in a sentence that states a plan or a promise ("… 2030 жылы бастаймыз
    деп уәде берді"): when something is to happen, not when the reported event did."""
    return _in_sentence_with(text, found, _PLAN)


def _is_statistic(text: str, found: _Found) -> bool:
    """A bare year in a sentence that compares periods ("2023 жылы … саны 2022 жылмен
    салыстырғанда төрт есе артты"): the period a statistic counts, not the event's time."""
    return _in_sentence_with(text, found, _COMPARISON)


def _in_sentence_with(text: str, found: _Found, words: re.Pattern[str]) -> bool:
    start, end = clause_bounds(text, found.finding.span.start, found.finding.span.end)
    return bool(words.search(text, start, end))


def _is_period_bound(text: str, found: _Found) -> bool:
    """A single day or month that starts or ends a period ("до 21 января", "с августа 2014
    года"): no event's own date. A stated range is read as one date and stays."""
    span = found.finding.span
    return (
        not found.year_only
        and found.last_day == found.day
        and bool(
            _BOUND_BEFORE.search(text[max(0, span.start - 24) : span.start])
            or _BOUND_AFTER.match(text[span.end : span.end + 16])
        )
        and not _RANGE_END_AFTER.match(text[span.end : span.end + 8])
    )


def _range_start(chosen: _Found, candidates: list[_Found]) -> _Found:
    """The first day of a stated range that ends on the chosen day, else the chosen day (a
    day inside a longer range, "signed on the 21st, during the visit of 20-22", stays)."""
    for other in candidates:
        same_month = other.month == chosen.month and other.precision == 3
        if same_month and other.day < chosen.day == other.last_day:
            year = chosen.finding.value[:4] if not chosen.finding.value.startswith("--") else None
            value = _value(int(year) if year else None, chosen.month, other.day)
            return replace(other, finding=DateFinding(value, other.finding.span))
    return chosen


def _is_timestamp(text: str, span: Span) -> bool:
    """A publication stamp, not an event: a date followed by a clock time ("29/08/2024 |
    14:10", "20.03.2026 09:38") or after one that opens the line ("17:10, 18 June 2023"),
    written in the ISO form of page metadata ("2024-08-29"), after a byline's bar ("Anna
    Orlova | 03-01-2019"), after a byline's clock time ("Anna Orlova 09:09 03/01/2019") or
    after a metadata label ("Published: 03.01.2019")."""
    return bool(
        _CLOCK_AFTER.match(text, span.end)
        or _ISO_DATE.fullmatch(span.text)
        or _BAR_BEFORE.search(text, max(0, span.start - 4), span.start)
        or _CLOCK_BEFORE.search(text[max(0, span.start - 12) : span.start])
        or (
            _BYLINE_CLOCK.fullmatch(text[text.rfind("\n", 0, span.start) + 1 : span.start])
            and _LINE_END.match(text, span.end)
        )
        or _LABEL_BEFORE.search(text[max(0, span.start - 40) : span.start])
    )


def _is_document_date(text: str, span: Span) -> bool:
    """The date of a document cited by its number ("letter No. 12/BYT of 10/04/2023",
    "приказ № 45 от 10.04.2023", "công văn số 12/BYT ngày 10/04/2023") or, in a language
    that puts the clause before its noun, by when it was signed ("5 Mayıs 2001 tarihinde
    imzalanan anlaşma": the agreement signed on ...), not an event's."""
    return bool(
        _DOCUMENT_BEFORE.search(text[max(0, span.start - 30) : span.start])
        or _SIGNED_AFTER.match(text[span.end : span.end + 40])
    )


def opens_as_earlier(text: str, start: int) -> bool:
    """Whether the sentence holding offset ``start`` opens as earlier background
    ("Earlier, ..."): what it tells before ``start`` is not the reported event."""
    sentence_start = clause_bounds(text, start)[0]
    return bool(_EARLIER_BEFORE.search(text[sentence_start:start].lstrip()))


def _is_earlier(text: str, span: Span) -> bool:
    """A date the sentence introduces as earlier background ("Earlier, on 5 May ..."), or
    the date of the occasion an event is held for ("on the eve of the 10 October holiday")."""
    before = text[max(0, span.start - 30) : span.start]
    return bool(_EARLIER_BEFORE.search(before) or _OCCASION_BEFORE.search(before))


def find_event_date(text: str, language: str | None) -> DateFinding | None:
    """The date of the article's main reported event, or None when the text states none."""
    found = _collect(text, language)
    stamps = [
        f
        for f in found
        if _is_dateline(text, f.finding.span) or _is_timestamp(text, f.finding.span)
    ]
    candidates = [
        f
        for f in found
        if f not in stamps
        and not _is_earlier(text, f.finding.span)
        and not _is_document_date(text, f.finding.span)
        and not (f.year_only and _is_side_year(text, f))
        and not _is_period_bound(text, f)
    ]
    candidates += _stamp_month_days(text, found, stamps)
    if not candidates:
        return _todays_dateline(text, found)
    best = max(f.precision for f in candidates)
    chosen = next(f for f in candidates if f.precision == best)
    if best == 3:
        chosen = _range_start(chosen, candidates)
    dated = _with_month_year(_with_sentence_year(text, chosen, candidates), candidates)
    dated = _with_stamp_year(dated, stamps)
    return _with_article_year(text, dated, candidates).finding


def _with_month_year(chosen: _Found, candidates: list[_Found]) -> _Found:
    """A day and month without a year, dated by the year the text gives that same month
    elsewhere ("in November 2025 ... on 28-29 November") or that same day in full (a
    caption's "8/4/2023" under "Sáng 8/4"); unchanged when it gives none, or two."""
    value = chosen.finding.value
    if not value.startswith("--"):
        return chosen
    years = {
        f.finding.value[:4]
        for f in candidates
        if f.month == chosen.month
        and not f.finding.value.startswith("--")
        and (f.precision == 2 or (f.precision == 3 and f.day == chosen.day))
    }
    if len(years) != 1:
        return chosen
    return replace(chosen, finding=DateFinding(f"{years.pop()}{value[1:]}", chosen.finding.span))


def _stamp_month_days(text: str, found: list[_Found], stamps: list[_Found]) -> list[_Found]:
    """Chinese days written without their month ("当地时间7日") under a dispatch or stamp
    with a day: of its month, or of the month before when the day is later than its day."""
    dated = [s for s in stamps if s.precision == 3]
    if not dated:
        return []
    stamp = dated[0]
    days = []
    for m in _CJK_DAY.finditer(text):
        span = Span(m.start(), m.end(), m[0])
        if any(_overlaps(span, f.finding.span) for f in found):
            continue
        day = int(m["d"])
        month = stamp.month if day <= stamp.day else (stamp.month - 2) % 12 + 1
        days.append(_Found(DateFinding(_value(None, month, day), span), 3, month, day, day))
    return days


def _todays_dateline(text: str, found: list[_Found]) -> DateFinding | None:
    """The dateline's date when the text places the event on that day ("сегодня"): the
    contract's one case of a dateline dating the event. None without both."""
    datelines = [f for f in found if _is_dateline(text, f.finding.span)]
    if not datelines or not any(_event_today(text, m) for m in _TODAY.finditer(text)):
        return None
    return datelines[0].finding


def _event_today(text: str, today: re.Match[str]) -> bool:
    """Whether a "today" places the event, not the report ("Об этом сегодня сообщил")."""
    before = re.split(
        r"[.!?,;:\n«»\"]", text[max(0, today.start() - _REPORT_REACH) : today.start()]
    )
    after = re.split(r"[.!?,;:\n«»\"]", text[today.end() : today.end() + _REPORT_REACH])
    return not _REPORT_WORD.search(before[-1] + " " + after[0])


def _with_sentence_year(text: str, chosen: _Found, candidates: list[_Found]) -> _Found:
    """A day and month without a year, dated by a year the same sentence states ("On 30
    January ... the 2026 conference opened"); unchanged when there is none, or two."""
    value = chosen.finding.value
    if not value.startswith("--"):
        return chosen
    span = chosen.finding.span
    years = {
        f.finding.value
        for f in candidates
        if f.year_only
        and not re.search(
            r"[.!?\n]",
            text[min(span.end, f.finding.span.end) : max(span.start, f.finding.span.start)],
        )
    }
    if len(years) != 1:
        return chosen
    return replace(chosen, finding=DateFinding(f"{years.pop()}{value[1:]}", span))


def _with_article_year(text: str, chosen: _Found, candidates: list[_Found]) -> _Found:
    """A day and month still without a year, dated by the year an event's name states
    elsewhere ("sáng 9/11" ... "Hội thảo X năm 2024"); unchanged when no name states one, or
    names state two."""
    value = chosen.finding.value
    years = {f.finding.value for f in candidates if f.year_only and _names_event(text, f)}
    if not value.startswith("--") or len(years) != 1:
        return chosen
    return replace(chosen, finding=DateFinding(f"{years.pop()}{value[1:]}", chosen.finding.span))


def _names_event(text: str, found: _Found) -> bool:
    """Whether a year is part of an event's name: its sentence names the event before it."""
    start = clause_bounds(text, found.finding.span.start)[0]
    return bool(_EVENT_NAME_BEFORE.search(text, start, found.finding.span.start))


def _with_stamp_year(chosen: _Found, stamps: list[_Found]) -> _Found:
    """A day and month without a year, dated by the year of the report's dateline or
    publication stamp (the contract: "on 6 June" under a 2020 dateline is 2020-06-06); a
    month more than half a year after the stamp's is of the year before."""
    value = chosen.finding.value
    dated = [s for s in stamps if s.precision >= 2 and not s.finding.value.startswith("--")]
    if not value.startswith("--") or not dated:
        return chosen
    stamp = dated[0]
    year = int(stamp.finding.value[:4]) - (1 if chosen.month - stamp.month > 6 else 0)
    return replace(chosen, finding=DateFinding(f"{year}{value[1:]}", chosen.finding.span))
