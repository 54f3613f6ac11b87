from django.contrib import admin
from django.contrib.postgres.search import SearchQuery
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from articles.models import SEARCH_CONFIG, Article, Source
from entities.models import EventEvidence, Mention

# A URL typed without a scheme is taken as https:// (Django 6's default, chosen now).
HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "domain", "article_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "domain", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    formfield_overrides = HTTPS_URL_FIELDS

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_article_counts()

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, source: Source) -> int:
        return source.article_count


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ["text", "entity", "start_offset", "end_offset", "status"]
    readonly_fields = ["text", "start_offset", "end_offset"]
    autocomplete_fields = ["entity"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # mentions come from extraction, anchored to offsets in the body


class EventEvidenceInline(admin.TabularInline):
    model = EventEvidence
    fields = ["event", "sentence", "start_offset", "end_offset"]
    readonly_fields = ["sentence", "start_offset", "end_offset"]
    autocomplete_fields = ["event"]
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # evidence is anchored to a sentence of the body


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "source",
        "published_on",
        "published_precision",
        "article_type",
        "status",
        "language",
    ]
    list_filter = ["status", "article_type", "published_precision", "language", "source"]
    list_select_related = ["source"]
    date_hierarchy = "published_on"
    search_fields = ["title"]
    search_help_text = 'Words from the title or body; web-search syntax: "exact phrase", -exclude, or'
    autocomplete_fields = ["source"]
    readonly_fields = ["content_hash", "origin_name", "raw_text", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "source", "byline", "url", "status"]}),
        ("Publication", {"fields": ["published_on", "published_precision", "article_type", "language"]}),
        ("Text", {"fields": ["body"]}),
        (
            "Provenance",
            {
                "fields": ["origin_name", "content_hash", "created_at", "updated_at", "raw_text"],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [MentionInline, EventEvidenceInline]
    formfield_overrides = HTTPS_URL_FIELDS

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).defer("raw_text", "body", "search_vector")

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str) -> tuple[QuerySet, bool]:
        """Search the full-text index (title and body) instead of scanning with LIKE."""
        if not search_term.strip():
            return queryset, False
        query = SearchQuery(search_term, search_type="websearch", config=SEARCH_CONFIG)
        return queryset.filter(search_vector=query), False
