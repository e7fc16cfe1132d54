"""The deterministic findings in plain English words: the facts block the model reads
after the article, and the facts-only summary returned where the model cannot read the
language (every word of it comes from a grounded finding, so nothing is invented).
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from summarizer import languages
from summarizer.stages.agreements import AgreementFinding
from summarizer.stages.direction import Sides, marked_hosts
from summarizer.stages.organizations import english_organizations
from summarizer.stages.places import country_name, home_country
from summarizer.stages.record import ArticleRecord
from summarizer.stages.summarize import MAX_SENTENCES
from summarizer.stages.tense import event_sentence, planned
from summarizer.stages.titles import TITLE_WORDS, unstated_titles

MAX_LISTED = 6


def on_date(value: str | None) -> str:
    """``describe_date`` with its preposition: "on 5 March", "in July 2025", "in 2025"."""
    when = describe_date(value)
    if not when:
        return ""
    return f"on {when}" if when[0].isdigit() and " " in when else f"in {when}"


def for_date(value: str | None) -> str:
    """The date a plan is for, with its preposition: "for 5 March", "for 2025"."""
    when = describe_date(value)
    return f"for {when}" if when else ""


def when_phrase(value: str | None, to_come: bool) -> str:
    """ " on 5 March" for what happened, " for 5 March" for what is to come; "" undated."""
    phrase = for_date(value) if to_come else on_date(value)
    return f" {phrase}" if phrase else ""


def describe_date(value: str | None) -> str:
    """``2025-07-17`` -> ``17 July 2025``; ``--07-17`` -> ``17 July``; ``2025-07`` ->
    ``July 2025``; ``2025`` -> ``2025``."""
    if not value:
        return ""
    if value.startswith("--"):
        month, day = int(value[2:4]), int(value[5:7])
        return f"{day} {calendar.month_name[month]}"
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {calendar.month_name[int(parts[1])]} {parts[0]}"
    if len(parts) == 2:
        return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    return value


_SCALES = ((1e9, "billion"), (1e6, "million"))


def _number(value: float) -> str:
    """English digits as a report writes them: 3800000 -> "3.8 million", 4820 -> "4,820"."""
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{value / size:.3g} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


# Words that open an institution's English name as a common noun: it takes "the" in a
# sentence ("the Regional Department of Health"), a proper name does not ("Zhana Tan").
_COMMON_OPENINGS = frozenset(
    """ministry department administration committee office embassy consulate government
    regional republican city state national central municipal provincial district
    people's hospital polyclinic clinic center centre institute university academy
    college school council assembly agency service union association foundation fund
    federal international akimat world united european asian""".split()
)


def the(name: str) -> str:
    """``name`` with "the" when it opens with a common noun or adjective."""
    first = name.split()[0].lower() if name.split() else ""
    return f"the {name}" if first in _COMMON_OPENINGS else name


def _quantity(value: float, unit: str) -> str:
    """ "30 patients"; one of a unit in the singular ("1 hospital")."""
    if value == 1 and unit.endswith("s"):
        unit = unit[:-1]
    return f"{_number(value)} {unit}"


def join_english(items: list[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"`` (empty items left out, at most MAX_LISTED)."""
    items = [i for i in items if i][:MAX_LISTED]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def country_names(record: ArticleRecord) -> list[str]:
    """English names of the countries found, once each, in order."""
    if record.places is None:
        return []
    return [country_name(code) for code in dict.fromkeys(c.code for c in record.places.countries)]


def place_names(record: ArticleRecord) -> list[str]:
    """English names of the locations found, once each, in order."""
    if record.places is None:
        return []
    return list(dict.fromkeys(loc.name for loc in record.places.locations))


def facts_block(record: ArticleRecord) -> str:
    """What the tools found, one line a kind, for the model to read after the article."""
    lines = []
    if record.event_date is not None:
        lines.append(f"- date of the event: {describe_date(record.event_date.value)}")
    if countries := country_names(record):
        lines.append("- countries: " + ", ".join(countries))
    if places := place_names(record):
        lines.append("- places: " + ", ".join(places))
    if record.people:
        lines.append("- people: " + ", ".join(p.name for p in record.people))
    if record.figures:
        shown = [f"{_number(f.value)} {f.unit}".strip() for f in record.figures[:MAX_LISTED]]
        lines.append("- numbers: " + ", ".join(shown))
    if record.agreements:
        kinds = [f"{a.count} {a.kind}" for a in record.agreements]
        lines.append("- documents signed: " + ", ".join(kinds))
    return "\n".join(lines) if lines else "- nothing"


def titled_people(record: ArticleRecord) -> list[tuple[str, str]]:
    """``(name, role)`` for each person (at most MAX_LISTED); the role "" unless it reads as
    an English title (once: a title said twice is garbled), the article states its title
    in its own language, it names no person found (the naming model can hand one
    person's title to another), and the article or another finding supports each name
    in it (the model can put an institution nobody wrote into a title)."""
    from summarizer.stages.faithful import supports_of, unsupported_role_terms  # it uses us

    names = [p.name for p in record.people]
    supports = None  # built once, for the first role that needs it
    found = []
    for i, person in enumerate(record.people[:MAX_LISTED]):
        role = record.roles.get(i, "")
        titles = [w for w in re.findall(r"[a-z]+", role.lower()) if w in TITLE_WORDS]
        usable = (
            titles
            and len(titles) == len(set(titles))  # "Ambassador of X Ambassador": garbled
            and not unstated_titles(role, record)
            and not any(_names_person(role, n) for n in names)
        )
        if usable:
            supports = supports or supports_of(record, roles=False)
            usable = not unsupported_role_terms(role, supports)
        found.append((person.name, role if usable else ""))
    return found


def _people_phrases(record: ArticleRecord) -> list[str]:
    """``Name, role,`` for each person with a usable title, else the name."""
    return [f"{name}, {role}," if role else name for name, role in titled_people(record)]


def completion_facts(record: ArticleRecord) -> list[str]:
    """The brief's sentences a model's summary may be completed with: the documents signed
    and the first participant whose title the article states ("Anna Orlova, Minister of
    Health, took part."). An independent read of the validation summaries found the other
    brief sentences appended to prose (lists of participants and institutions, figures,
    the medical fields) read as a form and brought wrong participants and topics in."""
    sentences = [f"The sides signed {_signed(a)}." for a in record.agreements[:2]]
    titled = [(name, role) for name, role in titled_people(record) if role]
    if titled:
        name, role = titled[0]
        sentences.append(f"{name}, {role}, took part.")
    return sentences


def _names_person(role: str, name: str) -> bool:
    """Whether ``role`` contains a word of a person's ``name`` (three letters or more)."""
    words = set(re.findall(r"[^\W\d_]{3,}", role.lower()))
    return any(w in words for w in re.findall(r"[^\W\d_]{3,}", name.lower()))


def _sides(record: ArticleRecord) -> tuple[str, str]:
    """(host, guest): where the event is (the first place found, else the first country)
    and who comes from elsewhere (the first country, or place, of another country)."""
    places = record.places.locations if record.places is not None else []
    codes = list(dict.fromkeys(c.code for c in record.places.countries)) if record.places else []
    home = home_country(record.language)
    if not places and home in codes:  # no place found: the report's own country hosts
        codes = [home, *[c for c in codes if c != home]]
    host_code = places[0].country if places else (codes[0] if codes else None)
    host = places[0].name if places else (country_name(codes[0]) if codes else "")
    guest = next((country_name(c) for c in codes if c != host_code), "")
    if not guest:
        guest = next((p.name for p in places if p.country and p.country != host_code), "")
    return host, guest


def _signed(agreement: AgreementFinding) -> str:
    """ "a memorandum on cooperation": the document with its topic when one was found."""
    topic = f" on {agreement.topic}" if agreement.topic else ""
    return _document(agreement.kind, agreement.count) + topic


def _document(kind: str, count: int) -> str:
    kind = "document" if kind == "other" else kind  # a road map, a plan: "a document"
    plural = {"memorandum": "memoranda"}.get(kind, kind + "s")
    if count > 1:
        return f"{count} {plural}"
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


# The noun a brief uses for the event, by the event types found (first match wins).
_EVENT_NOUNS = (
    ("delegation_visit", "visit"),
    ("medical_mission", "mission"),
    ("conference_or_forum", "meeting"),
    ("official_meeting", "meeting"),
    ("agreement_signing", "signing"),
)


def main_event(record: ArticleRecord) -> str | None:
    """The event type a brief reports (the first of :data:`_EVENT_NOUNS` found), if any."""
    events = {label.value for label in record.event_types if label.span}
    return next((e for e, _ in _EVENT_NOUNS if e in events), None)


def facts_summary(record: ArticleRecord) -> tuple[str, list[str]]:
    """A short news brief, subject-verb-object, built only from grounded findings: who
    came from where to where, when, what was signed, who took part, the key figures.
    Never the outlet as an actor (media organizations are left out), never a label
    name as prose; every name, place, date and number in it was found in the article."""
    events = {label.value for label in record.event_types if label.span}
    orgs = [item["name"] for item in english_organizations(record)[0] if item["kind"] != "media"]
    host, guest = _sides(record)
    event = main_event(record)
    to_come = planned(record, event)
    value = record.event_date.value if record.event_date else None
    on, planned_for = when_phrase(value, False), when_phrase(value, True)
    at = f" in {host}" if host else ""
    sentences: list[str] = []
    meeting = ""
    # Who travelled where: only when the lead's own words mark it (``record.visit``);
    # otherwise the sides are named, never a direction (a place named first can be the
    # delegation's home as well as its host).
    sides = join_english([p for p in (host, guest) if p])
    visit = _visit(record, events)
    if visit is not None:
        sentences.append(visit_sentence(visit, events, on, to_come, mission_act(record)))
    elif "delegation_visit" in events:
        involving = f" involving {sides}" if sides else ""
        happened = "is planned" if to_come else "took place"
        sentences.append(
            f"A delegation visit{involving} {happened}{planned_for if to_come else on}."
        )
    elif "medical_mission" in events:
        involving = f" involving {sides}" if sides else ""
        if to_come:
            sentences.append(f"A medical mission{involving} is planned{planned_for}.")
        else:
            act = mission_act(record)[0]
            done = "examined and treated patients" if act == TREATED[0] else act
            sentences.append(f"Doctors {done} in a mission{involving}{on}.")
    elif "conference_or_forum" in events:
        with_ = f" with participants from {join_english(country_names(record)[:4])}"
        noun = event_noun(record)
        article = "An" if noun[0] in "aeiou" else "A"
        where = _event_place(record, "conference_or_forum")
        held = "is to be held" if to_come else "was held"
        sentences.append(f"{article} {noun} {held}{where}{on}{with_ if guest else ''}.")
    elif meeting := _meeting_sentence(record, events, on, to_come):
        sentences.append(meeting)
    elif sides:  # no event found: name the sides, claim nothing about what happened
        sentences.append(f"The report concerns {sides}{on}.")
    if orgs:  # what the event was, said with its institutions, not a list of names
        noun = f"The {dict(_EVENT_NOUNS)[event]}" if event else "It"
        sentences.append(f"{noun} involved {join_english([the(o) for o in orgs[:3]])}.")
    if record.people and not meeting:
        people = join_english(_people_phrases(record)[:3])
        verb = "met" if "official_meeting" in events and len(record.people) > 1 else "took part"
        sentences.append(f"{people[0].upper()}{people[1:]} {verb}.")
    for agreement in record.agreements[:2]:
        sentences.append(f"The sides signed {_signed(agreement)}.")
    if "training_or_exchange" in events:
        sentences.append(f"The cooperation includes {training_noun(record)}.")
    if "investment_or_construction" in events and not record.figures:
        sentences.append(f"The cooperation includes an investment or construction project{at}.")
    # the number with its unit ("80 patients", "50 million KZT"); a bare count says nothing
    shown = [_quantity(f.value, f.unit) for f in record.figures if f.unit not in ("", "items")]
    if shown:
        sentences.append(f"Figures reported include {join_english(shown[:3])}.")
    if not sentences:
        sentences.append(f"The article describes cooperation{on}.")
    # "A, Governor,, B" from the joined appositions; ", and" after one stays ("A, Governor,
    # and B took part": without it the title reads as a second person)
    sentences = [re.sub(r",\.$", ".", s.replace(",,", ",")) for s in sentences]
    headline = _headline(events, orgs, host, guest, record, visit, to_come)
    return headline, sentences[:MAX_SENTENCES]


def said_by_cue(record: ArticleRecord, event: str, key: str) -> Any:
    """The ``topics.json`` ``key`` entry for the cue word that found ``event`` (its first
    word group: "ота & жасалды" -> "ота"), or None."""
    table = languages.load(record.language or "", "topics").get(key, {})
    cue = next((e.quote for e in record.event_types if e.value == event), "")
    return table.get(re.split(r"\s[&!]\s", cue)[0].strip())


def event_noun(record: ArticleRecord) -> str:
    """What a conference or forum is called, from the cue word that found it ("forum",
    "congress", "exhibition"; ``topics.json`` ``event_nouns``), else "meeting"."""
    return said_by_cue(record, "conference_or_forum", "event_nouns") or "meeting"


def training_noun(record: ArticleRecord) -> str:
    """What the training or exchange was, from the cue word that found it ("a master
    class", "internships"; ``topics.json`` ``training_nouns``), else "training and
    exchange of specialists"."""
    return said_by_cue(record, "training_or_exchange", "training_nouns") or (
        "training and exchange of specialists"
    )


def _meeting_sentence(record: ArticleRecord, events: set[str], on: str, to_come: bool) -> str:
    """ "A, <title>, and B, <title>, took part in a meeting in P on 5 March." ("are to
    take part" when it is to come) when the
    article reports a meeting and names two people or more ("A met B" would put them on
    opposite sides, which the findings do not show: both can be hosts); the place only
    when the meeting's own sentence marks it. "" otherwise."""
    phrases = _people_phrases(record)
    if "official_meeting" not in events or len(phrases) < 2:
        return ""
    people = join_english(phrases[:3])
    verb = "are to take part" if to_come else "took part"
    return f"{people[0].upper()}{people[1:]} {verb} in a meeting{_event_place(record)}{on}."


def _event_place(record: ArticleRecord, event: str = "official_meeting") -> str:
    """ " in P" when the sentence reporting the event marks one place as where it is ("met
    ... in Omsk", "Омбыда кездесті", "a forum in Tomsk"); "" otherwise: a place named in a
    title ("Governor of X") or elsewhere in the article need not be where it was held."""
    sentence = event_sentence(record, event)
    hosts = marked_hosts(sentence, record.language) if sentence is not None else []
    return f" in {hosts[0]}" if len(hosts) == 1 else ""


def _visit(record: ArticleRecord, events: set[str]) -> Sides | None:
    """Who visited whom (the direction stage's ``record.visit``), when the article reports
    a visit or mission."""
    return record.visit if events & {"delegation_visit", "medical_mission"} else None


TREATED = ("treated patients", "treat patients", "treating patients")


def mission_act(record: ArticleRecord) -> tuple[str, str, str]:
    """What the mission's doctors did, (past, present, progressive): "performed operations" when the
    cue that found the mission is an operation word (``topics.json`` ``mission_acts``),
    else :data:`TREATED`."""
    act = said_by_cue(record, "medical_mission", "mission_acts")
    return (act[0], act[1], act[2]) if act else TREATED


def visit_sentence(
    visit: Sides,
    events: set[str],
    on: str = "",
    to_come: bool = False,
    act: tuple[str, str, str] = TREATED,
) -> str:
    """ "A delegation from X visited Y on 5 March." (a mission: "Doctors from X treated
    patients in Y", or what ``act`` says they did), as a news brief says it; "is
    visiting" / "are treating patients" when the article reports it as to come (true of a
    visit announced and of one under way, which a report in the future tense can also
    be). ``on``: " on 5 March" or ""."""
    if "delegation_visit" in events:
        verb = "is visiting" if to_come else "visited"
        return f"A delegation from {visit.guest} {verb} {visit.host}{on}."
    done = f"are {act[2]}" if to_come else act[0]
    return f"Doctors from {visit.guest} {done} in {visit.host}{on}."


def marked_visit(record: ArticleRecord) -> tuple[Sides, set[str]] | None:
    """Who visited whom and the event types found, when the lead marks the visit."""
    events = {label.value for label in record.event_types if label.span}
    visit = _visit(record, events)
    return (visit, events) if visit is not None else None


def visit_headline(record: ArticleRecord) -> str | None:
    """The findings' headline when it can say who visited whom ("Delegation from X visits
    Y"), else None: grounded, it is preferred to a model headline, which often turns talks
    into agreements or names the wrong side."""
    events = {label.value for label in record.event_types if label.span}
    if _visit(record, events) is None:
        return None
    return facts_summary(record)[0]


def _headline(
    events: set[str],
    orgs: list[str],
    host: str,
    guest: str,
    record: ArticleRecord,
    visit: Sides | None = None,
    to_come: bool = False,
) -> str:
    """A news headline from the findings, at most 15 words: "Delegation from X visits Y;
    memorandum signed" when the lead marks who travelled, else the event and the sides
    ("Delegation visit involving X and Y")."""
    signed = _document(record.agreements[0].kind, 1).split()[-1] if record.agreements else ""
    sides = join_english([p for p in (host, guest) if p])
    if visit is not None and "delegation_visit" in events:  # the present: done or to come
        head = f"Delegation from {visit.guest} visits {visit.host}"
    elif visit is not None and "medical_mission" in events:
        head = f"Doctors from {visit.guest} {mission_act(record)[1]} in {visit.host}"
    elif "delegation_visit" in events and sides:
        # no direction: none was found
        head = f"Delegation visit {'brings together' if guest and host else 'involving'} {sides}"
        head = f"Delegation visit involving {sides} planned" if to_come else head
    elif "medical_mission" in events:
        involving = f" involving {sides}" if sides else ""
        head = (
            f"Medical mission{involving} planned"
            if to_come
            else f"Doctors {mission_act(record)[1]} in mission{involving}"
        )
    elif "conference_or_forum" in events:
        noun, where = event_noun(record).capitalize(), _event_place(record, "conference_or_forum")
        countries = join_english(country_names(record)[:3])
        draws, held = ("to draw", "to be held") if to_come else ("draws", "held")
        head = (
            f"{noun}{where} {draws} participants from {countries}"
            if guest
            else f"{noun} {held}{where}"
        )
    elif "official_meeting" in events and len(record.people) > 1:
        head = f"{record.people[0].name} meets {record.people[1].name}"
    elif signed and len(orgs) > 1:
        head = f"{orgs[0]} and {orgs[1]} sign {signed}"
        signed = ""
    else:  # no event found: the actors only, no claim of talks or outcomes
        head = join_english(orgs[:2]) or join_english([p for p in (host, guest) if p])
        head = f"Report on {head}" if head else "Report on cooperation"
    if signed and len(head.split()) <= 13:  # at most 15 words, never cut mid-name
        head += f"; {signed} signed"
    return " ".join(head.split()[:15])
