"""Model stage: the English headline and summary, as whole sentences.

The summary is a list of sentences, each ending with its full stop by grammar, at most five,
so it is bounded by sentences and tokens and can never stop mid-sentence. The first
question, right after the article and the facts the tools found: as a later turn it
conveyed far fewer key facts on dev (the model drifts into generic sentences).
"""

from __future__ import annotations

from summarizer.prompting import PromptSet
from summarizer.schemas.turns import SummaryDraft
from summarizer.stages.conversation import Conversation
from summarizer.stages.record import ArticleRecord

MAX_TOKENS = 360


def summarize(record: ArticleRecord, conversation: Conversation, prompt: PromptSet) -> None:
    content = prompt.render_turn("summary")
    draft = conversation.ask("summary", content, SummaryDraft, max_tokens=MAX_TOKENS)
    record.headline = draft.headline.strip()
    record.summary_sentences = [s.strip() for s in draft.summary if s.strip()]
    record.summary_source = "model"
