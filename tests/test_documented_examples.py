"""Every example request the README and docs/ give runs against an archive built as `./dev up` builds
it (outlets, gazetteer, the seeds, the curated timeline) and answers what its text says: a listing
that finds something, facets that count something, an export with rows."""

import csv
import io
import json
import re
import urllib.parse

import pytest
from django.core.management import call_command

from tests.conftest import PROJECT_DIR

# A read the docs show as a command to copy: `curl [-o FILE] 'http://127.0.0.1:8000/...'`, no method
# or credentials (writes need a user and an object the reader picks, see the curation tests).
EXAMPLE = re.compile(r"^curl (?:-o \S+ )?'http://127\.0\.0\.1:8000(?P<path>/[^']+)'")
# Listings that may rightly be empty in a fresh archive: no curator has merged anything yet.
MAY_BE_EMPTY = ("/api/v1/entity-merges/",)


def documented_examples() -> list[tuple[str, str]]:
    found = []
    for page in [PROJECT_DIR / "README.md", *sorted((PROJECT_DIR / "docs").glob("*.md"))]:
        for line in page.read_text(encoding="utf-8").splitlines():
            match = EXAMPLE.match(line.strip())
            if match:
                found.append((page.name, match.group("path")))
    return found


def test_the_docs_give_examples_of_every_kind():
    paths = [path for _, path in documented_examples()]
    assert len(paths) >= 10
    assert any("/facets/" in path for path in paths) and any("export" in path for path in paths)


@pytest.mark.django_db(transaction=True, reset_sequences=True)  # ids as in a fresh archive (`?event=4`)
def test_every_documented_example_answers_what_its_text_says(client):
    call_command("load_outlets", stdout=io.StringIO())
    call_command("load_gazetteer", stdout=io.StringIO())
    call_command("import_articles", str(PROJECT_DIR / "seeds"), stdout=io.StringIO(), stderr=io.StringIO())
    call_command("load_events", stdout=io.StringIO())
    for page, example in documented_examples():
        path, _, query = example.partition("?")
        response = client.get(f"{path}?{urllib.parse.urlencode(urllib.parse.parse_qsl(query))}", secure=True)
        assert response.status_code == 200, (page, example, response.status_code, response.content[:300])
        assert _rows(response) >= (0 if path.startswith(MAY_BE_EMPTY) else 1), (page, example, "found nothing")


def _rows(response: object) -> int:
    """How many things the answer holds: a listing's results, the articles facets count, an export's rows."""
    content_type = response["Content-Type"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode()
    if content_type.startswith("text/csv"):
        return len(list(csv.reader(io.StringIO(text)))) - 1
    if content_type.startswith("application/x-ndjson"):
        return len([line for line in text.splitlines() if json.loads(line)])
    answer = json.loads(text)
    if isinstance(answer, list):
        return len(answer)
    return answer["articles"] if "articles" in answer and "counts" in answer else len(answer["results"])
