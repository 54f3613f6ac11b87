from rest_framework import serializers

from articles.models import Article
from entities.models import Entity, Event, EventEvidence, EventParticipant, Mention


class EntityBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["id", "name", "slug", "kind"]


class EntitySerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")

    class Meta:
        model = Entity
        fields = [
            "id",
            "name",
            "slug",
            "kind",
            "description",
            "wikidata_id",
            "aliases",
            "created_at",
            "updated_at",
        ]


class MentionSerializer(serializers.ModelSerializer):
    entity = EntityBriefSerializer(read_only=True)

    class Meta:
        model = Mention
        fields = ["id", "article", "entity", "text", "start_offset", "end_offset", "status", "created_at"]


class ParticipantSerializer(serializers.ModelSerializer):
    entity = EntityBriefSerializer(read_only=True)

    class Meta:
        model = EventParticipant
        fields = ["entity", "role"]


class ArticleBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title"]


class EvidenceSerializer(serializers.ModelSerializer):
    article = ArticleBriefSerializer(read_only=True)

    class Meta:
        model = EventEvidence
        fields = ["article", "sentence", "start_offset", "end_offset"]


class EventSerializer(serializers.ModelSerializer):
    location = EntityBriefSerializer(read_only=True)
    participants = ParticipantSerializer(source="participations", many=True, read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "id", "title", "kind", "start_date", "start_precision", "end_date", "end_precision", "location",
            "summary", "status", "participants", "evidence", "created_at", "updated_at",
        ]  # fmt: skip
