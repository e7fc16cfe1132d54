"""Model stage: the English headline and summary, as whole sentences.

The summary is a list of sentences, each ending with its full stop by grammar, at most four,
so it is bounded by sentences and tokens and can never stop mid-sentence. The last turn of
the conversation, so the model writes it with the English names of the earlier turns in
view.
"""

from __future__ import annotations

from summarizer.prompting import PromptSet
from summarizer.schemas.turns import SummaryDraft
from summarizer.stages.conversation import Conversation
from summarizer.stages.facts import describe_date, organization_name
from summarizer.stages.record import ArticleRecord

MAX_TOKENS = 360


MAX_NAMES = 10


def _names(record: ArticleRecord) -> list[str]:
    """People with their English titles, then organizations' English names."""
    names = []
    for i, person in enumerate(record.people):
        role = record.roles.get(i)
        names.append(f"{person.name}, {role}" if role else person.name)
    for i in range(len(record.organizations)):
        name = organization_name(record, i)
        if name and name not in names:
            names.append(name)
    return names[:MAX_NAMES]


def _when(record: ArticleRecord) -> str:
    return describe_date(record.event_date.value) if record.event_date else ""


def summarize(record: ArticleRecord, conversation: Conversation, prompt: PromptSet) -> None:
    content = prompt.render_turn("summary", names=_names(record), when=_when(record))
    draft = conversation.ask("summary", content, SummaryDraft, max_tokens=MAX_TOKENS)
    record.headline = draft.headline.strip()
    record.summary_sentences = [s.strip() for s in draft.summary if s.strip()]
    record.summary_source = "model"
