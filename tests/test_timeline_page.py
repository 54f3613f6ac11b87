import csv
import datetime
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.common.dates import format_date_range
from archive.timeline import CSV_COLUMNS
from entities.models import Event
from tests.factories import ArticleFactory, EntityFactory, EventFactory, evidence_in, participate

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeline(corpus, settings):
    """The corpus's visit (Jul 2023, confirmed) and undated talks (proposed), plus a pipeline
    known only by its year and a strike in January 2024, both confirmed."""
    settings.API_PUBLIC_READ = True
    pipeline = EventFactory(
        title="Gas pipeline launched",
        kind="trade_energy",
        start_date=datetime.date(2013, 1, 1),
        start_precision="year",
        status="confirmed",
    )
    participate(pipeline, corpus.iran)
    strike = EventFactory(
        title="Strike on militant bases",
        kind="military_strike",
        start_date=datetime.date(2024, 1, 16),
        location=corpus.iran,
        summary="Missiles and drones hit two bases.",
        status="confirmed",
    )
    participate(strike, corpus.iran, "actor")
    participate(strike, corpus.jaish, "target")
    evidence_in(strike, corpus.opinion, "Iran and Pakistan share a long border.")
    corpus.pipeline, corpus.strike = pipeline, strike
    return corpus


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [entry.event.title for year in response.context["years"] for month in year.months for entry in month.entries]


def export_rows(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.content
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_page_lists_confirmed_events_oldest_first_grouped_by_year_and_month(client, timeline):
    response = client.get("/timeline/")
    assert titles(response) == ["Gas pipeline launched", "Army chief visits Tehran", "Strike on militant bases"]
    assert [(year.label, [month.label for month in year.months]) for year in response.context["years"]] == [
        ("2013", ["Month not known"]),
        ("2023", ["July"]),
        ("2024", ["January"]),
    ]
    assert "Border talks" not in response.content.decode()


def test_an_event_card_shows_dates_kind_place_participants_and_quoted_evidence(client, timeline):
    page = client.get("/timeline/").content.decode()
    visit = timeline.visit
    assert "29–30 Jul 2023" in page and "16 Jan 2024" in page and ">2013<" in page
    assert "Official visit" in page and "CAMEO 042" in page and "CAMEO 195" in page
    assert 'Asim Munir <span class="role">visitor</span>' in page
    assert 'Iran <span class="role">host</span>' in page
    assert f'href="{reverse("admin:articles_article_change", args=[visit.id])}">Army chief visits Tehran</a>' in page
    assert f'href="/api/v1/articles/{visit.id}/"' in page
    assert "<blockquote>Asim Munir arrived in Iran for a two-day visit.</blockquote>" in page
    assert "Missiles and drones hit two bases." in page


def test_proposed_events_show_only_when_the_status_filter_asks(client, timeline):
    assert "Border talks" not in titles(client.get("/timeline/"))
    response = client.get("/timeline/?status=proposed")
    assert titles(response)[-1] == "Border talks"  # confirmed ones stay; undated comes last
    assert len(titles(response)) == 4
    assert "date unknown" in response.content.decode() and "Proposed</span>" in response.content.decode()


def test_an_event_spanning_days_comes_before_a_shorter_one_starting_the_same_day(client, timeline):
    EventFactory(title="Talks on day one", kind="meeting", start_date=datetime.date(2023, 7, 29), status="confirmed")
    assert titles(client.get("/timeline/?date_from=2023-07-01&date_to=2023-07-31")) == [
        "Army chief visits Tehran",
        "Talks on day one",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("participant=jaish-al-adl", ["Strike on militant bases"]),
        ("participant=asim-munir&participant=jaish-al-adl", ["Army chief visits Tehran", "Strike on militant bases"]),
        ("participant=jaish-al-adl&status=proposed", ["Strike on militant bases", "Border talks"]),
        ("kind=visit", ["Army chief visits Tehran"]),
        ("kind=visit&kind=military_strike", ["Army chief visits Tehran", "Strike on militant bases"]),
        ("kind=meeting", []),
        ("date_from=2023-07-30", ["Army chief visits Tehran", "Strike on militant bases"]),
        ("date_from=2023-07-31&date_to=2024-12-31", ["Strike on militant bases"]),
        ("date_to=2023-07-29", ["Gas pipeline launched", "Army chief visits Tehran"]),
        ("participant=iran&kind=trade_energy&date_to=2020-01-01", ["Gas pipeline launched"]),
    ],
)
def test_each_filter_narrows_the_timeline(client, timeline, query, expected):
    assert titles(client.get(f"/timeline/?{query}")) == expected


def test_only_entities_taking_part_in_events_are_offered_as_participants(client, timeline):
    EntityFactory(name="Bystander", slug="bystander")
    choices = client.get("/timeline/").context["form"].fields["participant"].queryset
    assert sorted(entity.slug for entity in choices) == ["asim-munir", "iran", "jaish-al-adl"]


@pytest.mark.parametrize("query", ["participant=nobody", "kind=picnic", "date_from=2024-02-01&date_to=2024-01-01"])
def test_bad_filters_are_reported_not_ignored(client, timeline, query):
    response = client.get(f"/timeline/?{query}")
    assert response.status_code == 200
    assert titles(response) == [] and 'class="errorlist"' in response.content.decode()
    assert client.get(f"/timeline/export.csv?{query}").status_code == 400
    assert client.get(f"/timeline/export.json?{query}").status_code == 400


@pytest.mark.parametrize("path", ["/timeline/", "/timeline/export.csv", "/timeline/export.json"])
def test_anonymous_readers_are_sent_to_the_admin_login_unless_reading_is_public(client, timeline, settings, path):
    settings.API_PUBLIC_READ = False
    response = client.get(f"{path}?kind=visit")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={path}%3Fkind%3Dvisit"
    settings.API_PUBLIC_READ = True
    assert client.get(f"{path}?kind=visit").status_code == 200


def test_logged_in_users_may_read_when_reading_is_not_public(admin_client, timeline, settings):
    settings.API_PUBLIC_READ = False
    assert titles(admin_client.get("/timeline/?kind=visit")) == ["Army chief visits Tehran"]


def test_the_page_links_to_both_exports_with_its_filters(client, timeline):
    page = client.get("/timeline/?kind=visit&kind=meeting").content.decode()
    assert 'href="/timeline/export.csv?kind=visit&amp;kind=meeting"' in page
    assert 'href="/timeline/export.json?kind=visit&amp;kind=meeting"' in page


def test_the_csv_export_streams_the_filtered_events_with_the_documented_columns(client, timeline):
    response = client.get("/timeline/export.csv?kind=visit&kind=military_strike")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="timeline.csv"'
    rows = export_rows(response)
    assert list(rows[0]) == CSV_COLUMNS
    assert [row["title"] for row in rows] == ["Army chief visits Tehran", "Strike on militant bases"]
    assert rows[0] | {"id": ""} == {
        "id": "",
        "title": "Army chief visits Tehran",
        "kind": "visit",
        "cameo_code": "042",
        "plover_type": "CONSULT",
        "status": "confirmed",
        "start_date": "2023-07-29",
        "start_precision": "day",
        "end_date": "2023-07-30",
        "end_precision": "day",
        "location": "Iran",
        "participants": "Asim Munir (visitor); Iran (host)",
        "summary": "",
        "evidence": f"{timeline.visit.id}: Asim Munir arrived in Iran for a two-day visit.",
        "reports": "1",
        "independent_reports": "1",
        "outlets": "Dawn",
        "earliest_report": "2023-07-31",
        "latest_report": "2023-07-31",
        "disagreements": "",
    }
    assert rows[0]["id"] == str(timeline.trip.id)
    assert rows[1]["end_date"] == "" and rows[1]["participants"] == "Iran (actor); Jaish al-Adl (target)"


def test_the_json_export_lists_the_filtered_events_as_objects(client, timeline):
    response = client.get("/timeline/export.json?participant=jaish-al-adl&status=proposed")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="timeline.json"'
    events = json.loads(b"".join(response.streaming_content))
    assert [event["title"] for event in events] == ["Strike on militant bases", "Border talks"]
    strike, talks = events
    assert set(strike) == set(CSV_COLUMNS)
    assert strike["participants"] == [
        {"entity": "iran", "name": "Iran", "role": "actor"},
        {"entity": "jaish-al-adl", "name": "Jaish al-Adl", "role": "target"},
    ]
    assert strike["evidence"] == [
        {
            "article": timeline.opinion.id,
            "article_title": "A new era in ties",
            "sentence": "Iran and Pakistan share a long border.",
        }
    ]
    assert (strike["start_date"], strike["end_date"], strike["location"]) == ("2024-01-16", None, "Iran")
    assert (talks["status"], talks["start_date"], talks["start_precision"], talks["evidence"]) == (
        "proposed",
        None,
        "unknown",
        [],
    )


def test_an_empty_json_export_is_an_empty_list(client, timeline):
    assert json.loads(b"".join(client.get("/timeline/export.json?kind=sanctions").streaming_content)) == []


def add_events(count: int) -> None:
    for number in range(count):
        event = EventFactory(
            kind=Event.Kind.MEETING,
            start_date=datetime.date(2020, 1 + number % 12, 1 + number % 28),
            status="confirmed",
        )
        participate(event, EntityFactory(), "host")
        participate(event, EntityFactory(), "visitor")
        article = ArticleFactory(body=f"Talks number {number} were held. Nothing else happened.")
        evidence_in(event, article, f"Talks number {number} were held.")


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/timeline/", "/timeline/export.csv", "/timeline/export.json"])
def test_the_number_of_queries_does_not_grow_with_the_number_of_events(client, settings, url):
    settings.API_PUBLIC_READ = True
    add_events(3)
    few = queries_for(client, url)
    add_events(30)
    assert queries_for(client, url) == few <= 5  # (the page: choices,) events, 2 prefetches, places named


def test_the_participant_filter_costs_one_more_query_whatever_the_number_of_events(
    admin_client, timeline, django_assert_max_num_queries
):
    add_events(20)
    with django_assert_max_num_queries(8):  # session, user, participant slugs, choices, events, 2 prefetches, places
        assert len(titles(admin_client.get("/timeline/?participant=iran&participant=asim-munir"))) == 3


def test_the_admin_index_links_to_the_timeline(admin_client):
    page = admin_client.get("/admin/").content.decode()
    assert re.search(r'<a href="/timeline/"[^>]*>Event timeline</a>', page)
    assert 'href="/timeline/export.csv"' in page and "Articles and sources" in page  # the app list is still there


@pytest.mark.parametrize(
    ("start", "start_precision", "end", "end_precision", "expected"),
    [
        (None, "unknown", None, "unknown", "date unknown"),
        ("2023-07-14", "day", None, "unknown", "14 Jul 2023"),
        ("2023-07-14", "day", "2023-07-16", "day", "14–16 Jul 2023"),
        ("2023-06-30", "day", "2023-07-02", "day", "30 Jun – 2 Jul 2023"),
        ("2023-12-30", "day", "2024-01-02", "day", "30 Dec 2023 – 2 Jan 2024"),
        ("2024-01-01", "month", None, "unknown", "Jan 2024"),
        ("2024-01-01", "month", "2024-03-01", "month", "Jan–Mar 2024"),
        ("2013-01-01", "year", None, "unknown", "2013"),
        ("2013-01-01", "year", "2013-01-01", "year", "2013"),
        ("2013-01-01", "year", "2015-01-01", "year", "2013–2015"),
        ("2023-07-01", "month", "2023-07-16", "day", "Jul 2023 – 16 Jul 2023"),
    ],
)
def test_dates_are_written_only_as_precisely_as_they_are_known(start, start_precision, end, end_precision, expected):
    as_date = lambda text: datetime.date.fromisoformat(text) if text else None  # noqa: E731
    assert format_date_range(as_date(start), start_precision, as_date(end), end_precision) == expected
