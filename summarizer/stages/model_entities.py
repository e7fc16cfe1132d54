"""Model stage: people and organizations, for a language the entity rules do not serve
(:func:`summarizer.stages.entities.has_rules`): the model reads the article and writes
each name as the article writes it, its English name, and a person's title or an
organization's kind. Only names found in the article are kept (``as_written`` located by
:func:`summarizer.grounding.locate`), each once; the rest are dropped and counted.
"""

from __future__ import annotations

from summarizer.grounding import locate
from summarizer.prompting import PromptSet
from summarizer.schemas.turns import EntitiesDraft
from summarizer.stages.conversation import Conversation
from summarizer.stages.entities import OrganizationFinding, PersonFinding
from summarizer.stages.record import ArticleRecord
from summarizer.stages.spans import Span
from summarizer.textfold import MatchText

MAX_TOKENS = 500


def find_entities(record: ArticleRecord, conversation: Conversation, prompt: PromptSet) -> None:
    """Fill ``record.people`` (with ``record.roles``) and ``record.organizations`` (with
    their English names) from the model's answer, grounded in the article."""
    draft = conversation.ask(
        "entities", prompt.render_turn("entities"), EntitiesDraft, max_tokens=MAX_TOKENS
    )
    folded = MatchText(record.source)
    names: set[str] = set()

    def located(written: str, name: str) -> Span | None:
        """Where the article writes a new name; None (dropped, counted) otherwise."""
        found = locate(written, record.source, folded)
        if not found.grounded or found.start is None or found.end is None or name in names:
            record.dropped_entities += 1
            return None
        names.add(name)
        return Span.of(record.source, found.start, found.end)

    for person in draft.people:
        if (span := located(person.as_written, person.name.lower())) is not None:
            if person.role.strip():
                record.roles[len(record.people)] = person.role.strip()
            record.people.append(PersonFinding(person.name.strip(), span, ""))
    for org in draft.organizations:
        if (span := located(org.as_written, org.name.lower())) is not None:
            record.organizations.append(
                OrganizationFinding(span.text, span, org.kind.value, org.name.strip())
            )
