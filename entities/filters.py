from django.db.models import Q, QuerySet
from django_filters import rest_framework as filters

from archive.common.api import ArchiveFilterSet, SlugsFilter, WholeNumberFilter
from archive.common.provenance import Origin
from entities.models import Candidate, Distinction, Entity, EntityMerge, Event, EventParticipant, Mention


class EntityFilter(ArchiveFilterSet):
    kind = filters.MultipleChoiceFilter(distinct=False, choices=Entity.Kind.choices)
    country = filters.BaseInFilter(
        method="filter_country", help_text="ISO 3166-1 alpha-2 code; several comma-separated (any of)"
    )
    name = filters.CharFilter(
        method="filter_name", help_text="Part of the name or of any alias, ignoring case and accents"
    )
    q = filters.CharFilter(method="filter_name", help_text="Same as name: the name or any alias")
    wikidata_id = filters.CharFilter()
    articles_min = filters.NumberFilter(method="filter_articles", help_text="At least this many articles mention it")
    articles_max = filters.NumberFilter(method="filter_articles", help_text="At most this many articles mention it")
    mentioned = filters.DateFromToRangeFilter(
        method="filter_mentioned",
        help_text="mentioned_after / mentioned_before: mentioned in an article published in this range",
    )
    co_mentioned_with = SlugsFilter(
        queryset=Entity.objects.all(),
        method="filter_co_mentioned",
        help_text="Entity slug; repeat for several: mentioned in an article together with each of them",
    )

    class Meta:
        model = Entity
        fields = [
            "kind", "country", "name", "q", "wikidata_id", "articles_min", "articles_max", "mentioned",
            "co_mentioned_with",
        ]  # fmt: skip

    def filter_country(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return queryset.of_country(value) if value else queryset

    def filter_name(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.named(value)

    def filter_articles(self, queryset: QuerySet, name: str, value: float | None) -> QuerySet:
        if value is None:
            return queryset
        if "article_count" not in queryset.query.annotations:
            queryset = queryset.with_article_counts()
        return queryset.filter(**{"article_count__gte" if name == "articles_min" else "article_count__lte": value})

    def filter_mentioned(self, queryset: QuerySet, name: str, value: slice) -> QuerySet:
        return queryset.mentioned_between(value.start, value.stop) if value else queryset

    def filter_co_mentioned(self, queryset: QuerySet, name: str, value: list[Entity]) -> QuerySet:
        return queryset.co_mentioned_with(value) if value else queryset


class MentionFilter(ArchiveFilterSet):
    article = filters.NumberFilter(field_name="article_id")
    entity = SlugsFilter(
        field_name="entity",
        queryset=Entity.objects.all(),
        help_text="Entity slug; repeat for several",
    )
    kind = filters.MultipleChoiceFilter(distinct=False, field_name="entity__kind", choices=Entity.Kind.choices)
    status = filters.MultipleChoiceFilter(distinct=False, choices=Mention.Status.choices)
    origin = filters.MultipleChoiceFilter(distinct=False, choices=Origin.choices, help_text="Who asserted the mention")
    field = filters.MultipleChoiceFilter(
        distinct=False, choices=Mention.Field.choices, help_text="Where: body, title, summary or caption"
    )

    class Meta:
        model = Mention
        fields = ["article", "entity", "kind", "status", "origin", "field"]


class CandidateFilter(ArchiveFilterSet):
    status = filters.MultipleChoiceFilter(distinct=False, choices=Candidate.Status.choices)
    proposal = filters.ChoiceFilter(choices=Candidate.Proposal.choices)
    entity = filters.ModelChoiceFilter(
        queryset=Entity.objects.all(), to_field_name="slug", help_text="Slug of the entity a proposed alias is for"
    )
    kind_guess = filters.MultipleChoiceFilter(distinct=False, choices=Entity.Kind.choices)
    article = filters.NumberFilter(field_name="occurrences__article", distinct=True)

    class Meta:
        model = Candidate
        fields = ["status", "proposal", "entity", "kind_guess", "article"]


class EntityMergeFilter(ArchiveFilterSet):
    entity = WholeNumberFilter(method="of_entity", help_text="Entity id: merges it took part in, on either side")
    standing = filters.BooleanFilter(field_name="undone_at", lookup_expr="isnull", help_text="false: the undone ones")

    def of_entity(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        return queryset.of_entity(value)

    class Meta:
        model = EntityMerge
        fields = ["entity", "standing"]


class DistinctionFilter(ArchiveFilterSet):
    entity = filters.CharFilter(method="of_entity", help_text="Entity slug: its decisions, on either side")

    def of_entity(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(entity__slug=value) | Q(other__slug=value))

    class Meta:
        model = Distinction
        fields = ["entity"]


class EventFilter(ArchiveFilterSet):
    kind = filters.MultipleChoiceFilter(distinct=False, choices=Event.Kind.choices)
    status = filters.MultipleChoiceFilter(distinct=False, choices=Event.Status.choices)
    participant = SlugsFilter(
        queryset=Entity.objects.all(),
        method="filter_participant",
        help_text="Entity slug; repeat for several (events involving any of them)",
    )
    participant_match = filters.ChoiceFilter(
        choices=[("any", "any"), ("all", "all")],
        method="keep",
        help_text="With several participants: events involving any of them (default) or all",
    )
    role = filters.MultipleChoiceFilter(
        distinct=False,
        choices=EventParticipant.Role.choices,
        method="filter_role",
        help_text="Only participants in this role count for `participant` (alone: events with such a participant)",
    )
    location = filters.ModelChoiceFilter(queryset=Entity.objects.all(), to_field_name="slug")
    date = filters.DateFromToRangeFilter(
        method="filter_date", help_text="date_after / date_before: events whose dates overlap the range"
    )
    article = filters.NumberFilter(method="filter_article", help_text="Id of an article that evidences the event")
    cameo_code = filters.CharFilter(
        method="filter_cameo", help_text="CAMEO code or its prefix (19 = every kind of fighting)"
    )
    plover_type = filters.CharFilter(lookup_expr="iexact")
    origin = filters.MultipleChoiceFilter(
        distinct=False,
        choices=Origin.choices,
        method="filter_origin",
        help_text="Events any of whose facts (the event, a field, a participant, a piece of evidence) this origin "
        "asserted; repeat for several",
    )

    min_sources = WholeNumberFilter(
        method="filter_min_sources",
        min_value=1,
        help_text="Events reported by at least this many articles (with `independent=true`: independent reports, "
        "a copy of an article counted once)",
    )
    independent = filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="keep",
        help_text="With `min_sources`: count independent reports only (copies counted once)",
    )

    class Meta:
        model = Event
        fields = [
            "kind", "status", "participant", "participant_match", "role", "location", "date", "article",
            "cameo_code", "plover_type", "origin", "min_sources", "independent",
        ]  # fmt: skip

    def filter_participant(self, queryset: QuerySet, name: str, value: list[Entity]) -> QuerySet:
        if not value:
            return queryset
        roles = self.form.cleaned_data.get("role") or None
        if self.form.cleaned_data.get("participant_match") == "all":
            for entity in value:
                queryset = queryset.involving([entity], roles=roles)
            return queryset
        return queryset.involving(value, roles=roles)

    def filter_role(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value or self.form.cleaned_data.get("participant"):
            return queryset  # read by filter_participant
        return queryset.with_role(value)

    def filter_min_sources(self, queryset: QuerySet, name: str, value: int | None) -> QuerySet:
        if value is None:
            return queryset
        independent = self.form.cleaned_data.get("independent") == "true"
        return queryset.filter(**{"independent_count__gte" if independent else "report_count__gte": value})

    def filter_origin(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return queryset.asserted_by_origin(value) if value else queryset

    def filter_article(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        return queryset.reported_by(value) if value is not None else queryset

    def filter_cameo(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(cameo_code__startswith=value) if value else queryset

    def keep(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Parameters read by another filter's method change nothing by themselves."""
        return queryset

    def filter_date(self, queryset: QuerySet, name: str, value: slice) -> QuerySet:
        return queryset.overlapping(value.start, value.stop) if value else queryset
