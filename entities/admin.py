from django import forms
from django.contrib import admin, messages
from django.db.models import Count, F, Q, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import pluralize
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.views.decorators.http import require_POST

from archive.common.admin import HistoryAdmin, LoggedActions, admin_link
from articles.managers import TEXT_FIELDS
from entities import curation, event_curation, identity
from entities.event_records import SOURCED_FIELDS, curator_set_fields
from entities.models import (
    Alias,
    Candidate,
    CandidateOccurrence,
    Distinction,
    Entity,
    EntityArticle,
    EntityMerge,
    Event,
    EventEvidence,
    EventParticipant,
    EvidenceRejection,
    Mention,
)
from entities.selectors import corroborate_events
from entities.taxonomy import codes_for

PROVENANCE = ["origin", "asserted_by", "asserted_at", "source_note"]
PAGE_ROWS = 25  # rows of a list shown inside an object's page


class AliasInline(admin.TabularInline):
    model = Alias
    fields = ["name", "case_sensitive", "folded", "origin", "asserted_by"]
    readonly_fields = ["folded", "origin", "asserted_by"]
    extra = 1


@admin.register(Entity)
class EntityAdmin(HistoryAdmin):
    list_display = ["name", "kind", "country", "role", "wikidata_id", "article_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "slug", "aliases__name", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at", "merges", "not_the_same", "its_articles", "its_events",
                       "co_mentioned"]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "description", "role", "country", "wikidata_id"]}),
        ("In the archive", {"fields": ["its_articles", "its_events", "co_mentioned"]}),
        ("Who is who", {"fields": ["merges", "not_the_same"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [AliasInline]
    actions = ["merge_selected", "mark_not_the_same"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_article_counts()

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, entity: Entity) -> int:
        return entity.article_count

    @admin.action(description="Merge the selected entities…", permissions=["delete"])
    def merge_selected(self, request: HttpRequest, queryset: QuerySet) -> TemplateResponse | None:
        """A confirmation page first: what each entity would move, a choice of survivor (the most
        mentioned by default) and a reason; a pair said not to be the same is refused there."""
        entities = sorted(queryset, key=lambda entity: (-entity.article_count, entity.created_at, entity.pk))
        if len(entities) < 2:
            self.message_user(request, "Select at least two entities to merge.", messages.WARNING)
            return None
        refusal = identity.refusal(entities)
        if request.POST.get("confirmed") and refusal is None:
            chosen = request.POST.get("survivor", "")
            survivor = next((entity for entity in entities if str(entity.pk) == chosen), entities[0])
            others = [entity for entity in entities if entity.pk != survivor.pk]
            report = identity.merge_entities(
                survivor, others, acting_user=request.user, reason=request.POST.get("reason", "")
            )
            self.message_user(
                request,
                f"Merged {', '.join(report.merged)} into {survivor.name}: {report.mentions} mentions and "
                f"{report.participations} event roles moved, {report.aliases} aliases added. Undo it from "
                f"{survivor.name}'s page.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge entities?",
            "opts": self.model._meta,
            "entities": entities,
            "previews": identity.preview(entities),
            "refusal": refusal,
            "selected": [entity.pk for entity in entities],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/entities/entity/merge_confirmation.html", context)

    @admin.action(description="Mark the two selected entities as not the same…", permissions=["change"])
    def mark_not_the_same(self, request: HttpRequest, queryset: QuerySet) -> TemplateResponse | None:
        """Asks for the reason first; then merges of the pair are refused."""
        pair = list(queryset[:3])
        if len(pair) != 2:
            self.message_user(request, "Select exactly two entities.", messages.WARNING)
            return None
        reason = " ".join(request.POST.get("reason", "").split())
        if request.POST.get("confirmed") and reason:
            decision, created = identity.mark_distinct(*pair, reason=reason, acting_user=request.user)
            said = "Recorded" if created else "Already recorded"
            self.message_user(request, f"{said}: {decision}. They will not be merged.", messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Not the same?",
            "opts": self.model._meta,
            "pair": pair,
            "missing_reason": bool(request.POST.get("confirmed")),
            "selected": [entity.pk for entity in pair],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/entities/entity/not_the_same.html", context)

    @admin.display(description="Articles")
    def its_articles(self, entity: Entity) -> str:
        """The newest articles that mention it, with how many times each does (one query)."""
        if not entity.pk:
            return "—"
        links = list(
            EntityArticle.objects.filter(entity=entity)
            .select_related("article")
            .only("mentions", "published_on", "article__id", "article__title")
            .order_by(F("published_on").desc(nulls_last=True), "-article_id")[: PAGE_ROWS + 1]
        )
        if not links:
            return "No article mentions it."
        rows = format_html_join(
            "", "<li>{} · {} · {} mention{}</li>",
            ((admin_link(link.article), link.published_on or "undated", link.mentions, pluralize(link.mentions))
             for link in links[:PAGE_ROWS]),
        )  # fmt: skip
        more = format_html(
            '<p><a href="/api/v1/articles/?entity={}">All its articles ›</a></p>', entity.slug
        ) if len(links) > PAGE_ROWS else ""  # fmt: skip
        return format_html('<ul class="entity-articles">{}</ul>{}', rows, more)

    @admin.display(description="Events")
    def its_events(self, entity: Entity) -> str:
        """The events it takes part in or that took place there, newest first (one query)."""
        if not entity.pk:
            return "—"
        events = list(
            Event.objects.filter(Q(participations__entity=entity) | Q(location=entity))
            .distinct()
            .only("id", "title", "status", "start_date", "start_precision", "end_date", "end_precision")
            .order_by(F("start_date").desc(nulls_last=True), "-id")[:PAGE_ROWS]
        )
        if not events:
            return "No event names it."
        return format_html_join(
            "", "<p>{} · {} · {}</p>",
            ((admin_link(event), event.dates_text, event.get_status_display()) for event in events),
        )  # fmt: skip

    @admin.display(description="Mentioned with")
    def co_mentioned(self, entity: Entity) -> str:
        """The entities most often mentioned in the same articles (two queries)."""
        rows = Entity.objects.co_mentions(entity, limit=15) if entity.pk else []
        if not rows:
            return "—"
        return format_html_join(", ", "{} ({})", ((admin_link(row["entity"]), row["articles"]) for row in rows))

    @admin.display(description="Merges")
    def merges(self, entity: Entity) -> str:
        rows = list(EntityMerge.objects.of_entity(entity.pk).for_reading()) if entity.pk else []
        if not rows:
            return "None"
        return format_html_join(
            "",
            "<p>{}</p>",
            ((merge_line(merge),) for merge in rows),
        )

    @admin.display(description="Not the same as")
    def not_the_same(self, entity: Entity) -> str:
        if not entity.pk:
            return "Nobody said"
        decisions = Distinction.objects.involving(entity).select_related("entity", "other")
        lines = [
            (decision.name or (decision.other if decision.entity_id == entity.pk else decision.entity), decision.reason)
            for decision in decisions
        ]
        return format_html_join("", "<p>{}: {}</p>", lines) if lines else "Nobody said"


def merge_line(merge: EntityMerge) -> SafeString:
    """One merge, for an entity's page: what, who, when, why, and a link to undo or see it."""
    link = admin_link(merge)
    who = merge.merged_by.get_username() if merge.merged_by else "the machine"
    state = "standing" if merge.standing else f"undone {merge.undone_at:%Y-%m-%d}"
    return format_html(
        "{} · by {} on {} · {} rows · {}{}", link, who, f"{merge.merged_at:%Y-%m-%d %H:%M}", merge.rows, state,
        f" · “{merge.reason}”" if merge.reason else "",
    )  # fmt: skip


@admin.register(EntityMerge)
class EntityMergeAdmin(LoggedActions, admin.ModelAdmin):
    """Merges as records: each with what it changed; undone from here."""

    list_display = ["__str__", "merged_by", "merged_at", "standing", "rows", "undone_at"]
    list_filter = [("undone_at", admin.EmptyFieldListFilter)]
    search_fields = ["survivor_name", "merged_name", "reason"]
    readonly_fields = [
        "survivor_id", "survivor_name", "merged_id", "merged_name", "reason", "merged_by", "merged_at",
        "undone_by", "undone_at", "undo_reason", "changed_rows",
    ]  # fmt: skip
    fields = readonly_fields
    actions = ["unmerge_selected"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).for_reading()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # a merge is undone, never forgotten

    @admin.display(boolean=True)
    def standing(self, merge: EntityMerge) -> bool:
        return merge.standing

    @admin.display(description="rows changed", ordering="rows")
    def rows(self, merge: EntityMerge) -> int:
        return merge.rows

    @admin.display(description="What it changed")
    def changed_rows(self, merge: EntityMerge) -> str:
        counts = merge.changes.values("table", "action").annotate(n=Count("id")).order_by("table", "action")
        return format_html_join(
            "", "<p>{} {} {}</p>", ((row["action"], row["n"], row["table"].split(".")[1]) for row in counts)
        )

    @admin.action(description="Undo the selected merges (unmerge)", permissions=["change"])
    def unmerge_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        for merge in queryset.order_by("-merged_at", "-id"):  # the newest first: a later merge may hold the survivor
            try:
                report = identity.unmerge(merge, acting_user=request.user)
            except identity.CannotUnmerge as exc:
                self.message_user(request, f"{merge}: not undone: {exc}.", messages.ERROR)
                continue
            kept = f" Kept as curated since: {'; '.join(report.kept)}." if report.kept else ""
            self.message_user(request, f"Undid “{merge}”: {report.restored} rows put back.{kept}", messages.SUCCESS)


class DistinctionForm(forms.ModelForm):
    """The pair in the order the database keeps it (the lower id first), whichever way it was
    entered, and what is wrong with it said in words rather than as a constraint's name."""

    class Meta:
        model = Distinction
        fields = ["entity", "other", "name", "reason"]

    def clean(self) -> dict:
        data = super().clean()
        entity, other = data.get("entity"), data.get("other")
        if entity is None:
            return data
        problem = identity.distinction_problem(entity, other, data.get("name") or "")
        if problem is not None:
            self.add_error(*problem)
        elif other is not None and other.pk < entity.pk:
            data["entity"], data["other"] = other, entity
        return data


@admin.register(Distinction)
class DistinctionAdmin(HistoryAdmin):
    list_display = ["entity", "other", "name", "reason", "decided_by", "decided_at"]
    list_select_related = ["entity", "other", "decided_by"]
    search_fields = ["entity__name", "other__name", "name", "reason"]
    autocomplete_fields = ["entity", "other"]
    readonly_fields = ["decided_by", "decided_at"]
    form = DistinctionForm

    def save_model(self, request: HttpRequest, obj: Distinction, form: object, change: bool) -> None:
        """A new decision is recorded as the API and the entity list record it (identity), so that a
        name said not to be an entity has its open alias proposals dismissed here too."""
        if change:
            obj.decided_by = request.user
            super().save_model(request, obj, form, change)
            return
        decision, _ = identity.record_distinction(obj, acting_user=request.user)
        obj.pk, obj._state.adding = decision.pk, False


@admin.register(Alias)
class AliasAdmin(HistoryAdmin):
    list_display = ["name", "entity", "folded", "origin", "asserted_by"]
    list_select_related = ["entity", "asserted_by"]
    list_filter = ["origin", "entity__kind"]
    search_fields = ["name", "folded", "entity__name"]
    autocomplete_fields = ["entity"]
    readonly_fields = ["folded", "origin", "asserted_by", "asserted_at"]


@admin.register(Mention)
class MentionAdmin(HistoryAdmin):
    history_list_display = ["status"]
    list_display = ["text", "entity", "article", "start_offset", "end_offset", "status", "origin"]
    list_filter = ["status", "origin", "entity__kind"]
    list_select_related = ["entity", "article"]
    search_fields = ["text", "entity__name"]
    autocomplete_fields = ["article", "entity"]
    readonly_fields = ["origin", "asserted_by", "asserted_at", "created_at", "updated_at"]
    actions = ["confirm_selected", "reject_selected", "add_alias_from_selected"]

    @admin.action(description="Confirm the selected mentions", permissions=["change"])
    def confirm_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = curation.set_mention_status(queryset, Mention.Status.CONFIRMED, acting_user=request.user)
        self.message_user(request, f"Confirmed {count} mentions.", messages.SUCCESS)

    @admin.action(description="Reject the selected mentions", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = curation.set_mention_status(queryset, Mention.Status.REJECTED, acting_user=request.user)
        self.message_user(request, f"Rejected {count} mentions.", messages.SUCCESS)

    def has_add_alias_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("entities.add_alias")

    @admin.action(description="Add the selected mentions' text as aliases of their entities", permissions=["add_alias"])
    def add_alias_from_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        results = [curation.alias_from_mention(mention, acting_user=request.user) for mention in queryset]
        added = [alias.name for alias, created in results if created]
        self.message_user(request, f"Added {len(added)} aliases: {', '.join(added) or 'none new'}.", messages.SUCCESS)

    def get_urls(self) -> list:
        view = self.admin_site.admin_view(require_POST(self.set_status_view))
        return [path("<int:pk>/status/", view, name="entities_mention_set_status"), *super().get_urls()]

    def set_status_view(self, request: HttpRequest, pk: int) -> JsonResponse:
        """Confirm or reject one mention from the article page (a click on the marked text)."""
        mention = get_object_or_404(Mention, pk=pk)
        if not self.has_change_permission(request, mention):
            return JsonResponse({"error": "You may not change mentions."}, status=403)
        status = request.POST.get("status")
        if status not in {Mention.Status.CONFIRMED, Mention.Status.REJECTED}:
            return JsonResponse({"error": "status must be confirmed or rejected."}, status=400)
        curation.set_mention_status([mention], status, acting_user=request.user)
        return JsonResponse({"id": mention.pk, "status": status})

    def get_readonly_fields(self, request: HttpRequest, obj: Mention | None = None) -> list[str]:
        """Once saved, a mention stays anchored: its text and offsets are provenance, not opinion."""
        anchored = ["article", "text", "start_offset", "end_offset"] if obj else []
        return [*anchored, *self.readonly_fields]


class ParticipantInline(admin.TabularInline):
    """The event's participants: role editable, entity a link (one query however many there are)."""

    model = EventParticipant
    fields = ["entity_link", "role", *PROVENANCE]
    readonly_fields = ["entity_link", "origin", "asserted_by", "asserted_at"]
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # through NewParticipantInline, which has the autocomplete

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("entity", "asserted_by")

    @admin.display(description="entity")
    def entity_link(self, participation: EventParticipant) -> str:
        return admin_link(participation.entity)


class NewParticipantFormSet(BaseInlineFormSet):
    """Blank forms only, under their own prefix beside ParticipantInline's."""

    @classmethod
    def get_default_prefix(cls) -> str:
        return "new_participations"

    def get_queryset(self) -> QuerySet:
        return self.model.objects.none()


class NewParticipantInline(admin.TabularInline):
    """Adding participants, the entity chosen with autocomplete."""

    model = EventParticipant
    formset = NewParticipantFormSet
    fields = ["entity", "role", "source_note"]
    autocomplete_fields = ["entity"]
    extra = 1
    can_delete = False
    verbose_name = "new participant"
    verbose_name_plural = "add participants"


class EvidenceInline(admin.TabularInline):
    """The articles that report the event: read-only, anchored to their sentences (add evidence from
    the Event evidence list). A link per row, so the page costs the same however many there are."""

    model = EventEvidence
    fields = ["article_link", "sentence", "status", "origin", "asserted_by", "asserted_at"]
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .select_related("article", "asserted_by")
            .defer(*(f"article__{name}" for name in TEXT_FIELDS))
        )

    @admin.display(description="article")
    def article_link(self, evidence: EventEvidence) -> str:
        return admin_link(evidence.article)


class EventForm(forms.ModelForm):
    source_note = forms.CharField(
        required=False,
        max_length=300,
        help_text="Where the values you change here come from, when the articles do not say them",
    )

    class Meta:
        model = Event
        fields = [
            "title", "kind", "cameo_code", "plover_type", "start_date", "start_precision", "end_date", "end_precision",
            "location", "summary", "status",
        ]  # fmt: skip


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    history_list_display = ["status"]
    # Seven columns: the kind with its CAMEO code, the dates as precisely as known, so that the title
    # keeps room and status, origin and evidence stay on screen at 1000 pixels.
    list_display = ["title", "kind_and_code", "dates", "location", "status", "origin", "evidence_count"]
    list_filter = ["status", "origin", "kind", "start_precision"]
    list_select_related = ["location"]
    date_hierarchy = "start_date"
    search_fields = ["title", "summary"]
    autocomplete_fields = ["location"]
    readonly_fields = ["origin", "field_sources", "corroboration", "created_at", "updated_at"]
    form = EventForm
    inlines = [ParticipantInline, NewParticipantInline, EvidenceInline]
    actions = ["confirm_selected", "reject_selected", "merge_selected"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(evidence_count=Count("evidence"))

    @admin.display(description="kind", ordering="kind")
    def kind_and_code(self, event: Event) -> str:
        return f"{event.get_kind_display()} ({event.cameo_code})" if event.cameo_code else event.get_kind_display()

    @admin.display(description="dates", ordering="start_date")
    def dates(self, event: Event) -> str:
        return event.dates_text

    @admin.display(description="evidence", ordering="evidence_count")
    def evidence_count(self, event: Event) -> int:
        return event.evidence_count

    def save_model(self, request: HttpRequest, obj: Event, form: object, change: bool) -> None:
        obj.cameo_code, obj.plover_type = codes_for(obj.kind, cameo=obj.cameo_code, plover=obj.plover_type)
        super().save_model(request, obj, form, change)
        changed = form.changed_data if change else SOURCED_FIELDS
        curator_set_fields(obj, changed, acting_user=request.user, note=form.cleaned_data.get("source_note", ""))

    @admin.display(description="where each field comes from")
    def field_sources(self, event: Event) -> str:
        """Who asserted each field: the machine's reading (the words and the article), a data file (with a
        note for what the articles do not say) or the curator who set it."""
        if not event.pk:
            return "–"
        rows = event.field_sources.select_related("asserted_by", "article").only(
            "field", "origin", "asserted_at", "phrase", "source_note", "event_id", "asserted_by__username",
            "article__title",
        )  # fmt: skip
        cells = (
            (
                source.get_field_display(),
                source.asserted_by.username if source.asserted_by else source.get_origin_display(),
                f"{source.asserted_at:%Y-%m-%d %H:%M}",
                f"“{source.phrase}” in {source.article.title}" if source.phrase and source.article else "–",
                source.source_note or "–",
            )
            for source in rows
        )
        return format_html(
            '<table class="field-sources"><tr><th>field</th><th>asserted by</th><th>when</th><th>read from</th>'
            "<th>note</th></tr>{}</table>",
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", cells),
        )

    @admin.display(description="corroboration")
    def corroboration(self, event: Event) -> str:
        """The reports of the event as the API and the timeline show them: independent reports, outlets,
        first and last report, and where the reports disagree (read from their sentences)."""
        if not event.pk:
            return "–"
        [read] = Event.objects.for_api().filter(pk=event.pk)
        corroborate_events([read])
        return render_to_string("entities/corroboration.html", {"c": read.corroboration})

    @admin.action(description="Confirm the selected events", permissions=["change"])
    def confirm_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = event_curation.set_event_status(queryset, Event.Status.CONFIRMED, acting_user=request.user)
        self.message_user(request, f"Confirmed {count} events.", messages.SUCCESS)

    @admin.action(description="Reject the selected events", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = event_curation.set_event_status(queryset, Event.Status.REJECTED, acting_user=request.user)
        self.message_user(request, f"Rejected {count} events; detection will not propose them again.")

    @admin.action(description="Merge the selected events into the best evidenced one", permissions=["delete"])
    def merge_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        events = sorted(queryset, key=lambda e: (e.status != Event.Status.CONFIRMED, -e.evidence_count, e.pk))
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return
        merged = event_curation.merge_events(events[0], events[1:], acting_user=request.user)
        self.message_user(request, f"Merged {merged} events into “{events[0].title}”.", messages.SUCCESS)


@admin.register(EventParticipant)
class EventParticipantAdmin(HistoryAdmin):
    list_display = ["event", "entity", "role", "origin", "asserted_by"]
    list_filter = ["role", "origin", "entity__kind"]
    list_select_related = ["event", "entity"]
    search_fields = ["event__title", "entity__name"]
    autocomplete_fields = ["event", "entity"]


@admin.register(EventEvidence)
class EventEvidenceAdmin(HistoryAdmin):
    list_display = ["event", "article", "sentence", "status", "origin", "asserted_by"]
    list_filter = ["status", "origin"]
    actions = ["accept_selected", "reject_selected"]
    list_select_related = ["event", "article", "asserted_by"]
    search_fields = ["event__title", "article__title", "sentence"]
    autocomplete_fields = ["event", "article"]
    readonly_fields = ["status", "origin", "asserted_by", "asserted_at", "created_at"]

    @admin.action(description="Accept the selected evidence", permissions=["change"])
    def accept_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = event_curation.review_evidence(queryset, accept=True, acting_user=request.user)
        self.message_user(request, f"Accepted {count} pieces of evidence.", messages.SUCCESS)

    @admin.action(description="Reject the selected evidence (never linked to its event again)", permissions=["delete"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = event_curation.review_evidence(queryset, accept=False, acting_user=request.user)
        self.message_user(request, f"Rejected {count} pieces of evidence; detection will not link them again.")


@admin.register(EvidenceRejection)
class EvidenceRejectionAdmin(HistoryAdmin):
    """Sentences a curator ruled are no evidence of an event: detection never links them again.
    Deleting one (and restoring the evidence from its history) undoes the decision."""

    list_display = ["event", "article", "sentence", "reason", "rejected_by", "rejected_at"]
    list_select_related = ["event", "article", "rejected_by"]
    search_fields = ["event__title", "sentence", "reason"]
    readonly_fields = ["event", "article", "start_offset", "end_offset", "sentence", "rejected_by", "rejected_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # made by rejecting evidence


class OccurrenceInline(admin.TabularInline):
    model = CandidateOccurrence
    fields = ["article", "field", "context"]
    readonly_fields = ["article", "field", "context"]
    extra = 0
    max_num = 0
    can_delete = False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .select_related("article")
            .only("id", "candidate_id", "field", "context", "article__id", "article__title")
        )


@admin.register(Candidate)
class CandidateAdmin(LoggedActions, admin.ModelAdmin):
    list_display = [
        "name",
        "proposal",
        "entity",
        "similar_alias",
        "score",
        "kind_guess",
        "role_guess",
        "frequency",
        "status",
    ]
    list_filter = ["status", "proposal", "kind_guess"]
    list_select_related = ["entity"]
    search_fields = ["name", "entity__name"]
    readonly_fields = ["name", "folded", "proposal", "similar_alias", "score", "decided_by", "decided_at",
                       "created_at", "updated_at"]  # fmt: skip
    autocomplete_fields = ["entity"]
    inlines = [OccurrenceInline]
    actions = ["accept_selected", "dismiss_selected"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_frequency()

    @admin.display(description="occurrences", ordering="frequency")
    def frequency(self, candidate: Candidate) -> int:
        return candidate.frequency

    def has_accept_permission(self, request: HttpRequest) -> bool:
        """Accepting creates aliases and entities: the same permissions as through the API."""
        return request.user.has_perms(["entities.change_candidate", "entities.add_entity", "entities.add_alias"])

    @admin.action(
        description="Accept: near-misses as aliases, other names as new entities of the guessed kind",
        permissions=["accept"],
    )
    def accept_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        accepted = [
            curation.accept_candidate(candidate, acting_user=request.user).name
            for candidate in queryset.exclude(status=Candidate.Status.ACCEPTED)
        ]
        self.message_user(request, f"Accepted {len(accepted)}: {', '.join(accepted)}.", messages.SUCCESS)

    @admin.action(description="Dismiss the selected candidates", permissions=["change"])
    def dismiss_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        open_ones = queryset.exclude(status=Candidate.Status.ACCEPTED)
        for candidate in open_ones:
            curation.dismiss_candidate(candidate, acting_user=request.user)
        self.message_user(request, f"Dismissed {open_ones.count()} candidates (accepted ones stay).", messages.SUCCESS)
