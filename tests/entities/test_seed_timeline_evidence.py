"""The seed timeline cites only sentences that report its events, each once."""

import datetime
import itertools
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from entities import detection, mentions
from entities.curated_events import load_events
from entities.models import Event
from tests.factories import ArticleFactory, EntityFactory, EventFactory, participate

pytestmark = pytest.mark.django_db

GOLD = Path(__file__).resolve().parents[1] / "gold" / "seed_event_evidence.yaml"


def reporting_sentences() -> dict[str, list[tuple[str, str]]]:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return {title: [tuple(entry.split(" ", 1)) for entry in entries] for title, entries in gold.items()}


def misplaced_evidence() -> list[str]:
    """Every piece of the timeline's evidence that no sentence reporting its event accounts for, and every
    sentence cited twice (its spans overlapping) on one event."""
    allowed = reporting_sentences()
    wrong = []
    for event in Event.objects.filter(origin="data_file").prefetch_related("evidence__article"):
        pieces = sorted(event.evidence.all(), key=lambda piece: (piece.article_id, piece.start_offset))
        for piece in pieces:
            seed = Path(piece.article.origin_name).name[:3]
            if not any(
                seed == number and piece.sentence.startswith(opening) for number, opening in allowed[event.title]
            ):
                wrong.append(f"{event.title}: {seed} {piece.sentence[:80]}")
        for first, second in itertools.pairwise(pieces):
            if first.article_id == second.article_id and second.start_offset < first.end_offset:
                wrong.append(f"{event.title}: twice: {second.sentence[:80]}")
    return wrong


def test_every_event_of_the_seed_timeline_cites_only_sentences_that_report_it_each_once(seed_dir):
    from entities.gazetteer import load_gazetteer

    load_gazetteer()
    call_command("import_articles", str(seed_dir), stdout=StringIO())
    load_events()
    titles = set(Event.objects.filter(origin="data_file").values_list("title", flat=True))
    assert titles == set(reporting_sentences())  # every event of the timeline has its reporting sentences listed
    assert misplaced_evidence() == []
    call_command("detect_events", "--all", stdout=StringIO())
    load_events()
    assert misplaced_evidence() == []  # detecting and loading again changes nothing


@pytest.fixture
def strike():
    iran = EntityFactory(name="Iran", slug="iran", kind="country")
    pakistan = EntityFactory(name="Pakistan", slug="pakistan", kind="country")
    EntityFactory(name="Israel", slug="israel", kind="country")
    jaish = EntityFactory(name="Jaish al-Adl", slug="jaish-al-adl", kind="armed_group")
    panjgur = EntityFactory(name="Panjgur", slug="panjgur", kind="city")
    event = EventFactory(title="Iran strikes Jaish al-Adl in Panjgur", kind="military_strike", status="confirmed",
                         start_date=datetime.date(2024, 1, 16), location=panjgur)  # fmt: skip
    participate(event, iran, "actor")
    participate(event, jaish, "target")
    participate(event, pakistan, "target")
    return event


def detected(body: str, published: datetime.date | None):
    article = ArticleFactory(body=body, published_on=published)
    mentions.extract_article(article, matcher=mentions.matcher_from_database())
    detection.detect_events(article)
    return article


def test_a_strike_on_another_target_is_no_evidence_of_a_confirmed_strike(strike):
    detected("Iran carried out direct strikes on Israel on January 17, 2024.", datetime.date(2024, 1, 18))
    assert strike.evidence.count() == 0
    assert Event.objects.filter(status="proposed", kind="military_strike").count() == 1


def test_an_undated_article_never_attaches_to_a_dated_confirmed_event_without_a_date_in_its_sentence(strike):
    detected("Iran struck Jaish al-Adl targets in Panjgur on Tuesday.", published=None)
    assert strike.evidence.count() == 0  # a proposal of its own, for a curator to decide
    dated = detected("Iran struck Jaish al-Adl targets in Panjgur on January 16, 2024.", published=None)
    assert list(strike.evidence.values_list("article", flat=True)) == [dated.pk]


def test_a_sentence_is_one_piece_of_evidence_whatever_its_dateline(strike):
    article = detected("Quetta: Iran struck Jaish al-Adl targets in Panjgur on January 16, 2024.",
                       datetime.date(2024, 1, 17))  # fmt: skip
    assert list(strike.evidence.filter(article=article).values_list("sentence", flat=True)) == [
        "Iran struck Jaish al-Adl targets in Panjgur on January 16, 2024."
    ]
