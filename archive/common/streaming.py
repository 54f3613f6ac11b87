"""Writing long CSV files as a stream, row by row, so a response never holds the whole file."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence


class _Echo:
    """A file-like object whose write() hands the text back, so csv.writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


def csv_stream(header: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """The header line, then one line per row, as the rows come."""
    writer = csv.writer(_Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow(row)
