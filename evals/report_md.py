"""The Markdown report of a run: overall, per field, per language, per article."""

from __future__ import annotations

from typing import Any

from summarizer.evals.scoring import FIELDS
from summarizer.render import escape_markdown as _cell


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def render_markdown(
    header: dict[str, Any], records: list[dict[str, Any]], scores: dict[str, Any]
) -> str:
    """A short human-readable report; article-derived strings are pipe-escaped."""
    agg = scores["aggregate"]
    lines = [
        f"# Eval run {_cell(header.get('run_id', ''))}",
        "",
        f"- model: `{_cell(header.get('model'))}` at `{_cell(header.get('base_url'))}` "
        f"(mode {_cell(header.get('mode'))}), pipeline `{_cell(header.get('pipeline'))}`, "
        f"prompt `{_cell(header.get('prompt_version'))}`",
        f"- dataset: `{_cell(header.get('dataset'))}`, {agg['n_articles']} articles, "
        f"{agg['n_failed']} failed; key facts judged by {scores.get('judge', 'lexical')}",
        f"- timing: {_cell(agg.get('seconds'))}",
        "",
        f"**Overall: {_fmt(agg['overall'])}**",
        "",
        "| field | all | " + " | ".join(sorted(agg["per_language"])) + " |",
        "|---|---|" + "---|" * len(agg["per_language"]),
    ]
    langs = sorted(agg["per_language"])
    for field in (*FIELDS, "overall"):
        overall = agg["overall"] if field == "overall" else agg["fields"].get(field)
        per = [
            agg["per_language"][lang]["overall"]
            if field == "overall"
            else agg["per_language"][lang]["fields"].get(field)
            for lang in langs
        ]
        lines.append(f"| {field} | {_fmt(overall)} | " + " | ".join(_fmt(v) for v in per) + " |")
    lines.append(
        "| n articles | "
        + str(agg["n_articles"])
        + " | "
        + " | ".join(str(agg["per_language"][lang]["n"]) for lang in langs)
        + " |"
    )
    lines += ["", "## Beside the mean", ""]
    for name, value in (agg.get("extras") or {}).items():
        if isinstance(value, dict):
            lines.append(f"- {name}: {_fmt(value.get('mean'))} (over {value.get('n')} articles)")
        else:
            lines.append(f"- {name}: {_fmt(value)}")
    lines += [
        "",
        "## Articles",
        "",
        "| id | lang | overall | failed | seconds | tokens in/out | headline |",
        "|---|---|---|---|---|---|---|",
    ]
    by_id = {s["article_id"]: s for s in scores["articles"]}
    for record in records:
        extraction = record["extraction"]
        score = by_id.get(record["id"], {})
        output = extraction.get("output") or {}
        usage = extraction.get("usage") or {}
        lines.append(
            f"| {_cell(record['id'])} | {_cell(record['language'])} | {_fmt(score.get('overall'))} "
            f"| {'yes: ' + _cell(extraction.get('error'))[:80] if score.get('failed') else ''} "
            f"| {_fmt(extraction.get('seconds'))}{' (cached)' if record.get('cached') else ''} "
            f"| {usage.get('prompt_tokens', '–')}/{usage.get('completion_tokens', '–')} "
            f"| {_cell(output.get('headline', ''))[:100]} |"
        )
    return "\n".join(lines) + "\n"
