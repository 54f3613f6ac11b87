"""Ordinary input that once answered 500: every request gets a documented status, JSON under /api/,
and search passages never carry an article's own HTML."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from rest_framework.test import APIClient

from entities.models import Candidate
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api() -> APIClient:
    return APIClient(raise_request_exception=False)


@pytest.fixture
def admin_user_client() -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.create_superuser("root", password="a-long-password-1"))
    return client


def walk(api: APIClient, url: str) -> list[int]:
    ids = []
    while url:
        response = api.get(url)
        assert response.status_code == 200, response.content
        ids += [row["id"] for row in response.json()["results"]]
        url = response.json()["next"]
    return ids


@pytest.mark.parametrize("ordering", ["rank", "-rank"])
@pytest.mark.parametrize("search", ["", "&q=tehran"])
def test_ordering_by_relevance_pages_by_cursor_with_or_without_a_search(api, ordering, search):
    for number in range(5):
        ArticleFactory(title=f"Tehran {'Tehran ' * number}talks", body=f"Talks in Tehran, round {number}.")
    ids = walk(api, f"/api/v1/articles/?ordering={ordering}{search}&cursor=&page_size=2")
    assert len(ids) == len(set(ids)) == 5


@pytest.mark.parametrize("blank", ["%20", "%C2%A0", "%09%0A"])
def test_a_blank_search_lists_everything(api, blank):
    ArticleFactory.create_batch(3)
    assert len(walk(api, f"/api/v1/articles/?q={blank}&cursor=&page_size=2")) == 3
    assert api.get(f"/api/v1/articles/facets/?q={blank}").json()["articles"] == 3


@pytest.mark.parametrize(
    "path", ["/api/v1/entities/?country=%00", "/api/v1/articles/?q=a%00b", "/api/v1/articles/?ordering=%00"]
)
def test_a_nul_in_a_parameter_answers_400_in_json(api, path):
    response = api.get(path)
    assert response.status_code == 400 and "NUL" in response.json()["detail"]


def test_a_nul_in_a_curators_request_body_answers_400(api, corpus):
    api.force_authenticate(User.objects.create_superuser("root", password="a-long-password-1"))
    candidate = Candidate.objects.create(name="Kech", proposal="entity")
    for url, body in [
        (f"/api/v1/candidates/{candidate.pk}/accept/", {"entity": "a\x00b"}),
        (f"/api/v1/entities/{corpus.munir.pk}/merge/", {"entities": ["a\x00b"]}),
    ]:
        response = api.post(url, body, format="json")
        assert response.status_code == 400 and "NUL" in response.json()["detail"]


def test_the_admin_answers_400_to_a_nul_and_404_to_an_address_that_names_nothing(admin_user_client, corpus):
    assert admin_user_client.get("/admin/entities/entity/?country=%00").status_code == 400
    mention = corpus.visit.mentions.first()
    assert admin_user_client.get(f"/admin/entities/mention/{mention.pk}/change/history/").status_code == 404
    assert admin_user_client.get(f"/admin/entities/mention/{mention.pk}/history/x/").status_code == 404
    assert admin_user_client.get(f"/admin/entities/mention/{mention.pk}/history/").status_code == 200


def test_a_search_passage_escapes_the_articles_html_and_marks_only_the_match(api):
    ArticleFactory(title="Markup", body="Officials met in Tehran. <img src=x onerror=alert(1)> <b>Tehran</b> said no.")
    (row,) = api.get("/api/v1/articles/?q=tehran").json()["results"]
    assert "<img" not in row["snippet"] and "&lt;img src=x onerror=alert(1)&gt;" in row["snippet"]
    assert "<mark>Tehran</mark>" in row["snippet"] and "<b>" not in row["snippet"]
