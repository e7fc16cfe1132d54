"""Russian analysis with natasha (segmentation, morphology, syntax, NER, normal forms).

Its models ship inside the wheels (navec embeddings, slovnet taggers), so nothing is
downloaded at run time. Loading takes about a second, so the pipeline objects are built
once per process and shared; the analysis of a text is cached because several stages
(entities, places) read the same spans.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_lock = threading.Lock()


@dataclass(frozen=True)
class NamedSpan:
    """One natasha NER span: ``PER``, ``ORG`` or ``LOC``, its text, offsets and the
    normal (nominative) form."""

    type: str
    start: int
    end: int
    text: str
    normal: str


def _morph_vocab(vocab_class: type) -> Any:
    """natasha's ``MorphVocab`` opened on the installed Russian dictionary's path: without a
    path, pymorphy2 finds it through ``pkg_resources`` entry points, which costs about a
    tenth of a second at every start."""
    import pymorphy2_dicts_ru
    from natasha.morph.vocab import MorphForm
    from pymorphy2.analyzer import MorphAnalyzer

    vocab = vocab_class.__new__(vocab_class)
    MorphAnalyzer.__init__(vocab, path=pymorphy2_dicts_ru.get_path(), result_type=MorphForm)
    return vocab


@lru_cache(maxsize=1)
def _pipeline() -> dict[str, Any]:
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    return {
        "segmenter": Segmenter(),
        "morph_vocab": _morph_vocab(MorphVocab),
        "morph": NewsMorphTagger(embedding),
        "syntax": NewsSyntaxParser(embedding),
        "ner": NewsNERTagger(embedding),
    }


@lru_cache(maxsize=8)
def analyze(text: str) -> Any:
    """The natasha ``Doc`` of ``text`` with morphology, syntax and NER spans normalized."""
    from natasha import Doc

    parts = _pipeline()
    with _lock:  # natasha's taggers are not documented as thread-safe
        doc = Doc(text)
        doc.segment(parts["segmenter"])
        doc.tag_morph(parts["morph"])
        doc.parse_syntax(parts["syntax"])
        doc.tag_ner(parts["ner"])
        for span in doc.spans:
            span.normalize(parts["morph_vocab"])
    return doc


def named_spans(text: str) -> list[NamedSpan]:
    """Every NER span of ``text`` in reading order."""
    return [
        NamedSpan(span.type, span.start, span.stop, span.text, span.normal or span.text)
        for span in analyze(text).spans
    ]


def parses(word: str) -> list[Any]:
    """pymorphy2's analyses of one Russian word, likeliest first (tag, ``normal_form``)."""
    return list(_pipeline()["morph_vocab"].parse(word)) if word else []


def lemma(word: str) -> str:
    """The dictionary form of one Russian word (``больнице`` -> ``больница``)."""
    if not word:
        return word
    parses = _pipeline()["morph_vocab"].parse(word)  # pymorphy2 analyses, likeliest first
    return parses[0].normal_form if parses else word.lower()


def only_plural(word: str) -> bool:
    """Whether every noun reading of ``word`` is plural ("больницах", not "клиники", which
    is also a genitive singular): such a head names several bodies, no single one."""
    nouns = [str(p.tag) for p in parses(word) if "NOUN" in str(p.tag)]
    return bool(nouns) and all("plur" in tag for tag in nouns)
