from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.serializers import BaseSerializer

from archive.common.api import CursorFirstPagination, StableOrderingFilter
from articles.exports import EXPORTS, export_rows
from articles.filters import ArticleFilter, SourceFilter
from articles.managers import RANKED_HITS
from articles.models import Article, Source
from articles.serializers import ArticleDetailSerializer, ArticleListSerializer, SourceSerializer


class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    ordering_fields = ["name", "created_at"]
    ordering = ["name"]


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    # Articles by their own fields: listing, search, detail and export. The API serves it with the
    # filters and facets that reach entities and events (archive/api.py).
    queryset = Article.objects.all()
    pagination_class = CursorFirstPagination
    filterset_class = ArticleFilter
    ordering_fields = ["published_on", "created_at", "title", "id", "rank"]
    ordering = ["-published_on"]

    def get_queryset(self) -> QuerySet:
        if self.action == "list":
            return Article.objects.for_listing()
        return Article.objects.for_detail()

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        """Listings ordered by relevance rank the newest hits only (see RANKED_HITS)."""
        queryset = super().filter_queryset(queryset)
        ordering = StableOrderingFilter().get_ordering(self.request, queryset, self) or []
        if self.action == "list" and "rank" in queryset.query.annotations and ordering[:1] == ["-rank"]:
            queryset = queryset.newest(RANKED_HITS)
        return queryset

    def get_serializer_class(self) -> type[BaseSerializer]:
        return ArticleListSerializer if self.action == "list" else ArticleDetailSerializer

    @extend_schema(
        parameters=[OpenApiParameter("as", str, enum=["csv", "jsonl"], description="File format (default csv)")],
        responses={(200, "text/csv"): OpenApiTypes.STR, (200, "application/x-ndjson"): OpenApiTypes.STR},
    )
    @action(detail=False, pagination_class=None)
    def export(self, request: Request) -> StreamingHttpResponse:
        """Every filtered article, streamed: CSV of the listing's columns, or JSON Lines with the
        summary and body too. Rows are read with a server-side cursor, never all at once."""
        kind = request.query_params.get("as", "csv")
        if kind not in EXPORTS:
            raise ValidationError({"as": ["One of: csv, jsonl."]})
        queryset = self.filter_queryset(Article.objects.all())
        rows = export_rows(queryset, with_texts=kind == "jsonl")
        content_type, writer = EXPORTS[kind]
        response = StreamingHttpResponse(writer(rows), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="articles.{kind}"'
        return response

    def get_serializer_context(self) -> dict[str, object]:
        """Snippets for the page being shown: computed for its rows only, never for every hit."""
        context = super().get_serializer_context()
        query = self.request.query_params.get("q", "").strip() if self.action == "list" else ""
        page = getattr(self, "_page_ids", None)
        if query and page:
            context["snippets"] = Article.objects.snippets(page, query)
        return context

    def paginate_queryset(self, queryset: QuerySet) -> list[Article] | None:
        page = super().paginate_queryset(queryset)
        self._page_ids = [article.pk for article in page] if page is not None else None
        return page
