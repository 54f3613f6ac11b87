"""Publication dates as pages print them, never more precise than the text. No database."""

import datetime

import pytest

from archive.common.dates import find_date_line, parse_date

D = datetime.date
T = datetime.time


@pytest.mark.parametrize(
    ("line", "date", "time", "label", "rest"),
    [
        ("Eurasia 31/07/2023 07:00", D(2023, 7, 31), T(7, 0), "", "Eurasia"),
        ("Published: July 31, 2023", D(2023, 7, 31), None, "published", ""),
        ("Monday, July 31, 2023 10:15 AM PKT", D(2023, 7, 31), T(10, 15), "", ""),
        ("31st of July, 2023", D(2023, 7, 31), None, "", ""),
        ("Posted on 2023-07-31T07:00:00+05:00", D(2023, 7, 31), T(7, 0), "posted", ""),
        ("Jul. 3 2023 at 7.30 pm", D(2023, 7, 3), T(19, 30), "", ""),
        ("31.07.23", D(2023, 7, 31), None, "", ""),
        ("03/08/2023", D(2023, 8, 3), None, "", ""),  # day first when both readings are dates
        ("07/31/2023", D(2023, 7, 31), None, "", ""),  # month first when only that is a date
        ("Updated 1 Aug 2023 | Pakistan", D(2023, 8, 1), None, "updated", "Pakistan"),
        ("By Asad Ali | 31 July 2023", D(2023, 7, 31), None, "", "By Asad Ali"),
    ],
)
def test_date_lines_give_date_time_label_and_the_words_beside_them(line, date, time, label, rest):
    found = find_date_line(line)
    assert found is not None
    assert (found.date.date, found.date.precision, found.date.time, found.label, found.rest) == (
        date,
        "day",
        time,
        label,
        rest,
    )


def test_a_month_and_year_have_month_precision():
    found = find_date_line("March 2024")
    assert (found.date.date, found.date.precision) == (D(2024, 3, 1), "month")


@pytest.mark.parametrize(
    "line",
    [
        "The visit took place on July 31, 2023 and many things happened afterwards in the region",
        "Islamabad, Aug 3",  # no year: the date cannot be known
        "13/13/2023",
        "31/02/2024",
        "2 hours ago",
        "Pakistan forges cooperation with Iran",
    ],
)
def test_lines_that_do_not_state_a_whole_date_give_none(line):
    assert find_date_line(line) is None


@pytest.mark.parametrize(
    ("value", "date", "precision"),
    [
        ("2013", D(2013, 1, 1), "year"),
        ("2024-04", D(2024, 4, 1), "month"),
        ("2024-04-22", D(2024, 4, 22), "day"),
        ("April 22, 2024", D(2024, 4, 22), "day"),
        ("2024-04-24T10:00:00Z", D(2024, 4, 24), "day"),
    ],
)
def test_metadata_values_keep_their_precision(value, date, precision):
    parsed = parse_date(value)
    assert (parsed.date, parsed.precision) == (date, precision)


@pytest.mark.parametrize("value", ["soon", "2024-13", "April 2024 or May", "last week"])
def test_metadata_values_that_are_not_one_date_give_none(value):
    assert parse_date(value) is None
