import datetime
from collections.abc import Iterable
from functools import cached_property

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article
from entities.identity import distinction_problem
from entities.models import (
    Alias,
    Candidate,
    Distinction,
    Entity,
    EntityMerge,
    Event,
    EventEvidence,
    EventFieldSource,
    EventParticipant,
    Mention,
)
from entities.selectors import corroborate_events


class EntityBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["id", "name", "slug", "kind"]


class EntityPageSerializer(serializers.ListSerializer):
    """A page of entities, each with its mention statistics: read for the page's entities in one
    query, unless the listing's queryset joined them already."""

    def to_representation(self, data: Iterable[Entity]) -> list[dict[str, object]]:
        entities = list(data)
        missing = [entity.pk for entity in entities if not hasattr(entity, "article_count")]
        stats = Entity.objects.stats_for(missing) if missing else {}
        for entity in entities:
            for name, value in stats.get(entity.pk, {}).items():
                setattr(entity, name, value)
        return super().to_representation(entities)


class AssertedSerializer(serializers.ModelSerializer):
    """A fact with its provenance: who asserted it (`origin`), the curator (`asserted_by`, null for the
    machine and data files), when, and a note for what the articles themselves do not say."""

    asserted_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="The curator who asserted it"
    )

    PROVENANCE = ["origin", "asserted_by", "asserted_at", "source_note"]


class AliasSerializer(AssertedSerializer):
    class Meta:
        model = Alias
        fields = ["name", *AssertedSerializer.PROVENANCE]


class EntitySerializer(serializers.ModelSerializer):
    """An entity with its aliases and mention statistics: annotated on the queryset when a listing
    orders or filters by them, else computed for the page's entities only."""

    aliases = AliasSerializer(many=True, read_only=True)
    article_count = serializers.SerializerMethodField(help_text="Articles mentioning it (rejected excluded)")
    first_mentioned = serializers.SerializerMethodField(help_text="Publication date of the first such article")
    last_mentioned = serializers.SerializerMethodField(help_text="Publication date of the last such article")

    def _stat(self, entity: Entity, name: str) -> object:
        return getattr(entity, name, 0 if name == "article_count" else None)

    @extend_schema_field(OpenApiTypes.INT)
    def get_article_count(self, entity: Entity) -> int:
        return self._stat(entity, "article_count")

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_first_mentioned(self, entity: Entity) -> datetime.date | None:
        return self._stat(entity, "first_mentioned")

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_last_mentioned(self, entity: Entity) -> datetime.date | None:
        return self._stat(entity, "last_mentioned")

    class Meta:
        model = Entity
        list_serializer_class = EntityPageSerializer
        fields = [
            "id", "name", "slug", "kind", "country", "role", "description", "wikidata_id", "aliases",
            "article_count", "first_mentioned", "last_mentioned", "created_at", "updated_at",
        ]  # fmt: skip


class CoMentionSerializer(serializers.Serializer):
    entity = EntityBriefSerializer()
    articles = serializers.IntegerField(help_text="Articles mentioning both")
    mentions = serializers.IntegerField(help_text="Mentions of the other entity in those articles")


class CoMentionParameters(serializers.Serializer):
    limit = serializers.IntegerField(default=20, min_value=1, max_value=200, error_messages=dict.fromkeys(
        ["invalid", "min_value", "max_value", "max_string_length"], "A whole number from 1 to 200."))  # fmt: skip


class MonthCountSerializer(serializers.Serializer):
    month = serializers.DateField(format="%Y-%m", allow_null=True, help_text="YYYY-MM; null for undated articles")
    articles = serializers.IntegerField()
    mentions = serializers.IntegerField()


class MergeSerializer(serializers.Serializer):
    entities = serializers.SlugRelatedField(
        many=True, slug_field="slug", queryset=Entity.objects.all(), help_text="Slugs of the entities to merge in"
    )
    reason = serializers.CharField(max_length=500, required=False, default="", help_text="Why they are the same")


class EntityMergeSerializer(serializers.ModelSerializer):
    """A stored merge: who merged what into what, when and why, how many rows it changed, and
    whether it was undone (`POST /api/v1/entity-merges/{id}/undo/` undoes it)."""

    merged_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    undone_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    standing = serializers.BooleanField(read_only=True, help_text="False once undone")
    rows = serializers.IntegerField(read_only=True, help_text="Rows the merge changed, moved, removed or added")

    class Meta:
        model = EntityMerge
        fields = [
            "id", "survivor_id", "survivor_name", "merged_id", "merged_name", "reason", "merged_by", "merged_at",
            "standing", "undone_by", "undone_at", "undo_reason", "rows",
        ]  # fmt: skip


class UnmergeSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, required=False, default="")


class UnmergeReportSerializer(serializers.Serializer):
    merge = EntityMergeSerializer()
    restored = serializers.IntegerField(help_text="Rows put back where they were")
    kept = serializers.ListField(
        child=serializers.CharField(), help_text="Rows a later decision changed or removed, left as they are now"
    )


class DistinctionSerializer(serializers.ModelSerializer):
    """ "Not the same": two entities (`entity` and `other`), or a name that does not refer to `entity`."""

    entity = serializers.SlugRelatedField(slug_field="slug", queryset=Entity.objects.all())
    other = serializers.SlugRelatedField(slug_field="slug", queryset=Entity.objects.all(), required=False,
                                         allow_null=True, help_text="The other entity; or give `name`")  # fmt: skip
    name = serializers.CharField(max_length=300, required=False, allow_blank=True, default="",
                                 help_text="A name that does not refer to the entity; or give `other`")  # fmt: skip
    reason = serializers.CharField(max_length=500, help_text="Why they are not the same")
    decided_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = Distinction
        fields = ["id", "entity", "other", "name", "reason", "decided_by", "decided_at"]
        read_only_fields = ["decided_at"]
        validators: list = []  # uniqueness is answered with the existing decision, not an error

    def validate(self, attrs: dict) -> dict:
        other, name = attrs.get("other"), " ".join(attrs.get("name", "").split())
        problem = distinction_problem(attrs["entity"], other, name)
        if problem is not None:
            field, message = problem
            raise serializers.ValidationError({field: message} if field else message)
        if not attrs["reason"].strip():
            raise serializers.ValidationError({"reason": "say why they are not the same"})
        return {**attrs, "name": name}


class AliasCreatedSerializer(serializers.Serializer):
    alias = serializers.CharField()
    created = serializers.BooleanField()


class CandidateSerializer(serializers.ModelSerializer):
    entity = EntityBriefSerializer(read_only=True, allow_null=True)
    frequency = serializers.IntegerField(read_only=True, help_text="Occurrences in the archive")
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Candidate
        fields = [
            "id", "name", "proposal", "kind_guess", "role_guess", "entity", "similar_alias", "score", "status",
            "frequency", "article_count", "decided_at", "created_at",
        ]  # fmt: skip


class AcceptCandidateSerializer(serializers.Serializer):
    entity = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Entity.objects.all(),
        required=False,
        help_text="Accept as an alias of this entity (default: the entity a near-miss resembles, else a new one)",
    )
    kind = serializers.ChoiceField(choices=Entity.Kind.choices, required=False, help_text="Kind of a new entity")
    name = serializers.CharField(required=False, max_length=300, help_text="Canonical name of a new entity")


class MentionSerializer(AssertedSerializer):
    """Where an article names an entity. `field` says which text the offsets point into: the body,
    the title, the summary or a photo caption (`caption`: the id of that caption, one of the article's
    removals). A caption mention counts for the entity's articles like any other."""

    entity = EntityBriefSerializer(read_only=True)
    caption = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="For a mention in a photo caption: the caption's removal id"
    )

    class Meta:
        model = Mention
        fields = [
            "id", "article", "entity", "field", "caption", "text", "start_offset", "end_offset", "status", "created_at",
            *AssertedSerializer.PROVENANCE,
        ]  # fmt: skip


class ParticipantSerializer(AssertedSerializer):
    entity = EntityBriefSerializer(read_only=True)

    class Meta:
        model = EventParticipant
        fields = ["entity", "role", *AssertedSerializer.PROVENANCE]


class ArticleBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title"]


class EvidenceSerializer(AssertedSerializer):
    article = ArticleBriefSerializer(read_only=True)

    class Meta:
        model = EventEvidence
        fields = ["article", "sentence", "start_offset", "end_offset", "status", *AssertedSerializer.PROVENANCE]


class FieldSourceSerializer(AssertedSerializer):
    """Where one field's value comes from; `phrase` and `article` say what a machine read it from
    (a relative date is resolved against that article's publication day)."""

    class Meta:
        model = EventFieldSource
        fields = ["field", "phrase", "article", *AssertedSerializer.PROVENANCE]


class DisagreementSerializer(serializers.Serializer):
    point = serializers.CharField(
        help_text="What the reports disagree on: date, place, actor, killed, wounded or abducted"
    )
    values = serializers.DictField(
        child=serializers.ListField(child=serializers.IntegerField()),
        help_text="Each value said (a date, a place, a number) and the ids of the articles that say it",
    )


class CorroborationSerializer(serializers.Serializer):
    reports = serializers.IntegerField(help_text="Articles that report the event")
    independent_reports = serializers.IntegerField(
        help_text="Reports with copies of one article (a syndicated story, a re-publication) counted once"
    )
    outlets = serializers.ListField(child=serializers.CharField(), help_text="The outlets that report it")
    earliest_report = serializers.DateField(allow_null=True, help_text="Publication day of the first report")
    latest_report = serializers.DateField(allow_null=True, help_text="Publication day of the last report")
    disagreements = DisagreementSerializer(many=True, help_text="Points on which the reports disagree")


class EventPageSerializer(serializers.ListSerializer):
    """A page of events, each with its corroboration read for the whole page at once."""

    def to_representation(self, data: Iterable[Event]) -> list[dict[str, object]]:
        events = list(data)
        corroborate_events([event for event in events if not hasattr(event, "corroboration")])
        return super().to_representation(events)


class EventSerializer(serializers.ModelSerializer):
    location = EntityBriefSerializer(read_only=True, allow_null=True)
    participants = ParticipantSerializer(source="participations", many=True, read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)
    sources = FieldSourceSerializer(
        source="field_sources", many=True, read_only=True, help_text="Where each field's value comes from"
    )
    corroboration = serializers.SerializerMethodField(
        help_text="Which outlets report the event, how many independent reports, when, and where they disagree"
    )

    @extend_schema_field(CorroborationSerializer)
    def get_corroboration(self, event: Event) -> dict[str, object]:
        if not hasattr(event, "corroboration"):
            corroborate_events([event])
        return self._corroboration.to_representation(event.corroboration)

    @cached_property
    def _corroboration(self) -> CorroborationSerializer:
        return CorroborationSerializer()  # one for the whole page: each new serializer copies its fields

    class Meta:
        model = Event
        fields = [
            "id", "title", "kind", "cameo_code", "plover_type", "start_date", "start_precision", "end_date",
            "end_precision", "location", "summary", "status", "origin", "sources", "participants", "evidence",
            "corroboration", "created_at", "updated_at",
        ]  # fmt: skip
        list_serializer_class = EventPageSerializer
