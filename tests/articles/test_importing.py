import io
import json
import random
import shutil
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from archive.pipeline import import_paths
from articles import batch_saving, importing, inputs
from articles.curation import mark_curated
from articles.importing import ImportOptions
from articles.limits import ImportLimits
from articles.models import Article, Removal, Similarity, Source
from articles.synthetic import rewritten_copy, synthetic_article_text
from entities.models import Mention
from tests.factories import EntityFactory, SourceFactory, mention_in

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def run_import(*args: object) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *[str(arg) for arg in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing_import(*args: object) -> tuple[str, str, CommandError]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_articles", *[str(arg) for arg in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), failure.value


@pytest.fixture
def fixture_dir(tmp_path: Path) -> Path:
    target = tmp_path / "incoming"
    shutil.copytree(FIXTURES, target)
    return target


def test_importing_the_seed_folder_creates_one_article_per_file(seed_dir):
    out, err = run_import(seed_dir)
    assert out.strip() == "5 created, 0 updated, 0 unchanged, 0 duplicate, 0 failed (5 articles)"
    assert err == ""
    assert Article.objects.count() == 5


def test_reimporting_the_same_files_changes_nothing(seed_dir):
    run_import(seed_dir)
    before = list(Article.objects.order_by("id").values("id", "updated_at"))
    out, _ = run_import(seed_dir)
    assert out.strip() == "0 created, 0 updated, 5 unchanged, 0 duplicate, 0 failed (5 articles)"
    assert list(Article.objects.order_by("id").values("id", "updated_at")) == before


def test_without_paths_the_project_seeds_are_imported():
    out, _ = run_import()
    assert out.startswith("5 created")


def test_text_html_and_exports_in_nested_folders_all_import(fixture_dir):
    out, err, _ = run_failing_import(fixture_dir)  # the export holds two bad records on purpose
    assert "11 created, 0 updated, 0 unchanged, 0 duplicate, 2 failed (13 articles)" in out
    assert f"{fixture_dir / 'exports' / 'media_export.jsonl'}:4: failed: record: no text" in err
    assert f"{fixture_dir / 'exports' / 'media_export.jsonl'}:5: failed: invalid JSON" in err
    html = Article.objects.get(origin_name="analysis_page.html")
    assert (html.source.name, html.byline, str(html.published_on)) == ("Regional Review", "Farah Nadeem", "2024-02-23")
    record = Article.objects.get(origin_name="media_export.jsonl:2")
    assert (record.title, record.source.name) == ("Trade target set at $10 billion", "Example Agency")
    assert Article.objects.get(origin_name="media_export.json#1").published_precision == "month"


def test_a_sidecar_file_overrides_what_the_parser_guessed_and_is_not_imported_itself(fixture_dir):
    run_import(fixture_dir / "pages" / "sidecar_article.txt")
    article = Article.objects.get()
    assert article.url == "https://eurasia.example.org/pakistan-strikes-afghanistan"
    assert (article.source.name, article.source.domain) == ("Eurasia Monitor", "eurasia.example.org")
    assert article.section == "Eurasia"  # the parser's reading stays where metadata is silent


def test_outlets_are_matched_by_domain_before_they_are_created(fixture_dir):
    known = SourceFactory(name="Eurasia Monitor Online", slug="eurasia-monitor-online", domain="eurasia.example.org")
    run_import(fixture_dir / "pages" / "sidecar_article.txt")
    assert Article.objects.get().source == known
    assert Source.objects.count() == 1


def test_globs_select_files_even_when_the_shell_did_not_expand_them(fixture_dir):
    out, _ = run_import(f"{fixture_dir}/pages/*.txt")
    assert out.startswith("6 created")
    out, _, _ = run_failing_import(f"{fixture_dir}/**/*.jsonl")
    assert "2 created" in out and "0 unchanged" in out


def test_a_glob_that_matches_nothing_is_a_failure(tmp_path):
    _, err, _ = run_failing_import(f"{tmp_path}/*.txt")
    assert err.strip() == f"{tmp_path}/*.txt: failed: pattern matched no files"


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    """Bad files beside good ones: every failure names its file, and the rest still import."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "good.txt").write_text("A good headline\n\nA good body.", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Déjà vu à Téhéran\n\nLes négociations ont repris à Téhéran.".encode("latin-1"))
    (folder / "utf16.txt").write_bytes("Talks in Quetta\n\nOfficials met in Quetta on Monday.".encode("utf-16"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\n\t \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (folder / "title-only.txt").write_text("Just a headline\nShare:\nLeave a Reply\n")
    (folder / "huge.txt").write_text("Headline\n\n" + "word " * 500_000)
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "nested").mkdir()
    (folder / "nested" / "back-up").symlink_to(folder)
    return folder


def test_each_bad_input_gets_one_line_naming_it_and_the_rest_still_import(hostile_dir):
    out, err, failure = run_failing_import(hostile_dir)
    assert sorted(err.strip().splitlines()) == sorted(
        [
            f"{hostile_dir / 'binary.txt'}: failed: binary file, not text",
            f"{hostile_dir / 'blank.txt'}: failed: no text, only white space",
            f"{hostile_dir / 'dangling.txt'}: failed: broken symlink",
            f"{hostile_dir / 'empty.txt'}: failed: empty file",
            f"{hostile_dir / 'huge.txt'}: failed: too large for an article (2,500,010 bytes; the limit is 2,000,000)",
            f"{hostile_dir / 'loop-a.txt'}: failed: symlink loop",
            f"{hostile_dir / 'loop-b.txt'}: failed: symlink loop",
            f"{hostile_dir / 'nested' / 'back-up'}: failed: symlink loop: this folder is {hostile_dir} again",
            f"{hostile_dir / 'photo.jpg'}: failed: not an article file (.jpg); importable: .htm, .html, .json, "
            ".jsonl, .md, .ndjson, .text, .txt",
            f"{hostile_dir / 'title-only.txt'}: failed: no body text after the title once page furniture is removed",
        ]
    )
    assert "3 created, 0 updated, 0 unchanged, 0 duplicate, 10 failed (13 articles)" in out
    assert failure.returncode == 1
    assert set(Article.objects.values_list("title", flat=True)) == {
        "A good headline",
        "Déjà vu à Téhéran",
        "Talks in Quetta",
    }
    assert set(Article.objects.values_list("encoding", flat=True)) == {"utf-8", "cp1252", "utf-16-le"}


def test_the_size_limit_is_configurable(hostile_dir):
    out, _ = run_import("--max-bytes", "3000000", hostile_dir / "huge.txt")
    assert out.startswith("1 created")
    _, err, _ = run_failing_import("--max-bytes", "10", hostile_dir / "good.txt")
    assert err.strip().endswith("too large for an article (29 bytes; the limit is 10)")


def test_a_missing_path_is_reported_and_the_others_still_import(seed_dir, tmp_path):
    missing = tmp_path / "nowhere.txt"
    out, err, _ = run_failing_import(missing, seed_dir / "000_6979f6ea155b12aa.txt")
    assert err.strip() == f"{missing}: failed: no such file or folder"
    assert out.startswith("1 created")


def test_an_unreadable_file_is_reported(seed_dir, monkeypatch):
    unreadable = seed_dir / "001_30597b7ee61e04dd.txt"
    original_read_bytes = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path == unreadable:
            raise PermissionError(13, "Permission denied")
        return original_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    _, err, _ = run_failing_import(seed_dir)
    assert err.strip() == f"{unreadable}: failed: cannot read: Permission denied"
    assert Article.objects.count() == 4


def test_json_summary_for_scripts(hostile_dir):
    out, _, _ = run_failing_import("--json", hostile_dir / "good.txt", hostile_dir / "empty.txt")
    summary = json.loads(out)
    assert summary == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "duplicate": 0,
        "failed": 1,
        "total": 2,
        "dry_run": False,
        "failures": [{"origin": str(hostile_dir / "empty.txt"), "reason": "empty file"}],
    }


def test_no_progress_bar_when_output_is_not_a_terminal(seed_dir):
    _, err = run_import(seed_dir)
    assert err == ""


def test_dry_run_reports_what_would_happen_and_saves_nothing(seed_dir):
    out, _ = run_import("--dry-run", seed_dir)
    assert out.startswith("dry run, nothing saved: 5 created")
    assert Article.objects.count() == 0 and Source.objects.count() == 0 and Removal.objects.count() == 0


@pytest.mark.parametrize("batch_size", [1, 200])
def test_a_failure_while_saving_leaves_nothing_half_written(seed_dir, monkeypatch, batch_size):
    def broken(article, parsed, removed_characters):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing, "removal_rows", broken)  # one by one
    monkeypatch.setattr(batch_saving, "removal_rows", broken)  # a batch at a time
    with pytest.raises(RuntimeError):
        import_paths([seed_dir / "000_6979f6ea155b12aa.txt"], options=ImportOptions(batch_size=batch_size))
    assert Article.objects.count() == 0 and Source.objects.count() == 0


def test_articles_can_be_attributed_to_a_known_source_unless_their_metadata_names_one(fixture_dir):
    outlet = SourceFactory(name="Wire Desk", slug="wire-desk")
    run_import("--source", "wire-desk", fixture_dir / "pages" / "wire_story.txt")
    run_import("--source", "wire-desk", fixture_dir / "pages" / "with_front_matter.txt")
    assert Article.objects.get(origin_name="wire_story.txt").source == outlet
    assert Article.objects.get(origin_name="with_front_matter.txt").source.name == "Example News"


def test_an_unknown_source_slug_stops_the_import_before_it_starts(seed_dir):
    with pytest.raises(CommandError, match="--source nope: no source with that slug"):
        call_command("import_articles", str(seed_dir), "--source", "nope", stdout=io.StringIO())
    assert Article.objects.count() == 0


def test_the_same_text_under_other_page_furniture_is_a_duplicate_and_not_stored(tmp_path):
    (tmp_path / "a.txt").write_text("Talks resume\n\nOfficials met in Tehran on Monday.\n\nShare:")
    (tmp_path / "b.txt").write_text("TALKS RESUME\nExit mobile version\n\nOfficials  met in Tehran on Monday.")
    out, _ = run_import("-v", "2", tmp_path)
    assert "b.txt: duplicate: same text as article" in out and "(a.txt)" in out
    assert Article.objects.count() == 1


def test_rewritten_copies_of_one_story_are_linked_with_their_similarity(tmp_path):
    rng = random.Random(3)
    story = synthetic_article_text(rng)
    (tmp_path / "1-original.txt").write_text(story)
    (tmp_path / "2-rewrite.txt").write_text(rewritten_copy(story, rng, edit_rate=0.3))
    (tmp_path / "3-other-story.txt").write_text(synthetic_article_text(rng))
    run_import(tmp_path)
    original, rewrite, other = Article.objects.order_by("origin_name")
    assert rewrite.duplicate_of == original and original.duplicate_of is None and other.duplicate_of is None
    link = Similarity.objects.get(article=rewrite)
    assert link.similar == original and 0.2 < link.jaccard < 1 and link.containment >= link.jaccard
    assert not Similarity.objects.filter(article=other).exists()


def test_update_reparses_with_the_current_parser_but_curated_fields_win(seed_dir):
    run_import(seed_dir / "000_6979f6ea155b12aa.txt")
    article = Article.objects.get()
    article.title = "Pakistan and Iran forge military cooperation"  # a curator's correction
    article.save()
    mark_curated(article, ["title"])
    # What an older parser left: no section, no date, no removal records.
    Article.objects.filter(pk=article.pk).update(section="", published_on=None, published_precision="unknown")
    article.removals.all().delete()

    out, _ = run_import("--update", seed_dir / "000_6979f6ea155b12aa.txt")

    assert out.startswith("0 created, 1 updated")
    article.refresh_from_db()
    assert article.title == "Pakistan and Iran forge military cooperation"
    assert (article.section, str(article.published_on)) == ("Eurasia", "2023-07-31")
    assert article.removals.count() == 8
    out, _ = run_import("--update", seed_dir / "000_6979f6ea155b12aa.txt")
    assert out.startswith("0 created, 0 updated, 1 unchanged")


def test_update_moves_curated_mentions_with_the_new_body_and_extracts_automatic_ones_again(seed_dir):
    run_import(seed_dir / "001_30597b7ee61e04dd.txt")
    article = Article.objects.get()
    munir, taliban = EntityFactory(name="Asim Munir"), EntityFactory(name="TTP")
    confirmed = mention_in(article, munir, "Asim Munir", status="confirmed")
    mention_in(article, taliban, "TTP")
    old_start = confirmed.start_offset
    # An older parser kept a line of furniture at the top of the body.
    Article.objects.filter(pk=article.pk).update(body="Share:\n\n" + article.body)
    Mention.objects.filter(article=article).update(start_offset=F_plus(8), end_offset=F_plus(8, "end_offset"))

    run_import("--update", seed_dir / "001_30597b7ee61e04dd.txt")

    confirmed.refresh_from_db()
    assert confirmed.start_offset == old_start
    article.refresh_from_db()
    automatic = Mention.objects.filter(article=article, status="automatic").exclude(pk=confirmed.pk)
    assert {(m.entity.name, m.text) for m in automatic} == {("Asim Munir", "Munir"), ("TTP", "TTP")}
    assert all(article.body[m.start_offset : m.end_offset] == m.text for m in automatic)


def test_update_refuses_a_body_that_would_lose_a_curated_mention(seed_dir):
    run_import(seed_dir / "001_30597b7ee61e04dd.txt")
    article = Article.objects.get()
    Article.objects.filter(pk=article.pk).update(body=article.body + "\n\nJoin NewsTrack Whatsapp group")
    article.refresh_from_db()
    mention_in(article, EntityFactory(name="NewsTrack"), "NewsTrack", status="confirmed")

    _, err, _ = run_failing_import("--update", seed_dir / "001_30597b7ee61e04dd.txt")

    assert "failed: the confirmed mention 'NewsTrack' is no longer in the re-parsed body" in err
    article.refresh_from_db()
    assert article.body.endswith("Join NewsTrack Whatsapp group")


def F_plus(shift: int, field: str = "start_offset"):
    from django.db.models import F

    return F(field) + shift


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("batch_size", [1, 2, 200])
def test_two_imports_at_once_store_each_article_once(seed_dir, batch_size):
    results = []

    def import_in_thread():
        try:
            results.append(import_paths([seed_dir], options=ImportOptions(batch_size=batch_size)))
        finally:
            connection.close()

    call_command("load_outlets", stdout=io.StringIO())  # as ./dev up does: the seeds' outlets are known
    threads = [threading.Thread(target=import_in_thread) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Article.objects.count() == 5
    assert Source.objects.filter(articles__isnull=False).distinct().count() == 2
    assert sorted(report.count("created") for report in results) in ([0, 5], [1, 4], [2, 3])
    assert sum(report.count("duplicate") + report.count("failed") for report in results) == 0
    assert sum(report.count("created") + report.count("unchanged") for report in results) == 10
    assert Similarity.objects.count() == 2


def test_paths_are_streamed_not_collected(tmp_path):
    for number in range(5):
        (tmp_path / f"{number}.txt").write_text(f"Headline {number}\n\nBody number {number}.")
    items = inputs.read_inputs([tmp_path], limits=ImportLimits(max_bytes=1000))
    assert not isinstance(items, list)
    assert next(items).origin.endswith("0.txt")


def test_hidden_files_and_folders_are_skipped(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: refs/heads/main\n\nx")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "a.txt").write_text("Headline A\n\nBody A.")
    out, _ = run_import(tmp_path)
    assert out.startswith("1 created") and "(1 articles)" in out


def test_every_import_limit_has_a_flag_with_its_default_and_a_line_in_the_docs():
    import dataclasses

    from django.conf import settings

    from archive.management.commands.import_articles import Command

    parser = Command().create_parser("manage.py", "import_articles")
    docs = (Path(settings.BASE_DIR) / "docs" / "limits-and-security.md").read_text(encoding="utf-8")
    defaults = ImportLimits()
    for limit in dataclasses.fields(ImportLimits):
        flag = f"--{limit.name.replace('_', '-')}"
        action = next(action for action in parser._actions if flag in action.option_strings)
        assert action.default == getattr(defaults, limit.name) and action.help.startswith(limit.metadata["help"])
        assert f"`{flag}`" in docs
    assert parser.parse_args(["--latest-date", "2030-01-02"]).latest_date.isoformat() == "2030-01-02"
    assert parser.parse_args(["--max-bytes", "10"]).max_bytes == 10


def test_update_keeps_a_caption_and_its_mentions_and_refuses_to_drop_a_curated_one(seed_dir):
    run_import(seed_dir / "000_6979f6ea155b12aa.txt")
    article = Article.objects.get()
    caption = article.removals.get(rule="photo_caption")
    raisi = EntityFactory(name="Ebrahim Raisi")
    start = caption.text.index("Ebrahim Raisi")
    confirmed = Mention.objects.create(article=article, entity=raisi, field="caption", caption=caption,
                                       text="Ebrahim Raisi", start_offset=start, end_offset=start + 13,
                                       status="confirmed")  # fmt: skip
    # An older parser's removals: one more (a share bar), the caption the same.
    article.removals.create(rule="share_bar", text="Share: Facebook Twitter", body_offset=0)

    out, _ = run_import("--update", seed_dir / "000_6979f6ea155b12aa.txt")

    assert out.startswith("0 created, 1 updated")
    assert Mention.objects.get(pk=confirmed.pk).caption_id == caption.pk  # the caption kept its row
    assert not article.removals.filter(rule="share_bar").exists()

    # An older parser that read the caption differently: the confirmed mention refuses the change.
    Removal.objects.filter(pk=caption.pk).update(text=caption.text + " ")
    _, err, _ = run_failing_import("--update", seed_dir / "000_6979f6ea155b12aa.txt")
    assert "the confirmed mention 'Ebrahim Raisi' is in a photo caption the change removes" in err
    assert Mention.objects.filter(pk=confirmed.pk).exists()
