"""Event dates read from news sentences, resolved against the publication date. No database."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.common.dates import UNKNOWN_RANGE as UNKNOWN
from archive.common.dates import DateRange
from entities.temporal import duration_days, resolve_date

D = datetime.date
MONDAY_2023_07_31 = D(2023, 7, 31)
THURSDAY_2024_04_25 = D(2024, 4, 25)


def dates_of(found: DateRange) -> tuple:
    return found.start, found.end, found.precision


# --- Absolute dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected", "text"),
    [
        ("The agreement was signed on July 31, 2023 in Islamabad.", D(2023, 7, 31), "July 31, 2023"),
        ("The agreement was signed on 31 July 2023.", D(2023, 7, 31), "31 July 2023"),
        ("The ceasefire took effect on the 31st of July, 2023.", D(2023, 7, 31), "the 31st of July, 2023"),
        ("Border trade resumed on 2023-07-31, customs officials said.", D(2023, 7, 31), "2023-07-31"),
        ("The envoy arrived in Tehran Jul. 3 2023 for talks.", D(2023, 7, 3), "Jul. 3 2023"),
        ("The attack happened on Monday, July 31, 2023.", D(2023, 7, 31), "Monday, July 31, 2023"),
        ("The border crossing reopened on 03/08/2023.", D(2023, 8, 3), "03/08/2023"),  # day first, as dates.py
        ("The border crossing reopened on 07/31/2023.", D(2023, 7, 31), "07/31/2023"),
    ],
)
def test_absolute_dates_with_a_year_have_day_precision_without_a_publication_date(sentence, expected, text):
    assert resolve_date(sentence, None) == DateRange(expected, None, "day", text)


@pytest.mark.parametrize(
    "sentence", ["Talks resumed in July 2023 after a long pause.", "The July 2023 talks ended without agreement."]
)
def test_a_month_with_a_year_has_month_precision_on_the_first(sentence):
    assert dates_of(resolve_date(sentence, None)) == (D(2023, 7, 1), None, "month")


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("The militant group has carried out attacks since 2021.", 2021),
        ("The pipeline project was launched in 2013.", 2013),
        ("Both countries agreed to finish the work by 2025.", 2025),
        ("The 2019 Pulwama attack strained relations.", 2019),
        ("Trade fell sharply in early 2020.", 2020),
        ("The treaty (1987) is still in force.", 1987),
    ],
)
def test_a_year_has_year_precision_on_the_first_of_january(sentence, year):
    assert dates_of(resolve_date(sentence, None)) == (D(year, 1, 1), None, "year")


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran and Pakistan plan a $10 billion trade target for the pipeline.",
        "The 959-kilometer stretch on the Pakistani side was never built.",
        "The army deployed 2000 soldiers to the border.",
        "Inflation reached 2023.5 points on the index.",
        "Sales grew 2015% in a decade.",
    ],
)
def test_numbers_that_only_look_like_years_are_not_dates(sentence):
    assert resolve_date(sentence, THURSDAY_2024_04_25) == UNKNOWN


def test_an_impossible_date_is_not_a_date():
    assert resolve_date("The statement was dated February 30, 2023.", None) == UNKNOWN


# --- Dates without a year ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Militants attacked a checkpoint on July 14.", D(2023, 7, 14)),
        ("The border crossing reopened Aug 3 after a week of talks.", D(2022, 8, 3)),
        ("Protesters gathered in Quetta on 3 August.", D(2022, 8, 3)),
        ("The foreign ministers met on July 31.", D(2023, 7, 31)),  # the publication day itself
    ],
)
def test_a_yearless_date_in_a_past_sentence_is_the_latest_on_or_before_publication(sentence, expected):
    assert dates_of(resolve_date(sentence, MONDAY_2023_07_31)) == (expected, None, "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "Hossein Amirabdollahian is due to arrive in Islamabad on Aug 3.",
        "Hossein Amirabdollahian will arrive in Islamabad on August 3.",
        "The foreign minister is set to visit Islamabad on 3 August.",
        "The upcoming round of talks is scheduled for Aug 3.",
    ],
)
def test_a_yearless_date_in_a_future_sentence_is_the_next_on_or_after_publication(sentence):
    assert dates_of(resolve_date(sentence, MONDAY_2023_07_31)) == (D(2023, 8, 3), None, "day")


def test_a_yearless_date_late_in_december_read_in_january_is_last_year():
    found = resolve_date("Iranian border guards were killed on December 30.", D(2024, 1, 5))
    assert dates_of(found) == (D(2023, 12, 30), None, "day")


def test_a_yearless_date_early_in_january_read_in_december_of_a_future_sentence_is_next_year():
    found = resolve_date("The commission will meet on January 3 in Tehran.", D(2023, 12, 20))
    assert dates_of(found) == (D(2024, 1, 3), None, "day")


def test_a_plan_reported_in_the_past_tense_takes_the_closest_occurrence():
    sentence = "The foreign minister was due to arrive in Islamabad on Aug 3."
    assert resolve_date(sentence, D(2023, 8, 10)).start == D(2023, 8, 3)
    assert resolve_date(sentence, D(2023, 7, 31)).start == D(2023, 8, 3)


def test_the_29th_of_february_is_the_latest_leap_day():
    assert resolve_date("The dam was inaugurated on February 29.", D(2023, 6, 1)).start == D(2020, 2, 29)


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "The visit was seen as an effort to mend ties that were strained in January",
            THURSDAY_2024_04_25,
            D(2024, 1, 1),
        ),
        ("Relations have been strained since March.", THURSDAY_2024_04_25, D(2024, 3, 1)),
        ("Talks collapsed in April.", THURSDAY_2024_04_25, D(2024, 4, 1)),  # the publication month itself
        ("Talks collapsed in May.", THURSDAY_2024_04_25, D(2023, 5, 1)),
        ("Talks collapsed in mid-December.", D(2024, 1, 5), D(2023, 12, 1)),
        ("Elections will be held in February.", D(2023, 11, 20), D(2024, 2, 1)),
        ("Elections are expected to be held in November.", D(2023, 11, 20), D(2023, 11, 1)),
    ],
)
def test_a_month_without_a_year_has_month_precision_resolved_by_tense(sentence, published, expected):
    assert dates_of(resolve_date(sentence, published)) == (expected, None, "month")


@pytest.mark.parametrize(
    "sentence",
    [
        "Theresa May said the talks were useful.",
        "Protesters may march to the capital.",
        "January is the coldest month in Quetta.",
    ],
)
def test_month_words_that_are_names_or_verbs_are_not_dates(sentence):
    assert resolve_date(sentence, THURSDAY_2024_04_25) == UNKNOWN


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants attacked a checkpoint on July 14.",
        "Ties were strained in January.",
        "Hossein Amirabdollahian is due to arrive in Islamabad on Aug 3.",
        "Meetings were held from July 14 to 16.",
    ],
)
def test_a_yearless_date_without_a_publication_date_is_unknown(sentence):
    assert resolve_date(sentence, None) == UNKNOWN


# --- Relative dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "start", "end", "precision"),
    [
        ("Security forces arrested six suspects today.", D(2024, 4, 25), None, "day"),
        ("Security forces arrested six suspects yesterday.", D(2024, 4, 24), None, "day"),
        ("Security forces arrested six suspects the day before yesterday.", D(2024, 4, 23), None, "day"),
        ("The delegation will return tomorrow.", D(2024, 4, 26), None, "day"),
        ("Gunmen attacked a bus two days ago.", D(2024, 4, 23), None, "day"),
        ("Gunmen attacked a bus 10 days ago.", D(2024, 4, 15), None, "day"),
        ("Gunmen attacked a bus a week ago.", D(2024, 4, 15), D(2024, 4, 21), "day"),
        ("The talks collapsed two months ago.", D(2024, 2, 1), None, "month"),
        ("The talks collapsed three years ago.", D(2021, 1, 1), None, "year"),
        ("Officials met last week in Quetta.", D(2024, 4, 15), D(2024, 4, 21), "day"),
        ("Officials met this week in Quetta.", D(2024, 4, 22), D(2024, 4, 28), "day"),
        ("Officials met earlier this week in Quetta.", D(2024, 4, 22), D(2024, 4, 24), "day"),
        ("Officials will meet later this week in Quetta.", D(2024, 4, 26), D(2024, 4, 28), "day"),
        ("Officials will meet next week in Quetta.", D(2024, 4, 29), D(2024, 5, 5), "day"),
        ("The agreement was signed last month.", D(2024, 3, 1), None, "month"),
        ("The agreement was signed late last month.", D(2024, 3, 1), None, "month"),
        ("The agreement was signed earlier this month.", D(2024, 4, 1), None, "month"),
        ("The agreement was signed this month.", D(2024, 4, 1), None, "month"),
        ("The agreement will be signed next month.", D(2024, 5, 1), None, "month"),
        ("Trade fell last year.", D(2023, 1, 1), None, "year"),
        ("Trade fell earlier this year.", D(2024, 1, 1), None, "year"),
        ("Trade fell this year.", D(2024, 1, 1), None, "year"),
    ],
)
def test_relative_expressions_resolve_against_the_publication_date(sentence, start, end, precision):
    assert dates_of(resolve_date(sentence, THURSDAY_2024_04_25)) == (start, end, precision)


@pytest.mark.parametrize(
    "sentence",
    [
        "Security forces arrested six suspects today.",
        "Security forces arrested six suspects yesterday.",
        "Gunmen attacked a bus two days ago.",
        "Officials met last week in Quetta.",
        "Militants attacked a post over the weekend.",
        "The agreement was signed last month.",
        "Trade fell last year.",
        "Gunmen opened fire on Tuesday.",
        "Gunmen opened fire on Friday night.",
    ],
)
def test_relative_expressions_without_a_publication_date_are_unknown(sentence):
    assert resolve_date(sentence, None) == UNKNOWN


def test_last_week_is_the_previous_monday_to_sunday():
    sentence = "Pakistan's army chief traveled to Tehran on a two-day visit, Pakistani officials said last week."
    assert resolve_date(sentence, MONDAY_2023_07_31) == DateRange(D(2023, 7, 24), D(2023, 7, 30), "day", "last week")


def test_last_week_read_on_a_sunday_is_still_the_iso_week_before():
    assert resolve_date("Officials met last week.", D(2023, 8, 6)).start == D(2023, 7, 24)


@pytest.mark.parametrize(
    ("sentence", "published", "saturday"),
    [
        ("Militants attacked a post over the weekend.", D(2024, 4, 29), D(2024, 4, 27)),  # read on Monday
        ("Militants attacked a post at the weekend.", THURSDAY_2024_04_25, D(2024, 4, 20)),
        ("Militants attacked a post over the weekend.", D(2024, 4, 28), D(2024, 4, 27)),  # read on Sunday
        ("Militants attacked a post last weekend.", D(2024, 4, 28), D(2024, 4, 20)),
        ("Rallies will be held over the weekend.", THURSDAY_2024_04_25, D(2024, 4, 27)),
    ],
)
def test_the_weekend_is_saturday_to_sunday(sentence, published, saturday):
    assert dates_of(resolve_date(sentence, published)) == (saturday, saturday + datetime.timedelta(days=1), "day")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen opened fire on a police post on Tuesday.", D(2024, 4, 23)),
        ("Gunmen opened fire on a police post on Thursday.", D(2024, 4, 25)),  # the publication day
        ("Gunmen opened fire on a police post on Friday.", D(2024, 4, 19)),
        ("Gunmen opened fire on a police post on Friday night.", D(2024, 4, 19)),
        ("Gunmen opened fire on a police post late on Friday.", D(2024, 4, 19)),
        ("Gunmen opened fire on a police post last Thursday.", D(2024, 4, 18)),
        ("Police said Tuesday that two suspects were arrested.", D(2024, 4, 23)),
    ],
)
def test_a_weekday_in_a_past_sentence_is_the_latest_on_or_before_publication(sentence, expected):
    assert dates_of(resolve_date(sentence, THURSDAY_2024_04_25)) == (expected, None, "day")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The foreign minister will visit Kabul on Monday.", D(2024, 4, 29)),
        ("The foreign minister is expected to visit Kabul on Friday.", D(2024, 4, 26)),
        ("The foreign minister will visit Kabul on Thursday.", D(2024, 4, 25)),
        ("The commission meets again next Thursday.", D(2024, 5, 2)),
    ],
)
def test_a_weekday_in_a_future_sentence_is_the_next_on_or_after_publication(sentence, expected):
    assert dates_of(resolve_date(sentence, THURSDAY_2024_04_25)) == (expected, None, "day")


def test_on_monday_read_on_a_monday_is_that_day():
    found = resolve_date("Pakistan and Iran agreed on Monday to reopen the crossing.", MONDAY_2023_07_31)
    assert dates_of(found) == (MONDAY_2023_07_31, None, "day")


def test_named_days_are_not_weekdays():
    assert resolve_date("Christians marked Good Friday in Peshawar.", THURSDAY_2024_04_25) == UNKNOWN


# --- Ranges ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "start", "end"),
    [
        ("The exercise was held from July 14 to 16.", D(2023, 7, 20), D(2023, 7, 14), D(2023, 7, 16)),
        ("The exercise was held July 14-16, 2023.", None, D(2023, 7, 14), D(2023, 7, 16)),
        ("The summit will take place between 22 and 24 April 2024.", None, D(2024, 4, 22), D(2024, 4, 24)),
        ("The summit took place from 22 to 24 April.", THURSDAY_2024_04_25, D(2024, 4, 22), D(2024, 4, 24)),
        ("The crossing was closed from December 30 to January 2.", D(2024, 1, 5), D(2023, 12, 30), D(2024, 1, 2)),
        ("The crossing was closed July 30 to August 2, 2023.", None, D(2023, 7, 30), D(2023, 8, 2)),
    ],
)
def test_day_ranges_give_start_and_inclusive_end(sentence, published, start, end):
    assert dates_of(resolve_date(sentence, published)) == (start, end, "day")


def test_an_ongoing_range_in_a_future_sentence_is_this_year():
    found = resolve_date("The exhibition will run from July 14 to August 20.", MONDAY_2023_07_31)
    assert dates_of(found) == (D(2023, 7, 14), D(2023, 8, 20), "day")


def test_two_days_joined_by_and_are_not_a_range():
    found = resolve_date("Clashes broke out on July 14 and 16.", MONDAY_2023_07_31)
    assert dates_of(found) == (D(2023, 7, 14), None, "day")


def test_a_year_range_ends_on_the_first_of_january_of_its_last_year():
    assert dates_of(resolve_date("Between 2013 and 2015, attacks rose.", None)) == (
        D(2013, 1, 1),
        D(2015, 1, 1),
        "year",
    )


# --- Durations -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("Raisi arrived in Lahore on a three-day visit.", 3),
        ("The minister began a two-day trip to Kabul.", 2),
        ("He is on a three-day official visit.", 3),
        ("The 10-day exercise ended.", 10),
        ("A two-week tour of the region began.", 14),
        ("A week-long campaign followed.", 7),
        ("The border stayed closed for four days.", 4),
        ("Gunmen attacked a bus two days ago.", None),
        ("A three-day-old infant was rescued.", None),
        ("The talks continued.", None),
    ],
)
def test_duration_days_reads_how_long_the_event_lasted(sentence, days):
    assert duration_days(sentence) == days


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        (
            "Hossein Amirabdollahian is due to arrive in Islamabad on Aug 3 for a three-day visit.",
            D(2023, 8, 3),
            D(2023, 8, 5),
        ),
        ("The army chief arrived in Tehran on Sunday on a two-day visit.", D(2023, 7, 30), D(2023, 7, 31)),
        ("The prime minister began a three-day official visit on July 14, 2023.", D(2023, 7, 14), D(2023, 7, 16)),
    ],
)
def test_a_duration_stretches_a_start_day_given_in_the_sentence(sentence, start, end):
    assert dates_of(resolve_date(sentence, MONDAY_2023_07_31)) == (start, end, "day")


def test_a_visit_that_concluded_on_a_day_ends_that_day():
    found = resolve_date("President Raisi concluded a three-day visit to Pakistan on Wednesday.", THURSDAY_2024_04_25)
    assert dates_of(found) == (D(2024, 4, 22), D(2024, 4, 24), "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "President Raisi concluded a three-day visit to Pakistan.",
        "The talks ended after a three-day visit by the foreign minister.",
        "The army chief traveled to Tehran on a two-day visit.",
    ],
)
def test_a_duration_alone_is_unknown_rather_than_invented(sentence):
    assert resolve_date(sentence, THURSDAY_2024_04_25) == UNKNOWN
    assert duration_days(sentence) is not None


def test_a_duration_does_not_stretch_a_range_or_the_date_of_a_statement():
    sentence = "Pakistan's army chief traveled to Tehran on a two-day visit, Pakistani officials said on Tuesday."
    assert dates_of(resolve_date(sentence, THURSDAY_2024_04_25)) == (D(2024, 4, 23), None, "day")
    month = resolve_date("The minister made a two-day visit last month.", THURSDAY_2024_04_25)
    assert dates_of(month) == (D(2024, 3, 1), None, "month")


# --- Several expressions in one sentence -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # Day over month over year.
        ("The project, launched in 2013, was suspended on Tuesday.", THURSDAY_2024_04_25, D(2024, 4, 23)),
        ("The group, active since 2021, struck again in March.", THURSDAY_2024_04_25, D(2024, 3, 1)),
        ("In July 2023 the deal was signed on the 31st of July, 2023.", None, D(2023, 7, 31)),
        # An absolute date over a relative one.
        ("The deal signed on July 31, 2023 was suspended on Tuesday.", THURSDAY_2024_04_25, D(2023, 7, 31)),
        # What happened over when it was said; yet a reporting date beats a background year.
        ("Gunmen killed 12 people on Friday night, police said on Saturday.", THURSDAY_2024_04_25, D(2024, 4, 19)),
        ("The ministry said on Saturday that gunmen killed 12 people on Friday.", THURSDAY_2024_04_25, D(2024, 4, 19)),
        (
            "Guards were killed in January, the ministry said in a statement on Tuesday.",
            THURSDAY_2024_04_25,
            D(2024, 1, 1),
        ),
        (
            "The ministry said on Tuesday the project, launched in 2013, would resume.",
            THURSDAY_2024_04_25,
            D(2024, 4, 23),
        ),
    ],
)
def test_the_most_specific_expression_wins(sentence, published, expected):
    assert resolve_date(sentence, published).start == expected


def test_a_year_does_not_stand_in_for_a_relative_date_that_cannot_be_resolved():
    sentence = "The group, founded in 2013, attacked a checkpoint last week."
    assert resolve_date(sentence, None) == UNKNOWN
    assert resolve_date(sentence, MONDAY_2023_07_31).start == D(2023, 7, 24)


def test_a_statement_date_is_always_past_even_in_a_future_sentence():
    found = resolve_date("The foreign minister will visit Kabul, the ministry said on Tuesday.", THURSDAY_2024_04_25)
    assert found.start == D(2024, 4, 23)


# --- Robustness ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", ["", "   ", "Pakistan and Iran agreed to cooperate.", "31/31/2031", "\x00\n\t"])
def test_text_without_a_date_is_unknown(sentence):
    assert resolve_date(sentence, THURSDAY_2024_04_25) == UNKNOWN


def test_dates_at_the_edges_of_the_calendar_do_not_raise():
    assert resolve_date("Gunmen attacked a bus three days ago.", D(1, 1, 2)) == UNKNOWN
    assert resolve_date("The talks will resume next year.", D(9999, 12, 31)) == UNKNOWN
    assert resolve_date("The talks will resume on Aug 3.", D(9999, 12, 31)).start == D(9999, 8, 3)


FRAGMENTS = [
    "on Aug 3", "3 August", "in January", "last week", "this week", "over the weekend", "last month", "last year",
    "earlier this year", "two days ago", "on Friday night", "yesterday", "today", "next Monday", "July 31, 2023",
    "2023-07-31", "between 22 and 24 April 2024", "from July 14 to 16", "since 2021", "in 2013", "a three-day visit",
    "will", "is due to", "concluded", "said on Tuesday", "$10 billion", "959-kilometer", "February 29", "-", ",",
    "and", "to", "2000", "(1999)", "the", "30", "December 30 to January 2",
]  # fmt: skip


@given(
    words=st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=12),
    published=st.one_of(st.none(), st.dates()),
)
def test_resolve_date_never_raises_and_keeps_its_conventions(words, published):
    found = resolve_date(" ".join(words), published)
    assert found.precision in {"day", "month", "year", "unknown"}
    assert (found.start is None) == (found.precision == "unknown")
    if found.start is not None and found.end is not None:
        assert found.start < found.end
    for day in (found.start, found.end):
        if day is not None and found.precision == "month":
            assert day.day == 1
        if day is not None and found.precision == "year":
            assert (day.month, day.day) == (1, 1)


def test_a_date_after_since_is_where_a_stretch_began_not_the_event():
    sentence = "Dar arrived in Kabul on July 17, his second trip to the Afghan capital since April 19, 2025."
    assert resolve_date(sentence, D(2025, 7, 20)).start == D(2025, 7, 17)
    assert resolve_date(sentence, None) == UNKNOWN  # the yearless day needs the missing publication date
    assert resolve_date("Trade has doubled since March 3, 2024.", None).start == D(2024, 3, 3)  # nothing better
