"""Language identification on invented text: Russian, Kazakh and Kyrgyz apart."""

import pytest

from summarizer.language import detect_language

KAZAKH = (
    "Облыстық аурухананың дәрігерлері көршілес елдің әріптестерімен тәжірибе алмасты. "
    "Кездесуде денсаулық сақтау саласындағы ынтымақтастық туралы келісімге қол қойылды."
)
KYRGYZ = (
    "Облустук оорукананын дарыгерлери коңшу өлкөнүн кесиптештери менен тажрыйба алмашты. "
    "Жолугушууда саламаттыкты сактоо тармагындагы кызматташтык жөнүндө макулдашууга кол коюлду."
)
RUSSIAN = (
    "Врачи областной больницы обменялись опытом с коллегами из соседней страны. "
    "На встрече подписано соглашение о сотрудничестве в сфере здравоохранения."
)


@pytest.mark.parametrize(
    ("text", "code"), [(KAZAKH, "kk"), (KYRGYZ, "ky"), (RUSSIAN, "ru")], ids=["kk", "ky", "ru"]
)
def test_cyrillic_languages_are_told_apart(text, code):
    assert detect_language(text) == code


def test_text_without_letters_has_no_language():
    assert detect_language("2025 — 12:30 / 45 %") is None
