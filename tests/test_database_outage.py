"""The database going away mid-import: the importer retries with backoff, and either finishes or
stops with its summary and one clear line; a re-run then completes, and the archive matches a clean
import digest for digest. A private PostgreSQL (the pgserver wheel's) is stopped and started under
a real import running in its own process. And the import itself killed (kill -9) mid-batch: what it
saved is whole, article by article, and a re-run completes it."""

import datetime
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from articles.synthetic import synthetic_article_text
from tests.conftest import PROJECT_DIR
from tests.integrity import RULES

ARTICLES = 150
DIGEST = """
    SELECT count(*), md5(string_agg(content_hash || text_hash || md5(title || body), ',' ORDER BY content_hash)),
           (SELECT count(*) FROM articles_removal), (SELECT count(*) FROM articles_fingerprint),
           (SELECT count(*) FROM articles_similarity), (SELECT sum(count) FROM articles_articletally),
           (SELECT count(*) FROM entities_mention), (SELECT count(*) FROM entities_candidateoccurrence)
      FROM articles_article"""
# What each article holds, by its content: its removals, its fingerprint, its mentions and candidates.
EACH_ARTICLE = """
    SELECT a.content_hash, a.duplicate_of_id IS NOT NULL,
           (SELECT string_agg(r.rule || r.body_offset, ',' ORDER BY r.id)
              FROM articles_removal r WHERE r.article_id = a.id),
           (SELECT count(*) FROM articles_fingerprint f WHERE f.article_id = a.id),
           (SELECT string_agg(m.field || m.start_offset || m.text, ',' ORDER BY m.field, m.start_offset)
              FROM entities_mention m WHERE m.article_id = a.id),
           (SELECT count(*) FROM entities_candidateoccurrence o WHERE o.article_id = a.id)
      FROM articles_article a"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import pgserver
    from pgserver._commands import pg_ctl

    server = pgserver.get_server(tmp_path_factory.mktemp("outage") / "pgdata", cleanup_mode="delete")

    def stop() -> None:
        pg_ctl(["-w", "stop", "-m", "fast"], pgdata=server.pgdata, user=server.system_user)

    def start() -> None:
        server.ensure_postgres_running()

    server.stop, server.start = stop, start
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as connection:
        connection.execute("CREATE DATABASE migrated")
    manage(server.get_uri("migrated"), "migrate", "--no-input", "-v", "0")
    manage(server.get_uri("migrated"), "load_gazetteer")  # articles mention places: mentions are written too
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    rng = random.Random(13)
    for number in range(ARTICLES):
        title, _, body = synthetic_article_text(rng).partition("\n\n")
        day = datetime.date(2024, 1, 1) + datetime.timedelta(days=number)
        (folder / f"{number:04d}.txt").write_text(f"{title}\nNews {day:%d/%m/%Y}\n\n{body}")
    return folder


def manage(url: str, *args: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=environment,
                          capture_output=True, text=True, timeout=600, check=False)  # fmt: skip


def start_import(url: str, folder: Path, *extra: str) -> subprocess.Popen:
    # Batches of ten: the database goes away with batches written and batches to come.
    command = [
        sys.executable,
        "manage.py",
        "import_articles",
        str(folder),
        "--no-progress",
        "--batch-size",
        "10",
        *extra,
    ]
    return subprocess.Popen(command, cwd=PROJECT_DIR, env={**os.environ, "DATABASE_URL": url},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def fresh_database(server, name: str) -> str:
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name} TEMPLATE migrated")
    return server.get_uri(name)


def articles_in(url: str) -> int:
    try:
        with psycopg.connect(url, connect_timeout=2) as connection:
            return connection.execute("SELECT count(*) FROM articles_article").fetchone()[0]
    except psycopg.OperationalError:
        return -1


def wait_for_articles(url: str, count: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while articles_in(url) < count:
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.2)


def digest_and_problems(url: str) -> tuple[tuple, dict[str, int]]:
    with psycopg.connect(url) as connection:
        digest = connection.execute(DIGEST).fetchone()
        problems = {rule: n for rule, sql in RULES.items()
                    if (n := connection.execute(f"SELECT count(*) FROM ({sql}) AS broken").fetchone()[0])}  # fmt: skip
    return digest, problems


@pytest.mark.django_db(databases=[])
def test_an_import_survives_a_database_restart_and_matches_a_clean_import(server, corpus):
    url = fresh_database(server, "restarted")
    process = start_import(url, corpus)
    wait_for_articles(url, 10, process)
    server.stop()
    time.sleep(3)
    server.start()
    out, err = process.communicate(timeout=600)

    assert process.returncode == 0, err
    assert "database connection lost" in err  # it did go away, and came back
    assert out.strip().endswith(
        f"{ARTICLES} created, 0 updated, 0 unchanged, 0 duplicate, 0 failed ({ARTICLES} articles)"
    )
    assert "Traceback" not in err
    clean = fresh_database(server, "clean")
    assert manage(clean, "import_articles", str(corpus), "--no-progress").returncode == 0
    restarted, problems = digest_and_problems(url)
    assert (restarted, problems) == (digest_and_problems(clean)[0], {})


@pytest.mark.django_db(databases=[])
def test_a_database_that_stays_away_stops_the_import_with_its_summary_and_a_rerun_completes(server, corpus):
    url = fresh_database(server, "abandoned")
    process = start_import(url, corpus, "--database-wait", "3")
    wait_for_articles(url, 10, process)
    server.stop()
    try:
        out, err = process.communicate(timeout=120)
    finally:
        server.start()

    assert process.returncode == 1
    stopped = [line for line in err.splitlines() if "database unavailable" in line]
    assert len(stopped) == 1 and "run it again" in stopped[0] and "Traceback" not in err
    assert " created, 0 updated, 0 unchanged, 0 duplicate, 0 failed (" in out.splitlines()[-1]
    rerun = manage(url, "import_articles", str(corpus), "--no-progress")
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip().endswith(f"0 duplicate, 0 failed ({ARTICLES} articles)")
    assert articles_in(url) == ARTICLES and digest_and_problems(url)[1] == {}


def each_article(url: str) -> dict[str, tuple]:
    with psycopg.connect(url) as connection:
        return {row[0]: row[1:] for row in connection.execute(EACH_ARTICLE)}


@pytest.mark.django_db(databases=[])
def test_an_import_killed_mid_batch_leaves_whole_articles_and_a_rerun_completes(server, corpus):
    url = fresh_database(server, "killed")
    process = start_import(url, corpus)
    wait_for_articles(url, 30, process)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    saved = articles_in(url)
    assert 30 <= saved < ARTICLES and saved % 10 == 0  # whole batches of ten, no part of one
    killed, problems = digest_and_problems(url)
    assert problems == {}
    clean = fresh_database(server, "clean_too")
    assert manage(clean, "import_articles", str(corpus), "--no-progress").returncode == 0
    whole = each_article(clean)
    assert each_article(url) == {content: whole[content] for content in each_article(url)}
    assert killed[6] > 0  # mentions were written with their articles

    rerun = manage(url, "import_articles", str(corpus), "--no-progress")
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip().endswith(
        f"{ARTICLES - saved} created, 0 updated, {saved} unchanged, 0 duplicate, 0 failed ({ARTICLES} articles)"
    )
    assert digest_and_problems(url) == (digest_and_problems(clean)[0], {})
