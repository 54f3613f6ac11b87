"""Storing proposals: one event per real-world event, re-runs, and curators' last word."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from entities import detection, event_curation, mentions
from entities.curated_events import load_events
from entities.models import Event, EventEvidence
from tests.factories import ArticleFactory, EntityFactory

pytestmark = pytest.mark.django_db

FIRST = "Gen. Asim Munir visited Tehran on July 14, 2023. The weather was fine."
SECOND = "Pakistan's army chief Asim Munir arrived in Tehran on July 15, 2023, for talks."


@pytest.fixture
def gazetteer():
    return {
        "munir": EntityFactory(name="Asim Munir", slug="asim-munir", kind="person"),
        "tehran": EntityFactory(name="Tehran", slug="tehran", kind="city"),
        "pakistan": EntityFactory(name="Pakistan", slug="pakistan", kind="country"),
    }


def imported(body: str, published: datetime.date | None = datetime.date(2023, 7, 20)):
    article = ArticleFactory(body=body, published_on=published)
    mentions.extract_article(article, matcher=mentions.matcher_from_database())
    return article


def test_a_reported_visit_becomes_a_proposed_event_with_its_evidence(gazetteer):
    article = imported(FIRST)
    result = detection.detect_events(article)
    event = Event.objects.get()
    assert (result.proposed, event.status, event.origin, event.kind, event.cameo_code) == (
        1, "proposed", "detector", "visit", "042",
    )  # fmt: skip
    assert (event.start_date, event.start_precision, event.location) == (
        datetime.date(2023, 7, 14), "day", gazetteer["tehran"],
    )  # fmt: skip
    assert list(event.participations.values_list("entity__slug", "role")) == [("asim-munir", "visitor")]
    assert list(event.evidence.values_list("article_id", "sentence")) == [
        (article.pk, "Gen. Asim Munir visited Tehran on July 14, 2023.")
    ]


def test_the_same_event_in_another_article_becomes_more_evidence_not_another_event(gazetteer):
    detection.detect_events(imported(FIRST))
    result = detection.detect_events(imported(SECOND))
    assert (result.proposed, result.evidence) == (0, 1)
    event = Event.objects.get()
    assert event.evidence.count() == 2
    assert set(event.participations.values_list("entity__slug", flat=True)) == {"asim-munir", "pakistan"}


def test_detecting_again_changes_nothing(gazetteer):
    article = imported(FIRST)
    detection.detect_events(article)
    ids = list(Event.objects.values_list("id", flat=True))
    detection.detect_events(article)
    assert list(Event.objects.values_list("id", flat=True)) == ids
    assert EventEvidence.objects.count() == 1


def test_a_confirmed_event_is_never_changed_by_detection(gazetteer):
    article = imported(FIRST)
    detection.detect_events(article)
    event = Event.objects.get()
    event.title = "Army chief in Tehran"
    event.save()
    event_curation.set_event_status([event], Event.Status.CONFIRMED, acting_user=None)
    detection.detect_events(article)
    detection.detect_events(imported(SECOND))
    event.refresh_from_db()
    assert (event.title, event.status, Event.objects.count()) == ("Army chief in Tehran", "confirmed", 1)
    assert list(event.participations.values_list("entity__slug", flat=True)) == ["asim-munir"]
    assert event.evidence.count() == 2  # it may gain evidence, nothing else


def test_a_rejected_event_is_not_proposed_again(gazetteer):
    article = imported(FIRST)
    detection.detect_events(article)
    event_curation.set_event_status(Event.objects.all(), Event.Status.REJECTED, acting_user=None)
    detection.detect_events(article)
    detection.detect_events(imported(SECOND))
    assert list(Event.objects.values_list("status", flat=True)) == ["rejected"]
    assert EventEvidence.objects.count() == 1


def test_merging_events_moves_their_evidence_and_participants(gazetteer):
    first, second = imported(FIRST), imported("Asim Munir visited Tehran in 2023.")
    detection.detect_events(first)
    other = Event.objects.create(title="Duplicate", kind="visit", origin="detector")
    EventEvidence.objects.create(event=other, article=second, sentence="Asim Munir visited Tehran in 2023.",
                                 start_offset=0, end_offset=34, origin="detector")  # fmt: skip
    survivor = Event.objects.exclude(pk=other.pk).get()
    assert event_curation.merge_events(survivor, [other], acting_user=None) == 1
    assert set(survivor.evidence.values_list("article_id", flat=True)) == {first.pk, second.pk}


def test_an_import_proposes_the_events_its_articles_report(gazetteer, tmp_path):
    (tmp_path / "visit.txt").write_text(f"Army chief in Tehran\nNews 20/07/2023 10:00\n\n{FIRST}\n", encoding="utf-8")
    call_command("import_articles", str(tmp_path), stdout=StringIO())
    assert list(Event.objects.values_list("title", "status")) == [("Asim Munir visits Tehran", "proposed")]


def test_the_detect_command_needs_articles_named(gazetteer):
    with pytest.raises(CommandError, match="--article ID"):
        call_command("detect_events", stdout=StringIO())
    article = imported(FIRST)
    out = StringIO()
    call_command("detect_events", "--all", stdout=out)
    assert out.getvalue().strip() == "1 articles: 1 events proposed, 0 pieces of evidence added"
    assert Event.objects.filter(evidence__article=article).count() == 1


EVENTS = """
- title: Munir in Tehran
  kind: visit
  start: 2023-07-14
  end: 2023-07-16
  location: Tehran
  summary: The army chief visits Tehran.
  participants:
    - {entity: Asim Munir, role: visitor}
  evidence:
    - file: seed.txt
      sentence: "Gen. Asim Munir visited Tehran on July 14, 2023."
"""


def test_a_curated_timeline_loads_confirmed_events_once(gazetteer, tmp_path):
    article = imported(FIRST)
    article.origin_name = "seed.txt"
    article.save()
    path = tmp_path / "events.yaml"
    path.write_text(EVENTS, encoding="utf-8")
    detection.detect_events(article)  # the machine proposed it first
    assert load_events(path).summary() == (
        "1 events created, 0 already there; 1 participants and 1 pieces of evidence added; "
        "1 detected proposals of the same events merged in"
    )
    assert load_events(path).summary() == (
        "0 events created, 1 already there; 0 participants and 0 pieces of evidence added; "
        "0 detected proposals of the same events merged in"
    )
    event = Event.objects.get()
    assert (event.status, event.origin, event.end_date) == ("confirmed", "data_file", datetime.date(2023, 7, 16))
    # Detection finds the same visit and adds nothing new.
    detection.detect_events(article)
    assert Event.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (("Asim Munir, role: visitor", "Nobody Known, role: visitor"), "no entity named 'Nobody Known'"),
        (("on July 14, 2023.", "on July 15, 2023."), "the sentence is not in seed.txt"),
        (("kind: visit", "kind: picnic"), "kind 'picnic' is not one of"),
        (("end: 2023-07-16", "end: 2023-07-01"), "ends before it starts"),
        (("start: 2023-07-14", "start: July 2023"), "date 'July 2023' is not YYYY-MM-DD"),
    ],
)
def test_a_bad_timeline_is_refused_whole_with_one_line(gazetteer, tmp_path, change, reason):
    article = imported(FIRST)
    article.origin_name = "seed.txt"
    article.save()
    path = tmp_path / "events.yaml"
    path.write_text(EVENTS.replace(*change), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("load_events", str(path), stdout=StringIO())
    assert reason in str(error.value) and str(error.value).startswith(str(path))
    assert Event.objects.count() == 0


def test_the_projects_seed_timeline_loads_after_the_seeds(seed_dir):
    from entities.gazetteer import load_gazetteer

    load_gazetteer()
    call_command("import_articles", str(seed_dir), stdout=StringIO())
    report = load_events()
    assert report.created >= 12
    assert Event.objects.filter(status="confirmed", origin="data_file").count() == report.created
    munir = Event.objects.get(title__icontains="Munir visits Tehran", status="confirmed")
    assert munir.evidence.count() >= 2
    assert Path(munir.evidence.first().article.origin_name).suffix == ".txt"


def test_a_curated_event_absorbs_an_undated_proposal_from_an_article_it_cites(gazetteer, tmp_path):
    # No date, and only Asim Munir in common with the curated event: not enough without the article.
    article = imported("Asim Munir visited Pakistan.", published=None)
    article.origin_name = "seed.txt"
    article.save()
    detection.detect_events(article)
    assert Event.objects.get().start_date is None
    path = tmp_path / "events.yaml"
    path.write_text(EVENTS.replace("Gen. Asim Munir visited Tehran on July 14, 2023.", "Asim Munir visited Pakistan."))
    assert load_events(path).proposals_merged == 1
    assert list(Event.objects.values_list("origin", flat=True)) == ["data_file"]


def test_a_dry_run_of_a_timeline_reports_what_it_would_load_and_saves_nothing(gazetteer, tmp_path):
    ArticleFactory(body=FIRST, published_on=datetime.date(2023, 7, 20), origin_name="seed.txt")
    (tmp_path / "events.yaml").write_text(EVENTS, encoding="utf-8")
    out = StringIO()
    call_command("load_events", str(tmp_path / "events.yaml"), "--dry-run", stdout=out)
    assert out.getvalue().startswith("dry run, nothing saved: 1 events created")
    assert Event.objects.count() == 0


def test_an_undated_article_never_joins_a_dated_proposal_without_a_date_in_its_sentence(gazetteer):
    detection.detect_events(imported(FIRST))
    undated = imported("Gen. Asim Munir visited Tehran, officials said.", published=None)
    detection.detect_events(undated)
    dated, alone = Event.objects.order_by("id")
    assert (dated.start_date, alone.start_date) == (datetime.date(2023, 7, 14), None)
    assert list(alone.evidence.values_list("article_id", flat=True)) == [undated.pk]
    # With a date of its own, the same undated article corroborates the dated event.
    explicit = imported("Gen. Asim Munir visited Tehran on July 14, 2023, officials said.", published=None)
    detection.detect_events(explicit)
    assert dated.evidence.filter(article=explicit).exists()


def test_a_proposal_without_a_date_takes_the_date_another_report_gives_and_says_where_from(gazetteer):
    detection.detect_events(imported("Gen. Asim Munir visited Tehran, officials said."))
    later = imported(SECOND)
    detection.detect_events(later)
    event = Event.objects.get()
    assert (event.start_date, event.start_precision) == (datetime.date(2023, 7, 15), "day")
    source = event.field_sources.get(field="start_date")
    assert (source.origin, source.article, source.phrase) == ("detector", later, "July 15, 2023")


def test_a_strike_answered_days_later_by_the_other_side_is_a_second_event(gazetteer):
    iran = EntityFactory(name="Iran", slug="iran", kind="country")
    detection.detect_events(imported("Iran carried out missile strikes on Pakistan on January 16, 2024."))
    detection.detect_events(imported("Pakistan carried out air strikes on Iran on January 18, 2024."))
    first, second = Event.objects.order_by("id")
    assert set(first.participations.values_list("entity", "role")) == {
        (iran.pk, "actor"),
        (gazetteer["pakistan"].pk, "target"),
    }
    assert set(second.participations.values_list("entity", "role")) == {
        (gazetteer["pakistan"].pk, "actor"),
        (iran.pk, "target"),
    }
