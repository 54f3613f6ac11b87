"""Saving new articles a batch at a time, prepared in worker processes, gives the archive that saving
them one by one gives: the same articles, removals, fingerprints, links between copies, sources,
history, mentions, candidates, events and evidence, row for row (compared by what the rows say,
since ids differ), and the same line for each input."""

import io
import random
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from archive.pipeline import import_paths
from articles.importing import ImportOptions
from articles.models import Article, Fingerprint, Removal, Similarity, Source
from articles.synthetic import rewritten_copy
from entities.models import (
    Candidate,
    CandidateOccurrence,
    Event,
    EventEvidence,
    EventFieldSource,
    EventParticipant,
    Mention,
)
from tests.conftest import PROJECT_DIR
from tests.factories import EntityFactory

CORPUS = PROJECT_DIR / "tests" / "corpus" / "import" / "dev"


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Pages of many outlets (some the archive does not know), rewritten copies of a stored seed and
    of a page of the folder (spread over several batches), a seed imported again, texts repeated
    under other furniture, and inputs that fail."""
    folder = tmp_path / "in"
    folder.mkdir()
    pages = sorted(CORPUS.iterdir())[::23]
    for page in pages:
        shutil.copy(page, folder / f"page-{page.name}")
    rng = random.Random(5)
    seed = (PROJECT_DIR / "seeds" / "002_a1b0922339c60af7.txt").read_text()
    page = next(p for p in pages if p.suffix == ".txt").read_text()
    for number in range(3):
        (folder / f"z{number}-seed-rewrite.txt").write_text(rewritten_copy(seed, rng, edit_rate=0.2))
        (folder / f"{number}-page-rewrite.txt").write_text(rewritten_copy(page, rng, edit_rate=0.2))
    shutil.copy(PROJECT_DIR / "seeds" / "000_6979f6ea155b12aa.txt", folder / "zz-seed-again.txt")
    (folder / "zz-seed-other-furniture.txt").write_text(
        (PROJECT_DIR / "seeds" / "003_11db1b685ebfa10e.txt").read_text() + "\nShare:\n"
    )
    (folder / "zz-page-other-furniture.txt").write_text(page + "\nShare:\n")
    (folder / "zz-binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (folder / "zz-empty.txt").write_text("   \n")
    return folder


def snapshot() -> dict[str, object]:
    """Every row an import writes, by what it says rather than by id."""
    name = dict(Article.objects.values_list("id", "origin_name"))
    slug = dict(Source.objects.values_list("id", "slug"))
    removal = {r.pk: (name[r.article_id], r.rule, r.text, r.body_offset) for r in Removal.objects.all()}
    skipped = {"id", "created_at", "updated_at", "search_vector", "source", "duplicate_of"}
    articles = sorted(
        (
            tuple(getattr(a, f.attname) for f in Article._meta.concrete_fields if f.name not in skipped),
            slug.get(a.source_id),
            name.get(a.duplicate_of_id),
        )
        for a in Article.objects.all()
    )
    history = sorted(
        (name[h.id], h.history_type, h.title, name.get(h.duplicate_of_id), slug.get(h.source_id), h.history_user_id)
        for h in Article.history.all()
    )
    events = {
        e.pk: (e.kind, e.title, e.start_date, e.end_date, e.summary, e.status, e.origin, e.location_id)
        for e in Event.objects.all()
    }
    candidates = {c.pk: (c.folded, c.entity_id) for c in Candidate.objects.all()}
    return {
        "articles": articles,
        "history": history,
        "sources": sorted(Source.objects.values_list("slug", "name", "domain", "origin", "confirmed", "found_from")),
        "removals": sorted((*key, r.note) for r, key in zip(Removal.objects.all(), removal.values(), strict=True)),
        "fingerprints": sorted(
            (name[f.article_id], f.signature, f.bands, f.shingle_count, f.published_on)
            for f in Fingerprint.objects.all()
        ),
        "similarities": sorted(
            (name[s.article_id], name[s.similar_id], s.jaccard, s.containment) for s in Similarity.objects.all()
        ),
        "mentions": sorted(
            (
                name[m.article_id],
                m.field,
                removal.get(m.caption_id),
                m.entity_id,
                m.text,
                m.start_offset,
                m.end_offset,
                m.status,
            )
            for m in Mention.objects.all()
        ),
        "candidates": sorted(
            (c.folded, c.entity_id, c.name, c.proposal, c.kind_guess, c.role_guess, c.similar_alias, c.score, c.status)
            for c in Candidate.objects.all()
        ),
        "occurrences": sorted(
            (candidates[o.candidate_id], name[o.article_id], o.field, o.start_offset, o.end_offset, o.context)
            for o in CandidateOccurrence.objects.all()
        ),
        "events": sorted(events.values(), key=repr),
        "participants": sorted(
            (events[p.event_id], p.entity_id, p.role, p.origin) for p in EventParticipant.objects.all()
        ),
        "evidence": sorted(
            (events[e.event_id], name[e.article_id], e.start_offset, e.end_offset, e.sentence, e.origin, e.status)
            for e in EventEvidence.objects.all()
        ),
        "field_sources": sorted(
            (events[s.event_id], s.field, s.origin, name.get(s.article_id), s.phrase)
            for s in EventFieldSource.objects.all()
        ),
    }


def imported(folder: Path, options: ImportOptions) -> tuple[dict[str, object], list[str]]:
    """The archive and the lines an import of `folder` gives, then forgotten (rolled back)."""
    lines: list[str] = []
    with transaction.atomic():
        report = import_paths([folder], options=options, on_result=lambda result: lines.append(result.describe()))
        names = dict(Article.objects.values_list("id", "origin_name"))
        archive = snapshot()
        transaction.set_rollback(True)
    lines.append(report.summary())
    # An article is named by its file: ids differ from one import to the other.
    return archive, [
        re.sub(r"article (\d+)", lambda m: f"article {names.get(int(m[1]), m[1])}", line) for line in lines
    ]


@pytest.mark.django_db
def test_a_batch_import_in_worker_processes_gives_the_archive_of_a_one_by_one_import(mixed_folder):
    for command in ("load_outlets", "load_gazetteer", "import_articles", "load_events"):  # as ./dev up does
        call_command(command, "--no-progress", stdout=io.StringIO()) if command == "import_articles" else call_command(
            command, stdout=io.StringIO()
        )
    one_by_one, one_by_one_lines = imported(mixed_folder, ImportOptions(batch_size=1))
    batched, batched_lines = imported(mixed_folder, ImportOptions(batch_size=7, workers=2))

    assert one_by_one["mentions"] and one_by_one["candidates"] and one_by_one["events"] and one_by_one["evidence"]
    assert one_by_one["similarities"] and any(origin == "importer" for _, _, _, origin, *_ in one_by_one["sources"])
    assert {outcome for line in one_by_one_lines for outcome in ("unchanged", "duplicate", "failed") if
            f": {outcome}" in line} == {"unchanged", "duplicate", "failed"}  # fmt: skip
    for table, rows in one_by_one.items():
        assert batched[table] == rows, table
    assert batched_lines == one_by_one_lines


@pytest.mark.django_db
def test_an_article_the_database_refuses_fails_alone_and_the_rest_of_its_batch_lands(tmp_path):
    with connection.cursor() as cursor:  # a rule of the database the importer cannot know in advance
        cursor.execute("""
            CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.title LIKE '%%Refuse me%%' THEN RAISE EXCEPTION 'refused by a local rule'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_marked BEFORE INSERT ON articles_article
                FOR EACH ROW EXECUTE FUNCTION refuse_marked();
        """)
    EntityFactory(name="Tehran", slug="tehran", kind="city")
    rng = random.Random(2)
    for number in range(6):
        title = "Refuse me, please" if number == 3 else f"Story number {number} of the day"
        body = " ".join(
            rng.choice(["Officials", "met", "in", "Tehran", "on", "Monday", "and", "spoke"]) for _ in range(80)
        )
        (tmp_path / f"{number}.txt").write_text(f"{title}\n\n{body}.\n")
    lines: list[str] = []

    report = import_paths(
        [tmp_path], options=ImportOptions(batch_size=200), on_result=lambda r: lines.append(r.describe())
    )

    assert report.summary() == "5 created, 0 updated, 0 unchanged, 0 duplicate, 1 failed (6 articles)"
    assert [line for line in lines if "failed" in line] == [
        f"{tmp_path}/3.txt: failed: the database refused it: refused by a local rule"
    ]
    assert [line.split(":")[0] for line in lines] == [f"{tmp_path}/{number}.txt" for number in range(6)]
    assert Article.objects.count() == 5 and Fingerprint.objects.count() == 5
    assert set(Mention.objects.values_list("article__origin_name", flat=True)) == {
        f"{number}.txt" for number in (0, 1, 2, 4, 5)
    }
