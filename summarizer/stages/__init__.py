"""The default pipeline, one stage a module, in the order an article goes through them.

Deterministic stages (no model): ``language`` -> ``sentences`` -> ``dates`` -> ``places``
-> ``entities`` (people and organizations, per language) -> ``figures`` -> ``agreements``.
Model stages (one conversation per article, the article read once): ``summarize``
(headline, summary) -> ``classify`` (event types and medical fields, each with a quoted
sentence) -> ``naming`` (English names and kinds of the organizations, roles of people).
Then ``faithful`` (summary names and numbers checked against the source) and ``assemble``
(the returned ``ArticleSummary``). :mod:`summarizer.stages.record` holds the per-article
record every stage reads and writes.
"""
