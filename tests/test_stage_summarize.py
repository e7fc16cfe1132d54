"""The model summary's sentences as kept: cut sentences mended, frames left out."""


def test_a_sentence_the_grammar_cut_ends_at_its_last_clause_break():
    """Invented sentences cut by the grammar's length mid-word: a short cut clause goes to
    its last list break; a long one loses only its cut-off word and the function words
    before it; an uncut sentence stays; one that keeps too few words goes."""
    from summarizer.stages.summarize import CUT_LENGTH, mend_cut

    head = "Surgeons from Tomsk and Omsk discussed training, joint research, telemedicine"
    cut = (head + ", exchange of specialists" * 20)[: CUT_LENGTH - 5] + " pre."
    assert len(cut) >= CUT_LENGTH
    mended = mend_cut(cut)
    assert mended.endswith("exchange of specialists.") and len(mended) < CUT_LENGTH
    assert mend_cut(head + ".") == head + "."
    clause = "Doctors from Tomsk met colleagues in Omsk, and " + "they discussed the training " * 12
    long_cut = (clause + "of the")[: CUT_LENGTH - 4] + " Min."
    assert mend_cut(long_cut) == long_cut[: long_cut.rindex(" Min.")].removesuffix(" of the") + "."
    assert mend_cut("Doctors " + "x" * CUT_LENGTH + " pre.") == ""


def test_a_frame_about_the_article_is_left_out():
    from summarizer.stages.summarize import unframed

    said = "The article states that surgeons from Tomsk operated on children in Omsk."
    assert unframed(said) == "Surgeons from Tomsk operated on children in Omsk."
    kept = "The article reports on a visit of surgeons from Tomsk to Omsk."
    assert unframed(kept) == kept
