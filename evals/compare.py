"""Per-field and per-language deltas between two scored runs."""

from __future__ import annotations

from typing import Any

from summarizer.evals.scoring import FIELDS


def compare_scores(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Rows of (name, A, B, B-A) for overall, every field, and each language's overall."""
    agg_a, agg_b = a["aggregate"], b["aggregate"]

    def row(name: str, va: float | None, vb: float | None) -> dict[str, Any]:
        delta = None if va is None or vb is None else round(vb - va, 4)
        return {"name": name, "a": va, "b": vb, "delta": delta}

    fields = [row("overall", agg_a["overall"], agg_b["overall"])]
    fields += [row(f, agg_a["fields"].get(f), agg_b["fields"].get(f)) for f in FIELDS]
    langs = sorted(set(agg_a["per_language"]) | set(agg_b["per_language"]))
    languages = []
    for lang in langs:
        pa = agg_a["per_language"].get(lang, {})
        pb = agg_b["per_language"].get(lang, {})
        languages.append(row(lang, pa.get("overall"), pb.get("overall")))
        for f in FIELDS:
            languages.append(
                row(f"{lang}.{f}", (pa.get("fields") or {}).get(f), (pb.get("fields") or {}).get(f))
            )
    extras = []
    for name in sorted(set(agg_a.get("extras") or {}) | set(agg_b.get("extras") or {})):
        ea = (agg_a.get("extras") or {}).get(name) or {}
        eb = (agg_b.get("extras") or {}).get(name) or {}
        extras.append(row(name, ea.get("mean"), eb.get("mean")))
    return {
        "a": a.get("run_id"),
        "b": b.get("run_id"),
        "fields": fields,
        "languages": languages,
        "extras": extras,
        "failed": (agg_a["n_failed"], agg_b["n_failed"]),
    }
