import shutil
from pathlib import Path

import pytest
from django.db import connection
from rest_framework.test import APIClient

PROJECT_DIR = Path(__file__).resolve().parent.parent
SEED_DIR = PROJECT_DIR / "seeds"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def plain_http_test_client(settings):
    """The test client speaks plain HTTP; HTTPS settings are checked by the deploy-check test."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def fresh_throttle_counts(request, settings):
    """Each test is a new anonymous client as far as throttling goes. Tests keep the counts in
    memory, so that query counts are the views' own; those marked `shared_throttle` count in the
    database, as the archive does."""
    from archive.throttling import windows

    if request.node.get_closest_marker("shared_throttle"):
        return  # the test's transaction (or its flush) leaves the table as it found it
    settings.THROTTLE_WINDOWS = "memory"
    windows().forget()


@pytest.fixture(autouse=True)
def fresh_search_languages():
    """Each test's archive has its own languages: the process's memo of them starts empty."""
    from articles.managers import forget_search_configs

    forget_search_configs()


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """A private copy of the five seed articles."""
    target = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, target)
    return target


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def check_deferred_constraints():
    """Run the constraint triggers deferred to commit now, inside the test's transaction."""

    def check() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    return check


@pytest.fixture
def corpus(db):
    """A small archive: two outlets, three articles, three entities, one visit."""
    import datetime
    from types import SimpleNamespace

    from articles.models import Article, Source
    from entities.models import Entity
    from tests.factories import (
        AliasFactory,
        ArticleFactory,
        EntityFactory,
        EventFactory,
        SourceFactory,
        evidence_in,
        mention_in,
        participate,
    )

    dawn = SourceFactory(name="Dawn", slug="dawn", country="PK", domain="dawn.com")
    tehran_times = SourceFactory(name="Tehran Times", slug="tehran-times", country="IR", kind=Source.Kind.NEWSPAPER)
    munir = EntityFactory(name="Asim Munir", slug="asim-munir", kind=Entity.Kind.PERSON, wikidata_id="Q7806213")
    iran = EntityFactory(name="Iran", slug="iran", kind=Entity.Kind.COUNTRY, wikidata_id="Q794")
    jaish = EntityFactory(name="Jaish al-Adl", slug="jaish-al-adl", kind=Entity.Kind.ARMED_GROUP)
    AliasFactory(entity=munir, name="Asim Munir")
    AliasFactory(entity=munir, name="Syed Asim Munir")
    AliasFactory(entity=jaish, name="Jaish al-Adl")
    AliasFactory(entity=jaish, name="Jaïsh ul-Adl")

    visit = ArticleFactory(
        source=dawn,
        title="Army chief visits Tehran",
        body="Asim Munir arrived in Iran for a two-day visit. Jaish al-Adl attacks were discussed.",
        published_on=datetime.date(2023, 7, 31),
        published_precision="day",
        article_type=Article.Type.NEWS,
    )
    opinion = ArticleFactory(
        source=tehran_times,
        title="A new era in ties",
        body="Iran and Pakistan share a long border.",
        published_on=datetime.date(2024, 1, 1),
        published_precision="month",
        article_type=Article.Type.OPINION,
        status=Article.Status.REVIEWED,
        language="en",
    )
    undated = ArticleFactory(
        source=dawn,
        title="Border markets planned",
        body="Asim Munir said new border markets will open.",
        status=Article.Status.REJECTED,
        language="ur",
    )
    mention_in(visit, munir, "Asim Munir")
    mention_in(visit, iran, "Iran")
    mention_in(visit, jaish, "Jaish al-Adl", status="confirmed")
    mention_in(opinion, iran, "Iran")
    mention_in(undated, munir, "Asim Munir", status="rejected")

    trip = EventFactory(
        title="Army chief visits Tehran",
        kind="visit",
        start_date=datetime.date(2023, 7, 29),
        end_date=datetime.date(2023, 7, 30),
        end_precision="day",
        location=iran,
        status="confirmed",
    )
    participate(trip, munir, "visitor")
    participate(trip, iran, "host")
    evidence_in(trip, visit, "Asim Munir arrived in Iran for a two-day visit.")
    talks = EventFactory(title="Border talks", kind="meeting", start_date=None)
    participate(talks, jaish, "target")

    return SimpleNamespace(**locals())
