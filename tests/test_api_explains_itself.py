"""An API that explains itself: a parameter it does not take, or a value it cannot read, is a 400
naming the parameter the client sent; errors are JSON under /api/ whatever the debug setting; the
export answers its own media types; the root says what the archive holds and where its docs are;
facets speak in the API's parameter names."""

import json

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.renderers import JSONRenderer

pytestmark = pytest.mark.django_db

LISTINGS = ["/api/v1/articles/", "/api/v1/sources/", "/api/v1/entities/", "/api/v1/events/", "/api/v1/mentions/",
            "/api/v1/candidates/", "/api/v1/entity-merges/", "/api/v1/distinctions/", "/api/v1/articles/facets/",
            "/api/v1/articles/export/"]  # fmt: skip


@pytest.mark.parametrize("path", LISTINGS)
def test_a_parameter_the_endpoint_does_not_take_is_a_400_naming_it(api_client, corpus, path):
    response = api_client.get(path, {"published_afer": "2024-01-01"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "Not a parameter of this endpoint" in response.json()["published_afer"][0]


def test_every_parameter_the_schema_documents_is_taken(api_client, corpus):
    """The schema and the check agree: no documented parameter is refused as unknown."""
    document = json.loads(JSONRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))
    checked = 0
    for path, operations in document["paths"].items():
        get = operations.get("get")
        if get is None or "{" in path:
            continue
        for parameter in (p for p in get.get("parameters", []) if p["in"] == "query"):
            response = api_client.get(path, {parameter["name"]: "1"})
            body = response.json() if response["Content-Type"].startswith("application/json") else {}
            refused = body.get(parameter["name"], []) if isinstance(body, dict) else []
            assert not any("Not a parameter" in message for message in refused), (path, parameter["name"])
            checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ({"page_size": "abc"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "5000"}, "page_size"),
        ({"page": "abc"}, "page"),
        ({"ordering": "nosuchfield"}, "ordering"),
        ({"ordering": "title,-nosuchfield"}, "ordering"),
        ({"published_after": "yesterday"}, "published_after"),
        ({"published_before": "2024-13-45"}, "published_before"),
        ({"type": "gossip"}, "type"),
        ({"entity": "no-such-entity"}, "entity"),
        ({"type": "100%"}, "type"),  # a message quoting the value is text, not a format
    ],
)
def test_a_malformed_or_out_of_range_value_is_a_400_naming_the_parameter_sent(api_client, corpus, query, named):
    response = api_client.get("/api/v1/articles/", query)
    assert response.status_code == 400, response.content
    assert list(response.json()) == [named]


def test_a_bad_flag_is_a_400_not_a_filter_silently_dropped(api_client, corpus):
    assert api_client.get("/api/v1/sources/", {"confirmed": "maybe"}).json() == {"confirmed": ["true or false."]}
    assert api_client.get("/api/v1/sources/", {"confirmed": "TRUE"}).status_code == 200


def test_the_page_size_asked_for_is_served(api_client, corpus):
    assert len(api_client.get("/api/v1/articles/", {"page_size": "2"}).json()["results"]) == 2
    assert api_client.get("/api/v1/articles/", {"ordering": "title,"}).status_code == 200


@pytest.mark.parametrize("debug", [False, True])
def test_errors_under_the_api_are_json_whatever_the_debug_setting(client, corpus, settings, debug):
    settings.DEBUG = debug
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "No such resource: /api/v1/nothing-here/"}
    assert client.get("/api/v1/articles/999999/").json()["detail"]
    assert client.get("/admin/nothing-here/").status_code in (302, 404)  # pages for people stay pages


@pytest.mark.parametrize("debug", [False, True])
def test_a_server_error_under_the_api_is_json_without_a_traceback(corpus, settings, monkeypatch, debug):
    from django.test import Client

    from articles.views import ArticleViewSet

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a secret detail")

    settings.DEBUG = debug
    monkeypatch.setattr(ArticleViewSet, "list", broken)
    response = Client(raise_request_exception=False).get("/api/v1/articles/", secure=True)
    assert response.status_code == 500 and response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Server error; it has been logged."}


def test_the_export_answers_its_own_media_types(api_client, corpus):
    as_csv = api_client.get("/api/v1/articles/export/", HTTP_ACCEPT="text/csv")
    assert as_csv.status_code == 200 and as_csv["Content-Type"].startswith("text/csv")
    assert b"".join(as_csv.streaming_content).decode().startswith("id,title")
    as_lines = api_client.get("/api/v1/articles/export/", HTTP_ACCEPT="application/x-ndjson")
    assert as_lines["Content-Type"].startswith("application/x-ndjson")
    first = json.loads(b"".join(as_lines.streaming_content).decode().splitlines()[0])
    assert "body" in first
    asked = api_client.get("/api/v1/articles/export/?as=jsonl", HTTP_ACCEPT="text/csv")
    assert asked["Content-Type"].startswith("application/x-ndjson")  # the parameter wins over the header
    refused = api_client.get("/api/v1/articles/export/?as=xml", HTTP_ACCEPT="text/csv")
    assert refused.status_code == 400 and refused.json() == {"as": ["One of: csv, jsonl."]}
    assert api_client.get("/api/v1/articles/", HTTP_ACCEPT="text/csv").status_code == 406


def test_the_root_links_the_schema_and_docs_and_says_what_the_archive_holds(api_client, corpus):
    root = api_client.get("/api/v1/").json()
    assert root["schema"].endswith("/api/v1/schema/") and root["docs"].endswith("/api/v1/docs/")
    assert root["articles"].endswith("/api/v1/articles/")
    assert len(root["about"]) == 2
    assert root["about"][0].startswith("3 news articles from 2 outlets, published ")
    assert "3 people, organisations, places and armed groups" in root["about"][1]
    assert "2 events they report" in root["about"][1]


def test_facets_speak_in_the_api_parameter_names_and_say_what_they_count(api_client, corpus):
    facets = api_client.get("/api/v1/articles/facets/").json()
    assert facets["counts"] == {"source": "articles", "month": "articles", "type": "articles",
                                "status": "articles", "entity": "articles", "event_kind": "events"}  # fmt: skip
    source = facets["source"][0]
    assert set(source) == {"source", "name", "count"}
    narrowed = api_client.get("/api/v1/articles/", {"source": source["source"]}).json()["results"]
    assert len(narrowed) == source["count"]
    entity = facets["entity"][0]
    assert set(entity) == {"entity", "name", "kind", "count"}
    assert len(api_client.get("/api/v1/articles/", {"entity": entity["entity"]}).json()["results"]) == entity["count"]
    assert set(facets["type"][0]) == {"type", "count"}
    kind = facets["event_kind"][0]
    assert set(kind) == {"kind", "count"}
    assert len(api_client.get("/api/v1/events/", {"kind": kind["kind"]}).json()["results"]) == kind["count"]
