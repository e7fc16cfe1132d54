"""The model summary's sentences as kept: cut sentences mended, frames left out."""


def test_a_sentence_the_grammar_cut_ends_at_its_last_clause_break():
    """Invented sentence cut by the grammar's length mid-word: it ends at its last list
    break; an uncut sentence stays; one with no break long enough goes."""
    from summarizer.stages.summarize import CUT_LENGTH, mend_cut

    head = "Surgeons from Tomsk and Omsk discussed training, joint research, telemedicine"
    cut = (head + ", exchange of specialists" * 20)[: CUT_LENGTH - 5] + " pre."
    assert len(cut) >= CUT_LENGTH
    mended = mend_cut(cut)
    assert mended.endswith("exchange of specialists.") and len(mended) < CUT_LENGTH
    assert mend_cut(head + ".") == head + "."
    assert mend_cut("Tomsk " * 60 + "pre.") == ""


def test_a_frame_about_the_article_is_left_out():
    from summarizer.stages.summarize import unframed

    said = "The article states that surgeons from Tomsk operated on children in Omsk."
    assert unframed(said) == "Surgeons from Tomsk operated on children in Omsk."
    kept = "The article reports on a visit of surgeons from Tomsk to Omsk."
    assert unframed(kept) == kept
