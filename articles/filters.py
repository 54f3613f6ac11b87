from django.db.models import QuerySet
from django_filters import rest_framework as filters

from archive.common.api import SlugsFilter
from archive.common.dates import DatePrecision
from articles.models import Article, Source
from entities.models import Entity, Event


class SourceFilter(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(distinct=False, choices=Source.Kind.choices)
    country = filters.CharFilter(help_text="ISO 3166-1 alpha-2 code, e.g. PK")
    name = filters.CharFilter(lookup_expr="icontains", help_text="Part of the outlet's name")

    class Meta:
        model = Source
        fields = ["kind", "country", "name"]


class ArticleFilter(filters.FilterSet):
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
    entity = SlugsFilter(
        queryset=Entity.objects.all(),
        method="filter_entity",
        help_text="Entity slug; repeat for several, combined as entity_match says",
    )
    entity_match = filters.ChoiceFilter(
        choices=[("all", "all"), ("any", "any")],
        method="keep",
        help_text="With several entities: articles mentioning all of them (default) or any",
    )

    event = filters.ModelMultipleChoiceFilter(
        queryset=Event.objects.all(),
        method="filter_event",
        help_text="Event id; repeat for several: articles that are evidence for any of them",
    )

    class Meta:
        model = Article
        fields = [
            "q", "source", "published", "precision", "type", "status", "language", "entity", "entity_match", "event",
        ]  # fmt: skip

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.search(value) if value.strip() else queryset

    def filter_event(self, queryset: QuerySet, name: str, value: list[Event]) -> QuerySet:
        return queryset.reporting(value) if value else queryset

    def filter_entity(self, queryset: QuerySet, name: str, value: list[Entity]) -> QuerySet:
        match_all = self.form.cleaned_data.get("entity_match") != "any"
        return queryset.mentioning(value, match_all=match_all)

    def keep(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Parameters read by another filter's method change nothing by themselves."""
        return queryset
