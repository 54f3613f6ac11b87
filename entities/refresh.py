"""An article's annotations brought up to date: the entities it mentions found again, then the events
it reports proposed again. The one chain that the import, the admin's "find again" action and an
accepted candidate all run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from archive.common.queries import idempotent_batches
from articles.models import Article
from entities.detection import DetectionResult, detect_events
from entities.extraction import Matcher
from entities.mentions import ExtractionResult, extract_batch, matcher_from_database

# What extraction and detection read of an article.
FIELDS = ("id", "title", "summary", "body", "published_on", "published_precision")


@dataclass
class RefreshResult:
    extraction: ExtractionResult = field(default_factory=lambda: ExtractionResult(articles=0))
    detection: DetectionResult = field(default_factory=DetectionResult)

    def __iadd__(self, other: RefreshResult) -> RefreshResult:
        self.extraction += other.extraction
        self.detection += other.detection
        return self

    def summary(self) -> str:
        mentions = self.extraction
        return (
            f"{mentions.articles} articles: {mentions.created} mentions added, {mentions.deleted} removed; "
            f"{self.detection.proposed} events proposed"
        )


def refresh_article(article: Article, *, matcher: Matcher, created: bool = False) -> RefreshResult:
    """Extract, then detect, in the caller's transaction; `created` says the article was just
    created, so there is nothing of an earlier run to compare with or forget."""
    return refresh_batch([article], matcher=matcher, created=created)


def refresh_batch(articles: list[Article], *, matcher: Matcher, created: bool = False) -> RefreshResult:
    """Extract the batch's mentions in one go, then detect each article's events."""
    result = RefreshResult(extraction=extract_batch(articles, matcher=matcher, created=created))
    for article in articles:
        result.detection += detect_events(article, created=created)
    return result


def refresh_articles(
    articles: QuerySet[Article],
    *,
    matcher: Matcher | None = None,
    on_batch: Callable[[RefreshResult], None] | None = None,
    batch_size: int = 200,
) -> RefreshResult:
    """Refresh many articles, oldest first (the first report of an event proposes it), each batch in
    its own transaction; both steps are idempotent, so commits need not wait for their WAL flush."""
    matcher = matcher or matcher_from_database()
    total = RefreshResult()
    for batch in idempotent_batches(articles.only(*FIELDS).order_by("published_on", "pk"), batch_size):
        result = refresh_batch(batch, matcher=matcher)
        total += result
        if on_batch:
            on_batch(result)
    return total
