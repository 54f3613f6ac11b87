"""The import, composed across both apps: save each article (articles.importing), then, in the same
transaction, find the entities it mentions and propose the events it reports (entities.refresh)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from articles.importing import ImportOptions, ImportReport, ItemResult
from articles.importing import import_paths as save_paths
from entities.mentions import matcher_from_database
from entities.refresh import refresh_article


def import_paths(
    paths: Iterable[str | Path],
    *,
    options: ImportOptions | None = None,
    on_result: Callable[[ItemResult], None] | None = None,
) -> ImportReport:
    """Import everything the paths name, each article annotated as it is saved; one bad input never
    stops the rest. The gazetteer is read once, when the import starts."""
    matcher = matcher_from_database()
    return save_paths(
        paths,
        options=options,
        after_save=lambda article, created: refresh_article(article, matcher=matcher, created=created),
        on_result=on_result,
    )
