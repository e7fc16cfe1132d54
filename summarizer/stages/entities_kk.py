"""People and organizations by word shape, for languages without a NER model.

Kazakh first (no trained NER exists for it), and by the same rules Kyrgyz, Uzbek and other
Cyrillic or Latin-script languages, with English as a simple fallback. A person is a run of
2–3 capitalized words that either has a surname ending (``-ов``, ``-ева``, ``-ұлы``, …, after
the case ending is cut: ``Сұлтанғазиевтің`` -> ``Сұлтанғазиев``) or follows a title word
(``әкімі``, ``министрі``, ``елшісі``, ``minister``). An organization is a head noun
(``ауруханасы``, ``министрлігі``, ``университеті``) with the capitalized, quoted or
adjectival words before it; Kazakh puts modifiers before the head, so the name is read
leftwards from the head.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from summarizer import languages
from summarizer.stages.entities import (
    CLAUSE_BREAK,
    WORD_SHAPE_LANGUAGES,
    OrganizationFinding,
    PersonFinding,
    clause_start,
    credit_ranges,
    find_media,
    inside,
    latin_name,
    merge_organizations,
    merge_people,
)
from summarizer.stages.places import large_city_words, territory_names
from summarizer.stages.spans import Span
from summarizer.textfold import fold

# The vocabulary is data: ``summarizer/languages/<code>/people.json`` and
# ``organizations.json`` of every language these rules serve, read together.
_CODES = sorted(WORD_SHAPE_LANGUAGES)


def _words(topic: str, key: str) -> list[str]:
    return languages.words(topic, key, _CODES)


# Stems of title words (matched as word prefixes, so inflected forms match too).
_TITLE_STEMS = tuple(_words("people", "title_stems"))
_NAME_PARTICLES = frozenset(_words("people", "name_particles"))
_SURNAME_ENDINGS = tuple(_words("people", "surname_endings"))
# Case endings of Kazakh and Kyrgyz, longest first; cut from a surname to reach its base.
_CASE_ENDINGS = tuple(sorted(_words("people", "case_endings"), key=len, reverse=True))
# Capitalized words that start no name: state words, weekdays, sentence openers.
_NOT_NAMES = tuple(_words("people", "not_names"))
# Lower-case words naming a place's unit after its name ("Павлодар облысы", "Омбы қаласында").
_PLACE_UNITS = tuple(_words("people", "place_units"))
_EPONYM_WORDS = tuple(_words("people", "eponym_words"))
_VOWEL_CASE_ENDINGS = tuple(_words("people", "vowel_case_endings"))
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
# "<title> of " right before a capitalized run: the run opens with the title's complement
_LINKS = "|".join(map(re.escape, sorted(_words("people", "title_links"), key=len, reverse=True)))
_TITLE_LINK = re.compile(rf"(\S+)\s+(?:{_LINKS or '(?!)'})\s+((?:[^\W\d_]+\s+){{0,3}})$")
# Case suffixes written after an apostrophe on a proper noun (Turkish "Omsk'ta").
_APOSTROPHE_SUFFIXES = frozenset(_words("people", "apostrophe_suffixes"))
_APOSTROPHES = "'’‘"
_INITIAL = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\."
_TOKEN = re.compile(_INITIAL + r"|[^\W\d_]+(?:[-‑'’‘][^\W\d_]+)*")

# Organization head words: (prefix of the inflected word, nominative form, kind).
_HEADS = tuple(
    (prefix, nominative, kind)
    for table in languages.tables("organizations", "head_words", _CODES)
    for kind, heads in table.items()
    for prefix, nominative in heads.items()
)
# Lowercase words that belong inside an organization's name (Kazakh and Kyrgyz).
_NAME_WORDS = frozenset(_words("organizations", "name_words"))
_ADJECTIVE_ENDINGS = tuple(_words("organizations", "adjective_endings"))
_NOT_HEAD_RESTS = tuple(_words("organizations", "not_head_rests"))
_LOCATIVE_ENDINGS = tuple(_words("organizations", "locative_endings"))
_HOST_HEADS = tuple(_words("organizations", "host_heads"))
_PLURAL_ENDINGS = tuple(_words("organizations", "plural_endings"))
_LEGAL_FORMS = frozenset(_words("organizations", "legal_forms"))
_GENITIVE_LOOKALIKES = tuple(_words("people", "genitive_lookalikes"))
_REPORT_VERBS = "|".join(_words("organizations", "report_verbs"))
_MAX_QUOTED = 6  # words of a quoted name read back from the head word that closes it
# Conjunctions that join two field words of a government body's name ("… және …").
_NAME_CONJUNCTIONS = frozenset(_words("organizations", "name_conjunctions"))
# Field words of a government body's name ("спорт", "туризм"), which the English composer
# writes "Ministry of <Field>"; stems, matched at a word's start.
_FIELD_WORDS = tuple(
    stem for stem in languages.load("kk", "org_names").get("fields", {}) if " " not in stem
)
_HEALTH_MINISTRY = re.compile("|".join(_words("organizations", "health_ministry")), re.IGNORECASE)
# "<A> va <B> sog‘liqni saqlash vazirliklari": two countries' ministries of health.
_COUNTRY_WORD = r"([^\W\d_][\w‘ʻ'’`-]*)"
_PAIRED_MINISTRIES = re.compile(
    rf"{_COUNTRY_WORD}\s+(?:{'|'.join(_words('organizations', 'pair_words'))})\s+{_COUNTRY_WORD}"
    rf"\s+(?:{'|'.join(_words('organizations', 'health_ministries'))})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_title(word: str) -> bool:
    if _breaks_names(word):
        return False  # "Bakanlığı" (ministry) is no "bakan" (minister)
    low = word.lower().rstrip(".").rsplit("-", 1)[-1]  # "трансплантолог-хирургы": хирург
    return low.startswith(_TITLE_STEMS) if len(low) > 3 else low in _TITLE_STEMS


def _surname_base(word: str) -> str | None:
    """The word cut to its surname base, or None when it has no surname ending."""
    low = word.lower()
    if len(low) > 8 and low.endswith(_GENITIVE_LOOKALIKES):
        # a Kyrgyz genitive: of a surname ("Орловдин") its base, else no surname ("…тинин")
        base = next(low[: -len(e)] for e in _GENITIVE_LOOKALIKES if low.endswith(e))
        return word[: len(base)] if len(base) > 4 and base.endswith(_SURNAME_ENDINGS) else None
    if low.endswith(_SURNAME_ENDINGS) and len(low) > 4 and not _case_on_surname(low):
        return word
    for ending in _CASE_ENDINGS:
        base = low[: -len(ending)]
        if low.endswith(ending) and len(base) > 4 and base.endswith(_SURNAME_ENDINGS):
            return word[: len(base)]
    return None


def _case_on_surname(low: str) -> bool:
    """Whether a word's surname ending is a whole case ending on another surname:
    "musayevin" ends like "Borodin" but is "Musayev" in the genitive (the case ending holds
    all of "-in", and the base ends in "-ev" itself); "Belova" ends in a surname ending
    longer than any case ending it has."""
    surname = max((len(e) for e in _SURNAME_ENDINGS if low.endswith(e)), default=0)
    for ending in _CASE_ENDINGS:
        base = low[: -len(ending)]
        if low.endswith(ending) and len(ending) >= surname > 0 and len(base) > 4:
            if base.endswith(_SURNAME_ENDINGS):
                return True
    return False


def _bare_name(word: str, last: bool = False) -> str:
    """A given name with a long case ending cut (``Кириллден`` -> ``Кирилл``); the last word
    of a longer name also loses an ending that follows a vowel when a short word ending in
    one is left (``Лимен`` -> ``Ли``: "Ким Лимен", with Kim Li)."""
    low = word.lower()
    for ending in _CASE_ENDINGS:
        if len(ending) >= 3 and low.endswith(ending) and len(low) - len(ending) >= 4:
            return word[: -len(ending) + _stem_n(low, ending)]
    for ending in _VOWEL_CASE_ENDINGS if last else ():
        base = low[: -len(ending)]
        if low.endswith(ending) and len(base) >= MIN_VOWEL_BASE and base[-1] in _VOWELS:
            return word[: len(base)]
    return word


MIN_VOWEL_BASE = 2


_VOWELS = "аәеиоөуұүыіэюяё"


def _stem_n(low: str, ending: str) -> int:
    """1 when the "н" an ending opens with is the name's own last letter: the base before it
    ends in a vowel and the rest is a case ending itself ("Томсон|ды", not "Томсо|нды",
    whose "-нды" follows a possessive); else 0."""
    base = low[: -len(ending)]
    own = ending.startswith("н") and base[-1:] in _VOWELS and ending[1:] in _CASE_ENDINGS
    return 1 if own else 0


def _name_like(token: _Token) -> bool:
    word = token.text
    if word.endswith("."):
        return True  # an initial
    if _breaks_names(word):
        return False
    if not word[:1].isupper() or (len(word) > 1 and word.isupper()):
        return False  # an abbreviation ("ҚР", "АҚШ") is never a word of a name
    return not _not_a_name(word.lower()) or _surname_base(word) is not None


MIN_HEAD_BREAK = 6  # a shorter head stem may be a given name too ("Кеңес")


def _breaks_names(word: str) -> bool:
    """An organization's head word ("Derneği", "University") is no word of a person's name:
    the capitalized words before it are the organization's, those after it a new run."""
    head = next((p for p, _, _ in _HEADS if word.lower().startswith(p)), None)
    return head is not None and len(head) >= MIN_HEAD_BREAK and _head(word) is not None


def _case_form(token: _Token) -> tuple[_Token, bool]:
    """A proper noun with a case suffix after an apostrophe ("Omsk'ta") as its bare form,
    and whether it had one: a case form ends the name it belongs to."""
    cut = max(token.text.rfind(a) for a in _APOSTROPHES)
    if cut <= 0 or token.text[cut + 1 :].lower() not in _APOSTROPHE_SUFFIXES:
        return token, False
    return _Token(token.text[:cut], token.start, token.end), True


MIN_COUNTRY_NAME = 5  # shorter country names start given names too ("Mali" in "Malik")


@lru_cache(maxsize=16)
def _country_names(language: str | None) -> tuple[str, ...]:
    """Lower-case one-word CLDR country names of ``language`` (not English's: "Jordan" and
    "Georgia" are given names there), for telling a country in a case form from a name."""
    if language is None or language == "en":
        return ()
    try:
        names = territory_names(language).values()
    except (ValueError, LookupError):
        return ()  # babel knows no such locale
    return tuple(
        n.lower() for n in names if " " not in n and len(n) >= MIN_COUNTRY_NAME and n.isalpha()
    )


def _large_city(word: str, *, bare: bool = True) -> bool:
    """Whether a capitalized word is a large city's name, bare or with a case ending
    ("Bakıda", in Baku; "Ankara"); with ``bare=False`` only the case form counts: a bare
    city's name may be a surname ("Jack London"), a city in the dative is none."""
    if not word[:1].isupper():
        return False
    script = "cyrillic" if _CYRILLIC.search(word) else "latin"
    cities = large_city_words(script)
    low = fold(word)
    if low in cities:
        return bare
    return any(low.endswith(e) and low[: -len(e)] in cities for e in _CASE_ENDINGS if e)


def _in_case_form(low: str, words: tuple[str, ...]) -> bool:
    """Whether ``low`` is one of ``words``, bare or with a case ending."""
    return any(low.startswith(w) and (low == w or low[len(w) :] in _CASE_ENDINGS) for w in words)


SHORT_NOT_NAME = 4  # a not-name this short must be the whole word, less a case ending


def _not_a_name(low: str) -> bool:
    """Whether a word starts no name: it opens with a long not-name stem, or is a short one
    ("ол" is "he", but "Олжас" a name) with at most a case ending. A Turkish dotted
    capital "İ" lower-cases to "i" and a combining dot, which the stems do not hold."""
    low = low.replace("i\u0307", "i")
    for stem in _NOT_NAMES:
        if len(stem) > SHORT_NOT_NAME and low.startswith(stem):
            return True
        if low == stem or (low.startswith(stem) and low[len(stem) :] in _CASE_ENDINGS):
            return True
    return False


# -- people --------------------------------------------------------------------------------


def find_people(text: str, language: str | None = None) -> list[PersonFinding]:
    credits = credit_ranges(text)
    found = []
    for run in _capitalized_runs(text, language):
        if _quoted_name(text, run) or _eponym(text, run):
            continue
        finding = _person(text, run, language)
        if finding is None or _names_an_institution(text, finding.span.end):
            continue
        if not inside(credits, finding.span.start, finding.span.end):
            found.append(finding)
    found.extend(_captions(text))
    found.sort(key=lambda f: f.span.start)
    return merge_people(found)


# A speaker's caption line of a television report: the name in capitals, a comma, the role
# ("АННА БЕЛОВА, ОМБЫ ОБЛЫСЫНЫҢ ӘКІМІ").
_CAPS_WORD = r"[^\W\d_a-zа-яёәғқңөұүһі]{2,}"
_CAPTION = re.compile(
    rf"^[ \t]*((?:{_CAPS_WORD}[ \t]+){{1,2}}{_CAPS_WORD})[ \t]*,[ \t]*(\S[^\n]*)$", re.M
)


def _captions(text: str) -> list[PersonFinding]:
    """People named by a caption line, whose surname (the name's last word) has a surname
    ending: words in capitals are no name elsewhere, a headline has no surname there."""
    found = []
    for caption in _CAPTION.finditer(text):
        words = [w.capitalize() for w in caption.group(1).split()]
        surname = _surname_base(words[-1])
        if surname is None or any(_not_a_name(w.lower()) for w in words):
            continue
        name = latin_name(" ".join([*words[:-1], surname]))
        span = Span.of(text, caption.start(1), caption.end(2))
        found.append(PersonFinding(name, span, caption.group(2).strip(" :")))
    return found


# The rest of a quoted name after its run: a few words, then the closing quotation mark.
_QUOTE_REST = re.compile(r"[^«»\"“”.!?\n]{0,40}[»\"”]")


def _quoted_name(text: str, run: list[_Token]) -> bool:
    """Whether the run opens a short quoted name («Tula Ivanova Group»): an
    institution's or a brand's name, not a person's."""
    return _opens_quote(text, run[0]) and bool(_QUOTE_REST.match(text, run[-1].end))


def _capitalized_runs(text: str, language: str | None = None) -> list[list[_Token]]:
    """Runs of name-like words separated by spaces only (a comma or line ends a run); a
    country's name in the article's language ("Azərbaycanla") is no word of a name."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    countries = _country_names(language)
    for token in _tokens(text):
        if _names_a_place(text, token):  # "… Орлов Павлодар облысына": the place ends a name
            if current:
                runs.append(current)
            current = []
            continue
        written = token.text
        token, closing = _case_form(token)
        joined = current and text[current[-1].end : token.start].strip() == ""
        if _large_city(written, bare=False) or (
            joined and len(current) >= 2 and _large_city(token.text)
        ):
            if current:  # "Ivan Orlov Ankara'da": the city ends the name, and a city in a
                runs.append(current)  # case form ("Бишкекке", to Bishkek) is no name's word
            current = []
            continue
        name_like = _name_like(token) and not any(
            _in_case_form(part, countries) for part in token.text.lower().split("-")
        )  # a country, or a hyphenated pair of them ("Германия-Ўзбекистон"), is no name
        if joined and _caps_surname(token, current[-1]):  # "Асан СЕРІКҰЛЫ"
            current.append(_Token(token.text.capitalize(), token.start, token.end))
        elif name_like and (joined or not current):
            current.append(token)
        else:
            if current and not (joined and _breaks_names(token.text)):
                runs.append(current)  # the capitals right before a head are its name's
            current = [token] if name_like else []
        if closing and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _eponym(text: str, run: list[_Token]) -> bool:
    """Whether the name is an institution's namesake ("Иван Орлов атындағы университет":
    the university named after him), no person of the story: an eponym word follows it."""
    following = _NEXT_WORD.match(text, run[-1].end)
    return following is not None and following.group(1).lower().startswith(_EPONYM_WORDS)


def _names_an_institution(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is an institution's: a capitalized head word follows
    it ("Ivan Orlov Fondu", the Ivan Orlov Foundation), or an eponym word ("Anna Belova
    adına ... Mərkəzi", the center named after her)."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    return (word[:1].isupper() and _head(word) is not None) or word.lower().startswith(
        _EPONYM_WORDS
    )


def _names_a_place(text: str, token: _Token) -> bool:
    """Whether a capitalized word is a place: a unit word follows it ("Павлодар облысы",
    "Tula Respublikasы": a republic's unit word is written with a capital)."""
    following = _NEXT_WORD.match(text, token.end)
    if not token.text[:1].isupper() or following is None:
        return False
    return following.group(1).lower().startswith(_PLACE_UNITS)


MIN_CAPS_SURNAME = 5  # shorter words in capitals are abbreviations ("ҚР", "ДДСҰ")


def _caps_surname(token: _Token, previous: _Token) -> bool:
    """A surname written in capitals after a given name ("Асан СЕРІКҰЛЫ")."""
    word, before = token.text, previous.text
    return (
        word.isupper()
        and len(word) >= MIN_CAPS_SURNAME
        and before[:1].isupper()
        and not before.isupper()
        and not before.endswith(".")
    )


def _signature(text: str, run: list[_Token]) -> bool:
    """A name in capitals alone on its line: the author's signature, no participant."""
    start = text.rfind("\n", 0, run[0].start) + 1
    end = text.find("\n", run[-1].end)
    line = text[start : end if end >= 0 else len(text)]
    return line.strip(" .,") == text[run[0].start : run[-1].end] and any(
        text[t.start : t.end].isupper() for t in run
    )


def _complement_words(text: str, run: list[_Token]) -> int | None:
    """How many words open the run as a title's complement ("Minister of Health
    Anna Orlova"): the common English words after "<title> of", before the run or at
    its start; None where no "<title> of" and common words stand before the name."""
    from summarizer.stages.faithful import ordinary_english

    link = _TITLE_LINK.search(text, max(0, run[0].start - 60), run[0].start)
    if link is None or not _is_title(link.group(1)):
        return None
    if not all(ordinary_english(word) for word in link.group(2).split()):
        return None
    count = 0
    while count < len(run) - 2 and ordinary_english(run[count].text):
        count += 1
    return count if count or link.group(2).strip() else None


def _person(text: str, run: list[_Token], language: str | None = None) -> PersonFinding | None:
    if _signature(text, run):
        return None
    english = language == "en"
    titled = _title_before(text, run[0].start) or (english and _title_after(text, run))
    complement = _complement_words(text, run)
    if complement is not None:
        run, titled = run[complement:], True
    # a capitalized title inside the run ("Health Minister John Smith", Turkish
    # "Sağlık Bakanı Mehmet Yıldırım"): the name starts after it
    inner = [i for i, t in enumerate(run[:-1]) if not t.text.endswith(".") and _is_title(t.text)]
    if inner:
        run, titled = run[inner[-1] + 1 :], True
    if titled:
        long = any(t.text.lower() in _NAME_PARTICLES for t in run[1:3])
        run = run[:4] if long else run[:3]  # "Dr Lena Omar Al Tulaimi"
        surnamed = [i for i, t in enumerate(run) if _surname_base(t.text)]
        if surnamed and surnamed[0] > 0:
            run = run[: surnamed[0] + 1]
    else:
        surnamed = [i for i, t in enumerate(run) if _surname_base(t.text)]
        if not surnamed:
            return None
        i = surnamed[0]
        run = run[max(0, i - 1) : i + 1] if i > 0 else run[:2]
    alone = bool(inner) and len(run) == 1 and _surname_base(run[0].text) is not None
    if (len(run) < 2 and not alone) or all(t.text.endswith(".") for t in run):
        return None  # a surname alone only right after a title ("President Tokmakov")
    words = [_surname_base(t.text) or t.text for t in run]
    words[-1] = _surname_base(run[-1].text) or _bare_name(run[-1].text, len(run) > 1)
    start = clause_start(text, run[0].start, 6)
    role = text[start : run[0].start].strip()
    if not any(_is_title(w.group(0)) for w in re.finditer(r"\S+", role)):
        role, start = "", run[0].start
    name = latin_name(" ".join(words), language)
    return PersonFinding(name, Span.of(text, start, run[-1].end), role)


# An English title after a name and a comma ("Lena Kerrow, deputy director of ..."):
# up to two words, the last a title, then the word that opens its complement.
_TITLE_AFTER = re.compile(
    r",[ \t]+(?:the[ \t]+)?(?:([^\W\d_]+)[ \t]+)?([^\W\d_]+)[ \t]+(?:of|at|for)\b"
)
MAX_APPOSED_WORDS = 3


def _title_after(text: str, run: list[_Token]) -> bool:
    """An English name of two or three words, a comma, and a title with its complement
    after it ("Lena Kerrow, president of the Tula Association") is a person's."""
    from summarizer.stages.entities_en import head_kinds

    if not 2 <= len(run) <= MAX_APPOSED_WORDS or any(t.text.endswith(".") for t in run):
        return False
    if any(t.text.lower() in head_kinds() for t in run):
        return False  # "Tula Omsk Association, president of ...": the body's, not a name
    match = _TITLE_AFTER.match(text, run[-1].end)
    return match is not None and _is_title(match.group(2))


def _title_before(text: str, start: int) -> bool:
    """A title word ends right before ``start`` (an English one may have a comma between)."""
    before = text[max(0, start - 40) : start].rstrip(" ,")
    words = before.split()
    return bool(words) and _is_title(words[-1].strip('«»"(),'))


# -- organizations -------------------------------------------------------------------------


def find_organizations(text: str, language: str | None = None) -> list[OrganizationFinding]:
    credits = credit_ranges(text)
    tokens = _tokens(text)
    found = [
        finding
        for index, token in enumerate(tokens)
        if (finding := _organization(text, tokens, index, language)) is not None
        and not inside(credits, finding.span.start, finding.span.end)
    ]
    named = [(f.span.start, f.span.end) for f in found]
    # "хабарлайды Сыртқы істер министрлігі": a body named after the verb is the source, no
    # outlet made of its first word
    found.extend(
        m for m in find_media(text, _REPORT_VERBS) if not inside(named, m.span.start, m.span.end)
    )
    found.extend(_paired_ministries(text, language))
    found.sort(key=lambda f: f.span.start)
    return merge_organizations(found)


def _paired_ministries(text: str, language: str | None) -> list[OrganizationFinding]:
    """Each country's Ministry of Health where two countries joined by "and" share a plural
    head ("Tula va Omsk ... vazirliklari"); nothing unless both words are countries."""
    from summarizer.stages.places import country_name, find_places

    found = []
    for match in _PAIRED_MINISTRIES.finditer(text):
        codes = [find_places(match.group(g), language).countries for g in (1, 2)]
        if any(len(c) != 1 for c in codes) or codes[0][0].code == codes[1][0].code:
            continue
        ministries = text[match.end(2) : match.end()].strip()
        for group, countries in zip((1, 2), codes, strict=True):
            span = Span.of(text, match.start(group), match.end())
            english = f"Ministry of Health of {country_name(countries[0].code)}"
            name = f"{match.group(group)} {ministries}"  # each country's own ministry
            found.append(OrganizationFinding(name, span, "government", english))
    return found


def _head(word: str) -> tuple[str, str] | None:
    low = word.lower()
    for prefix, nominative, kind in _HEADS:
        if low.startswith(prefix) and not low[len(prefix) :].startswith(_NOT_HEAD_RESTS):
            return nominative, kind
    return None


def _legal_form(word: str) -> tuple[str, str] | None:
    """A company's legal form after its name ("«Tula Pharm» ЖШС-нің"), as a head word."""
    form = word.split("-", 1)[0]
    return (form, "company") if form in _LEGAL_FORMS else None


def _organization(
    text: str, tokens: list[_Token], index: int, language: str | None = None
) -> OrganizationFinding | None:
    head = _legal_form(tokens[index].text) or _head(tokens[index].text)
    if head is None:
        return None
    nominative, kind = head
    first = _name_start(text, tokens, index, language)
    if first == index:
        return None
    words = [t.text for t in tokens[first:index]]
    name = " ".join([*(_quoted(text, t) for t in tokens[first:index]), nominative])
    start = tokens[first].start
    if _opens_quote(text, tokens[first]):
        start -= 1
    span = Span.of(text, start, tokens[index].end)
    if kind == "international_organization" and not any(w[:1].isupper() for w in words):
        kind = "other"
    english = "Ministry of Health" if _HEALTH_MINISTRY.search(span.text) else None
    return OrganizationFinding(name, span, kind, english)


def _quoted(text: str, token: _Token) -> str:
    """The word with the quotation marks around it in the text, written « » ("«Жана" ...
    "Тан»"), so the name's composer knows which words are a proper name."""
    closes = text[token.end : token.end + 1] in ("»", '"', "”")
    return f"{'«' if _opens_quote(text, token) else ''}{token.text}{'»' if closes else ''}"


def _opens_quote(text: str, token: _Token) -> bool:
    """Whether an opening quotation mark stands right before ``token``."""
    return token.start > 0 and text[token.start - 1] in '«"“'


def _name_start(text: str, tokens: list[_Token], index: int, language: str | None = None) -> int:
    """Index of the first word of the name whose head is ``tokens[index]``.

    Reads leftwards over name words (capitalized, quoted, adjectival or in the name-word
    list) within the clause, at most five; a name with no capitalized or quoted word needs
    two such words, so a bare "the hospital" is no finding.
    """
    quoted = _quote_opening(text, tokens, index)
    if quoted is not None:
        return quoted  # the whole name is quoted ("«Ұлттық … орталығының»"): all of it
    first = index
    hosted = tokens[index].text.lower().startswith(_HOST_HEADS)
    for j in range(index - 1, max(-1, index - 6), -1):
        gap = text[tokens[j].end : tokens[j + 1].start]
        if CLAUSE_BREAK.search(re.sub(r'[«»"“”„]', "", gap)):
            break
        word = tokens[j].text
        if hosted and word[:1].isupper() and word.lower().endswith(_LOCATIVE_ENDINGS):
            first = j  # a mission's host ("Моңғолиядағы"); its owner may come before
            continue
        if word.lower().startswith(_EPONYM_WORDS):
            # "<person> атындағы …": the whole name of the namesake, initials and all
            first = _eponym_start(text, tokens, j)
            break
        if word.lower().endswith(_LOCATIVE_ENDINGS):
            # "<Place>-дағы …": kept only with the place name before it
            if (
                j > 0
                and tokens[j - 1].text[:1].isupper()
                and not _sentence_start(text, j - 1, tokens)
            ):
                first = j - 1
            break
        if j == index - 1 and _plural_before_head(word, tokens[index].text):
            first = j
            continue
        if _joins_fields(tokens, j, index, first) or _joins_modifiers(tokens, j, first, language):
            first = j
            continue
        if _adverbial_place(word, language):
            break  # "… Omskda Tula shifoxonasi": in Omsk, the hospital; Omsk is no word of it
        if not _name_word(word) or (_surname_like(word) and not _seat(tokens, j, language)):
            break  # a person's surname is not part of the organization's name ("медицина" is)
        first = j
    if (
        first + 1 < index
        and _sentence_start(text, first, tokens)
        and not _opens_quote(text, tokens[first])
    ):
        if (
            tokens[first + 1].text[:1].isupper()
            and not _compass_region(tokens, first, language)
            and not _seat(tokens, first, language)
            and tokens[first].text.lower() not in _country_names(language)
        ):
            # "Doctors <Name> hospital": a sentence's first capital is no name, unless it is
            # the city or the country the institution is named by ("Omsk State University")
            first += 1
    words = [t.text for t in tokens[first:index]]
    proper = any(
        tokens[k].text[:1].isupper()
        and (not _sentence_start(text, k, tokens) or _latin_in_cyrillic(text, tokens[k].text))
        for k in range(first, index)
    ) or any(_opens_quote(text, tokens[k]) for k in range(first, index))
    named = _HEALTH_MINISTRY.match(text, tokens[first].start)  # a health ministry opening it
    if not proper and len(words) < 2 and not named:
        return index
    return first


MAX_EPONYM_WORDS = 4  # "Қожа Ахмет Ясауи", "В. Г. Короленко"


def _eponym_start(text: str, tokens: list[_Token], j: int) -> int:
    """Index of the first word of the namesake before the eponym word ``tokens[j]``
    ("В. Г. Короленко атындағы": the initials too); ``j`` itself when no capitalized word
    stands right before it in its clause."""
    first = j
    for k in range(j - 1, max(-1, j - 1 - MAX_EPONYM_WORDS), -1):
        gap = text[tokens[k].end : tokens[k + 1].start]
        if gap.strip() or not tokens[k].text[:1].isupper():
            break
        first = k
        initial_before = k > 0 and re.fullmatch(_INITIAL, tokens[k - 1].text) is not None
        if _sentence_start(text, k, tokens) and not initial_before:
            break  # the full stop of an initial ("В. Г. Короленко") ends no sentence
    return first


def _compass_region(tokens: list[_Token], k: int, language: str | None) -> bool:
    """Whether ``tokens[k]`` is a compass word that makes one region's name with the
    country after it ("Шығыс Ресей облыстық ауруханасы", the East Russia regional hospital),
    even where it opens the sentence."""
    from summarizer.stages.places import compass_name

    return compass_name(tokens[k].text, tokens[k + 1].text, language or "kk") is not None


def _surname_like(word: str) -> bool:
    return word[:1].isupper() and _surname_base(word) is not None


def _seat(tokens: list[_Token], j: int, language: str | None) -> bool:
    """Whether a capitalized word with a surname's ending is the city an institution is
    named by ("Глазов мемлекеттік университеті", "Саратов …"): the gazetteer holds it
    as a city and no given name stands before it ("Иван Киров" is a person)."""
    from summarizer.stages.places import city_of_word

    before = tokens[j - 1].text if j > 0 else ""
    if before[:1].isupper() and not before.isupper():
        return False
    return city_of_word(tokens[j].text, language) is not None


def _quote_opening(text: str, tokens: list[_Token], index: int) -> int | None:
    """Index of the first word of a quotation the head word closes ("«Ұлттық ғылыми
    кардиохирургия орталығының»"), reading back at most ``_MAX_QUOTED`` words within the
    clause; None when the head closes no quotation or none opens before it."""
    if text[tokens[index].end : tokens[index].end + 1] not in ("»", '"', "”"):
        return None
    for j in range(index - 1, max(-1, index - 1 - _MAX_QUOTED), -1):
        gap = text[tokens[j].end : tokens[j + 1].start]
        if CLAUSE_BREAK.search(gap) or any(q in gap for q in '«»"“”'):
            return None
        if _opens_quote(text, tokens[j]):
            return j
    return None


def _joins_fields(tokens: list[_Token], j: int, index: int, first: int) -> bool:
    """Whether ``tokens[j]`` belongs to a government body's name by its field: a field word
    right before the head ("спорт министрлігі") or a conjunction between the name's next
    word and a field word before it ("Туризм және спорт министрлігі")."""
    head = _head(tokens[index].text)
    if head is None or head[1] != "government" or first != j + 1:
        return False
    low = tokens[j].text.lower()
    after = tokens[j + 1].text.lower()
    if low in _NAME_CONJUNCTIONS:
        return j > 0 and tokens[j - 1].text.lower().startswith(_FIELD_WORDS)
    return low.startswith(_FIELD_WORDS) and (j + 1 == index or after in _NAME_CONJUNCTIONS)


@lru_cache(maxsize=16)
def _org_names(language: str | None) -> dict[str, Any]:
    return languages.load(language or "", "org_names")


def _joins_modifiers(tokens: list[_Token], j: int, first: int, language: str | None) -> bool:
    """Whether ``tokens[j]`` is a conjunction between two capitalized words that are both
    known parts of a name in ``language`` (modifiers or fields of its ``org_names.json``):
    "Eğitim ve Araştırma Hastanesi" (training and research hospital) is one name, "Omsk ve
    Tula Hastanesi" two places and a hospital."""
    if first != j + 1 or j == 0 or tokens[j].text.lower() not in _NAME_CONJUNCTIONS:
        return False
    pair = (tokens[j - 1].text, tokens[j + 1].text)
    return all(w[:1].isupper() and _name_part(w, language) for w in pair)


def _adverbial_place(word: str, language: str | None) -> bool:
    """Whether a capitalized word is a place in the plain locative ("Omskda", in Omsk; the
    ``adverbial_endings`` of the language's ``org_names.json``): the sentence's adverb, no
    word of the name after it. A word whose stem is no place ("Kanada") is not one."""
    from summarizer.stages.places import find_places

    if not word[:1].isupper():
        return False
    for ending in _org_names(language).get("adverbial_endings", []):
        # every ending the word has: "Түркістанда" is "Түркістан" + "да", not "Түркіста" + "нда"
        if word.lower().endswith(ending) and len(word) - len(ending) >= MIN_PLACE_STEM:
            stem = word[: -len(ending)].rstrip("'’")
            if _is_place(find_places(stem, language), 0, len(stem)):
                return True
    return False


MIN_PLACE_STEM = 3


def _is_place(found: Any, start: int, end: int) -> bool:
    """Whether ``find_places`` found a country or a place spanning the whole word."""
    spans = [c.span for c in found.countries] + [p.span for p in found.locations]
    return any(s.start == start and s.end == end for s in spans)


def _name_part(word: str, language: str | None) -> bool:
    """Whether ``word`` opens a modifier or a field of the language's organization names."""
    data = _org_names(language)
    low = word.lower().replace("i\u0307", "i")
    stems = [key.split()[0] for table in ("modifiers", "fields") for key in data.get(table, {})]
    return any(low.startswith(stem) and len(low) - len(stem) <= 3 for stem in stems)


def _plural_before_head(word: str, head_word: str) -> bool:
    """A lower-case plural noun right before a head in its possessive form is a word of the
    name ("Ішкі істер министрлігі", "дәрігерлері қауымдастығы"); before a bare head
    ("науқастар ауруханаға", patients to a hospital) it is not."""
    low = head_word.lower()
    possessive = any(
        low.startswith(nominative) for prefix, nominative, _ in _HEADS if low.startswith(prefix)
    )
    return word.islower() and word.endswith(_PLURAL_ENDINGS) and possessive


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _latin_in_cyrillic(text: str, word: str) -> bool:
    """A Latin-script word in a Cyrillic text: a brand's name even where a sentence opens
    with it ("Tulamed компаниясы …")."""
    return word.isascii() and bool(_CYRILLIC.search(text))


def _sentence_start(text: str, k: int, tokens: list[_Token]) -> bool:
    before = text[: tokens[k].start].rstrip(' \t«"“')
    return not before or before[-1] in ".!?\n"


def _name_word(word: str) -> bool:
    low = word.lower()
    return (
        word[:1].isupper()
        or low in _NAME_WORDS
        or ("-" in low and all(part in _NAME_WORDS for part in low.split("-")))  # кыргыз-түрк
        or low.endswith(_ADJECTIVE_ENDINGS)
        or ("-" in low and low.split("-")[-1].endswith(_ADJECTIVE_ENDINGS))
    )
