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
from articles.managers import FULL_RANKING_LIMIT, RANKED_HITS
from articles.models import Article, Source
from articles.serializers import ArticleDetailSerializer, ArticleListSerializer, ExportParameters, SourceSerializer


class SourceViewSet(ExplainedParameters, viewsets.ReadOnlyModelViewSet):
    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    ordering_fields = ["name", "created_at"]
    ordering = ["name"]


class RelevanceOrdering(StableOrderingFilter):
    """A listing ordered by relevance ranks every hit when PostgreSQL expects at most
    FULL_RANKING_LIMIT of them, else the newest RANKED_HITS hits only: ranking reads every hit's
    vector, seconds for a word in half of a million articles. The view's `ranking` says which."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        queryset = super().filter_queryset(request, queryset, view)
        if view.action == "list" and self.get_ordering(request, queryset, view)[:1] == ["-rank"]:
            hits = queryset.estimated_count()
            if hits > FULL_RANKING_LIMIT:
                view.ranking = {"complete": False, "ranked": RANKED_HITS, "of": hits, "estimated": True}
                return queryset.newest(RANKED_HITS)
            view.ranking = {"complete": True}
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

    def get_paginated_response(self, data: list) -> Response:
        """A page; in a search ordered by relevance, with `ranking`: whether every hit was ranked."""
        response = super().get_paginated_response(data)
        if self.ranking is not None:
            response.data["ranking"] = self.ranking
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
