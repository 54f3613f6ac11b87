"""The archive dashboard: its numbers on the small corpus, who may see it, and a query count that does
not grow with the archive."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from archive.dashboard import (
    MONTHS_SHOWN,
    SourceSeries,
    article_months,
    dashboard,
    months_shown,
)
from entities.models import Candidate
from tests.factories import ArticleFactory, EventFactory, SourceFactory, staff_member

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 15)
SVG = "{http://www.w3.org/2000/svg}"


def month(year: int, number: int) -> datetime.date:
    return datetime.date(year, number, 1)


@pytest.fixture
def curator_client(client):
    client.force_login(staff_member("Curator"))
    return client


def svgs(response) -> list[ET.Element]:
    """Every chart of the page, parsed as XML: a chart that is not well-formed fails here."""
    assert response.status_code == 200, response.content
    page = response.content.decode()
    charts = []
    while '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in page:
        start = page.index('<svg xmlns="http://www.w3.org/2000/svg" class="chart"')
        end = page.index("</svg>", start) + len("</svg>")
        charts.append(ET.fromstring(page[start:end]))
        page = page[end:]
    return charts


def test_articles_and_events_are_counted_by_status_with_the_open_candidates(corpus):
    Candidate.objects.create(name="Balochistan Liberation Front", proposal="entity")
    Candidate.objects.create(name="Gwadar Port", proposal="entity", status="dismissed")

    data = dashboard(today=TODAY)

    assert [(s.status, s.count) for s in data.article_statuses] == [("imported", 1), ("reviewed", 1), ("rejected", 1)]
    assert [(s.status, s.count) for s in data.event_statuses] == [("proposed", 1), ("confirmed", 1), ("rejected", 0)]
    assert (data.article_total, data.event_total, data.open_candidates) == (3, 2, 1)


def test_each_chart_runs_from_its_own_first_dated_month_to_its_last(corpus):
    data = dashboard(today=TODAY)
    assert data.article_axis == (*[month(2023, m) for m in range(7, 13)], month(2024, 1))
    EventFactory(title="Much earlier", kind="visit", start_date=datetime.date(2015, 3, 1), start_precision="day")
    data = dashboard(today=TODAY)
    assert data.article_axis == (*[month(2023, m) for m in range(7, 13)], month(2024, 1))  # not stretched
    assert data.event_axis[0] == month(2015, 3)


def test_one_dated_article_is_one_article_in_its_month(db, curator_client):
    ArticleFactory(published_on=datetime.date(2023, 7, 31), published_precision="day")
    page = curator_client.get(reverse("dashboard")).content.decode()
    assert "1 dated article in July 2023, by its source." in page
    assert "undated article" not in page  # none to speak of


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


def test_the_page_shows_the_tiles_and_three_charts_to_a_curator(curator_client, corpus):
    response = curator_client.get("/admin/dashboard/")

    assert [chart.get("role") for chart in svgs(response)] == ["img", "img", "img"]
    page = response.content.decode()
    assert "<title>Archive dashboard | News archive</title>" in page
    assert '<a href="/admin/">Home</a> &rsaquo; Archive dashboard' in " ".join(page.split())
    assert 'href="/admin/articles/article/?status__exact=reviewed"' in page
    assert 'href="/admin/entities/candidate/?status__exact=open"' in page
    assert f'href="/admin/articles/article/?source__id__exact={corpus.dawn.id}"' in page
    assert 'href="/admin/articles/article/?published_on__year=2023&amp;published_on__month=7"' in page
    assert f'href="/admin/entities/entity/{corpus.iran.id}/change/"' in page


def test_an_empty_archive_shows_zeros_and_says_there_is_nothing_to_draw(curator_client):
    response = curator_client.get("/admin/dashboard/")
    assert svgs(response) == []
    page = response.content.decode()
    assert "No dated articles yet." in page and "No entity is mentioned yet." in page


def test_anonymous_visitors_are_sent_to_the_admin_login(client, corpus):
    response = client.get("/admin/dashboard/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/dashboard/"


def test_staff_without_the_permission_to_view_articles_are_refused(client, corpus):
    client.force_login(staff_member(None))
    assert client.get("/admin/dashboard/").status_code == 403


def test_the_admin_index_links_to_the_dashboard_for_those_who_may_see_it(client, curator_client):
    assert 'href="/admin/dashboard/"' in curator_client.get("/admin/").content.decode()
    client.force_login(staff_member(None))
    assert 'href="/admin/dashboard/"' not in client.get("/admin/").content.decode()


def test_the_charts_are_well_formed_and_escape_every_name(curator_client, corpus):
    hostile = SourceFactory(name='A & B <c> "d"', slug="a-b-c-d")
    ArticleFactory(source=hostile, published_on=datetime.date(2023, 8, 2))

    charts = svgs(curator_client.get("/admin/dashboard/"))

    texts = ["".join(chart.itertext()) for chart in charts]
    assert 'A & B <c> "d"' in texts[0]  # read back as it was written: escaped in the markup
    assert 'A & B <c> "d"' in charts[0].get("aria-label")
    assert charts[0].find(f".//{SVG}title") is not None


@pytest.mark.parametrize("articles", [3, 30])
def test_the_query_count_does_not_grow_with_the_archive(articles, curator_client, corpus, django_assert_num_queries):
    ArticleFactory.create_batch(articles - 3, source=corpus.tehran_times, published_on=datetime.date(2024, 5, 1))
    # The session, the user and their permissions (two), then the dashboard's seven.
    with django_assert_num_queries(11):
        assert curator_client.get("/admin/dashboard/").status_code == 200
