from django.db.models import QuerySet
from django_filters import rest_framework as filters

from archive.common.api import ArchiveFilterSet, SlugsFilter
from archive.common.dates import DatePrecision
from articles.models import Article, Source


class SourceFilter(ArchiveFilterSet):
    kind = filters.MultipleChoiceFilter(distinct=False, choices=Source.Kind.choices)
    country = filters.CharFilter(help_text="ISO 3166-1 alpha-2 code, e.g. PK")
    name = filters.CharFilter(lookup_expr="icontains", help_text="Part of the outlet's name")
    origin = filters.ChoiceFilter(choices=Source.Origin.choices, help_text="Who put it in the archive")
    confirmed = filters.BooleanFilter(help_text="false: outlets the importer found, waiting for a curator")

    class Meta:
        model = Source
        fields = ["kind", "country", "name", "origin", "confirmed"]


class ArticleFilter(ArchiveFilterSet):
    """Articles by their own fields; the API adds filters by the entities they mention and the events
    they report (archive/api.py)."""

    q = filters.CharFilter(
        method="filter_q",
        help_text='Full-text search of title, summary and body (English stemming; web-search syntax: "a phrase", '
        "-exclude, or); best matches first unless `ordering` is given",
    )
    source = SlugsFilter(
        field_name="source",
        queryset=Source.objects.all(),
        help_text="Source slug; repeat for several (any of)",
    )
    published = filters.DateFromToRangeFilter(
        field_name="published_on",
        help_text="published_after / published_before (YYYY-MM-DD, inclusive); undated articles never match",
    )
    precision = filters.MultipleChoiceFilter(
        distinct=False, field_name="published_precision", choices=DatePrecision.choices
    )
    type = filters.MultipleChoiceFilter(distinct=False, field_name="article_type", choices=Article.Type.choices)
    status = filters.MultipleChoiceFilter(distinct=False, choices=Article.Status.choices)
    language = filters.CharFilter()

    class Meta:
        model = Article
        fields = ["q", "source", "published", "precision", "type", "status", "language"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.search(value) if value.strip() else queryset
