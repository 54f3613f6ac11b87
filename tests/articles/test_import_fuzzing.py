"""A fuzzer for the importer: folders of arbitrary bytes, JSON, JSON Lines, front matter and
sidecars beside one good file. Whatever they hold, the good file imports, every input ends as one
line naming it, the summary is printed, and the archive stays consistent (tests/integrity.py)."""

import io
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.limits import printable
from articles.models import Article
from tests.factories import EntityFactory
from tests.integrity import integrity_problems

pytestmark = pytest.mark.django_db

GOOD = "Border markets reopen\n\nQuetta: Traders in Balochistan welcomed the reopening of the markets on Monday.\n"
OUTCOME = re.compile(r": (?:created|updated|unchanged|duplicate|failed)(?::|$)")
SUMMARY = re.compile(
    r"(\d+) created, (\d+) updated, (\d+) unchanged, (\d+) duplicate, (\d+) failed \((\d+) articles\)$"
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {"title": st.text(max_size=40), "text": st.text(min_size=1, max_size=300)},
    optional={"published": st.text(max_size=12) | st.dates().map(str), "source": st.text(max_size=20),
              "url": st.text(max_size=30), "authors": st.lists(st.text(max_size=10), max_size=3)},
)  # fmt: skip
names = st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=12)
inputs = st.one_of(
    st.tuples(st.sampled_from([".txt", ".json", ".jsonl", ".html", ".md", ".dat"]), st.binary(max_size=3000)),
    st.tuples(st.just(".json"), json_values.map(lambda value: json.dumps(value).encode())),
    st.tuples(st.just(".jsonl"), st.lists(records | json_values, min_size=1, max_size=4).map(
        lambda rows: "\n".join(json.dumps(row) for row in rows).encode())),
    st.tuples(st.just(".txt"), st.tuples(st.text(max_size=200), st.text(max_size=400)).map(
        lambda parts: f"---\n{parts[0]}\n---\n{parts[1]}".encode("utf-8", "surrogatepass"))),
    st.tuples(st.just(".txt"), st.text(max_size=600).map(lambda text: text.encode("utf-8", "surrogatepass"))),
    st.tuples(st.just(".sidecar"), st.tuples(st.text(max_size=200), st.text(min_size=1, max_size=300))),
)  # fmt: skip


def write(folder: Path, number: int, name: str, suffix: str, content: object) -> list[str]:
    """The files an input becomes (a sidecar comes with its article), and the origins to expect."""
    stem = f"{number}-{name}".replace("\n", " ")
    if suffix == ".sidecar":
        metadata, text = content
        (folder / f"{stem}.meta.yaml").write_bytes(metadata.encode("utf-8", "surrogatepass"))
        (folder / f"{stem}.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
        return [f"{stem}.txt"]
    (folder / f"{stem}{suffix}").write_bytes(content)
    return [f"{stem}{suffix}"]


@pytest.fixture
def gazetteer():
    EntityFactory(name="Quetta", slug="quetta", kind="city")
    EntityFactory(name="Balochistan", slug="balochistan", kind="region")


@settings(
    max_examples=int(os.environ.get("ARCHIVE_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(st.lists(st.tuples(names, inputs), min_size=1, max_size=5))
def test_whatever_a_folder_holds_the_good_file_imports_and_every_input_gets_its_line(gazetteer, files):
    with tempfile.TemporaryDirectory() as temporary, transaction.atomic():
        folder = Path(temporary)
        (folder / "good.txt").write_text(GOOD)
        expected = ["good.txt"]
        for number, (name, (suffix, content)) in enumerate(files):
            expected += write(folder, number, name, suffix, content)
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command("import_articles", str(folder), "-v", "2", "--no-progress", stdout=out, stderr=err)
        except CommandError as failure:
            assert failure.returncode == 1
        lines = out.getvalue().splitlines() + err.getvalue().splitlines()
        summary = [line for line in lines if SUMMARY.search(line)]
        results = [line for line in lines if line not in summary]
        assert len(summary) == 1 and int(SUMMARY.search(summary[0]).group(6)) == len(results), lines
        assert all(line.startswith(f"{folder}/") and OUTCOME.search(line) for line in results), lines
        for name in map(printable, expected):
            own = re.compile(
                re.escape(f"{folder}/{name}") + r"(?:[:#]\d+)?: (?:created|updated|unchanged|duplicate|failed)"
            )
            assert any(own.match(line) for line in results), (name, lines)
        assert Article.objects.filter(title="Border markets reopen").exists()
        assert integrity_problems() == {}
        transaction.set_rollback(True)
