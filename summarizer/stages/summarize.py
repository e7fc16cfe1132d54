"""Model stage: the English headline and summary, as whole sentences.

The summary is a list of sentences, each ending with its full stop by grammar, at most five,
so it is bounded by sentences and tokens and can never stop mid-sentence. The first
question, right after the article and the facts the tools found: as the last turn it
conveyed fewer key facts on the ru dev articles (.17 against .22; vi .12 either way),
the model drifting into generic sentences.
"""

from __future__ import annotations

import re

from summarizer.prompting import PromptSet
from summarizer.schemas.turns import SUMMARY_SENTENCE_BODY, LeadDraft, SummaryDraft
from summarizer.stages.conversation import Conversation
from summarizer.stages.english_words import is_english_word
from summarizer.stages.record import ArticleRecord

MAX_TOKENS = 360
MAX_WORDS = 120  # the spec's bound on a summary
MAX_SENTENCES = 5  # and on its sentences


def within_bound(sentences: list[str], max_words: int = MAX_WORDS) -> list[str]:
    """Whole sentences from the start while they fit ``max_words`` (at least the first)."""
    kept: list[str] = []
    for sentence in sentences:
        if kept and sum(len(s.split()) for s in [*kept, sentence]) > max_words:
            break
        kept.append(sentence)
    return kept


MAX_HEADLINE_WORDS = 15  # the spec's bound on a headline
HEADLINE_CHARS = 110  # the grammar's cap (schemas/turns.py): a headline this long was cut
MIN_HEADLINE_WORDS = 4
# Where a long headline may end: before a clause or a trailing phrase.
_HEADLINE_BREAK = re.compile(r",\s|:\s|\s[-–—]\s|\s(?:and|in|on|at|for|with|to|after|as|due)\s")


# A headline ending on one of these stopped mid-phrase.
_DANGLING = frozenset("a an the and or of in on at for with to from by as".split())


def headline_within_bound(headline: str, cap: int = HEADLINE_CHARS) -> str:
    """``headline`` without its final stop; one the grammar cut at ``cap`` characters,
    one ending on a word that needs more ("... and"), or one longer than
    :data:`MAX_HEADLINE_WORDS` words ends at its last clause or phrase break
    that leaves at least :data:`MIN_HEADLINE_WORDS` words within the bound; "" when none does
    (the caller builds one from the findings)."""
    headline = " ".join(headline.split()).rstrip(" .").lstrip(" ,.;:-–—")
    # a headline opening on a conjunction continues a sentence nobody sees ("And X signs")
    headline = re.sub(r"^(?i:and|but|also|so)\s+(?=\S)", "", headline)
    headline = headline[:1].upper() + headline[1:]
    if "headline" in headline.lower():
        return ""  # the model wrote about its answer ("English headline: ..."), not a headline
    cut = headline.split()[-1].lower() in _DANGLING if headline else False
    if not cut and len(headline) < cap - 2 and len(headline.split()) <= MAX_HEADLINE_WORDS:
        return headline
    for found in reversed(list(_HEADLINE_BREAK.finditer(headline))):
        head = headline[: found.start()].rstrip(" ,:")
        if MIN_HEADLINE_WORDS <= len(head.split()) <= MAX_HEADLINE_WORDS:
            return head
    return ""


REPEAT_SHARE = 0.7  # a sentence whose words are this much one earlier sentence's repeats it


def distinct(sentences: list[str]) -> list[str]:
    """``sentences`` without those that repeat an earlier one (at least
    :data:`REPEAT_SHARE` of their words, case-folded, occur in one earlier sentence): the
    small model restates its first sentence when the next one is hard to translate."""
    kept: list[str] = []
    seen: list[set[str]] = []
    for sentence in sentences:
        words = set(sentence.lower().split())
        if words and any(len(words & earlier) >= REPEAT_SHARE * len(words) for earlier in seen):
            continue
        kept.append(sentence)
        seen.append(words)
    return kept


_PIECE_END = re.compile(r"(?<=[.!?])\s+")


def tidy(sentence: str) -> str:
    """``sentence`` without the stray pieces a small model leaves when it loses the thread
    (``"... in the city. The. . The forum ..."``): a piece between full stops that is only
    punctuation or one function word is dropped ("Dr." stays), the rest kept as written."""
    pieces = [p for p in _PIECE_END.split(sentence.strip()) if not _stray(p)]
    return " ".join(pieces)


_FUNCTION_WORDS = frozenset("a an the and or of in on at to for with by as".split())


def _stray(piece: str) -> bool:
    words = re.findall(r"\w+", piece)
    return not words or (len(words) == 1 and words[0].lower() in _FUNCTION_WORDS)


# The grammar ends a summary sentence after its first character and at most
# SUMMARY_SENTENCE_BODY more (schemas/turns.py): one this long may have been cut there,
# mid-word ("... academic cooperation, preparation of expa.") or after a joining word
# ("... and !").
CUT_LENGTH = 1 + SUMMARY_SENTENCE_BODY
MIN_MENDED_WORDS = 8


def mend_cut(sentence: str) -> str:
    """``sentence`` without the cut-off word and the joining words before it when the
    grammar cut it (it is at the length cap and ends on a lower-case piece that is no
    English word, or on a joining word): "..., the provision of free care, the pre." ->
    "..., the provision of free care."; "" when too little is left. Any other sentence
    stays as it is: one that reached the cap on a whole word ("... 385 million VND.") was
    not cut."""
    if len(sentence) < CUT_LENGTH:
        return sentence
    words = sentence.rstrip(".!?,; ").split()
    last = words[-1] if words else ""
    if not last.islower() or (is_english_word(last) and last not in _DANGLING):
        return sentence
    words.pop()
    while words and words[-1].strip(",;").lower() in _DANGLING:
        words.pop()
    head = " ".join(words).rstrip(",;")
    return head + "." if len(words) >= MIN_MENDED_WORDS else ""


_FRAME = re.compile(
    r"^(?:(?:The|This) (?:article|report|text) (?:states|says|reports|notes|mentions|adds)"
    r" that|According to the (?:article|report),)\s+(?=\w)"
)


def unframed(sentence: str) -> str:
    """``sentence`` without a frame about the article ("The article states that X." ->
    "X."): the summary reports what happened, and readers took the frame for a form."""
    found = _FRAME.match(sentence)
    if not found:
        return sentence
    rest = sentence[found.end() :]
    return rest[0].upper() + rest[1:]


def summarize(record: ArticleRecord, conversation: Conversation, prompt: PromptSet) -> None:
    content = prompt.render_turn("summary")
    draft = conversation.ask("summary", content, SummaryDraft, max_tokens=MAX_TOKENS)
    keep_draft(record, draft, "model")


def keep_draft(record: ArticleRecord, draft: SummaryDraft | LeadDraft, source: str) -> None:
    """The draft's headline and its distinct sentences within the bound, on the record."""
    record.headline = headline_within_bound(draft.headline)
    mended = (unframed(mend_cut(tidy(s))) for s in draft.summary)
    sentences = distinct([s for s in mended if s])
    record.summary_sentences = within_bound(sentences)
    record.summary_source = source
