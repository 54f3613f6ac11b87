"""A door that counts: the anonymous limit is one count whatever worker answers and whatever headers a
client makes up, and password guesses against the admin, the token endpoint and HTTP basic lock the
guesser out until the lock expires or an administrator lifts it."""

import base64
import os
import socket
import subprocess
import sys
import time
import urllib.parse
from http.client import HTTPConnection
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

from archive.models import ThrottleWindow
from tests.conftest import PROJECT_DIR

PASSWORD = "a-long-password-1"


def database_url() -> str:
    """The test database, as DATABASE_URL for another process."""
    params = connection.get_connection_params()
    user, password = (
        urllib.parse.quote(params.get("user") or "postgres"),
        urllib.parse.quote(params.get("password", "")),
    )
    host = str(params.get("host") or "")
    if host.startswith("/"):
        return f"postgresql://{user}:{password}@/{params['dbname']}?host={urllib.parse.quote(host)}"
    return f"postgresql://{user}:{password}@{host}:{params.get('port') or 5432}/{params['dbname']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gunicorn_with_three_workers(transactional_db):
    from archive.throttling import windows

    windows().forget()  # committed rows: this test starts from an empty table (and the flush empties it)
    port = free_port()
    environment = {**os.environ, "DATABASE_URL": database_url(), "ARCHIVE_API_ANON_RATE": "4/minute",
                   "DJANGO_HTTPS": "0", "DJANGO_DEBUG": "0"}  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "archive.wsgi", "-w", "3", "-b", f"127.0.0.1:{port}"],
        cwd=PROJECT_DIR, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while True:
        try:
            probe = HTTPConnection("127.0.0.1", port, timeout=2)
            probe.request("GET", "/healthz")
            if probe.getresponse().status == 200:
                break
        except OSError:
            assert time.monotonic() < deadline and server.poll() is None, "gunicorn did not start"
            time.sleep(0.3)
    yield port
    server.terminate()
    server.wait(timeout=30)


@pytest.mark.shared_throttle
def test_the_anonymous_limit_is_one_count_across_workers(gunicorn_with_three_workers):
    codes = []
    for _ in range(12):  # a new connection each time, so that any worker may answer
        http = HTTPConnection("127.0.0.1", gunicorn_with_three_workers, timeout=10)
        http.request("GET", "/api/v1/sources/")
        codes.append(http.getresponse().status)
        http.close()
    assert codes == [200] * 4 + [429] * 8


@pytest.fixture
def three_a_minute(monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})


@pytest.mark.django_db
@pytest.mark.shared_throttle
def test_a_made_up_forwarded_for_header_does_not_reset_the_count(three_a_minute):
    client = APIClient()
    codes = [client.get("/api/v1/sources/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(5)]
    assert codes == [200, 200, 200, 429, 429]


@pytest.mark.django_db
@pytest.mark.shared_throttle
def test_a_request_is_counted_in_one_statement_and_the_count_starts_again_in_the_next_window(
    three_a_minute, monkeypatch, django_assert_num_queries
):
    from archive.throttling import AnonymousWindowThrottle

    now = [6_000_000.0 + 50]  # ten seconds before a minute's window ends
    monkeypatch.setattr(AnonymousWindowThrottle, "timer", lambda self: now[0])
    client = APIClient()
    with django_assert_num_queries(2):  # the count, and the sources' page
        assert client.get("/api/v1/sources/").status_code == 200
    codes = [client.get("/api/v1/sources/").status_code for _ in range(3)]
    refused = client.get("/api/v1/sources/")
    assert codes == [200, 200, 429] and refused["Retry-After"] == "10"
    now[0] += 10
    assert client.get("/api/v1/sources/").status_code == 200
    assert ThrottleWindow.objects.get().hits == 1


@pytest.mark.django_db
def test_behind_a_trusted_proxy_each_forwarded_client_counts_alone(three_a_minute, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    client = APIClient()
    first = [client.get("/api/v1/sources/", HTTP_X_FORWARDED_FOR="203.0.113.7").status_code for _ in range(4)]
    other = client.get("/api/v1/sources/", HTTP_X_FORWARDED_FOR="203.0.113.8").status_code
    assert (first, other) == ([200, 200, 200, 429], 200)


@pytest.fixture
def three_failures(db, settings):
    settings.AXES_FAILURE_LIMIT = 3
    return User.objects.create_superuser("admin", password=PASSWORD)


def test_guessing_the_token_endpoints_password_locks_the_guesser_out(three_failures):
    client = APIClient()
    wrong = [client.post("/api/v1/token/", {"username": "admin", "password": f"guess-{n}"}).status_code
             for n in range(3)]  # fmt: skip
    assert wrong == [400, 400, 400]
    locked = client.post("/api/v1/token/", {"username": "admin", "password": PASSWORD})
    assert locked.status_code == 429 and "token" not in locked.content.decode()
    call_command("axes_reset", stdout=StringIO())
    assert client.post("/api/v1/token/", {"username": "admin", "password": PASSWORD}).status_code == 200


def test_guessing_the_admin_password_locks_the_guesser_out(three_failures):
    client = Client()
    for n in range(3):
        client.post("/admin/login/", {"username": "admin", "password": f"guess-{n}", "next": "/admin/"})
    response = client.post("/admin/login/", {"username": "admin", "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302  # still not signed in
    call_command("axes_reset_ip", "127.0.0.1", stdout=StringIO())
    response = client.post("/admin/login/", {"username": "admin", "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302 and client.get("/admin/").status_code == 200


def test_guessing_a_basic_auth_password_counts_too(three_failures):
    client = APIClient()
    for n in range(3):
        credentials = base64.b64encode(f"admin:guess-{n}".encode()).decode()
        client.post("/api/v1/candidates/1/dismiss/", HTTP_AUTHORIZATION=f"Basic {credentials}")
    credentials = base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
    assert client.get("/api/v1/sources/", HTTP_AUTHORIZATION=f"Basic {credentials}").status_code == 429
