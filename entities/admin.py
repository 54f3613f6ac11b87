from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from entities.models import Alias, Entity, Event, EventEvidence, EventParticipant, Mention


class AliasInline(admin.TabularInline):
    model = Alias
    fields = ["name", "folded"]
    readonly_fields = ["folded"]
    extra = 1


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "wikidata_id", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "aliases__name", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at"]
    inlines = [AliasInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_article_counts()

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, entity: Entity) -> int:
        return entity.article_count


@admin.register(Alias)
class AliasAdmin(admin.ModelAdmin):
    list_display = ["name", "entity", "folded"]
    list_select_related = ["entity"]
    list_filter = ["entity__kind"]
    search_fields = ["name", "folded", "entity__name"]
    autocomplete_fields = ["entity"]
    readonly_fields = ["folded"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "entity", "article", "start_offset", "end_offset", "status"]
    list_filter = ["status", "entity__kind"]
    list_select_related = ["entity", "article"]
    search_fields = ["text", "entity__name"]
    autocomplete_fields = ["article", "entity"]
    readonly_fields = ["created_at", "updated_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: Mention | None = None) -> list[str]:
        """Once saved, a mention stays anchored: its text and offsets are provenance, not opinion."""
        anchored = ["article", "text", "start_offset", "end_offset"] if obj else []
        return [*anchored, *self.readonly_fields]


class ParticipantInline(admin.TabularInline):
    model = EventParticipant
    autocomplete_fields = ["entity"]
    extra = 1


class EvidenceInline(admin.TabularInline):
    model = EventEvidence
    fields = ["article", "sentence", "start_offset", "end_offset"]
    autocomplete_fields = ["article"]
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "start_date", "start_precision", "end_date", "location", "status"]
    list_filter = ["status", "kind", "start_precision"]
    list_select_related = ["location"]
    date_hierarchy = "start_date"
    search_fields = ["title", "summary"]
    autocomplete_fields = ["location"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ParticipantInline, EvidenceInline]


@admin.register(EventParticipant)
class EventParticipantAdmin(admin.ModelAdmin):
    list_display = ["event", "entity", "role"]
    list_filter = ["role", "entity__kind"]
    list_select_related = ["event", "entity"]
    search_fields = ["event__title", "entity__name"]
    autocomplete_fields = ["event", "entity"]


@admin.register(EventEvidence)
class EventEvidenceAdmin(admin.ModelAdmin):
    list_display = ["event", "article", "start_offset", "end_offset"]
    list_select_related = ["event", "article"]
    search_fields = ["event__title", "article__title", "sentence"]
    autocomplete_fields = ["event", "article"]
    readonly_fields = ["created_at"]
