"""The archive dashboard's numbers, on the small corpus."""

import datetime

import pytest

from archive.dashboard import (
    MONTHS_SHOWN,
    SourceSeries,
    article_months,
    dashboard,
    months_shown,
)
from entities.models import Candidate
from tests.factories import ArticleFactory, EventFactory, SourceFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 15)


def month(year: int, number: int) -> datetime.date:
    return datetime.date(year, number, 1)


def test_articles_and_events_are_counted_by_status_with_the_open_candidates(corpus):
    Candidate.objects.create(name="Balochistan Liberation Front", proposal="entity")
    Candidate.objects.create(name="Gwadar Port", proposal="entity", status="dismissed")

    data = dashboard(today=TODAY)

    assert [(s.status, s.count) for s in data.article_statuses] == [("imported", 1), ("reviewed", 1), ("rejected", 1)]
    assert [(s.status, s.count) for s in data.event_statuses] == [("proposed", 1), ("confirmed", 1), ("rejected", 0)]
    assert (data.article_total, data.event_total, data.open_candidates) == (3, 2, 1)


def test_the_months_run_from_the_first_dated_month_to_the_last(corpus):
    data = dashboard(today=TODAY)
    assert data.months == (*[month(2023, m) for m in range(7, 13)], month(2024, 1))


def test_articles_per_month_are_counted_by_source_and_undated_ones_apart(corpus):
    articles = dashboard(today=TODAY).articles

    assert [(s.label, s.counts) for s in articles.sources] == [
        ("Dawn", (1, 0, 0, 0, 0, 0, 0)),  # the visit, July 2023; its undated article is not drawn
        ("Tehran Times", (0, 0, 0, 0, 0, 0, 1)),  # the opinion, January 2024 (known to the month)
    ]
    assert (articles.shown, articles.undated, articles.earlier, articles.later) == (2, 1, 0, 0)


def test_sources_beyond_the_six_that_published_most_are_summed_as_other_sources(db):
    for rank in range(8):
        source = SourceFactory(name=f"Outlet {rank}")
        ArticleFactory.create_batch(8 - rank, source=source, published_on=datetime.date(2024, 3, 5))
    ArticleFactory(source=None, published_on=datetime.date(2024, 3, 6))

    articles = dashboard(today=TODAY).articles

    assert [(s.label, s.counts) for s in articles.sources] == [
        *[(f"Outlet {rank}", (8 - rank,)) for rank in range(6)],
        ("Other sources", (2 + 1 + 1,)),  # Outlets 6 and 7, and the article without a source
    ]
    assert articles.sources[-1].other


def test_most_mentioned_entities_are_read_from_the_entity_statistics(corpus):
    entities = dashboard(today=TODAY).entities
    # Iran is in two articles; Munir's mention in the undated article was rejected, so one each.
    assert [(e.name, e.kind_label, e.article_count) for e in entities] == [
        ("Iran", "Country", 2),
        ("Asim Munir", "Person", 1),
        ("Jaish al-Adl", "Armed group", 1),
    ]


def test_events_per_month_by_kind_leave_out_rejected_ones_and_count_those_without_a_month(corpus):
    EventFactory(kind="visit", start_date=datetime.date(2024, 1, 9), status="proposed")
    EventFactory(kind="visit", start_date=datetime.date(2023, 9, 2), status="rejected")
    EventFactory(kind="agreement", start_date=datetime.date(2023, 1, 1), start_precision="year", status="confirmed")

    events = dashboard(today=TODAY).events

    assert [(k.kind, k.confirmed, k.proposed) for k in events.kinds] == [
        ("visit", (1, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 1)),
    ]
    assert (events.shown, events.undated, events.year_only, events.outside) == (2, 1, 1, 0)


def test_at_most_ten_years_of_months_are_shown_ending_with_the_latest():
    dated = [datetime.date(1998, 5, 17), datetime.date(2024, 12, 31)]
    months = months_shown(dated, today=TODAY)
    assert len(months) == MONTHS_SHOWN == 120
    assert (months[0], months[-1]) == (month(2015, 1), month(2024, 12))


def test_a_date_in_the_future_does_not_stretch_the_months():
    dated = [datetime.date(2024, 11, 3), datetime.date(2025, 1, 20), datetime.date(2205, 1, 1)]
    assert months_shown(dated, today=TODAY) == [month(2024, 11), month(2024, 12), month(2025, 1)]
    assert months_shown([], today=TODAY) == []


def test_articles_outside_the_months_shown_are_counted_as_earlier_or_later():
    counts = {(1, month(2010, 1)): 4, (1, month(2024, 2)): 3, (1, month(2205, 1)): 2, (1, None): 1}
    articles = article_months(counts, [month(2024, 2)], top=[1], names={1: "Dawn"})
    assert articles.sources == (SourceSeries(1, "Dawn", (3,)),)
    assert (articles.earlier, articles.later, articles.undated) == (4, 2, 1)
