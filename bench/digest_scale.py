"""How fast is ``summarizer digest`` on a big batch, and how big is its page?

    python -m bench.digest_scale [--n 1000] [--pages] [--out DIR]

Synthesizes N results (every name, place and number invented; about 3% of them failure
records) as ``summarize -f jsonl`` writes them, then times reading them back, rendering
the page and (``--pages``) writing an article view per article from its source text,
and prints seconds and bytes as JSON. Targets: 1,000 results in at most 5 s, a page of
at most 5 MB. ``synthesize`` is also the tests' source of big invented batches.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from summarizer.schemas.article import AgreementKind, EventType

# Invented syllables: the names they make belong to no one.
_SYLLABLES = "ka lo mi ren tas vel qui sor dan bre ful ny zo ar em ish tor vin gal pe".split()
_ROLES = ["health minister", "chief physician", "rector", "ambassador", "deputy governor"]
_ORG_KINDS = [
    ("Heart Institute", "research_institute"),
    ("Children's Clinic", "clinic_or_center"),
    ("Medical University", "university_or_school"),
    ("Ministry of Health", "government"),
    ("Radiology Center", "clinic_or_center"),
    ("Pharma", "company"),
]
_COUNTRIES = ["KZ", "UZ", "KG", "TJ", "RU", "VN", "TR", "AZ", "CN", "DE", "IN", "KR", "AE"]
_LANGUAGES = ["ru", "kk", "vi", "en", "uz", "tr"]
_FIGURES = {  # unit: (description, low, high, step)
    "doctors": ("doctors to be trained", 5, 120, 1),
    "beds": ("beds in the new wing", 20, 600, 10),
    "USD": ("investment in the project", 50_000, 90_000_000, 5_000),
    "patients": ("patients examined", 40, 3_000, 1),
    "EUR": ("grant for equipment", 10_000, 5_000_000, 1_000),
    "percent": ("growth in medical tourists", 3, 60, 1),
}
_FAILURES = {
    "BackendError": "the endpoint did not answer after 3 tries (timeout)",
    "ExtractionError": "the model's answer did not match the schema after 2 attempts",
    "InputError": "article is empty (no text after removing whitespace and markup)",
}
_HEADLINES = {  # the article's first event type: headline
    "delegation_visit": "{org} delegation visits {city}",
    "official_meeting": "{person} meets {org2} leaders in {city}",
    "agreement_signing": "{org} and {org2} sign {document}",
    "conference_or_forum": "{city} health forum brings together {n} countries",
    "medical_mission": "{org} doctors hold free screenings in {city}",
    "training_or_exchange": "Nurses from {city} begin training at {org}",
    "investment_or_construction": "{org} to build a new wing in {city}",
    "other": "{org} reports on its partnership with {org2}",
}


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _located(text: list[str], quote: str, **item: Any) -> dict[str, Any]:
    """Append ``quote`` as a sentence of the article and give the item its offsets."""
    start = sum(len(t) for t in text)
    text.append(quote + ". ")
    return {
        **item,
        "evidence": quote,
        "start": start,
        "end": start + len(quote),
        "grounded": True,
        "match": "exact",
    }


def synthesize(
    n: int, *, seed: int = 19, failures: float = 0.03
) -> tuple[list[dict[str, Any]], list[str]]:
    """``n`` result records (``summarize -f jsonl`` shape, ``source`` = ``article-<i>.txt``)
    and the source text of each (``""`` for a failure record)."""
    rng = random.Random(seed)
    people = [f"{_word(rng, 2)} {_word(rng, 3)}" for _ in range(max(8, n // 4))]
    surnames = [_word(rng, 3) for _ in range(max(6, n // 10))]
    cities = [_word(rng, 2) + rng.choice(["sk", "grad", "abad", "ville", ""]) for _ in range(30)]
    records, texts = [], []
    for i in range(n):
        source = f"article-{i + 1:04d}.txt"
        if rng.random() < failures:
            kind, message = rng.choice(sorted(_FAILURES.items()))
            records.append({"source": source, "error": {"type": kind, "message": message}})
            texts.append("")
            continue
        text: list[str] = [f"Invented report number {i + 1}. "]
        countries = rng.sample(_COUNTRIES, rng.choice([1, 2, 2, 2, 3]))
        chosen = rng.sample(people, 2)
        orgs = [f"{rng.choice(surnames)} {rng.choice(_ORG_KINDS)[0]}" for _ in range(2)]
        month = rng.randint(1, 12)
        year = rng.choice([2025, 2026])
        event_types = rng.sample([e.value for e in EventType], rng.choice([1, 2]))
        agreements = []
        kind = rng.choice([k.value for k in AgreementKind])
        if "agreement_signing" in event_types or rng.random() < 0.2:
            agreements.append(
                _located(
                    text,
                    f"they signed a {kind} on pediatric care {i}",
                    kind=kind,
                    subject="pediatric care",
                    parties=orgs,
                    count=rng.choice([1, 1, 1, 2, 3]),
                )
            )
        city = rng.choice(cities)
        records.append(
            {
                "source": source,
                "language": rng.choice(_LANGUAGES),
                "headline": _HEADLINES[event_types[0]].format(
                    org=orgs[0],
                    org2=orgs[1],
                    person=chosen[0],
                    city=city,
                    document={"agreement": "an agreement", "other": "a cooperation document"}.get(
                        kind, f"a {kind}"
                    ),
                    n=len(countries) + 2,
                ),
                "summary": f"A delegation of {orgs[0]} met {chosen[0]} in {city}.",
                "event_types": event_types,
                "event_date": rng.choice(
                    [f"{year}-{month:02d}-{rng.randint(1, 28):02d}", f"{year}-{month:02d}", None]
                ),
                "countries": countries,
                "locations": [{"name": city, "country": countries[0]}],
                "people": [
                    _located(text, name, name=name, role=rng.choice(_ROLES)) for name in chosen
                ],
                "organizations": [
                    _located(text, org, name=org, kind=dict(_ORG_KINDS)[org.split(" ", 1)[1]])
                    for org in orgs
                ],
                "medical_fields": ["pediatrics"],
                "agreements": agreements,
                "figures": [
                    _located(text, f"{value} {unit}", value=value, unit=unit, description=what)
                    for unit, (what, low, high, step) in rng.sample(sorted(_FIGURES.items()), 2)
                    for value in [rng.randrange(low, high, step)]
                ],
                "schema_version": "article-summary/v1",
                "warnings": [],
            }
        )
        texts.append("".join(text))
    return records, texts


def measure(n: int, *, pages: bool, folder: Path) -> dict[str, Any]:
    """Write N results as jsonl (and their sources), then time ``read_results`` and
    ``write_digest`` as the CLI runs them."""
    from summarizer.views.digest import articles_folder, write_digest
    from summarizer.views.results_reader import read_results

    records, texts = synthesize(n)
    results = folder / "results.jsonl"
    with results.open("w", encoding="utf-8") as out:
        for record, text in zip(records, texts, strict=True):
            if pages and text:
                (folder / record["source"]).write_text(text, encoding="utf-8")
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    page = folder / "digest.html"
    started = time.perf_counter()
    entries = read_results([str(results)])
    read = time.perf_counter() - started
    counts = write_digest(entries, page)
    total = time.perf_counter() - started
    pages_bytes = sum(p.stat().st_size for p in articles_folder(page).glob("*.html"))
    return {
        "results": n,
        "article_pages": counts["pages"],
        "seconds_read": round(read, 2),
        "seconds_total": round(total, 2),
        "page_bytes": page.stat().st_size,
        "page_mb": round(page.stat().st_size / 1e6, 2),
        "article_pages_mb": round(pages_bytes / 1e6, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--pages", action="store_true", help="also write article pages")
    parser.add_argument("--out", type=Path, help="keep the files here (default: a temp dir)")
    args = parser.parse_args()
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        report = measure(args.n, pages=args.pages, folder=args.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            report = measure(args.n, pages=args.pages, folder=Path(tmp))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
