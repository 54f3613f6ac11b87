"""The one sentence splitter: cleaning, extraction and event detection all read sentences through it."""

from archive.common.sentences import sentence_spans, split_sentences


def test_sentences_do_not_end_at_abbreviations_or_initials():
    text = "Gen. Asim Munir met U.S. officials. Talks went well! Did they agree? J. Smith said yes."
    assert split_sentences(text) == [
        "Gen. Asim Munir met U.S. officials.",
        "Talks went well!",
        "Did they agree?",
        "J. Smith said yes.",
    ]


def test_sentences_end_at_full_stops_but_not_after_abbreviations():
    body = "Gen. Asim Munir arrived in Tehran. He met U.S. officials.\n\nA new paragraph"
    assert [body[s:e] for s, e in sentence_spans(body)] == [
        "Gen. Asim Munir arrived in Tehran.",
        "He met U.S. officials.",
        "A new paragraph",
    ]


def test_a_blank_line_ends_a_sentence_that_has_no_full_stop():
    body = "Dateline Islamabad\n\nOfficials met on Monday."
    assert split_sentences(body) == ["Dateline Islamabad", "Officials met on Monday."]


def test_month_and_company_abbreviations_do_not_end_a_sentence():
    text = "The talks on Jan. 5 were led by Acme Corp. Officials of Acme Co. Ltd. attended."
    assert split_sentences(text) == ["The talks on Jan. 5 were led by Acme Corp. Officials of Acme Co. Ltd. attended."]
