"""English titles ("minister", "ambassador", "governor") a text uses that no word of the
article states in its own language (``languages/<code>/titles.json``): the summary check
and the facts brief's roles both ask it, so a title the model wrote is never passed on
unless the article has it."""

from __future__ import annotations

import re

from summarizer import languages
from summarizer.stages.record import ArticleRecord

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")

# English words that make a role a title ("Deputy Director of ...", "Akim of ...").
TITLE_WORDS = frozenset(
    """minister deputy vice head chief director governor mayor ambassador consul president
    chairman chairwoman chair doctor physician surgeon nurse professor rector dean
    secretary representative officer manager specialist adviser advisor commissioner
    member founder owner leader coordinator expert akim envoy spokesperson""".split()
)


def reads_as_title(role: str) -> bool:
    """Whether a role the model wrote is English ("Deputy Secretary of the Party
    Committee"), not the source's words spelled in Latin letters ("Pho Bi Thu ...")."""
    from summarizer.stages.faithful import ordinary_english

    words = _WORD.findall(role)
    return any(w.lower() in TITLE_WORDS or ordinary_english(w) for w in words)


def unstated_titles(text: str, record: ArticleRecord, findings: str = "") -> list[str]:
    """The English titles of ``text`` that neither ``findings`` (English findings in lower
    case, when the caller trusts them) nor a word of the article states. Where the
    language has no table nothing is checked: there is nothing to check by."""
    return _unstated(_WORD.findall(text), record, "english_titles", findings)


def unstated_name_fields(
    text: str, record: ArticleRecord, findings: str = "", name: bool = False
) -> list[str]:
    """The field words of names in ``text`` ("Department of Tourism", "Cultural
    Development Bureau": capitalized, past a sentence's first word unless ``text`` is a
    ``name``) that neither ``findings`` nor a word of the article states (``titles.json``
    ``name_fields``): the small model composes institutions nobody wrote out of plain
    English words."""
    words = [w for w in _WORD.findall(text)[0 if name else 1 :] if w[0].isupper()]
    return _unstated(words, record, "name_fields", findings)


def unstated_headline_fields(headline: str, record: ArticleRecord, findings: str = "") -> list[str]:
    """:func:`unstated_name_fields` of a title-cased ``headline``, every word of it asked but
    our own domain's (``_common/titles.json`` ``domain_fields``: "Health Cooperation" is the
    topic of every article we read, not an institution's field)."""
    domain = set(languages.load("_common", "titles")["domain_fields"])
    return [
        w for w in unstated_name_fields(headline, record, findings, name=True) if w not in domain
    ]


def _unstated(words: list[str], record: ArticleRecord, key: str, findings: str) -> list[str]:
    """The ``words`` of the ``titles.json`` ``key`` table that neither ``findings`` nor
    a stem of theirs in the article states, lower-case, once each."""
    table = languages.load(record.language or "", "titles").get(key, {})
    if not table:
        return []
    source = record.source.lower()
    missing = []
    for word in dict.fromkeys(w.lower() for w in words):
        word = word[:-1] if word not in table and word.endswith("s") else word  # plural
        stems = table.get(word)
        if stems is None or (findings and re.search(rf"\b{word}", findings)):
            continue
        if not any(re.search(rf"(?<!\w){re.escape(stem)}", source) for stem in stems):
            missing.append(word)
    return missing
