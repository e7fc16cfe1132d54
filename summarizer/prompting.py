"""Prompt templates as files (Jinja2), rendered by us so the article is always a value.

A prompt set is ``<name>.system.j2`` + ``<name>.user.j2``, looked up in a directory given
by the caller or in the packaged ``prompts/``. Its ``version`` is the name plus a hash of
both files, so it changes whenever a template changes. Missing variables are an error
(``StrictUndefined``); the article never passes through instructor's templating.
"""

from __future__ import annotations

import hashlib
import importlib.resources
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from summarizer.errors import ConfigurationError
from summarizer.schemas.article import AgreementKind, EventType, MedicalField, OrganizationKind

_ENV = jinja2.Environment(
    undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True
)

VOCABULARIES: dict[str, list[str]] = {
    "event_types": [e.value for e in EventType],
    "organization_kinds": [e.value for e in OrganizationKind],
    "medical_fields": [e.value for e in MedicalField],
    "agreement_kinds": [e.value for e in AgreementKind],
}


@dataclass(frozen=True)
class PromptSet:
    """A system template (fixed instructions) and a user template (the article last)."""

    name: str
    system_source: str
    user_source: str
    # Later turns of the same conversation (``<name>.<turn>.j2``), for multi-turn pipelines.
    turn_sources: tuple[tuple[str, str], ...] = ()

    @property
    def version(self) -> str:
        parts = [self.system_source, self.user_source]
        parts += [f"{turn}\0{source}" for turn, source in self.turn_sources]
        digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
        return f"{self.name}@{digest[:10]}"

    def render_turn(self, turn: str, **values: Any) -> str:
        """The user message of a later turn (``<name>.<turn>.j2``)."""
        sources = dict(self.turn_sources)
        if turn not in sources:
            raise ConfigurationError(f"prompt {self.name!r} has no turn {turn!r}")
        try:
            return _ENV.from_string(sources[turn]).render(**{**VOCABULARIES, **values})
        except jinja2.UndefinedError as exc:
            raise ConfigurationError(f"prompt {self.name!r} turn {turn!r}: {exc.message}") from exc

    def render_system(self, **extra: Any) -> dict[str, str]:
        """The system message (the fixed instructions: the cacheable prefix)."""
        try:
            system = _ENV.from_string(self.system_source).render(**{**VOCABULARIES, **extra})
        except jinja2.UndefinedError as exc:
            raise ConfigurationError(f"prompt {self.name!r}: {exc.message}") from exc
        return {"role": "system", "content": system}

    def render(self, article: str, **extra: Any) -> list[dict[str, str]]:
        """Chat messages for one article: system first (cacheable prefix), article last."""
        values = {**VOCABULARIES, **extra}
        try:
            user = _ENV.from_string(self.user_source).render(article=_fence(article), **values)
        except jinja2.UndefinedError as exc:
            raise ConfigurationError(f"prompt {self.name!r}: {exc.message}") from exc
        return [self.render_system(**extra), {"role": "user", "content": user}]


def fence(article: str) -> str:
    """Article text made safe to place between ``<article>``-style tags."""
    return _fence(article)


def _fence(article: str) -> str:
    """Keep the article inside its tags even if it contains them itself."""
    for tag in ("article", "sentences"):
        article = article.replace(f"</{tag}>", f"</ {tag}>").replace(f"<{tag}>", f"< {tag}>")
    return article


def load_prompt_set(name: str = "default", directory: str | Path | None = None) -> PromptSet:
    """Load ``name`` from ``directory`` or from the packaged prompts."""
    if directory is not None:
        root: Any = Path(directory)
    else:
        root = importlib.resources.files("summarizer.prompts")
    system, user = root / f"{name}.system.j2", root / f"{name}.user.j2"
    if not (system.is_file() and user.is_file()):
        where = directory or "the packaged prompts"
        raise ConfigurationError(
            f"prompt set {name!r} not found in {where}: need {name}.system.j2 and {name}.user.j2"
        )
    turns = tuple(
        (path.name[len(name) + 1 : -len(".j2")], path.read_text(encoding="utf-8"))
        for path in sorted(root.iterdir(), key=lambda p: p.name)
        if path.name.startswith(f"{name}.")
        and path.name.endswith(".j2")
        and path.name not in (f"{name}.system.j2", f"{name}.user.j2")
    )
    return PromptSet(
        name, system.read_text(encoding="utf-8"), user.read_text(encoding="utf-8"), turns
    )
