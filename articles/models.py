from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from archive.common.dates import DatePrecision
from articles.managers import ArticleQuerySet, HeadlinesOf, SearchConfigOf, SourceQuerySet


def date_precision_constraint(date_field: str, precision_field: str, name: str) -> models.CheckConstraint:
    """A date is null exactly when unknown, and month/year precision pin the unknown parts to 1."""
    return models.CheckConstraint(
        condition=(
            Q(**{f"{date_field}__isnull": True, precision_field: DatePrecision.UNKNOWN})
            | Q(**{f"{date_field}__isnull": False, precision_field: DatePrecision.DAY})
            | Q(**{f"{date_field}__day": 1, precision_field: DatePrecision.MONTH})
            | Q(**{f"{date_field}__month": 1, f"{date_field}__day": 1, precision_field: DatePrecision.YEAR})
        ),
        name=name,
    )


class Source(models.Model):
    """An outlet that publishes articles: a newspaper, an agency, a broadcaster, a think tank.

    Known from the curated outlets file, created by a curator, or found by the importer on a page
    whose outlet the archive did not know yet; a found one waits for a curator to confirm it.
    """

    class Kind(models.TextChoices):
        NEWSPAPER = "newspaper", "Newspaper"
        AGENCY = "agency", "News agency"
        BROADCASTER = "broadcaster", "Broadcaster"
        NEWS_SITE = "news_site", "News site"
        MAGAZINE = "magazine", "Magazine"
        THINK_TANK = "think_tank", "Think tank"
        BLOG = "blog", "Blog"
        GOVERNMENT = "government", "Government / official"
        AGGREGATOR = "aggregator", "Aggregator"
        OTHER = "other", "Other"

    class Origin(models.TextChoices):
        OUTLETS_FILE = "outlets_file", "Outlets file"
        IMPORTER = "importer", "Found by the importer"
        CURATOR = "curator", "Curator"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    aliases = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Other names its pages, mastheads and credits use, e.g. DAWN.COM, Dawn News",
    )
    homepage_url = models.URLField(max_length=500, blank=True)
    domain = models.CharField(max_length=253, blank=True, help_text="Host name without scheme or www., e.g. dawn.com")
    other_domains = ArrayField(
        models.CharField(max_length=253),
        default=list,
        blank=True,
        help_text="More host names its pages are served from, e.g. epaper.dawn.com",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEWS_SITE)
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code of the outlet's home country"
    )
    origin = models.CharField(
        max_length=20,
        choices=Origin.choices,
        default=Origin.CURATOR,
        db_default=Origin.CURATOR,
        help_text="Who put it in the archive: the outlets file, the importer or a curator",
    )
    confirmed = models.BooleanField(
        default=True,
        db_default=True,
        help_text="False while an outlet the importer found waits for a curator to confirm it",
    )
    found_from = models.CharField(
        max_length=300,
        blank=True,
        db_default="",
        help_text="For an outlet the importer found: the clue it was read from",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SourceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["domain"], condition=~Q(domain=""), name="source_unique_domain"),
            models.CheckConstraint(condition=~Q(name=""), name="source_name_not_empty"),
            models.CheckConstraint(condition=Q(country__regex=r"^([A-Z]{2})?$"), name="source_country_iso"),
            models.CheckConstraint(
                condition=Q(confirmed=True) | Q(origin="importer"), name="source_only_found_unconfirmed"
            ),
        ]
        indexes = [
            models.Index(fields=["kind"], name="source_kind_idx"),
            models.Index(fields=["confirmed"], name="source_unconfirmed_idx", condition=Q(confirmed=False)),
        ]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    """One published piece, with its cleaned body and the raw text it was imported from."""

    class Type(models.TextChoices):
        NEWS = "news", "News"
        OPINION = "opinion", "Opinion"
        ANALYSIS = "analysis", "Analysis"

    class Status(models.TextChoices):
        IMPORTED = "imported", "Imported"
        REVIEWED = "reviewed", "Reviewed"
        REJECTED = "rejected", "Rejected"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, null=True, blank=True, related_name="articles")
    title = models.CharField(max_length=1000)
    title_derived = models.BooleanField(
        default=False, help_text="The text had no headline; the title is its first sentence"
    )
    summary = models.TextField(blank=True, help_text="Standfirst or description, kept out of the body")
    byline = models.CharField(max_length=500, blank=True)
    author_bio = models.TextField(blank=True)
    section = models.CharField(max_length=200, blank=True)
    dateline = models.CharField(max_length=100, blank=True, help_text="Where the report was filed from")
    published_on = models.DateField(null=True, blank=True)
    published_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    published_time = models.TimeField(null=True, blank=True, help_text="Local time as the page printed it")
    published_text = models.CharField(
        max_length=300,
        blank=True,
        db_default="",
        help_text="The words the publication date was read from, as the page or its metadata wrote them",
    )
    url = models.URLField(max_length=2000, blank=True, verbose_name="original URL")
    language = models.CharField(max_length=12, default="en", help_text="BCP 47 language tag, e.g. en, ur, fa")
    article_type = models.CharField(max_length=10, choices=Type.choices, default=Type.NEWS)
    body = models.TextField(help_text="Cleaned body; entity mention offsets point into it")
    raw_text = models.TextField(help_text="The imported text, byte for byte as decoded")
    origin_name = models.CharField(max_length=500, help_text="File (or file:line of an export) imported from")
    encoding = models.CharField(max_length=40, blank=True, help_text="Encoding the file was decoded from")
    content_hash = models.CharField(
        max_length=64,
        editable=False,
        help_text="SHA-256 of the normalised raw text; makes re-imports idempotent",
    )
    text_hash = models.CharField(
        max_length=64,
        editable=False,
        default="",
        help_text="SHA-256 of the canonical title and body; finds exact duplicates",
    )
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        help_text="The first article of the story this one is a near-duplicate or syndicated copy of",
    )
    curated_fields = ArrayField(
        models.CharField(max_length=40),
        default=list,
        blank=True,
        help_text="Fields a curator edited; re-parsing (import --update) leaves them alone",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.IMPORTED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=SearchConfigOf("language"))
        + SearchVector("summary", weight="B", config=SearchConfigOf("language"))
        + SearchVector("body", weight="C", config=SearchConfigOf("language")),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ArticleQuerySet.as_manager()
    # Not recorded: the imported text (large, never edited), the search index (generated), and
    # curated_fields (written after the save; the history itself says what curators edited).
    history = HistoricalRecords(excluded_fields=["raw_text", "search_vector", "curated_fields"])

    class Meta:
        ordering = [F("published_on").desc(nulls_last=True), "-id"]
        constraints = [
            models.UniqueConstraint(fields=["content_hash"], name="article_unique_content"),
            models.UniqueConstraint(fields=["text_hash"], name="article_unique_text"),
            models.CheckConstraint(condition=~Q(duplicate_of=F("id")), name="article_not_own_duplicate"),
            models.CheckConstraint(condition=Q(content_hash__regex=r"^[0-9a-f]{64}$"), name="article_hash_sha256"),
            models.CheckConstraint(condition=Q(title__regex=r"\S"), name="article_title_not_blank"),
            date_precision_constraint("published_on", "published_precision", "article_published_precision"),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="article_search_idx"),
            # A search too common to rank in full ranks the hits with a searched word in the title or
            # summary first (articles.ranking): this index finds them without reading every hit.
            GinIndex(HeadlinesOf("search_vector"), name="article_headlines_idx"),
            models.Index(F("published_on").desc(nulls_last=True), F("id").desc(), name="article_published_idx"),
            models.Index(
                "source",
                F("published_on").desc(nulls_last=True),
                F("id").desc(),
                name="article_source_date_idx",
            ),
            models.Index(
                "status",
                F("published_on").desc(nulls_last=True),
                F("id").desc(),
                name="article_status_date_idx",
            ),
            models.Index(fields=["article_type", "published_on"], name="article_type_date_idx"),
            models.Index(fields=["language", "published_on"], name="article_language_date_idx"),
            models.Index(fields=["created_at"], name="article_created_idx"),
            models.Index(fields=["url"], name="article_url_idx", condition=~Q(url="")),
            models.Index(
                fields=["duplicate_of"],
                name="article_duplicate_of_idx",
                condition=Q(duplicate_of__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title


CAPTION_RULE = "photo_caption"  # the rule of a removal that is a photo's caption, read for mentions


class Removal(models.Model):
    """Text the importer kept out of an article's body, with the rule that did it.

    `body_offset` is where in the body the text stood, so a curator can put it back.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="removals")
    rule = models.CharField(max_length=40)
    text = models.TextField()
    body_offset = models.PositiveIntegerField()
    note = models.CharField(max_length=300, blank=True, help_text="What the rule read in it: a date, a credit")
    restored_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "body_offset", "id"]
        indexes = [
            models.Index(fields=["article", "body_offset"], name="removal_article_offset_idx"),
            models.Index(fields=["rule"], name="removal_rule_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.text[:60]}"


class Fingerprint(models.Model):
    """An article's MinHash signature and LSH band keys, for finding its near-duplicates.

    `published_on` copies the article's date (a trigger keeps it in step) so that the search for
    copies of a dated story combines the band index with a date range in one bitmap scan.
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="fingerprint")
    signature = ArrayField(models.BigIntegerField())
    bands = ArrayField(models.BigIntegerField())
    shingle_count = models.PositiveIntegerField()
    published_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            # Without GIN's pending list: every import screens each new article's bands, and a search
            # reads the whole pending list (up to 4 MB) before the index, which grew with each batch.
            GinIndex(fields=["bands"], name="fingerprint_bands_idx", fastupdate=False),
            models.Index(fields=["published_on"], name="fingerprint_published_idx"),
        ]

    def __str__(self) -> str:
        return f"fingerprint of article {self.article_id}"


class Similarity(models.Model):
    """Two articles that tell the same story, stored once in each direction."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="similarities")
    similar = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    jaccard = models.FloatField(help_text="Shared shingles over all shingles of the two")
    containment = models.FloatField(help_text="Shared shingles over the shingles of the shorter one")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "-jaccard"]
        verbose_name_plural = "similarities"
        constraints = [
            models.UniqueConstraint(fields=["article", "similar"], name="similarity_unique_pair"),
            models.CheckConstraint(condition=~Q(article=F("similar")), name="similarity_not_self"),
            models.CheckConstraint(condition=Q(jaccard__gte=0, jaccard__lte=1), name="similarity_jaccard_range"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} ~ {self.similar_id} ({self.jaccard:.2f})"


class ArticleTally(models.Model):
    """How many articles share a source, month of publication, type, status and language: kept by
    database triggers on articles (migration 0006), so facets and counts of the whole archive read a
    few thousand rows instead of a million. Groups that empty keep a zero count."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, null=True, related_name="+", db_index=False)
    month = models.DateField(null=True, help_text="First day of the month of publication; null when undated")
    article_type = models.CharField(max_length=10)
    status = models.CharField(max_length=10)
    language = models.CharField(max_length=12)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "month", "article_type", "status", "language"],
                nulls_distinct=False,
                name="tally_unique_group",
            )
        ]

    def __str__(self) -> str:
        return f"{self.count} articles in group {self.source_id}/{self.month}/{self.article_type}/{self.status}"


class TitleWord(models.Model):
    """A word of an article's title with the article's `ts_rank` for a search of that one word: kept
    by database triggers on articles (migration 0011). A word in the titles of thousands of articles
    finds its best hits here in rank order, where ranking them would read every hit's search vector
    (articles.ranking)."""

    pk = models.CompositePrimaryKey("article", "lexeme")
    # Deleted with the article by the triggers; the primary key's first column finds an article's words.
    article = models.ForeignKey(Article, on_delete=models.DO_NOTHING, related_name="title_words", db_index=False)
    lexeme = models.TextField(help_text="As the article's search vector holds it (stemmed in its language)")
    rank = models.FloatField(help_text="ts_rank of the article's search vector for this one word")

    class Meta:
        # In the order a listing by relevance sorts (articles.views.RelevanceOrdering: rank, nulls last, then id).
        indexes = [
            models.Index("lexeme", F("rank").desc(nulls_last=True), F("article").desc(), name="titleword_ranked_idx")
        ]

    def __str__(self) -> str:
        return f"{self.lexeme} in the title of {self.article_id} ({self.rank:.3f})"
