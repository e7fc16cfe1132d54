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
from summarizer.stages.record import ArticleRecord

MAX_TOKENS = 320


def summarize(record: ArticleRecord, conversation: Conversation, prompt: PromptSet) -> None:
    draft = conversation.ask(
        "summary", prompt.render_turn("summary"), SummaryDraft, max_tokens=MAX_TOKENS
    )
    record.headline = draft.headline.strip()
    record.summary_sentences = [s.strip() for s in draft.summary if s.strip()]
    record.summary_source = "model"
