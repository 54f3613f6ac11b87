"""Roles: what anonymous users, readers, curators and administrators may do through the API."""

import pytest
from django.contrib.auth.models import Group, User

from entities.models import Entity, Mention

pytestmark = pytest.mark.django_db


def member_of(role: str | None) -> User | None:
    if role is None:
        return None
    user = User.objects.create_user(f"{role.lower()}-user", password="a-long-password-1")
    user.groups.add(Group.objects.get(name=role))
    return user


def as_(api_client, role: str | None):
    user = member_of(role)
    if user is not None:
        api_client.force_authenticate(user)
    return api_client


def test_the_roles_exist_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Reader", "Curator", "Administrator"}
    curator = Group.objects.get(name="Curator").permissions.values_list("codename", flat=True)
    assert {"change_mention", "add_alias", "delete_entity", "change_candidate"} <= set(curator)
    assert not {"delete_source", "delete_article", "change_user", "add_user"} & set(curator)
    reader = set(Group.objects.get(name="Reader").permissions.values_list("codename", flat=True))
    assert reader and all(codename.startswith("view_") for codename in reader)


@pytest.mark.parametrize(
    ("role", "expected"),
    [(None, (401, 403)), ("Reader", (403,)), ("Curator", (200,)), ("Administrator", (200,))],
)
def test_who_may_confirm_a_mention(api_client, corpus, role, expected):
    mention = Mention.objects.filter(article=corpus.visit, status="automatic").first()
    response = as_(api_client, role).post(f"/api/v1/mentions/{mention.id}/confirm/")
    assert response.status_code in expected


@pytest.mark.parametrize(
    ("role", "expected"), [(None, (401, 403)), ("Reader", (403,)), ("Curator", (200,)), ("Administrator", (200,))]
)
def test_who_may_merge_entities(api_client, corpus, role, expected):
    Entity.objects.create(name="Syed Asim Munir", slug="syed-asim-munir", kind="person")
    response = as_(api_client, role).post(
        f"/api/v1/entities/{corpus.munir.id}/merge/", {"entities": ["syed-asim-munir"]}, format="json"
    )
    assert response.status_code in expected


@pytest.mark.parametrize(
    ("role", "expected"), [(None, (401, 403)), ("Reader", (200,)), ("Curator", (200,)), ("Administrator", (200,))]
)
def test_who_may_read_when_the_archive_is_private(api_client, corpus, settings, role, expected):
    settings.API_PUBLIC_READ = False
    client = as_(api_client, role)
    assert client.get("/api/v1/articles/").status_code in expected
    assert client.get("/api/v1/events/").status_code in expected


def test_anyone_may_read_when_the_archive_is_public(api_client, corpus):
    assert api_client.get("/api/v1/articles/").status_code == 200
