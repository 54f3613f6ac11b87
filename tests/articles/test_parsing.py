"""The page parser: what it recovers from saved pages, metadata and exports. No database."""

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.html_pages import parse_html
from articles.outlets import Outlet, OutletIndex
from articles.parsing import (
    MAX_TITLE_LENGTH,
    ParseError,
    apply_metadata,
    paragraphs,
    parse_text,
    split_front_matter,
)
from articles.records import parse_record

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def page(name: str):
    front_matter, text = split_front_matter((PAGES / name).read_text(encoding="utf-8"))
    return apply_metadata(parse_text(text), front_matter, what="front matter")


def rules(parsed) -> list[str]:
    return [removal.rule for removal in parsed.removals]


def test_a_newspaper_page_gives_headline_byline_date_caption_dateline_and_outlet():
    parsed = page("newspaper_page.txt")
    assert parsed.title == "Pakistan, Afghanistan agree to reopen Torkham crossing after week-long closure"
    assert parsed.byline == "Staff Reporter"
    assert (parsed.published.date, parsed.published.precision, parsed.published.time) == (
        datetime.date(2024, 3, 2),
        "day",
        datetime.time(9, 15),
    )
    assert parsed.dateline == "Peshawar"
    assert parsed.outlet == "The Frontier Ledger"  # from its copyright line
    assert [(c.text.split(" (")[0], c.note) for c in parsed.captions] == [
        ("Trucks wait at the Torkham border crossing on Friday.", "Reuters/Fayaz Aziz")
    ]
    assert parsed.body.startswith("PESHAWAR: Pakistan and Afghanistan agreed on Saturday")
    assert parsed.body.endswith("losses from the closure ran into millions of rupees.")
    for furniture in ["Skip to content", "Advertisement", "Follow us on WhatsApp", "Comments (3)", "Copyright"]:
        assert furniture not in parsed.body


def test_a_wire_story_gives_dateline_and_reporter_and_drops_its_link_list():
    parsed = page("wire_story.txt")
    assert parsed.dateline == "Tehran"
    assert parsed.byline == "Parisa Hafezi"
    assert parsed.published.precision == "unknown"  # "Jan 17" has no year: never guessed
    assert "wire_credits" in rules(parsed)
    assert rules(parsed).count("related_links") == 3  # the header and both items
    assert "Oil prices" not in parsed.body and "Reporting by" not in parsed.body


def test_an_opinion_column_is_typed_and_keeps_its_author_note_apart():
    parsed = page("opinion_column.txt")
    assert parsed.title == "The border needs markets, not walls"
    assert parsed.article_type == "opinion"
    assert parsed.author_bio.startswith("The writer is a former ambassador")
    assert parsed.byline == ""  # the note names no one
    assert "The writer is" not in parsed.body


def test_hard_wrapped_paragraphs_are_joined_and_headlines_are_not():
    parsed = page("wrapped_newsletter.txt")
    assert parsed.title == "Pakistan and Iran agree on border sustenance markets"
    assert parsed.body.split("\n\n") == [
        "ISLAMABAD -- Officials from Pakistan and Iran met on Tuesday to discuss opening new markets along the "
        "border, a statement from the foreign office said.",
        "The talks focused on trade in food and fuel and on the security of traders who cross the border daily.",
    ]
    assert parsed.dateline == "Islamabad"


def test_front_matter_supplies_what_the_text_does_not_say():
    parsed = page("with_front_matter.txt")
    assert parsed.url == "https://www.example-news.com/2024/04/22/raisi-islamabad"
    assert (parsed.published.date, parsed.published.precision) == (datetime.date(2024, 4, 22), "day")
    assert (parsed.outlet, parsed.byline, parsed.section) == ("Example News", "Sana Jamal", "World")
    assert parsed.title == "Raisi arrives in Islamabad for three-day visit"
    assert "url" in parsed.metadata_fields and "outlet" in parsed.metadata_fields


def test_metadata_wins_over_what_the_parser_read():
    parsed = parse_text("Headline\nWorld 01/02/2023\nThe body of the story, which is long enough to stand.")
    assert parsed.published.date == datetime.date(2023, 2, 1)
    overridden = apply_metadata(parsed, {"published": "2023-02", "type": "analysis"}, what="sidecar")
    assert (overridden.published.date, overridden.published.precision) == (datetime.date(2023, 2, 1), "month")
    assert overridden.article_type == "analysis"
    assert overridden.section == "World"


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ({"publsihed": "2024-01-01"}, "sidecar: unknown field 'publsihed'"),
        ({"published": "soon"}, "sidecar: published 'soon' is not a date"),
        ({"url": "www.example.com/x"}, "sidecar: url 'www.example.com/x' is not an http(s) URL"),
        ({"type": "rumour"}, "sidecar: type 'rumour' is not one of analysis, news, opinion"),
    ],
)
def test_bad_metadata_is_refused_with_a_one_line_reason(metadata, message):
    parsed = parse_text("Headline\n\nA body paragraph.")
    with pytest.raises(ParseError, match=re.escape(message)):
        apply_metadata(parsed, metadata, what="sidecar")


def test_front_matter_that_is_not_yaml_is_refused():
    with pytest.raises(ParseError, match="front matter: invalid YAML at line 2"):
        split_front_matter("---\ntitle: [unclosed\n---\nHeadline\n\nBody.")


def test_a_text_without_headline_gets_its_first_sentence_as_title_and_keeps_it_in_the_body():
    first = "Pakistan and Iran have pledged to work together to combat militants operating from Afghanistan."
    parsed = parse_text(f"{first} The pledge followed a visit. " * 3 + "\n\nSecond paragraph.")
    assert parsed.title_derived
    assert parsed.title == first
    assert parsed.body.startswith(first)


def test_a_very_long_first_sentence_gives_a_shortened_title():
    parsed = parse_text("word " * 400 + ".\n\nNext paragraph.")
    assert parsed.title_derived and len(parsed.title) <= MAX_TITLE_LENGTH and parsed.title.endswith("…")


@pytest.mark.parametrize(
    ("headline", "title", "article_type"),
    [
        ("New Era in Pak-Iran Ties – OpEd", "New Era in Pak-Iran Ties", "opinion"),
        ("Opinion: The border needs markets", "The border needs markets", "opinion"),
        ("Analysis: Why the pipeline stalled", "Why the pipeline stalled", "analysis"),
        ("Why the pipeline stalled | Analysis", "Why the pipeline stalled", "analysis"),
        ("Raisi visits Lahore | Dawn", "Raisi visits Lahore", "news"),
        ("Opinion polls show support for talks", "Opinion polls show support for talks", "news"),
    ],
)
def test_type_labels_come_off_the_headline(headline, title, article_type):
    parsed = parse_text(f"{headline}\n\nA body paragraph of the article.")
    assert (parsed.title, parsed.article_type) == (title, article_type)


def test_a_pipe_suffix_on_the_headline_names_the_outlet():
    outlets = OutletIndex([Outlet("Dawn", domains=("dawn.com",), country="PK", kind="newspaper")])
    assert parse_text("Raisi visits Lahore | Dawn\n\nA body paragraph.", outlets=outlets).outlet == "Dawn"


def test_a_page_with_nothing_but_furniture_after_the_title_is_refused():
    with pytest.raises(ParseError, match="no body text after the title"):
        parse_text("A headline\nShare:\nRelated News\nLeave a Reply\nExit mobile version")


def test_removals_record_where_they_stood_so_they_can_be_restored():
    parsed = parse_text("Headline\n\nFirst paragraph.\n\nAdvertisement\n\nSecond paragraph.\n\nShare.")
    assert parsed.body == "First paragraph.\n\nSecond paragraph."
    advert, share = parsed.removals
    assert parsed.body[advert.body_offset :].startswith("Second paragraph.")
    assert share.body_offset == len(parsed.body)


def test_export_records_accept_the_usual_field_names():
    parsed = parse_record(
        {
            "headline": "Trade target set",
            "link": "https://agency.example.com/trade",
            "publish_date": "April 23, 2024",
            "media_name": "Example Agency",
            "authors": ["A. Reporter", "B. Writer"],
            "content": "Pakistan and Iran agreed to raise trade.\n\nShare this article",
        },
        what="record",
    )
    assert parsed.title == "Trade target set"
    assert parsed.url == "https://agency.example.com/trade"
    assert parsed.published.date == datetime.date(2024, 4, 23)
    assert (parsed.outlet, parsed.byline) == ("Example Agency", "A. Reporter, B. Writer")
    assert parsed.body == "Pakistan and Iran agreed to raise trade."


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"title": "No text"}, "record: no text"),
        (["not", "an", "object"], "record: expected an object, not list"),
        ({"title": "x", "text": "Body.", "published": "yesterday"}, "record: published 'yesterday' is not a date"),
    ],
)
def test_bad_export_records_are_refused(record, message):
    with pytest.raises(ParseError, match=message):
        parse_record(record, what="record")


def test_html_pages_give_the_article_and_their_metadata():
    parsed = parse_html((PAGES / "analysis_page.html").read_text(), what="HTML")
    assert parsed.title == "Gas pipeline: why the Iran-Pakistan project stalled"
    assert (parsed.outlet, parsed.byline) == ("Regional Review", "Farah Nadeem")
    assert parsed.published.date == datetime.date(2024, 2, 23)
    assert parsed.url == "https://regionalreview.example.org/analysis/gas-pipeline-stalled"
    assert parsed.body.startswith("The Iran-Pakistan gas pipeline was launched in 2013")
    assert "Markets rally" not in parsed.body and "Home" not in parsed.body


def test_an_html_page_without_an_article_is_refused():
    with pytest.raises(ParseError, match=r"no article text found|no body text left"):
        parse_html("<html><body><nav>Home</nav></body></html>", what="HTML")
    with pytest.raises(ParseError, match="no article text found"):
        parse_html("<html><body></body></html>", what="HTML")


# --- Properties on arbitrary text ---------------------------------------------------------------

lines = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=120),
        st.sampled_from(["Share:", "Also Read: x", "Leave a Reply", "Eurasia 31/07/2023 07:00", "- item", ""]),
        st.from_regex(r"[A-Z][a-z]+( [a-z]+){3,25}\.", fullmatch=True),
    ),
    max_size=30,
)


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_the_parser_never_crashes_and_never_loses_text_a_rule_did_not_remove(page_lines):
    text = "\n".join(page_lines)
    try:
        parsed = parse_text(text)
    except ParseError:
        return
    kept = " ".join(
        [parsed.title, parsed.summary, parsed.byline, parsed.author_bio, parsed.section, parsed.outlet, parsed.body]
        + [removal.text for removal in parsed.removals]
    )
    for unit in paragraphs(text):
        assert words(unit) <= words(kept), unit
    for removal in parsed.removals:
        assert 0 <= removal.body_offset <= len(parsed.body)
    assert parsed.body and parsed.body == parsed.body.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_or_gives_a_one_line_reason(text):
    try:
        parse_text(text)
    except ParseError as exc:
        assert "\n" not in str(exc) and str(exc)


def test_a_boilerplate_rule_tries_its_anchored_alternatives_at_the_start_only_and_matches_as_its_pattern():
    from articles.furniture import BOILERPLATE_RULES, top_level_alternatives

    assert top_level_alternatives(r"^a(b|c)|[|(]x|\|y|^z") == [r"^a(b|c)", r"[|(]x", r"\|y", "^z"]
    lines = ["Click here to read more", "Follow us on Twitter", "Reporting by Jane Doe; Editing by Tim Roe",
             "The minister said the talks would go on.", "See more here", "We use cookies on this website",
             "All rights reserved.", "Download the app from Google Play", "Share this article"]  # fmt: skip
    for rule in BOILERPLATE_RULES:
        assert "|".join(top_level_alternatives(rule.pattern.pattern)) == rule.pattern.pattern
        for line in lines:
            assert rule.found_in(line) == bool(rule.pattern.search(line)), (rule.name, line)
