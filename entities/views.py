from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from archive.common.api import ordering_of, requires
from entities import curation
from entities.filters import CandidateFilter, EntityFilter, EventFilter, MentionFilter
from entities.models import Candidate, Entity, Event, Mention
from entities.serializers import (
    AcceptCandidateSerializer,
    AliasCreatedSerializer,
    CandidateSerializer,
    CoMentionParameters,
    CoMentionSerializer,
    EntitySerializer,
    EventSerializer,
    MentionSerializer,
    MergeSerializer,
    MonthCountSerializer,
)

STATS_FIELDS = {"article_count", "first_mentioned", "last_mentioned"}


class EntityViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Entity.objects.all()
    serializer_class = EntitySerializer
    filterset_class = EntityFilter
    ordering_fields = ["name", "kind", "created_at", "article_count", "first_mentioned", "last_mentioned"]
    ordering = ["name"]

    def get_queryset(self) -> QuerySet:
        """Mention statistics joined for one entity, or for every entity when a listing orders or
        filters by them; otherwise read for the page's entities only (EntityPageSerializer)."""
        queryset = Entity.objects.for_api()
        return queryset.with_mention_stats() if self._needs_all_stats() else queryset

    def _needs_all_stats(self) -> bool:
        if self.action != "list":
            return True
        params = self.request.query_params
        ordered_by_stats = {field.lstrip("-") for field in ordering_of(self)} & STATS_FIELDS
        return bool(ordered_by_stats) or "articles_min" in params or "articles_max" in params

    @extend_schema(parameters=[CoMentionParameters], responses=CoMentionSerializer(many=True))
    @action(detail=True, url_path="co-mentions", filterset_class=None, pagination_class=None)
    def co_mentions(self, request: Request, pk: str | None = None) -> Response:
        """The entities most often mentioned in the same articles (`limit`, default 20, at most 200)."""
        entity = self.get_object()
        parameters = CoMentionParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        rows = Entity.objects.co_mentions(entity, limit=parameters.validated_data["limit"])
        return Response(CoMentionSerializer(rows, many=True).data)

    @extend_schema(responses=MonthCountSerializer(many=True))
    @action(detail=True, filterset_class=None, pagination_class=None)
    def timeline(self, request: Request, pk: str | None = None) -> Response:
        """Articles and mentions per month of publication; undated articles last, as month null."""
        return Response(MonthCountSerializer(Entity.objects.per_month(self.get_object()), many=True).data)

    @extend_schema(request=MergeSerializer, responses=EntitySerializer)
    @action(
        detail=True,
        methods=["post"],
        serializer_class=MergeSerializer,
        permission_classes=[requires("entities.change_entity", "entities.delete_entity")],
    )
    def merge(self, request: Request, pk: str | None = None) -> Response:
        """Merge the named entities into this one: mentions, aliases and event roles move here."""
        survivor = self.get_object()
        payload = MergeSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        curation.merge_entities(survivor, payload.validated_data["entities"], acting_user=request.user)
        return Response(EntitySerializer(self.get_queryset().get(pk=survivor.pk)).data)


class MentionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Mention.objects.all()
    serializer_class = MentionSerializer
    filterset_class = MentionFilter
    ordering_fields = ["article", "start_offset", "created_at"]
    ordering = ["article", "start_offset"]

    def get_queryset(self) -> QuerySet:
        return Mention.objects.for_api()

    @extend_schema(request=None, responses=MentionSerializer)
    @action(detail=True, methods=["post"], permission_classes=[requires("entities.change_mention")])
    def confirm(self, request: Request, pk: str | None = None) -> Response:
        return self._set_status(Mention.Status.CONFIRMED)

    @extend_schema(request=None, responses=MentionSerializer)
    @action(detail=True, methods=["post"], permission_classes=[requires("entities.change_mention")])
    def reject(self, request: Request, pk: str | None = None) -> Response:
        return self._set_status(Mention.Status.REJECTED)

    @extend_schema(request=None, responses={200: AliasCreatedSerializer, 201: AliasCreatedSerializer})
    @action(
        detail=True,
        methods=["post"],
        url_path="add-alias",
        serializer_class=AliasCreatedSerializer,
        permission_classes=[requires("entities.add_alias")],
    )
    def add_alias(self, request: Request, pk: str | None = None) -> Response:
        """Make the mention's text (titles removed) an alias of its entity."""
        alias, created = curation.alias_from_mention(self.get_object(), acting_user=request.user)
        data = AliasCreatedSerializer({"alias": alias.name, "created": created}).data
        return Response(data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    def _set_status(self, value: str) -> Response:
        mention = self.get_object()
        curation.set_mention_status([mention], value, acting_user=self.request.user)
        return Response(MentionSerializer(self.get_queryset().get(pk=mention.pk)).data)


class CandidateViewSet(viewsets.ReadOnlyModelViewSet):
    """Names the extractor found but could not resolve; curators accept or dismiss them."""

    queryset = Candidate.objects.all()
    serializer_class = CandidateSerializer
    filterset_class = CandidateFilter
    ordering_fields = ["created_at", "frequency", "article_count", "score", "name"]
    ordering = ["created_at"]

    def get_queryset(self) -> QuerySet:
        return Candidate.objects.with_frequency().select_related("entity")

    @extend_schema(request=AcceptCandidateSerializer, responses={200: EntitySerializer, 409: OpenApiTypes.OBJECT})
    @action(
        detail=True,
        methods=["post"],
        serializer_class=AcceptCandidateSerializer,
        permission_classes=[requires("entities.change_candidate", "entities.add_entity", "entities.add_alias")],
    )
    def accept(self, request: Request, pk: str | None = None) -> Response:
        """Accept as an alias (of `entity`, or the entity a near-miss resembles) or as a new entity."""
        candidate = self.get_object()
        payload = AcceptCandidateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            entity = curation.accept_candidate(candidate, acting_user=request.user, **payload.validated_data)
        except curation.CandidateDecided as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        data = EntitySerializer(Entity.objects.with_mention_stats().for_api().get(pk=entity.pk)).data
        return Response(data)

    @extend_schema(request=None, responses={200: CandidateSerializer, 409: OpenApiTypes.OBJECT})
    @action(detail=True, methods=["post"], permission_classes=[requires("entities.change_candidate")])
    def dismiss(self, request: Request, pk: str | None = None) -> Response:
        candidate = self.get_object()
        try:
            curation.dismiss_candidate(candidate, acting_user=request.user)
        except curation.CandidateDecided as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(CandidateSerializer(self.get_queryset().get(pk=candidate.pk)).data)


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Event.objects.all()
    serializer_class = EventSerializer
    filterset_class = EventFilter
    ordering_fields = ["start_date", "created_at", "title", "report_count", "independent_count"]
    ordering = ["start_date"]

    def get_queryset(self) -> QuerySet:
        return Event.objects.for_api().with_report_counts()
