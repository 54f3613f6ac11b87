"""Corroboration: which outlets report an event, how many independent reports (a copy counts once),
when it was first and last reported, and where the reports disagree."""

import datetime

import pytest
from django.urls import reverse

from archive.common.dates import UNKNOWN_RANGE, DatePrecision, DateRange
from entities.corroboration import Report, casualty_counts, corroborate
from entities.events import MentionRef
from tests.factories import ArticleFactory, EntityFactory, EventFactory, SourceFactory, evidence_in, mention_in

DAY = DatePrecision.DAY


def report(article: int, sentence: str, published=datetime.date(2024, 1, 18), canonical=None, outlet="Dawn", places=()):
    mentions = tuple(MentionRef(sentence.find(name), sentence.find(name) + len(name), name, kind, name)
                     for name, kind in places)  # fmt: skip
    return Report(article, canonical or article, outlet, published, DAY if published else "unknown", sentence, mentions)


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("At least 12 soldiers were killed and 20 wounded in the attack.", {"killed": 12, "wounded": 20}),
        ("The blast killed five people, including two children.", {"killed": 5}),
        ("The death toll rose to 42 on Friday.", {"killed": 42}),
        ("Gunmen abducted seven passengers from a bus.", {"abducted": 7}),
        ("The two leaders met in 2024 to discuss trade.", {}),
    ],
)
def test_the_numbers_of_dead_wounded_and_abducted_are_read_from_a_sentence(sentence, counts):
    assert casualty_counts(sentence) == counts


def test_a_syndicated_copy_is_one_report_however_many_outlets_carry_it():
    reports = [
        report(1, "An AFP story.", outlet="France 24"),
        report(2, "An AFP story.", outlet="Barron's", canonical=1, published=datetime.date(2024, 1, 19)),
        report(3, "Our own reporter.", outlet="Dawn", published=datetime.date(2024, 1, 20)),
    ]
    result = corroborate(reports, event_dates=UNKNOWN_RANGE)
    assert (result.reports, result.independent_reports) == (3, 2)
    assert result.outlets == ["Barron's", "Dawn", "France 24"]
    assert (result.earliest_report, result.latest_report) == (datetime.date(2024, 1, 18), datetime.date(2024, 1, 20))
    assert result.disagreements == []


def test_reports_that_disagree_on_the_dead_and_on_the_date_are_shown_side_by_side():
    event_dates = DateRange(datetime.date(2024, 1, 16), None, DAY)
    reports = [
        report(1, "Three soldiers were killed in the clash on Tuesday.", published=datetime.date(2024, 1, 18)),
        report(2, "Six soldiers were killed in the clash on January 9.", published=datetime.date(2024, 1, 18)),
    ]
    points = {d.point: d.values for d in corroborate(reports, event_dates=event_dates).disagreements}
    assert points["killed"] == {"3": [1], "6": [2]}
    assert points["date"] == {"2024-01-09": [2], "2024-01-16": [1]}


def test_a_report_that_puts_the_event_in_another_city_disagrees_on_the_place():
    reports = [
        report(1, "The markets deal was signed in Islamabad.", places=(("Islamabad", "city"),)),
        report(2, "The markets deal was signed in Zahedan.", places=(("Zahedan", "city"),)),
        report(3, "The deal covers Balochistan.", places=(("Balochistan", "region"),)),
    ]
    [place] = corroborate(reports, event_dates=UNKNOWN_RANGE, location=("Islamabad", "city")).disagreements
    assert (place.point, place.values) == ("place", {"Islamabad": [1], "Zahedan": [2]})


KINDS = {"Iran": "country", "Pakistan Air Force": "organisation", "Jaish al-Adl": "armed_group", "Panjgur": "city",
         "Islamic Revolutionary Guard Corps": "organisation"}  # fmt: skip


def named(sentence: str) -> tuple[MentionRef, ...]:
    found = [(sentence.find(name), name) for name in KINDS if name in sentence]
    return tuple(MentionRef(at, at + len(name), name, KINDS[name], name) for at, name in sorted(found))


def test_reports_of_a_strike_that_name_actors_with_none_in_common_disagree_on_the_actor():
    sentences = [
        "Iran struck Jaish al-Adl in Panjgur on January 16, 2024.",
        "Iran and the Islamic Revolutionary Guard Corps struck Jaish al-Adl in Panjgur on January 16, 2024.",
        "Pakistan Air Force struck Jaish al-Adl in Panjgur on January 16, 2024.",
    ]
    reports = [Report(n, n, "Dawn", None, "unknown", s, named=named(s)) for n, s in enumerate(sentences, 1)]
    [actor] = corroborate(reports, event_dates=UNKNOWN_RANGE, kind="military_strike").disagreements
    assert (actor.point, actor.values) == (
        "actor", {"Iran": [1, 2], "Islamic Revolutionary Guard Corps": [2], "Pakistan Air Force": [3]},
    )  # fmt: skip
    agreeing = corroborate(reports[:2], event_dates=UNKNOWN_RANGE, kind="military_strike")
    assert agreeing.disagreements == []  # a report that names more actors, one of them in common, agrees


@pytest.fixture
def reported_clash(db):
    """A clash reported by an agency story, its syndicated copy and a local paper with another toll."""
    chaman = EntityFactory(name="Chaman", slug="chaman", kind="city")
    event = EventFactory(title="Border clash at Chaman", kind="border_incident", status="confirmed", location=chaman)
    agency = ArticleFactory(source=SourceFactory(name="AFP"), body="Three soldiers were killed near Chaman.",
                            published_on=datetime.date(2024, 1, 18))  # fmt: skip
    copy = ArticleFactory(source=SourceFactory(name="France 24"), body="Three soldiers were killed near Chaman.",
                          published_on=datetime.date(2024, 1, 19), duplicate_of=agency)  # fmt: skip
    local = ArticleFactory(source=SourceFactory(name="Dawn"), body="Six soldiers were killed near Chaman.",
                           published_on=datetime.date(2024, 1, 18))  # fmt: skip
    for article in (agency, copy, local):
        evidence_in(event, article, article.body)
        mention_in(article, chaman, "Chaman")
    lonely = EventFactory(title="Talks", kind="meeting", status="confirmed")
    evidence_in(lonely, local, "Six soldiers were killed near Chaman.")
    return event


def test_the_api_shows_each_events_corroboration(api_client, reported_clash):
    detail = api_client.get(f"/api/v1/events/{reported_clash.pk}/").json()["corroboration"]
    assert {key: detail[key] for key in ("reports", "independent_reports", "outlets", "earliest_report")} == {
        "reports": 3, "independent_reports": 2, "outlets": ["AFP", "Dawn", "France 24"],
        "earliest_report": "2024-01-18",
    }  # fmt: skip
    assert [d["point"] for d in detail["disagreements"]] == ["killed"]
    assert sorted(detail["disagreements"][0]["values"]) == ["3", "6"]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("min_sources=3", ["Border clash at Chaman"]),
        ("min_sources=3&independent=true", []),
        ("min_sources=2&independent=true", ["Border clash at Chaman"]),
        ("min_sources=1", ["Border clash at Chaman", "Talks"]),
        ("ordering=-independent_count", ["Border clash at Chaman", "Talks"]),
    ],
)
def test_events_are_filtered_by_how_many_reports_they_have(api_client, reported_clash, query, titles):
    response = api_client.get(f"/api/v1/events/?{query}")
    assert [row["title"] for row in response.json()["results"]] == titles


@pytest.mark.parametrize("query", ["min_sources=0", "min_sources=1.5", "min_sources=many", "independent=maybe"])
def test_a_malformed_count_is_refused(api_client, reported_clash, query):
    assert api_client.get(f"/api/v1/events/?{query}").status_code == 400


def test_the_timeline_shows_corroboration_and_disagreements(client, settings, reported_clash):
    settings.ARCHIVE_API_PUBLIC_READ = True
    page = client.get("/timeline/").content.decode()
    assert "2 independent reports" in page and "3 articles, copies counted once" in page
    assert "Reports disagree on killed" in page
    csv = b"".join(client.get("/timeline/export.csv").streaming_content).decode()
    assert "independent_reports" in csv.splitlines()[0] and "killed: 3 (" in csv


def test_the_admins_event_page_shows_corroboration_and_disagreements(admin_client, reported_clash):
    page = admin_client.get(reverse("admin:entities_event_change", args=[reported_clash.pk])).content.decode()
    assert "2 independent reports" in page and "AFP, Dawn, France 24" in page
    assert "Reports disagree on killed:</span> 3 (articles" in page
