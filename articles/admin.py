from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from archive.common.admin import HistoryAdmin, LoggedActions, admin_link
from articles.curation import CurationConflict, mark_curated, restore_removal, set_status
from articles.exports import csv_lines, export_rows
from articles.managers import TEXT_FIELDS, search_query
from articles.models import Article, Fingerprint, Removal, Similarity, Source
from articles.sources import confirm_sources

# A URL typed without a scheme is taken as https:// (Django 6's default, chosen now).
HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    """Outlets: from the outlets file, created by curators, or found by the importer and waiting to be
    confirmed (filter "confirmed: No"), by the action or by editing one."""

    list_display = ["name", "kind", "country", "domain", "origin", "confirmed", "article_count"]
    list_filter = ["confirmed", "origin", "kind", "country"]
    search_fields = ["name", "domain", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["origin", "found_from", "created_at", "updated_at"]
    formfield_overrides = HTTPS_URL_FIELDS
    actions = ["confirm"]

    @admin.action(description="Confirm the selected outlets", permissions=["change"])
    def confirm(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = confirm_sources(queryset, acting_user=request.user)
        self.message_user(request, f"Confirmed {count} outlets.", messages.SUCCESS)

    def save_model(self, request: HttpRequest, obj: Source, form: object, change: bool) -> None:
        obj.confirmed = True  # a curator who saves an outlet vouches for it
        super().save_model(request, obj, form, change)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_article_counts()

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, source: Source) -> int:
        return source.article_count


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


class SimilarityScores:
    """The two scores of a pair, as a reader compares them: two decimals, not seventeen."""

    @admin.display(description="Jaccard", ordering="jaccard")
    def jaccard_score(self, similarity: Similarity) -> str:
        return f"{similarity.jaccard:.2f}"

    @admin.display(description="containment", ordering="containment")
    def containment_score(self, similarity: Similarity) -> str:
        return f"{similarity.containment:.2f}"


class CopiesInline(SimilarityScores, admin.TabularInline):
    """Near-duplicates and syndicated copies of this article, most similar first; not shown at all
    for an article that has none."""

    model = Similarity
    fk_name = "article"
    fields = ["similar_link", "jaccard_score", "containment_score"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "copy of the same story"
    verbose_name_plural = "copies of the same story"

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super().get_queryset(request).select_related("similar").defer(*(f"similar__{name}" for name in TEXT_FIELDS))
        )

    @admin.display(description="copy")
    def similar_link(self, similarity: Similarity) -> str:
        return admin_link(similarity.similar)


class CopiesFilter(admin.SimpleListFilter):
    title = "copies"
    parameter_name = "copies"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", "Has copies"), ("no", "No copies")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        copies = Exists(Similarity.objects.filter(article=OuterRef("pk")))
        if self.value() == "yes":
            return queryset.filter(copies)
        if self.value() == "no":
            return queryset.filter(~copies)
        return queryset


@admin.register(Article)
class ArticleAdmin(HistoryAdmin):
    """Articles by their own fields. The admin shows them with their mentions and events
    (archive/admin.py), which registers its ArticlePageAdmin in this one's place."""

    history_list_display = ["status"]
    list_display = ["title", "source", "publication", "status", "copy_count", "article_type", "language"]
    # Sources that have articles only: the outlet file knows hundreds that this archive may never hold.
    list_filter = ["status", "article_type", "published_precision", "language", CopiesFilter,
                   ("source", admin.RelatedOnlyFieldListFilter)]  # fmt: skip
    list_select_related = ["source"]
    date_hierarchy = "published_on"
    search_fields = ["title"]
    search_help_text = 'Words from the title, summary or body; web-search syntax: "exact phrase", -exclude, or'
    autocomplete_fields = ["source", "duplicate_of"]
    readonly_fields = ["content_hash", "text_hash", "origin_name", "encoding", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "source", "byline", "url", "status"]}),
        ("Publication", {"fields": ["published_on", "published_precision", "article_type", "language"]}),
        ("Text", {"fields": ["summary", "body"], "classes": ["collapse"]}),
        (
            "Provenance",
            {
                "fields": ["origin_name", "encoding", "content_hash", "text_hash", "duplicate_of", "created_at",
                           "updated_at"],
                "classes": ["collapse"],
            },
        ),
    ]  # fmt: skip
    inlines = [RemovalInline, CopiesInline]
    actions = ["mark_reviewed", "mark_rejected", "export_csv"]
    formfield_overrides = HTTPS_URL_FIELDS

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if self.is_changelist(request):
            queryset = queryset.defer(*TEXT_FIELDS).annotate(copy_count=count_of(Similarity, "article"))
        return queryset.defer("raw_text", "search_vector")

    @staticmethod
    def is_changelist(request: HttpRequest) -> bool:
        return bool(request.resolver_match) and request.resolver_match.url_name == "articles_article_changelist"

    @admin.display(description="published", ordering="published_on")
    def publication(self, article: Article) -> str:
        if article.published_on is None:
            return "undated"
        return f"{article.published_on:%Y-%m-%d} ({article.get_published_precision_display().lower()})"

    @admin.display(description="copies", ordering="copy_count")
    def copy_count(self, article: Article) -> int:
        return article.copy_count

    def save_model(self, request: HttpRequest, obj: Article, form: object, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change:
            mark_curated(obj, form.changed_data)

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str) -> tuple[QuerySet, bool]:
        """Search the full-text index (title, summary and body) instead of scanning with LIKE."""
        if not search_term.strip():
            return queryset, False
        query = search_query(search_term)
        return queryset.filter(search_vector=query), False

    def get_urls(self) -> list:
        raw = path("<int:pk>/raw/", self.admin_site.admin_view(self.raw_text_view), name="articles_article_raw")
        return [raw, *super().get_urls()]

    def raw_text_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The file as it was imported, before any cleaning, as plain text."""
        article = get_object_or_404(Article.objects.only("raw_text"), pk=pk)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        return HttpResponse(article.raw_text, content_type="text/plain; charset=utf-8")

    @admin.action(description="Mark the selected articles reviewed", permissions=["change"])
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = set_status(queryset, Article.Status.REVIEWED, acting_user=request.user)
        self.message_user(request, f"Marked {count} articles reviewed.", messages.SUCCESS)

    @admin.action(description="Mark the selected articles rejected", permissions=["change"])
    def mark_rejected(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = set_status(queryset, Article.Status.REJECTED, acting_user=request.user)
        self.message_user(request, f"Marked {count} articles rejected.", messages.SUCCESS)

    @admin.action(description="Export the selected articles as CSV", permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet) -> StreamingHttpResponse:
        rows = export_rows(Article.objects.filter(pk__in=queryset.values("pk")).order_by("pk"), with_texts=False)
        response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="articles.csv"'
        return response


def count_of(model: type[models.Model], field: str) -> Subquery:
    """How many `model` rows point at each article: a subquery per row shown, not a join of every row."""
    rows = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("*"))
    return Coalesce(Subquery(rows.values("n")), 0)


@admin.register(Removal)
class RemovalAdmin(LoggedActions, admin.ModelAdmin):
    list_display = ["rule", "text", "article", "note", "restored_at"]
    list_filter = ["rule", ("restored_at", admin.EmptyFieldListFilter)]
    list_select_related = ["article"]
    search_fields = ["text", "article__title"]
    readonly_fields = ["article", "rule", "text", "body_offset", "note", "restored_at", "created_at"]
    actions = ["restore_selected"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def get_urls(self) -> list:
        view = self.admin_site.admin_view(require_POST(self.restore_view))
        return [path("<int:pk>/restore/", view, name="articles_removal_restore"), *super().get_urls()]

    def restore_view(self, request: HttpRequest, pk: int) -> HttpResponseRedirect:
        """Restore one removal from the article page, then go back to it."""
        removal = get_object_or_404(Removal, pk=pk)
        if not self.has_change_permission(request, removal):
            raise PermissionDenied
        try:
            restore_removal(removal, acting_user=request.user)
            self.message_user(request, f"Restored “{removal.text[:60]}” into the body.", messages.SUCCESS)
        except CurationConflict as exc:
            self.message_user(request, f"{removal}: {exc}", messages.ERROR)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[removal.article_id]))

    @admin.action(description="Restore the selected text into the article body", permissions=["change"])
    def restore_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        restored = 0
        for removal in queryset.order_by("article_id", "body_offset", "id"):
            try:
                restore_removal(removal, acting_user=request.user)
                restored += 1
            except CurationConflict as exc:
                self.message_user(request, f"{removal}: {exc}", messages.ERROR)
        self.message_user(request, f"Restored {restored} removed passages into their articles.", messages.SUCCESS)


@admin.register(Similarity)
class SimilarityAdmin(SimilarityScores, admin.ModelAdmin):
    """Pairs of articles that tell the same story; computed on import, read-only."""

    list_display = ["article", "similar", "jaccard_score", "containment_score", "created_at"]
    list_select_related = ["article", "similar"]
    search_fields = ["article__title", "similar__title"]
    readonly_fields = ["article", "similar", "jaccard_score", "containment_score", "created_at"]
    fields = readonly_fields

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
