"""Who visited whom: the delegation's home and its host, read from the words around the
places named in the article's lead.

A brief that only names the sides ("X and Y: delegation visit") reads like a form; one that
guesses the direction from the order of the places is wrong as often as right (the first
place named is the delegation's home in one report and its host in the next). Languages
mark the direction on the place itself: a preposition ("из X" / "từ X": from X; "в X" /
"tại X": in or to X), a case ending (Kazakh ablative "-дан": from; locative "-да" and
dative "-ға": in, to) or a visitors' word beside it ("X-ская делегация", "X делегациясы").
Those markers are data (``languages/<code>/direction.json``); this stage counts them on the
lead's places and answers only when they agree:

* a side is a place or country found in the first :data:`LEAD_SENTENCES` sentences
  (datelines left out);
* it is the guest when guest markers outnumber host markers on it, the host the other way;
* one side comes from its markers; the other from its own markers or, when the lead names
  exactly one country besides the known side's, is that country (or its one place);
* no answer when the two sides are the same, or a country and a place inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer import languages
from summarizer.stages.places import country_name, find_places
from summarizer.stages.record import ArticleRecord
from summarizer.stages.spans import Span

LEAD_SENTENCES = 3  # heading and the first two sentences: where a report says who came where
MIN_WORDS = 4  # shorter: a dateline ("ALMATY."), whose city is where the outlet writes


@dataclass(frozen=True)
class Sides:
    """The delegation's home (``guest``) and where it went (``host``), English names."""

    guest: str
    host: str


@dataclass
class _Side:
    name: str
    country: str | None
    is_country: bool
    guest: int = 0
    host: int = 0
    sentences: set[int] = field(default_factory=set)  # where it is named
    marked: set[int] = field(default_factory=set)  # where its markers are


_WORD = re.compile(r"[\w-]+")


def visit_sides(record: ArticleRecord) -> Sides | None:
    """The guest and host of the visit the lead reports, or None when the markers do not
    settle both (see the module doc)."""
    sides = _lead_sides(record)
    if sides is None:
        return None
    guest, host = _settled(sides)
    if host is None and guest is not None:
        host = _only_other_side(sides, guest)
    elif guest is None and host is not None:
        guest = _only_other_side(sides, host)
    if (
        guest is None
        or host is None
        or guest.name == host.name
        or _inside(guest, host)
        or _inside(host, guest)
    ):
        return None
    return Sides(guest.name, host.name)


def _lead_sides(record: ArticleRecord) -> dict[str, _Side] | None:
    """Each place and country of the lead with its guest and host votes; None where the
    language has no markers or the lead tells of a trip home."""
    markers = languages.load(record.language or "", "direction")
    if not markers or not record.sentences:
        return None
    lead = [s for s in record.sentences if len(s.text.split()) >= MIN_WORDS][:LEAD_SENTENCES]
    if any(
        word in sentence.text.casefold()
        for sentence in lead
        for word in markers.get("return_words", [])
    ):
        return None  # a trip home: "returned from X" marks the host as the origin
    sides: dict[str, _Side] = {}
    for index, sentence in enumerate(lead):
        for side, guest, host in _votes(sentence, markers, record.language):
            entry = sides.setdefault(side.name, side)
            entry.guest += guest
            entry.host += host
            entry.sentences.add(index)
            if guest or host:
                entry.marked.add(index)
    return sides


def one_side(record: ArticleRecord) -> tuple[str | None, str | None]:
    """(guest, host): the English names the lead's markers settle on their own, either
    or both None; less than :func:`visit_sides` asks (both sides), enough to check a
    headline that names one side ("Delegation from X arrives")."""
    guest, host = _settled(_lead_sides(record) or {})
    return (guest.name if guest else None, host.name if host else None)


def _settled(sides: dict[str, _Side]) -> tuple[_Side | None, _Side | None]:
    """(guest, host): the side with the most guest votes over host votes, and the other
    way round; None for a role no side or a tie settles."""
    host = _strongest([s for s in sides.values() if s.host > s.guest], "host")
    guest = _strongest([s for s in sides.values() if s.guest > s.host], "guest")
    return guest, host


def marked_hosts(sentence: Span, language: str | None) -> list[str]:
    """English names of the places and countries ``sentence`` marks as where something is
    or goes ("в X", "X-та", "tại X"), once each, in order."""
    markers = languages.load(language or "", "direction")
    if not markers:
        return []
    # a piece from each host word on: the places stage keeps one mention of a place, and
    # "Governor of X ... met in X" names X twice in one sentence
    words = markers.get("host_before", [])
    cuts = [0] + [m.start() for m in _WORD.finditer(sentence.text) if m.group().casefold() in words]
    hosts = [
        side.name
        for start, end in zip(cuts, [*cuts[1:], len(sentence.text)], strict=True)
        for side, guest, host in _votes(
            Span(sentence.start + start, sentence.start + end, sentence.text[start:end]),
            markers,
            language,
        )
        if host and not guest
    ]
    return list(dict.fromkeys(hosts))


def _votes(sentence: Span, markers: dict, language: str | None) -> list[tuple[_Side, int, int]]:
    """Each place or country of ``sentence`` with its (guest, host) votes."""
    found = _places_in(sentence, language)
    starts = sorted(span.start for _, span in found)
    votes = []
    for side, span in found:
        next_place = next((at for at in starts if at >= span.end), len(sentence.text))
        votes.append((side, *_marks(sentence.text, span, markers, language, next_place)))
    return votes


_CLAUSE = re.compile(r"[,;:()«»\"“”]|\s[–—-]\s")


def _places_in(sentence: Span, language: str | None) -> list[tuple[_Side, Span]]:
    """The places and countries of one sentence, a clause at a time (the places stage keeps
    one mention of a place per text, and the marked one can be the second), spans relative
    to the sentence."""
    found: list[tuple[_Side, Span]] = []
    start = 0
    for end in [m.start() for m in _CLAUSE.finditer(sentence.text)] + [len(sentence.text)]:
        clause = sentence.text[start:end]
        if clause.strip():
            found += [
                (side, Span(span.start + start, span.end + start, span.text))
                for side, span in _places_of(clause, language)
            ]
        start = end + 1
    return found


def _places_of(text: str, language: str | None) -> list[tuple[_Side, Span]]:
    places = find_places(text, language)
    found: list[tuple[_Side, Span]] = []
    for loc in places.locations:
        found.append((_Side(loc.name, loc.country, False), loc.span))
    for country in places.countries:
        if any(country.span.start == span.start for _, span in found):
            continue  # the country of a place found: the place is the side
        found.append((_Side(country_name(country.code), country.code, True), country.span))
    return found


def _marks(
    text: str, span: Span, markers: dict, language: str | None, next_place: int
) -> tuple[int, int]:
    """(guest, host) votes the words around one mention give; ``next_place`` is where the
    next place of the sentence starts (the mention's phrase ends there)."""
    own_case = _own_case(span.text, markers, language)
    if own_case:  # an ending on the name itself settles it ("X-ға": to X)
        return int(own_case == "guest"), int(own_case == "host")
    before = _WORD.findall(text[: span.start].casefold())
    while before and before[-1] in markers.get("place_nouns", []):
        before.pop()  # "в городе X": the marker stands before the place noun
    previous = before[-1] if before else ""
    after = _WORD.findall(text[span.end : next_place].casefold())
    following = after[0] if after else ""
    visitors = markers.get("guest_after", [])
    guest = (
        previous in markers.get("guest_before", [])
        or any(following.startswith(stem) for stem in visitors)
        or any(previous.startswith(stem) for stem in visitors)
    )
    host = previous in markers.get("host_before", [])
    case = _case_of_phrase(after, markers)
    guest, host = guest or case == "guest", host or case == "host"
    if guest and host:
        return 0, 0
    return int(guest), int(host)


def _own_case(name: str, markers: dict, language: str | None) -> str:
    """``guest``/``host``/"" from a case ending on the place's own last word: an ending
    counts only when the name without it still names a place ("Астана" keeps its "-на")."""
    word = name.casefold().split()[-1] if name.split() else ""
    for kind, suffix in _endings(word, markers):
        if kind == "stop":
            return ""
        if _still_the_place(name, suffix, language):
            return kind
    return ""


def _case_of_phrase(after: list[str], markers: dict) -> str:
    """``guest``/``host``/"" from the case ending of the head noun of the phrase the place
    begins ("X медициналық орталығына": to the X medical centre): adjectives are passed,
    the first ``phrase_heads`` word decides, anything else ends the phrase."""
    heads = markers.get("phrase_heads", [])
    adjectives = tuple(markers.get("adjective_suffixes", []))
    for word in after[: int(markers.get("phrase_words", 0))]:
        if any(word.startswith(stem) for stem in heads):
            endings = _endings(word, markers)
            kind = endings[0][0] if endings else ""
            return "" if kind == "stop" else kind
        if not (adjectives and word.endswith(adjectives)):
            return ""
    return ""


_KINDS = (("guest", "guest_suffixes"), ("host", "host_suffixes"), ("stop", "stop_suffixes"))


def _endings(word: str, markers: dict) -> list[tuple[str, str]]:
    """The listed endings of ``word`` with their kind (guest, host or stop), longest first."""
    found = [
        (kind, suffix)
        for kind, key in _KINDS
        for suffix in markers.get(key, [])
        if len(word) > len(suffix) + 2 and word.endswith(suffix)
    ]
    return sorted(found, key=lambda item: -len(item[1]))


def _still_the_place(name: str, suffix: str, language: str | None) -> bool:
    """The mention without ``suffix`` still names a place (so the suffix is an ending)."""
    bare = name[: len(name) - len(suffix)]
    places = find_places(bare, language)
    return bool(places.locations or places.countries)


def _strongest(candidates: list[_Side], vote: str) -> _Side | None:
    """The side with the most votes of ``vote``; None on a tie between two sides."""
    ranked = sorted(candidates, key=lambda s: -getattr(s, vote))
    if not ranked:
        return None
    if len(ranked) > 1 and getattr(ranked[0], vote) == getattr(ranked[1], vote):
        # a country and one of its places tie: the place is the more precise side
        first, second = ranked[0], ranked[1]
        if first.country != second.country or first.is_country == second.is_country:
            return None
        return first if not first.is_country else second
    return ranked[0]


def _only_other_side(sides: dict[str, _Side], known: _Side) -> _Side | None:
    """The other side when the lead names exactly one country besides ``known``'s, in a
    sentence that marks ``known`` (a host marked in a sentence about something else says
    nothing of the visitors): that country's one place if it names one, else the country."""
    if known.country is None:
        return None
    others: dict[str, list[_Side]] = {}
    for side in sides.values():
        if side.country and side.country != known.country and side.sentences & known.marked:
            others.setdefault(side.country, []).append(side)
    if len(others) != 1:
        return None
    ((code, group),) = others.items()
    places = [s for s in group if not s.is_country]
    if len(places) == 1:
        return places[0]
    return next((s for s in group if s.is_country), _Side(country_name(code), code, True))


def _inside(place: _Side, country: _Side) -> bool:
    """``place`` lies in ``country`` (a country side holding the other side)."""
    return country.is_country and not place.is_country and place.country == country.country
