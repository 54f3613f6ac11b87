"""Every input fails alone: whatever a file or record holds, it ends as one line naming it, the
other inputs import, the summary is printed, and nothing PostgreSQL cannot store reaches it.
Each case below once stopped a whole import with a traceback."""

import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Removal

pytestmark = pytest.mark.django_db

GOOD = (
    "A good headline\n\nIslamabad: Officials from both countries met on Monday to discuss trade and border markets.\n"
)
BODY = "Officials from both countries met on Monday to discuss trade and border markets along the frontier."
ALIAS_BOMB = (
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
        for previous, name in zip("abcdef", "bcdefg", strict=True)
    )
    + "summary: [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
)


def run(*args: object) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *[str(arg) for arg in args], "-v", "2", stdout=out, stderr=err)
        code = 0
    except CommandError as failure:
        code = failure.returncode
    return out.getvalue(), err.getvalue(), code


def folder_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    return folder


def failure_line(err: str, name: str) -> str:
    (line,) = [line for line in err.splitlines() if name in line]
    return line


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("brackets.json", "[" * 100_000 + "]" * 100_000, "JSON nested 100,000 levels deep (the limit is 32)"),
        (
            "deep.jsonl",
            json.dumps({"title": "T", "text": BODY, "extra": 1})[:-1]
            + ', "deep": '
            + '{"a": ' * 5000
            + "1"
            + "}" * 5000
            + "}\n",
            "JSON nested 5,001 levels deep",
        ),
        ("digits.jsonl", '{"title": ' + "9" * 5000 + f', "text": "{BODY}"}}\n', "invalid JSON"),
        ("impossible-day.txt", f"---\npublished: 2025-02-31\n---\n{GOOD}", "published '2025-02-31' is not a date"),
        ("impossible-month.txt", f"---\npublished: 2025-13-01\n---\n{GOOD}", "published '2025-13-01' is not a date"),
        ("year-9999.txt", f"---\npublished: 9999-12-31\n---\n{GOOD}", "published '9999-12-31' is not a date"),
        ("far-future.txt", f"---\npublished: 2099-12-31\n---\n{GOOD}", "published 2099-12-31 is outside 1800-01-01.."),
        ("bomb.txt", f"---\n{ALIAS_BOMB}---\n{GOOD}", "front matter: more than 20 YAML aliases"),
        ("nested.txt", "---\nsummary: " + "[" * 5000 + "]" * 5000 + f"\n---\n{GOOD}", "front matter: invalid YAML"),
    ],
)
def test_a_hostile_file_fails_alone_with_one_line(tmp_path, name, content, reason):
    folder = folder_with(tmp_path, {name: content})
    out, err, code = run(folder)
    assert reason in failure_line(err, name) and ": failed: " in failure_line(err, name)
    assert out.strip().endswith("1 created, 0 updated, 0 unchanged, 0 duplicate, 1 failed (2 articles)")
    assert code == 1 and Article.objects.count() == 1


def test_sidecars_fail_alone_too(tmp_path):
    folder = folder_with(tmp_path, {
        "story.txt": GOOD.replace("good", "dated"), "story.meta.yaml": "published: 2025-02-31\n",
        "bombed.txt": GOOD.replace("good", "bombed"), "bombed.meta.yaml": ALIAS_BOMB,
    })  # fmt: skip
    _, err, code = run(folder)
    assert "sidecar story.meta.yaml: published '2025-02-31' is not a date" in failure_line(err, "story.txt")
    assert "sidecar bombed.meta.yaml: more than 20 YAML aliases" in failure_line(err, "bombed.txt")
    assert code == 1 and Article.objects.count() == 1


def test_an_alias_bomb_under_a_generous_alias_limit_is_refused_by_its_size(tmp_path):
    folder = folder_with(tmp_path, {"bomb.txt": f"---\n{ALIAS_BOMB}---\n{GOOD.replace('good', 'other')}"})
    _, err, _ = run(folder, "--max-yaml-aliases", "1000")
    assert "more than 100,000 characters once its aliases expand" in failure_line(err, "bomb.txt")


def test_nul_characters_and_lone_surrogates_are_taken_out_and_recorded(tmp_path):
    record = '{"title": "Talks\\u0000 resume \\ud800today", "text": "' + BODY.replace("border", "bor\\u0000der") + '"}'
    folder = folder_with(tmp_path, {"export.jsonl": record + "\n", "nul.txt": GOOD.replace("good", "nul") + "\x00\x00"})
    _, err, code = run(folder)
    assert code == 0, err
    article = Article.objects.get(title="Talks resume today")
    assert "border markets" in article.body and "\x00" not in article.raw_text
    removal = Removal.objects.get(article=article, rule="unstorable_characters")
    assert removal.text == "2 × U+0000, 1 × U+D800"
    assert Removal.objects.get(article__title="A nul headline", rule="unstorable_characters").text == "2 × U+0000"


def test_a_file_name_that_is_not_utf8_or_holds_a_newline_is_named_on_one_line(tmp_path):
    folder = folder_with(tmp_path, {})
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as latin:
        latin.write(GOOD.replace("good", "Latin-1").encode())
    (folder / "two\nlines.txt").write_text("")
    out, err, code = run(folder)
    assert err.strip().splitlines() == [f"{folder}/two\\nlines.txt: failed: empty file"]
    assert f"{folder}/caf\\xe9.txt: created" in out
    assert Article.objects.get(title="A Latin-1 headline").origin_name == "caf\\xe9.txt"
    assert code == 1


def test_a_folder_that_cannot_be_read_is_reported_not_skipped(tmp_path, monkeypatch):
    folder = folder_with(tmp_path, {})
    (folder / "locked").mkdir()
    (folder / "locked" / "hidden.txt").write_text(GOOD.replace("good", "locked"))
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out, err, code = run(folder)
    assert err.strip() == f"{folder}/locked: failed: cannot read the folder: Permission denied"
    assert out.strip().endswith("1 created, 0 updated, 0 unchanged, 0 duplicate, 1 failed (2 articles)")
    assert code == 1
