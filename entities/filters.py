from django.db.models import QuerySet
from django_filters import rest_framework as filters

from entities.models import Entity, Event, Mention


class EntityFilter(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(choices=Entity.Kind.choices)
    name = filters.CharFilter(
        method="filter_name", help_text="Part of the name or of any alias, ignoring case and accents"
    )
    wikidata_id = filters.CharFilter()

    class Meta:
        model = Entity
        fields = ["kind", "name", "wikidata_id"]

    def filter_name(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.named(value)


class MentionFilter(filters.FilterSet):
    article = filters.NumberFilter(field_name="article_id")
    entity = filters.ModelMultipleChoiceFilter(
        field_name="entity__slug",
        queryset=Entity.objects.all(),
        to_field_name="slug",
        help_text="Entity slug; repeat for several",
    )
    kind = filters.MultipleChoiceFilter(field_name="entity__kind", choices=Entity.Kind.choices)
    status = filters.MultipleChoiceFilter(choices=Mention.Status.choices)

    class Meta:
        model = Mention
        fields = ["article", "entity", "kind", "status"]


class EventFilter(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(choices=Event.Kind.choices)
    status = filters.MultipleChoiceFilter(choices=Event.Status.choices)
    participant = filters.ModelMultipleChoiceFilter(
        queryset=Entity.objects.all(),
        to_field_name="slug",
        method="filter_participant",
        help_text="Entity slug; repeat for several (events involving any of them)",
    )
    location = filters.ModelChoiceFilter(queryset=Entity.objects.all(), to_field_name="slug")
    date = filters.DateFromToRangeFilter(
        method="filter_date", help_text="date_after / date_before: events whose dates overlap the range"
    )

    class Meta:
        model = Event
        fields = ["kind", "status", "participant", "location", "date"]

    def filter_participant(self, queryset: QuerySet, name: str, value: list[Entity]) -> QuerySet:
        return queryset.involving(value) if value else queryset

    def filter_date(self, queryset: QuerySet, name: str, value: slice) -> QuerySet:
        return queryset.overlapping(value.start, value.stop) if value else queryset
