"""Save items as articles: parse, clean, dedupe, save, each article all or nothing.

Each item (a file, or one record of a JSON export) is saved in its own transaction under a
PostgreSQL advisory lock, so that concurrent imports never race each other; `after_save` runs in
that transaction for every article created or updated (the pipeline extracts entities and proposes
events there). Inputs are streamed: memory stays flat however many files a folder holds.

Every input fails alone: whatever it holds, it ends as one result with one line, and the import
goes on. A lost database connection is retried with backoff for `database_wait` seconds; then the
import stops with what it did so far (ImportReport.stopped), and a re-run completes it.
"""

from __future__ import annotations

import enum
import itertools
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction

from archive.common.queries import SKIP_COMMIT_FLUSH, one_or_none
from articles.cleaning import content_hash, text_hash
from articles.duplicates import link_near_duplicates
from articles.inputs import Item, Unreadable, read_inputs
from articles.limits import DEFAULT_LIMITS, ImportLimits, storable
from articles.models import Article, Removal, Source
from articles.outlets import OutletIndex
from articles.parsing import ParsedArticle, ParseError
from articles.signals import TextConflict, text_changed
from articles.sources import known_outlets, outlet_of

IMPORT_LOCK_KEY = 0x4152434849564531  # pg_advisory_xact_lock key shared by every import

# Fields the parser fills; `import --update` rewrites those a curator has not edited.
PARSED_FIELDS = (
    "title", "title_derived", "summary", "byline", "author_bio", "section", "dateline", "published_on",
    "published_precision", "published_time", "published_text", "url", "language", "article_type", "body", "source",
    "encoding",
)  # fmt: skip

# Called with the article and whether it was just created (then nothing is attached to it yet).
AfterSave = Callable[[Article, bool], None]
UNSTORABLE_RULE = "unstorable_characters"  # the Removal that records what PostgreSQL could not store
log = logging.getLogger(__name__)


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class ItemResult:
    """What happened to one article-sized input: a file, or one record of an export."""

    origin: str
    outcome: Outcome
    article_id: int | None = None
    detail: str = ""

    def describe(self) -> str:
        """One line naming the input, what happened and why."""
        return f"{self.origin}: {self.outcome}" + (f": {' '.join(self.detail.split())}" if self.detail else "")


@dataclass
class ImportReport:
    """Totals and failures; per-item results are streamed to a callback, never accumulated."""

    counts: Counter = field(default_factory=Counter)
    failures: list[ItemResult] = field(default_factory=list)
    dry_run: bool = False
    stopped: str = ""  # why the import stopped before its last input (the database went away)

    def add(self, result: ItemResult) -> None:
        self.counts[result.outcome] += 1
        if result.outcome is Outcome.FAILED:
            self.failures.append(result)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def count(self, outcome: Outcome) -> int:
        return self.counts[outcome]

    def summary(self) -> str:
        counts = ", ".join(f"{self.counts[outcome]} {outcome}" for outcome in Outcome)
        prefix = "dry run, nothing saved: " if self.dry_run else ""
        return f"{prefix}{counts} ({self.total} articles)"

    def as_dict(self) -> dict[str, object]:
        return {
            **{str(outcome): self.counts[outcome] for outcome in Outcome},
            "total": self.total,
            "dry_run": self.dry_run,
            "failures": [{"origin": failure.origin, "reason": failure.detail} for failure in self.failures],
            **({"stopped": self.stopped} if self.stopped else {}),
        }


@dataclass(frozen=True)
class ImportOptions:
    source: Source | None = None  # the outlet of files that name none in their metadata
    dry_run: bool = False
    update: bool = False  # re-parse articles already imported; curated fields win
    limits: ImportLimits = DEFAULT_LIMITS
    database_wait: float = 60.0  # seconds a lost database connection is retried before the import stops
    outlets: OutletIndex | None = None  # the outlets recognised on pages; read from the sources when None


def import_paths(
    paths: Iterable[str | Path],
    *,
    options: ImportOptions | None = None,
    after_save: AfterSave | None = None,
    on_result: Callable[[ItemResult], None] | None = None,
) -> ImportReport:
    """Import everything the paths name; one bad input never stops the rest."""
    options = options or ImportOptions()
    if options.outlets is None:
        options = replace(options, outlets=known_outlets())
    report = ImportReport(dry_run=options.dry_run)
    entries = read_inputs(paths, limits=options.limits, outlets=options.outlets)
    while batch := list(itertools.islice(entries, BATCH)):
        imported = {} if options.update else _already_imported(batch)
        for entry in batch:
            if isinstance(entry, Unreadable):
                result = ItemResult(entry.origin, Outcome.FAILED, detail=entry.reason)
            elif content_hash(entry.raw_text) in imported:  # nothing to parse (the save checks again, locked)
                result = ItemResult(entry.origin, Outcome.UNCHANGED, article_id=imported[content_hash(entry.raw_text)])
            else:
                try:
                    result = import_item(entry, options=options, after_save=after_save)
                except DatabaseUnavailable as exc:
                    report.stopped = f"{exc}; stopped before {entry.origin}, after {report.total} inputs: run it again"
                    return report
            report.add(result)
            if on_result:
                on_result(result)
    return report


BATCH = 50  # inputs read ahead, to look up in one query which of them were imported before


def _already_imported(batch: Iterable[Item | Unreadable]) -> dict[str, int]:
    """Content hash -> article id of the batch's inputs already in the archive (one query); empty when
    the database cannot say now (each input's save then finds out, and retries or reports)."""
    hashes = [content_hash(entry.raw_text) for entry in batch if isinstance(entry, Item)]
    try:
        return dict(Article.objects.filter(content_hash__in=hashes).values_list("content_hash", "pk"))
    except DatabaseError:
        return {}


class ImportConflict(Exception):
    """Saving would break the archive's consistency; the message says why in one line."""


class DatabaseUnavailable(Exception):
    """The database connection was lost and did not come back within the wait allowed."""


def import_item(item: Item, *, options: ImportOptions, after_save: AfterSave | None = None) -> ItemResult:
    """Parse and save one article, all or nothing; identical texts are never stored twice. A created
    or updated article is handed to `after_save` inside the same transaction. Whatever goes wrong
    with this input is its result; only a database that stays away raises (DatabaseUnavailable)."""
    try:
        parsed = item.parse()
    except ParseError as exc:
        return ItemResult(item.origin, Outcome.FAILED, detail=str(exc))
    except Exception as exc:
        log.exception("parsing %s", item.origin)
        return ItemResult(item.origin, Outcome.FAILED, detail=f"cannot be parsed ({type(exc).__name__}: {exc})")
    problem = _unstorable(parsed)
    if problem:
        return ItemResult(item.origin, Outcome.FAILED, detail=problem)
    waited, pause = 0.0, 0.5
    while True:
        try:
            return _save_in_transaction(item, parsed, options, after_save)
        except ImportConflict as exc:
            return ItemResult(item.origin, Outcome.FAILED, detail=str(exc))
        except (OperationalError, InterfaceError) as exc:
            if _connection_alive():
                return _refused(item, exc)
            connection.close()  # the next query connects afresh
            if waited >= options.database_wait:
                raise DatabaseUnavailable(f"database unavailable for {waited:.0f} s ({_first_line(exc)})") from exc
            log.warning("database connection lost at %s; retrying in %.1f s", item.origin, pause)
            time.sleep(pause)
            waited, pause = waited + pause, min(pause * 2, 10.0)
        except DatabaseError as exc:
            return _refused(item, exc)


def _save_in_transaction(
    item: Item, parsed: ParsedArticle, options: ImportOptions, after_save: AfterSave | None
) -> ItemResult:
    with transaction.atomic():
        # One round trip: imports take turns, and since they are idempotent their commits need not
        # wait for the WAL flush (skip_commit_flush), which makes per-article transactions several
        # times faster.
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT pg_advisory_xact_lock(%s), {SKIP_COMMIT_FLUSH}", [IMPORT_LOCK_KEY])
        result, saved = _save(item, parsed, options)
        if after_save is not None and saved is not None:
            after_save(saved, result.outcome is Outcome.CREATED)
        if options.dry_run:
            transaction.set_rollback(True)
    if options.dry_run and result.outcome is Outcome.CREATED:
        return replace(result, article_id=None)  # rolled back: no such article
    return result


def _connection_alive() -> bool:
    try:
        return connection.connection is not None and not connection.connection.closed and connection.is_usable()
    except DatabaseError:
        return False


def _refused(item: Item, exc: DatabaseError) -> ItemResult:
    """The database refused this input (the transaction rolled back); the import goes on."""
    log.warning("the database refused %s: %s", item.origin, exc)
    return ItemResult(item.origin, Outcome.FAILED, detail=f"the database refused it: {_first_line(exc)}")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _unstorable(parsed: ParsedArticle) -> str:
    """A last guard: text PostgreSQL cannot store is refused here, never sent to it."""
    for name in ("title", "body", "summary", "byline", "author_bio", "section", "dateline", "url", "outlet"):
        found = storable(getattr(parsed, name))[1]
        if found:
            return f"the {name} holds characters PostgreSQL cannot store ({', '.join(map(ascii, found))})"
    return ""


def _save(item: Item, parsed: ParsedArticle, options: ImportOptions) -> tuple[ItemResult, Article | None]:
    """What happened, and the article created or updated (None when nothing was saved)."""
    known = Article.objects.filter(content_hash=content_hash(item.raw_text))
    if not options.update:
        existing_id = one_or_none(known.values_list("pk", flat=True))
        if existing_id is not None:
            return ItemResult(item.origin, Outcome.UNCHANGED, article_id=existing_id), None
    else:
        existing = one_or_none(known)
        if existing is not None:
            changed = reparse_article(existing, parsed, item=item, options=options)
            outcome = Outcome.UPDATED if changed else Outcome.UNCHANGED
            return ItemResult(item.origin, outcome, article_id=existing.pk), existing if changed else None

    fields = _article_fields(parsed, item, options)
    same_text = one_or_none(
        Article.objects.filter(text_hash=text_hash(fields["title"], fields["body"])).only("id", "origin_name")
    )
    if same_text is not None:
        detail = f"same text as article {same_text.pk} ({same_text.origin_name})"
        return ItemResult(item.origin, Outcome.DUPLICATE, article_id=same_text.pk, detail=detail), None

    article = Article.objects.create(
        content_hash=content_hash(item.raw_text),
        text_hash=text_hash(fields["title"], fields["body"]),
        raw_text=item.raw_text,
        origin_name=item.origin_name[:500],
        **fields,
    )
    _save_removals(article, parsed)
    if item.removed_characters:
        Removal.objects.create(
            article=article, rule=UNSTORABLE_RULE, text=item.removed_characters, body_offset=0,
            note="taken out before parsing: PostgreSQL cannot store them",
        )  # fmt: skip
    copies = link_near_duplicates(article)
    detail = (
        f"copy of article {article.duplicate_of_id} (and {len(copies) - 1} more)"
        if len(copies) > 1
        else (f"copy of article {article.duplicate_of_id}" if copies else "")
    )
    return ItemResult(item.origin, Outcome.CREATED, article_id=article.pk, detail=detail), article


def _article_fields(parsed: ParsedArticle, item: Item, options: ImportOptions) -> dict[str, object]:
    published = parsed.published
    return {
        "title": parsed.title[:1000],
        "title_derived": parsed.title_derived,
        "summary": parsed.summary,
        "byline": parsed.byline[:500],
        "author_bio": parsed.author_bio,
        "section": parsed.section[:200],
        "dateline": parsed.dateline[:100],
        "published_on": published.date,
        "published_precision": published.precision,
        "published_time": published.time,
        "published_text": parsed.published_text[:300],
        "url": parsed.url,
        "language": parsed.language or "en",
        "article_type": parsed.article_type,
        "body": parsed.body,
        "source": outlet_of(parsed, default=options.source, outlets=options.outlets),
        "encoding": item.encoding,
    }


def _save_removals(article: Article, parsed: ParsedArticle) -> None:
    Removal.objects.bulk_create(
        Removal(article=article, rule=r.rule, text=r.text, body_offset=r.body_offset, note=r.note[:300])
        for r in parsed.removals
    )


def _replace_removals(article: Article, parsed: ParsedArticle) -> None:
    """The parser's removals as it makes them now: one it makes again keeps its row (and what is
    anchored in it, such as a caption's mentions), moved to its new place; the others go or come."""
    kept = {}
    for removal in article.removals.exclude(rule=UNSTORABLE_RULE).order_by("id"):
        kept.setdefault((removal.rule, removal.text), []).append(removal)
    new, moved = [], []
    for r in parsed.removals:
        same = kept.get((r.rule, r.text))
        if same:
            removal = same.pop(0)
            removal.body_offset, removal.note = r.body_offset, r.note[:300]
            moved.append(removal)
        else:
            new.append(Removal(article=article, rule=r.rule, text=r.text, body_offset=r.body_offset, note=r.note[:300]))
    gone = [removal.pk for rows in kept.values() for removal in rows]
    for removal in Removal.objects.filter(pk__in=gone):
        removal.delete()  # one by one: what is anchored in it may refuse (TextConflict)
    Removal.objects.bulk_update(moved, ["body_offset", "note"])
    Removal.objects.bulk_create(new)


def reparse_article(article: Article, parsed: ParsedArticle, *, item: Item, options: ImportOptions) -> bool:
    """Bring an imported article up to date with an improved parser; curated fields win.

    Returns whether anything changed. Unless a curator edited the body, its removal records are
    rebuilt; a new title or body is announced with `text_changed`, so that what is anchored in the
    old text moves with it (or refuses, and the article is left as it was).
    """
    fields = _article_fields(parsed, item, options)
    curated = set(article.curated_fields)
    changes = {name: value for name, value in fields.items() if name not in curated and getattr(article, name) != value}
    removals_changed = "body" not in curated and _removal_records(article) != sorted(
        (r.rule, r.text, r.body_offset, r.note[:300]) for r in parsed.removals
    )
    if not changes and not removals_changed:
        return False
    previous = {name: getattr(article, name) for name in ("title", "body", "summary") if name in changes}
    for name, value in changes.items():
        setattr(article, name, value)
    new_text_hash = text_hash(article.title, article.body)
    clash = one_or_none(Article.objects.filter(text_hash=new_text_hash).exclude(pk=article.pk))
    if clash is not None:
        raise ImportConflict(f"re-parsed, its text equals article {clash.pk} ({clash.origin_name}); left as it was")
    article.text_hash = new_text_hash
    article.save()
    if previous:
        try:
            text_changed.send(Article, article=article, previous=previous, change="re-parsed", acting_user=None,
                              reason="moved with its text")  # fmt: skip
        except TextConflict as exc:
            raise ImportConflict(str(exc)) from exc
    if removals_changed:
        try:
            _replace_removals(article, parsed)
        except TextConflict as exc:
            raise ImportConflict(str(exc)) from exc
    if previous:
        link_near_duplicates(article, replacing=True)
    return True


def _removal_records(article: Article) -> list[tuple[str, str, int, str]]:
    """The removals the parser made (not the record of characters taken out before parsing)."""
    return sorted(article.removals.exclude(rule=UNSTORABLE_RULE).values_list("rule", "text", "body_offset", "note"))
