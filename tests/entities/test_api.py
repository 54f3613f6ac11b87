import pytest

from entities.models import Entity
from tests.factories import AliasFactory, ArticleFactory, EntityFactory, EventFactory, mention_in, participate

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_entities_are_listed_with_their_aliases(api_client, corpus):
    rows = api_client.get("/api/v1/entities/").json()["results"]
    assert [row["slug"] for row in rows] == ["asim-munir", "iran", "jaish-al-adl"]
    assert [alias["name"] for alias in rows[0]["aliases"]] == ["Asim Munir", "Syed Asim Munir"]
    assert rows[1]["wikidata_id"] == "Q794"
    detail = api_client.get(f"/api/v1/entities/{corpus.jaish.id}/").json()
    assert detail["kind"] == "armed_group" and "Jaïsh ul-Adl" in [alias["name"] for alias in detail["aliases"]]


def test_every_alias_says_who_gave_it(api_client, corpus, django_user_model):
    from entities.curation import add_alias

    curator = django_user_model.objects.create_user("amina")
    add_alias(corpus.munir, "General Munir", acting_user=curator)
    aliases = {a["name"]: a for a in api_client.get(f"/api/v1/entities/{corpus.munir.id}/").json()["aliases"]}
    assert (aliases["General Munir"]["origin"], aliases["General Munir"]["asserted_by"]) == ("curator", "amina")
    assert (aliases["Syed Asim Munir"]["origin"], aliases["Syed Asim Munir"]["asserted_by"]) == ("data_file", None)
    assert aliases["General Munir"]["asserted_at"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=person", ["asim-munir"]),
        ("kind=country&kind=armed_group", ["iran", "jaish-al-adl"]),
        ("name=munir", ["asim-munir"]),
        ("name=SYED", ["asim-munir"]),  # an alias, any case
        ("name=jaish ul-adl", ["jaish-al-adl"]),  # an accented alias, typed without the accent
        ("name=JAÏSH", ["jaish-al-adl"]),
        ("wikidata_id=Q794", ["iran"]),
        ("ordering=-name", ["jaish-al-adl", "iran", "asim-munir"]),
    ],
)
def test_entity_filters(api_client, corpus, query, expected):
    assert slugs(api_client.get(f"/api/v1/entities/?{query}")) == expected


def test_listing_entities_takes_the_same_queries_whatever_their_number(api_client, django_assert_num_queries):
    for entity in EntityFactory.create_batch(30):
        AliasFactory(entity=entity)
        AliasFactory(entity=entity, name=f"{entity.name} alias")
    with django_assert_num_queries(4):  # count + page + aliases + the page's mention statistics
        assert len(api_client.get("/api/v1/entities/?page_size=30").json()["results"]) == 30


def test_mentions_are_listed_with_their_entity(api_client, corpus):
    rows = api_client.get(f"/api/v1/mentions/?article={corpus.visit.id}").json()["results"]
    assert [(row["text"], row["entity"]["slug"], row["start_offset"]) for row in rows] == [
        ("Asim Munir", "asim-munir", 0),
        ("Iran", "iran", 22),
        ("Jaish al-Adl", "jaish-al-adl", 48),
    ]
    detail = api_client.get(f"/api/v1/mentions/{rows[2]['id']}/").json()
    assert detail["status"] == "confirmed" and detail["article"] == corpus.visit.id


@pytest.mark.parametrize(
    ("query", "expected_texts"),
    [
        ("entity=iran", ["Iran", "Iran"]),
        ("entity=iran&entity=jaish-al-adl", ["Iran", "Jaish al-Adl", "Iran"]),
        ("kind=armed_group", ["Jaish al-Adl"]),
        ("status=rejected", ["Asim Munir"]),
        ("status=automatic&entity=asim-munir", ["Asim Munir"]),
    ],
)
def test_mention_filters(api_client, corpus, query, expected_texts):
    rows = api_client.get(f"/api/v1/mentions/?{query}").json()["results"]
    assert [row["text"] for row in rows] == expected_texts


def test_listing_mentions_takes_the_same_queries_whatever_their_number(api_client, django_assert_num_queries):
    entity = EntityFactory(name="Tehran", kind=Entity.Kind.CITY)
    for article in ArticleFactory.create_batch(25, body="Talks in Tehran."):
        mention_in(article, entity, "Tehran")
    with django_assert_num_queries(2):
        assert len(api_client.get("/api/v1/mentions/?page_size=25").json()["results"]) == 25


def test_events_are_listed_with_participants_location_and_evidence(api_client, corpus):
    rows = api_client.get("/api/v1/events/").json()["results"]
    assert [row["title"] for row in rows] == ["Army chief visits Tehran", "Border talks"]
    trip = rows[0]
    assert trip["location"]["slug"] == "iran"
    assert sorted((p["entity"]["slug"], p["role"]) for p in trip["participants"]) == [
        ("asim-munir", "visitor"),
        ("iran", "host"),
    ]
    [evidence] = trip["evidence"]
    assert {key: evidence[key] for key in ("article", "sentence", "start_offset", "end_offset", "origin")} == {
        "article": {"id": corpus.visit.id, "title": "Army chief visits Tehran"},
        "sentence": "Asim Munir arrived in Iran for a two-day visit.",
        "start_offset": 0,
        "end_offset": 47,
        "origin": "data_file",
    }
    assert {p["origin"] for p in trip["participants"]} == {"data_file"}
    assert api_client.get(f"/api/v1/events/{corpus.trip.id}/").json()["end_date"] == "2023-07-30"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=visit", ["Army chief visits Tehran"]),
        ("kind=meeting&kind=visit", ["Army chief visits Tehran", "Border talks"]),
        ("status=proposed", ["Border talks"]),
        ("participant=asim-munir", ["Army chief visits Tehran"]),
        ("participant=asim-munir&participant=jaish-al-adl", ["Army chief visits Tehran", "Border talks"]),
        ("location=iran", ["Army chief visits Tehran"]),
        ("date_after=2023-07-30", ["Army chief visits Tehran"]),  # overlaps the visit's last day
        ("date_after=2023-07-31", []),
        ("date_before=2023-07-29", ["Army chief visits Tehran"]),
        ("date_before=2023-07-28", []),
        ("ordering=-title", ["Border talks", "Army chief visits Tehran"]),
    ],
)
def test_event_filters(api_client, corpus, query, expected):
    rows = api_client.get(f"/api/v1/events/?{query}").json()["results"]
    assert [row["title"] for row in rows] == expected


def test_listing_events_takes_the_same_queries_whatever_their_number(api_client, django_assert_num_queries):
    article = ArticleFactory(body="Leaders met. They agreed.")
    people = EntityFactory.create_batch(3)
    from tests.factories import evidence_in

    for event in EventFactory.create_batch(20, location=people[0]):
        for person in people:
            participate(event, person, "participant")
        evidence_in(event, article, "Leaders met.")
    with django_assert_num_queries(6):  # count + page + participants + field sources + evidence + places named
        assert len(api_client.get("/api/v1/events/?page_size=20").json()["results"]) == 20


def test_the_api_root_lists_every_collection(api_client):
    assert set(api_client.get("/api/v1/").json()) == {
        "schema",
        "docs",
        "about",
        "sources",
        "articles",
        "entities",
        "events",
        "mentions",
        "candidates",
        "entity-merges",
        "distinctions",
    }


def test_each_entity_carries_its_article_count_and_first_and_last_mention(api_client, corpus):
    rows = {row["slug"]: row for row in api_client.get("/api/v1/entities/").json()["results"]}
    assert (rows["iran"]["article_count"], rows["iran"]["first_mentioned"], rows["iran"]["last_mentioned"]) == (
        2,
        "2023-07-31",
        "2024-01-01",
    )
    # The rejected mention in the undated article does not count.
    assert (rows["asim-munir"]["article_count"], rows["asim-munir"]["last_mentioned"]) == (1, "2023-07-31")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=IR", ["iran"]),
        ("country=ir,pk", ["asim-munir", "iran"]),
        ("q=syed", ["asim-munir"]),
        ("articles_min=2", ["iran"]),
        ("articles_max=1", ["asim-munir", "jaish-al-adl"]),
        ("mentioned_after=2023-12-01", ["iran"]),
        ("mentioned_before=2023-08-01", ["asim-munir", "iran", "jaish-al-adl"]),
        ("mentioned_after=2025-01-01", []),
        ("co_mentioned_with=asim-munir", ["iran", "jaish-al-adl"]),
        ("co_mentioned_with=iran&co_mentioned_with=jaish-al-adl", ["asim-munir"]),
        ("ordering=-article_count", ["iran", "jaish-al-adl", "asim-munir"]),  # ties: newest first
    ],
)
def test_entity_filters_on_country_counts_dates_and_co_mentions(api_client, corpus, query, expected):
    Entity.objects.filter(pk=corpus.iran.pk).update(country="IR")
    Entity.objects.filter(pk=corpus.munir.pk).update(country="PK")
    assert slugs(api_client.get(f"/api/v1/entities/?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("articles_min=many", "articles_min"),
        ("mentioned_after=July", "mentioned_after"),
        ("co_mentioned_with=x", "co_mentioned_with"),
    ],
)
def test_invalid_entity_filters_answer_400_naming_the_parameter(api_client, corpus, query, named):
    response = api_client.get(f"/api/v1/entities/?{query}")
    assert response.status_code == 400
    assert named in response.json()


def test_co_mentions_rank_the_entities_named_in_the_same_articles(api_client, corpus):
    rows = api_client.get(f"/api/v1/entities/{corpus.iran.id}/co-mentions/").json()
    assert [(row["entity"]["slug"], row["articles"], row["mentions"]) for row in rows] == [
        ("asim-munir", 1, 1),
        ("jaish-al-adl", 1, 1),
    ]
    assert len(api_client.get(f"/api/v1/entities/{corpus.iran.id}/co-mentions/?limit=1").json()) == 1
    response = api_client.get(f"/api/v1/entities/{corpus.iran.id}/co-mentions/?limit=0")
    assert response.status_code == 400 and "limit" in response.json()


def test_the_timeline_counts_mentions_per_month(api_client, corpus):
    mention_in(corpus.undated, corpus.iran, "Asim Munir")  # an undated article comes last
    rows = api_client.get(f"/api/v1/entities/{corpus.iran.id}/timeline/").json()
    assert rows == [
        {"month": "2023-07", "articles": 1, "mentions": 1},
        {"month": "2024-01", "articles": 1, "mentions": 1},
        {"month": None, "articles": 1, "mentions": 1},
    ]


def test_articles_can_be_filtered_by_all_or_any_of_several_entities(api_client, corpus):
    def titles(query: str) -> list[str]:
        return [row["title"] for row in api_client.get(f"/api/v1/articles/?{query}").json()["results"]]

    assert titles("entity=iran&entity=jaish-al-adl") == ["Army chief visits Tehran"]
    assert titles("entity=iran&entity=jaish-al-adl&entity_match=any") == [
        "A new era in ties",
        "Army chief visits Tehran",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("participant=asim-munir&participant=jaish-al-adl", ["Army chief visits Tehran", "Border talks"]),
        ("participant=asim-munir&participant=iran&participant_match=all", ["Army chief visits Tehran"]),
        ("participant=asim-munir&participant=jaish-al-adl&participant_match=all", []),
        ("role=target", ["Border talks"]),
        ("participant=iran&role=visitor", []),
        ("participant=iran&role=host", ["Army chief visits Tehran"]),
        ("cameo_code=04", ["Army chief visits Tehran", "Border talks"]),
        ("cameo_code=042", ["Army chief visits Tehran"]),
        ("plover_type=consult", ["Army chief visits Tehran", "Border talks"]),
        ("origin=curator", ["Army chief visits Tehran", "Border talks"]),
        ("origin=detector", []),
        ("origin=data_file", ["Army chief visits Tehran", "Border talks"]),
        ("origin=importer&origin=extractor", []),
    ],
)
def test_event_filters_on_roles_ontology_codes_and_origin(api_client, corpus, query, expected):
    rows = api_client.get(f"/api/v1/events/?{query}").json()["results"]
    assert [row["title"] for row in rows] == expected


def test_events_can_be_filtered_by_the_articles_that_report_them_and_back(api_client, corpus):
    rows = api_client.get(f"/api/v1/events/?article={corpus.visit.id}").json()["results"]
    assert [(row["title"], row["cameo_code"], row["plover_type"]) for row in rows] == [
        ("Army chief visits Tehran", "042", "CONSULT")
    ]
    articles = api_client.get(f"/api/v1/articles/?event={corpus.trip.id}").json()["results"]
    assert [row["title"] for row in articles] == ["Army chief visits Tehran"]
    assert api_client.get(f"/api/v1/articles/?event={corpus.talks.id}").json()["results"] == []
    assert api_client.get("/api/v1/articles/?event=999999").status_code == 400


def test_an_event_known_to_the_month_overlaps_any_day_of_that_month(api_client, db):
    import datetime

    EventFactory(title="January strikes", start_date=datetime.date(2024, 1, 1), start_precision="month")
    EventFactory(title="In 2013", start_date=datetime.date(2013, 1, 1), start_precision="year")
    rows = api_client.get("/api/v1/events/?date_after=2024-01-15").json()["results"]
    assert [row["title"] for row in rows] == ["January strikes"]
    rows = api_client.get("/api/v1/events/?date_after=2013-06-01&date_before=2013-06-30").json()["results"]
    assert [row["title"] for row in rows] == ["In 2013"]
    assert api_client.get("/api/v1/events/?date_after=2024-02-01").json()["results"] == []


def test_events_are_found_by_who_asserted_any_of_their_facts(api_client, corpus):
    """`origin=detector` finds a curated event to which the detector added one sentence."""
    corpus.trip.evidence.update(origin="detector")
    rows = api_client.get("/api/v1/events/?origin=detector").json()["results"]
    assert [row["title"] for row in rows] == ["Army chief visits Tehran"]
    assert api_client.get("/api/v1/events/?origin=nobody").status_code == 400
