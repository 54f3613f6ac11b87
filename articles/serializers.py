from rest_framework import serializers

from articles.models import Article, Source


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = [
            "id",
            "name",
            "slug",
            "homepage_url",
            "domain",
            "kind",
            "country",
            "created_at",
            "updated_at",
        ]


class SourceBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "name", "slug"]


class ArticleListSerializer(serializers.ModelSerializer):
    """What a listing shows: everything but the texts."""

    source = SourceBriefSerializer(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id", "title", "source", "byline", "published_on", "published_precision", "url", "language",
            "article_type", "status", "origin_name", "created_at", "updated_at",
        ]  # fmt: skip


class ArticleDetailSerializer(ArticleListSerializer):
    class Meta(ArticleListSerializer.Meta):
        fields = [*ArticleListSerializer.Meta.fields, "body", "content_hash"]
