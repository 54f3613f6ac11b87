"""The project as a whole: settings from the environment, the embedded database, deployment files."""

import io
import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
import yaml
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from archive.database import database_config, embedded_database_url
from archive.settings import env_bool

PROJECT_DIR = Path(__file__).resolve().parent.parent


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "archive.example.org",
    }
    env.pop("DJANGO_HTTPS", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_plain_http_settings_are_flagged_by_the_deploy_check():
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr + result.stdout


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("yes", True), ("Off", False), ("", False)])
def test_boolean_settings_accept_the_usual_spellings(monkeypatch, value, expected):
    monkeypatch.setenv("SOME_FLAG", value)
    assert env_bool("SOME_FLAG", False) is expected


def test_a_misspelt_boolean_setting_is_an_error_naming_it(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "ture")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG='ture' is not a boolean"):
        env_bool("DJANGO_DEBUG", False)


def test_database_url_selects_the_database(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgresql://reader:secret@db.example.org:6543/news")
    config = database_config(tmp_path)
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == (
        "db.example.org",
        6543,
        "news",
        "reader",
    )
    assert not (tmp_path / ".local").exists()  # no embedded server was started


def test_the_planner_costs_random_reads_as_for_memory_without_jit_unless_the_database_url_says_otherwise(
    monkeypatch, tmp_path
):
    monkeypatch.setenv("DATABASE_URL", "postgresql://reader@db.example.org/news")
    assert database_config(tmp_path)["OPTIONS"]["options"] == "-c random_page_cost=1.1 -c jit=off"
    monkeypatch.setenv("DATABASE_URL", "postgresql://reader@db.example.org/news?options=-c%20random_page_cost%3D2")
    assert database_config(tmp_path)["OPTIONS"]["options"] == "-c random_page_cost=1.1 -c jit=off -c random_page_cost=2"


@pytest.mark.django_db
def test_connections_run_with_the_planner_settings():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone() == ("1.1",)
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def test_a_database_url_that_is_not_postgresql_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///archive.sqlite3")
    with pytest.raises(ValueError, match="must point at PostgreSQL"):
        database_config(tmp_path)


def test_without_database_url_an_embedded_postgresql_starts_in_the_given_folder(tmp_path):
    url = embedded_database_url(tmp_path / "pgdata")

    assert (tmp_path / "pgdata" / "PG_VERSION").exists()
    with psycopg.connect(url) as connection:
        name, version = connection.execute(
            "SELECT current_database(), current_setting('server_version_num')"
        ).fetchone()
    assert name == "archive"
    assert int(version) >= 150000
    assert embedded_database_url(tmp_path / "pgdata") == url  # a second call joins the running server


def test_a_killed_process_does_not_keep_the_embedded_server_running_forever(tmp_path):
    pgdata = tmp_path / "pgdata"
    embedded_database_url(pgdata)
    killed = subprocess.Popen([sys.executable, "-c", "pass"])
    killed.wait()
    users = pgdata / ".handle_pids.json"
    users.write_text(json.dumps([*json.loads(users.read_text()), killed.pid]))

    embedded_database_url(pgdata)

    assert json.loads(users.read_text()) == [os.getpid()]


@pytest.mark.django_db
def test_the_superuser_is_created_from_the_environment_once(monkeypatch, django_user_model):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "editor")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-password-for-tests")
    out = io.StringIO()
    call_command("ensure_superuser", stdout=out)
    assert out.getvalue().strip() == "Created superuser editor."
    user = django_user_model.objects.get(username="editor")
    assert user.is_superuser and user.check_password("a-long-password-for-tests")

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "another-password")
    out = io.StringIO()
    call_command("ensure_superuser", stdout=out)
    assert "already exists; left unchanged" in out.getvalue()
    user.refresh_from_db()
    assert user.check_password("a-long-password-for-tests")


@pytest.mark.django_db
def test_without_a_password_one_is_generated_and_shown_once(monkeypatch, django_user_model):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("ensure_superuser", stdout=out)
    password = out.getvalue().split("with password ")[1].split()[0]
    assert django_user_model.objects.get(username="admin").check_password(password)


def test_healthz_answers_without_the_database(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def compose_file() -> dict:
    return yaml.safe_load((PROJECT_DIR / "docker-compose.yml").read_text())


def test_compose_runs_postgres_16_a_one_shot_migrate_and_import_and_the_web_app():
    services = compose_file()["services"]
    assert services["db"]["image"] == "postgres:16"
    assert "healthcheck" in services["db"]

    migrate = services["migrate"]
    job = " ".join(migrate["command"])
    assert "migrate --noinput" in job and "import_articles seeds/" in job and "ensure_superuser" in job
    assert job.index("load_outlets") < job.index("import_articles")  # the outlets are known before importing
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    assert migrate["restart"] == "no"

    web = services["web"]
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert web["ports"] == ["8000:8000"]
    assert web["environment"]["DATABASE_URL"].startswith("postgresql://archive:")
    assert "@db:5432/archive" in web["environment"]["DATABASE_URL"]


def compose_validator() -> list[str] | None:
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy else None


def test_docker_compose_accepts_the_compose_file():
    validator = compose_validator()
    if validator is None:
        if os.environ.get("ARCHIVE_REQUIRE_COMPOSE_CHECK") == "1":
            pytest.fail("neither `docker compose` nor `docker-compose` is installed (.ci/run installs it)")
        pytest.skip("neither `docker compose` nor `docker-compose` is installed")
    result = subprocess.run(
        [*validator, "-f", "docker-compose.yml", "config", "--quiet"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
