"""English words by their counts: untranslated source words in a model's English."""

import pytest

from summarizer.stages.english_words import is_english_word, untranslated_words


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # transliterated Russian and Vietnamese words the model left in its English
        (
            "The sides signed it with the komitet po zdravookhraneniyu provintsii Omsk.",
            ["komitet", "zdravookhraneniyu", "provintsii"],
        ),
        ("Doctors met the giam doc of the benh vien in Kon Tum.", ["giam", "benh", "vien"]),
        # rare English words, technical terms and compounds are words
        ("Cooperation covers telemedicine, endoscopy, angiography and oncohematology.", []),
        # one unknown word may be a rare English one: not enough
        ("The ministry discussed informationization of healthcare in Tomsk.", []),
        # capitalized words are names, whatever their language
        ("Anna Belova met Ivan Orlov at the Tomsk Oblastnaya Bolnitsa.", []),
    ],
)
def test_untranslated_words_are_lower_case_words_that_are_no_english(text, found):
    assert untranslated_words(text) == found


def test_an_english_word_is_found_by_its_plain_form_or_its_closing_word():
    assert is_english_word("discusses") and is_english_word("telemedicine")
    assert not is_english_word("zdravookhraneniyu")
