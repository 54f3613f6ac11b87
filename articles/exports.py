"""Streaming exports of article listings: CSV and JSON Lines, written row by row."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from django.db.models import QuerySet

from archive.common.streaming import csv_stream

COLUMNS = [
    "id", "title", "source", "published_on", "published_precision", "published_text", "article_type", "status",
    "language",
    "url", "byline", "section", "dateline", "duplicate_of", "origin_name", "created_at",
]  # fmt: skip
TEXT_COLUMNS = ["summary", "body"]


def export_rows(articles: QuerySet, *, with_texts: bool) -> Iterator[dict[str, object]]:
    """The articles as flat rows, fetched in chunks through a server-side cursor."""
    fields = [*COLUMNS, *(TEXT_COLUMNS if with_texts else [])]
    lookups = ["source__slug" if field == "source" else field for field in fields]
    for values in articles.values_list(*lookups).iterator(chunk_size=2000):
        yield dict(zip(fields, values, strict=True))


def csv_lines(rows: Iterable[dict[str, object]]) -> Iterator[str]:
    return csv_stream(COLUMNS, (["" if row[column] is None else row[column] for column in COLUMNS] for row in rows))


def json_lines(rows: Iterable[dict[str, object]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False, default=str) + "\n"


EXPORTS: dict[str, tuple[str, Callable[[Iterable[dict[str, object]]], Iterator[str]]]] = {
    "csv": ("text/csv; charset=utf-8", csv_lines),
    "jsonl": ("application/x-ndjson; charset=utf-8", json_lines),
}
