"""Reads over sources and articles: a chainable vocabulary for the API, the admin and commands."""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterable, Sequence

from django.apps import apps
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
)
from django.db import connection, models
from django.db.models import Count, F, FilteredRelation, Func, Q, Value
from django.db.models.functions import Cast, Replace
from django.db.models.sql.where import AND
from django.utils.html import escape

from archive.common.queries import planned_rows, related_model
from articles import ranking
from articles.languages import FALLBACK_CONFIG, SEARCH_CONFIGS, search_config


class SearchConfigOf(Func):
    """The text search configuration for a row's language tag, in SQL: PostgreSQL's for the language
    where it has one, else `simple` (see articles.languages). Every branch is a regconfig constant, so
    the expression is immutable and may define the stored search vector."""

    arity = 1
    output_field = models.TextField()

    def as_sql(self, compiler, connection, **extra_context):
        cases = " ".join(f"WHEN '{tag}' THEN '{config}'::regconfig" for tag, config in sorted(SEARCH_CONFIGS.items()))
        template = f"(CASE lower(split_part(%(expressions)s, '-', 1)) {cases} ELSE '{FALLBACK_CONFIG}'::regconfig END)"
        return super().as_sql(compiler, connection, template=template, **extra_context)


class HeadlinesOf(Func):
    """The title and summary of a search vector (its A and B weights), for the index that finds a
    search's hits by their headlines (articles.ranking)."""

    function = "ts_filter"
    arity = 1
    template = "%(function)s(%(expressions)s, '{" + ",".join(ranking.HEADLINE_WEIGHTS).lower() + '}\'::"char"[])'
    output_field = SearchVectorField()


class PrintedQuery(SearchQuery):
    """A tsquery as PostgreSQL prints one: its lexemes are sought as they are, not parsed again."""

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = compiler.compile(self.source_expressions[-1])
        return f"{sql}::tsquery", params


# Relevance ranking reads every hit's vector (about 6 µs each): for a word in half of a million
# articles that is seconds. A search whose hits PostgreSQL estimates at FULL_RANKING_LIMIT or fewer is
# ranked in full, through the GIN index's bitmap and a top-N sort; one with more ranks the newest
# RANKED_HITS hits only, and says so in its response (articles.views.RelevanceOrdering).
FULL_RANKING_LIMIT = 20_000
RANKED_HITS = 1_000
# Beyond FULL_RANKING_LIMIT, the hits with a searched word in the title or summary are ranked first when
# PostgreSQL expects at most this many of them (articles.ranking)...
HEADLINE_HITS_LIMIT = FULL_RANKING_LIMIT
# ...and the newest RANKED_HITS hits with them when it expects fewer than this: a body-only hit can only
# follow every headline hit, and finding the newest hits walks the date index reading a vector per
# article (167 ms for a word in 6 % of a million articles).
HEADLINES_ENOUGH = 200
# A one-word search with at least this many title hits lists them, in the rank stored for the word
# (articles.models.TitleWord), and reads no search vector: a title hit outranks every other hit.
TITLES_ENOUGH = HEADLINES_ENOUGH
# Where ts_headline marks a match: private-use characters, taken out of the body first, so that the
# passage can be escaped whole before the archive's own <mark> goes in.
MARK_START, MARK_END = "\ue000", "\ue001"
# The article's long texts, which listings leave in the database.
TEXT_FIELDS = ("raw_text", "search_vector", "body", "summary", "author_bio")
# What a listing shows of each article's source (articles.serializers.SourceBriefSerializer): its other
# columns, two timestamps among them, cost a quarter of the time spent reading a page's rows.
LISTED_SOURCE_FIELDS = ("id", "name", "slug")


# Other spellings of names in a search: each a phrase of the query (its words as written, joined by
# single spaces) and the other names of what it names. The articles app only uses them; what a
# name's other spellings are is the entities' to say (entities.selectors.names_in_search).
Spellings = Sequence[tuple[str, Sequence[str]]]


def search_query(text: str, configs: Iterable[str] | None = None, spellings: Spellings = ()) -> SearchQuery:
    """The words sought, in web-search syntax, read in each of the text search configurations the
    archive's articles are stored in (each article matches the reading in its own language's). A
    phrase with `spellings` matches any of them, so an article is found, ranked and highlighted by
    the spelling it uses."""
    configs = sorted(set(configs or search_configs_in_use()))
    text = " ".join(text.split())
    queries = [_read_in(text, config, spellings) for config in configs]
    query = queries[0]
    for other in queries[1:]:
        query |= other
    return query


def _read_in(text: str, config: str, spellings: Spellings) -> SearchQuery:
    rest = text
    for phrase, _ in spellings:
        rest = rest.replace(phrase, " ", 1)
    query = SearchQuery(rest, search_type="websearch", config=config) if rest.strip() else None
    for phrase, others in spellings:
        group = SearchQuery(phrase, search_type="phrase", config=config)
        for other in others:
            group |= SearchQuery(other, search_type="phrase", config=config)
        query = group if query is None else query & group
    return query


# The configurations in use are read at most once a CONFIGS_TTL per process: the archive's languages
# change rarely, and a search then costs no extra query. An article in a new language is found through
# its own language's reading at most that long after it was imported.
CONFIGS_TTL = 300.0
_configs_read: dict[str, tuple[float, frozenset[str]]] = {}


def search_configs_in_use() -> frozenset[str]:
    """The text search configurations of the languages the archive holds, from the tally (a few rows)."""
    read_at, configs = _configs_read.get(connection.alias, (0.0, frozenset()))
    if configs and time.monotonic() - read_at < CONFIGS_TTL:
        return configs
    tally = apps.get_model("articles", "ArticleTally")
    languages = tally.objects.filter(count__gt=0).values_list("language", flat=True).distinct()
    configs = frozenset(search_config(language) for language in languages) or frozenset({SEARCH_CONFIGS["en"]})
    _configs_read[connection.alias] = (time.monotonic(), configs)
    return configs


def forget_search_configs() -> None:
    _configs_read.clear()


def tsquery_text(query: SearchQuery) -> str:
    """A search query as PostgreSQL prints its tsquery: the lexemes each reading gives (what
    articles.ranking reads). One query, which reads no table."""
    articles = apps.get_model("articles", "Article").objects.all().query
    sql, params = articles.get_compiler(connection=connection).compile(query.resolve_expression(articles))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT ({sql})::text", params)
        return cursor.fetchone()[0] or ""


class SourceQuerySet(models.QuerySet):
    def with_article_counts(self) -> SourceQuerySet:
        return self.annotate(article_count=Count("articles"))


class ArticleQuerySet(models.QuerySet):
    def count(self) -> int:
        """How many: for every article, the sum of the tally the triggers keep (a few thousand rows,
        where COUNT(*) reads a million); for any narrower set, counted."""
        query = self.query
        if self._result_cache is not None or query.where or query.is_sliced or query.combinator or query.distinct:
            return super().count()
        tally = apps.get_model("articles", "ArticleTally")
        return tally.objects.aggregate(total=models.Sum("count"))["total"] or 0

    def published_between(
        self, start: datetime.date | None = None, end: datetime.date | None = None
    ) -> ArticleQuerySet:
        """Articles whose (possibly partial) publication date falls in [start, end]; undated ones never do."""
        queryset = self
        if start is not None:
            queryset = queryset.filter(published_on__gte=start)
        if end is not None:
            queryset = queryset.filter(published_on__lte=end)
        return queryset

    def from_sources(self, sources: Iterable[object]) -> ArticleQuerySet:
        return self.filter(source__in=list(sources))

    def search(self, text: str, spellings: Spellings = (), spelt_otherwise_where: Q | None = None) -> ArticleQuerySet:
        """Full-text match with web-search syntax ("phrase", -word, or), best matches first. With
        `spellings`, an article where `spelt_otherwise_where` holds (one that mentions what the names
        name) matches in any spelling, and every hit is ranked as if it used the name searched. The
        rank is read as double precision, so that a cursor page's rank compares equal to the row's own."""
        written = search_query(text)
        if not spellings:
            matched, ranked = Q(search_vector=written), written
        else:
            ranked = search_query(text, spellings=spellings)
            matched = Q(search_vector=written) | (Q(search_vector=ranked) & (spelt_otherwise_where or Q()))
        rank = Cast(SearchRank(F("search_vector"), ranked), models.FloatField())
        return self.filter(matched).annotate(rank=rank).order_by("-rank", "-id")

    def estimated_count(self) -> int:
        """How many rows PostgreSQL's planner expects these articles to be, from its statistics (a
        text search's from the frequencies of the search vector's most common words): one EXPLAIN,
        no rows read."""
        return planned_rows(self.values("pk"))

    def by_title_word(self, word: str, enough: int) -> tuple[ArticleQuerySet, int] | None:
        """These hits of a search of the one word `word` (a lexeme: articles.ranking.sole_word) that
        hold it in their title, in the rank the triggers stored for it, with the planner's estimate of
        the articles with the word in their title (at least the `enough` found; more than these hits
        where other filters narrow them); None when fewer than `enough` of these hits do. The
        search's own match is dropped (every title hit matches), and so is its ranking: neither reads a
        search vector. One query (whether `enough` do), and one more (the estimate) when they do."""
        where = self.query.where
        matches = [child for child in where.children if isinstance(child, SearchVectorExact)]
        if where.connector != AND or where.negated or len(matches) != 1:
            return None  # not one plain search among other filters: which condition is the match is unclear
        unmatched = self._chain()
        unmatched.query.where.children.remove(matches[0])
        in_titles = (
            unmatched.alias(title_word=FilteredRelation("title_words", condition=Q(title_words__lexeme=word)))
            .filter(title_word__rank__isnull=False)
            .annotate(rank=F("title_word__rank"))
        )
        if enough and not list(in_titles.order_by().values_list("pk", flat=True)[enough - 1 : enough]):
            return None
        title_words = related_model(self.model, "title_words").objects.filter(lexeme=word)
        return in_titles, max(planned_rows(title_words.values("article")), enough)

    def headlines_first(self, printed: str, limit: int, newest: int) -> tuple[ArticleQuerySet, int] | None:
        """These hits with a word of the search `printed` (articles.ranking) in their title or summary
        (and the `newest` others when PostgreSQL expects fewer than HEADLINES_ENOUGH of them), with how
        many it ranks: the planner's estimate of the articles with such a word in their headlines (more
        than these hits where other filters narrow them), and the newest; None when that estimate passes
        `limit`, or when ranking them cannot show the true top (an AND of several words). One query
        (the estimate), and one more for the newest."""
        words = ranking.averaged_words(printed)
        if not words:
            return None
        any_word = PrintedQuery(ranking.any_of(words))
        with_headlines = self.alias(headlines=HeadlinesOf("search_vector"))
        in_headlines = with_headlines.filter(headlines=any_word)
        # Estimated over the whole archive: the planner takes a headline hit and a hit for independent
        # (it is one), and so thought a word in 6 % of the articles had a tenth of its headline hits.
        in_any_headlines = self.model.objects.alias(headlines=HeadlinesOf("search_vector")).filter(headlines=any_word)
        expected = in_any_headlines.estimated_count()
        if expected > limit:
            return None
        if expected >= HEADLINES_ENOUGH:
            return in_headlines, expected
        # The newest's ids first, so that one scan reads each ranked hit once (an IN subquery read it twice).
        return with_headlines.filter(
            Q(headlines=any_word) | Q(pk__in=list(self._newest_ids(newest)))
        ), expected + newest

    def newest(self, limit: int) -> ArticleQuerySet:
        """Only the `limit` most recently published of these articles (undated ones last)."""
        return self.filter(pk__in=models.Subquery(self._newest_ids(limit)))

    def _newest_ids(self, limit: int) -> ArticleQuerySet:
        return self.order_by(F("published_on").desc(nulls_last=True), "-id").values_list("pk", flat=True)[:limit]

    def snippets(self, ids: Iterable[int], text: str, spellings: Spellings = ()) -> dict[int, str]:
        """Highlighted passages of the body for a page of search hits, as HTML: the body's text
        escaped, and only the archive's <mark> around the matches. `ts_headline` costs too much to
        run on every hit, so it runs on the page's rows only."""
        body = Replace(Replace("body", Value(MARK_START), Value("")), Value(MARK_END), Value(""))
        headline = SearchHeadline(
            body, search_query(text, spellings=spellings), config=SearchConfigOf("language"), start_sel=MARK_START,
            stop_sel=MARK_END, max_words=35, min_words=15, max_fragments=2, fragment_delimiter=" … ",
        )  # fmt: skip
        rows = self.filter(pk__in=list(ids)).annotate(snippet=headline).values_list("id", "snippet")
        return {pk: escape(snippet).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>") for pk, snippet in rows}

    def for_listing(self) -> ArticleQuerySet:
        """What a listing reads, in one query: the source's name joined, the texts left in the database."""
        source_fields = related_model(self.model, "source")._meta.concrete_fields
        unlisted = [f"source__{field.name}" for field in source_fields if field.name not in LISTED_SOURCE_FIELDS]
        return self.select_related("source").defer(*TEXT_FIELDS, *unlisted)

    def for_detail(self) -> ArticleQuerySet:
        """One article with its removals and copies, in three queries."""
        return (
            self.select_related("source")
            .defer("raw_text", "search_vector")
            .prefetch_related("removals", models.Prefetch("similarities", queryset=_copies(self.model)))
        )


def _copies(model: type[models.Model]) -> models.QuerySet:
    return (
        related_model(model, "similarities")
        .objects.select_related("similar")
        .only("id", "article_id", "similar_id", "jaccard", "containment", "similar__id", "similar__title")
    )
