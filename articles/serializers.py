from collections.abc import Iterable

from rest_framework import serializers

from articles.managers import LISTED_SOURCE_FIELDS
from articles.models import Article, Removal, Similarity, Source


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = [
            "id",
            "name",
            "slug",
            "aliases",
            "homepage_url",
            "domain",
            "other_domains",
            "kind",
            "country",
            "origin",
            "confirmed",
            "found_from",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["origin", "found_from"]


class SourceBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = list(LISTED_SOURCE_FIELDS)  # all a listing reads of the source (ArticleQuerySet.for_listing)


class ArticlePageSerializer(serializers.ListSerializer):
    """A page of a listing; with a search, each article with the passages of its body that match,
    highlighted for the page's rows only: ts_headline costs too much to run on every hit."""

    def to_representation(self, data: Iterable[Article]) -> list[dict[str, object]]:
        articles = list(data)
        request = self.context.get("request")
        query = request.query_params.get("q", "").strip() if request is not None else ""
        snippets = {}
        if query and articles:
            view = self.context.get("view")
            spellings = view.search_spellings(query) if hasattr(view, "search_spellings") else ()
            snippets = Article.objects.snippets([article.pk for article in articles], query, spellings)
        for article in articles:
            article.snippet = snippets.get(article.pk)
        return super().to_representation(articles)


class ArticleListSerializer(serializers.ModelSerializer):
    """What a listing shows: everything but the texts; with a search, the passage that matched."""

    source = SourceBriefSerializer(read_only=True, allow_null=True)
    snippet = serializers.SerializerMethodField(
        help_text="With `q`: the best passages of the body, matches in <mark>; otherwise null"
    )

    def get_snippet(self, article: Article) -> str | None:
        return getattr(article, "snippet", None)

    class Meta:
        model = Article
        list_serializer_class = ArticlePageSerializer
        fields = [
            "id", "title", "title_derived", "source", "section", "byline", "published_on", "published_precision",
            "published_time", "published_text", "dateline", "url", "language", "article_type", "status", "duplicate_of",
            "origin_name", "created_at", "updated_at", "snippet",
        ]  # fmt: skip


class RemovalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Removal
        fields = ["id", "rule", "text", "note", "body_offset", "restored_at"]


class CopySerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="similar_id")
    title = serializers.CharField(source="similar.title")

    class Meta:
        model = Similarity
        fields = ["id", "title", "jaccard", "containment"]


class ArticleDetailSerializer(ArticleListSerializer):
    """One article in full: texts, what the importer removed, and copies of the same story."""

    removals = RemovalSerializer(many=True, read_only=True)
    copies = CopySerializer(source="similarities", many=True, read_only=True)

    class Meta(ArticleListSerializer.Meta):
        fields = [
            *ArticleListSerializer.Meta.fields, "summary", "author_bio", "body", "encoding", "content_hash",
            "curated_fields", "removals", "copies",
        ]  # fmt: skip


class FacetsSerializer(serializers.Serializer):
    """Counts of articles per value of each facet."""

    source = serializers.ListField(
        child=serializers.DictField(), help_text="source (the slug, as ?source= takes it), name, count (articles)"
    )
    month = serializers.ListField(child=serializers.DictField(), help_text="month (YYYY-MM or null), count (articles)")
    type = serializers.ListField(child=serializers.DictField(), help_text="type (as ?type= takes it), count (articles)")
    status = serializers.ListField(child=serializers.DictField(), help_text="status, count (articles)")
    entity = serializers.ListField(
        child=serializers.DictField(), help_text="entity (the slug, as ?entity= takes it), name, kind, count (articles)"
    )
    event_kind = serializers.ListField(
        child=serializers.DictField(), help_text="kind (as /events/?kind= takes it), count (events)"
    )
    counts = serializers.DictField(
        child=serializers.CharField(), help_text="What each facet counts: articles, or events for event_kind"
    )
    articles = serializers.IntegerField(help_text="How many articles the filters select (exact)")
    sample = serializers.IntegerField(
        allow_null=True,
        help_text="When the set is large: how many of its articles were counted, evenly spaced, and the counts "
        "scaled up to the whole (estimates; event kinds are always exact). Null: every count is exact.",
    )


class FacetParameters(serializers.Serializer):
    top = serializers.IntegerField(default=10, min_value=1, max_value=100, error_messages=dict.fromkeys(
        ["invalid", "min_value", "max_value", "max_string_length"], "A whole number from 1 to 100."))  # fmt: skip
    exact = serializers.BooleanField(default=False, error_messages={"invalid": "true or false."})


class ExportParameters(serializers.Serializer):
    """`as`, a Python keyword, is declared in get_fields."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {
            "as": serializers.ChoiceField(
                choices=["csv", "jsonl"], required=False, error_messages={"invalid_choice": "One of: csv, jsonl."}
            )
        }
