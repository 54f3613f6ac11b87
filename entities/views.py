from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from archive.common.api import ExplainedParameters, ordering_of, requires
from entities import curation, identity
from entities.filters import (
    CandidateFilter,
    DistinctionFilter,
    EntityFilter,
    EntityMergeFilter,
    EventFilter,
    MentionFilter,
)
from entities.models import Candidate, Distinction, Entity, EntityMerge, Event, Mention
from entities.serializers import (
    AcceptCandidateSerializer,
    AliasCreatedSerializer,
    CandidateSerializer,
    CoMentionParameters,
    CoMentionSerializer,
    DistinctionSerializer,
    EntityMergeSerializer,
    EntitySerializer,
    EventSerializer,
    MentionSerializer,
    MergeSerializer,
    MonthCountSerializer,
    UnmergeReportSerializer,
    UnmergeSerializer,
)

STATS_FIELDS = {"article_count", "first_mentioned", "last_mentioned"}


class EntityViewSet(ExplainedParameters, viewsets.ReadOnlyModelViewSet):
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
    @action(
        detail=True,
        url_path="co-mentions",
        filterset_class=None,
        pagination_class=None,
        parameters_serializer=CoMentionParameters,
    )
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

    @extend_schema(request=MergeSerializer, responses={200: EntitySerializer, 409: OpenApiTypes.OBJECT})
    @action(
        detail=True,
        methods=["post"],
        serializer_class=MergeSerializer,
        permission_classes=[requires("entities.change_entity", "entities.delete_entity")],
    )
    def merge(self, request: Request, pk: str | None = None) -> Response:
        """Merge the named entities into this one: mentions, aliases, event roles, locations, alias
        candidates and distinctions move here, one stored merge each (see `/api/v1/entity-merges/`).
        409 when a curator said two of them are not the same."""
        survivor = self.get_object()
        payload = MergeSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            identity.merge_entities(survivor, payload.validated_data["entities"], acting_user=request.user,
                                    reason=payload.validated_data["reason"])  # fmt: skip
        except identity.DistinctEntities as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(EntitySerializer(self.get_queryset().get(pk=survivor.pk)).data)

    def get_object(self) -> Entity:
        """The entity; for one merged away, a 404 that says into which entity and by which merge."""
        try:
            return super().get_object()
        except Http404:
            pk = self.kwargs.get(self.lookup_field, "")
            merge = EntityMerge.objects.filter(merged_id=pk, undone_at=None).first() if str(pk).isdigit() else None
            if merge is None:
                raise
            raise NotFound(
                f"{merge.merged_name} was merged into {merge.survivor_name} (entity {merge.survivor_id}); "
                f"see /api/v1/entity-merges/{merge.pk}/"
            ) from None


class MentionViewSet(ExplainedParameters, viewsets.ReadOnlyModelViewSet):
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


class CandidateViewSet(ExplainedParameters, viewsets.ReadOnlyModelViewSet):
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


class EventViewSet(ExplainedParameters, viewsets.ReadOnlyModelViewSet):
    queryset = Event.objects.all()
    serializer_class = EventSerializer
    filterset_class = EventFilter
    ordering_fields = ["start_date", "created_at", "title", "report_count", "independent_count"]
    ordering = ["start_date"]

    def get_queryset(self) -> QuerySet:
        return Event.objects.for_api().with_report_counts()


class EntityMergeViewSet(ExplainedParameters, viewsets.ReadOnlyModelViewSet):
    """Stored merges, newest first; `entity=<id>` lists those an entity took part in, as survivor
    or as the one merged (its id stays valid after it is merged away)."""

    queryset = EntityMerge.objects.all()
    serializer_class = EntityMergeSerializer
    filterset_class = EntityMergeFilter
    ordering_fields = ["merged_at"]
    ordering = ["-merged_at"]

    def get_queryset(self) -> QuerySet:
        return EntityMerge.objects.for_reading()

    @extend_schema(request=UnmergeSerializer, responses={200: UnmergeReportSerializer, 409: OpenApiTypes.OBJECT})
    @action(
        detail=True,
        methods=["post"],
        serializer_class=UnmergeSerializer,
        permission_classes=[requires("entities.change_entitymerge", "entities.add_entity", "entities.change_entity")],
    )
    def undo(self, request: Request, pk: str | None = None) -> Response:
        """Unmerge: the merged entity comes back with its id and every row the merge changed goes back;
        rows a curator changed since keep that change and are listed in `kept`. 409 when the merge is
        undone already or its survivor was merged away since."""
        merge = self.get_object()
        payload = UnmergeSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            report = identity.unmerge(merge, acting_user=request.user, reason=payload.validated_data["reason"])
        except identity.CannotUnmerge as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        report.merge = self.get_queryset().get(pk=merge.pk)
        return Response(UnmergeReportSerializer(report).data)


class DistinctionViewSet(ExplainedParameters, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """ "Not the same" decisions: merges of the pair are refused, and a name said not to be an entity
    is never proposed as its alias. `entity=<slug>` lists an entity's, on either side."""

    queryset = Distinction.objects.all()
    serializer_class = DistinctionSerializer
    filterset_class = DistinctionFilter
    ordering_fields = ["decided_at"]
    ordering = ["-decided_at"]

    def get_queryset(self) -> QuerySet:
        return Distinction.objects.select_related("entity", "other", "decided_by")

    def get_permissions(self) -> list:
        if self.action == "create":
            return [requires("entities.add_distinction")()]
        return super().get_permissions()

    @extend_schema(responses={200: DistinctionSerializer, 201: DistinctionSerializer})
    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        """Record a decision (201), or answer the one already recorded for the pair (200)."""
        payload = DistinctionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        asked = Distinction(**{key: payload.validated_data.get(key) for key in ("entity", "other", "reason")},
                            name=payload.validated_data["name"])  # fmt: skip
        decision, created = identity.record_distinction(asked, acting_user=request.user)
        body = DistinctionSerializer(self.get_queryset().get(pk=decision.pk)).data
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)
