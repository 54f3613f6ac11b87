"""The archive dashboard's numbers, read in seven small queries however large the archive is.

Articles are grouped by columns an index holds (status; source and publication date), so PostgreSQL
answers from the index without reading a single article; the most-mentioned entities come from
EntityStats, which triggers keep, never from the mentions.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth

from archive.common.dates import DatePrecision
from articles.models import Article, Source
from entities.models import Candidate, Entity, EntityStats, Event

# Ten years by month keep each column a few pixels wide at the admin's width; older months are
# counted in the caption rather than drawn as slivers.
MONTHS_SHOWN = 120
TOP_SOURCES = 6
TOP_ENTITIES = 15
# Events known only by their year have no month to stand in: counted, not drawn in January.
MONTHLY_PRECISIONS = {DatePrecision.DAY, DatePrecision.MONTH}


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


@dataclass(frozen=True)
class SourceSeries:
    """A source's articles in each month shown; `other` sums the sources outside the top few."""

    source_id: int | None
    label: str
    counts: tuple[int, ...]
    other: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class ArticleMonths:
    sources: tuple[SourceSeries, ...]
    undated: int
    earlier: int  # dated before the first month shown
    later: int  # dated after the last month shown: after today, so a date read wrong

    @property
    def shown(self) -> int:
        return sum(series.total for series in self.sources)


@dataclass(frozen=True)
class KindSeries:
    kind: str
    label: str
    confirmed: tuple[int, ...]
    proposed: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.confirmed) + sum(self.proposed)


@dataclass(frozen=True)
class EventMonths:
    """Confirmed and proposed events (never rejected ones) by kind and month."""

    kinds: tuple[KindSeries, ...]
    undated: int
    year_only: int
    outside: int  # dated, but before or after the months shown

    @property
    def shown(self) -> int:
        return sum(series.total for series in self.kinds)


@dataclass(frozen=True)
class EntityCount:
    entity_id: int
    name: str
    kind: str
    kind_label: str
    article_count: int


@dataclass(frozen=True)
class Dashboard:
    article_statuses: tuple[StatusCount, ...]
    event_statuses: tuple[StatusCount, ...]
    open_candidates: int
    article_axis: tuple[datetime.date, ...]  # the first day of each month the articles' chart shows
    event_axis: tuple[datetime.date, ...]  # and the events' chart: each its own, so that one month of
    # articles is not a sliver on an axis that ten years of events need
    articles: ArticleMonths
    events: EventMonths
    entities: tuple[EntityCount, ...]

    @property
    def article_total(self) -> int:
        return sum(status.count for status in self.article_statuses)

    @property
    def event_total(self) -> int:
        return sum(status.count for status in self.event_statuses)


def dashboard(*, today: datetime.date) -> Dashboard:
    """Everything the dashboard shows, in seven queries (six when no article falls in the months shown)."""
    by_source = articles_by_source_and_month()
    events = events_by_kind_and_month()
    article_axis = months_shown([month for _, month in by_source if month is not None], today=today)
    event_axis = months_shown(
        [month for _, precision, month, _ in events if precision in MONTHLY_PRECISIONS], today=today
    )
    top = top_sources(by_source, article_axis)
    return Dashboard(
        article_statuses=article_status_counts(),
        event_statuses=event_status_counts(),
        open_candidates=Candidate.objects.filter(status=Candidate.Status.OPEN).count(),
        article_axis=tuple(article_axis),
        event_axis=tuple(event_axis),
        articles=article_months(by_source, article_axis, top=top, names=source_names(top)),
        events=event_months(events, event_axis),
        entities=tuple(most_mentioned_entities()),
    )


def article_status_counts() -> list[StatusCount]:
    """Articles by status, every status listed even when none has it."""
    found = dict(Article.objects.order_by().values_list("status").annotate(count=Count("*")))
    return [StatusCount(value, label, found.get(value, 0)) for value, label in Article.Status.choices]


def event_status_counts() -> list[StatusCount]:
    found = dict(Event.objects.order_by().values_list("status").annotate(count=Count("*")))
    return [StatusCount(value, label, found.get(value, 0)) for value, label in Event.Status.choices]


def articles_by_source_and_month() -> dict[tuple[int | None, datetime.date | None], int]:
    """Article counts by source and month (None: undated), from one GROUP BY that an index-only
    scan of article_source_date_idx answers."""
    rows = (
        Article.objects.order_by()
        .annotate(month=TruncMonth("published_on"))
        .values_list("source_id", "month")
        .annotate(count=Count("*"))
    )
    return {(source_id, month): count for source_id, month, count in rows}


def events_by_kind_and_month() -> list[tuple[str, str, datetime.date | None, dict[str, int]]]:
    """(kind, start precision, month, {status: count}) for the events that are not rejected."""
    rows = (
        Event.objects.order_by()
        .exclude(status=Event.Status.REJECTED)
        .annotate(month=TruncMonth("start_date"))
        .values_list("kind", "start_precision", "month", "status")
        .annotate(count=Count("*"))
    )
    grouped: dict[tuple[str, str, datetime.date | None], dict[str, int]] = defaultdict(dict)
    for kind, precision, month, status, count in rows:
        grouped[kind, precision, month][status] = count
    return [(*key, statuses) for key, statuses in grouped.items()]


def most_mentioned_entities(limit: int = TOP_ENTITIES) -> list[EntityCount]:
    """The entities most articles mention, read from EntityStats through its article_count index."""
    kinds = dict(Entity.Kind.choices)
    rows = (
        EntityStats.objects.filter(article_count__gt=0)
        .order_by("-article_count", "entity_id")
        .values_list("entity_id", "entity__name", "entity__kind", "article_count")[:limit]
    )
    return [EntityCount(pk, name, kind, kinds.get(kind, kind), count) for pk, name, kind, count in rows]


def source_names(source_ids: Iterable[int | None]) -> dict[int, str]:
    wanted = [pk for pk in source_ids if pk is not None]
    return dict(Source.objects.order_by().filter(pk__in=wanted).values_list("id", "name")) if wanted else {}


def month_number(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def month_start(number: int) -> datetime.date:
    return datetime.date(number // 12, number % 12 + 1, 1)


def months_shown(
    dated: Iterable[datetime.date], *, today: datetime.date, limit: int = MONTHS_SHOWN
) -> list[datetime.date]:
    """Every month from the first dated one to the last, at most `limit` ending with the latest.

    Months after the current one are left out: a date in the future was read wrong, and one such
    date must not stretch the axis by years.
    """
    current = month_number(today)
    numbers = [number for number in map(month_number, dated) if number <= current]
    if not numbers:
        return []
    last = max(numbers)
    first = max(min(numbers), last - limit + 1)
    return [month_start(number) for number in range(first, last + 1)]


def top_sources(
    by_source: dict[tuple[int | None, datetime.date | None], int], months: list[datetime.date]
) -> list[int | None]:
    """The sources with the most articles in the months shown, most first (None: no source)."""
    shown = set(months)
    totals: Counter[int | None] = Counter()
    for (source_id, month), count in by_source.items():
        if month in shown:
            totals[source_id] += count
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0] is None, item[0] or 0))
    return [source_id for source_id, _ in ranked[:TOP_SOURCES]]


def article_months(
    by_source: dict[tuple[int | None, datetime.date | None], int],
    months: list[datetime.date],
    *,
    top: list[int | None],
    names: dict[int, str],
) -> ArticleMonths:
    """The top sources as series over the months shown, the rest summed as "Other sources"."""
    position = {month: index for index, month in enumerate(months)}
    counts = {source_id: [0] * len(months) for source_id in top}
    other = [0] * len(months)
    undated = earlier = later = 0
    for (source_id, month), count in by_source.items():
        if month is None:
            undated += count
        elif month in position:
            counts.get(source_id, other)[position[month]] += count
        elif months and month < months[0]:
            earlier += count
        else:
            later += count
    series = [SourceSeries(pk, names.get(pk, "No source"), tuple(counts[pk])) for pk in top]
    if any(other):
        series.append(SourceSeries(None, "Other sources", tuple(other), other=True))
    return ArticleMonths(sources=tuple(series), undated=undated, earlier=earlier, later=later)


def event_months(
    rows: list[tuple[str, str, datetime.date | None, dict[str, int]]], months: list[datetime.date]
) -> EventMonths:
    """Each kind with events in the months shown, in the kinds' own order, confirmed apart from proposed."""
    position = {month: index for index, month in enumerate(months)}
    confirmed: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    proposed: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    undated = year_only = outside = 0
    for kind, precision, month, statuses in rows:
        count = sum(statuses.values())
        if month is None:
            undated += count
        elif precision not in MONTHLY_PRECISIONS:
            year_only += count
        elif month not in position:
            outside += count
        else:
            confirmed[kind][position[month]] += statuses.get(Event.Status.CONFIRMED, 0)
            proposed[kind][position[month]] += statuses.get(Event.Status.PROPOSED, 0)
    kinds = [
        KindSeries(kind, label, tuple(confirmed[kind]), tuple(proposed[kind]))
        for kind, label in Event.Kind.choices
        if kind in confirmed or kind in proposed
    ]
    return EventMonths(kinds=tuple(kinds), undated=undated, year_only=year_only, outside=outside)
