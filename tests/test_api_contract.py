"""The API's published contract: the OpenAPI schema, its documentation, errors, authentication and
throttling, and a schema-driven fuzzer (schemathesis) that finds no server error and no response
outside the schema."""

import os

import pytest
import schemathesis
from django.contrib.auth.models import Permission, User
from django.core.cache import cache
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    response_schema_conformance,
    status_code_conformance,
)

from archive.wsgi import application


def _load_schema() -> schemathesis.schemas.BaseSchema:
    """The schema as the code generates it, fuzzed through the WSGI application."""
    import json

    from drf_spectacular.generators import SchemaGenerator
    from rest_framework.renderers import JSONRenderer

    document = json.loads(JSONRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))
    loaded = schemathesis.openapi.from_dict(document)
    loaded.app = application
    return loaded


schema = _load_schema()
ROLES = (None, "Reader", "Curator", "Administrator")
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    content_type_conformance,
    status_code_conformance,
    ignored_auth,
]
# Examples per operation (each sent once per role); CI's budget. ARCHIVE_CONTRACT_EXAMPLES asks for more.
EXAMPLES = int(os.environ.get("ARCHIVE_CONTRACT_EXAMPLES", "12"))


def test_the_schema_is_openapi_3_and_documents_every_collection_and_filter(client):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert {"/api/v1/articles/", "/api/v1/entities/", "/api/v1/events/", "/api/v1/mentions/",
            "/api/v1/sources/", "/api/v1/candidates/"} <= set(document["paths"])  # fmt: skip
    parameters = {p["name"]: p["schema"] for p in document["paths"]["/api/v1/events/"]["get"]["parameters"]}
    assert {"kind", "participant", "role", "date_after", "article", "cameo_code"} <= set(parameters)
    assert parameters["article"]["type"] == "integer"


def test_the_documentation_page_serves_its_own_assets(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html and "cdn.jsdelivr.net" not in html


@pytest.mark.django_db
def test_unknown_api_urls_answer_json_404(client):
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("No such resource")


@pytest.mark.django_db
def test_scripts_authenticate_with_a_token(api_client, corpus):
    user = User.objects.create_user("curator", password="a-long-password-1")
    user.user_permissions.set(Permission.objects.filter(codename="change_mention"))
    response = api_client.post("/api/v1/token/", {"username": "curator", "password": "a-long-password-1"})
    token = response.json()["token"]
    assert token == Token.objects.get(user=user).key
    mention = corpus.visit.mentions.first()
    assert api_client.post(f"/api/v1/mentions/{mention.id}/confirm/").status_code == 401
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api_client.post(f"/api/v1/mentions/{mention.id}/confirm/").status_code == 200


@pytest.mark.django_db
def test_anonymous_clients_are_throttled_with_a_json_answer(api_client, settings_throttle):
    codes = [api_client.get("/api/v1/sources/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert "throttled" in api_client.get("/api/v1/sources/").json()["detail"].lower()


@pytest.fixture
def settings_throttle(monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    cache.clear()


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Schemathesis calls the WSGI application itself, which closes the database connection after each
    request (and with it the test's transaction); Django's own test client stops that, so does this."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def role_headers(db) -> dict[str | None, dict[str, str]]:
    """Request headers of an anonymous client and of a token user in each role."""
    from django.contrib.auth.models import Group

    headers: dict[str | None, dict[str, str]] = {None: {}}
    for role in ROLES[1:]:
        user = User.objects.create_user(f"contract-{role}", password="a-long-password-1")
        user.groups.add(Group.objects.get(name=role))
        headers[role] = {"Authorization": f"Token {Token.objects.create(user=user).key}"}
    return headers


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_within_its_schema_for_every_role(
    case, corpus, role_headers, wsgi_keeps_the_test_connection
):
    for role in ROLES:
        cache.clear()  # the fuzzer is not an abusive client
        headers = {**(case.headers or {}), **role_headers[role]}
        case.call_and_validate(base_url="https://localhost", headers=headers, checks=CHECKS)
