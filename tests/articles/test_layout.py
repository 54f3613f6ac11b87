"""Where the article stands on a saved page: its header, its body, the furniture around and inside it,
and its date as the outlet writes it. No database."""

import datetime

import pytest

from archive.common.dates import read_date_statement
from articles.outlets import Outlet, OutletIndex
from articles.parsing import parse_text, with_outlet

D = datetime.date
LEAD = (
    "ISLAMABAD: Pakistan and Iran agreed on Thursday to open three more border markets by March and to "
    "revive a joint trade committee that has not met for two years, officials said."
)
SECOND = (
    "The decisions were taken at a meeting of the Joint Border Commission, which was attended by officials of "
    "the ministries of interior, foreign affairs and commerce."
)
THIRD = "The committee is now expected to meet in Tehran in the third week of February, officials said."
ARTICLE = [LEAD, SECOND, THIRD]
OUTLETS = OutletIndex(
    [
        Outlet("Dawn", ("DAWN.COM",), ("dawn.com",), "PK", "newspaper"),
        Outlet("The Washington Post", ("Washington Post",), ("washingtonpost.com",), "US", "newspaper"),
    ]
)


def page(*lines: str):
    return with_outlet(parse_text("\n".join(lines), outlets=OUTLETS), OUTLETS)


def removed(parsed, rule: str) -> list[str]:
    return [removal.text for removal in parsed.removals if removal.rule == rule]


def test_menu_items_a_masthead_in_capitals_and_a_section_label_are_never_the_headline():
    parsed = page("Skip to content", "DAWN", "Home", "Pakistan", "World", "Business", "", "PAKISTAN",
                  "Pakistan, Iran agree to expand border trade", "Baqir Sajjad Syed", "Published January 18, 2024",
                  "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Pakistan, Iran agree to expand border trade"
    assert (parsed.outlet, parsed.byline, parsed.section) == ("Dawn", "Baqir Sajjad Syed", "PAKISTAN")
    assert parsed.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    ("line", "date", "byline"),
    [
        ("Published January 18, 2024 Updated about 2 hours ago", D(2024, 1, 18), ""),
        ("By Staff Reporter | Published January 18, 2024", D(2024, 1, 18), "Staff Reporter"),
        ("Posted on January 18, 2024 by Farah Qureshi", D(2024, 1, 18), "Farah Qureshi"),
        ("Jan 18, 2024 - 10:32 AM", D(2024, 1, 18), ""),
        ("Updated 18 Jan 2024 - 10:32", D(2024, 1, 18), ""),
        ("Published: Thursday, January 18, 2024 10:32 PKT", D(2024, 1, 18), ""),
        ("January 18, 2024 4:32 PM GMT+5Updated 2 hours ago", D(2024, 1, 18), ""),
        ("Thu 18 Jan 2024 10.32 GMT", D(2024, 1, 18), ""),
        ("January, 18, 2024 - 10:32", D(2024, 1, 18), ""),
        ("01/18/2024January 18, 2024", D(2024, 1, 18), ""),  # a hidden and a visible date, copied as one
        ("By GT staff reporters Published: Jan 18, 2024 09:12 PM", D(2024, 1, 18), "GT staff reporters"),
    ],
)
def test_date_lines_as_outlets_write_them_give_the_date_the_phrase_and_the_author(line, date, byline):
    parsed = page("Border trade to expand", line, "", *ARTICLE)
    assert parsed.published.date == date
    assert parsed.published_text and parsed.published_text in line
    assert parsed.byline == byline


def test_a_first_publication_date_wins_over_an_update_and_the_day_the_page_was_saved():
    parsed = page("Friday, January 19, 2024", "Home", "Border trade to expand", "Updated January 20, 2024",
                  "Published January 18, 2024", "", *ARTICLE)  # fmt: skip
    assert parsed.published.date == D(2024, 1, 18)


def test_figures_only_dates_are_read_day_first_unless_the_outlet_or_the_page_says_otherwise():
    assert page("Border trade to expand", "05/02/2024", "", *ARTICLE).published.date == D(2024, 2, 5)
    american = page("Border trade to expand", "05/02/2024", "", *ARTICLE, "© 2024 The Washington Post")
    assert american.published.date == D(2024, 5, 2)
    settled = page("Border trade to expand", "05/02/2024", "", *ARTICLE, "Comments", "Ali", "02/13/2024 10:11")
    assert settled.published.date == D(2024, 5, 2)  # 02/13 says this page writes the month first


def test_calls_to_follow_share_or_click_teasers_tags_comments_and_toolbars_are_furniture():
    parsed = page(
        "Border trade to expand", "By Baqir Sajjad Syed", "Print | Email | Share", "Facebook Twitter WhatsApp",
        LEAD, "Also read: Border markets bring relief to Makran's traders", SECOND,
        "Follow us on Google News", "Click here to read more stories like this", THIRD,
        "Tags: Pakistan, Iran, Trade", "Comments (12)", "Comments are moderated and generally will be posted if "
        "they are on-topic and not abusive.", "Rashid Mehmood", "Good move. Trade, not bullets, is what "
        "Balochistan needs and the people of the border have waited for.",
    )  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "related_links") == ["Also read: Border markets bring relief to Makran's traders"]
    assert removed(parsed, "call_to_action") == [
        "Follow us on Google News",
        "Click here to read more stories like this",
    ]
    assert removed(parsed, "tag_list") == ["Tags: Pakistan, Iran, Trade"]
    assert "Rashid Mehmood" in removed(parsed, "reader_comments")


def test_a_print_edition_footer_ends_the_article_and_gives_its_outlet_and_date():
    parsed = page("Border trade to expand", "", *ARTICLE, "Published in Dawn, January 18th, 2024",
                  "Most Popular", "1", "Rupee gains against dollar")  # fmt: skip
    assert (parsed.outlet, parsed.published.date) == ("Dawn", D(2024, 1, 18))
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "published_in") == ["Published in Dawn, January 18th, 2024"]


def test_a_standfirst_above_the_byline_and_one_above_a_dateline_are_kept_as_the_summary():
    above_byline = page("Border trade to expand", "Three more markets to open by March in Balochistan's border "
                        "districts", "By Baqir Sajjad Syed", "", *ARTICLE)  # fmt: skip
    assert above_byline.summary.startswith("Three more markets")
    above_dateline = page("Border trade to expand", "January 18, 2024", "Three more markets will open by March in "
                          "the border districts of Balochistan.", *ARTICLE)  # fmt: skip
    assert above_dateline.summary.startswith("Three more markets") and above_dateline.body.startswith("ISLAMABAD:")


def test_sentences_alone_among_labels_are_the_pages_notices_not_the_article():
    parsed = page("Border trade to expand", "Published: January 18, 2024", "Disclosure statement",
                  "The author receives funding from the Economic Research Council and has advised the government.",
                  "Partners", "View all partners", "", *ARTICLE)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_an_article_with_a_short_last_paragraph_keeps_it_but_not_the_sites_self_description_after_the_links():
    parsed = page("Border trade to expand", "", *ARTICLE, "Talks resume next week.", "Pakistan", "Iran",
                  "Trade", "Balochistan", "Events", "Write an article and join a growing community of more than "
                  "186,500 academics and researchers.")  # fmt: skip
    assert parsed.body.endswith("Talks resume next week.")
    assert "Write an article" not in parsed.body


def test_a_caption_with_its_credit_on_the_next_line_is_kept_apart():
    parsed = page("Border trade to expand", "By Asma Zaidi", "Trucks wait at the Taftan crossing on Monday.",
                  "AFP/Getty Images/File", *ARTICLE)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "photo_caption") == [
        "Trucks wait at the Taftan crossing on Monday.",
        "AFP/Getty Images/File",
    ]


@pytest.mark.parametrize(
    ("line", "byline", "rest"),
    [
        ("By: Hussein Al-Moussawi Wednesday 24 January 2024 - 09:15 1,284 views", "Hussein Al-Moussawi", ""),
        ("Date: 07/03/2025 Time: 11:14 AM", "", ""),
    ],
)
def test_a_date_line_gives_its_author_but_never_a_counter_or_a_label_as_a_name(line, byline, rest):
    statement = read_date_statement(line)
    assert (statement.byline, statement.rest) == (byline, rest)


def test_a_qa_whose_answers_open_with_their_speaker_keeps_its_questions_and_a_catalogue_field_is_no_standfirst():
    answer = "Bakri: Geography, mostly. Kordofan sits between the two armies' strongholds and its roads link them."
    again = "Bakri: It is dire and largely invisible. Aid agencies have almost no access to large parts of it."
    parsed = page("Why is fighting spreading across Kordofan?",
                  "Thursday, February 22, 2024 / BY: Nadia Hassan Bakri, Ph.D.; Thomas Whitcomb",
                  "Publication Type: Analysis and Commentary", "", LEAD, "", "Why has Kordofan become a new front?",
                  answer, "", "What is the humanitarian situation?", again)  # fmt: skip
    assert parsed.byline == "Nadia Hassan Bakri and Thomas Whitcomb"
    assert parsed.summary == "" and str(parsed.published.date) == "2024-02-22"
    assert parsed.body.split("\n\n") == [LEAD, "Why has Kordofan become a new front?", answer,
                                          "What is the humanitarian situation?", again]  # fmt: skip


def test_the_sentence_above_a_dateline_naming_a_news_agency_in_words_is_the_standfirst():
    deck = "The Tehran Municipality on Thursday put 150 new electric buses into service, the largest in a decade."
    lead = "Tehran, IRIB News Agency - Tehran's mayor attended a ceremony at Azadi Square where the buses were shown."
    caption = "Electric buses at Azadi Square. Photo: IRIB News / Ali Rezaei"
    parsed = page(
        "Tehran adds 150 electric buses", "", "11:26 - 14 March 2024", "", deck, "", caption, "", lead, "", SECOND
    )
    assert (parsed.summary, parsed.body.split("\n\n")[0]) == (deck, lead)


def test_a_short_paragraph_quoted_again_keeps_its_place_and_a_last_paragraph_signed_by_dpa_stays():
    short = "Shipowners do not need heroics. They need a timetable."
    parsed = page("Border trade to expand", "January 18, 2024", "", LEAD, "", f"“{short}”", "", SECOND, "", short)
    assert parsed.body.split("\n\n") == [LEAD, SECOND, short]
    last = "The suspects are due to appear before an investigating judge on Friday. - dpa"
    signed = page("Border trade to expand", "January 18, 2024", "", LEAD, "", SECOND, "", last, "", "Related", "Topics")
    assert signed.body.endswith("on Friday. - dpa")


def test_a_date_in_figures_alone_or_beside_the_source_under_the_byline_is_the_publication_date():
    figures = page("Policy rate kept at 13%", "26.01.2024 14:35", "", *ARTICLE)
    assert str(figures.published.date) == "2024-01-26"
    sourced = page("CPEC's second decade", "", "By Li Wenjing", "Source: China.org.cn | March 12, 2024", "", *ARTICLE)
    assert (str(sourced.published.date), sourced.byline) == ("2024-03-12", "Li Wenjing")


def test_a_kicker_ending_with_a_colon_above_the_headline_is_never_the_headline():
    parsed = page("Economy", "Feb 5, 2025, 4:12 PM", "", "Energy minister in Yerevan:",
                  "Iran, Armenia agree to extend gas-for-electricity swap until 2030", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Iran, Armenia agree to extend gas-for-electricity swap until 2030"


def test_an_agencys_sign_off_codes_and_a_file_photo_note_are_never_the_byline():
    lead = "New Delhi, Sep 23 (PTI) The Supreme Court on Monday asked the Centre."
    agency = page("SC seeks reply on vacancies", lead, SECOND, "", "PTI ABA ABA RC")
    assert agency.byline == "" and removed(agency, "agency_code") == ["PTI ABA ABA RC"]
    photo = page("India win the hockey cup", "November 14, 2024", "", "File Photo", "", *ARTICLE)
    assert (photo.byline, photo.body) == ("", "\n\n".join(ARTICLE))


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("Published January 18, 2024 Updated January 19, 2024", D(2024, 1, 18), D(2024, 1, 19)),
        ("Last Update: Thursday, 18 January 2024 10:32 AM", None, D(2024, 1, 18)),
    ],
)
def test_a_date_line_tells_publication_from_update(line, published, updated):
    statement = read_date_statement(line)
    assert (statement.published and statement.published.date, statement.updated and statement.updated.date) == (
        published,
        updated,
    )


def test_the_date_readers_are_compared_on_date_lines_as_outlets_print_them():
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("measure_date_readers", "--repeat", "1", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("archive (read_date_statement)") and " 45 of 45 right" in lines[1]
    assert [line.split()[0] for line in lines[2:]] == ["dateparser.parse", "dateparser"]


def test_an_html_page_without_a_headline_element_takes_the_markups_title_without_the_sites_name():
    from articles.html_pages import parse_html

    html = (
        '<html lang="en"><head><title>Border trade to expand – The Makran Observer</title>'
        '<meta property="og:site_name" content="The Makran Observer"></head><body>'
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + "</body></html>"
    )
    parsed = parse_html(html, what="HTML")
    assert (parsed.title, parsed.outlet) == ("Border trade to expand", "The Makran Observer")
    assert parsed.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Jane Doe, Senior Correspondent", "Jane Doe"),
        ("Aarati Dahal | Kathmandu", "Aarati Dahal"),
        ("Humza Qureshi in Karachi and Eleanor Whitby in London", "Humza Qureshi and Eleanor Whitby"),
        ("The Hindu Bureau", "The Hindu Bureau"),
        ("From our correspondent", "From our correspondent"),
        ("By MUNIR AHMED and RIAZ KHAN Associated Press", "MUNIR AHMED and RIAZ KHAN"),
        ("Jonas Brandt | Kathrin Wessel with Reuters, dpa", "Jonas Brandt and Kathrin Wessel"),
        ("Lim Jia Hui Tech Correspondent", "Lim Jia Hui"),
        ("Asma Zaidi, New Delhi", "Asma Zaidi"),
        ("Dhruv Mehra & Ananya Iyer New Delhi", "Dhruv Mehra & Ananya Iyer"),
        ("Denzel Mark Washington", "Denzel Mark Washington"),  # a surname, not the bureau
        (
            "By Owen Hartley, a contributing editor at Foreign Policy, and Mahnoor Qureshi, a journalist based in "
            "Lahore.",
            "Owen Hartley and Mahnoor Qureshi",
        ),
    ],
)
def test_bylines_as_outlets_print_them_give_the_authors_only(byline, author):
    outlets = OutletIndex([Outlet("Associated Press", ("AP",), ("apnews.com",), "US", "agency")])
    parsed = parse_text(
        "\n".join(["Border trade to expand", byline, "January 18, 2024", "", *ARTICLE]), outlets=outlets
    )
    assert parsed.byline == author


def test_a_sentence_opening_with_by_is_never_a_byline_however_many_asides_it_has():
    opening = "By Tuesday, the fires, a threat to three districts, had spread to the border, officials said."
    parsed = page("Border fires spread", "January 18, 2024", "", opening, SECOND, THIRD)
    assert parsed.body == "\n\n".join([opening, SECOND, THIRD]) and parsed.byline == ""


def test_the_author_between_the_headline_and_the_standfirst_is_the_byline():
    parsed = page("Opinion", "Border trade could change Balochistan. The talks may be the best thing for it",
                  "Marcus Ellery", "Pakistan and Iran have agreed to open three more markets, and the manner of the "
                  "deal asks questions both capitals have dodged for years", "Thu 18 Jan 2024 07.00 GMT", "",
                  *ARTICLE)  # fmt: skip
    assert parsed.title.startswith("Border trade could change Balochistan")
    assert parsed.byline == "Marcus Ellery" and parsed.summary.startswith("Pakistan and Iran have agreed")


def test_a_breadcrumb_and_an_editor_credit_are_never_the_headline():
    parsed = page("Home / Economy / News", "Border trade to expand", "Editor: huaxia", "2024-01-18 17:30:46", "",
                  *ARTICLE)  # fmt: skip
    assert parsed.title == "Border trade to expand" and parsed.published.date == D(2024, 1, 18)


def test_a_teasers_title_a_players_title_and_a_promotion_box_inside_the_article_are_furniture():
    parsed = page("Border trade to expand", "January 18, 2024", "", LEAD,
                  "Why Pakistan's border markets keep closing", "Read more »", SECOND,
                  "Trade on the Makran coast explained",
                  "To view this video please enable JavaScript, and consider upgrading to a web browser",
                  "Dawn Premium", "Get the latest analysis from Dawn's editors with a premium subscription.",
                  "Learn more", THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_the_outlet_describing_itself_after_the_last_paragraph_is_furniture_but_news_about_an_outlet_is_not():
    notice = "Dawn delivers independent coverage of Pakistan and the region to readers across the world."
    parsed = page("Border trade to expand", "January 18, 2024", "", *ARTICLE, notice)
    assert parsed.body == "\n\n".join(ARTICLE)
    news = "Dawn is the target of a new advertising ban in two provinces, its editor said on Thursday."
    parsed = page("Border trade to expand", "January 18, 2024", "", *ARTICLE, news)
    assert parsed.body.endswith(news)


def html_article(above: str, below: str = ""):
    """An HTML page of the article, its paragraphs each a `<p>`, with the markup above and below them."""
    return html_page(above + "".join(f"<p>{line}</p>" for line in ARTICLE) + below)


def test_a_byline_in_an_element_whose_class_also_says_share_is_still_the_byline():
    parsed = html_article(
        "<h1>Border trade to expand</h1>"
        '<div class="author_share"><div class="author_share_left"><span>By Asma Zaidi</span> '
        "<span>Published: Jan 18, 2024 09:12 PM</span></div>"
        '<div class="author_share_right"><a class="share_facebook">Facebook</a> <a>X</a> <a>Weibo</a></div></div>'
    )
    assert (parsed.byline, parsed.published.date) == ("Asma Zaidi", D(2024, 1, 18))
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_consent_banner_named_so_only_in_its_id_is_furniture_and_the_article_starts_after_it():
    parsed = html_article(
        '<div id="onetrust-banner-sdk" class="otFlat"><p id="onetrust-policy-text">Your choices matter. '
        "Precise location, device scanning and measurement help us improve what you see here.</p>"
        "<button>Accept all</button></div><h1>Border trade to expand</h1><p>By Asma Zaidi</p>"
    )
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "cookie_notice")[0].startswith("Your choices matter.")


@pytest.mark.parametrize(
    ("line", "published", "time"),
    [
        ("Published: 18 January ,2024: 11:37 AM GST", D(2024, 1, 18), datetime.time(11, 37)),  # Al Arabiya
        ("Published On 12 Nov 202412 Nov 2024", D(2024, 11, 12), None),  # Al Jazeera's two dates copied as one
        ("January 7, 2024 · 8 min", D(2024, 1, 7), None),  # Hugo's reading time beside the day
        (
            "Published on January 18, 2024, at 7:15 pm (Paris), updated at 8:02 pm",
            D(2024, 1, 18),
            datetime.time(19, 15),
        ),
        ("Posted: Jan 18, 2024 4:00 AM EST | Last Updated: January 18", D(2024, 1, 18), datetime.time(4, 0)),
    ],
)
def test_dates_with_a_comma_before_the_year_at_before_the_time_or_an_update_without_a_year(line, published, time):
    statement = read_date_statement(line)
    assert (statement.published.date, statement.published.time) == (published, time)
    assert "Updated" not in statement.rest


def test_a_headline_under_its_date_line_and_above_its_byline_is_the_headline_not_a_standfirst():
    headline = "Border trade is paying the price for the closures. Here's how both capitals can help."
    parsed = page("Atlantic Council", "Programs", "Experts", "", "MENASource", "January 18, 2024", headline,
                  "By Karim Haddad and Laura Whitmore", "Share", "", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.summary, parsed.byline) == (headline, "", "Karim Haddad and Laura Whitmore")
    assert parsed.published.date == D(2024, 1, 18)


def test_cards_of_other_stories_below_the_article_are_furniture_but_its_own_date_at_its_foot_is_read():
    parsed = page("Border trade to expand", "By Asma Zaidi", "", *ARTICLE, "Further reading",
                  "Related Experts: Asma Zaidi", "Related content", "Trade",
                  "Jan 12, 2024", "Why the border markets matter. What comes next matters more.", "By Staff experts",
                  "Jan 8, 2024", "Experts react: can three markets revive trade?", "By Staff experts",
                  "First Published: January 18, 2024")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert parsed.published.date == D(2024, 1, 18)
    assert "Why the border markets matter. What comes next matters more." in removed(parsed, "related_links")


def test_a_line_that_is_only_a_date_inside_the_article_takes_no_text_with_it():
    """Without a card's `By` line a date-only line is no card's: it goes alone (a live page's update, or the
    article's own date under a header that was not found), and the text after it stays."""
    parsed = page("Border trade to expand", "By Asma Zaidi", "", LEAD, SECOND, "Jan 12, 2024", THIRD)
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "date_line") == ["Jan 12, 2024"]


def test_a_name_beside_the_outlet_on_the_date_line_is_the_byline_and_social_sharing_is_a_share_bar():
    outlets = OutletIndex([Outlet("CBC News", ("CBC",), ("cbc.ca",), "CA", "broadcaster")])
    text = "\n".join(["CBC", "Politics", "Analysis", "Border trade is no longer really about trade",
                      "As markets open, both governments are losing an argument they thought they had won", "",
                      "Marie-Claude Tremblay · CBC News · Posted: Jan 18, 2024 4:00 AM EST | Last Updated: January 18",
                      "Social Sharing", *ARTICLE])  # fmt: skip
    parsed = with_outlet(parse_text(text, outlets=outlets), outlets)
    assert (parsed.byline, parsed.outlet, parsed.published.date) == (
        "Marie-Claude Tremblay",
        "CBC News",
        D(2024, 1, 18),
    )
    assert parsed.body == "\n\n".join(ARTICLE)


def test_an_age_notice_and_skip_links_are_never_the_headline_or_the_outlet():
    parsed = page("Skip to sections navigation", "Skip to footer", "Dawn", "Pakistan", "Trade",
                  "This was published 1 year ago", "Border trade to expand", "By Asma Zaidi",
                  "January 18, 2024 — 5.00am", "", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.outlet) == ("Border trade to expand", "Dawn")
    assert removed(parsed, "age_notice") == ["This was published 1 year ago"]


def test_a_deck_under_the_headline_is_the_standfirst_even_when_shorter_and_a_place_line_between_them_is_skipped():
    headline = "Medical professors to submit mass resignations as the trainee doctors' walkout enters a fifth week"
    deck = "Government says quota increase 'not up for negotiation'"
    parsed = page("Dawn", "Pakistan", "", "National", headline, deck, "By Asma Zaidi", "January 18, 2024", "", *ARTICLE)
    assert (parsed.title, parsed.summary) == (headline, deck)
    lede = "Annual consumer inflation rose for a third consecutive month in February, exceeding expectations."
    parsed = page("Dawn", "Economy", "", "Inflation climbs to 67 percent in February", "ANKARA", lede,
                  "January 18, 2024 10:21:00", "Share", "", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.summary) == ("Inflation climbs to 67 percent in February", lede)


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("WRITER: Thanadol Pongsuwan and Online Reporters", "Thanadol Pongsuwan and Online Reporters"),
        ("By Harriet Calloway Follow and Daniel Kessler Follow", "Harriet Calloway and Daniel Kessler"),
    ],
)
def test_bylines_with_a_writer_label_a_desk_as_co_author_and_follow_buttons(line, byline):
    parsed = page("Border trade to expand", "January 18, 2024", line, "", *ARTICLE)
    assert parsed.byline == byline


def test_a_label_saying_what_kind_of_piece_is_by_the_name_under_it_is_no_author():
    parsed = page("Border trade to expand", "January 18, 2024", "Commentary By", "Asma Zaidi", "", *ARTICLE)
    assert parsed.byline == "Asma Zaidi"


def test_the_same_brand_in_two_countries_is_told_apart_by_the_pages_domain():
    outlets = OutletIndex([
        Outlet("ABC News", (), ("abcnews.go.com",), "US", "broadcaster"),
        Outlet("Australian Broadcasting Corporation", ("ABC News Australia",), ("abc.net.au",), "AU", "broadcaster"),
    ])  # fmt: skip
    from articles.html_pages import parse_html

    def outlet_of(url: str) -> str:
        html = (
            f'<html><head><meta property="og:site_name" content="ABC News"><meta property="og:url" content="{url}">'
            "</head><body><h1>Unemployment rises to 4.1 per cent</h1><p>By Nadia Kovac</p><p>January 18, 2024</p>"
            + "".join(f"<p>{line}</p>" for line in ARTICLE)
            + "</body></html>"
        )
        return with_outlet(parse_html(html, what="HTML", outlets=outlets), outlets).outlet

    assert outlet_of("https://www.abc.net.au/news/2024-01-18/jobs/103469122") == "Australian Broadcasting Corporation"
    assert outlet_of("https://abcnews.go.com/Business/jobs/story?id=1") == "ABC News"


@pytest.mark.parametrize(
    ("lines", "byline"),
    [
        (
            ["Asma Zaidi, Aoife Kennedy and Seán Mac Giolla", "January 18, 2024"],
            "Asma Zaidi, Aoife Kennedy and Seán Mac Giolla",
        ),
        (["Asma Zaidi", "Senior Political Journalist", "Published 18 Jan 2024"], "Asma Zaidi"),
        (["Asma Zaidi", "Special to Dawn", "Published January 18, 2024"], "Asma Zaidi"),
    ],
)
def test_a_list_of_three_authors_and_a_role_or_special_to_line_under_a_name(lines, byline):
    parsed = page("Dawn", "Opinion", "", "Border trade to expand", *lines, "", *ARTICLE)
    assert (parsed.title, parsed.byline) == ("Border trade to expand", byline)


def test_a_desk_in_the_dateline_is_the_author_and_an_outlets_sign_off_ends_the_last_paragraph():
    lead = "ISLAMABAD (Web Desk) – " + LEAD.removeprefix("ISLAMABAD: ")
    last = THIRD + " – Rappler.com"
    parsed = page(
        "Border trade to expand", "January 18, 2024", "", lead, SECOND, last, "", "How does this make you feel?"
    )
    assert parsed.byline == "Web Desk"
    assert parsed.body == "\n\n".join([lead, SECOND, last])


def test_a_box_of_key_points_above_the_article_is_furniture_and_the_article_after_it_is_kept():
    points = ["The two sides will open three more border markets.", "A trade committee will meet again."]
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "",
                  "This is AI generated summarization, which may have errors.", *points, "", *ARTICLE)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "key_points") == ["This is AI generated summarization, which may have errors.", *points]


def test_a_key_points_heading_over_a_list_is_furniture_and_a_section_heading_in_capitals_names_nobody():
    points = ["The two sides will open three more border markets.", "A trade committee will meet again soon."]
    parsed = html_page("<h1>Border trade to expand</h1><p>Report from OCHA</p><p>Posted 18 Jan 2024</p>"
                       + "<div><h3>HIGHLIGHTS</h3><ul>" + "".join(f"<li>{point}</li>" for point in points) + "</ul>"
                       + "<h3>SITUATION OVERVIEW</h3>" + paragraphs(*ARTICLE) + "</div>")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "key_points") == ["HIGHLIGHTS", *points]
    assert parsed.byline == "OCHA"  # not the heading in capitals over the report's text
    box = "".join(f"<p>{point}</p>" for point in points)
    takeaways = html_page("<h1>Border trade to expand</h1><p>January 18, 2024</p><div class='key-takeaways'>"
                          + box + "</div>" + paragraphs(*ARTICLE))  # fmt: skip
    assert takeaways.body == "\n\n".join(ARTICLE)


def test_a_key_points_box_in_markup_is_furniture():
    from articles.html_pages import parse_html

    html = (
        "<html><body><h1>Border trade to expand</h1><p>By Asma Zaidi</p><p>January 18, 2024</p>"
        '<div class="KeyPoints_keyPoints__3e7Yb"><h2>In short:</h2>'
        "<p>The two sides will open three more border markets.</p><h2>What's next?</h2>"
        "<p>A trade committee will meet again in February.</p></div>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + "</body></html>"
    )
    assert parse_html(html, what="HTML").body == "\n\n".join(ARTICLE)


def test_a_membership_box_and_an_also_read_box_in_markup_are_furniture():
    from articles.html_pages import parse_html

    html = (
        "<html><body><h1>Border trade to expand</h1><p>By Asma Zaidi</p><p>January 18, 2024</p>"
        + f"<p>{LEAD}</p>"
        + '<div class="also-read"><span>Related</span><a href="/x">Markets reopen at Taftan</a></div>'
        + f"<p>{SECOND}</p><p>{THIRD}</p>"
        + '<div class="community-box"><h3>Join our Community</h3><p>You are a dedicated reader</p>'
        "<p>We are really pleased that you have read 10 of our articles in the past month.</p></div>"
        "</body></html>"
    )
    assert parse_html(html, what="HTML").body == "\n\n".join(ARTICLE)


def test_tags_between_the_last_paragraph_and_the_authors_note_are_furniture():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE,
                  "Trade", "Border markets", "Asma Zaidi is the trade reporter for Dawn.")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert parsed.author_bio == "Asma Zaidi is the trade reporter for Dawn."


def test_a_caption_above_a_photographers_credit_line_is_furniture_but_a_by_line_with_a_slash_is_the_byline():
    parsed = page("Border trade to expand", "By RFE/RL's Radio Mashaal", "January 18, 2024", "",
                  "MARKETS. Traders wait at the Taftan crossing on January 16, 2024.", "Angie de Silva/Rappler",
                  *ARTICLE)  # fmt: skip
    assert parsed.byline == "RFE/RL's Radio Mashaal"
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_pen_name_note_and_a_translators_credit_after_the_article_are_furniture():
    note = "Zahra Mousavi is the pen name of an Afghan educator who taught at a girls' school in Kabul until 2021."
    credit = "This article was originally published in French in L'Orient-Le Jour. Translation by Joelle Khoury."
    parsed = page("Border trade to expand", "By Zahra Mousavi", "January 18, 2024", "", *ARTICLE, note, credit)
    assert parsed.body == "\n\n".join(ARTICLE)
    assert parsed.author_bio == note


def test_a_day_month_year_date_with_slashes_and_an_editor_after_the_reporter():
    assert read_date_statement("12/Apr/2024").published.date == D(2024, 4, 12)
    parsed = page("Border trade to expand", "Reported by Asma Zaidi, Edited by Anindita Sanyal",
                  "Updated: January 18, 2024", "", *ARTICLE)  # fmt: skip
    assert parsed.byline == "Asma Zaidi"


def test_the_reporter_under_the_article_when_the_outlet_credits_itself_above_it():
    outlets = OutletIndex([Outlet("TOLOnews", (), ("tolonews.com",), "AF", "broadcaster")])
    lines = ["TOLOnews", "Business", "Border trade to expand", "TOLOnews", "Tuesday, 19 March 2024 18:25", "",
             *ARTICLE, "", "Hasibullah Noori", "", "Related News", "Markets reopen at Torkham"]  # fmt: skip
    text = "\n".join(lines)
    parsed = with_outlet(parse_text(text, outlets=outlets), outlets)
    assert (parsed.outlet, parsed.byline) == ("TOLOnews", "Hasibullah Noori")


def test_an_agency_in_the_dateline_is_the_author_unless_it_is_the_outlet_itself():
    outlets = OutletIndex([
        Outlet("Associated Press of Pakistan", ("APP",), ("app.com.pk",), "PK", "agency"),
        Outlet("Daily Times", (), ("dailytimes.com.pk",), "PK", "newspaper"),
    ])  # fmt: skip
    lead = "KARACHI (APP) – " + LEAD.removeprefix("ISLAMABAD: ")
    text = "\n".join(["Daily Times", "Border trade to expand", "January 18, 2024", "", lead, SECOND, THIRD])
    assert with_outlet(parse_text(text, outlets=outlets), outlets).byline == "APP"
    text = text.replace("Daily Times", "APP")
    assert with_outlet(parse_text(text, outlets=outlets), outlets).byline == ""


def test_two_authors_each_with_a_role_joined_by_an_and_line_and_a_person_over_an_acronym():
    parsed = page("Border trade to expand", "26 September 2024", "Amber Whitlock", "Pakistan correspondent", "and",
                  "Zubair Ahmed", "BBC Urdu, Multan", "", "Image caption, Traders wait at the Taftan crossing",
                  *ARTICLE)  # fmt: skip
    assert parsed.byline == "Amber Whitlock and Zubair Ahmed"
    assert parsed.body == "\n\n".join(ARTICLE)
    parsed = page("Border trade to expand", "By RSIS", "November 6, 2024", "", "By Aditi Malhotra and Kevin Lim",
                  *ARTICLE)  # fmt: skip
    assert parsed.byline == "Aditi Malhotra and Kevin Lim"


def test_a_newsletters_description_above_the_post_is_not_its_first_paragraph():
    parsed = page("Steppe Dispatch", "Subscribe", "Central Asia, explained. Politics, money and power from Almaty to "
                  "Ashgabat, every Wednesday.", "Over 4,000 subscribers", "Subscribe",
                  "Border trade to expand", "Dina Serikbayeva", "Oct 9, 2024", "Share", *ARTICLE,
                  "Thanks for reading Steppe Dispatch! Subscribe for free to receive new posts.", "Subscribe",
                  "Continue Reading")  # fmt: skip
    assert (parsed.title, parsed.byline, parsed.published.date) == (
        "Border trade to expand",
        "Dina Serikbayeva",
        D(2024, 10, 9),
    )
    assert parsed.body == "\n\n".join(ARTICLE)
    assert parsed.outlet == "Steppe Dispatch"  # its masthead, confirmed by its sign-off


def test_a_subheading_between_paragraphs_is_furniture_but_an_interviewers_question_is_text():
    question = "What is Pakistan doing and why now?"
    parsed = page("Border trade to expand", "Q&A", "By Asma Zaidi", "January 18, 2024", "", LEAD, "Deeper in debt",
                  SECOND, "Where Could Compromise Lie?", THIRD, question, LEAD.removeprefix("ISLAMABAD: "))  # fmt: skip
    assert removed(parsed, "subheading") == ["Deeper in debt", "Where Could Compromise Lie?"]
    assert question in parsed.body.split("\n\n")


def test_an_explainers_questions_are_its_subheadings_unless_the_page_is_an_interview():
    explainer = page("Why is Lahore's air so bad?", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                     "What is causing the smog?", SECOND, "How did the lynx come back from the brink?", THIRD,
                     "- 'Nowhere to go' -", LEAD.removeprefix("ISLAMABAD: "))  # fmt: skip
    assert removed(explainer, "subheading") == [
        "What is causing the smog?",
        "How did the lynx come back from the brink?",
        "- 'Nowhere to go' -",  # AFP's subheading
    ]
    asked = page("Border trade to expand", "Interview by Nasrin Jafari", "January 18, 2024", "", LEAD,
                 "What is causing the smog?", SECOND, "Q: Is there still room for a compromise?", THIRD)  # fmt: skip
    assert "What is causing the smog?" in asked.body.split("\n\n")
    labelled = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                    "Q: Is there still room for a compromise?", SECOND)  # fmt: skip
    assert "Q: Is there still room for a compromise?" in labelled.body.split("\n\n")


def test_a_writers_question_to_the_reader_is_text_when_turned_with_an_aside_or_set_as_a_paragraph():
    aside = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                 "What, then, would work?", SECOND, "What is causing the smog?", THIRD, "Who pays?",
                 LEAD.removeprefix("ISLAMABAD: "))  # fmt: skip
    assert "What, then, would work?" in aside.body.split("\n\n")
    assert removed(aside, "subheading") == ["What is causing the smog?", "Who pays?"]

    from articles.html_pages import parse_html

    html = (
        "<html><body><h1>Border trade to expand</h1><p>By Asma Zaidi</p><p>January 18, 2024</p>"
        f"<p>{LEAD}</p><p>Will the traders actually come?</p><p>{SECOND}</p><h2>What is causing the smog?</h2>"
        f"<p>{THIRD}</p><p><strong>Who pays for the floods?</strong></p><p>{LEAD.removeprefix('ISLAMABAD: ')}</p>"
        "</body></html>"
    )
    parsed = parse_html(html, what="HTML")
    assert "Will the traders actually come?" in parsed.body.split("\n\n")  # a paragraph of the text
    assert removed(parsed, "subheading") == ["What is causing the smog?", "Who pays for the floods?"]
    shouted = html_article(
        "<h1>Border trade to expand</h1>", f"<p>WHO PAYS?</p><p>{LEAD.removeprefix('ISLAMABAD: ')}</p>"
    )
    assert removed(shouted, "subheading") == ["WHO PAYS?"]  # Reuters' subheading, set as a paragraph


def test_an_agencys_notes_on_its_reporters_by_surname_and_a_divider_close_its_story():
    parsed = wire_page("Border trade to expand", "By KAVEH ROSTAMI and JULIA MERRIN", "January 18, 2024", "",
                       *ARTICLE, "___", "Merrin reported from Dubai, United Arab Emirates.", "KAVEH ROSTAMI",
                       "Rostami covers Iran and its economy for The Associated Press from Tehran.", "JULIA MERRIN",
                       "Merrin is a Dubai-based correspondent for The Associated Press covering the Gulf.")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "separator") == ["___"]
    assert removed(parsed, "wire_credits") == ["Merrin reported from Dubai, United Arab Emirates."]
    assert len(removed(parsed, "author_bio")) == 2
    assert parsed.article_type == "news"  # a staff reporter's note makes no opinion
    named = wire_page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE,
                      "Khan reported from Quetta.")  # fmt: skip
    assert named.body.endswith("Khan reported from Quetta.")  # not a credited reporter: the article's own line


@pytest.mark.parametrize(
    "caption",
    [
        "Voters at a polling station in Almaty, Kazakhstan, on October 6, 2024.",
        "Supporters of a political party attend an election campaign rally in Lahore, Pakistan, January 12, 2024.",
        "Smoke rises over the port of Hodeidah, Yemen, after Israeli airstrikes on May 5, 2025. (Reuters)",
        "Women mourn a victim of the attack during his funeral in Jammu on Wednesday",
        "Kites for sale at a shop near Mochi Gate, January 2024.",
        "Residents of Kok-Oi block a road leading to the mine in Talas region on May 30.",  # a day without its year
        "Workers unload sand from a barge on the Hau River near Can Tho, Vietnam, Sept. 14, 2023.",  # `Can`: a name
        "File photo shows a border crossing between Iran and Pakistan in Mirjaveh, southeastern Iran.",
        "This picture taken on March 3, 2024 shows the port of Chabahar.",
    ],
)
def test_a_photo_caption_without_a_credit_is_a_scene_closed_by_its_day(caption):
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, caption, SECOND, THIRD)
    assert removed(parsed, "photo_caption") == [caption]
    assert parsed.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Traders wait at the Taftan crossing as the gate stays shut.", "Credit: Facebook/Balochistan Levies"),
        ("Empty stalls at the border market in Mand after the closure.", "Marcus Reilly—Bloomberg via Getty Images"),
    ],
)
def test_a_sentence_right_above_its_photo_credit_under_the_date_is_the_caption(caption, credit):
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", caption, credit, "", *ARTICLE)
    assert removed(parsed, "photo_caption") == [caption, credit]
    assert parsed.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    "sentence",
    [
        "TEHRAN (Tasnim) – Iran’s freestyle wrestling team won the title in Amman, Jordan, on Sunday.",
        "The new crossing opened to traffic at Gabd in Balochistan on January 12, 2024.",
        "“We are ready,” the minister said in Quetta on May 25, 2024.",
        "The two sides will meet again in Tehran on Monday.",
        "People who queue for tankers in March tend to remember it in May.",
        "Pakistan beat New Zealand by 60 runs in the opening match in Karachi on Wednesday.",
        "An earthquake struck northern Afghanistan on Tuesday, January 7, 2025.",
        "The State Bank policy rate stood at 12pc in May 2025.",
        "Footage of the attack shows gunmen entering the compound, police said.",
        "Those questions deserve attention now, before the summer shipping season begins in July.",
    ],
)
def test_a_sentence_of_a_report_that_ends_with_a_day_is_no_caption(sentence):
    from articles.furniture import is_scene_caption

    assert not is_scene_caption(sentence)


def test_an_appeal_to_readers_is_taken_with_the_lines_of_its_block_but_the_articles_closing_we_stays():
    closing = "We must act now, and we must act together, if our rivers are to survive."
    text = "\n".join(["Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "", SECOND, "",
                     closing, "",
                     "Support PREMIUM TIMES' journalism of integrity and credibility",
                     "At Premium Times, we firmly believe in the importance of high-quality journalism.",
                     "Whether you turn to Premium Times for daily updates or investigations, we value your readership.",
                     "Would you consider supporting us with a modest contribution on a monthly basis?",
                     "Thank you for being part of our community.", "", "More stories"])  # fmt: skip
    parsed = with_outlet(parse_text(text, outlets=OUTLETS), OUTLETS)
    assert parsed.body == "\n\n".join([LEAD, SECOND, closing])
    assert len(removed(parsed, "support_request")) == 5


def test_a_closing_paragraph_its_agency_signs_stays_in_the_article():
    signed = "The heatwave is forecast to continue into next week. — Agence France-Presse"
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE, signed,
                  "Philstar.com is a community of readers. Sign up now!")  # fmt: skip
    assert parsed.body.endswith(signed)


def test_key_points_written_as_headlines_and_tags_in_lower_case_are_furniture():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", "Highlights",
                  "Total remittances to Pakistan hit $38.3 billion", "UAE second-largest source after Saudi Arabia",
                  "", *ARTICLE, "climate change disaster management himalayas sikkim")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert len(removed(parsed, "key_points")) == 3


def test_comments_in_the_markup_are_not_text_and_do_not_stop_the_page():
    from articles.html_pages import parse_html

    html = ("<html><body><h1>Border trade to expand</h1><p>January 18, 2024</p><div><!-- ad slot --><p>"
            + "</p><p>".join(ARTICLE) + "</p><?php echo 1; ?></div></body></html>")  # fmt: skip
    assert parse_html(html, what="HTML").body == "\n\n".join(ARTICLE)


def test_an_agencys_story_on_a_site_that_names_itself_belongs_to_the_site():
    from articles.html_pages import parse_html

    outlets = OutletIndex([Outlet("Agence France-Presse", ("AFP",), ("afp.com",), "FR", "agency")])
    html = (
        '<html><head><meta property="og:site_name" content="Barron\'s"></head><body><p>AFP</p>'
        "<h1>Border trade to expand</h1><p>By AFP - Agence France Presse</p><p>January 18, 2024</p>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + "<p>© 2024 AFP</p></body></html>"
    )
    parsed = with_outlet(parse_html(html, what="HTML", outlets=outlets), outlets)
    assert parsed.outlet == "Barron's"


def test_a_translators_credit_above_the_article_does_not_end_it():
    parsed = page("Border trade to expand", "By Kourosh Farzad", "January 18, 2024", "Translated by Parisa Nouri",
                  "", *ARTICLE)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    ("lines", "byline"),
    [
        (["Amber Whitlock", "Pakistan correspondent", "26 September 2024"], "Amber Whitlock"),
        (["Amber Whitlock", "Pakistan Correspondent", "Published 26 September 2024"], "Amber Whitlock"),
        (["Amber Whitlock | Pakistan correspondent", "Published 26 September 2024"], "Amber Whitlock"),
        (["Islamabad correspondent", "January 18, 2024"], "Islamabad correspondent"),
        (["Published 20 May 2025 06:00 AEST", "Losana Vuki", "James Harcourt", "Share"],
         "Losana Vuki and James Harcourt"),
        (["Connor Mak", "+ FOLLOW", "and", "Wing Ka-yan", "+ FOLLOW", "Published: 7:00am, 23 Mar 2025"],
         "Connor Mak and Wing Ka-yan"),
        (["Date", "April 9, 2025", "Authors", "Kyle Ashworth", "Senior Fellow and Director, Southeast Asia Program",
          "Nguyen Thu Ha", "Research Analyst, Southeast Asia Program, and Project Lead, Mekong Dam Monitor",
          "Program", "Southeast Asia"], "Kyle Ashworth and Nguyen Thu Ha"),
    ],
)  # fmt: skip
def test_a_role_under_a_name_is_no_author_and_names_one_a_line_are_all_authors(lines, byline):
    parsed = page("Dawn", "Home", "", "Border trade to expand in the west", *lines, "", *ARTICLE)
    assert (parsed.title, parsed.byline) == ("Border trade to expand in the west", byline)


def test_a_headline_in_title_case_may_end_with_a_full_stop_above_a_longer_standfirst():
    headline = "Upstream Dams Held Back the Mekong's Flows Again. Data Sharing Is Overdue."
    deck = "Satellite monitoring shows reservoirs in China and Laos stored water through March, even as farmers waited."
    parsed = page("Stimson Center", "Donate", "", "Commentary", headline, deck, "Date", "April 9, 2025", "", *ARTICLE)
    assert (parsed.title, parsed.summary, parsed.published.date) == (headline, deck, D(2025, 4, 9))
    assert parsed.body == "\n\n".join(ARTICLE)


def test_agencies_above_the_date_are_the_byline_and_so_are_compiled_by_and_interview_by_credits():
    outlets = OutletIndex([
        Outlet("Reuters", (), ("reuters.com",), "GB", "agency"),
        Outlet("Agence France-Presse", ("AFP",), ("afp.com",), "FR", "agency"),
    ])  # fmt: skip
    text = "\n".join(
        ["Samaa", "World", "Border trade to expand", "Reuters/AFP", "Mar 04, 2025 | 11:20 AM", "", *ARTICLE]
    )
    assert parse_text(text, outlets=outlets).byline == "Reuters and AFP"
    assert page("Border trade to expand", "6 October 2024 - 14:32", "Compiled by FNA Economic Desk", "",
                *ARTICLE).byline == "FNA Economic Desk"  # fmt: skip
    assert page("Border trade to expand", "January 23, 2024", "", *ARTICLE,
                "Interview by Nasrin Jafari").byline == "Nasrin Jafari"  # fmt: skip


def test_authors_affiliations_after_their_names_are_taken_off():
    parsed = page("Border trade to expand", "Authors: Nguyen Minh Chau, Fulbright University Vietnam and Lachlan "
                  "Doherty, ANU", "June 12, 2025", "", *ARTICLE)  # fmt: skip
    assert parsed.byline == "Nguyen Minh Chau and Lachlan Doherty"


@pytest.mark.parametrize("folder", ["author", "people", "staff", "columnist"])
def test_the_author_a_photo_byline_links_to_is_read_from_the_link(folder: str):
    from articles.html_pages import parse_html

    html = (
        "<html><body><h1>Border trade to expand</h1>"
        f'<span class="author-post byline"><a href="https://example.com/{folder}/sajjad-haider/"><img alt=""></a>'
        "</span><p>January 18, 2024</p>" + "".join(f"<p>{line}</p>" for line in ARTICLE) + "</body></html>"
    )
    assert with_outlet(parse_html(html, what="HTML"), OUTLETS).byline == "Sajjad Haider"


def test_a_site_that_names_itself_more_fully_than_a_known_outlet_is_its_own_outlet():
    from articles.html_pages import parse_html

    outlets = OutletIndex([Outlet("Kayhan", ("Keyhan",), ("kayhan.ir",), "IR", "newspaper")])
    html = (
        '<html><head><meta property="og:site_name" content="Kayhan Life"></head><body>'
        "<h1>Border trade to expand</h1><p>By Kourosh Farzad</p><p>January 18, 2024</p>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + "<p>© 2024 Kayhan Life. All Rights Reserved.</p></body></html>"
    )
    assert with_outlet(parse_html(html, what="HTML", outlets=outlets), outlets).outlet == "Kayhan Life"


def test_a_section_path_above_the_headline_and_a_caption_above_its_credit_are_never_the_headline():
    headline = "Border markets to open at three crossings as both capitals chase a trade target of $5 billion a year"
    parsed = page("SCMP", "Hong Kong", "Hong Kong/Transport & Infrastructure", headline,
                  "Officials say 38 projects from 31 firms were approved for the first round", "",
                  "Published: 7:00am, 23 Mar 2025", "", *ARTICLE)  # fmt: skip
    assert parsed.title == headline
    parsed = page("The Economist", "Menu", "", "Asia | Free lunch, expensive bill", "Border trade is eating the budget",
                  "The president's signature policy is popular. Investors are less keen", "Traders at the crossing",
                  "Photograph: Getty Images", "Mar 27th 2025|JAKARTA|5 min read", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Border trade is eating the budget"
    assert removed(parsed, "photo_caption") == ["Traders at the crossing", "Photograph: Getty Images"]


@pytest.mark.parametrize(
    ("lines", "byline"),
    [
        (["By Rachel Hartley and Tom Ellery For Dailymail.Com", "Published: 10:01 EDT, 18 June 2025"],
         "Rachel Hartley and Tom Ellery"),
        (["By business reporter Nadia Kovac", "Posted Thu 15 Feb 2024 at 11:32am"], "Nadia Kovac"),
        (["DECCAN CHRONICLE. | SAI TEJA PULLURI", "Published Jan 9, 2025, 1:10 am IST"], "SAI TEJA PULLURI"),
        (["TRT World and Agencies", "Published January 9, 2025"], "TRT World and Agencies"),
    ],
)  # fmt: skip
def test_an_outlet_or_a_role_around_the_names_comes_off_the_byline(lines, byline):
    outlets = OutletIndex([
        Outlet("Deccan Chronicle", (), ("deccanchronicle.com",), "IN", "newspaper"),
        Outlet("TRT World", (), ("trtworld.com",), "TR", "broadcaster"),
    ])  # fmt: skip
    text = "\n".join(["Home", "", "Border trade to expand", *lines, "", *ARTICLE])
    assert parse_text(text, outlets=outlets).byline == byline


def test_bylines_printed_above_the_share_bar_and_the_headline_are_read():
    outlets = OutletIndex([Outlet("Associated Press", ("AP",), ("apnews.com",), "US", "agency")])
    lines = ["PBS News", "Subscribe", "", "By — Rebecca Thornton, Associated Press",
             "Rebecca Thornton, Associated Press", "By — Jamal Ortiz, Associated Press",
             "Jamal Ortiz, Associated Press", "Share", "Email", "", "Border trade to expand",
             "Nation Updated on Mar 16, 2025 6:40 PM EDT — Published on Mar 16, 2025 9:12 AM EDT", "",
             *ARTICLE]  # fmt: skip
    parsed = parse_text("\n".join(lines), outlets=outlets)
    assert (parsed.title, parsed.byline) == ("Border trade to expand", "Rebecca Thornton and Jamal Ortiz")


def test_a_blogs_name_in_its_h1_is_its_outlet_and_the_posts_title_is_the_headline():
    from articles.html_pages import parse_html

    html = (
        "<html><head><title>Kech Valley Diary: Date growers count losses after a season of closed crossings</title>"
        '</head><body><h1>Kech Valley Diary</h1><h3 class="post-title">Date growers count losses after a season '
        "of closed crossings</h3><p>Posted on January 18, 2024 by Asma Zaidi</p>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + "</body></html>"
    )
    parsed = with_outlet(parse_html(html, what="HTML"), OUTLETS)
    assert (parsed.title, parsed.outlet) == (
        "Date growers count losses after a season of closed crossings",
        "Kech Valley Diary",
    )


def test_topics_between_the_date_line_and_the_body_do_not_hide_the_header():
    parsed = page("The Telegraph", "Opinion", "", "Opinion", "Border trade will die in a planning office",
                  "The Government has promised three markets. It has not yet reckoned with the system it inherited",
                  "", "Harriet Clayton", "12 May 2025 5:00pm BST", "Related Topics", "Housebuilding", "Planning",
                  "Gift this article free", "Save", "Share", "", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.byline, parsed.published.date) == (
        "Border trade will die in a planning office",
        "Harriet Clayton",
        D(2025, 5, 12),
    )
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_letters_signer_in_capitals_under_it_is_its_author():
    parsed = page("Letters", "Border trade", "Published March 6, 2025", "", *ARTICLE, "FARHAN SIDDIQUI", "Karachi",
                  "Published in Dawn, March 6th, 2025")  # fmt: skip
    assert parsed.byline == "Farhan Siddiqui"
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_rights_groups_release_headline_standfirst_photo_copyright_and_language_switcher():
    outlets = OutletIndex([Outlet("Agence France-Presse", ("AFP",), ("afp.com",), "FR", "agency")])
    lines = ["Human Rights Watch", "Donate now", "Pakistan: Repeal Abusive Cybercrime Amendments",
             "Rushed Law Threatens Journalists, Critics With Prison", "Click to expand Image",
             "Traders wait at the Taftan crossing.", "© 2025 Farooq Naeem/AFP via Getty Images",
             "February 4, 2025 12:00AM EST", "Available In", "English", "Share this via Facebook",
             "Other ways to share", *ARTICLE]  # fmt: skip
    parsed = with_outlet(parse_text("\n".join(lines), outlets=outlets), outlets)
    assert (parsed.title, parsed.summary, parsed.byline) == (
        "Pakistan: Repeal Abusive Cybercrime Amendments",
        "Rushed Law Threatens Journalists, Critics With Prison",
        "",
    )
    assert parsed.outlet != "Agence France-Presse"  # the photo's agency, not the publisher


def test_a_government_press_statement_credits_its_office():
    parsed = page("U.S. Department of State", "Menu", "Official websites use .gov", "Office of the Spokesperson",
                  "Press Releases", "Border trade to expand at three crossings", "hide", "Press Statement",
                  "Office of the Spokesperson", "November 26, 2024", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.byline) == ("Border trade to expand at three crossings", "Office of the Spokesperson")


def _html(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}" + "".join(f"<p>{line}</p>" for line in ARTICLE) + "</body></html>"


def test_markup_titles_kickers_sites_confirmed_by_their_domain_and_authors_linked_to_their_pages():
    from articles.html_pages import parse_html

    outlets = OutletIndex([*OUTLETS.outlets, Outlet("USA Today", ("USA TODAY",), ("usatoday.com",), "US", "newspaper")])

    def read(head: str, body: str):
        return with_outlet(parse_html(_html(head, body), what="HTML", outlets=outlets), outlets)

    kicker = read('<meta property="og:title" content="Border Plans: Trade Will Expand at Three Crossings">',
                  "<h2><span>Border Plans</span> <span>Trade Will Expand at Three Crossings</span></h2>"
                  "<p>January 18, 2024</p>")  # fmt: skip
    assert kicker.title == "Trade Will Expand at Three Crossings"
    site = read('<title>Heat in pregnancy linked to preterm birth | The Aga Khan University</title>'
                '<meta property="og:title" content="Heat in pregnancy linked to preterm birth">'
                '<meta property="og:url" content="https://www.aku.edu/news/1">',
                "<h1>Heat in pregnancy linked to preterm birth</h1><p>January 18, 2024</p>")  # fmt: skip
    assert site.outlet == "The Aga Khan University"
    linked = read("", '<h1>Border trade to expand</h1><div class="byline-container">'
                  '<p><a href="/people/1/selena-ortiz">Selena Ortiz</a></p>'
                  '<p><a href="/people/2/marcus-hale">Marcus Hale</a></p></div><p>February 11, 2025</p>')  # fmt: skip
    assert linked.byline == "Selena Ortiz and Marcus Hale"
    listed = read('<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"name": "Mara Jennings"},'
                  ' {"name": "Theo Castillo"}]}</script>',
                  "<h1>Border trade to expand</h1><p>Mara Jennings</p><p>USA TODAY</p>"
                  "<p>Published 5:02 a.m. ET April 10, 2025</p>")  # fmt: skip
    assert listed.byline == "Mara Jennings and Theo Castillo"


def test_a_report_from_an_agency_credits_it():
    assert page("Border trade to expand", "Report from OCHA", "Published 3 Sep 2024", "", *ARTICLE).byline == "OCHA"


def test_a_source_line_naming_another_agency_and_an_outlet_with_agencies_are_the_byline():
    outlets = OutletIndex([
        Outlet("IRNA", ("Islamic Republic News Agency",), ("irna.ir",), "IR", "agency"),
        Outlet("Tehran Times", (), ("tehrantimes.com",), "IR", "newspaper"),
    ])  # fmt: skip
    text = "\n".join(["Tehran Times", "Border trade to expand", "January 18, 2024", "", *ARTICLE, "Source: IRNA"])
    assert with_outlet(parse_text(text, outlets=outlets), outlets).byline == "IRNA"
    parsed = page("Al Jazeera", "News", "", "Border trade to expand", "Al Jazeera and news agencies",
                  "Published On 8 May 2025", "", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.byline) == ("Border trade to expand", "Al Jazeera and news agencies")


@pytest.mark.parametrize(
    ("lines", "byline"),
    [
        (["Emre Aydogan, Zehra Nur Kaya and Faruk Demir   |21.01.2025 - Update : 21.01.2025"],
         "Emre Aydogan, Zehra Nur Kaya and Faruk Demir"),
        (["PTI / Updated: Jun 3, 2025, 22:14 IST"], "PTI"),
        (["AA", "8 Jul 2025"], "AA"),
        (["AFP, Beirut", "Published: 28 February ,2024: 11:37 AM GST"], "AFP"),
        (["Issued on: 12/03/2025 - 14:05", "By:", "FRANCE 24 with AFP"], "FRANCE 24 with AFP"),
        (["India News | Press Trust of India | Updated: April 30, 2024 6:42 pm IST"], "Press Trust of India"),
    ],
)  # fmt: skip
def test_agencies_desks_and_name_lists_on_or_by_the_date_line(lines, byline):
    outlets = OutletIndex([
        Outlet("Agence France-Presse", ("AFP",), ("afp.com",), "FR", "agency"),
        Outlet("France 24", ("FRANCE 24",), ("france24.com",), "FR", "broadcaster"),
        Outlet("Press Trust of India", ("PTI",), ("ptinews.com",), "IN", "agency"),
    ])  # fmt: skip
    text = "\n".join(["Home", "", "Border trade to expand", *lines, "", *ARTICLE])
    parsed = parse_text(text, outlets=outlets)
    assert (parsed.title, parsed.byline) == ("Border trade to expand", byline)
    assert parsed.published.date is not None


def test_a_breadcrumb_trail_in_front_of_the_headline_comes_off():
    parsed = page("Home / Cities / Mumbai News / Coastal road's northern arm to open by May, says BMC",
                  "By HT Correspondent", "Mar 04, 2025 10:32 PM IST", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Coastal road's northern arm to open by May, says BMC"


AGENCIES = OutletIndex(
    [
        Outlet("Reuters", (), ("reuters.com",), "GB", "agency"),
        Outlet("Press Trust of India", ("PTI",), ("ptinews.com",), "IN", "agency"),
        Outlet("Agence France-Presse", ("AFP",), ("afp.com",), "FR", "agency"),
        Outlet("The Times", (), ("thetimes.com",), "GB", "newspaper"),
        Outlet("Kyodo News", ("Kyodo",), ("kyodonews.net",), "JP", "agency"),
        Outlet("British Broadcasting Corporation", ("BBC",), ("bbc.com",), "GB", "broadcaster"),
        Outlet("Associated Press", ("AP",), ("apnews.com",), "US", "agency"),
    ]
)


def wire_page(*lines: str):
    return with_outlet(parse_text("\n".join(lines), outlets=AGENCIES), AGENCIES)


def test_names_one_to_a_line_with_their_towns_or_service_under_them_are_the_authors():
    prothom_alo = page("Border trade to expand", "Mostafa Kamal Chowdhury", "Teknaf, Cox's Bazar", "Shahnaz Parvin",
                       "Dhaka", "Updated: 14 Jan 2025, 21: 05", "", *ARTICLE)  # fmt: skip
    assert prothom_alo.byline == "Mostafa Kamal Chowdhury and Shahnaz Parvin"
    assert prothom_alo.published.date == D(2025, 1, 14)
    bbc = wire_page("Border trade to expand", "9 March 2025", "Sunita Gurung", "BBC Nepali",
                    "Reporting fromKathmandu", "Daniel Pryce", "South Asia correspondent", "", *ARTICLE)  # fmt: skip
    assert bbc.byline == "Sunita Gurung and Daniel Pryce"


def test_a_papers_own_name_on_its_date_line_yields_to_the_names_above_it():
    parsed = wire_page("Border trade to expand", "Tom Pattinson, Delhi | Saira Baloch, Islamabad",
                       "Wednesday April 23 2025, 7.30pm BST, The Times", "", *ARTICLE)  # fmt: skip
    assert parsed.byline == "Tom Pattinson and Saira Baloch"


def test_an_agencys_byline_gives_way_to_the_reporters_it_names_under_the_story():
    parsed = wire_page("Border trade to expand", "By Reuters", "December 17, 2024", "", *ARTICLE,
                       "(Reporting by Shahid Mansoor in Islamabad and Farah Qadir in Karachi; Editing by Martin "
                       "Coyle)")  # fmt: skip
    assert parsed.byline == "Shahid Mansoor and Farah Qadir"
    staff = wire_page("Border trade to expand", "Reuters", "December 17, 2024", "", *ARTICLE,
                      "(Reporting by Reuters staff in Karachi; Editing by Alison Williams)")  # fmt: skip
    assert staff.byline == "Reuters"


def test_an_agencys_full_name_above_its_bureau_town_and_the_date_is_the_byline_not_the_headline():
    parsed = wire_page("Coal output rises 6.4% to 96.5 million tonnes in February", "Production from captive mines "
                       "grew over 21 per cent during the month", "", "Press Trust of India", "New Delhi",
                       "2 min read Last Updated : Mar 02 2025 | 12:05 AM IST", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Coal output rises 6.4% to 96.5 million tonnes in February"
    assert parsed.byline == "Press Trust of India"


def test_a_name_with_its_agency_after_a_dash_is_the_byline():
    parsed = wire_page("Melting glaciers put Pakistan villages on alert", "", "Mariam Shah - Agence France-Presse",
                       "May 28, 2024 | 3:12pm", "", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.byline) == ("Melting glaciers put Pakistan villages on alert", "Mariam Shah")


def test_a_translator_on_the_date_line_is_not_the_writer():
    parsed = page("Border trade to expand", "Nour Elsayed and Karim Fathy Translated by Heba Lotfy July 22, 2025",
                  "", *ARTICLE)  # fmt: skip
    assert parsed.byline == "Nour Elsayed and Karim Fathy"


def test_a_blogs_default_account_is_no_author_and_its_meta_line_gives_the_date():
    parsed = page("IPRI holds roundtable on connectivity", "By admin | January 18, 2024 | Press Releases", "",
                  *ARTICLE)  # fmt: skip
    assert (parsed.byline, parsed.published.date) == ("", D(2024, 1, 18))


def test_a_date_lines_times_zones_and_category_list_are_not_other_words():
    kyodo = wire_page("Japan, India agree to deepen defense ties", "", "KYODO NEWS - Aug 20, 2024 - 21:38 | All, "
                      "Japan, World", "", *ARTICLE)  # fmt: skip
    assert (kyodo.published.date, kyodo.byline) == (D(2024, 8, 20), "KYODO NEWS")
    new_age = page("Book fair ends", "Staff Correspondent | Published: 00:00, Mar 01,2025 | Updated: 00:24, "
                   "Mar 01,2025", "", *ARTICLE)  # fmt: skip
    assert (new_age.published.date, new_age.byline) == (D(2025, 3, 1), "Staff Correspondent")
    tribune = page("BSF intercepts 11 drones", "Harjit Singh Bhullar", "Tribune News Service",
                   "Amritsar, Updated At : 05:44 AM Mar 06, 2025 IST", "", *ARTICLE)  # fmt: skip
    assert (tribune.published.date, tribune.byline) == (D(2025, 3, 6), "Harjit Singh Bhullar")


def test_the_headline_under_the_date_when_only_labels_stand_above_it():
    parsed = page("Meetings Coverage", "Security Council", "9735th Meeting (AM)", "18 September 2024", "",
                  "Afghanistan's Authorities Must Reverse Restrictions on Women, Special Representative Tells "
                  "Security Council", "", *ARTICLE)  # fmt: skip
    assert parsed.title.startswith("Afghanistan's Authorities Must Reverse")


def test_a_title_case_kicker_above_a_title_case_headline_is_not_its_deck():
    parsed = page("Search", "", "Foreign Relations & International Law",
                  "Pakistan's 26th Amendment and the Remaking of Judicial Appointments",
                  "A constitutional change gives the government decisive influence over who sits on the courts.",
                  "Ayesha Farooqui", "Monday, November 4, 2024, 8:00 AM", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Pakistan's 26th Amendment and the Remaking of Judicial Appointments"


def test_an_agencys_version_label_and_a_video_teaser_are_not_the_headline():
    assert page("(LEAD) S. Korea's exports rise for 12th month", "October 1, 2024", "", *ARTICLE).title == (
        "S. Korea's exports rise for 12th month"
    )
    assert page("[Herald Interview] Veteran diver says reefs can recover", "October 1, 2024", "", *ARTICLE).title == (
        "Veteran diver says reefs can recover"
    )
    fox = page("MIDDLE EAST", "Israel strikes Houthi-held port in Yemen", "By Danielle Keller Fox News",
               "Published May 5, 2025 3:47pm EDT", "Print", "Video", "Houthi missile strikes near Israel's airport",
               "Fox News correspondent Amit Rosen reports the latest from Tel Aviv.", "", *ARTICLE)  # fmt: skip
    assert fox.title == "Israel strikes Houthi-held port in Yemen"
    assert fox.body == "\n\n".join(ARTICLE)


def test_a_govuk_from_label_and_its_department_are_not_the_headline():
    parsed = page("Press release", "£25 million boost for grassroots cricket as hundreds of clubs set to benefit",
                  "New pavilions will be delivered at more than 400 cricket clubs across England.", "", "From:",
                  "Department for Culture, Media and Sport", "Published", "14 March 2025", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "£25 million boost for grassroots cricket as hundreds of clubs set to benefit"


def test_a_blogs_name_and_description_above_its_menu_and_its_date_under_the_tags():
    parsed = page("Colombo Notebook", "Reporting, notes and photographs from Sri Lanka by independent journalist "
                  "Dilini Perera.", "Home", "Archive", "About", "", "In Jaffna, a landslide meets a long memory", "",
                  *ARTICLE, "#sri lanka", "#elections", "November 18th, 2024", "31 notes")  # fmt: skip
    assert (parsed.title, parsed.outlet) == ("In Jaffna, a landslide meets a long memory", "Colombo Notebook")
    assert parsed.published.date == D(2024, 11, 18)
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_trend_style_header_and_an_authors_read_more_link():
    parsed = page("Other News", "", "Iran Materials 15 January 2025 12:10 (UTC +04:00)", "",
                  "Iran, Pakistan eye $5bn trade target as new border markets open", "",
                  "Photo: Islamic Republic of Iran Customs Administration", "", "Aytan Rustamova", "Read more", "",
                  *ARTICLE)  # fmt: skip
    assert parsed.title == "Iran, Pakistan eye $5bn trade target as new border markets open"
    assert parsed.byline == "Aytan Rustamova"


def test_owners_and_mastheads_named_around_boilerplate():
    from articles.layout import copyright_owner

    assert copyright_owner("washingtonpost.com © 1996-2024 The Washington Post") == "The Washington Post"
    assert copyright_owner("© 2024 by Kabul Pages. Proudly created with Wix.com") == "Kabul Pages"
    assert copyright_owner("Copyright © 2024 Karachi Chronicle Media Group Pvt Ltd") == "Karachi Chronicle Media Group"
    addressed = page("https://www.dawn.com/news/1805000", "", "Border trade to expand", "By Asma Zaidi",
                     "January 18, 2024", "", *ARTICLE)  # fmt: skip
    assert addressed.outlet == "Dawn"  # the page's address, copied above its headline
    un = page("Welcome to the United Nations", "Home", "Security Council", "", "Council extends mission",
              "18 September 2024", "", *ARTICLE)  # fmt: skip
    assert un.outlet == "United Nations" or "United Nations" in [clue.text for clue in un.outlet_clues]


def test_a_guest_role_is_no_byline_and_the_note_on_the_writer_above_the_article_names_them():
    parsed = page("Sri Lanka's New President Inherits an IMF Deal He Campaigned Against",
                  "By Guest Blogger for Asia Unbound", "September 25, 2024 10:41 am (EST)", "", "More on:",
                  "Sri Lanka", "South Asia", "", "Tharindu Perera is a research associate for India, Pakistan, and "
                  "South Asia at the Council on Foreign Relations.", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Sri Lanka's New President Inherits an IMF Deal He Campaigned Against"
    assert parsed.byline == "Tharindu Perera"
    assert parsed.author_bio.startswith("Tharindu Perera is a research associate")
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "tag_list") == ["More on:", "Sri Lanka", "South Asia"]


def test_a_note_on_the_author_by_surname_or_with_a_particle_in_the_name_under_the_article_is_the_bio():
    note = "Raman is a climate scientist at the University of Arizona and studies heat-related mortality."
    surname = page("We are measuring heat waves all wrong", "By Priya Raman", "June 24, 2024", "", *ARTICLE, "", note)
    assert surname.body == "\n\n".join(ARTICLE)
    assert surname.author_bio.startswith("Raman is a climate scientist")
    bio = "Mehraj ud Din Bhat teaches environmental science at a college in north Kashmir."
    particle = page("Wular is dying in plain sight", "", "Mehraj ud Din Bhat", "Updated on: 05 Nov 2024, 1:13 am", "",
                    *ARTICLE, "", bio)  # fmt: skip
    assert (particle.title, particle.byline) == ("Wular is dying in plain sight", "Mehraj ud Din Bhat")
    assert particle.body == "\n\n".join(ARTICLE)
    box = ["About the Author(s)", "", "Rachel Ostrander", "Rachel Ostrander is a Senior Fellow at the Reiss Center."]
    boxed = page("Border trade to expand", "By Rachel Ostrander", "January 18, 2024", "", *ARTICLE, "", *box)
    assert boxed.body == "\n\n".join(ARTICLE)
    quoted = page("Border trade to expand", "By Ali Khan", "January 18, 2024", "", *ARTICLE, "",
                  "Khan is the province's chief minister, who signed the order on Monday.")  # fmt: skip
    assert quoted.body.endswith("who signed the order on Monday.")  # no word of a writer's trade: the article's


def test_a_profiles_opening_about_its_subject_is_the_article_not_a_note_on_the_writer():
    opening = "Ahmed Rashid is a veteran journalist who has covered Afghanistan and Pakistan for four decades."
    second = "Rashid, 75, still files from Lahore every week, and his books are read in both capitals."
    parsed = page("The reporter who saw it coming", "By Sana Jamal", "January 18, 2024", "", opening, second,
                  *ARTICLE)  # fmt: skip
    assert parsed.body.startswith(opening)
    assert parsed.byline == "Sana Jamal"


def test_a_standfirst_shown_under_its_class_and_given_as_the_description_is_the_summary_not_the_body():
    from articles.html_pages import parse_html

    deck = "Vietnam is cutting its 63 provinces to 34 and abolishing the district level of government."
    html = (
        f'<html><head><meta name="description" content="{deck}"></head><body><h1>Vietnam bets on a leaner state</h1>'
        f'<p>June 12, 2025</p><div class="hero__standfirst"><p>{deck}</p></div>'
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + "</body></html>"
    )
    parsed = parse_html(html, what="HTML")
    assert (parsed.summary, parsed.body) == (deck, "\n\n".join(ARTICLE))


def test_a_deck_set_as_a_heading_is_the_summary_whether_marked_by_class_or_given_as_the_description():
    from articles.html_pages import parse_html

    deck = (
        "Iran and Pakistan have agreed to launch coordinated patrols along their shared border, days after an attack."
    )
    article = ["The agreement was reached on Monday during a meeting in Islamabad, officials said.", SECOND, THIRD]
    paragraphs = "".join(f"<p>{line}</p>" for line in article)
    header = (
        '<h1>Joint patrols agreed</h1><div class="news-date">Monday, 04 August 2025 4:37 PM</div><div class="video">'
        "<button>Play</button><div>Duration 2:41</div><div>Press TV's correspondent reports from Zahedan.</div></div>"
    )
    by_class = parse_html(
        '<html><head><meta name="description" content="Joint patrols agreed."></head><body>'
        f'{header}<h2 class="news-summary">{deck}</h2><div class="news-text">{paragraphs}</div></body></html>',
        what="HTML",
    )
    described = parse_html(
        f'<html><head><meta name="description" content="{deck}"></head><body><h1>Joint patrols agreed</h1><div>'
        '<span>Written by <a href="/essays?author=5f6a">Sabrina Haque</a></span> <time>January 14, 2025</time></div>'
        f'<div class="post-body"><h4>{deck}</h4>{paragraphs}</div></body></html>',
        what="HTML",
    )
    for parsed in (by_class, described):
        assert (parsed.summary, parsed.body) == (deck, "\n\n".join(article))


def test_a_headline_in_the_article_before_its_deck_in_the_title_tag_is_the_headline_not_the_sites_name():
    outlets = OutletIndex([Outlet("The Caravan", (), ("caravanmagazine.in",), "IN", "magazine")])
    masthead = '<div class="masthead"><a class="logo">The Caravan</a> <span>A Journal of Politics and Culture</span>'
    parsed = html_page(
        f"<header>{masthead}</div><nav><a>Politics</a> <a>Society</a> <a>Law</a></nav></header><article>"
        f"<h1>Down the manhole</h1><p>1 December 2023</p>{paragraphs(*ARTICLE)}</article>",
        "<title>Down the manhole: Deaths of sewer workers continue as cases go nowhere | The Caravan</title>",
        outlets,
    )
    assert (parsed.title, parsed.outlet) == ("Down the manhole", "The Caravan")


def test_a_footers_copyright_line_names_the_outlet_and_a_rows_items_in_spans_are_read_apart():
    outlets = OutletIndex([Outlet("The Nation", (), ("nation.com.pk",), "PK", "newspaper")])
    footer = html_page(
        f"<h1>Baku and the bill for our floods</h1><p>November 7, 2024</p>{paragraphs(*ARTICLE)}"
        "<footer><p>Copyright © 2024 The Nation. All Rights Reserved</p></footer>",
        outlets=outlets,
    )
    assert footer.outlet == "The Nation"
    spans = "".join(
        f'<span class="pst-by_ul">{item}</span>'
        for item in ("India News", "Press Trust of India", "Updated: March 22, 2024 7:48 pm IST")
    )
    agency = OutletIndex([Outlet("Press Trust of India", ("PTI",), ("ptinews.com",), "IN", "agency")])
    row = html_page(f"<h1>Heroin seized in Cachar</h1><div>{spans}</div>{paragraphs(*ARTICLE)}", outlets=agency)
    assert (row.byline, str(row.published.date)) == ("Press Trust of India", "2024-03-22")


def test_a_byline_under_a_gallerys_counter_is_the_byline_not_a_caption():
    parsed = page("ENTERTAINMENT", "", "Oud virtuoso dies at 91", "",
                  "FILE - A concert at Baalbek. (AP Photo/Hussein Malla, File)", "Read More", "1 of 3", "",
                  "By RANIA NASSAR", "Updated 4:18 PM GMT+2, March 6, 2025", "Share", "", *ARTICLE)  # fmt: skip
    assert parsed.byline.casefold() == "rania nassar"


def test_a_briefs_genre_around_its_title_is_left_out_and_the_title_tags_last_part_names_the_outlet():
    outlets = OutletIndex([Outlet("Institute of Strategic Studies Islamabad", ("ISSI",), (), "PK", "think_tank")])
    headline = "Issue Brief on “Pakistan and the SCO’s Connectivity Agenda”"
    parsed = html_page(
        f"<article><h1>{headline}</h1><p>November 14, 2024</p>{paragraphs(*ARTICLE)}</article>",
        f"<title>{headline} | Institute of Strategic Studies Islamabad</title>",
        outlets,
    )
    assert (parsed.title, parsed.outlet) == ("Pakistan and the SCO’s Connectivity Agenda", outlets.named("ISSI").name)
    assert parsed.article_type == "analysis"
    brief = page("IntelBrief: Sahel juntas deepen ties with Moscow", "February 2, 2024", "", *ARTICLE)
    assert brief.title == "Sahel juntas deepen ties with Moscow"


def test_a_title_tag_opening_with_the_agencys_name_gives_the_headline_without_it():
    from articles.html_pages import parse_html

    outlets = OutletIndex([Outlet("Middle East News Agency", ("MENA",), (), "EG", "agency")])
    html = (
        "<html><head><title>MENA :: Egypt, Greece review progress of power link</title></head><body>"
        "<p>March 3, 2025</p>" + "".join(f"<p>{line}</p>" for line in ARTICLE) + "</body></html>"
    )
    assert parse_html(html, what="HTML", outlets=outlets).title == "Egypt, Greece review progress of power link"


def test_a_related_storys_excerpt_in_an_aside_is_furniture_though_its_class_says_excerpt():
    from articles.html_pages import parse_html

    excerpt = "Fifteen years of observation-well data show the aquifer under Lahore dropping by almost a metre a year."
    html = (
        "<html><body><h1>Border trade to expand</h1><p>January 18, 2024</p>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + '<aside class="read-more-wrap"><article class="post-card"><h2 class="post-card-title">Mapping the water'
        f' table</h2><div class="post-card-excerpt">{excerpt}</div></article></aside></body></html>'
    )
    assert parse_html(html, what="HTML").body == "\n\n".join(ARTICLE)


def test_a_first_paragraph_that_is_also_the_description_stays_the_article():
    from articles.html_pages import parse_html

    html = (
        f'<html><head><meta name="description" content="{LEAD}"></head><body><h1>Border trade to expand</h1>'
        "<p>January 18, 2024</p>" + "".join(f"<p>{line}</p>" for line in ARTICLE) + "</body></html>"
    )
    assert parse_html(html, what="HTML").body == "\n\n".join(ARTICLE)


def test_links_among_the_paragraphs_in_capitals_or_trailing_off_are_furniture():
    parsed = page("Border trade to expand", "January 18, 2024", "", LEAD,
                  "HOUTHI MISSILE LANDS NEAR ISRAEL'S MAIN AIRPORT, SPARKING AIRLINE CANCELLATIONS", SECOND,
                  "Tourist gored by bison in Yellowstone after getting too close...", THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert len(removed(parsed, "related_links")) == 2
    quoted = page("Border trade to expand", "January 18, 2024", "", LEAD, SECOND,
                  '"We will have to wait and see what the committee decides next..."', THIRD)  # fmt: skip
    assert '"We will have to wait and see what the committee decides next..."' in quoted.body


def test_two_linked_names_with_nothing_between_them_are_the_markups_two_authors():
    from articles.html_pages import parse_html

    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": "Person", '
        '"name": "Negar Mahmoodi"}, {"@type": "Person", "name": "Arash Pakzad"}]}</script></head><body>'
        '<h1>Afghans describe beatings</h1><div class="byline"><a href="/en/author/negar-mahmoodi"><span>Negar '
        'Mahmoodi</span></a><a href="/en/author/arash-pakzad"><span>Arash Pakzad</span></a></div><p>July 8, 2025</p>'
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + "</body></html>"
    )
    assert parse_html(html, what="HTML").byline == "Negar Mahmoodi and Arash Pakzad"


def test_an_interview_credit_under_the_article_names_its_writer():
    parsed = page("Border trade to expand", "January 18, 2024", "", *ARTICLE, "Interview by: Setareh Rostami")
    assert parsed.byline == "Setareh Rostami"


def test_an_agency_named_only_in_the_markup_is_the_byline():
    from articles.html_pages import parse_html

    html = (
        '<html><head><meta name="author" content="AFP"><meta property="og:site_name" content="Dawn"></head><body>'
        "<h1>Nepal raises Everest permit fee</h1><p>Published: January 23, 2025</p>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + "</body></html>"
    )
    outlets = OutletIndex([*OUTLETS.outlets, Outlet("Agence France-Presse", ("AFP",), ("afp.com",), "FR", "agency")])
    assert parse_html(html, what="HTML", outlets=outlets).byline == "AFP"


def test_the_bbcs_credit_above_its_caption_takes_neither_the_paragraph_above_nor_the_byline():
    parsed = page("Why is Lahore's smog so bad?", "12 November 2024", "", "Getty Images",
                  "Schools, parks and markets in Lahore have been told to close", "", LEAD, SECOND, "EPA",
                  "Traffic police in Lahore have been given masks", THIRD)  # fmt: skip
    assert parsed.byline == ""
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_medium_post_its_header_of_buttons_and_its_author_card():
    parsed = page("Open in app", "Sign in", "", "Age of Awareness",
                  "Stories providing creative, innovative, and sustainable changes to the education system", "",
                  "Member-only story", "I Taught Coding in a Refugee Camp. Here's What My Students Taught Me.",
                  "Laptops, power cuts and the most stubborn debugging sessions of my life", "Leila Haddad", "Follow",
                  "Published in", "Age of Awareness", "·", "8 min read", "·", "Aug 14, 2024", "1.3K", "27", "Listen",
                  "Share", "", "Our classroom in Zaatari, on the last day of the course. Photo by the author.", LEAD,
                  "By the second week, half my plan was gone.", "Summer one: the plan meets reality", SECOND, THIRD,
                  "Refugees", "Education", "1.3K", "", "Written by Leila Haddad", "Writer for", "Age of Awareness",
                  "Software engineer in Amman. I write about education and code.")  # fmt: skip
    assert parsed.title == "I Taught Coding in a Refugee Camp. Here's What My Students Taught Me."
    assert (parsed.byline, parsed.published.date) == ("Leila Haddad", D(2024, 8, 14))
    assert parsed.body == "\n\n".join([LEAD, "By the second week, half my plan was gone.", SECOND, THIRD])
    assert removed(parsed, "subheading") == ["Summer one: the plan meets reality"]


def test_a_blogs_categories_under_its_date_are_not_its_author():
    parsed = page("Bring back Basant", "February 9, 2024", "Culture, Lahore, Opinion", "8 Comments", "", *ARTICLE)
    assert parsed.byline == ""


def test_wire_layouts_on_portals():
    sabah = page("Turkish scientists set off for Antarctica", "", "DAILY SABAH WITH AA", "ISTANBUL",
                 "Jan 29, 2025 - 11:32 am GMT+3", "", *ARTICLE)  # fmt: skip
    assert (sabah.title, sabah.byline) == ("Turkish scientists set off for Antarctica", "DAILY SABAH WITH AA")
    barrons = page("Dhaka's Rickshaw Painters Hope UNESCO Listing Can Save A Fading Art", "By Rafiq MAHMUD",
                   "Updated December 07, 2023, 2:15 am EST / Original December 06, 2023, 11:52 pm EST", "",
                   *ARTICLE)  # fmt: skip
    assert barrons.published.date == D(2023, 12, 6)
    wtop = wire_page("Home » National & World Sports » Cricket takes its biggest…", "",
                "Cricket takes its biggest gamble yet on America", "", "The Associated Press", "May 31, 2024, 6:12 PM",
                "", *ARTICLE)  # fmt: skip
    assert wtop.title == "Cricket takes its biggest gamble yet on America"
    diplomat = page("Crossroads Asia | Politics | Central Asia",
                    "Kazakhstan Says Yes to Nuclear Power. Now Comes the Hard Part.",
                    "A comfortable referendum win gives Tokayev a mandate, but not an answer on cost and safety.",
                    "By Aigerim Sadykova", "October 08, 2024", "Voters at a polling station in Almaty.",
                    "Credit: Depositphotos", "", *ARTICLE)  # fmt: skip
    assert diplomat.title == "Kazakhstan Says Yes to Nuclear Power. Now Comes the Hard Part."
    assert diplomat.body == "\n\n".join(ARTICLE)


def test_blog_platforms_name_the_blog_and_its_writers():
    tumblr = page("tumblr", "Sign up", "Gulf Wire", "Business, energy and politics from the Gulf, curated. Not "
                  "affiliated with any news organisation.", "Archive", "Ask", "", "Oman raises $2 billion in sukuk",
                  "", *ARTICLE, "January 14, 2025")  # fmt: skip
    assert (tumblr.title, tumblr.outlet) == ("Oman raises $2 billion in sukuk", "Gulf Wire")
    co_written = page("Sudan's war economy pays for itself", "Amira Osman", "Nov 20, 2024", "", *ARTICLE,
                      "This piece was co-written with Yousif Adam, an economist who taught at the University of "
                      "Khartoum.")  # fmt: skip
    assert co_written.byline == "Amira Osman and Yousif Adam"
    assert co_written.body == "\n\n".join(ARTICLE)


def test_a_site_may_name_itself_in_lower_case_in_its_markup():
    from articles.html_pages import parse_html

    html = (
        '<html><head><meta property="og:site_name" content="notes from the backbone"></head><body>'
        "<h1>Measuring Iran's internet throttling</h1><p>January 18, 2024</p>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + "</body></html>"
    )
    assert parse_html(html, what="HTML").outlet == "notes from the backbone"


def test_al_jazeeras_source_line_credits_it_and_its_agencies_when_no_byline_does():
    parsed = page("Border trade to expand", "Published On 8 May 2025", "", *ARTICLE,
                  "Source: Al Jazeera and news agencies")  # fmt: skip
    assert parsed.byline == "Al Jazeera and news agencies"


def test_topics_under_an_agencys_story_are_not_its_reporter():
    parsed = wire_page("Cocoa prices hit fresh record", "AFP Published 18 Dec, 2024 10:43am", "", *ARTICLE,
                       "Cocoa Ivory Coast Commodities")  # fmt: skip
    assert parsed.byline == "AFP"


def test_a_substacks_subscription_box_names_it_and_a_menus_video_item_takes_nothing():
    substack = page("Second Episode", "Subscribe", "Sign in", "Discover more from Second Episode",
                    "A newsletter about Pakistani television, film and the business behind them. New posts most "
                    "Sundays.", "Over 2,000 subscribers", "Subscribe",
                    "Our dramas are winning the world. Why won't we pay for them at home?",
                    "Pakistani serials draw millions of viewers from Delhi to Dubai. The money is still flowing to "
                    "YouTube, not to the people who make them.", "Zoya Anwar", "Sep 22, 2024",
                    "", *ARTICLE)  # fmt: skip
    assert substack.title == "Our dramas are winning the world. Why won't we pay for them at home?"
    assert substack.outlet == "Second Episode"
    france24 = page("Sport", "Video", "", "Live news", "Thin Himalayan snow threatens water for millions downstream",
                    "Issued on: 14/04/2025 - 11:20Modified: 14/04/2025 - 15:42", "3 min Reading time",
                    "By Bhuvan ADHIKARI", "", *ARTICLE)  # fmt: skip
    assert france24.title == "Thin Himalayan snow threatens water for millions downstream"
    assert "3 min Reading time" in removed(france24, "page_notice")


def html_page(body: str, head: str = "", outlets: OutletIndex = OUTLETS):
    from articles.html_pages import parse_html

    return with_outlet(
        parse_html(f"<html><head>{head}</head><body>{body}</body></html>", what="HTML", outlets=outlets), outlets
    )


def paragraphs(*lines: str) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def test_an_embedded_post_and_its_signature_are_furniture():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "",
                  "Schools in Lahore will remain closed from 6 to 13 November. #Smog #Lahore",
                  "— EPD Punjab (@EPDPunjab) November 5, 2024", "", SECOND, "", THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert len(removed(parsed, "embedded_post")) == 2
    assert parsed.published.date == D(2024, 1, 18)  # the post's day is not the article's


def test_paragraphs_a_site_marks_as_behind_its_paywall_are_the_article_but_its_paywall_box_is_not():
    parsed = html_page("<h1>Border trade to expand</h1><p>January 18, 2024</p>"
                       + "".join(f'<p class="paywall">{line}</p>' for line in ARTICLE)
                       + '<div class="paywall">Subscribe now to keep reading</div>')  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_machines_summary_under_its_label_and_button_is_a_box_of_key_points():
    points = ["Bank Indonesia cut its rate by 25 basis points.", "The rupiah fell after the decision."]
    parsed = html_page("<h1>Border trade to expand</h1><section><h2>Takeaways by Bloomberg AI</h2>"
                       "<button>Hide</button><ul>" + "".join(f"<li>{point}</li>" for point in points) + "</ul>"
                       "</section><p>By Asma Zaidi</p><p>January 18, 2024</p>" + paragraphs(*ARTICLE))  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert parsed.byline == "Asma Zaidi"
    menu = ["Home", "Pakistan", "World", "Business", "Sport", "Opinion", "Culture", "Science", "Health", "Video"]
    far_down = page(*menu, *menu, "Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", "Quick Read",
                    "Summary is AI generated, newsroom reviewed.", *points, "", *ARTICLE)  # fmt: skip
    assert far_down.body == "\n\n".join(ARTICLE)
    walkout = ["Opposition MPs staged a walkout after their notices on border trade were rejected.",
               "The House was adjourned twice before noon amid slogan-shouting."]  # fmt: skip
    noted = html_page(
        "<h1>Border trade to expand</h1><nav><ul><li>India News</li><li>Press Trust of India</li>"
        "<li>Updated: March 18, 2025 16:52 pm IST</li></ul></nav>"
        '<div class="qck-rd"><h2>Quick Read</h2><p>Summary is AI generated, newsroom reviewed.</p><ul>'
        + "".join(f"<li>{point}</li>" for point in walkout)
        + f"</ul></div><div>{paragraphs(*ARTICLE)}</div>"
    )
    assert noted.body == "\n\n".join(ARTICLE)  # the note in a block of its own, the points in another (NDTV)


def test_a_chart_and_its_source_among_the_paragraphs_do_not_end_the_article():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                  "Line chart of trade through Taftan ($m) showing Trade has doubled since 2021",
                  "Source: State Bank of Pakistan", SECOND, THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert len(removed(parsed, "photo_caption")) == 2


def test_buttons_stand_on_lines_of_their_own_and_never_join_the_byline():
    parsed = html_page("<h1>Border trade to expand</h1><div><a href='/author/a'>Layla Mansour</a> "
                       "<a href='/author/b'>Omar Khaled</a></div><p>January 18, 2024</p>"
                       "<div><button>Listen In English</button><button>Listen In Arabic</button></div>"
                       + paragraphs(*ARTICLE))  # fmt: skip
    assert "Listen" not in parsed.byline


def test_an_institutes_posting_account_gives_way_to_the_writers_it_names():
    parsed = page("Border trade to expand", "By IPCS", "March 3, 2025", "By Ananya Kulkarni and Rohan Iyer", "",
                  *ARTICLE)  # fmt: skip
    assert parsed.byline == "Ananya Kulkarni and Rohan Iyer"


@pytest.mark.parametrize("place", ["in Baghdad, Iraq", "Reporting from Srinagar and Pulwama, Kashmir"])
def test_where_the_author_filed_from_under_the_name_is_neither_author_nor_headline(place):
    parsed = page("Iraq: Basra protesters block roads as power cuts bite", "", "Hamza Rasheed", place,
                  "Published date: 18 July 2024 14:37 BST", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Iraq: Basra protesters block roads as power cuts bite"
    assert parsed.byline == "Hamza Rasheed"


def test_an_outlet_or_an_organisation_describing_itself_under_the_article_is_no_authors_note():
    outlets = OutletIndex([Outlet("Associated Press", ("AP",), ("apnews.com",), "US", "agency")])
    text = "\n".join(["Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE,
                      "The Associated Press is an independent global news organization dedicated to factual "
                      "reporting."])  # fmt: skip
    agency = with_outlet(parse_text(text, outlets=outlets), outlets)
    assert agency.body == "\n\n".join(ARTICLE)
    assert agency.author_bio == "" and agency.article_type == "news"
    university = page(
        "Border trade to expand",
        "By University of Copenhagen",
        "January 18, 2024",
        "",
        *ARTICLE,
        "University of Copenhagen",
        "The University of Copenhagen is the oldest university and research institution in Denmark.",
    )
    assert university.body == "\n\n".join(ARTICLE)


def test_share_counters_and_a_section_joined_by_an_ampersand_are_neither_author_nor_headline():
    parsed = page("Home", "World", "Breaking News", "South & Central Asia",
                  "Pakistan begins deporting undocumented Afghans as deadline expires", "Saima Rizvi",
                  "Published March 12, 2025", "Facebook Count", "X (formerly Twitter)", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Pakistan begins deporting undocumented Afghans as deadline expires"
    assert parsed.byline == "Saima Rizvi"


def test_a_kicker_inside_the_headline_element_is_not_the_headline():
    parsed = html_page('<h1><span class="article__subheadline">Mesopotamia’s rivers</span>'
                       '<span class="article__headline-text">Iraq is running out of water</span></h1>'
                       "<p>Aug 17th 2023</p>" + paragraphs(*ARTICLE))  # fmt: skip
    assert parsed.title == "Iraq is running out of water"
    bare = html_page('<h1><span class="kicker">Exclusive</span> Iraq is running out of water</h1>'
                     "<p>Aug 17th 2023</p>" + paragraphs(*ARTICLE))  # fmt: skip
    assert bare.title == "Iraq is running out of water"  # the headline as the heading's own text beside it


@pytest.mark.parametrize(
    "lines",
    [
        ["Voters lined up outside a polling station in Pulwama.Credit...Irfan Dar for The New York Times"],
        ["Reuters", "Pakistan's Gwadar port, a short distance along the coast, is being built with Chinese money"],
    ],
)
def test_a_photos_credit_among_the_paragraphs_takes_its_caption_but_never_a_paragraph(lines):
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "", *lines, "",
                  SECOND, "", THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    samaa = page("Border trade to expand", "Samaa Web Desk", "Jan 22, 2025", "", "Photo: File", LEAD, "", SECOND,
                 "", THIRD)  # fmt: skip
    assert samaa.body == "\n\n".join(ARTICLE)


def test_a_time_the_markup_marks_as_modified_is_not_the_publication_date():
    parsed = html_page('<h1>Border trade to expand</h1><p><time class="updated" datetime="2025-03-25">March 25, '
                       '2025</time><time class="entry-date published" datetime="2025-03-23">March 23, 2025</time>'
                       "</p>" + paragraphs(*ARTICLE),
                       head='<meta property="article:published_time" content="2025-03-23T04:14:27+00:00">')  # fmt: skip
    assert parsed.published.date == D(2025, 3, 23)


def test_a_players_card_among_the_paragraphs_is_furniture_but_a_player_above_the_article_takes_no_byline():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "watch now",
                  "VIDEO2:3102:31", "Pakistan’s central bank cuts rates for the fourth time in a row",
                  "Squawk Box Asia", SECOND, "The Profit Podcast",
                  "This week: why does Pakistan import the things it could grow? Our editors talk tea.", "Listen now",
                  THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    header = page("Border trade to expand", "Listen now", "Asma Zaidi", "January 18, 2024", "", *ARTICLE)
    assert header.byline == "Asma Zaidi"  # a player above the article takes nothing of its header


def test_crisis_groups_contributors_under_its_introduction_are_the_byline_and_its_breadcrumb_gives_the_date():
    intro = "On 1 January, Ethiopia signed a memorandum of understanding with Somaliland that would give it the sea."
    parsed = page("Africa / Horn of Africa / Somalia", "Q&A / Africa 11 January 2024",
                  "A Port, a Flag and a Treaty: Why the Deal Has Roiled the Horn", intro, "Also available in",
                  "Français", "Share", "Contributors", "Abdullahi Hersi Farah", "Senior Analyst, Somalia",
                  "Hana Mekonnen", "Senior Analyst, Ethiopia", "", *ARTICLE)  # fmt: skip
    assert parsed.byline == "Abdullahi Hersi Farah and Hana Mekonnen"
    assert parsed.published.date == D(2024, 1, 11)
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_figures_label_title_and_source_among_the_paragraphs_do_not_end_the_article():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "Figure 1",
                  "Trade through Taftan, 2019-2024", "Source: Authors' analysis of customs data, 2024.", SECOND,
                  "Chart: Car sales (units) — Source: PAMA", THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://www.dawn.com/news/2024/01/18/border-trade", D(2024, 1, 18)),
        ("https://www3.nhk.or.jp/nhkworld/en/news/20241003_21/", D(2024, 10, 3)),
        ("https://english.news.cn/20231005/6f2a9c1e4b8d4a7c9e3f5b2d1a0c8e76/c.html", D(2023, 10, 5)),
        ("https://example.com/news/20231005.html", None),  # a number ending a name, not a folder of the day
        ("https://en.irna.ir/news/85678123/", None),  # an id, not a day
        ("https://example.com/story/20241399_2/", None),  # no such month
    ],
)
def test_a_urls_path_gives_the_day_as_outlets_write_it(url, date):
    from articles.layout import url_date

    found = url_date(url)
    assert (found.date if found else None) == date


def test_an_agencys_dateline_day_outranks_the_day_at_the_top_of_the_page():
    filed = "PESHAWAR, Mar 12 (APP): " + LEAD.removeprefix("ISLAMABAD: ")
    parsed = page("Wednesday, March 13, 2024", "Home", "KP sets wheat procurement target", "By Our Correspondent", "",
                  filed, SECOND)  # fmt: skip
    assert parsed.published.date == D(2024, 3, 12)
    new_year = page("Thursday, January 2, 2025", "Home", "KP sets wheat procurement target", "",
                    "PESHAWAR, Dec 30 (APP): " + SECOND, THIRD)  # fmt: skip
    assert new_year.published.date == D(2024, 12, 30)
    dated = page("Wednesday, March 13, 2024", "KP sets wheat procurement target", "March 11, 2024", "", filed,
                 SECOND)  # fmt: skip
    assert dated.published.date == D(2024, 3, 11)  # the article's own date line stands


def test_sky_news_links_under_read_more_from_and_its_whatsapp_box_among_the_paragraphs():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                  "Read more from Sky News:", "Hospital waiting list in England falls for fourth month in a row",
                  "Paramedics 'exhausted' as winter pressures begin early", SECOND, "Follow Sky News on WhatsApp",
                  "Keep up with all the latest news from the UK and around the world by following Sky News",
                  "Tap here", THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_newsletters_welcome_paragraph_in_the_articles_container_is_its_first_paragraph():
    from articles.html_pages import parse_html

    welcome = "Welcome to Foreign Policy’s Morning Brief, where we’re highlighting the border, trade and the budget."
    html = (
        "<html><body><h1>Border trade to expand</h1><p>By Asma Zaidi</p><time>January 18, 2024</time>"
        f'<div class="content"><p>{welcome}</p><p class="signup"><em>Want the Morning Brief in your inbox every '
        "weekday? Sign up here.</em></p><h3>Tit for Tat</h3>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + "</div></body></html>"
    )
    parsed = parse_html(html, what="HTML")
    assert parsed.body.split("\n\n") == [welcome, *ARTICLE]


def test_related_cards_with_their_day_and_section_under_the_article():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE, "Related",
                  "Birmingham City Council to cut 600 jobs to help balance budget", "12 Apr 2024", "Birmingham",
                  "Council tax bills in England rise by average of 5.1%", "28 Mar 2024", "Business")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert "a linked story's date" in [removal.note for removal in parsed.removals]


def test_a_list_of_other_stories_ends_the_article_but_a_box_of_links_among_its_paragraphs_does_not():
    card = "Security forces say 12 militants were killed in the operation near the Afghan border."
    closed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE, "Afghanistan",
                  "Taliban", "Related", "Taliban close Kabul beauty salons", "4 days ago", "Asia",
                  "More from the BBC", "2 hrs ago", "Pakistan army says 'terrorists' killed in raid", card,
                  "Asia")  # fmt: skip
    assert closed.body == "\n\n".join(ARTICLE)  # the tags above the list, and the card's summary under it, too
    boxed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "Related",
                 "Taliban close Kabul beauty salons", "4 days ago", SECOND, THIRD)  # fmt: skip
    assert boxed.body == "\n\n".join(ARTICLE)


def test_a_sites_subscription_box_and_its_description_of_itself_under_the_article():
    outlets = OutletIndex([Outlet("South Asian Voices", ("SAV",), ("southasianvoices.org",), "US", "think_tank")])
    text = "\n".join(["South Asian Voices", "Border trade to expand", "February 12, 2024", "", *ARTICLE, "",
                      "Share this:", "Twitter", "Facebook", "", "Related Posts", "Bhutan’s Green Hydrogen Bet", "",
                      "Subscribe to SAV", "Get the latest analysis from South Asia’s next generation of policy voices.",
                      "South Asian Voices is a product of the Stimson Center’s South Asia Program."])  # fmt: skip
    assert with_outlet(parse_text(text, outlets=outlets), outlets).body == "\n\n".join(ARTICLE)


def test_a_note_on_a_credited_author_under_the_article_is_their_bio_whatever_their_trade():
    note = "Niamh Costello is a housing solicitor in Leeds and chairs a tenants’ advice charity"
    parsed = page("Renters are still waiting", "Niamh Costello", "Wed 6 Dec 2023 07.00 GMT", "", *ARTICLE, note)
    assert (parsed.body, parsed.author_bio) == ("\n\n".join(ARTICLE), note)
    closing = "Asad Khan is a lawyer who represented the traders in court."
    news = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE, closing)
    assert news.body.endswith(closing)  # someone the article speaks of, not its author


def test_an_opinions_question_to_the_reader_is_text_its_short_signpost_a_subheading():
    editorial = page("Home / Opinion / Editorial", "Powerless consumers", "January 18, 2024", "", LEAD,
                     "How much more can they take?", SECOND, "Who benefits?", THIRD, "A way out",
                     LEAD.removeprefix("ISLAMABAD: "))  # fmt: skip
    assert "How much more can they take?" in editorial.body.split("\n\n")
    assert removed(editorial, "subheading") == ["Who benefits?", "A way out"]
    signed = page("Gulf pivot needs more than MoUs", "Shahid Rathore", "January 18, 2024", "", LEAD,
                  "Is Pakistan prepared to compete on those terms?", SECOND, THIRD,
                  "The writer is a former ambassador to Saudi Arabia.")  # fmt: skip
    assert "Is Pakistan prepared to compete on those terms?" in signed.body.split("\n\n")
    news = page("Home", "Opinion", "World", "Business", "", "Border trade to expand", "By Asma Zaidi",
                "January 18, 2024", "", LEAD, "What is causing the smog today?", SECOND, "Who pays?",
                THIRD)  # fmt: skip
    assert removed(news, "subheading") == [
        "What is causing the smog today?",
        "Who pays?",
    ]  # `Opinion` in the menu files nothing


def test_a_pages_only_question_between_paragraphs_is_the_writer_asking_unless_the_markup_heads_it():
    asked = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "Why has this happened?",
                 "Part of the answer is policy: the traders were told the route was neither cheap nor predictable.",
                 SECOND, THIRD)  # fmt: skip
    assert "Why has this happened?" in asked.body.split("\n\n")
    assert removed(asked, "subheading") == []
    headed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "Why has this happened?",
                  SECOND, "A pattern, not a spike", THIRD)  # fmt: skip
    assert removed(headed, "subheading") == ["Why has this happened?", "A pattern, not a spike"]

    from articles.html_pages import parse_html

    html = parse_html(
        f"<html><body><h1>Border trade to expand</h1><p>By Asma Zaidi</p><p>January 18, 2024</p><p>{LEAD}</p>"
        f"<h2>Why has this happened?</h2><p>{SECOND}</p><p>{THIRD}</p></body></html>",
        what="HTML",
    )
    assert removed(html, "subheading") == ["Why has this happened?"]  # the markup sets it as a heading


@pytest.mark.parametrize(
    "signal",
    ["South Asia | Economy | Interviews", "In an interview with Arab News at his office, Hashmi spoke about visas.",
     "The Diplomat’s Sana Mirza speaks with researcher Farhan Qadri about remittances and recruitment."],
)  # fmt: skip
def test_a_page_that_says_it_is_an_interview_keeps_its_questions(signal):
    parsed = page(signal, "Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                  "What has the government done about it?", SECOND, THIRD)  # fmt: skip
    assert "What has the government done about it?" in parsed.body.split("\n\n")


def test_a_box_of_facts_and_its_source_among_the_paragraphs_does_not_end_the_article():
    parsed = page("Karachi power cuts spark street protests", "By Nadia Suleman", "7 June 2013", "",
                  "Media playback is unsupported on your device",
                  "Media caption: Residents of Orangi Town blocked roads with burning tyres", LEAD,
                  "Continue reading the main story", "Karachi's power gap", "Peak demand: about 2,800 megawatts",
                  "Supply: around 2,200 megawatts", "Source: KESC, official estimates", SECOND, THIRD)  # fmt: skip
    assert (parsed.body, parsed.summary) == ("\n\n".join(ARTICLE), "")
    assert removed(parsed, "photo_caption")[-1] == "Source: KESC, official estimates"


def test_the_old_reuters_related_stories_and_gallery_between_its_headline_and_byline():
    parsed = page("Reuters", "Home", "Business", "", "Analysis", "Pakistan's power debt creeps back despite payout", "",
                  "Tweet", "Share this", "", "Related News", "Pakistan secures $6.6 billion IMF loan, promises reforms",
                  "Tue, Sep 3 2013", "Pakistan raises electricity prices for industry", "Thu, Aug 1 2013", "",
                  "1 of 2. Workers repair power lines in Lahore September 17, 2013.",
                  "Credit: Reuters/Farooq Naeem", "", "By Imran Qadir and Daniel Marsh",
                  "ISLAMABAD | Thu Sep 19, 2013 6:12am EDT", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Pakistan's power debt creeps back despite payout"
    assert (parsed.byline, parsed.published.date) == ("Imran Qadir and Daniel Marsh", D(2013, 9, 19))
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_name_signed_with_a_dash_above_the_writers_note_is_the_byline():
    parsed = page(
        "Border trade to expand",
        "Posted on 07/02/2024",
        "",
        *ARTICLE,
        "— Khalid Rasheed Qazi",
        "The writer is a former ambassador of Pakistan to Saudi Arabia and Oman.",
        "Correction (09/02/2024): An earlier version of this essay said the resolution passed in 2016.",
    )
    assert (parsed.byline, parsed.body) == ("Khalid Rasheed Qazi", "\n\n".join(ARTICLE))


def test_a_blogs_appeal_for_contributions_under_its_heading_is_furniture():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE,
                  "Support independent reporting from Sindh",
                  "This blog is funded by its readers. If you found this interview useful, please consider a small "
                  "contribution through the Support page.", "Donate")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_quote_box_and_its_speaker_among_the_paragraphs_are_a_pull_quote():
    box = "“We expect one more cut this year, most likely in the second quarter once the dollar’s rally fades.”"
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, box,
                  "— Hassan Rahimi, economist", SECOND, THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "pull_quote") == [box, "— Hassan Rahimi, economist"]
    said = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                "— and then, officials said, the talks resumed.", SECOND)  # fmt: skip
    assert "— and then, officials said, the talks resumed." in said.body


def test_numbered_signposts_between_paragraphs_are_subheadings_but_a_numbered_list_is_text():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                  "1. The target assumes an economy we don't have", SECOND,
                  "2. New measures are booked at face value", THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert len(removed(parsed, "subheading")) == 2
    steps = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                 "1. Reduce the tariff on dates.", SECOND, "2. Reopen the crossing at Gabd.", THIRD)  # fmt: skip
    assert "1. Reduce the tariff on dates." in steps.body


def test_the_day_shown_above_the_headline_outranks_the_markups_time_in_utc_a_day_apart():
    head = '<meta property="article:published_time" content="2024-02-17T21:45:00Z">'
    parsed = html_page("<p>February 18, 2024 - 01:15</p><h2>Border trade to expand</h2>"
                       + "".join(f"<p>{line}</p>" for line in ARTICLE), head)  # fmt: skip
    assert parsed.published.date == D(2024, 2, 18)
    local = '<meta property="article:published_time" content="2024-02-17T21:45:00+03:30">'
    assert html_page("<h1>Border trade to expand</h1>" + "".join(f"<p>{line}</p>" for line in ARTICLE),
                     local).published.date == D(2024, 2, 17)  # fmt: skip


def test_an_author_box_with_a_career_in_the_past_tense_names_the_author():
    parsed = page("Border trade to expand", "Posted on 14/02/2025", "", *ARTICLE, "About the author", "Helen Okafor",
                  "Helen Okafor taught secondary mathematics in Leeds and Manchester for 22 years.",
                  "View all posts by Helen Okafor")  # fmt: skip
    assert (parsed.byline, parsed.body) == ("Helen Okafor", "\n\n".join(ARTICLE))
    closing = "Abdul Majeed Chandio spent 34 years in the irrigation department and retired as chief engineer."
    interview = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE, closing)
    assert interview.body.endswith(closing)  # the article's own line about someone it speaks of


def test_a_list_of_names_under_their_labels_closing_the_article_is_the_articles():
    squad = ["Goalkeepers: Alireza Beiranvand, Payam Niazmand, Hossein Hosseini",
             "Defenders: Shojae Khalilzadeh, Milad Mohammadi, Ramin Rezaeian, Saleh Hardani"]  # fmt: skip
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE, *squad, "MNA/6398123",
                  "Tags", "Football")  # fmt: skip
    assert parsed.body == "\n\n".join([*ARTICLE, *squad])


def test_a_relative_time_after_a_bullet_is_no_headline():
    parsed = page("Home › Middle East › Iran", "", "Iran's non-oil trade with neighbours tops $48 billion", "",
                  "· 5h ago", "12/02/2024 10:45", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Iran's non-oil trade with neighbours tops $48 billion"


def test_the_sites_initials_as_the_markups_author_credit_nobody_beyond_it():
    head = ('<meta property="og:site_name" content="Human Rights Commission of Pakistan">'
            '<meta name="author" content="HRCP">')  # fmt: skip
    parsed = html_page("<h1>Brick kiln workers still paid below legal rate</h1><p>12/04/2024</p>"
                       + "".join(f"<p>{line}</p>" for line in ARTICLE), head)  # fmt: skip
    assert parsed.byline == ""


def test_a_letters_closing_formula_then_its_signer_and_address_in_the_irish_times_manner():
    parsed = page("Planning delays", "Thu Apr 11 2024 - 05:00", "", "Sir, – " + LEAD, SECOND, "Yours, etc,",
                  "MARTIN REDDAN,", "Glasnevin,", "Dublin 9.")  # fmt: skip
    assert (parsed.byline, parsed.body) == ("Martin Reddan", "\n\n".join(["Sir, – " + LEAD, SECOND]))
    assert removed(parsed, "letter_closing") == ["Yours, etc,"]


def test_a_letters_signer_in_plain_letters_above_a_town_is_its_author():
    parsed = page("Pensioners kept waiting", "LETTERS", "January 18, 2024", "", *ARTICLE, "Imtiaz Ali Shah",
                  "Hyderabad")  # fmt: skip
    assert parsed.byline == "Imtiaz Ali Shah"
    larkana = page("Pensioners kept waiting", "LETTERS", "January 18, 2024", "", *ARTICLE, "Shahid Hussain Buriro",
                   "Larkana")  # fmt: skip
    assert larkana.byline == "Shahid Hussain Buriro"
    widget = page("Pensioners kept waiting", "January 18, 2024", "", *ARTICLE, "", "Share", "Facebook", "",
                  "Most Read", "Ministry of Education announces winter break dates", "", "Prayer Times", "Riyadh",
                  "Fajr 5:02")  # fmt: skip
    assert widget.byline == ""  # a widget under the page's share bar and links, no signer


def test_a_short_headline_under_its_section_with_its_standfirst_under_it_is_the_headline():
    standfirst = "Pakistan wants $15 billion in digital exports, yet keeps switching off the internet its workers need"
    parsed = page("Home", "Pakistan", "World", "", "OPINION", "The freelancer's dilemma", standfirst,
                  "Hamza Tariq Bajwa", "September 04, 2023", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "The freelancer's dilemma"
    assert parsed.summary == standfirst


def test_a_headline_that_ends_in_a_town_is_not_a_name_with_its_town():
    parsed = page("Iran", "Sports", "February, 22, 2025 - 19:41", "Iran Futsal Beats Afghanistan in Tehran Friendly",
                  "TEHRAN (Tasnim) – " + SECOND, THIRD, "Iran are the most successful team in the history of the "
                  "AFC Futsal Asian Cup with 13 titles.")  # fmt: skip
    assert parsed.title == "Iran Futsal Beats Afghanistan in Tehran Friendly"
    assert parsed.byline == ""
    assert parsed.body.endswith("with 13 titles.")


def test_a_town_on_the_date_line_is_where_and_an_agency_above_the_headline_is_who():
    express = wire_page("Delhi's air quality slips to 'very poor'", "PTI", "New Delhi | Updated: November 5, 2024 "
                        "10:26 IST", "", *ARTICLE)  # fmt: skip
    assert express.byline == "PTI"
    arab_news = wire_page("Updated 02 December 2024", "AFP", "December 02, 2024 15:47", "Follow",
                          "Afghans forced out of Pakistan face winter with nothing", "", *ARTICLE)  # fmt: skip
    assert arab_news.byline == "AFP"


def test_a_newsletters_name_in_its_invitations_makes_its_masthead_an_outlet():
    parsed = page("Discover more from The Western Gate", "Reporting from Afghanistan's western borderlands.",
                  "Subscribe", "", "The Western Gate", "Subscribe", "Sign in", "",
                  "Why Herat's traders are turning away from Iran", "Zahra Mirzai", "Jan 22, 2025", "", *ARTICLE,
                  "Thanks for reading The Western Gate! Subscribe for free to receive new posts.",
                  "© 2025 Zahra Mirzai")  # fmt: skip
    assert parsed.outlet == "The Western Gate"


def test_a_menu_item_that_names_a_section_is_no_masthead():
    outlets = OutletIndex([Outlet("U.S. News & World Report", ("U.S. News",), ("usnews.com",), "US", "magazine")])
    text = "\n".join(["Home", "United States", "U.S. News", "All About America", "World", "",
                      "Pakistan begins deporting undocumented Afghans", "November 01, 2023 9:40 AM",
                      "By VOA News", "", *ARTICLE])  # fmt: skip
    assert with_outlet(parse_text(text, outlets=outlets), outlets).outlet != "U.S. News & World Report"


def test_the_aps_read_more_under_a_caption_leaves_the_headline_above_it():
    parsed = wire_page("Menu", "World", "Donate", "Nepal raises Everest permit fee for foreign climbers", "1 of 2 |",
                       "FILE - Climbers queue on the slopes of Mount Everest on May 19, 2023. (AP Photo/Bikram Rai, "
                       "File)", "Read More", "By  Sunil Thapa", "Updated 3:56 PM GMT+5, January 23, 2025", "Share",
                       "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Nepal raises Everest permit fee for foreign climbers"


def test_authors_named_by_their_links_and_a_type_label_in_the_author_field():
    cfr = html_page('<h1>What Is the Indus Waters Treaty?</h1><p>Last updated May 9, 2025</p>'
                    '<div class="article-header__authors"><a href="/bio/mariam-haider">Mariam Haider</a> '
                    '<a href="/bio/owen-strickland">Owen Strickland</a></div>' + paragraphs(*ARTICLE))  # fmt: skip
    assert cfr.byline == "Mariam Haider and Owen Strickland"
    editorial = html_page("<h1>Wheat policy in disarray</h1><p>May 08, 2024</p>" + paragraphs(*ARTICLE),
                          head='<meta name="author" content="Editorial">')  # fmt: skip
    assert editorial.byline == ""
    tagdiv = html_page('<h1>Security forces bust hideout</h1><div><a href="/author/ani/">ANI</a> '
                       '<time class="entry-date updated" datetime="2024-11-20">20 November, 2024</time></div>'
                       + paragraphs(*ARTICLE))  # fmt: skip
    assert tagdiv.published.date == D(2024, 11, 20)


def test_afps_dateline_with_its_country_credits_afp_on_another_site():
    outlets = OutletIndex([Outlet("Agence France-Presse", ("AFP",), ("afp.com",), "FR", "agency"),
                           Outlet("France 24", ("France24",), ("france24.com",), "FR", "broadcaster")])  # fmt: skip
    text = "\n".join(["FRANCE 24", "", "Afghans deported from Pakistan face winter", "Issued on: 08/11/2023 - 09:41",
                      "", "Torkham (Afghanistan) (AFP) – " + SECOND, THIRD, "© 2023 AFP"])  # fmt: skip
    assert with_outlet(parse_text(text, outlets=outlets), outlets).byline == "AFP"


def test_a_pasted_table_with_its_title_and_source_is_furniture_and_the_article_goes_on_below_it():
    text = "\n".join([
        "Border trade to expand", "January 18, 2024", "", LEAD, "", SECOND, "",
        "Border trade ($mn)", "Item\tDec-24\tNov-24", "Exports\t474\t729", "Imports\t-2,129\t-1,874",
        "Source: SBP", "", THIRD,
    ])  # fmt: skip
    parsed = parse_text(text)
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "data_table") == [
        "Border trade ($mn)", "Item Dec-24 Nov-24", "Exports 474 729", "Imports -2,129 -1,874", "Source: SBP",
    ]  # fmt: skip
    one_row = parse_text(text.replace("Imports\t-2,129\t-1,874\n", "").replace("Exports\t474\t729\n", ""))
    assert removed(one_row, "data_table") == []  # a tab in one line is no table


def test_a_table_set_with_bars_and_a_heading_stacked_on_a_subheading_are_furniture():
    text = "\n".join([
        "Floods in Balochistan: Situation Update No. 6", "Posted: 23 Aug 2024", "", LEAD, "", "Key figures",
        "Indicator | Figure | Change", "Deaths | 61 | +9", "Houses destroyed | 9,870 | +2,140", "",
        "Humanitarian response", "Shelter and non-food items", SECOND, "", "Health", THIRD,
    ])  # fmt: skip
    parsed = parse_text(text)
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "subheading") == ["Humanitarian response", "Shelter and non-food items", "Health"]


def test_figures_set_out_line_by_line_and_a_long_source_under_a_table_do_not_end_the_article():
    rows = ["Money transfers from Russia, $ billion", "2021 – 3.0", "2022 – 5.1", "2023 – 5.6", "Source: World Bank"]
    figures = page("Remittances hold up", "June 3, 2024", "", LEAD, "", *rows, "", SECOND, "", THIRD)
    assert figures.body == "\n\n".join(ARTICLE)
    from articles.html_pages import parse_html

    source = "Source: Department of Defense budget justification documents; service and company public statements; "
    table = parse_html(
        "<html><body><h1>Munitions goals fall short</h1><p>June 3, 2024</p>" + f"<p>{LEAD}</p>"
        + "<table><caption>Table 1: Goals</caption><tr><th>Munition</th><th>Goal</th></tr><tr><td>LRASM</td>"
        + f"<td>120</td></tr></table><p>{source}authors’ estimates. Figures are rounded.</p><p>{SECOND}</p>"
        + f"<p>{THIRD}</p></body></html>",
        what="HTML",
    )  # fmt: skip
    assert table.body == "\n\n".join(ARTICLE)


def test_a_tables_source_line_and_an_instagram_embed_do_not_end_or_join_the_article():
    table = html_page("<h1>Budget 2025-26: spending at a glance</h1><p>June 10, 2025</p>" + paragraphs(LEAD)
                      + '<table><caption>Federal spending (Rs bn)</caption><tr><th>Head</th><th>BE 2025-26</th></tr>'
                      "<tr><td>Interest payments</td><td>8,207</td></tr></table>"
                      "<p><em>Source: Budget in Brief 2025-26, Finance Division</em></p>"
                      + paragraphs(SECOND, THIRD))  # fmt: skip
    assert table.body == "\n\n".join(ARTICLE)
    embed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "",
                 "View this post on Instagram", "A post shared by Zoha Malik (@zohamalikmusic)", "", SECOND, "",
                 THIRD)  # fmt: skip
    assert embed.body == "\n\n".join(ARTICLE)


def test_lists_of_programs_regions_and_topics_between_the_date_and_the_article_are_tags():
    parsed = page("Commentary", "Border Trade Is Set to Expand", "Asma Zaidi, Omar Khan",
                  "Published on January 18, 2024", "", "Programs", "South Asia Program", "Regions", "Pakistan",
                  "Topics", "Trade", "Climate Change", "",
                  *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.byline) == ("Border Trade Is Set to Expand", "Asma Zaidi and Omar Khan")
    assert removed(parsed, "tag_list")[-2:] == ["Trade", "Climate Change"]
    assert parsed.body == "\n\n".join(ARTICLE)


def test_the_publication_date_said_again_under_the_article_ends_it():
    parsed = page("Border trade to expand", "Published - April 02, 2024 12:20 am IST", "READ LATER", "Remove SEE ALL",
                  "", *ARTICLE, "", "Published - April 02, 2024 12:20 am IST", "Top News Today",
                  "Sensex, Nifty end higher on gains in banking, IT stocks",
                  "Kerala records 2,000 cases of heat rash, 17 of heat exhaustion in March")  # fmt: skip
    assert (parsed.body, parsed.byline) == ("\n\n".join(ARTICLE), "")
    live = page("Border trade to expand", "Published - April 02, 2024 12:20 am IST", "", LEAD,
                "Published - April 03, 2024 9:00 am IST", SECOND, THIRD)  # fmt: skip
    assert live.body.endswith(THIRD)  # another day's entry, not the date again


def test_a_wordpress_blogs_long_description_and_its_author_box_published_by_a_person():
    parsed = page("Skip to content", "Down the Lane",
                  "Notes on village life, old engineering and whatever the parish council is up to", "Menu", "Home",
                  "About", "", "Posted on 14/03/2024", "Why our water bill is going up again", "", *ARTICLE, "",
                  "Published by Geoff Marsh", "Retired civil engineer, bell-ringer and reluctant parish councillor.",
                  "", "© 2024 Geoff Marsh")  # fmt: skip
    assert (parsed.outlet, parsed.byline) == ("Down the Lane", "Geoff Marsh")
    company = page("Border trade to expand", "January 18, 2024", "", *ARTICLE, "",
                   "Published by Associated Newspapers Ltd")  # fmt: skip
    assert company.byline == ""


def test_a_place_then_a_name_under_the_headline_is_the_byline():
    parsed = page("Iraq's budget deadlock leaves provinces waiting", "Wednesday, 19 February, 2025 - 05:45",
                  "Baghdad - Karim al-Saadi", "", *ARTICLE)  # fmt: skip
    assert parsed.byline == "Karim al-Saadi"
    outlets = OutletIndex([Outlet("Asharq Al-Awsat", (), ("aawsat.com",), "SA", "newspaper")])
    text = "\n".join(["Iraq's budget deadlock leaves provinces waiting", "Wednesday, 19 February, 2025 - 05:45",
                      "London - Asharq Al-Awsat", "", *ARTICLE])  # fmt: skip
    # the paper's own name as credited, as a byline `By Arab News` is (the corpus README's convention)
    assert with_outlet(parse_text(text, outlets=outlets), outlets).byline == "Asharq Al-Awsat"


def test_the_writers_name_above_their_note_under_the_article_is_the_byline():
    parsed = page("Border trade to expand", "January 18, 2024", "", *ARTICLE, "", "Amna Siddiqui",
                  "The writer is a Lahore-based journalist who writes on culture and cities. She tweets "
                  "@amnasiddiqui_ (twitter.com/amnasiddiqui_)",
                  "The views expressed by the writer and the reader comments do not necessarily reflect the views "
                  "and policies of The Express Tribune.")  # fmt: skip
    assert (parsed.byline, parsed.body) == ("Amna Siddiqui", "\n\n".join(ARTICLE))


def test_an_aside_naming_the_contributors_under_the_article_gives_the_byline():
    from articles.html_pages import parse_html

    html = (
        "<html><body><h1>Border trade to expand</h1><p>17 January 2024</p>"
        + "".join(f"<p>{line}</p>" for line in ARTICLE)
        + '<aside class="c-publication__contributors"><h4>Contributors</h4>'
        '<div><a class="c-contributor__name">Amina Warsame</a>\n<span>Senior Analyst, Somalia</span></div>'
        '<div><a class="c-contributor__name">Daniel Tesfaye</a>\n<span>Senior Analyst, Ethiopia</span></div></aside>'
        '<aside class="related"><h4>Related</h4><a>Somalia at a crossroads</a></aside></body></html>'
    )
    parsed = parse_html(html, what="HTML")
    assert (parsed.byline, parsed.body) == ("Amina Warsame and Daniel Tesfaye", "\n\n".join(ARTICLE))


def test_a_blogs_name_and_description_above_the_day_and_the_posts_title():
    parsed = page("The Long Handle", "Cricket from Karachi: mostly Pakistan, occasionally despair.", "",
                  "Tuesday, 9 April 2024", "Babar again: the PCB's captaincy merry-go-round", "", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.outlet) == ("Babar again: the PCB's captaincy merry-go-round", "The Long Handle")
    assert (parsed.summary, parsed.published.date) == ("", D(2024, 4, 9))
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_question_in_a_piece_written_as_i_is_the_writers_not_a_subheading():
    mine = "I have covered the board for a decade, and I have never seen it change its mind so fast."
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", mine,
                  "Is it any wonder the traders look confused?", SECOND, THIRD)  # fmt: skip
    assert "Is it any wonder the traders look confused?" in parsed.body.split("\n\n")


def test_a_headline_asking_a_question_above_its_agency_is_no_photo_caption():
    parsed = page("Gold at record highs: what is driving the rally?", "AFP", "Clément MARÉCHAL",
                  "Sun, February 16, 2025 at 3:12 AM GMT+1", "",
                  "Gold has gained more than 40 percent over the past twelve months (Jonas ERLACH)", "",
                  *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.byline) == ("Gold at record highs: what is driving the rally?", "Clément MARÉCHAL")
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "photo_caption")[0].endswith("(Jonas ERLACH)")


@pytest.mark.parametrize("label", ["AP PHOTOS:", "FOCUS:", "Feature:", "Spotlight:", "Roundup:", "Commentary:"])
def test_an_agencys_label_comes_off_the_headline(label):
    parsed = page(f"{label} Drums, dust and devotion at a Sufi festival", "By Asma Zaidi", "January 18, 2024", "",
                  *ARTICLE)  # fmt: skip
    assert parsed.title == "Drums, dust and devotion at a Sufi festival"
    assert parsed.article_type == ("opinion" if label == "Commentary:" else "news")


def test_sentences_shaped_like_the_new_furniture_stay_in_the_article():
    aside = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "So what went wrong?",
                 SECOND, "Chart-topping singer Atif Aslam performed in Lahore on Friday for a packed stadium.",
                 THIRD)  # fmt: skip
    assert "So what went wrong?" in aside.body.split("\n\n")
    assert "Chart-topping singer" in aside.body
    namesake = page("Border trade to expand", "By Sana Khan", "January 18, 2024", "", *ARTICLE,
                    "Khan is a former cricketer who led Pakistan to the 1992 World Cup.")  # fmt: skip
    assert namesake.body.endswith("1992 World Cup.")
    quoted = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                  "He told reporters:", "“We will not back down”", SECOND, THIRD)  # fmt: skip
    assert "“We will not back down”" in quoted.body
    photo = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                 "© AFP/Aamir QURESHI", SECOND, THIRD)  # fmt: skip
    assert "photo_caption" in {removal.rule for removal in photo.removals if removal.text.startswith("©")}


def test_an_embedded_posts_card_as_copied_and_the_bbcs_markers_around_one_are_furniture():
    card = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "",
                "Pakistan Meteorological Department", "@pmdgov",
                "Earthquake Alert: Magnitude 5.9, Depth 190 km, Region Hindu Kush. #Earthquake",
                "10:44 PM · Jan 21, 2025", "", SECOND, "", THIRD)  # fmt: skip
    assert card.body == "\n\n".join(ARTICLE)
    assert len(removed(card, "embedded_post")) == 4
    assert card.published.date == D(2024, 1, 18)  # the post's day is not the article's
    substack = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                    "Farhad Nouri @fnouri_econ", "Budget committee vote just now: the preferential rate is struck.",
                    "9:47 PM ∙ Feb 9, 2025", "212 Likes 58 Retweets", SECOND, THIRD)  # fmt: skip
    assert substack.body == "\n\n".join(ARTICLE)
    marked = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                  "Skip twitter post 2 by Friends of the River Ray", "Fish are dying on every bend of the river.",
                  "— Environment Agency (Thames) (@EnvAgencyThames) September 13, 2023",
                  "The BBC is not responsible for the content of external sites.",
                  "End of twitter post 2 by Friends of the River Ray", SECOND, THIRD)  # fmt: skip
    assert marked.body == "\n\n".join(ARTICLE)


def test_a_byline_of_a_person_and_the_papers_news_service_credits_the_person():
    parsed = page("Border trade to expand", "Nikhil Rao Jadhav / TNN / Updated: Jan 10, 2025, 04:12 IST", "",
                  *ARTICLE)  # fmt: skip
    assert (parsed.byline, parsed.published.date) == ("Nikhil Rao Jadhav", D(2025, 1, 10))
    agency = page("Border trade to expand", "PTI / Updated: Jun 3, 2025", "", *ARTICLE)
    assert agency.byline == "PTI"


def test_a_support_box_between_the_headline_and_the_article_is_never_the_headline():
    parsed = page("Fisherman rescued after 14 hours off Cornwall", "Holly Pendrell", "Wednesday 15 May 2024 14:21 BST",
                  "", "Family handout photo of the fisherman at home (Family handout)", "", "Support truly",
                  "independent journalism",
                  "Our mission is to deliver unbiased, fact-based reporting that holds power to account.",
                  "Whether £5 or £50, every contribution counts.",
                  "Support us to deliver journalism without an agenda.",
                  "Holly Pendrell", "Reporter", "", *ARTICLE,
                  "I hope you appreciated this article. Before you move on, I was hoping you would consider taking "
                  "the step of supporting the Guardian’s journalism.")  # fmt: skip
    assert (parsed.title, parsed.byline) == ("Fisherman rescued after 14 hours off Cornwall", "Holly Pendrell")
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "photo_caption") == ["Family handout photo of the fisherman at home (Family handout)"]


def test_a_short_headline_under_its_sections_label_keeps_its_longer_deck_under_it():
    parsed = page("Opinion", "Counting every drop",
                  "The Indus basin cannot survive another decade of ad hoc water management", "Hamza Qureshi",
                  "June 03, 2024", "", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.summary) == (
        "Counting every drop",
        "The Indus basin cannot survive another decade of ad hoc water management",
    )
    labelled = page("Menu", "Video", "", "Live news",
                    "Thin Himalayan snow threatens water for millions downstream, Nepal farmers fear",
                    "Issued on: 14/04/2025 - 11:20", "", *ARTICLE)  # fmt: skip
    assert labelled.title == "Thin Himalayan snow threatens water for millions downstream, Nepal farmers fear"


def test_a_synopsis_under_its_label_is_the_standfirst_and_the_label_of_the_text_is_furniture():
    synopsis = "More than three decades after it was first proposed, the ASEAN Power Grid remains a patchwork of links."
    parsed = page("The ASEAN Power Grid needs a market", "By Kwa Li Ting", "March 3, 2025", "", "SYNOPSIS", "",
                  synopsis, "", "COMMENTARY", "", *ARTICLE,
                  "Update, 4 March: An earlier version of this post gave the wrong figure. It is 45, not 35.",
                  )  # fmt: skip
    assert parsed.summary == synopsis
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_wordpress_pull_quote_is_furniture_by_its_class():
    parsed = html_article(
        "<h1>Border trade to expand</h1><p>By Asma Zaidi</p><p>January 18, 2024</p>",
        '<figure class="wp-block-pullquote"><blockquote><p>A train is only as useful as the bus that takes you '
        "to it.</p></blockquote></figure>",
    )
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "pull_quote") == ["A train is only as useful as the bus that takes you to it."]


def test_an_agencys_lead_marked_as_the_summary_is_the_articles_first_paragraph_unless_the_text_has_its_own():
    lead = "Isfahan, IRNA – The Zayandeh Rud River will flow again through the city for 12 days, an official said."
    head = f'<meta name="description" content="{lead}">'
    marked = html_page(f"<h1>Zayandeh Rud to flow for Nowruz</h1><p>March 10, 2024</p>"
                       f'<p class="summary introtext">{lead}</p>'
                       + "".join(f"<p>{line}</p>" for line in ARTICLE[1:]), head)  # fmt: skip
    assert marked.body.split("\n\n") == [lead, *ARTICLE[1:]]
    deck = "TEHRAN – Iran's non-oil trade with the Eurasian Economic Union reached $2.9 billion in six months."
    retold = html_page(f'<h1>Trade with the EAEU up 18%</h1><p>October 15, 2024</p><p class="lead">{deck}</p>'
                       + "".join(f"<p>{line}</p>" for line in ARTICLE),
                       f'<meta name="description" content="{deck}">')  # fmt: skip
    assert (retold.summary, retold.body) == (deck, "\n\n".join(ARTICLE))  # the article opens with its own dateline


def test_a_videos_card_among_the_paragraphs_is_its_player():
    for card in ["VIDEO Iran vows new centrifuges in response to IAEA resolution 02:41",
                 "Video Ad Feedback Why the world’s batteries depend on Congo’s mines 03:12 - Source: CNN",
                 ]:  # fmt: skip
        parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, card, SECOND, THIRD)
        assert parsed.body == "\n\n".join(ARTICLE)
        assert removed(parsed, "media_player") == [card]


def test_a_list_of_links_is_read_as_shown_without_what_only_screen_readers_get():
    parsed = html_page(
        f"<h1>Border trade to expand</h1><p>January 18, 2024</p><p>{LEAD}</p><p>{SECOND}</p>"
        '<div class="more-on"><ul><li><span class="screen-reader-text">list 1 of 2</span>'
        "<a href='#'>Iran declares public holiday in Tehran to save water</a></li>"
        '<li><span class="screen-reader-text">list 2 of 2</span><a href="#">Lake Urmia shrinks to near-record low</a>'
        f"</li></ul></div><p>{THIRD}</p>"
    )
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_note_on_a_credited_author_is_their_bio_above_the_article_as_below_it():
    note = ("Jonathan Reyes, a retired Army colonel, commanded a recruiting battalion in Texas from 2019 to 2021. "
            "Alicia Brandt, a former Army physician, teaches military medicine in Ohio.")  # fmt: skip
    last = "The Pentagon says it will review the rules by the end of the year."
    above = html_page("<h1>The Army's medical screening is failing</h1><p>By Jonathan Reyes and Alicia Brandt</p>"
                      f"<p>January 18, 2024</p><p><i>{note}</i></p>"
                      + "".join(f"<p>{line}</p>" for line in [*ARTICLE, last]))  # fmt: skip
    assert above.body.split("\n\n") == [*ARTICLE, last]
    assert removed(above, "author_bio") == [note]
    lawyer = "Usman Khalid Butt is an advocate of the Lahore High Court. Views are personal."
    below = html_page("<h1>Constitutional benches</h1><p>November 12, 2024</p>"
                      + "".join(f"<p>{line}</p>" for line in ARTICLE) + f"<p><em>{lawyer}</em></p>")  # fmt: skip
    assert below.body == "\n\n".join(ARTICLE)


def test_an_outlet_describing_itself_and_a_disclosure_statement_under_the_article_are_furniture():
    outlets = OutletIndex([Outlet("Indo-Asian News Service", ("IANS",), ("ianslive.in",), "IN", "agency")])
    about = "The Indo-Asian News Service (IANS) is India's largest independent news service, serving media worldwide."
    text = "\n".join(["Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE, about])
    assert with_outlet(parse_text(text, outlets=outlets), outlets).body == "\n\n".join(ARTICLE)
    disclosed = page("Border trade to expand", "By Ayesha Qureshi", "January 18, 2024", "", *ARTICLE,
                     "Ayesha Qureshi receives funding from the Higher Education Commission of Pakistan.")  # fmt: skip
    assert disclosed.body == "\n\n".join(ARTICLE)
    subject = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE,
                   "The chamber receives funding from its members and from the provincial government.")  # fmt: skip
    assert subject.body.endswith("provincial government.")  # a sentence of the article, not a disclosure


def test_where_a_piece_first_ran_and_how_to_hear_a_programme_are_furniture():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE,
                  "You can listen to From Our Own Correspondent on Radio 4 on Thursdays and Saturdays.",
                  "This piece first ran in Thaw, my weekly newsletter on water and ice.")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_logos_text_names_the_outlet_above_a_sister_magazine_in_its_menu():
    outlets = OutletIndex([Outlet("Dawn", (), ("dawn.com",), "PK", "newspaper"),
                           Outlet("Herald", (), ("herald.dawn.com",), "PK", "magazine")])  # fmt: skip
    text = "\n".join(["Skip to content", "Dawn Logo", "Home", "Pakistan", "Images", "Herald", "Aurora", "",
                      "Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE])  # fmt: skip
    assert with_outlet(parse_text(text, outlets=outlets), outlets).outlet == "Dawn"


def test_a_caption_closed_by_a_courtesy_credit_is_furniture():
    caption = "Golshan Books’ back room during a poetry night in September 2024. Courtesy of Golshan Books"
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, caption, SECOND, THIRD)
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_linkedin_authors_headline_under_their_name_is_their_role_not_the_articles():
    parsed = page("LinkedIn", "Join now", "", "Pakistan won’t reach its IT export target on the internet we have",
                  "Report this article", "Usman Tariq", "Usman Tariq",
                  "CEO at Codebridge Labs | Building software teams in Lahore & Islamabad", "Published Oct 9, 2023",
                  "+ Follow", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.byline) == ("Pakistan won’t reach its IT export target on the internet we have",
                                             "Usman Tariq")  # fmt: skip


def test_topic_labels_above_a_blank_line_head_no_deck():
    parsed = page("The Interpreter", "Pacific Islands", "Banking & Finance", "Australia in the World", "",
                  "When the last correspondent bank leaves: the Pacific’s dollar problem",
                  "Australia has moved to keep Pacific banking lines open. The harder task is making them pay.", "",
                  "Harriet Tuilagi", "Published 20 Mar 2025 06:00", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "When the last correspondent bank leaves: the Pacific’s dollar problem"


def test_a_lower_case_title_over_a_longer_first_line_is_not_one_wrapped_paragraph():
    parsed = page("cricketlongroom", "Follow", "",
                  "the problem with pakistan cricket isn’t the captain, it’s the conveyor belt",
                  "ok i’ve had a week to calm down after the usa game and i still can’t stop thinking about it, so "
                  "here is a long post", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "the problem with pakistan cricket isn’t the captain, it’s the conveyor belt"


def test_notes_on_a_pieces_versions_a_newsletter_box_and_a_ghost_callout_are_furniture():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE, "Stay connected",
                  "Get your news from actual experts. Sign up to our daily newsletter to receive our latest coverage.",
                  "This article was amended on March 12 2025 to correct the volume of rice released.",
                  "Editor’s note: A shorter version of this essay appears in Issue 9 of The Salt Review.")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    boxed = html_page(f"<h1>Border trade to expand</h1><p>January 18, 2024</p><p>{LEAD}</p>"
                      '<div class="kg-card kg-callout-card"><div class="kg-callout-text">'
                      "<b>The corridor at a glance</b><br>Route: western China – Kazakhstan – Caspian Sea"
                      "<br>Sea crossings: two</div></div>"
                      f"<p>{SECOND}</p><p>{THIRD}</p>")  # fmt: skip
    assert boxed.body == "\n\n".join(ARTICLE)


def test_substacks_closing_call_and_a_map_credited_to_its_author_are_furniture():
    caption = "A map of public air-quality sensors in Lahore, November 2024. Each dot is one sensor. Map by the author."
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, caption, SECOND, THIRD,
                  "Ready for more?")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_page_that_spoke_to_someone_at_length_about_something_keeps_its_questions():
    intro = ("Iran Daily spoke to Dr. Reza Pourmand, an associate professor of agronomy at the University of Guilan "
             "who has studied the province's rice sector for 20 years, about what is driving the decline.")  # fmt: skip
    parsed = page("Gilan's rice paddies are shrinking", "By Leila Hosseini", "January 12, 2025", "", LEAD, intro,
                  "How much farmland has Gilan lost?", SECOND, "Why are farmers giving up their land?",
                  THIRD)  # fmt: skip
    assert "How much farmland has Gilan lost?" in parsed.body.split("\n\n")


def test_a_ticker_of_other_stories_above_the_date_leaves_the_headline_under_it():
    parsed = page("Home", "Economy", "", "Latest News", "Iran, Russia finalise gas swap pricing formula",
                  "Leader pardons, commutes sentences of 2,000 convicts", "", "Economy", "", "Tue Jan 14, 2025 11:22",
                  "", "Iran's Non-Oil Trade With Neighbours Tops $62bn in 9 Months", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Iran's Non-Oil Trade With Neighbours Tops $62bn in 9 Months"


def test_a_fact_box_a_posts_card_without_its_name_and_an_agencys_photographer_are_furniture():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "Fast Facts",
                  "56.9: PMI reading for October", "50.0: threshold separating growth from contraction", SECOND, "",
                  "@IranIntl_En", "Residents gather in the streets after a strong earthquake.",
                  "10:58 AM · Feb 18, 2025",
                  "", "Photo: Iranian and Kazakh delegations meet in Tehran. IRNA/Ali Mohammadi", "", THIRD,
                  "The Associated Press Health and Science Department receives support from the Robert Wood Johnson "
                  "Foundation. The AP is solely responsible for all content.")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "key_points") == ["Fast Facts", "56.9: PMI reading for October",
                                             "50.0: threshold separating growth from contraction"]  # fmt: skip


def test_headlines_set_between_two_paragraphs_are_links_but_a_list_after_a_colon_is_text():
    linked = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                  "Cost of living: How to save money on your food shop", "Why are food prices still so high?",
                  SECOND, THIRD)  # fmt: skip
    assert linked.body == "\n\n".join(ARTICLE)
    assert len(removed(linked, "related_links")) == 2
    items = ["Three new border markets at Mand and Pishin", "A joint trade committee meeting every quarter"]
    listed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD,
                  "The two sides agreed on the following points:", *items, SECOND, THIRD)  # fmt: skip
    assert all(item in listed.body.split("\n\n") for item in items)


@pytest.mark.parametrize(
    "caption",
    ["File photo of the Torkham border crossing.",
     "Traders at the Mand border market. | Photo courtesy: Commerce Ministry",
     "Traders wait at the Mand border market on Thursday | ANI",
     "Traders wait at the Mand border market on Thursday.\nRene Johnston/Toronto Star file photo"],
)  # fmt: skip
def test_a_file_photo_and_a_credit_after_a_bar_make_a_caption_but_a_byline_with_its_agency_stays_one(caption):
    parsed = page("Border trade to expand", "Amna Saleem | AFP", "January 18, 2024", "", LEAD, caption, SECOND, THIRD)
    assert parsed.body == "\n\n".join(ARTICLE)
    assert parsed.byline == "Amna Saleem"


def test_an_outlets_invitation_to_write_in_is_furniture():
    parsed = page(
        "Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE, "We want to hear from you."
    )
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_short_line_set_as_a_heading_between_paragraphs_is_a_subheading_whatever_follows_it():
    parsed = html_page(
        "<h1>Border trade to expand</h1><p>By Asma Zaidi</p><p>January 18, 2024</p>"
        f"<p>{LEAD}</p><h3>What happens if a trader does not pay?</h3><p>This is the biggest change.</p>"
        f"<p>{SECOND}</p><h2>FACTBOX: THE MARKETS</h2><p>{THIRD}</p>"
    )
    assert removed(parsed, "subheading") == ["What happens if a trader does not pay?", "FACTBOX: THE MARKETS"]
    assert "This is the biggest change." in parsed.body.split("\n\n")


def test_an_interviewers_question_set_as_a_heading_stays_in_the_text():
    question = "What is Pakistan doing and why now?"
    parsed = html_page(
        "<h1>Q&amp;A: Border trade to expand</h1><p>By Asma Zaidi</p><p>January 18, 2024</p>"
        f"<p>{LEAD}</p><h3>{question}</h3><p>Zaidi: We are opening markets because the border is the economy.</p>"
        "<p>Zaidi: Nobody in Mand or Taftan can live on smuggling for ever, and they know it.</p>"
    )
    assert question in parsed.body.split("\n\n")


@pytest.mark.parametrize(
    "posted",
    ["15 mins ago (14:05 GMT)", "11 Nov 2025 - 14:20 GMT", "Posted at 17:21 26 Jun", "17:55 GMT+1 2 hours ago"],
)
def test_the_time_of_a_live_pages_update_among_the_paragraphs_is_no_text(posted):
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "", SECOND, "", posted,
                  "", THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "date_line")[-1] == posted


def test_a_quotation_set_apart_that_gives_a_run_of_a_paragraphs_words_trimmed_is_a_pull_quote():
    said = ("Traders in Mand say the market, once opened, will have to be rebuilt every year with whatever "
            "the two governments happen to agree on at the time.")  # fmt: skip
    quote = "“The market will have to be rebuilt every year with whatever the two governments agree.”"
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "", said, "", quote, "",
                  SECOND, "", THIRD)  # fmt: skip
    assert removed(parsed, "pull_quote") == [quote]
    lone = "“Nobody in Mand has seen a market like this one before, and nobody expects to.”"
    kept = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "", said, "", lone, "",
                SECOND, "", THIRD)  # fmt: skip
    assert lone in kept.body.split("\n\n")  # a quotation of its own is the article's


def test_a_sentence_above_a_photo_and_the_reports_dateline_is_the_standfirst():
    standfirst = "Three more border markets will open by March, officials say, the first since the pandemic."
    caption = "Traders wait at a border market in Mand, Balochistan, on January 12, 2024."
    parsed = page("Border trade to expand", "January 18, 2024", standfirst, caption, *ARTICLE)
    assert (parsed.summary, parsed.body) == (standfirst, "\n\n".join(ARTICLE))
    assert removed(parsed, "photo_caption") == [caption]


def test_a_headline_of_two_sentences_over_its_standfirst_and_byline_is_no_paragraph_of_the_article():
    headline = "Our border markets are opening at last. The traders they were built for are not coming."
    deck = "When a crossing opens for three hours a week, the promise of trade becomes a formality."
    parsed = page("Opinion", headline, deck, "By Asma Zaidi", "March 27, 2024 at 6:45 a.m. EDT", "Share", "Comment",
                  "312", "", *ARTICLE, "", "Share this article", "Comments", "312 Comments")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)  # a dozen words and a full stop: no paragraph, over a `By` line
    assert (parsed.byline, parsed.published.date) == ("Asma Zaidi", D(2024, 3, 27))


def test_an_agencys_dateline_may_glue_its_dash_to_the_agencys_name():
    from articles.layout import opens_with_dateline

    assert opens_with_dateline("TEHRAN (FNA)- Iran exported non-oil goods worth $1.67 billion to the union.")
    assert not opens_with_dateline("Iran (and Iraq)-linked groups were blamed for the attack on the convoy.")


def test_a_sign_up_box_among_the_paragraphs_with_its_email_field_opens_no_comment_section():
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, SECOND,
                  "Sign up for our free Morning Headlines email for news from our reporters across the world", "Email*",
                  "SIGN UP", THIRD, "More about", "Trade", "Comments")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_print_editions_note_ends_the_article_and_it_or_a_copyrighted_address_names_the_outlet():
    outlets = OutletIndex(
        [Outlet("The Kathmandu Post", ("Kathmandu Post",), ("kathmandupost.com",), "NP", "newspaper")]
    )
    note = "A version of this article appears in the print on March 4, 2024, of The Kathmandu Post."
    appeal = "Dear reader, we’d like to hear from you. Please send your letters to the editor by email."

    def read(*footer: str):
        text = "\n".join(["Give cricket a home", "March 4, 2024", "", *ARTICLE, "", *footer])
        return with_outlet(parse_text(text, outlets=outlets), outlets)

    parsed = read(note, appeal, "What do you think?")
    assert (parsed.body, parsed.outlet) == ("\n\n".join(ARTICLE), "The Kathmandu Post")
    assert read("© 2024 www.kathmandupost.com. All rights reserved.").outlet == "The Kathmandu Post"


def test_trending_topics_above_the_header_are_neither_the_headline_nor_its_authors():
    headline = "Border trade to expand as three more markets open by March"
    parsed = page("The Times of India", "City News", headline, "Trending", "Quetta Airport Terminal 2",
                  "Gwadar Port Expansion", "Quetta Water Crisis", "PAKISTAN", "This story is from January 18, 2024", "",
                  headline, "Asma Zaidi / TNN / Updated: Jan 18, 2024, 08:14 IST", "", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.byline) == (headline, "Asma Zaidi")
    assert removed(parsed, "related_links")[1:] == ["Quetta Airport Terminal 2", "Gwadar Port Expansion",
                                                      "Quetta Water Crisis"]  # fmt: skip


def test_a_short_headline_over_its_deck_and_the_pieces_label_in_the_bylines_place():
    deck = "Opening border markets will work only if both states keep the crossings open more than three hours a week"
    parsed = page("The News", "Opinion", "Editorial", "Border bargains", deck, "Editorial", "June 16, 2024", "",
                  *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.summary, parsed.article_type) == ("Border bargains", deck, "opinion")


def test_a_table_of_contents_among_the_paragraphs_whose_heading_comes_back_is_no_text():
    contents = ["Border markets", "Trade committee", "What comes next"]
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, *contents, "",
                  "Border markets", SECOND, THIRD)  # fmt: skip
    assert removed(parsed, "contents") == contents
    listed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, *contents, "", SECOND,
                  THIRD)  # fmt: skip
    assert removed(listed, "contents") == []  # no heading comes back: a list the article gives, or subheadings


def test_an_agencys_story_on_its_own_site_credited_only_to_itself_is_signed_by_nobody():
    outlets = OutletIndex([Outlet("Asian News International", ("ANI",), ("aninews.in",), "IN", "agency")])
    text = "\n".join(["ANI", "Border trade to expand", "ANI | Updated: Oct 14, 2024 16:52 IST", "", *ARTICLE,
                      "© 2024 aninews.in. All rights reserved."])  # fmt: skip
    parsed = with_outlet(parse_text(text, outlets=outlets), outlets)
    assert (parsed.outlet, parsed.byline) == ("Asian News International", "")
    signed = "\n".join(["ANI", "Border trade to expand", "By Asma Zaidi | Updated: Oct 14, 2024 16:52 IST", "",
                        *ARTICLE, "© 2024 aninews.in. All rights reserved."])  # fmt: skip
    assert with_outlet(parse_text(signed, outlets=outlets), outlets).byline == "Asma Zaidi"
    newsroom = "\n".join(["ANI", "Border trade to expand", "Redazione ANI ROME", "Oct 14, 2024 16:52 IST", "",
                          *ARTICLE, "© 2024 aninews.in. All rights reserved."])  # fmt: skip
    assert with_outlet(parse_text(newsroom, outlets=outlets), outlets).byline == ""  # its newsroom is itself


def test_a_sentence_over_the_sites_menu_is_no_paragraph_of_the_article():
    blurb = ("The Border Group is a global, diversified media and information services company focused on creating "
             "and distributing authoritative content.")  # fmt: skip
    parsed = page("Skip to Main Content", blurb, "The Border Times", "English Edition", "Print Edition", "Video",
                  "Audio", "Latest Headlines", "World", "Business", "Border trade to expand", "By Asma Zaidi",
                  "Updated Oct. 3, 2024 7:18 pm ET", "", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.body) == ("Border trade to expand", "\n\n".join(ARTICLE))


def test_a_newsletters_greeting_over_its_numbered_sections_and_a_bracketed_chart_are_read_through():
    greeting = ("Good morning from Quetta, where the border markets opened on Thursday; if you want this newsletter "
                "every Sunday, subscribe below.")  # fmt: skip
    chart = ["[Chart: Border trade, monthly, 2023–2025, US$ million]", "Source: State Bank of Pakistan."]
    parsed = page("Weekly Ledger #87: Border trade to expand", "Sana Mirza", "Jun 08, 2025", "", greeting, "",
                  "1. The markets open", "", LEAD, "", *chart, "", SECOND, "", "2. The committee meets", "",
                  THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join([greeting, *ARTICLE])


def test_the_bbcs_image_source_label_on_a_line_of_its_own_takes_the_source_under_it():
    parsed = page("Border trade to expand", "18 January 2024", "", LEAD, "Image source,", "Balochistan Levies",
                  "Image caption,", "Traders wait at the gate", SECOND, THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "photo_caption") == ["Image source,", "Balochistan Levies", "Image caption,",
                                                "Traders wait at the gate"]  # fmt: skip


def test_a_read_more_box_of_cards_among_the_paragraphs_takes_each_cards_deck_and_label():
    cards = ["Why border markets fail", "The crossings open, but the traders stay home.", "Argument | Liana Baumann",
             "The myth of the open frontier", "The two governments still close it when it matters.",
             "Analysis | Richard Oakes"]  # fmt: skip
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "", "Read More", *cards, "",
                  SECOND, "", THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "related_links") == ["Read More", *cards]


def test_a_table_without_a_header_whose_rows_are_labels_and_figures_is_a_data_table():
    rates = "<table><tr><td>BID</td><td>Rs 277.76</td></tr><tr><td>OFFER</td><td>Rs 277.96</td></tr></table>"
    parsed = html_page(f"<h1>Border trade to expand</h1><p>January 18, 2024</p>{paragraphs(LEAD, SECOND)}{rates}"
                       f"{paragraphs(THIRD)}")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    laid_out = "<table><tr><td>Trade</td><td>Markets</td></tr><tr><td>Borders</td><td>Crossings</td></tr></table>"
    assert not removed(html_page(f"<h1>Border trade</h1>{paragraphs(LEAD)}{laid_out}{paragraphs(SECOND)}"),
                       "data_table")  # words alone in a table's cells: no figures  # fmt: skip


def test_a_desks_note_under_the_story_is_its_bio_and_makes_no_opinion():
    parsed = page("Border trade to expand", "Web Desk", "January 18, 2024", "", *ARTICLE, "", "Web Desk",
                  "The Web Desk team covers breaking news and digital updates for Dawn.")  # fmt: skip
    assert (parsed.body, parsed.article_type) == ("\n\n".join(ARTICLE), "news")


def test_endnotes_under_the_article_end_it_and_take_their_references():
    notes = ["Endnotes", "[1] World Bank, “Pakistan Development Update”, June 2024.", "[2] Ministry of Commerce, 2024."]
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", *ARTICLE, "", *notes, "",
                  "Pakistan", "Iran")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "references") == notes


def test_a_live_pages_summary_under_heres_the_latest_is_a_box_of_key_points():
    points = ["Mediators have opened talks in Quetta on the border markets.", "Traders say the gates stayed shut."]
    parsed = page("Border trade live: markets to open", "By Asma Zaidi", "January 18, 2024", "", "Here's the latest:",
                  *points, "", *ARTICLE)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "key_points") == ["Here's the latest:", *points]


def test_a_matchs_brief_scores_under_their_heading_go_and_the_report_goes_on_below():
    scores = ["Quetta Gladiators 164/7 in 20 overs (Saud Shakeel 47; Zahoor Khan 4/21)",
              "Karachi Kings 168/4 in 18.3 overs (Shan Masood 68 not out)"]  # fmt: skip
    parsed = page("Kings beat Gladiators", "By Asma Zaidi", "January 18, 2024", "", LEAD, SECOND, "",
                  "Brief scores", *scores, "", THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "scorecard") == ["Brief scores", *scores]


def test_links_to_tag_pages_set_as_blocks_are_the_posts_tags_but_a_linked_word_in_a_paragraph_stays():
    chips = "".join(f'<a href="https://medium.com/tag/{slug}?source=post_page"><div>{name}</div></a>'
                    for slug, name in (("border-trade", "Border Trade"), ("pakistan", "Pakistan")))  # fmt: skip
    linked = LEAD.replace("border markets", '<a href="https://dawn.com/tag/border-markets">border markets</a>')
    parsed = html_page(f"<h1>Border trade to expand</h1><p>January 18, 2024</p><p>{linked}</p>"
                       f"{paragraphs(SECOND, THIRD)}<div>{chips}</div>")  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "tag_list") == ["Border Trade", "Pakistan"]


def test_an_agencys_writers_in_brackets_under_the_story_are_its_byline():
    parsed = page("Border trade to expand", "January 18, 2024", "", *ARTICLE, "", "(By Asma Zaidi and Tariq Butt)", "",
                  "Enditem/AW")  # fmt: skip
    assert (parsed.byline, parsed.body) == ("Asma Zaidi and Tariq Butt", "\n\n".join(ARTICLE))


def test_a_writers_name_alone_over_the_pages_tools_signs_an_uncredited_story_but_a_line_of_tags_does_not():
    parsed = page("Border trade to expand", "January 18, 2024", "", *ARTICLE, "Asma Zaidi", "", "Share this:",
                  "Facebook", "X")  # fmt: skip
    assert (parsed.byline, parsed.body) == ("Asma Zaidi", "\n\n".join(ARTICLE))
    tagged = page("Border trade to expand", "January 18, 2024", "", *ARTICLE, "", "Trade Border Pakistan", "",
                  "Daily newsletter", "Receive essential international news every morning")  # fmt: skip
    assert tagged.byline == ""


def test_a_wordpress_author_link_under_a_login_slug_is_read_by_its_name():
    parsed = html_page("<h1>Appeals court revives whistleblower suit</h1><p>March 6, 2024</p>" + paragraphs(*ARTICLE)
                       + '<span class="byline"><span class="author vcard"><span>Author </span>'
                       '<a class="url fn n" href="https://lonestardocket.com/author/rcastellano/">Renee Castellano</a>'
                       "</span></span>")  # fmt: skip
    assert parsed.byline == "Renee Castellano"
    menu = html_page("<h1>Appeals court revives whistleblower suit</h1><p>March 6, 2024</p>" + paragraphs(*ARTICLE)
                     + '<div class="author-list"><a href="/authors/all/">All our writers</a></div>')  # fmt: skip
    assert menu.byline == ""


def test_a_date_in_a_box_shared_with_the_share_buttons_is_the_articles_date():
    parsed = html_page('<h1>Border trade to expand</h1><div class="date-share"><span class="date">07-04-2025</span>'
                       '<ul class="share-list"><li><a href="#">Share</a></li><li><a href="#">Tweet</a></li></ul></div>'
                       + paragraphs(*ARTICLE))  # fmt: skip
    assert (parsed.published.date, parsed.body) == (D(2025, 4, 7), "\n\n".join(ARTICLE))
    assert removed(parsed, "share_prompt") == ["Share", "Tweet"]


def test_a_consent_banners_heading_is_never_the_headline():
    parsed = html_page('<div id="didomi-host" class="didomi-notice"><h1 class="didomi-notice-title">We value your '
                       'privacy</h1><p>We and our partners store and access information on a device.</p>'
                       "<button>Agree</button></div><h1>Border trade to expand</h1><p>January 18, 2024</p>"
                       + paragraphs(*ARTICLE))  # fmt: skip
    assert parsed.title == "Border trade to expand"


def test_an_interviews_credit_conducted_by_two_names_is_the_byline():
    parsed = page("International", "Germany", "We Are Saving Our Way into Decline",
                  "Interview Conducted by Jan Petersen und Anna Roth", "14.03.2024, 17.43 Uhr", "",
                  *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.byline) == ("We Are Saving Our Way into Decline", "Jan Petersen and Anna Roth")


def test_the_printed_papers_issue_and_page_is_never_the_headline():
    parsed = page("Social", "Publish Date: 18:40 - 24 December 2019", "Iran Daily No. 6421 - Page 3", "",
                  "Tehran schools stay shut as smog chokes capital", "", "By Farzaneh Nouri", "", *ARTICLE)  # fmt: skip
    assert parsed.title == "Tehran schools stay shut as smog chokes capital"


def test_a_headline_written_as_sentences_that_the_page_repeats_is_the_headline_over_its_deck():
    headline = "Kazakhstan picked Rosatom. Now comes the hard part."
    deck = (
        "Astana's choice of a Russian-led consortium for its first nuclear plant says more about leverage than reactors"
    )
    parsed = page("The Steppe Dispatch", "Subscribe", "Share this post", headline, "Copy link", "Facebook", "",
                  headline, deck, "Aidana Serikova", "Mar 14, 2026", "", *ARTICLE)  # fmt: skip
    assert (parsed.title, parsed.summary) == (headline, deck)
    label = "Foreign Relations & International Law"  # a label the page repeats in its topics is no headline
    title = "Treasury’s Outbound Investment Rule at Six Months: Quiet Enforcement, Loud Questions"
    labelled = page("Lawfare", "Subscribe", "", "Cybersecurity & Tech", label, title,
                    "Few notifications, no penalties yet, and a growing list of puzzles for deal lawyers.",
                    "Aidana Serikova", "Tuesday, June 10, 2025, 8:00 AM", "", *ARTICLE, "Topics:", label)  # fmt: skip
    assert labelled.title == title


def test_an_unknown_masthead_shown_again_in_the_footer_outranks_the_company_in_the_copyright_line():
    parsed = page("BUENOS AIRES TIMES", "Subscribe", "ARGENTINA", "ECONOMY", "", "Border trade to expand",
                  "12-06-2024 17:32", "", *ARTICLE, "", "Buenos Aires Times", "About us", "Contact",
                  "Editorial Perfil S.A. All rights reserved.")  # fmt: skip
    assert parsed.outlet == "Buenos Aires Times"  # as the footer writes it, not in the masthead's capitals
    alone = page(
        "BUENOS AIRES TIMES",
        "Subscribe",
        "ARGENTINA",
        "ECONOMY",
        "",
        "Border trade to expand",
        "12-06-2024 17:32",
        "",
        *ARTICLE,
        "",
        "About us",
        "Editorial Perfil S.A. All rights reserved.",
    )
    assert alone.outlet == "Editorial Perfil S.A"  # fmt: skip


def test_a_known_agency_signing_off_under_the_article_is_its_author_on_another_site():
    outlets = OutletIndex([Outlet("Agence France-Presse", ("AFP",), ("afp.com",), "FR", "agency")])
    text = "\n".join(["The Border Times", "", "Border trade to expand", "12-06-2024 17:32", "", *ARTICLE, "",
                      "– AFP", "", "In this news", "Trade"])  # fmt: skip
    assert with_outlet(parse_text(text, outlets=outlets), outlets).byline == "AFP"


def test_a_town_in_capitals_by_the_date_is_where_the_story_was_filed_not_its_author():
    parsed = page("LIFE > ARTS & CULTURE", "Mosaic of Dionysus unearthed in ancient Tralleis", "AYDIN",
                  "September 19 2024 07:00:00", "", *ARTICLE)  # fmt: skip
    assert parsed.byline == ""
    agency = page("India News", "Mosaic of Dionysus unearthed in ancient Tralleis", "PTI", "September 19 2024 07:00:00",
                  "", *ARTICLE)  # fmt: skip
    assert agency.byline == "PTI"


def test_a_name_alone_over_the_pages_reprint_notice_signs_the_article_but_its_tags_do_not():
    notice = "Link to 24.kg news agency is required when using the materials."
    parsed = page("Border trade to expand", "14:32, 18 January 2024", "", *ARTICLE, "Aigerim Toktosunova", notice,
                  "Subscribe to 24.kg channel in Telegram!")  # fmt: skip
    assert (parsed.byline, parsed.body) == ("Aigerim Toktosunova", "\n\n".join(ARTICLE))
    assert removed(parsed, "copyright_line") == [notice]
    tagged = page("Border trade to expand", "14:32, 18 January 2024", "", *ARTICLE, "Pakistan Iran Tehran",
                  "Follow The Border Times on WhatsApp Channel")  # fmt: skip
    assert tagged.byline == ""


def test_the_box_around_the_headline_is_the_articles_header_whatever_its_class_and_the_sites_links_name_nobody():
    parsed = html_page('<div class="header__top"><span>Friday, April 12, 2024</span> <a href="/epaper">E-PAPER</a> '
                       '<a href="#">Login</a></div><div class="subscribe--wrapperx"><h1>Border trade to expand</h1>'
                       '<div class="author"><a href="/author/post-report">Post Report</a></div>'
                       "<div>Published at : April 11, 2024</div></div>" + paragraphs(*ARTICLE))  # fmt: skip
    assert (parsed.title, parsed.byline, parsed.published.date) == (
        "Border trade to expand",
        "Post Report",
        D(2024, 4, 11),
    )


def test_an_agencys_dated_lead_above_its_interviewers_credit_is_the_first_paragraph():
    lead = "TEHRAN, Jan. 21 (MNA) – " + LEAD.removeprefix("ISLAMABAD: ")
    parsed = page("Interview", "Jan 21, 2023, 11:48 AM", "News ID: 195672", "Border markets can transform trade", "",
                  lead, "", "Interview by Reza Sarmadi", "", SECOND, "", THIRD)  # fmt: skip
    assert (parsed.summary, parsed.byline) == ("", "Reza Sarmadi")
    assert parsed.body == "\n\n".join([lead, SECOND, THIRD])


def test_a_writers_credit_the_markup_calls_a_caption_is_still_the_byline():
    parsed = html_page("<h1>Border trade to expand</h1><p>12:40 am, June 8, 2025</p>" + paragraphs(*ARTICLE)
                       + '<div class="MaterialNote"><p class="note_caption">Story by Polina Veretennikova</p>'
                       '<p class="note_caption">Translation by Anna Guthrie</p></div>')  # fmt: skip
    assert (parsed.byline, parsed.body) == ("Polina Veretennikova", "\n\n".join(ARTICLE))


def test_the_articles_date_and_author_set_out_under_it_with_their_labels_are_read_and_end_it():
    parsed = page("Culture", "", "Border trade to expand", "", *ARTICLE, "", "Date 03.09.2021", "Author Katrin Weller",
                  "Related Subjects Berlin, Coronavirus", "Keywords Berlin, clubs, techno", "Share",
                  "With dance floors closed since March 2020, Berlin's clubs are turning to streaming.")  # fmt: skip
    assert (parsed.published.date, parsed.byline) == (D(2021, 9, 3), "Katrin Weller")
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_time_element_is_set_apart_from_the_text_after_it():
    parsed = html_page("<h1>Border trade to expand</h1><p>January 18, 2024</p>" + paragraphs(LEAD, SECOND)
                       + '<div><time datetime="2025-05-26T14:20:00Z">15:20 GMT+1</time><span>4 hours ago</span></div>'
                       + paragraphs(THIRD))  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_an_appeal_between_its_heading_and_its_button_is_furniture_and_what_you_need_to_know_is_a_box_of_points():
    appeal = ["Support The Border Times' journalism of integrity and credibility",
              "Good journalism costs a lot of money. Yet only good journalism can keep a democracy accountable.",
              "Make a donation"]  # fmt: skip
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, "", *appeal, "", SECOND,
                  "", THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    points = ["The two sides will open three more border markets.", "A trade committee will meet again soon."]
    boxed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", "What you need to know:", *points,
                 "", *ARTICLE)  # fmt: skip
    assert boxed.body == "\n\n".join(ARTICLE)


def test_what_a_skip_link_skips_is_a_box_set_into_the_article():
    promotion = ["skip past newsletter promotion", "Sign up to First Edition", "Free daily newsletter",
                 "Our morning email breaks down the key stories of the day, telling you what matters", "Sign up",
                 "after newsletter promotion"]  # fmt: skip
    parsed = page("Border trade to expand", "By Asma Zaidi", "January 18, 2024", "", LEAD, SECOND, *promotion,
                  THIRD)  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_card_linking_another_post_set_among_the_paragraphs_is_a_related_link():
    card = (
        '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="/israel-gas/">'
        "<div class=\"kg-bookmark-title\">Israel's gas is keeping Egypt's LNG terminals alive, for now</div>"
        '<div class="kg-bookmark-description">Pipeline flows have become the swing supply for Cairo.</div></a></figure>'
    )
    parsed = html_page("<h1>Border trade to expand</h1><p>January 18, 2024</p>" + paragraphs(LEAD, SECOND) + card
                       + paragraphs(THIRD))  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_marked_up_tables_title_above_it_and_source_under_it_are_the_tables():
    table = ("<table><tr><th>Category</th><th>March</th><th>April</th></tr><tr><td>Super 98</td><td>Dh2.88</td>"
             "<td>Dh3.15</td></tr><tr><td>Diesel</td><td>Dh3.16</td><td>Dh3.09</td></tr></table>")  # fmt: skip
    parsed = html_page("<h1>Border trade to expand</h1><p>January 18, 2024</p>" + paragraphs(LEAD, SECOND)
                       + "<p><strong>Fuel prices for April 2024 (per litre)</strong></p>" + table
                       + "<p>Source: Fuel Price Committee</p>" + paragraphs(THIRD))  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)
    assert removed(parsed, "data_table")[0] == "Fuel prices for April 2024 (per litre)"


def test_an_appeal_under_its_support_heading_is_furniture():
    parsed = html_page("<h1>Border trade to expand</h1><p>January 18, 2024</p>" + paragraphs(*ARTICLE)
                       + '<div class="insider-prompt"><h3>Support The Border Times</h3><p>Every article you read here '
                       "is free because thousands of readers chose to pay for it. Join them today.</p>"
                       '<a href="/insider/">Become an Insider</a></div>')  # fmt: skip
    assert parsed.body == "\n\n".join(ARTICLE)


def test_a_headline_of_two_sentences_and_twenty_words_at_most_over_its_standfirst_starts_no_body():
    headline = ("Our public defenders are drowning in cases they cannot handle. The Constitution is going under with "
                "all of them.")  # fmt: skip
    standfirst = ("When a single lawyer carries three hundred felony cases at once, the right to counsel becomes a "
                  "formality for everyone involved.")  # fmt: skip
    parsed = page("Opinions", "", headline, standfirst, "By Rebecca Aldana", "March 27, 2024", "", *ARTICLE)
    assert (parsed.byline, parsed.body) == ("Rebecca Aldana", "\n\n".join(ARTICLE))
