from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from archive.common.api import CursorFirstPagination, ExplainedParameters, StableOrderingFilter
from articles.exports import EXPORTS, export_rows
from articles.filters import ArticleFilter, SourceFilter
from articles.managers import (
    FULL_RANKING_LIMIT,
    HEADLINE_HITS_LIMIT,
    RANKED_HITS,
    TITLES_ENOUGH,
    search_query,
    tsquery_text,
)
from articles.models import Article, Source
from articles.ranking import BODY_ONLY_BELOW, sole_word
from articles.serializers import ArticleDetailSerializer, ArticleListSerializer, ExportParameters, SourceSerializer


class SourceViewSet(ExplainedParameters, viewsets.ReadOnlyModelViewSet):
    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    ordering_fields = ["name", "created_at"]
    ordering = ["name"]


class RelevanceOrdering(StableOrderingFilter):
    """A listing ordered by relevance ranks every hit when PostgreSQL expects at most
    FULL_RANKING_LIMIT of them: ranking reads every hit's vector, seconds for a word in half of a
    million articles. With more (articles.ranking), a search of one word in the titles of at least
    TITLES_ENOUGH hits lists those, in the rank stored for the word; any other ranks the hits with a
    searched word in their title or summary and the newest RANKED_HITS (the top is then exact as long
    as it scores above what a body-only hit can), or where that is not possible, the newest
    RANKED_HITS only. The view's `ranking` says which, and whether its page is the true top."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        queryset = super().filter_queryset(request, queryset, view)
        if view.action != "list" or self.get_ordering(request, queryset, view)[:1] != ["-rank"]:
            return queryset
        hits = queryset.estimated_count()
        if hits <= FULL_RANKING_LIMIT:
            view.ranking = {"complete": True}
            return queryset
        flagged = {"complete": False, "of": hits, "estimated": True}
        text = request.query_params.get("q", "")
        spellings = view.search_spellings(text) if hasattr(view, "search_spellings") else ()
        printed = tsquery_text(search_query(text, spellings=spellings))
        word = sole_word(printed)
        chosen = queryset.by_title_word(word, TITLES_ENOUGH) if word is not None else None
        which = "titles"
        if chosen is None:
            chosen, which = queryset.headlines_first(printed, HEADLINE_HITS_LIMIT, RANKED_HITS), "headlines"
        if chosen is None:
            view.ranking = {**flagged, "ranked": RANKED_HITS, "which": "newest"}
            return queryset.newest(RANKED_HITS)
        queryset, ranked = chosen
        view.ranking = {**flagged, "ranked": ranked, "which": which}
        view.exact_from = BODY_ONLY_BELOW
        return queryset


class ArticleViewSet(ExplainedParameters, viewsets.ReadOnlyModelViewSet):
    # Articles by their own fields: listing, search, detail and export. The API serves it with the
    # filters and facets that reach entities and events (archive/api.py).
    queryset = Article.objects.all()
    pagination_class = CursorFirstPagination
    filter_backends = [DjangoFilterBackend, RelevanceOrdering]
    filterset_class = ArticleFilter
    ordering_fields = ["published_on", "created_at", "title", "id", "rank"]
    ordering = ["-published_on"]

    def get_queryset(self) -> QuerySet:
        if self.action == "list":
            return Article.objects.for_listing()
        return Article.objects.for_detail()

    ranking: dict[str, object] | None = None  # set when a search is ordered by relevance
    exact_from: float | None = None  # when not every hit is ranked: a page scoring this is exact
    page_rows: list[Article] = ()

    def paginate_queryset(self, queryset: QuerySet) -> list[Article] | None:
        self.page_rows = super().paginate_queryset(queryset)
        return self.page_rows

    def get_paginated_response(self, data: list) -> Response:
        """A page; in a search ordered by relevance, with `ranking`: whether every hit was ranked,
        and if not, which were and whether this page is where ranking every hit would put it."""
        response = super().get_paginated_response(data)
        if self.ranking is not None:
            exact = self.exact_from is not None and all(row.rank >= self.exact_from for row in self.page_rows or ())
            response.data["ranking"] = {**self.ranking, **({} if self.ranking["complete"] else {"page_exact": exact})}
        return response

    def get_serializer_class(self) -> type[BaseSerializer]:
        return ArticleListSerializer if self.action == "list" else ArticleDetailSerializer

    def perform_content_negotiation(self, request: Request, force: bool = False) -> tuple[object, str]:
        """The export is asked for by its own media type too (`Accept: text/csv`); its errors are JSON."""
        return super().perform_content_negotiation(
            request, force=force or (self.action == "export" and bool(_export_accepted(request)))
        )

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "as",
                str,
                enum=["csv", "jsonl"],
                description="File format: csv or jsonl; without it, as the Accept header asks (text/csv, "
                "application/x-ndjson), else csv",
            )
        ],
        responses={(200, "text/csv"): OpenApiTypes.STR, (200, "application/x-ndjson"): OpenApiTypes.STR},
    )
    @action(detail=False, pagination_class=None, parameters_serializer=ExportParameters)
    def export(self, request: Request) -> StreamingHttpResponse:
        """Every filtered article, streamed: CSV of the listing's columns, or JSON Lines with the
        summary and body too. Rows are read with a server-side cursor, never all at once."""
        parameters = ExportParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        kind = parameters.validated_data.get("as") or _export_accepted(request) or "csv"
        queryset = self.filter_queryset(Article.objects.all())
        rows = export_rows(queryset, with_texts=kind == "jsonl")
        content_type, writer = EXPORTS[kind]
        response = StreamingHttpResponse(writer(rows), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="articles.{kind}"'
        return response


def _export_accepted(request: Request) -> str | None:
    """The export format the request's Accept header asks for, if it names one."""
    accepted = [part.split(";")[0].strip().lower() for part in request.headers.get("Accept", "").split(",")]
    for media_type in accepted:
        for kind, (content_type, _) in EXPORTS.items():
            if content_type.split(";")[0] == media_type:
                return kind
    return None
