"""The default pipeline, one stage a module, in the order an article goes through them.

Deterministic stages (no model): ``language`` -> ``sentences`` -> ``dates`` -> ``places``
-> ``entities`` (people and organizations, per language; ``org_names`` composes their
English names) -> ``figures`` -> ``agreements`` -> ``topics`` (event types and medical
fields from a cue lexicon) -> ``direction`` (who visited whom, from the lead's markers);
``tense`` tells the brief whether the event is reported as done or as to come.
Model stages (one conversation per article): ``naming`` (English names and kinds of the
organizations, roles of people) -> ``classify`` (event types and medical fields, only
where the lexicon does not know the language) -> ``lead`` (the first sentences translated
one by one, with a glossary of the names found) or ``summarize`` (the whole article).
Where the model cannot read the language, ``facts`` writes the brief from the findings.
Then ``faithful`` (every number, name, month, title, place's country and travel claim of
the summary and headline checked against the source; an unsupported aside cut, else the
sentence removed), ``complete`` (the date, the visit and a titled participant added where
the summary lacks them) and ``assemble`` (the returned ``ArticleSummary``).
:mod:`summarizer.stages.record` holds the per-article record every stage reads and writes.
"""
