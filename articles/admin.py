from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from articles.curation import CurationConflict, mark_curated, restore_removal
from articles.managers import search_query
from articles.models import Article, Fingerprint, Removal, Similarity, Source
from entities.models import EventEvidence, Mention

# A URL typed without a scheme is taken as https:// (Django 6's default, chosen now).
HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
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


class RemovalInline(admin.TabularInline):
    """What the importer kept out of the body; restore from the Removals list."""

    model = Removal
    fields = ["rule", "text", "note", "body_offset", "restored_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class CopiesInline(admin.TabularInline):
    """Near-duplicates and syndicated copies of this article, most similar first."""

    model = Similarity
    fk_name = "article"
    fields = ["similar", "jaccard", "containment"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "copy of the same story"
    verbose_name_plural = "copies of the same story"

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("similar")


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    history_list_display = ["status"]
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

    def save_model(self, request: HttpRequest, obj: Article, form: object, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change:
            mark_curated(obj, form.changed_data)

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str) -> tuple[QuerySet, bool]:
        """Search the full-text index (title and body) instead of scanning with LIKE."""
        if not search_term.strip():
            return queryset, False
        query = search_query(search_term)
        return queryset.filter(search_vector=query), False


@admin.register(Removal)
class RemovalAdmin(admin.ModelAdmin):
    list_display = ["rule", "text", "article", "note", "restored_at"]
    list_filter = ["rule", ("restored_at", admin.EmptyFieldListFilter)]
    list_select_related = ["article"]
    search_fields = ["text", "article__title"]
    readonly_fields = ["article", "rule", "text", "body_offset", "note", "restored_at", "created_at"]
    actions = ["restore_selected"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Restore the selected text into the article body", permissions=["change"])
    def restore_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        restored = 0
        for removal in queryset.order_by("article_id", "body_offset", "id"):
            try:
                restore_removal(removal)
                restored += 1
            except CurationConflict as exc:
                self.message_user(request, f"{removal}: {exc}", messages.ERROR)
        self.message_user(request, f"Restored {restored} removed passages into their articles.", messages.SUCCESS)


@admin.register(Similarity)
class SimilarityAdmin(admin.ModelAdmin):
    """Pairs of articles that tell the same story; computed on import, read-only."""

    list_display = ["article", "similar", "jaccard", "containment", "created_at"]
    list_select_related = ["article", "similar"]
    search_fields = ["article__title", "similar__title"]
    readonly_fields = ["article", "similar", "jaccard", "containment", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Fingerprint)
class FingerprintAdmin(admin.ModelAdmin):
    """MinHash signatures behind near-duplicate detection; computed on import, read-only."""

    list_display = ["article", "shingle_count"]
    list_select_related = ["article"]
    search_fields = ["article__title"]
    readonly_fields = ["article", "shingle_count", "signature", "bands"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
