"""The model summary's sentences as kept: cut sentences mended, frames left out."""


def test_a_sentence_the_grammar_cut_loses_its_cut_off_word():
    """Invented sentences at the grammar's length: one cut mid-word or after a joining word
    loses that word and the joining words before it; one that reached the cap on a whole
    word, and any shorter one, stays."""
    from summarizer.stages.summarize import CUT_LENGTH, mend_cut

    head = "Doctors from Tomsk and Omsk discussed training, joint research, telemedicine"
    body = head
    while len(body) < CUT_LENGTH - 12:
        body += ", exchange of specialists"
    cut = body + ", the provision of pre."
    assert len(cut) >= CUT_LENGTH and mend_cut(cut) == body + ", the provision."
    joined = body + ", and telemedicine and !"
    assert mend_cut(joined) == body + ", and telemedicine."
    whole = body + " worth 385 million VND."
    assert len(whole) >= CUT_LENGTH and mend_cut(whole) == whole
    assert mend_cut(head + ".") == head + "."


def test_a_frame_about_the_article_is_left_out():
    from summarizer.stages.summarize import unframed

    said = "The article states that surgeons from Tomsk operated on children in Omsk."
    assert unframed(said) == "Surgeons from Tomsk operated on children in Omsk."
    kept = "The article reports on a visit of surgeons from Tomsk to Omsk."
    assert unframed(kept) == kept
