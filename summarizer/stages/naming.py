"""Model stage: English names and kinds of the organizations the entity stage found, and
English titles of the people (from the words next to their names).

Only what a table cannot give is asked: organizations and titles that already have an
English name (composed from their parts, ``stages/org_names.py``) are not sent, and the
model answers by list number, so it writes a name and a kind per organization and nothing
else.
"""

from __future__ import annotations

from summarizer.prompting import PromptSet
from summarizer.schemas.turns import NamingDraft
from summarizer.stages.conversation import Conversation
from summarizer.stages.record import ArticleRecord
from summarizer.stages.titles import reads_as_title

MAX_TOKENS = 400


def name_entities(record: ArticleRecord, conversation: Conversation, prompt: PromptSet) -> None:
    """Fill ``record.organization_names`` and ``record.roles`` (indices into the record's
    organizations and people)."""
    org_index = [i for i, org in enumerate(record.organizations) if not org.english][:12]
    person_index = [
        i for i, person in enumerate(record.people) if person.role_text and i not in record.roles
    ][:10]  # a title composed from its parts is not asked again
    if not org_index and not person_index:
        return
    content = prompt.render_turn(
        "naming",
        organizations=[record.organizations[i].source_name for i in org_index],
        people=[f"{record.people[i].name}: {record.people[i].role_text}" for i in person_index],
    )
    draft = conversation.ask("naming", content, NamingDraft, max_tokens=MAX_TOKENS)
    for item in draft.organizations:
        if 1 <= item.number <= len(org_index):
            record.organization_names[org_index[item.number - 1]] = (
                item.name.strip(),
                item.kind.value,
            )
    for item in draft.roles:  # a role in no English words is the source spelled out: left
        if 1 <= item.number <= len(person_index) and reads_as_title(item.role):
            record.roles[person_index[item.number - 1]] = item.role.strip()
