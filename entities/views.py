from django.db.models import QuerySet
from rest_framework import viewsets

from entities.filters import EntityFilter, EventFilter, MentionFilter
from entities.models import Entity, Event, Mention
from entities.serializers import EntitySerializer, EventSerializer, MentionSerializer


class EntityViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Entity.objects.all()
    serializer_class = EntitySerializer
    filterset_class = EntityFilter
    ordering_fields = ["name", "kind", "created_at"]
    ordering = ["name"]

    def get_queryset(self) -> QuerySet:
        return Entity.objects.for_api()


class MentionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Mention.objects.all()
    serializer_class = MentionSerializer
    filterset_class = MentionFilter
    ordering_fields = ["article", "start_offset", "created_at"]
    ordering = ["article", "start_offset"]

    def get_queryset(self) -> QuerySet:
        return Mention.objects.for_api()


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Event.objects.all()
    serializer_class = EventSerializer
    filterset_class = EventFilter
    ordering_fields = ["start_date", "created_at", "title"]
    ordering = ["start_date"]

    def get_queryset(self) -> QuerySet:
        return Event.objects.for_api()
