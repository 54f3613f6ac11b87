import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.cleaning import content_hash
from articles.models import Article, Source
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def run_import(*args: object) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *[str(arg) for arg in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing_import(*args: object) -> tuple[str, str, CommandError]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_articles", *[str(arg) for arg in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), failure.value


def test_importing_the_seed_folder_creates_one_article_per_file(seed_dir):
    out, err = run_import(seed_dir)

    assert out.strip().endswith("5 created, 0 unchanged, 0 failed (5 files)")
    assert err == ""
    assert Article.objects.count() == 5
    titles = set(Article.objects.values_list("title", flat=True))
    assert "Pakistan forges cooperation with Iran" in titles
    assert "Iran expresses worry over the deepening US-Pakistan alliance." in titles


def test_an_imported_article_keeps_its_raw_text_origin_and_hash(seed_dir):
    run_import(seed_dir)
    path = seed_dir / "002_a1b0922339c60af7.txt"
    article = Article.objects.get(origin_name=path.name)

    assert article.raw_text == path.read_text(encoding="utf-8")
    assert article.content_hash == content_hash(article.raw_text)
    assert article.title == "New Era in Pak-Iran Ties: Pakistan’s Army Chief Visit To Iran – OpEd"
    assert article.body.startswith("Pakistan and Iran have maintained a generally cordial relationship")
    assert article.status == Article.Status.IMPORTED
    assert article.published_on is None and article.published_precision == "unknown"


def test_reimporting_the_same_files_changes_nothing(seed_dir):
    run_import(seed_dir)
    before = list(Article.objects.order_by("id").values("id", "updated_at"))

    out, _ = run_import(seed_dir)

    assert out.strip().endswith("0 created, 5 unchanged, 0 failed (5 files)")
    assert list(Article.objects.order_by("id").values("id", "updated_at")) == before


def test_the_same_text_under_another_name_is_not_stored_twice(seed_dir, tmp_path):
    run_import(seed_dir / "000_6979f6ea155b12aa.txt")
    copy = tmp_path / "copy.txt"
    copy.write_bytes((seed_dir / "000_6979f6ea155b12aa.txt").read_bytes().replace(b"\n", b"\r\n"))

    out, _ = run_import("-v", "2", copy)

    assert "same text as article" in out and "000_6979f6ea155b12aa.txt" in out
    assert Article.objects.count() == 1


def test_importing_a_single_file_and_several_paths(seed_dir):
    out, _ = run_import(seed_dir / "001_30597b7ee61e04dd.txt", seed_dir / "003_11db1b685ebfa10e.txt")
    assert "2 created" in out
    assert Article.objects.count() == 2


def test_folders_are_walked_recursively_skipping_hidden_files(tmp_path):
    (tmp_path / "2024" / "march").mkdir(parents=True)
    (tmp_path / "2024" / "march" / "a.txt").write_text("Headline A\n\nBody A.")
    (tmp_path / "b.txt").write_text("Headline B\n\nBody B.")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")

    out, _ = run_import(tmp_path)

    assert "2 created, 0 unchanged, 0 failed (2 files)" in out
    assert set(Article.objects.values_list("title", flat=True)) == {"Headline A", "Headline B"}


def test_without_paths_the_project_seeds_are_imported():
    out, _ = run_import()
    assert "5 created" in out


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    """Bad files beside a good one."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "good.txt").write_text("A good headline\n\nA good body.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\n\t \n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01")
    (folder / "latin1.txt").write_bytes("Déjà vu\n\nUn café.".encode("latin-1"))
    (folder / "title-only.txt").write_text("Just a headline\n")
    return folder


def test_each_bad_file_gets_one_line_naming_it_and_the_rest_still_import(hostile_dir):
    out, err, failure = run_failing_import(hostile_dir)

    lines = err.strip().splitlines()
    assert sorted(lines) == sorted(
        [
            f"{hostile_dir / 'blank.txt'}: failed: no text, only white space",
            f"{hostile_dir / 'empty.txt'}: failed: empty file",
            f"{hostile_dir / 'latin1.txt'}: failed: not UTF-8 text (byte 0xe9 at offset 1)",
            f"{hostile_dir / 'photo.jpg'}: failed: binary file, not text",
            f"{hostile_dir / 'title-only.txt'}: failed: no body text after the title line",
        ]
    )
    assert "1 created, 0 unchanged, 5 failed (6 files)" in out
    assert failure.returncode == 1
    assert list(Article.objects.values_list("title", flat=True)) == ["A good headline"]


def test_a_missing_path_is_reported_and_the_others_still_import(seed_dir, tmp_path):
    missing = tmp_path / "nowhere.txt"
    out, err, _ = run_failing_import(missing, seed_dir / "000_6979f6ea155b12aa.txt")

    assert err.strip() == f"{missing}: failed: no such file or folder"
    assert "1 created, 0 unchanged, 1 failed" in out


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


def test_dry_run_reports_what_would_happen_and_saves_nothing(seed_dir):
    out, _ = run_import("--dry-run", seed_dir)

    assert "dry run, nothing saved: 5 created" in out
    assert Article.objects.count() == 0


def test_articles_can_be_attributed_to_a_known_source(seed_dir):
    outlet = SourceFactory(name="Eurasia Review", slug="eurasia-review")
    run_import("--source", "eurasia-review", seed_dir / "002_a1b0922339c60af7.txt")
    assert Article.objects.get().source == outlet


def test_an_unknown_source_slug_stops_the_import_before_it_starts(seed_dir):
    with pytest.raises(CommandError, match="--source nope: no source with that slug"):
        call_command("import_articles", str(seed_dir), "--source", "nope", stdout=io.StringIO())
    assert Article.objects.count() == 0 and Source.objects.count() == 0
