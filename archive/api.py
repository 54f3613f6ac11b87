"""The REST API's router, and what of it spans both apps: the article endpoints filtered by the
entities articles mention and the events they report, and their facets."""

from __future__ import annotations

from django.db.models import Count, Max, Min, QuerySet, Sum
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.routers import APIRootView, DefaultRouter

from archive.common.access import may_read
from archive.common.api import SlugsFilter
from archive.facets import article_facets
from articles import filters as article_filters
from articles import views as article_views
from articles.models import Article, ArticleTally
from articles.serializers import FacetParameters, FacetsSerializer
from entities import selectors
from entities import views as entity_views
from entities.models import Entity, Event


def names_of(request: Request | None, text: str) -> selectors.NamesInSearch:
    """The names in a search and their other spellings, read once per request (the filter and the
    snippets both need them)."""
    memo = getattr(request, "_names_in_search", None)
    if memo is None or memo[0] != text:
        memo = (text, selectors.names_in_search(text))
        if request is not None:
            request._names_in_search = memo
    return memo[1]


class ArticleFilter(article_filters.ArticleFilter):
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

    class Meta(article_filters.ArticleFilter.Meta):
        fields = [*article_filters.ArticleFilter.Meta.fields, "entity", "entity_match", "event"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """The words sought; a name among them also in the other spellings curators gave its entity,
        in the articles that mention that entity."""
        if not value.strip():
            return queryset
        return selectors.searched(queryset, value, names_of(self.request, value))

    def filter_entity(self, queryset: QuerySet, name: str, value: list[Entity]) -> QuerySet:
        match_all = self.form.cleaned_data.get("entity_match") != "any"
        return selectors.mentioning(queryset, value, match_all=match_all)

    def filter_event(self, queryset: QuerySet, name: str, value: list[Event]) -> QuerySet:
        return selectors.reporting(queryset, value) if value else queryset

    def keep(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Parameters read by another filter's method change nothing by themselves."""
        return queryset


class ArticleViewSet(article_views.ArticleViewSet):
    filterset_class = ArticleFilter

    def search_spellings(self, text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """For the snippets: the same spellings the search matched."""
        return names_of(self.request, text).spellings

    @extend_schema(
        parameters=[
            OpenApiParameter("top", int, description="How many entities (default 10, at most 100)"),
            OpenApiParameter(
                "exact", bool, description="Count every article even in a large set (slower; default false)"
            ),
        ],
        responses=FacetsSerializer,
    )
    @action(detail=False, pagination_class=None, parameters_serializer=FacetParameters)
    def facets(self, request: Request) -> Response:
        """Counts for the filtered articles (same filters as the listing): by source, month, type,
        status, the most mentioned entities and the kinds of event they report. Sets larger than
        10,000 articles are estimated from a sample unless `exact=true` (see `sample`)."""
        parameters = FacetParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        facets = article_facets(self.filter_queryset(Article.objects.all()), **parameters.validated_data)
        return Response(FacetsSerializer(facets).data)


class ArchiveRoot(APIRootView):
    """The API's front door: what the archive holds, in two lines, where its schema and documentation
    are, and its collections."""

    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        collections = super().get(request, *args, **kwargs).data
        front = {
            "schema": reverse("schema", request=request),
            "docs": reverse("api-docs", request=request),
        }
        if may_read(request.user, "articles.view_article"):
            front["about"] = holdings()
        return Response({**front, **collections})


def holdings() -> list[str]:
    """The archive in two lines: its articles, outlets and span, and what curation made of them
    (three small queries: the article tally, entities, events)."""
    tally = ArticleTally.objects.filter(count__gt=0).aggregate(
        articles=Sum("count"), outlets=Count("source", distinct=True), first=Min("month"), last=Max("month")
    )
    articles, span = tally["articles"] or 0, ""
    if tally["first"]:
        span = f", published {tally['first']:%B %Y} to {tally['last']:%B %Y}"
    events = Event.objects.exclude(status="rejected").count()
    return [
        f"{articles:,} news articles from {tally['outlets']:,} outlets{span}.",
        f"{Entity.objects.count():,} people, organisations, places and armed groups they mention, and {events:,} "
        "events they report (visits, agreements, strikes, attacks), each with the evidence that cites it.",
    ]


class ArchiveRouter(DefaultRouter):
    APIRootView = ArchiveRoot


router = ArchiveRouter()
router.register("sources", article_views.SourceViewSet)
router.register("articles", ArticleViewSet)
router.register("entities", entity_views.EntityViewSet)
router.register("events", entity_views.EventViewSet)
router.register("mentions", entity_views.MentionViewSet)
router.register("candidates", entity_views.CandidateViewSet)
router.register("entity-merges", entity_views.EntityMergeViewSet)
router.register("distinctions", entity_views.DistinctionViewSet)
