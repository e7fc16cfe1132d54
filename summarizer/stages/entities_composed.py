"""Organizations found by their composable names, where a NER model misses them.

Russian writes many institutions in lower case ("в министерстве здравоохранения <region>"),
and natasha's NER, trained on capitalized names, passes them by. Every word that the
organization-name vocabulary knows as a head ("министерство", "больница", ...) starts a
candidate; the longest run of words from it (with the adjectives right before it) whose
English name :func:`~summarizer.stages.org_names.compose` can build from its parts is an
organization. A bare head word ("the ministry") names none: a name needs a part besides
the head. The composer is the check: a run with any unknown word is no finding.
"""

from __future__ import annotations

import re

from summarizer.stages.entities import OrganizationFinding
from summarizer.stages.org_names import compose, is_head, is_ordinal, several_bodies
from summarizer.stages.spans import Span

MAX_WORDS = 7  # the longest name tried (head, complements, region phrase)
MAX_BEFORE = 4  # adjectives tried before the head word

_WORD = re.compile(
    r"[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё-]*|№\s*[0-9]+|«[^»]{1,60}»|\"[^\"\n]{1,60}\"|„[^“”\n]{1,60}[“”]"
)


def find_composed_organizations(
    text: str, language: str | None, kinds: dict[str, str], found: list[OrganizationFinding]
) -> list[OrganizationFinding]:
    """Organizations of ``text`` named in full by composable words, outside ``found``'s
    spans; ``kinds`` maps a head word's dictionary form to its kind."""
    if language != "ru":
        return []
    words = list(_WORD.finditer(text))
    taken = [(f.span.start, f.span.end) for f in found]
    out: list[OrganizationFinding] = []
    for i, word in enumerate(words):
        head = is_head(word.group(0), language)
        if head is None or _inside(taken, word.start(), word.end()):
            continue
        if several_bodies(word.group(0), kinds.get(head), language):
            continue
        best = _longest(text, words, i, language)
        if best is None:
            continue
        start, end, english = best
        source = " ".join(text[start:end].split())
        out.append(OrganizationFinding(source, Span.of(text, start, end), kinds.get(head), english))
        taken.append((start, end))
    return out


def _longest(
    text: str, words: list[re.Match[str]], head_at: int, language: str
) -> tuple[int, int, str] | None:
    """The widest ``(start, end, english)`` around the head at ``head_at`` that composes
    into more than the head word."""
    bare = compose(words[head_at].group(0), language)
    for before in range(min(MAX_BEFORE, head_at), -1, -1):
        first = head_at - before
        if not _same_sentence(text, words, first, head_at):
            continue
        for last in range(min(len(words), head_at + MAX_WORDS) - 1, head_at - 1, -1):
            if last == first or not _same_sentence(text, words, first, last):
                continue
            if last == head_at and before == 1 and is_ordinal(words[first].group(0), language):
                continue  # "не первая клиника": a count, no name
            start, end = words[first].start(), words[last].end()
            english = compose(" ".join(text[start:end].split()), language)
            if english and english != bare:
                return start, end, english
    return None


def _same_sentence(text: str, words: list[re.Match[str]], first: int, last: int) -> bool:
    """No sentence or clause punctuation between the words ``first`` .. ``last``."""
    between = text[words[first].end() : words[last].start()]
    return not re.search(r"[.,;:!?()\"\n]", between.replace("«", "").replace("»", ""))


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)
