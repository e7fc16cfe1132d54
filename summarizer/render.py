"""Human-readable Markdown for one ArticleSummary (the CLI's ``--format md``)."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def escape_markdown(text: object) -> str:
    """Model or user text as inert Markdown on one line: HTML-significant characters become
    entities (no tag, link or image survives) and Markdown punctuation is backslash-escaped."""
    value = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MARKDOWN_SPECIAL.sub(r"\\\1", value)
    return " ".join(value.split())


def to_markdown(summary: BaseModel, *, title: str = "") -> str:
    """Headline, summary and the grounded fields as a short Markdown section."""
    data = summary.model_dump(mode="json")
    lines = [f"## {escape_markdown(data.get('headline') or title)}", ""]
    if title:
        lines += [f"*source: {escape_markdown(title)}*", ""]
    if data.get("summary"):
        lines += [escape_markdown(data["summary"]), ""]
    facts = [
        ("language", data.get("language")),
        ("date", data.get("event_date")),
        ("event types", ", ".join(data.get("event_types") or [])),
        ("countries", ", ".join(data.get("countries") or [])),
        ("medical fields", ", ".join(data.get("medical_fields") or [])),
        ("locations", ", ".join(loc["name"] for loc in data.get("locations") or [])),
    ]
    lines += [f"- **{name}**: {escape_markdown(value)}" for name, value in facts if value]
    for key, label in (
        ("people", "People"),
        ("organizations", "Organizations"),
        ("agreements", "Agreements"),
        ("figures", "Figures"),
    ):
        items = data.get(key) or []
        if not items:
            continue
        lines += ["", f"**{label}**", ""]
        for item in items:
            head = item.get("name") or item.get("subject") or item.get("description") or ""
            extra = item.get("role") or item.get("kind") or ""
            if key == "agreements":  # "memorandum — Omsk, Tomsk: on oncology", not " — memo"
                parties = ", ".join(item.get("parties") or [])
                head = ": ".join(p for p in (extra, parties, item.get("subject")) if p)
                extra = ""
            if key == "figures":
                number = f"{display_number(item.get('value'))} {item.get('unit', '')}".strip()
                head = f"{number}: {item.get('description', '')}"
            flag = "" if item.get("grounded") else " (not found in the article)"
            lines.append(
                f"- {escape_markdown(head)}{' — ' + escape_markdown(extra) if extra else ''}: "
                f"“{escape_markdown(item.get('evidence', ''))}”{flag}"
            )
    grounding = data.get("grounding") or {}
    if grounding.get("dropped"):
        lines += [
            "",
            f"*{grounding['dropped']} item(s) removed: quote not in the article, not naming "
            "the item, or the item was misfiled (see grounding.dropped_items).*",
        ]
    for warning in data.get("warnings") or []:
        lines.append(f"\n> note: {escape_markdown(warning)}")
    return "\n".join(lines) + "\n"


def display_number(value: Any) -> str:
    """A figure's value as a reader writes it: a whole number with thousands separators
    however large (never in scientific notation), a fraction as it is ("2.5")."""
    if isinstance(value, (int, float)) and float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,}" if isinstance(value, float) else str(value)


def render_failure_markdown(source: str, error_type: str, message: str) -> str:
    """A Markdown block for an article that has no result (names it, says why)."""
    return (
        f"## {escape_markdown(source)}\n\n"
        f"**failed** ({escape_markdown(error_type)}): {escape_markdown(message)}\n\n"
    )
