"""Curating entities through the API: who may, and what it does."""

import pytest
from django.contrib.auth.models import Permission, User

from entities import mentions
from entities.models import Candidate, Entity, Mention
from tests.factories import ArticleFactory, EntityFactory, mention_in

pytestmark = pytest.mark.django_db


def user_with(*codenames: str) -> User:
    user = User.objects.create_user(f"user-{len(codenames)}-{User.objects.count()}", password="x")
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def curator() -> User:
    return user_with(
        "view_mention", "change_mention", "add_alias", "change_candidate", "add_entity", "change_entity",
        "delete_entity",
    )  # fmt: skip


@pytest.fixture
def reader() -> User:
    return user_with("view_mention", "view_entity", "view_candidate")


def post(client, user, url, data=None):
    if user is not None:
        client.force_authenticate(user)
    return client.post(url, data or {}, format="json")


@pytest.mark.parametrize("action", ["confirm", "reject"])
def test_curators_confirm_and_reject_mentions(api_client, corpus, curator, action):
    mention = Mention.objects.get(article=corpus.visit, text="Iran")
    response = post(api_client, curator, f"/api/v1/mentions/{mention.id}/{action}/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == f"{action}ed"
    mention.refresh_from_db()
    assert mention.status == f"{action}ed"


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_readers_and_anonymous_users_cannot_curate(api_client, corpus, reader, who):
    user = reader if who == "reader" else None
    mention = Mention.objects.get(article=corpus.visit, text="Iran")
    candidate = Candidate.objects.create(name="Kech", proposal="entity")
    for url in [
        f"/api/v1/mentions/{mention.id}/confirm/",
        f"/api/v1/mentions/{mention.id}/add-alias/",
        f"/api/v1/entities/{corpus.iran.id}/merge/",
        f"/api/v1/candidates/{candidate.id}/accept/",
        f"/api/v1/candidates/{candidate.id}/dismiss/",
    ]:
        assert post(api_client, user, url).status_code in (401, 403), url
    assert Mention.objects.get(pk=mention.pk).status == "automatic"
    assert Candidate.objects.get(pk=candidate.pk).status == "open"


def test_a_mention_becomes_an_alias_of_its_entity(api_client, corpus, curator):
    article = ArticleFactory(body="Field Marshal Syed Asim Munir spoke. Munir left.")
    titled = mention_in(article, corpus.munir, "Field Marshal Syed Asim Munir")
    response = post(api_client, curator, f"/api/v1/mentions/{titled.id}/add-alias/")
    assert (response.status_code, response.json()) == (200, {"alias": "Syed Asim Munir", "created": False})
    surname = mention_in(article, corpus.munir, "Munir left")
    Mention.objects.filter(pk=surname.pk).update(text="Munir", end_offset=surname.start_offset + 5)
    response = post(api_client, curator, f"/api/v1/mentions/{surname.id}/add-alias/")
    assert (response.status_code, response.json()) == (201, {"alias": "Munir", "created": True})


def test_curators_merge_entities(api_client, corpus, curator):
    twin = EntityFactory(name="Gen. Munir", slug="gen-munir", kind="person")
    response = post(api_client, curator, f"/api/v1/entities/{corpus.munir.id}/merge/", {"entities": ["gen-munir"]})
    assert response.status_code == 200, response.content
    assert "Gen. Munir" in [alias["name"] for alias in response.json()["aliases"]]
    assert not Entity.objects.filter(pk=twin.pk).exists()
    response = post(api_client, curator, f"/api/v1/entities/{corpus.munir.id}/merge/", {"entities": ["nobody"]})
    assert response.status_code == 400 and "entities" in response.json()


def test_curators_accept_and_dismiss_candidates(api_client, corpus, curator):
    article = ArticleFactory(body="Officials in Kech District said so.")
    mentions.extract_article(article, matcher=mentions.matcher_from_database())
    candidate = Candidate.objects.get(name="Kech")  # "Kech District": the generic word left out
    listed = api_client.get("/api/v1/candidates/?status=open&proposal=entity").json()["results"]
    assert [(row["name"], row["kind_guess"], row["frequency"]) for row in listed] == [("Kech", "region", 1)]

    response = post(
        api_client, curator, f"/api/v1/candidates/{candidate.id}/accept/", {"name": "Kech", "kind": "region"}
    )
    assert response.status_code == 200, response.content
    assert (response.json()["name"], response.json()["kind"], response.json()["article_count"]) == ("Kech", "region", 1)
    assert response.json()["aliases"] == []  # the name accepted is the entity's own
    assert post(api_client, curator, f"/api/v1/candidates/{candidate.id}/accept/").status_code == 409

    other = Candidate.objects.create(name="Frontier Corps", proposal="entity")
    response = post(api_client, curator, f"/api/v1/candidates/{other.id}/dismiss/")
    assert (response.status_code, response.json()["status"]) == (200, "dismissed")


def test_a_near_miss_is_accepted_as_an_alias_of_another_entity_when_asked(api_client, corpus, curator):
    candidate = Candidate.objects.create(
        name="Asim Muneer", proposal="alias", entity=corpus.iran, similar_alias="Iran", score=50
    )
    response = post(api_client, curator, f"/api/v1/candidates/{candidate.id}/accept/", {"entity": "asim-munir"})
    assert response.status_code == 200
    assert corpus.munir.aliases.filter(name="Asim Muneer").exists()
    assert not corpus.iran.aliases.filter(name="Asim Muneer").exists()


def test_a_merge_is_listed_for_both_entities_and_undone_through_the_api(api_client, corpus, curator):
    curator.user_permissions.add(*Permission.objects.filter(codename__in=["change_entitymerge", "view_entitymerge"]))
    twin = EntityFactory(name="Gen. Munir", slug="gen-munir", kind="person")
    article = ArticleFactory(body="Gen. Munir spoke.")
    mention = mention_in(article, twin, "Gen. Munir")
    response = post(api_client, curator, f"/api/v1/entities/{corpus.munir.id}/merge/",
                    {"entities": ["gen-munir"], "reason": "one army chief"})  # fmt: skip
    assert response.status_code == 200, response.content

    gone = api_client.get(f"/api/v1/entities/{twin.id}/")
    [merge] = api_client.get(f"/api/v1/entity-merges/?entity={twin.id}").json()["results"]
    assert gone.status_code == 404
    assert gone.json()["detail"] == (
        f"Gen. Munir was merged into Asim Munir (entity {corpus.munir.id}); see /api/v1/entity-merges/{merge['id']}/"
    )
    assert api_client.get(f"/api/v1/entity-merges/?entity={corpus.munir.id}").json()["results"] == [merge]
    assert (merge["merged_name"], merge["survivor_name"], merge["reason"], merge["standing"]) == (
        "Gen. Munir", "Asim Munir", "one army chief", True
    )  # fmt: skip
    assert merge["merged_by"] == curator.username and merge["rows"] >= 3

    response = post(api_client, curator, f"/api/v1/entity-merges/{merge['id']}/undo/", {"reason": "two people"})
    assert response.status_code == 200, response.content
    assert (response.json()["merge"]["standing"], response.json()["kept"]) == (False, [])
    assert Mention.objects.get(pk=mention.pk).entity_id == twin.id
    assert api_client.get(f"/api/v1/entities/{twin.id}/").json()["name"] == "Gen. Munir"
    again = post(api_client, curator, f"/api/v1/entity-merges/{merge['id']}/undo/")
    assert again.status_code == 409 and "undone already" in again.json()["detail"]


def test_a_pair_said_not_to_be_the_same_is_refused_a_merge_through_the_api(api_client, corpus, curator):
    curator.user_permissions.add(*Permission.objects.filter(codename__in=["add_distinction", "view_distinction"]))
    EntityFactory(name="Asim Munir Khan", slug="asim-munir-khan", kind="person")
    said = {"entity": "asim-munir", "other": "asim-munir-khan", "reason": "a cricketer from Sialkot"}
    response = post(api_client, curator, "/api/v1/distinctions/", said)
    assert response.status_code == 201, response.content
    assert post(api_client, curator, "/api/v1/distinctions/", said).status_code == 200  # recorded once

    refused = post(api_client, curator, f"/api/v1/entities/{corpus.munir.id}/merge/", {"entities": ["asim-munir-khan"]})
    assert refused.status_code == 409
    assert refused.json()["detail"].endswith("are not the same: a cricketer from Sialkot")
    listed = api_client.get("/api/v1/distinctions/?entity=asim-munir-khan").json()["results"]
    assert [(row["entity"], row["other"], row["decided_by"]) for row in listed] in (
        [("asim-munir", "asim-munir-khan", curator.username)], [("asim-munir-khan", "asim-munir", curator.username)]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"entity": "asim-munir", "reason": "neither"}, "non_field_errors"),
        ({"entity": "asim-munir", "other": "asim-munir", "reason": "itself"}, "other"),
        ({"entity": "asim-munir", "name": "Munir Akram", "reason": " "}, "reason"),
        ({"entity": "asim-munir", "name": "Munir Akram", "other": "iran", "reason": "both"}, "non_field_errors"),
    ],
)
def test_a_distinction_needs_one_other_side_and_a_reason(api_client, corpus, curator, payload, field):
    curator.user_permissions.add(Permission.objects.get(codename="add_distinction"))
    response = post(api_client, curator, "/api/v1/distinctions/", payload)
    assert response.status_code == 400 and field in response.json(), response.content


def test_readers_cannot_undo_merges_or_say_not_the_same(api_client, corpus, reader):
    assert post(api_client, reader, "/api/v1/distinctions/", {}).status_code == 403
    assert post(api_client, reader, "/api/v1/entity-merges/1/undo/").status_code in (403, 404)
