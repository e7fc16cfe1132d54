"""A provincial body named without its province is the article's province's.

Vietnamese news names its own province's bodies bare once the province is set: "UBND
tỉnh" (the provincial People's Committee), "Sở Y tế tỉnh", "UBND thành phố". Composed
alone they are "Provincial People's Committee", a body of no province; the gold
convention (and a reader) names them by the article's province. So a body whose English
name opens with its level and no place takes the first place of the home country the
article names ("Kon Tum Provincial People's Committee"). Languages listed in
``_common/places.json`` ``bare_level_languages`` only; elsewhere a level word has no such
use.
"""

from __future__ import annotations

from dataclasses import replace

from summarizer import languages
from summarizer.stages.places import home_country
from summarizer.stages.record import ArticleRecord

_COMMON = languages.load("_common", "places")


def with_home_place(record: ArticleRecord) -> None:
    """Name each bare provincial or city body of ``record.organizations`` by the first
    place of the home country among ``record.places.locations``."""
    if record.language not in _COMMON.get("bare_level_languages", ()) or record.places is None:
        return
    home = home_country(record.language)
    place = next((loc.name for loc in record.places.locations if loc.country == home), None)
    if place is None:
        return
    levels = tuple(f"{word} " for word in _COMMON["bare_levels"])
    record.organizations = [
        replace(o, english=f"{place} {o.english}")
        if o.english and o.english.startswith(levels)
        else o
        for o in record.organizations
    ]
