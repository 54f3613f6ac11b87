from django.db.models import QuerySet
from rest_framework import viewsets
from rest_framework.serializers import BaseSerializer

from articles.filters import ArticleFilter, SourceFilter
from articles.models import Article, Source
from articles.serializers import ArticleDetailSerializer, ArticleListSerializer, SourceSerializer


class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    ordering_fields = ["name", "created_at"]
    ordering = ["name"]


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Article.objects.all()
    filterset_class = ArticleFilter
    ordering_fields = ["published_on", "created_at", "title", "id"]
    ordering = ["-published_on"]

    def get_queryset(self) -> QuerySet:
        if self.action == "list":
            return Article.objects.for_listing()
        return Article.objects.for_detail()

    def get_serializer_class(self) -> type[BaseSerializer]:
        return ArticleListSerializer if self.action == "list" else ArticleDetailSerializer
