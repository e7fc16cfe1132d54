"""English names of organizations composed from their parts, not guessed.

An institution's English name follows from its source-language name: a head word
("больница" -> Hospital, "Sở Y tế" -> Department of Health), the modifiers before or after
it (regional, children's, clinical; oncology, central), the place it belongs to (through
morphology and the gazetteer: "Омской области" -> Omsk Region, "tỉnh Kon Tum" ->
Kon Tum Provincial), and what distinguishes it (a number, a proper name, "named after").

:func:`compose` returns a name only when every word of the source name is covered by a
part; otherwise ``None`` and the model's name stands (see ``stages/organizations.py``).
The vocabulary is data, one ``org_names.json`` per language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from summarizer import languages
from summarizer.stages.transliterate import to_latin
from summarizer.textfold import fold, strip_accents


@lru_cache(maxsize=8192)
def compose(source_name: str, language: str | None) -> str | None:
    """The English name of ``source_name`` built from its parts, or None when a part is
    not known (the caller then keeps the model's name)."""
    composer = _COMPOSERS.get(language or "")
    if composer is None or not source_name.strip():
        return None
    try:
        return composer(" ".join(source_name.split()))
    except _Uncovered:
        return None


def compose_title(role_text: str, language: str | None) -> str | None:
    """A person's English title built from its parts (head title, "Deputy"/"First", and
    the genitive complements an organization's name has), or None when a part is unknown."""
    if language in _TURKIC_TITLE_LANGUAGES:
        return _title_turkic(role_text, language or "")
    composer = {"ru": _title_ru, "kk": _title_kk, "vi": _title_vi}.get(language or "")
    if composer is None or not role_text.strip():
        return None
    words = _BRACKETED_ABBREVIATION.sub(" ", role_text).split()
    if language == "kk":
        words = _after_kk_venue(words)
    while words:
        try:
            return composer(" ".join(words))
        except _Uncovered:
            if language == "ru":
                return _first_title_ru(words)
            if (
                language != "kk"
                or words[0].lower() in _kk()["title_prefixes"]
                or any(_unknown_host(w) for w in words)
            ):
                return None  # "X-тағы елшісі" is "in X", not "of X": no guess without X
            # a Kazakh title is its last words: what opens the span may be the sentence's
            # ("Құжатқа ... әкімі", "X пен ... губернаторы"), read from the right
            words = words[1:]
    return None


def _after_kk_venue(words: list[str]) -> list[str]:
    """A Kazakh title's words after the last venue in the locative before a capitalized
    word ("Омбы университетте Денсаулық сақтау министрі": where he spoke, then his title):
    a place where something happens owns no title."""
    endings = tuple(_kk()["locative_endings"])
    cut = max(
        (
            i + 1
            for i in range(len(words) - 1)
            if words[i].islower() and words[i].endswith(endings) and words[i + 1][:1].isupper()
        ),
        default=0,
    )
    return words[cut:]


# "(ВОЗ)" after an organization's name in a title repeats the name: no part of the title
_BRACKETED_ABBREVIATION = re.compile(r"\(\s*[A-ZА-ЯЁ]{2,}\s*\)")


def _first_title_ru(words: list[str]) -> str | None:
    """The first of two titles in apposition ("президент <organization> известный хирург"):
    the words before the next title word, when they compose; else None."""
    later = next((i for i in range(1, len(words)) if _is_title_ru(words[i])), None)
    while later is not None and later > 1 and "ADJF" in str(_ru_tag(words[later - 1])):
        later -= 1  # the second title's adjectives are its own ("известный хирург")
    if later is None:
        return None
    try:
        return _title_ru(" ".join(words[:later]))
    except _Uncovered:
        return None


def _ru_tag(word: str) -> object:
    parse = _ru_parse(word)
    return parse.tag if parse else ""


def _is_title_ru(word: str) -> bool:
    parse = _ru_parse(word)
    return (parse.normal_form if parse else word.lower()) in _ru()["titles"]


def is_head(word: str, language: str | None) -> str | None:
    """The dictionary form of ``word`` when it is the head word of a specific institution
    in ``language`` ("министерстве" -> "министерство"), else None."""
    if language != "ru" or not word[:1].isalpha():
        return None
    parse = _ru_parse(word)
    if parse is None or "NOUN" not in str(parse.tag):
        return None
    normal = parse.normal_form
    return normal if normal in _ru()["finder_heads"] else None


def is_ordinal(word: str, language: str | None) -> bool:
    """Whether ``word`` is an ordinal adjective ("первая"): with a bare head word it counts
    institutions ("не первая клиника"), it names none."""
    if language != "ru":
        return False
    parse = _ru_parse(word)
    return parse is not None and parse.normal_form in _ru()["ordinals"]


def several_bodies(head: str, kind: str | None, language: str | None) -> bool:
    """Whether a head word as written names several bodies, no single organization: a
    plural ("в больницах <country>"), unless of a government body, which each
    jurisdiction has one of ("министерств здравоохранения A и B" are A's and B's)."""
    from summarizer.stages.russian_nlp import only_plural

    return language == "ru" and kind != "government" and only_plural(head)


_KK_LOCATIVE = ("дағы", "дегі", "тағы", "тегі")  # "Омбыдағы": in Omsk


class _Uncovered(Exception):
    """A word of the name that no part covers."""


def _join(words: list[str]) -> str:
    return " ".join(w for w in words if w)


# -- Russian ---------------------------------------------------------------------------------

_RU_TOKEN = re.compile(
    r"«[^»]*»|\"[^\"]*\"|„[^“”]*[“”]|№\s*[0-9][0-9/-]*|[0-9]+|[A-Za-zА-Яа-яЁё.'-]+"
)
_RU_QUOTES = '«"„'  # what opens a quoted name


@lru_cache(maxsize=1)
def _ru() -> dict[str, Any]:
    return languages.load("ru", "org_names")


def _ru_parse(word: str) -> Any:
    from summarizer.stages.russian_nlp import parses

    found = parses(word)
    return found[0] if found else None


def _compose_ru(name: str) -> str:
    data = _ru()
    name = " ".join(_BRACKETED_ABBREVIATION.sub(" ", name).split())  # "(ВОЗ)" repeats it
    # 'АО "Санаторий "X"': the quote before the head opens nothing (the name is the inner one)
    name = re.sub(r'"([^"\s]+) "', r'\1 "', name)
    tokens = _RU_TOKEN.findall(name)
    while tokens and fold(tokens[0]).strip(".") in data["legal_forms"]:
        tokens = tokens[1:]
    if not tokens:
        raise _Uncovered(name)
    quoted = [t for t in tokens if t[0] in _RU_QUOTES]
    plain = [t for t in tokens if t[0] not in _RU_QUOTES]
    if quoted and not any(_ru_head(t) for t in plain):
        # ГБУЗ «Областная больница № 2»: the quoted part is the name
        return _compose_ru(quoted[0][1:-1])
    head_at = next((i for i, t in enumerate(tokens) if _ru_head(t)), None)
    if head_at is None:
        raise _Uncovered(name)
    before_tokens = tokens[:head_at]
    head = _ru_head(tokens[head_at]) or ""
    after = _ru_after(tokens[head_at + 1 :])
    if before_tokens and head.split()[0] in data["owned_heads"]:
        # "туркменский Минздрав", "омское правительство": a body's place adjective names
        # its owner, which the English name puts last ("Ministry of Health of Turkmenistan")
        owner = _ru_owner(before_tokens[-1])
        if owner is not None:
            before_tokens = before_tokens[:-1]
            after = [*after, "of " + owner]
    before = [_ru_modifier(t) for t in before_tokens]
    return _join([*before, head, *after])


def _ru_nation(token: str) -> str | None:
    """The country a lower-case adjective is made from ("туркменский" -> Turkmenistan)."""
    from summarizer.stages.places import country_name, find_places

    parse = _ru_parse(token)
    if not token[:1].islower() or parse is None or "ADJF" not in str(parse.tag):
        return None
    codes = {c.code for c in find_places(parse.normal_form, "ru").countries}
    return country_name(codes.pop()) if len(codes) == 1 else None


def _ru_owner(token: str) -> str | None:
    """The place an adjective before a body's head names, in English: a country, a city or
    a region; None for any other adjective."""
    from summarizer.stages.places import city_of_adjective, region_of_adjective

    parse = _ru_parse(token)
    if parse is None or "ADJF" not in str(parse.tag):
        return None
    if nation := _ru_nation(token):
        return nation
    if parse.normal_form in _ru()["modifiers"] or parse.normal_form in _ru()["geo_adjectives"]:
        return None
    city = city_of_adjective(parse.normal_form)
    return city.english if city is not None else region_of_adjective(parse.normal_form)


def _compose_ru_name(name: str) -> str:
    """An organization's English name; a bare head word ("Sanatorium") names no one (in a
    title, "гендиректор компании" is still "of the Company")."""
    english = _compose_ru(name)
    if english in _ru()["heads"].values():
        raise _Uncovered(name)
    return english


def _ru_head(token: str) -> str | None:
    data = _ru()
    parse = _ru_parse(token) if token[0].isalpha() else None
    if parse is None:
        return None
    normal = parse.normal_form
    if normal in data["whole_heads"]:
        return data["whole_heads"][normal]
    if "NOUN" in str(parse.tag) and normal in data["heads"]:
        return data["heads"][normal]
    return None


def _ru_modifier(token: str) -> str:
    """An adjective before the head: a known modifier or a place adjective."""
    from summarizer.stages.chinese_names import pinyin_adjective
    from summarizer.stages.places import city_of_adjective, region_of_adjective

    parse = _ru_parse(token)
    if parse is None or "ADJF" not in str(parse.tag):
        raise _Uncovered(token)
    for table in (_ru()["modifiers"], _ru()["geo_adjectives"]):  # a sea, not a namesake town
        if parse.normal_form in table:
            return table[parse.normal_form]
    if _ru_nation(token):  # "американский" is no Americana (BR), "китайский" no "Kitay"
        raise _Uncovered(token)
    city = city_of_adjective(parse.normal_form)
    if city is not None:
        return city.english
    if chinese := pinyin_adjective(parse.normal_form):  # a Chinese province, in pinyin
        return chinese
    if region := region_of_adjective(parse.normal_form):
        return region
    raise _Uncovered(token)


def _ru_after(tokens: list[str]) -> list[str]:
    """What follows the head: genitive phrases ("of Health", "of Omsk Region"), a number,
    a quoted proper name and "named after" a person."""
    data = _ru()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        folded = fold(token).strip(".")
        if token.startswith("№"):
            out.append("No. " + token[1:].strip())
            i += 1
        elif token[0] in _RU_QUOTES:
            out.append(f'"{to_latin(token[1:-1])}"')
            i += 1
        elif folded in data["named_after"]:
            rest = tokens[i + 1 :]
            if not rest:
                raise _Uncovered(token)
            out.append("named after " + " ".join(to_latin(_ru_namesake(t)) for t in rest))
            break
        elif folded == "и" and out:
            phrase, i = _ru_genitive(tokens, i + 1)
            out[-1] = f"{out[-1]} and {phrase.removeprefix('of ')}"
        else:
            phrase, i = _ru_genitive(tokens, i)
            out.append(phrase)
    return out


# A woman's surname in the genitive ("имени Анны Беловой") -> its nominative ending.
_RU_FEMININE_GENITIVE = {"овой": "ова", "евой": "ева", "ёвой": "ёва", "иной": "ина", "ыной": "ына"}


def _ru_namesake(token: str) -> str:
    """A word of the person an organization is named after, which "имени" puts in the
    genitive, in the nominative: a given name, patronymic or man's surname as the
    dictionary reads it ("Ивана" -> "Иван", "Орлова" -> "Орлов", "Горького" -> "Горький"),
    a woman's surname by its ending ("Беловой" -> "Белова"); an initial, an indeclinable
    or an unknown word as written."""
    if not token[:1].isupper() or "." in token:
        return token
    low = token.lower()
    for ending, nominative in _RU_FEMININE_GENITIVE.items():
        if low.endswith(ending) and len(low) > len(ending) + 1:
            return token[: len(token) - len(ending)] + nominative
    from summarizer.stages.russian_nlp import parses

    def grammemes(parse: Any) -> set[str]:
        return set(str(parse.tag).replace(" ", ",").split(","))

    name = next(
        (
            p
            for p in parses(token)
            if "gent" in (g := grammemes(p))
            and ({"Surn", "masc"} <= g or "Name" in g or "Patr" in g)
        ),
        None,
    )
    if name is None or name.normal_form == low:
        return token
    return token[:1] + name.normal_form[1:]


def _ru_genitive(tokens: list[str], start: int) -> tuple[str, int]:
    """One genitive noun phrase from ``start`` (adjectives up to a noun, and a capitalized
    name right after a region word): its English with "of" ("of Omsk Region"), and where
    it ends."""
    from summarizer.stages.places import find_places, russian_region

    data = _ru()
    words: list[str] = []
    end = start
    while end < len(tokens):
        parse = _ru_parse(tokens[end])
        if parse is None:
            raise _Uncovered(tokens[end])
        words.append(tokens[end])
        end += 1
        if "NOUN" in str(parse.tag):
            break
    if not words:
        raise _Uncovered(" ".join(tokens[start:]))
    lemmas = [_ru_parse(w).normal_form for w in words]
    if lemmas[-1] in data["fields"] and all(w in data["field_adjectives"] for w in lemmas[:-1]):
        adjectives = [data["field_adjectives"][lemma] for lemma in lemmas[:-1]]
        return "of " + _join([*adjectives, data["fields"][lemmas[-1]]]), end
    if end < len(tokens) and tokens[end][:1].isupper() and lemmas[-1] in _ru_region_heads():
        words.append(tokens[end])  # Республики Бурятия: the name stays nominative
        lemmas.append(tokens[end].lower())
        end += 1
    phrase = " ".join(words)
    places = find_places(phrase, "ru")
    whole = [p for p in places.locations if p.span.start == 0 and p.span.end == len(phrase)]
    if whole:
        return "of " + whole[0].name, end  # Карелии -> of Karelia
    if lemmas[-1] in data["state_words"] or len(words) == 1:
        countries = {c.code for c in places.countries}
        if len(countries) == 1:
            from summarizer.stages.places import country_name

            return "of " + country_name(countries.pop()), end
    region = russian_region(" ".join(lemmas))
    if region is None:
        raise _Uncovered(phrase)
    return "of " + region[0], end


def _title_ru(text: str) -> str:
    data = _ru()
    tokens = _RU_TOKEN.findall(text)
    lemmas = [(_ru_parse(t).normal_form if _ru_parse(t) else t.lower()) for t in tokens]
    prefixes: list[str] = []
    i = 0
    while i < len(tokens):
        two = " ".join(lemmas[i : i + 2])
        if two in data["title_prefixes"]:
            prefixes.append(data["title_prefixes"][two])
            i += 2
        elif lemmas[i] in data["title_prefixes"]:
            prefixes.append(data["title_prefixes"][lemmas[i]])
            i += 1
        else:
            break
    whole = next(
        (w for w in data["whole_titles"] if lemmas[i : i + len(w.split())] == w.split()), None
    )
    if whole is not None:
        title = data["whole_titles"][whole]
        i += len(whole.split())
    elif i < len(tokens) and lemmas[i] in data["titles"]:
        title = data["titles"][lemmas[i]]
        i += 1
    else:
        raise _Uncovered(text)
    rest = tokens[i:]
    if not rest:
        return _join([*prefixes, title])
    try:
        return _join([*prefixes, title, *_ru_after(rest)])  # "of Health", "of Omsk Region"
    except _Uncovered:
        organization = _compose_ru(" ".join(rest))  # "главный врач <hospital, genitive>"
        return _join([*prefixes, title, "of the", organization])


@lru_cache(maxsize=1)
def _ru_region_heads() -> frozenset[str]:
    return frozenset(languages.load("ru", "places")["region_heads"])


# -- Vietnamese ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _vi() -> dict[str, Any]:
    data = languages.load("vi", "org_names")
    organizations = languages.load("vi", "organizations")
    countries = {**_cldr_countries("vi"), **organizations["countries"]}
    return {
        **data,
        "ministries": organizations["ministries"],
        "departments": organizations["departments"],
        "head_order": sorted(data["heads"], key=len, reverse=True),
        "modifier_order": sorted(data["modifiers"], key=len, reverse=True),
        "level_order": sorted(data["levels"], key=len, reverse=True),
        "title_order": sorted(data["titles"], key=len, reverse=True),
        "countries": countries,
        "country_order": sorted(countries, key=len, reverse=True),
        "abbreviated": languages.load("vi", "abbreviations")["heads"],
    }


def _cldr_countries(language: str) -> dict[str, str]:
    """Every country's name in ``language`` (CLDR, lower case) -> its English name."""
    from summarizer.schemas.iso_codes import ISO_3166_1_ALPHA2
    from summarizer.stages.places import country_name, territory_names

    return {
        name.lower(): country_name(code)
        for code, name in territory_names(language).items()
        if code in ISO_3166_1_ALPHA2
    }


def _starts(words: list[str], phrase: str) -> bool:
    parts = phrase.split()
    return [w.lower() for w in words[: len(parts)]] == parts


def _latin(text: str) -> str:
    return strip_accents(text).replace("Đ", "D").replace("đ", "d")


def _vi_place(words: list[str]) -> str:
    """English spelling of a Vietnamese place name: the gazetteer's English name when it
    knows the place, else the name without diacritics."""
    from summarizer.stages.places import find_places

    phrase = " ".join(words)
    for location in find_places(phrase, "vi").locations:
        if location.span.start == 0 and location.span.end == len(phrase):
            return _latin(location.name)
    return _latin(phrase)


def _compose_vi(name: str) -> str:
    data = _vi()
    # "BV Kon Tum", "Trường ĐH Y": an abbreviated head is read as the head it stands for
    words = " ".join(data["abbreviated"].get(w, w) for w in name.split()).split()
    head_phrase = next((h for h in data["head_order"] if _starts(words, h)), None)
    if head_phrase is None:
        raise _Uncovered(name)
    first = head_phrase.split()[0]
    if first != head_phrase and first in data["field_heads"]:
        # "Bộ Y tế và Phúc lợi": a longer field than the one a whole head holds ("Bộ Y tế")
        table = data[data["field_heads"][first]]
        longest = max((len(f.split()) for f in table if _starts(words[1:], f)), default=0)
        if longest + 1 > len(head_phrase.split()):
            head_phrase = first
    head = data["heads"][head_phrase]
    rest = words[len(head_phrase.split()) :]
    if head_phrase in data["field_heads"]:
        # Bộ Nội vụ -> Ministry of Home Affairs: the field names the whole head
        table = data[data["field_heads"][head_phrase]]
        field = next((f for f in sorted(table, key=len, reverse=True) if _starts(rest, f)), None)
        if field is None:
            raise _Uncovered(name)
        head = table[field]
        rest = rest[len(field.split()) :]
    elif rest and rest[0][:1].isupper() and any(_starts(rest, h) for h in data["head_order"]):
        return f"{head} of the {_compose_vi(' '.join(rest))}"  # Văn phòng Bộ Y tế ...
    modifiers: list[str] = []
    place = located = number = ""
    proper: list[str] = []
    after_country = False
    while rest:
        if (
            proper
            and rest[0][:1].islower()
            and rest[0].lower() not in data["in_words"]
            and not any(_starts(rest, m) for m in data["modifier_order"])
        ):
            if len(proper) == 1 and not proper[0][:1].isdigit() and not after_country:
                # one capitalized syllable then lowercase: a compound of common words
                # ("Sức khỏe", "Điện quang"), not a proper name; never "Suc Department"
                raise _Uncovered(name)
            break  # lowercase words after the proper name are the sentence, not the name
        if (
            after_country
            and rest[0][:1].isupper()
            and not any(_starts(rest, c) for c in data["country_order"])
        ):
            break  # a name after the country is a person's ("Bộ Y tế Cuba Ana ...")
        level = next((lv for lv in data["level_order"] if _starts(rest, lv)), None)
        if level is not None and len(rest) > len(level.split()):
            after = rest[len(level.split()) :]
            if after[0][:1].isdigit() and level in data["numbered_levels"]:
                place = data["numbered_levels"][level].format(number=after[0])
                rest = after[1:]
                continue
            if after[0][:1].isupper():
                words_of_place = []
                while after and (after[0][:1].isupper() or after[0] in "-–"):
                    words_of_place.append(after.pop(0))
                place = data["levels"][level].format(place=_vi_place(words_of_place))
                place = re.sub(r"\b(\w+) \1$", r"\1", place)  # "… City City"
                rest = [] if all(w[:1].islower() for w in after) else after
                continue  # lowercase words after the place are the sentence, not the name
        if rest[0].lower() in data["number_words"] and len(rest) > 1 and rest[1][:1].isdigit():
            number = data["number_words"][rest[0].lower()].format(number=rest[1])
            rest = rest[2:]
            continue  # "số 1" -> "No. 1", written after the head
        modifier = next((m for m in data["modifier_order"] if _starts(rest, m)), None)
        if modifier is not None and (not rest[0][:1].isupper() or not proper):
            # "Trung ương", "Quốc tế" may be written with capitals: still modifiers
            modifiers.append(data["modifiers"][modifier])
            rest = rest[len(modifier.split()) :]
            continue
        country = next((c for c in data["country_order"] if _starts(rest, c)), None)
        # a one-syllable country inside a proper name ("Việt Đức") is part of that name
        if country is not None and (" " in country or not proper):
            proper.append(data["countries"][country])
            rest = rest[len(country.split()) :]
            after_country = True
            continue
        if rest[0].lower() in data["in_words"] and len(rest) > 1:
            where = rest[1:]
            country = next((c for c in data["country_order"] if _starts(where, c)), None)
            if country is not None and len(country.split()) == len(where):
                located = "in " + data["countries"][country]
            elif all(w[:1].isupper() for w in where):
                located = "in " + _vi_place(where)
            else:
                raise _Uncovered(" ".join(rest))
            rest = []
            continue
        if rest[0][:1].isupper() or rest[0][:1].isdigit() or (proper and rest[0] in "-–"):
            proper.append(rest[0])
            rest = rest[1:]
            continue
        raise _Uncovered(" ".join(rest))
    named = _vi_place(proper).replace(" - ", "-").replace(" – ", "-") if proper else ""
    if _names_its_kind(named, data["heads"].values()) and not (modifiers or place or located):
        return named  # "Quỹ Tomsk Foundation": the foreign name holds its own English head
    leading = [m for m in modifiers if m in data["leading_modifiers"]]
    others = [m for m in modifiers if m not in data["leading_modifiers"]]
    if named and named[:1].isdigit():
        return _join([*leading, *others, head, named])  # Viện Ung thư 7-5 -> Cancer Institute 7-5
    if head_phrase in data["of_field_heads"] and modifiers and not (place or named):
        return f"{head} of {' and '.join(modifiers)}"  # Vụ Y tế dự phòng -> Department of ...
    if _is_of_head(head, data["of_heads"]) and named and not (place or modifiers):
        return _join([head, "of", named, located])  # Bộ Y tế Cuba -> ... of Cuba
    if named in data["countries"].values() and not (place or located):
        return _join([*leading, *others, head, "of", named])  # ... Quốc gia Mông Cổ
    if head_phrase in data.get("national_heads", []) and not (named or place or located):
        return _join([head, "of", _home_country_name("vi")])  # Bộ Y tế -> ... of Vietnam
    return _join([place, named, *leading, *others, head, located, number])


def _title_vi(text: str) -> str:
    """ "Bộ trưởng Bộ Tài chính" -> "Minister of Finance", "Giám đốc Bệnh viện X" ->
    "Director of X Hospital", "Đại sứ Nga tại Lào" -> "Ambassador of Russia to Laos": the
    title word first (``titles``, then its ``title_qualifiers``), then an organization, a
    ministry or a country."""
    data = _vi()
    words = [w for w in text.split() if w not in "-–:,"]
    title_phrase = next((t for t in data["title_order"] if _starts(words, t)), None)
    if title_phrase is None:
        raise _Uncovered(text)
    title = data["titles"][title_phrase]
    rest = words[len(title_phrase.split()) :]
    for qualifier, english in data["title_qualifiers"].items():
        if _starts(rest, qualifier):
            title, rest = f"{title} {english}", rest[len(qualifier.split()) :]
    if not rest or rest[0][:1].islower():
        return title  # a bare title, then the sentence ("Thống đốc cho biết")
    country = _vi_country(rest, data)
    if country is not None:  # "Đại sứ Nga tại Việt Nam", "Tổng thống Nga"
        named, rest = country
        where = (
            _vi_country(rest[1:], data) if rest and rest[0].lower() in data["in_words"] else None
        )
        if rest and (where is None or where[1]):
            raise _Uncovered(text)
        return _join([title, "of", named, *(["to", where[0]] if where else [])])
    if (_starts(rest, "bộ") and len(rest) > 1 and rest[1][:1].isupper()) or title.endswith(
        "Minister"
    ):
        field = rest[1:] if _starts(rest, "bộ") else rest  # "Bộ trưởng (Bộ) Tài chính ..."
        ministry = compose("Bộ " + " ".join(field), "vi")
        if ministry is None or not ministry.startswith("Ministry of "):
            raise _Uncovered(text)
        home = f" of {_home_country_name('vi')}"
        ministry = ministry.removesuffix(home)  # the home country's minister: no "of Vietnam"
        return _join([title, ministry.removeprefix("Ministry ")])
    organization = compose(" ".join(rest), "vi")
    if organization is None:
        raise _Uncovered(text)
    # "the" before a body ("the Omsk Department of Health"), not before a named
    # institution ("Omsk Central Hospital")
    body = " of " in organization or organization.split()[-1] in _VI_BODIES
    return f"{title} of {'the ' if body else ''}{organization}"


_VI_BODIES = frozenset("Committee Council Department Office Board Assembly Government".split())


def _vi_country(words: list[str], data: dict[str, Any]) -> tuple[str, list[str]] | None:
    """(English name, the words after it) when ``words`` open with a country's name."""
    country = next((c for c in data["country_order"] if _starts(words, c)), None)
    if country is None:
        return None
    return data["countries"][country], words[len(country.split()) :]


def _names_its_kind(named: str, heads: Iterable[str]) -> bool:
    """Whether a foreign proper name ends with an English head word of its own ("Tomsk
    Foundation", "Omsk Group"), so no head is added to it."""
    last = {head.split()[-1] for head in heads}
    return len(named.split()) > 1 and named.split()[-1] in last


def _is_of_head(head: str, of_heads: list[str]) -> bool:
    """Whether ``head`` is, or begins with, a head that takes its country with 'of'
    ("Consulate General", "National Assembly")."""
    return any(head == h or head.startswith(h + " ") for h in of_heads)


def _home_country_name(language: str) -> str:
    """The English name of the language's home country (CLDR): a national body named
    without its country is the home country's."""
    from summarizer.stages.places import country_name, home_country

    return country_name(home_country(language) or "")


# -- Kazakh ----------------------------------------------------------------------------------

_MAX_SUFFIX = 7  # possessive and case endings after a stem


@lru_cache(maxsize=1)
def _kk() -> dict[str, Any]:
    return languages.load("kk", "org_names")


def _by_stem(word: str, table: dict[str, str]) -> str | None:
    """The entry of ``table`` whose stem starts ``word`` (longest stem first)."""
    low = word.lower().replace("i\u0307", "i")  # Turkish "İl" lower-cases to "i" + a dot
    stems = [k for k in table if low.startswith(k) and len(low) - len(k) <= _MAX_SUFFIX]
    return table[max(stems, key=len)] if stems else None


def _nationality(word: str) -> str | None:
    low = word.lower()
    table = _kk()["nationalities"]
    stems = [k for k in table if low.startswith(k) and len(low) - len(k) <= 3]
    return table[max(stems, key=len)] if stems else None


@lru_cache(maxsize=256)
def _kk_found(phrase: str) -> Any:
    """The places stage on a phrase of a Kazakh name (asked for the place and whether it
    is a country: read once)."""
    from summarizer.stages.places import find_places

    return find_places(phrase, "kk")


def _kk_place(phrase: str) -> str | None:
    """English name of a place or country phrase (None when the gazetteer has neither)."""
    from summarizer.stages.places import country_name

    places = _kk_found(phrase)
    for location in places.locations:
        if location.span.start == 0:
            return location.name
    codes = {c.code for c in places.countries}
    if len(codes) == 1:
        return country_name(codes.pop())
    return None


def _whole_kk_place(phrase: str) -> str:
    """The English name of a place or country that is the whole ``phrase`` (a case ending
    aside): "Павлодар облысының" -> "Pavlodar Region"; raises when the phrase holds more."""
    from summarizer.stages.places import country_name

    places = _kk_found(phrase)
    spans = [(loc.span, loc.name) for loc in places.locations]
    spans += [(c.span, country_name(c.code)) for c in places.countries]
    for span, name in spans:
        if span.start != 0:
            continue
        tail = phrase[span.end :]
        words = tail.split()
        if len(words) == 1 and tail[:1] == " ":  # "Павлодар қаласының": a place noun
            if words[0].lower().startswith(tuple(_kk()["place_nouns"])):
                return name
        elif len(tail) <= _MAX_SUFFIX and " " not in tail:  # "Павлодардың": a case ending
            return name
    raise _Uncovered(phrase)


def _kk_country(phrase: str) -> str | None:
    """The English name of ``phrase`` when it names a country (not a city or region)."""
    from summarizer.stages.places import country_name

    places = _kk_found(phrase)
    codes = {c.code for c in places.countries}
    return country_name(codes.pop()) if len(codes) == 1 and not places.locations else None


def _compose_kk(name: str) -> str:
    from summarizer.stages.places import compass_name

    data = _kk()
    words = name.split()
    head = _by_stem(words[-1], data["heads"]) if len(words) > 1 else None
    if head is None:
        raise _Uncovered(name)
    body = _closed_quotes(words[:-1])
    before: list[str] = []
    brand: list[str] = []
    fields: list[str] = []
    complements: list[str] = []
    hosts: list[str] = []
    i = 0
    while i < len(body):
        word = body[i]
        low = word.lower()
        pair = " ".join(w.lower() for w in body[i : i + 2])
        field_pair = next((f for f in data["fields"] if " " in f and _stem_pair(pair, f)), None)
        if i + 1 < len(body) and (compass := compass_name(word, body[i + 1], "kk")):
            before.append(compass[0])  # "Солтүстік Қазақстан облыстық": North Kazakhstan Regional
            i += 1
        elif word.startswith("«"):  # a quoted proper name: "«Жана Тан» қоры" is Zhana Tan Fund
            run = [word]
            while not run[-1].endswith("»"):
                i += 1
                run.append(body[i])
            quoted = " ".join(run).strip("«»")
            (brand if quoted.isascii() else before).append(to_latin(quoted))
        elif word in data["abbreviations"]:
            complements.append(data["abbreviations"][word])
        elif len(body) == 1 and low in data["home_owners"]:
            complements.append(f"of {_home_country_name('kk')}")  # "Республика Үкіметі"
        elif i > 0 and low.startswith(tuple(data["home_owners"])):
            pass  # "Түркия Республикасы …": the Republic of the country before it
        elif low in data["named_after"] or low in data["skip"]:
            pass  # "<person> атындағы" reads "<person> …" in English
        elif field_pair is not None:
            fields.append(data["fields"][field_pair])
            i += 1
        elif low in data["modifiers"]:  # the adjective itself ("ғылыми"), not its noun's stem
            before.append(data["modifiers"][low])
        elif field := _by_stem(word, {k: v for k, v in data["fields"].items() if " " not in k}):
            fields.append(field)
        elif word.isascii() and any(c.isalpha() for c in word):
            brand.append(word)
        elif host := _host_place(word):  # "Моңғолиядағы … елшілігі": the embassy in Mongolia
            hosts.append("in " + host)
        elif pair := _kk_hyphen_pair(word):  # "қазақ-түрік": Kazakh-Turkish
            before.append(pair)
        elif modifier := _by_stem(word, data["modifiers"]):
            before.append(modifier)
        elif (word[:1].isupper() and not word.isupper()) or _KK_INITIAL.fullmatch(word):
            run = [word]
            while (
                i + 1 < len(body)
                and body[i + 1][:1].isupper()
                and not _kk_known(body[i + 1])
                and not _host_place(body[i + 1])
                and not body[i + 1].lower().startswith(tuple(data["home_owners"]))
                and not _kk_field_pair(body[i + 1 : i + 3])  # "… Денсаулық сақтау …"
            ):
                i += 1
                run.append(body[i])
            following = body[i + 1].lower() if i + 1 < len(body) else ""
            exact = _kk()["nationalities"].get(word.lower()) if len(run) == 1 else None
            english = exact or _kk_place(" ".join(run))  # "Қазақ" is Kazakh, not Kazakhstan
            if english is None and (nationality := _nationality(word)):
                english = nationality
            if english is None:
                # an unknown name is a place only before "in the city" and a person only
                # before "named after"; the institution's own name when only words that
                # describe it stand between it and the head ("Тула мемлекеттік
                # университеті"); anything else is left to the model
                marked = following in data["named_after"] or following in data["skip"]
                if not (marked or _own_name(run, body[i + 1 :], head)):
                    raise _Uncovered(" ".join(run))
                seat = _city_of_word(run[0]) if len(run) == 1 and not marked else None
                english = seat or to_latin(" ".join(run))
            genitive = run[-1].lower().endswith(tuple(data["genitive_endings"]))
            country = english == _kk_country(" ".join(run))
            if genitive or (country and (i + 1 < len(body) or head in data["owner_heads"])):
                complements.append("of " + english)  # a country's ministry: "... of Türkiye"
            else:
                before.append(english)
        elif nationality := _nationality(word):
            before.append(nationality)
        else:
            raise _Uncovered(word)  # an acronym or a word no part covers
        i += 1
    if not (before or brand or fields or complements):
        raise _Uncovered(name)  # a bare head word ("the centre") names no one organization
    if brand and head in data["brand_heads"]:
        return " ".join(brand)  # "<Brand> компаниясы" is <Brand>
    of_fields = ["of " + " and ".join(fields)] if fields else []
    return _join([*brand, *before, head, *of_fields, *reversed(complements), *hosts])


_KK_INITIAL = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]\.")


def _kk_hyphen_pair(word: str) -> str | None:
    """Two nations' adjectives joined by a hyphen ("қазақ-түрік": Kazakh-Turkish), or two
    modifiers ("инженерлік-педагогикалық": Engineering and Pedagogical); else None."""
    parts = word.lower().split("-")
    if len(parts) != 2 or not all(parts):
        return None
    nations = [_kk()["nationalities"].get(part) for part in parts]
    if all(nations):
        return "-".join(n for n in nations if n)
    modifiers = [_kk()["modifiers"].get(part) for part in parts]
    if all(modifiers):
        return " and ".join(m for m in modifiers if m)
    return None


def _describes(word: str) -> bool:
    """Whether a word before a Kazakh head only describes the institution: a modifier,
    a field, a nation's adjective, or a pair of them."""
    data = _kk()
    low = word.lower()
    fields = data["fields"]
    return bool(
        low in data["modifiers"]
        or _by_stem(word, data["modifiers"])
        or _by_stem(word, {k: v for k, v in fields.items() if " " not in k})
        or any(low.startswith(piece) for f in fields if " " in f for piece in f.split())
        or _nationality(word)
        or _kk_hyphen_pair(word)
    )


def _own_name(run: list[str], rest: list[str], head: str | None = None) -> bool:
    """Whether an unknown capitalized word (``run`` of one) is the institution's own name:
    only words that describe it follow before the head, and it is no genitive or locative
    form (an owner's or a host's name is read by the gazetteer, not guessed) and no
    adjective ("Дүниежүзілік", worldwide). Several capitalized words ("Президенті Іс
    басқармасы") are an official name's common nouns, left to the model, unless the head
    is an institution's that a several-word namesake names ("Омск Тула университеті",
    ``several_word_name_heads``) and every word of the run is so formed."""
    several = len(run) > 1 and head in _kk().get("several_word_name_heads", [])
    if not (len(run) == 1 or several) or any(word.startswith("«") for word in run):
        return False
    adjectives = languages.load("kk", "organizations")["adjective_endings"]
    endings = (*_kk()["genitive_endings"], *_KK_LOCATIVE, *adjectives)
    if any(word.lower().endswith(tuple(endings)) or word.isupper() for word in run[1:]):
        return False
    if run[0].lower().endswith(tuple(endings)):
        return False
    return all(_describes(word) for word in rest)


def _city_of_word(word: str) -> str | None:
    """The English name of a seat: a city of the gazetteer, or a Chinese place written by
    the Palladius system ("Тяньцзи": Tianji, not "Tyantszi")."""
    from summarizer.stages.chinese_names import pinyin_place
    from summarizer.stages.places import city_of_word

    return city_of_word(word, "kk") or pinyin_place(word)


def _host_place(word: str) -> str | None:
    """The English name of the place a capitalized locative word names ("Моңғолиядағы":
    Mongolia), else None."""
    return _locative_place(word) if word[:1].isupper() else None


def _locative_place(word: str) -> str | None:
    """The English name of the place a locative word names, else None."""
    if not word.lower().endswith(_KK_LOCATIVE):
        return None
    try:
        return _whole_kk_place(word)
    except _Uncovered:
        return None


def _closed_quotes(words: list[str]) -> list[str]:
    """``words`` with only the quotation marks that open and close among them: a quote
    that closes after the head word (the whole name quoted) says nothing about its parts."""
    out = [w.strip("«»") for w in words]
    i = 0
    while i < len(words):
        end = next((j for j in range(i, len(words)) if words[j].endswith("»")), None)
        if words[i].startswith("«") and end is not None:
            out[i] = "«" + out[i]
            out[end] = out[end] + "»"
            i = end
        i += 1
    return out


def _title_kk(text: str) -> str:
    """ "Павлодар облысының әкімі" -> "Akim of Pavlodar Region", "Денсаулық сақтау бірінші
    вице-министрі" -> "First Vice Minister of Health": the title is the last word; before
    it, prefixes, a field and a genitive place, country or organization."""
    data = _kk()
    words = text.split()
    last = words[-1].lower()
    prefixes: list[str] = []
    for prefix, english in data["title_prefixes"].items():
        if prefix.endswith("-") and last.startswith(prefix):
            prefixes.append(english)
            last = last[len(prefix) :]
    rest = words[:-1]
    title = None
    if rest and not prefixes:  # "бас консулы": Consul General, one title of two words
        pairs = {
            stem: english
            for phrase, english in data["two_word_titles"].items()
            for first, stem in [phrase.split(maxsplit=1)]
            if first == rest[-1].lower()
        }
        title = _by_stem(last, pairs)
        if title is not None:
            rest = rest[:-1]
    title = title or _by_stem(last, data["titles"])
    if title is None:
        raise _Uncovered(text)
    while rest:  # prefixes written as words right before the title ("бірінші", "бас")
        for size in (3, 1):
            phrase = " ".join(w.lower() for w in rest[-size:])
            if len(rest) >= size and phrase in data["title_prefixes"]:
                prefixes.insert(0, data["title_prefixes"][phrase])
                rest = rest[:-size]
                break
        else:
            break
    title, rest = _deputy_of(title, rest)
    rest, host = _title_host(rest, title)
    field = ""
    pair = " ".join(w.lower() for w in rest[-2:])
    for name, english in data["fields"].items():
        size = len(name.split())
        if len(rest) >= size and (
            _stem_pair(pair, name) if size == 2 else rest[-1].lower().startswith(name)
        ):
            field, rest = english, rest[:-size]
            break
    complement = ""
    if rest:
        phrase = " ".join(rest)
        if _by_stem(rest[-1], data["heads"]):  # "<clinic>-ның директоры": the clinic's
            complement = "the " + _compose_kk(phrase)
        else:
            complement = _whole_kk_place(phrase)
    after = [p for p in prefixes if p in data["postpositive_prefixes"]]
    parts = [*(p for p in prefixes if p not in after), title, *after]
    if field:
        parts += ["of", field]
    if complement:
        parts += ["of", complement]
    return _join([*parts, *host])


def _deputy_of(title: str, rest: list[str]) -> tuple[str, list[str]]:
    """ "әкімінің орынбасары" -> "Deputy Akim": a deputy's title right after the principal's
    title in the genitive is one title; the words before it are the principal's complement."""
    data = _kk()
    if not rest or title not in {data["titles"].get(d) for d in data["deputy_titles"]}:
        return title, rest
    if not rest[-1].lower().endswith(tuple(data["genitive_endings"])):
        return title, rest
    principal = _by_stem(rest[-1], data["titles"])
    if principal is None or principal == title:
        return title, rest
    return f"{title} {principal}", rest[:-1]


def _title_host(rest: list[str], title: str) -> tuple[list[str], list[str]]:
    """The words of a title without its host place, and the host in English: "Павлодардағы
    бас консулы" is Consul General in Pavlodar, "Моңғолиядағы … елшісі" Ambassador
    to Mongolia. A locative word that names no place leaves the title uncovered."""
    at = [i for i, w in enumerate(rest) if w.lower().endswith(_KK_LOCATIVE)]
    if not at:
        return rest, []
    end = at[-1]
    for start in range(max(0, end - 2), end + 1):
        phrase = " ".join(rest[start : end + 1])
        try:
            place = _whole_kk_place(phrase)
        except _Uncovered:
            continue
        country = _kk_country(phrase) is not None
        word = "to" if country and title.split()[-1] in _kk()["to_host_titles"] else "in"
        return rest[:start] + rest[end + 1 :], [word, place]
    if end == 0 and rest[0].lower().startswith(tuple(_kk()["place_nouns"])):
        return rest[1:], []  # "Республикасындағы …" whose country the span cut off
    raise _Uncovered(" ".join(rest))


def _unknown_host(word: str) -> bool:
    """A locative word that names no known place ("Омбыдағы" with no gazetteer entry)."""
    low = word.lower()
    if not low.endswith(_KK_LOCATIVE) or low.startswith(tuple(_kk()["place_nouns"])):
        return False
    return _locative_place(word) is None


def _kk_field_pair(words: list[str]) -> bool:
    """Whether two words are a two-word field ("Денсаулық сақтау": health)."""
    pair = " ".join(w.lower() for w in words)
    return len(words) == 2 and any(_stem_pair(pair, f) for f in _kk()["fields"] if " " in f)


def _stem_pair(pair: str, field: str) -> bool:
    first, second = field.split(" ", 1)
    words = pair.split(" ")
    return (
        len(words) == 2
        and words[0].startswith(first)
        and words[1].startswith(second)
        and len(pair) - len(field) <= 2 * _MAX_SUFFIX
    )


def _kk_known(word: str) -> bool:
    data = _kk()
    return word in data["abbreviations"] or bool(_by_stem(word, data["modifiers"]))


# -- Uzbek, Kyrgyz, Azerbaijani ---------------------------------------------------------------


@lru_cache(maxsize=8)
def _turkic(language: str) -> dict[str, Any]:
    return languages.load(language, "org_names")


def _turkic_nationality(word: str, table: dict[str, str]) -> str | None:
    """A nation's adjective, or a hyphenated pair of them ("кыргыз-түрк": Kyrgyz-Turkish)."""
    parts = [table.get(part.lower()) for part in word.split("-")]
    return "-".join(p for p in parts if p) if all(parts) else None


def _turkic_place(word: str, language: str) -> str | None:
    """The English name of the place or country a capitalized word names, inflected or not."""
    from summarizer.stages.places import country_name, find_places

    places = find_places(word, language)
    names = [loc.name for loc in places.locations if loc.span.start == 0]
    names += [country_name(c.code) for c in places.countries if c.span.start == 0]
    return names[0] if names else None


def _turkic_country(word: str, language: str) -> str | None:
    """The English name of the country a capitalized word (and nothing else) names."""
    from summarizer.stages.places import country_name, find_places

    places = find_places(word, language)
    codes = {c.code for c in places.countries if c.span.start == 0}
    return country_name(codes.pop()) if len(codes) == 1 and not places.locations else None


_TURKIC_TITLE_LANGUAGES = frozenset({"uz", "ky", "az", "tr"})
OWNER_REACH = 3  # words before a Turkic minister's field that may name his country
# Apostrophes Uzbek Latin writes o‘ and g‘ with, folded to one for matching.
_APOSTROPHES = str.maketrans({"ʻ": "‘", "'": "‘", "’": "‘", "`": "‘", "ʼ": "‘"})


def _title_turkic(role_text: str, language: str) -> str | None:
    """A minister's English title from the words that end ``role_text``: ``[<country>]
    <field> <minister word>`` ("Karadağ Sağlık Bakanı": Minister of Health of Montenegro;
    "sog‘liqni saqlash vaziri o‘rinbosari": Deputy Minister of Health). The country is a
    word that names one (nothing else) among the three before the field; None when the title
    is no minister's or its field is unknown."""
    data = _turkic(language)
    words = [w.strip(",;:") for w in role_text.split()]
    keys = [w.casefold().translate(_APOSTROPHES) for w in words]

    def ending(table: dict[str, str], upto: int) -> tuple[str, int] | None:
        for phrase, english in sorted(table.items(), key=lambda kv: -len(kv[0].split())):
            parts = phrase.casefold().translate(_APOSTROPHES).split()
            if len(parts) <= upto and keys[upto - len(parts) : upto] == parts:
                return english, upto - len(parts)
        return None

    title = ending(data.get("minister_titles", {}), len(words))
    field = ending(data["fields"], title[1]) if title else None
    if title is None or field is None:
        return None
    owner = next(
        (
            country
            for word in reversed(words[max(0, field[1] - OWNER_REACH) : field[1]])
            if word[:1].isupper() and (country := _turkic_country(word, language))
        ),
        None,
    )
    english = f"{title[0]} of {field[0]}"
    return f"{english} of {owner}" if owner else english


def _turkic_word(word: str, pair: str, data: dict[str, Any], language: str) -> tuple[str, str]:
    """One word (or a two-word modifier, ``pair``) of a name before its head: ``(where,
    English)`` with where one of "pair", "before", "of", "in"; raises when no part covers it."""
    if pair in data["modifiers"]:
        return "pair", data["modifiers"][pair]
    if pair in data["fields"]:
        return "field pair", data["fields"][pair]
    if field := _by_stem(word, {k: v for k, v in data["fields"].items() if " " not in k}):
        return "field", field
    if modifier := _by_stem(word, data["modifiers"]):
        return "before", modifier
    if nationality := _turkic_nationality(word, data["nationalities"]):
        return "before", nationality
    if not word[:1].isupper():
        raise _Uncovered(word)
    for where in ("in", "of"):  # "Ankaradakı": in Ankara; "Azərbaycanın": of Azerbaijan
        key = "locative_endings" if where == "in" else "genitive_endings"
        ending = next((e for e in data[key] if word.lower().endswith(e)), None)
        if ending and (
            place := _turkic_place(word, language) or _turkic_place(word[: -len(ending)], language)
        ):
            return where, place
        if ending and where == "in":  # "Ankaradakı": a city not placed alone, by its stem
            return where, to_latin(word[: -len(ending)], language)
    if country := _turkic_country(word, language):  # "Qozog‘iston … vazirligi": of Kazakhstan
        return "of", country
    if place := _turkic_place(word, language):
        return "before", place
    common = [e for e in data["genitive_endings"] if len(e.strip("'")) >= 3]
    if word.lower().endswith((*common, *data.get("plural_endings", ()))):
        raise _Uncovered(word)  # "Xalqlarının" (of the peoples): a common noun, no name
    return "proper", to_latin(word, language)  # a proper name


# Heads of bodies named by their field alone: a capitalized word before one that is no
# place, nationality or field is a field the table lacks ("Sosyal Koruma Bakanlığı"), not a
# proper name to keep in Latin spelling.
_FIELD_NAMED_HEADS = frozenset({"Ministry"})


def _compose_turkic(name: str, language: str) -> str:
    """``<proper name | place | nationality | modifier>… <head>`` -> English, in the order
    English writes them ("Tomsk shifoxonasi": Tomsk Hospital; "Azərbaycanın Ankaradakı
    səfirliyi": Embassy of Azerbaijan in Ankara); a name already ending in an English head
    ("Tula Medical Center клиникаси") is that name."""
    data = _turkic(language)
    words = name.split()
    head = _by_stem(words[-1], data["heads"]) if len(words) > 1 else None
    if head is None:
        raise _Uncovered(name)
    parts: dict[str, list[str]] = {"before": [], "field": [], "of": [], "in": []}
    i = _adverbial_start(words, data)
    while i < len(words) - 1:
        pair = " ".join(w.lower() for w in words[i : min(i + 2, len(words) - 1)])
        where, english = _turkic_word(words[i], pair, data, language)
        if where == "proper" and head in _FIELD_NAMED_HEADS:
            raise _Uncovered(name)  # a ministry is named by its field, never a proper name
        parts[where.split()[0].replace("pair", "before").replace("proper", "before")].append(
            english
        )
        i += 2 if where.endswith("pair") else 1
    before = parts["before"]
    if before and before[-1].isascii() and before[-1].split()[-1] in data["heads"].values():
        return _join(before)
    of_fields = ["of " + " and ".join(parts["field"])] if parts["field"] else []
    if not (before or of_fields or parts["of"] or parts["in"]):
        raise _Uncovered(name)  # a bare head word names no one organization
    of_places = [f"of {p}" for p in parts["of"]]
    return _join([*before, head, *of_fields, *of_places, *(f"in {p}" for p in parts["in"])])


def _adverbial_start(words: list[str], data: dict[str, Any]) -> int:
    """Where the name starts: after a capitalized word in the plain locative that opens the
    span ("Omskda Səhiyyə Nazirliyi": in Omsk, the Ministry of Health)."""
    first = words[0]
    adverbial = first[:1].isupper() and first.lower().endswith(tuple(data["adverbial_endings"]))
    return 1 if adverbial and len(words) > 2 else 0


_COMPOSERS: dict[str, Callable[[str], str]] = {
    "ru": _compose_ru_name,
    "vi": _compose_vi,
    "kk": _compose_kk,
    **{
        code: (lambda name, code=code: _compose_turkic(name, code))
        for code in ("uz", "ky", "az", "tr")
    },
}
