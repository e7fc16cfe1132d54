"""Language stage: the ISO 639-1 code of the article, deterministically (py3langid plus
the Kazakh/Kyrgyz letter rules of :mod:`summarizer.language`), never asked of the model."""

from __future__ import annotations

from summarizer.language import detect_language


def identify_language(text: str) -> str | None:
    return detect_language(text)
