"""An official's ministry is an organization of the story.

"Министр здравоохранения Омской области Иван Орлов" names a person and, through his
title, the ministry he speaks for: the gold convention lists that ministry among the
organizations (the dev gold does for 26 of its 29 named ministers), while the finders read
only names written as names. So the ministry of every minister whose composed English
title names its field and its owner ("Minister of Health of Omsk Region", "Deputy
Minister of Health of Russia") is added, grounded in the title's words, unless an
organization of that name was found already. A title without its owner ("Minister of
Health") adds nothing: whose ministry it is, the title does not say.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from summarizer.stages.entities import OrganizationFinding, PersonFinding
from summarizer.stages.record import ArticleRecord
from summarizer.stages.spans import Span
from summarizer.textfold import normalize_name

SAME_MINISTRY = 85  # rapidfuzz ratio from which two English names are one ministry
_MINISTER = re.compile(
    r"^(?:(?:First|Deputy|Vice|Acting)\s+)*Minister of (?P<field>[A-Z][\w ,'-]*?) of "
    r"(?P<owner>(?:the )?[A-Z][\w '-]+)$"
)


def ministries_of_ministers(record: ArticleRecord) -> list[OrganizationFinding]:
    """The ministries named by the composed titles (``record.roles``) of the people found,
    each once, none already among ``record.organizations``."""
    known = [normalize_name(o.english or o.source_name) for o in record.organizations]
    added: list[OrganizationFinding] = []
    for index, person in enumerate(record.people):
        title = _MINISTER.match(record.roles.get(index, "").strip())
        if title is None or not person.role_text:
            continue
        english = f"Ministry of {title['field']} of {title['owner']}"
        key = normalize_name(english)
        if any(_same_ministry(key, k) for k in known):
            continue
        known.append(key)
        added.append(
            OrganizationFinding(person.role_text, _title_span(person), "government", english)
        )
    return added


def _same_ministry(a: str, b: str) -> bool:
    """Two English names of one ministry: alike, and of one owner (the words after the last
    "of": "... of Tomsk Region" is no "... of Omsk Region", however alike the rest)."""
    return fuzz.ratio(a, b) >= SAME_MINISTRY and _owner(a) == _owner(b)


def _owner(name: str) -> str:
    return name.rsplit(" of ", 1)[-1].removeprefix("the ")


def _title_span(person: PersonFinding) -> Span:
    """Where the person's title is written (the evidence of the ministry), or the person's
    whole span when the title's words are not found in it as written."""
    at = person.span.text.find(person.role_text)
    if at < 0:
        return person.span
    start = person.span.start + at
    return Span(start, start + len(person.role_text), person.role_text)
