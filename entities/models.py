from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from archive.common.dates import DatePrecision, format_date_range
from archive.common.provenance import Asserted, Origin, asserted_constraint, origin_constraint
from articles.models import Article, Removal, date_precision_constraint
from entities.expressions import FoldedText
from entities.managers import (
    CandidateQuerySet,
    DistinctionQuerySet,
    EntityMergeQuerySet,
    EntityQuerySet,
    EventQuerySet,
    MentionQuerySet,
)


class Entity(models.Model):
    """A person, organisation, group or place that articles mention, under one canonical name."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"
        ARMED_GROUP = "armed_group", "Armed group"
        COUNTRY = "country", "Country"
        REGION = "region", "Region / province"
        CITY = "city", "City"
        OTHER = "other", "Other"

    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=300, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.CharField(max_length=500, blank=True)
    role = models.CharField(max_length=200, blank=True, help_text="Title or office that identifies the entity")
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code, when it has one")
    wikidata_id = models.CharField(max_length=20, blank=True, verbose_name="Wikidata ID")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntityQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [
            models.CheckConstraint(condition=Q(name__regex=r"\S"), name="entity_name_not_blank"),
            models.CheckConstraint(condition=Q(wikidata_id__regex=r"^(Q[1-9][0-9]*)?$"), name="entity_wikidata_qid"),
            models.UniqueConstraint(
                fields=["wikidata_id"], condition=~Q(wikidata_id=""), name="entity_unique_wikidata_id"
            ),
            models.CheckConstraint(condition=Q(country__regex=r"^([A-Z]{2})?$"), name="entity_country_iso"),
        ]
        indexes = [
            models.Index(fields=["kind", "name"], name="entity_kind_name_idx"),
            models.Index(fields=["country"], name="entity_country_idx", condition=~Q(country="")),
            # Names in a search are looked up folded (entities.selectors.names_in_search), as aliases are.
            models.Index(FoldedText("name"), name="entity_folded_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name


class Alias(Asserted):
    """A surface form of an entity's name; `folded` makes lookups case- and accent-insensitive.
    Its provenance says whether the gazetteer (a data file) or a curator gave it."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    folded = models.GeneratedField(
        expression=FoldedText("name"), output_field=models.CharField(max_length=300), db_persist=True
    )
    case_sensitive = models.BooleanField(
        default=False, help_text="Match only as written; all-capital aliases (TTP, BLA) always are"
    )

    history = HistoricalRecords(excluded_fields=["folded"])  # generated from the name

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["entity", "folded"], name="alias_unique_per_entity"),
            models.CheckConstraint(condition=Q(name__regex=r"\S"), name="alias_name_not_blank"),
            origin_constraint("alias"),
            asserted_constraint("alias"),
        ]
        indexes = [models.Index(fields=["folded"], name="alias_folded_idx")]

    def __str__(self) -> str:
        return self.name


class Mention(Asserted):
    """Where an article names an entity: the matched text and its offsets into the cleaned body,
    or into the title, the summary or one photo caption, as `field` (and `caption`) say.

    Database triggers keep `text` equal to that text's [start_offset:end_offset]: checked when a
    mention is inserted, and at commit when a mention or its article changes.
    """

    class Status(models.TextChoices):
        AUTOMATIC = "automatic", "Automatic"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    class Field(models.TextChoices):
        BODY = "body", "Body"
        TITLE = "title", "Title"
        SUMMARY = "summary", "Summary"
        CAPTION = "caption", "Photo caption"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    field = models.CharField(
        max_length=7, choices=Field.choices, default=Field.BODY, help_text="The text the offsets point into"
    )
    caption = models.ForeignKey(
        Removal, on_delete=models.CASCADE, null=True, blank=True, related_name="mentions",
        help_text="For a mention in a photo caption: the caption (kept as a removal) its offsets point into",
    )  # fmt: skip
    text = models.CharField(max_length=500)
    start_offset = models.PositiveIntegerField()
    end_offset = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AUTOMATIC)
    origin = models.CharField(
        max_length=10, choices=Origin.choices, db_default=Origin.EXTRACTOR, help_text="Who asserted it"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MentionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "start_offset"]
        constraints = [
            models.CheckConstraint(condition=Q(end_offset__gt=F("start_offset")), name="mention_end_after_start"),
            models.UniqueConstraint(
                fields=["article", "field", "caption", "entity", "start_offset", "end_offset"],
                nulls_distinct=False,
                name="mention_unique_span",
            ),
            models.CheckConstraint(
                condition=Q(field="caption", caption__isnull=False) | (~Q(field="caption") & Q(caption__isnull=True)),
                name="mention_caption_named",
            ),
            origin_constraint("mention"),
            asserted_constraint("mention"),
        ]
        indexes = [
            models.Index(fields=["entity", "article"], name="mention_entity_article_idx"),
            models.Index(fields=["article", "start_offset"], name="mention_article_offset_idx"),
            models.Index(fields=["status"], name="mention_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.text} → {self.entity_id} in article {self.article_id}"


class EntityArticle(models.Model):
    """An entity's presence in an article: one row per pair with at least one live (not rejected)
    mention, with the article's publication day.

    Database triggers keep it (migration 0005), whatever writes the mentions: filters, counts,
    co-mentions and facets read these pairs instead of aggregating every mention.
    """

    pk = models.CompositePrimaryKey("entity", "article")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="article_links", db_index=False)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="entity_links", db_index=False)
    published_on = models.DateField(null=True, blank=True)
    mentions = models.PositiveIntegerField(help_text="Live mentions of the entity in the article")

    class Meta:
        indexes = [
            models.Index(fields=["entity", "published_on", "article"], name="link_entity_date_idx"),
            models.Index(fields=["article", "entity"], name="link_article_entity_idx"),
        ]

    def __str__(self) -> str:
        return f"entity {self.entity_id} in article {self.article_id}"


class EntityStats(models.Model):
    """How many articles mention an entity, and when first and last: kept by triggers on
    EntityArticle, so listings can sort and filter every entity by them."""

    entity = models.OneToOneField(Entity, on_delete=models.CASCADE, primary_key=True, related_name="stats")
    article_count = models.PositiveIntegerField(default=0)
    first_mentioned = models.DateField(null=True, blank=True)
    last_mentioned = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "entity stats"
        indexes = [models.Index(fields=["article_count"], name="entitystats_articles_idx")]

    def __str__(self) -> str:
        return f"entity {self.entity_id}: {self.article_count} articles"


class Event(models.Model):
    """Something that happened (a visit, an agreement, a strike), evidenced by articles."""

    class Kind(models.TextChoices):
        VISIT = "visit", "Official visit"
        MEETING = "meeting", "Meeting / talks"
        AGREEMENT = "agreement", "Agreement / joint statement"
        MILITARY_STRIKE = "military_strike", "Military strike"
        MILITANT_ATTACK = "militant_attack", "Militant attack"
        BORDER_INCIDENT = "border_incident", "Border incident"
        TRADE_ENERGY = "trade_energy", "Trade or energy project"
        SANCTIONS = "sanctions", "Sanctions"
        STATEMENT = "statement", "Diplomatic statement"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    cameo_code = models.CharField(
        max_length=4, blank=True, verbose_name="CAMEO code", help_text="CAMEO event code; by default the kind's"
    )
    plover_type = models.CharField(max_length=12, blank=True, verbose_name="PLOVER type")
    origin = models.CharField(
        max_length=10, choices=Origin.choices, default=Origin.CURATOR, help_text="Who first asserted the event"
    )
    start_date = models.DateField(null=True, blank=True)
    start_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    location = models.ForeignKey(
        Entity, on_delete=models.SET_NULL, null=True, blank=True, related_name="events_located_here"
    )
    summary = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    participants = models.ManyToManyField(Entity, through="EventParticipant", related_name="events")
    articles = models.ManyToManyField(Article, through="EventEvidence", related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = [F("start_date").asc(nulls_last=True), "id"]
        constraints = [
            models.CheckConstraint(condition=Q(title__regex=r"\S"), name="event_title_not_blank"),
            date_precision_constraint("start_date", "start_precision", "event_start_precision"),
            date_precision_constraint("end_date", "end_precision", "event_end_precision"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=False, end_date__gte=F("start_date")),
                name="event_end_not_before_start",
            ),
            origin_constraint("event"),
        ]
        indexes = [
            models.Index(fields=["start_date", "id"], name="event_start_idx"),
            models.Index(fields=["kind", "start_date"], name="event_kind_start_idx"),
            models.Index(fields=["status", "start_date"], name="event_status_start_idx"),
            models.Index(fields=["cameo_code"], name="event_cameo_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def dates_text(self) -> str:
        """Its dates as precisely as they are known: "14–16 Jul 2023", "2013", "date unknown"."""
        return format_date_range(self.start_date, self.start_precision, self.end_date, self.end_precision)


class EventParticipant(Asserted):
    """An entity's part in an event, and who asserted it."""

    class Role(models.TextChoices):
        HOST = "host", "Host"
        VISITOR = "visitor", "Visitor"
        ACTOR = "actor", "Actor"
        TARGET = "target", "Target"
        MEDIATOR = "mediator", "Mediator"
        SIGNATORY = "signatory", "Signatory"
        PARTICIPANT = "participant", "Participant"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PARTICIPANT)

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "role", "entity"]
        constraints = [
            models.UniqueConstraint(fields=["event", "entity", "role"], name="participant_unique_role"),
            origin_constraint("participant"),
            asserted_constraint("participant"),
        ]
        indexes = [models.Index(fields=["entity", "role"], name="participant_entity_role_idx")]

    def __str__(self) -> str:
        return f"{self.entity_id} as {self.role} in event {self.event_id}"


class EventEvidence(Asserted):
    """An article reporting an event, with the sentence that says so (offsets into the body), and
    who linked them.

    The same trigger as for mentions keeps `sentence` equal to the body slice it points at. Evidence
    the machine adds to a confirmed event waits (`pending`) in the review queue until a curator
    accepts it or rejects it (EvidenceRejection).
    """

    class Status(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        PENDING = "pending", "Awaiting review"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="event_evidence")
    sentence = models.TextField()
    start_offset = models.PositiveIntegerField()
    end_offset = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, db_default=Status.ACCEPTED)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "article", "start_offset"]
        verbose_name_plural = "event evidence"
        constraints = [
            models.CheckConstraint(condition=Q(end_offset__gt=F("start_offset")), name="evidence_end_after_start"),
            models.UniqueConstraint(fields=["event", "article", "start_offset"], name="evidence_unique_sentence"),
            origin_constraint("evidence"),
            asserted_constraint("evidence"),
        ]
        indexes = [models.Index(fields=["article", "event"], name="evidence_article_event_idx")]

    def __str__(self) -> str:
        return f"article {self.article_id} for event {self.event_id}"


class EvidenceRejection(models.Model):
    """A curator's decision that a sentence does not report an event: detection never links it again.
    Deleting the decision (and restoring the evidence from its history) undoes it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rejected_evidence")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    start_offset = models.PositiveIntegerField()
    end_offset = models.PositiveIntegerField()
    sentence = models.TextField()
    reason = models.CharField(max_length=300, blank=True)
    rejected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    rejected_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "article", "start_offset"]
        constraints = [
            models.UniqueConstraint(fields=["event", "article", "start_offset"], name="rejection_unique_sentence"),
        ]

    def __str__(self) -> str:
        return f"article {self.article_id} is no evidence of event {self.event_id}"


class EventFieldSource(Asserted):
    """Where one field of an event comes from: who asserted its value, the words it was read from
    ("on Sunday", "in 2013") and the article they were read (and a relative date resolved) against.
    A value from outside the articles says where from in `source_note`."""

    class Field(models.TextChoices):
        TITLE = "title", "Title"
        KIND = "kind", "Kind"
        START_DATE = "start_date", "Start date"
        END_DATE = "end_date", "End date"
        LOCATION = "location", "Location"
        SUMMARY = "summary", "Summary"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="field_sources")
    field = models.CharField(max_length=10, choices=Field.choices)
    phrase = models.CharField(max_length=200, blank=True, help_text="The words of the text the value was read from")
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="The article it was read from, and a relative date resolved against",
    )  # fmt: skip

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "field"]
        constraints = [
            models.UniqueConstraint(fields=["event", "field"], name="field_source_unique"),
            origin_constraint("field_source"),
            asserted_constraint("field_source"),
        ]

    def __str__(self) -> str:
        return f"{self.field} of event {self.event_id}: {self.origin}"


class Candidate(models.Model):
    """A name the extractor found but could not resolve: a possible new entity, or a near-miss of a
    known alias (a variant spelling, a typo) proposed as a new alias of `entity`.

    One row per proposal; where it occurs lives in CandidateOccurrence, rebuilt on each extraction.
    """

    class Proposal(models.TextChoices):
        ENTITY = "entity", "New entity"
        ALIAS = "alias", "New alias"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ACCEPTED = "accepted", "Accepted"
        DISMISSED = "dismissed", "Dismissed"

    name = models.CharField(max_length=300)
    folded = models.GeneratedField(
        expression=FoldedText("name"), output_field=models.CharField(max_length=300), db_persist=True
    )
    proposal = models.CharField(max_length=10, choices=Proposal.choices)
    kind_guess = models.CharField(max_length=20, choices=Entity.Kind.choices, blank=True)
    role_guess = models.CharField(
        max_length=200, blank=True, help_text="For a person: the title written before the name, the entity's role"
    )
    entity = models.ForeignKey(
        Entity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alias_candidates",
        help_text="For a proposed alias: the entity it would belong to",
    )
    similar_alias = models.CharField(max_length=300, blank=True, help_text="The known alias it resembles")
    score = models.FloatField(null=True, blank=True, help_text="Similarity to that alias, 0-100")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    articles = models.ManyToManyField(Article, through="CandidateOccurrence", related_name="candidates")

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["folded", "proposal", "entity"], nulls_distinct=False, name="candidate_unique_proposal"
            ),
            models.CheckConstraint(
                condition=Q(proposal="entity", entity__isnull=True) | Q(proposal="alias", entity__isnull=False),
                name="candidate_alias_has_entity",
            ),
            models.CheckConstraint(condition=Q(name__regex=r"\S"), name="candidate_name_not_blank"),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="candidate_status_idx")]

    def __str__(self) -> str:
        return self.name


class CandidateOccurrence(models.Model):
    """Where a candidate name stands in an article: the text it was read from (body, title,
    summary or a photo caption), offsets into that text, and the words around it for curators."""

    class Field(models.TextChoices):
        BODY = "body", "Body"
        TITLE = "title", "Title"
        SUMMARY = "summary", "Summary"
        CAPTION = "caption", "Photo caption"

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="occurrences")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="candidate_occurrences")
    field = models.CharField(max_length=7, choices=Field.choices, default=Field.BODY)
    start_offset = models.PositiveIntegerField()
    end_offset = models.PositiveIntegerField()
    context = models.CharField(max_length=400, blank=True, help_text="The words around it")

    class Meta:
        ordering = ["article", "field", "start_offset"]
        constraints = [
            models.CheckConstraint(condition=Q(end_offset__gt=F("start_offset")), name="occurrence_end_after_start"),
            models.UniqueConstraint(fields=["article", "field", "start_offset"], name="occurrence_unique_place"),
        ]
        indexes = [models.Index(fields=["candidate", "article"], name="occurrence_candidate_idx")]

    def __str__(self) -> str:
        return f"candidate {self.candidate_id} in article {self.article_id}"


class EntityMerge(models.Model):
    """A curator's decision that `merged` is the same as `survivor`, and every row it changed, so
    that an unmerge can put each back exactly (see entities/identity.py).

    The ids are plain numbers, not foreign keys: the merged entity is deleted while the merge
    stands, and either entity may later be merged again; the names are kept for reading.
    """

    survivor_id = models.BigIntegerField(db_index=True)
    survivor_name = models.CharField(max_length=300)
    merged_id = models.BigIntegerField(db_index=True)
    merged_name = models.CharField(max_length=300)
    reason = models.CharField(max_length=500, blank=True, help_text="Why the curator judged them the same")
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undo_reason = models.CharField(max_length=500, blank=True)

    objects = EntityMergeQuerySet.as_manager()

    class Meta:
        ordering = ["-merged_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(survivor_id=F("merged_id")), name="merge_of_two_entities"),
            models.CheckConstraint(
                condition=Q(undone_at__isnull=True) | Q(undone_at__gte=F("merged_at")), name="merge_undone_after"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.merged_name} merged into {self.survivor_name}"

    @property
    def standing(self) -> bool:
        return self.undone_at is None


class MergeChange(models.Model):
    """One row a merge changed: the fields it set (before and after), a row it removed (all of it,
    in `before`), or a row it added (in `after`)."""

    class Action(models.TextChoices):
        CHANGED = "changed", "Changed"
        REMOVED = "removed", "Removed"
        ADDED = "added", "Added"

    merge = models.ForeignKey(EntityMerge, on_delete=models.CASCADE, related_name="changes")
    table = models.CharField(max_length=30, help_text="The model, as app_label.model_name")
    row_id = models.BigIntegerField()
    action = models.CharField(max_length=7, choices=Action.choices)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["merge", "id"]
        indexes = [models.Index(fields=["table", "row_id"], name="merge_change_row_idx")]

    def __str__(self) -> str:
        return f"{self.action} {self.table} {self.row_id}"


class Distinction(models.Model):
    """A curator's decision that two entities, or a name and an entity, are not the same: merges
    of the pair are refused, and the name is never proposed as an alias of the entity."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="distinctions")
    other = models.ForeignKey(
        Entity, on_delete=models.CASCADE, null=True, blank=True, related_name="distinctions_as_other"
    )
    name = models.CharField(max_length=300, blank=True, help_text="A name that does not refer to the entity")
    folded = models.GeneratedField(
        expression=FoldedText("name"), output_field=models.CharField(max_length=300), db_persist=True
    )
    reason = models.CharField(max_length=500)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    objects = DistinctionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["folded"])

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name, verbose_name_plural = "not-the-same decision", "not-the-same decisions"
        constraints = [
            models.CheckConstraint(
                condition=Q(other__isnull=False, name="") | Q(other__isnull=True, name__regex=r"\S"),
                name="distinction_of_an_entity_or_a_name",
            ),
            models.CheckConstraint(
                condition=Q(other__isnull=True) | Q(entity__lt=F("other")), name="distinction_pair_ordered"
            ),
            models.UniqueConstraint(fields=["entity", "other"], name="distinction_unique_pair"),
            models.UniqueConstraint(
                fields=["entity", "folded"], condition=Q(other__isnull=True), name="distinction_unique_name"
            ),
            models.CheckConstraint(condition=Q(reason__regex=r"\S"), name="distinction_has_reason"),
        ]
        indexes = [models.Index(fields=["folded"], name="distinction_folded_idx")]

    def __str__(self) -> str:
        return f"{self.entity} is not {self.other or repr(self.name)}"
