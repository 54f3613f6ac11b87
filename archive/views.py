"""The archive's own admin pages (staff only; urls.py wraps them in admin_view): the dashboard, counts
and charts of the whole archive each linked to the admin list it summarises, and the review queue."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_safe

from archive import charts, review
from archive.common.access import requires_permission
from archive.common.admin import changelist
from archive.dashboard import Dashboard, StatusCount, dashboard
from entities.models import Entity, Event

# Waiting in pale blue or sand, accepted in green, refused in rose: the charts' palette again.
STATUS_COLOURS = {"imported": "#88CCEE", "proposed": "#DDCC77", "reviewed": "#117733", "confirmed": "#117733",
                  "rejected": "#CC6677"}  # fmt: skip


@dataclass(frozen=True)
class Tile:
    label: str
    count: int
    href: str
    colour: str = ""
    share: float = 0.0  # of its group's total

    @property
    def number(self) -> str:
        return f"{self.count:,}"

    @property
    def percent(self) -> str:
        return f"{self.share:.0%}"


@dataclass(frozen=True)
class TileGroup:
    """A total with a tile per status under it, and a bar split in their proportions."""

    total: Tile
    parts: list[Tile]
    note: str = ""


@require_safe
@requires_permission("articles.view_article")
def archive_dashboard(request: HttpRequest) -> HttpResponse:
    """Staff only (urls.py wraps it in admin_view); the numbers describe articles, so reading them
    takes the permission to view articles."""
    data = dashboard(today=timezone.localdate())
    context = {
        **admin.site.each_context(request),
        "title": "Archive dashboard",
        "data": data,
        "tile_groups": [
            status_tiles("Articles", data.article_statuses, "articles", "article"),
            status_tiles("Events", data.event_statuses, "entities", "event"),
            TileGroup(
                Tile("Open candidates", data.open_candidates, changelist("entities", "candidate", status="open")),
                parts=[],
                note="Names found in articles that are no entity yet, waiting for a curator",
            ),
        ],
        "article_chart": article_chart(data),
        "articles_caption": articles_caption(data),
        "undated": data.articles.undated,
        "undated_shown": f"{data.articles.undated:,}",
        "event_chart": event_chart(data),
        "events_caption": events_caption(data),
        "entity_chart": entity_chart(data),
        "links": {
            "articles": changelist("articles", "article"),
            "undated": changelist("articles", "article", published_precision__exact="unknown"),
            "events": changelist("entities", "event", status__in="confirmed,proposed"),
            "entities": changelist("entities", "entity"),
            "timeline": reverse("timeline"),
        },
    }
    return TemplateResponse(request, "archive/dashboard.html", context)


@require_safe
@requires_permission("articles.view_article")
def review_queue(request: HttpRequest) -> HttpResponse:
    """Articles imported but not reviewed, open entity candidates and event proposals, oldest first."""
    context = {**admin.site.each_context(request), "title": "Review queue", "queues": review.queues()}
    return TemplateResponse(request, "admin/review_queue.html", context)


def status_tiles(label: str, statuses: tuple[StatusCount, ...], app_label: str, model_name: str) -> TileGroup:
    total = sum(status.count for status in statuses)
    parts = [
        Tile(
            status.label,
            status.count,
            changelist(app_label, model_name, status=status.status),
            STATUS_COLOURS.get(status.status, charts.OTHER_COLOUR),
            status.count / total if total else 0.0,
        )
        for status in statuses
    ]
    return TileGroup(Tile(label, total, changelist(app_label, model_name)), parts)


def articles_caption(data: Dashboard) -> str:
    articles, months = data.articles, data.article_axis
    if not months:
        return ""
    named = sum(1 for source in articles.sources if not source.other)
    rest = ", the rest together" if named < len(articles.sources) else ""
    span = month_span(months)
    by = "by its source" if named == 1 and not rest else f"by the {named} sources that published most{rest}"
    sentences = [
        f"{counted(articles.shown, 'dated article')} {span}, {by}.",
        f"{articles.earlier:,} published before {month_name(months[0])} are left out." if articles.earlier else "",
        f"{articles.later:,} dated after this month (dates read wrong) are left out." if articles.later else "",
        "Click a month for its articles, a source for all of its own.",
    ]
    return " ".join(sentence for sentence in sentences if sentence)


def events_caption(data: Dashboard) -> str:
    events = data.events
    missing = [
        f"{events.undated:,} undated" if events.undated else "",
        f"{events.year_only:,} known only by their year" if events.year_only else "",
        f"{events.outside:,} outside these months" if events.outside else "",
    ]
    months = data.event_axis
    span = month_span(months)
    drawn = (
        f"{counted(events.shown, 'event')} {span}: confirmed ones solid, proposed ones pale, rejected left out."
        if months
        else ""
    )
    sentences = [
        drawn if events.shown else "",
        f"Not drawn: {', '.join(part for part in missing if part)}." if any(missing) else "",
        "Click a month for its events, a kind for all of its own.",
    ]
    return " ".join(sentence for sentence in sentences if sentence)


def month_span(months: tuple[datetime.date, ...]) -> str:
    """ "in Jul 2023", or "from Jul 2023 to Jan 2024"."""
    if len(months) <= 1:
        return f"in {month_name(months[0])}" if months else ""
    return f"from {month_name(months[0])} to {month_name(months[-1])}"


def counted(number: int, noun: str) -> str:
    """ "1 dated article", "2 dated articles" (the nouns here take an s)."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def month_name(month: datetime.date) -> str:
    return month.strftime("%B %Y")


def colours(choices: list[tuple[str, str]]) -> dict[str, str]:
    """A colour for each choice, in the palette's order; "other" is always grey."""
    palette = charts.PALETTE
    return {
        key: charts.OTHER_COLOUR if key == "other" else palette[index % len(palette)]
        for index, (key, _) in enumerate(choices)
    }


def month_filter(field: str, month: datetime.date) -> dict[str, int]:
    """The admin's date hierarchy lookups for one month."""
    return {f"{field}__year": month.year, f"{field}__month": month.month}


def article_chart(data: Dashboard) -> SafeString:
    series = []
    for index, source in enumerate(data.articles.sources):
        if source.other:
            series.append(charts.Series(source.label, source.counts, charts.OTHER_COLOUR))
            continue
        lookup = {"source__id__exact": source.source_id} if source.source_id else {"source__isnull": "True"}
        href = changelist("articles", "article", **lookup)
        series.append(charts.Series(source.label, source.counts, charts.PALETTE[index], href))
    hrefs = [changelist("articles", "article", **month_filter("published_on", month)) for month in data.article_axis]
    svg = charts.stacked_columns(
        data.article_axis, series, label="Articles per month by source", unit="article", column_hrefs=hrefs
    )
    return mark_safe(svg)  # charts.py escapes every text it draws


def event_chart(data: Dashboard) -> SafeString:
    kind_colours = colours(Event.Kind.choices)
    shown = {"status__in": "confirmed,proposed"}
    strips = [
        charts.Strip(
            series.label,
            series.confirmed,
            series.proposed,
            kind_colours.get(series.kind, charts.OTHER_COLOUR),
            href=changelist("entities", "event", kind=series.kind, **shown),
        )
        for series in data.events.kinds
    ]
    hrefs = [changelist("entities", "event", **shown, **month_filter("start_date", month)) for month in data.event_axis]
    svg = charts.strip_chart(
        data.event_axis,
        strips,
        label="Events per month by kind",
        unit="event",
        solid="confirmed",
        pale="proposed",
        column_hrefs=hrefs,
    )
    return mark_safe(svg)  # charts.py escapes every text it draws


def entity_chart(data: Dashboard) -> SafeString:
    kind_colours = colours(Entity.Kind.choices)
    bars = [
        charts.Bar(
            entity.name,
            entity.article_count,
            kind_colours.get(entity.kind, charts.OTHER_COLOUR),
            href=reverse("admin:entities_entity_change", args=[entity.entity_id]),
            note=entity.kind_label,
        )
        for entity in data.entities
    ]
    shown = {entity.kind for entity in data.entities}
    legend = [
        charts.LegendItem(label, kind_colours[kind], changelist("entities", "entity", kind=kind))
        for kind, label in Entity.Kind.choices
        if kind in shown
    ]
    svg = charts.bar_chart(bars, label="Most-mentioned entities", unit="article", legend=legend)
    return mark_safe(svg)  # charts.py escapes every text it draws
