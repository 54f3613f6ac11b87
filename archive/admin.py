"""The admin's article page, which spans both apps: the article's text with its entity mentions
marked in place, its mentions and the events it reports, beside what articles/admin.py shows of
it (removals, copies, raw text). Registered in place of the articles app's ArticleAdmin."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from archive.common.admin import admin_link
from archive.reading import marked_body
from articles.admin import ArticleAdmin, CopiesInline, count_of
from articles.models import Article, Similarity
from entities import selectors
from entities.models import Entity, EntityArticle, EventEvidence, Mention
from entities.refresh import refresh_articles


class MentionInline(admin.TabularInline):
    """The article's mentions, their status editable; the entity is a link, so the inline costs one
    query whatever the number of mentions (a widget per row would cost one each)."""

    model = Mention
    fields = ["text", "entity_link", "field", "start_offset", "end_offset", "status"]
    readonly_fields = ["text", "entity_link", "field", "start_offset", "end_offset"]
    extra = 0
    can_delete = False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("entity")

    @admin.display(description="entity")
    def entity_link(self, mention: Mention) -> str:
        return admin_link(mention.entity)

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # mentions come from extraction, anchored to offsets in the body


class EventEvidenceInline(admin.TabularInline):
    """The events this article reports, each with the sentence that says so."""

    model = EventEvidence
    fields = ["event_link", "event_status", "sentence", "start_offset", "end_offset"]
    readonly_fields = fields
    extra = 0
    verbose_name = "event reported"
    verbose_name_plural = "events reported"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("event")

    @admin.display(description="event")
    def event_link(self, evidence: EventEvidence) -> str:
        return admin_link(evidence.event)

    @admin.display(description="status")
    def event_status(self, evidence: EventEvidence) -> str:
        return evidence.event.get_status_display()

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # evidence is anchored to a sentence of the body


admin.site.unregister(Article)


@admin.register(Article)
class ArticlePageAdmin(ArticleAdmin):
    change_form_template = "admin/articles/article/change_form.html"
    list_display = [*ArticleAdmin.list_display[:4], "entity_count", *ArticleAdmin.list_display[4:]]
    # The removals are listed under the text, restorable: not a second time as an inline.
    inlines = [MentionInline, EventEvidenceInline, CopiesInline]

    def get_inline_instances(self, request: HttpRequest, obj: Article | None = None) -> list:
        """No empty "copies" table for an article that has none."""
        instances = super().get_inline_instances(request, obj)
        if obj is None or not Similarity.objects.filter(article=obj).exists():
            instances = [inline for inline in instances if not isinstance(inline, CopiesInline)]
        return instances

    actions = [*ArticleAdmin.actions[:2], "extract_again", *ArticleAdmin.actions[2:]]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if self.is_changelist(request):
            queryset = queryset.annotate(entity_count=count_of(EntityArticle, "article"))
        return queryset

    @admin.display(description="entities", ordering="entity_count")
    def entity_count(self, article: Article) -> int:
        return article.entity_count

    def render_change_form(
        self, request: HttpRequest, context: dict, add: bool = False, change: bool = False, form_url: str = "",
        obj: Article | None = None,
    ) -> HttpResponse:  # fmt: skip
        """The page opens on the text to read: mentions marked by kind, each one a click away from
        confirming, rejecting or opening its entity; under it what the importer removed, restorable,
        and a link to the file as imported."""
        if obj is not None:
            mentions = Mention.objects.filter(article=obj).select_related("entity")
            context |= {
                "reading": marked_body(obj.body, mentions),
                "entity_kinds": Entity.Kind.choices,
                "can_change_mentions": request.user.has_perm("entities.change_mention"),
                "removals": obj.removals.filter(restored_at__isnull=True),
                "raw_url": reverse("admin:articles_article_raw", args=[obj.pk]),
                "can_restore": request.user.has_perm("articles.change_article"),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str) -> tuple[QuerySet, bool]:
        """The full-text search, a name in it also by the other spellings curators gave its entity, in
        the articles that mention it (as the API's `q`); the list keeps its own ordering."""
        if not search_term.strip():
            return queryset, False
        return selectors.searched(queryset, search_term), False

    @admin.action(description="Find entities and events in the selected articles again", permissions=["change"])
    def extract_again(self, request: HttpRequest, queryset: QuerySet) -> None:
        result = refresh_articles(Article.objects.filter(pk__in=queryset.values("pk")))
        mentions, events = result.extraction, result.detection
        self.message_user(
            request,
            f"Extracted {mentions.articles} articles again: {mentions.created} mentions added, {mentions.deleted} "
            f"removed; {events.proposed} events proposed.",
            messages.SUCCESS,
        )
