"""The default pipeline, one stage a module, in the order an article goes through them.

Deterministic stages (no model): ``language`` -> ``sentences`` -> ``dates`` -> ``places``
-> ``entities`` (people and organizations, per language) -> ``figures`` -> ``agreements``
-> ``topics`` (event types and medical fields from a cue lexicon).
Model stages (one conversation per article, the article read once): ``naming`` (English
names and kinds of the organizations, roles of people) -> ``classify`` (event types and
medical fields, each behind a quote; only where the lexicon does not know the language)
-> ``summarize`` (headline, summary sentences).
Then ``faithful`` (summary names and numbers checked against the source) and ``assemble``
(the returned ``ArticleSummary``). :mod:`summarizer.stages.record` holds the per-article
record every stage reads and writes.
"""
