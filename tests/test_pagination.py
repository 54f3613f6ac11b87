"""Cursor (keyset) pages: every row exactly once, in order, stable while rows are added, no COUNT."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, EntityFactory, EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    dates = [datetime.date(2024, 1, day) for day in (5, 3, 3, 3, 1)] + [None, None]
    return [ArticleFactory(title=f"Article {n}", published_on=date) for n, date in enumerate(dates)]


def walk(api_client, url: str, key: str = "title") -> list[str]:
    titles, pages = [], 0
    while url:
        response = api_client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        assert "count" not in body
        titles += [row[key] for row in body["results"]]
        url, pages = body["next"], pages + 1
        assert pages < 20
    return titles


def test_cursor_pages_list_every_article_once_newest_first_and_undated_last(api_client, articles):
    titles = walk(api_client, "/api/v1/articles/?cursor=&page_size=2")
    paged = [row["title"] for row in api_client.get("/api/v1/articles/?page_size=50").json()["results"]]
    assert titles == paged
    assert titles[0] == "Article 0" and set(titles[-2:]) == {"Article 5", "Article 6"}


@pytest.mark.parametrize("ordering", ["title", "-title", "published_on", "id", "-created_at"])
def test_cursor_pages_follow_any_single_ordering(api_client, articles, ordering):
    titles = walk(api_client, f"/api/v1/articles/?cursor=&page_size=3&ordering={ordering}")
    paged = [row["title"] for row in api_client.get(f"/api/v1/articles/?ordering={ordering}").json()["results"]]
    assert titles == paged and len(titles) == 7


def test_rows_added_while_paging_never_repeat_a_row(api_client, articles):
    first = api_client.get("/api/v1/articles/?cursor=&page_size=3&ordering=-id").json()
    ArticleFactory(title="Newer")  # lands before the cursor in -id order
    rest = walk(api_client, first["next"])
    seen = [row["title"] for row in first["results"]] + rest
    assert len(seen) == len(set(seen)) == 7 and "Newer" not in seen


def test_a_cursor_page_takes_one_query(api_client, articles, django_assert_num_queries):
    with django_assert_num_queries(1):
        api_client.get("/api/v1/articles/?cursor=&page_size=3")


def test_entities_page_by_cursor_too(api_client):
    EntityFactory.create_batch(5)
    assert len(set(walk(api_client, "/api/v1/entities/?cursor=&page_size=2", key="slug"))) == 5


@pytest.mark.parametrize("query", ["cursor=not-a-cursor", "cursor=&ordering=title,published_on", "cursor=WzEsICJ4Il0"])
def test_a_bad_cursor_or_ordering_answers_400(api_client, articles, query):
    response = api_client.get(f"/api/v1/articles/?{query}")
    assert response.status_code == 400 and "cursor" in response.json()


@pytest.mark.parametrize("ordering", ["rank", "-rank"])
def test_ordering_by_relevance_without_a_search_pages_in_the_default_order(api_client, articles, ordering):
    by_default = walk(api_client, "/api/v1/articles/?cursor=&page_size=2")
    assert walk(api_client, f"/api/v1/articles/?cursor=&page_size=2&ordering={ordering}") == by_default


@pytest.mark.parametrize("query", ["", "ordering=title", "ordering=-published_on", "ordering=id", "q=article"])
def test_deep_numbered_pages_find_their_ids_first_and_show_the_same_rows(api_client, articles, query, monkeypatch):
    monkeypatch.setattr("archive.common.api.KEYS_FIRST_FROM", 2)  # from the second page of two
    everything = [row["title"] for row in api_client.get(f"/api/v1/articles/?{query}").json()["results"]]
    paged = []
    for number in (1, 2, 3, 4):
        with CaptureQueriesContext(connection) as captured:
            body = api_client.get(f"/api/v1/articles/?page={number}&page_size=2&{query}").json()
        assert body["count"] == 7
        page_query = [sql for sql in (q["sql"] for q in captured.captured_queries) if "LIMIT" in sql][-1]
        assert (number > 1) == ("IN (SELECT" in page_query)
        paged += [row["title"] for row in body["results"]]
    assert paged == everything


@pytest.mark.parametrize(
    "path", ["/api/v1/entities/?ordering=-article_count", "/api/v1/events/?ordering=-report_count"]
)
def test_deep_numbered_pages_of_annotated_listings_show_the_same_rows(api_client, path, monkeypatch):
    for number in range(5):
        EntityFactory(name=f"Entity {number}")
        EventFactory(title=f"Event {number}")
    monkeypatch.setattr("archive.common.api.KEYS_FIRST_FROM", 2)
    everything = [row["id"] for row in api_client.get(path).json()["results"]]
    paged = []
    for number in (1, 2, 3):
        response = api_client.get(f"{path}&page={number}&page_size=2")
        assert response.status_code == 200, response.content
        paged += [row["id"] for row in response.json()["results"]]
    assert paged == everything and len(everything) == 5
