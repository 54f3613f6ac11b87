"""The import, composed across both apps: articles are prepared and saved (articles.importing), and
in the same transaction the entities they mention are found and the events they report proposed
(entities.annotation for new articles a batch at a time, entities.refresh for one article)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from archive.common.dates import DatePrecision
from articles.importing import ImportOptions, ImportReport, ItemResult
from articles.importing import import_paths as save_paths
from articles.preparing import Prepared
from entities.annotation import Annotations, annotate, entity_labels, store_annotations
from entities.extraction import Matcher
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
    annotator = Annotator(matcher, entity_labels())
    return save_paths(
        paths,
        options=options,
        annotate=annotator,
        after_batch=store_annotations,
        after_save=lambda article, created: refresh_article(article, matcher=matcher, created=created),
        on_result=on_result,
    )


class Annotator:
    """What a prepared article mentions and reports, read from its texts as they will be stored (a
    worker process calls it with the matcher it inherited)."""

    def __init__(self, matcher: Matcher, labels: dict[object, tuple[str, str]]) -> None:
        self.matcher, self.labels = matcher, labels

    def __call__(self, prepared: Prepared) -> Annotations:
        fields = prepared.fields
        return annotate(
            title=fields["title"],
            summary=fields["summary"],
            body=fields["body"],
            captions=prepared.caption_texts,
            published_day=fields["published_on"] if fields["published_precision"] == DatePrecision.DAY else None,
            matcher=self.matcher,
            labels=self.labels,
        )
