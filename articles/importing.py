"""Save items as articles: parse, clean, dedupe, save, all or nothing.

New articles are prepared (parsed, cleaned, fingerprinted, and annotated by the caller's
`annotate`) in worker processes and saved a batch at a time (batch_saving.py), each batch in one
transaction under a PostgreSQL advisory lock, so that concurrent imports never race each other;
`after_batch` runs in that transaction with the batch's new articles (the pipeline stores their
mentions and events there). An update, a dry run, and a batch the database refuses go one item at
a time (a file, or one record of a JSON export), each in its own transaction, with `after_save`.
Inputs are streamed: memory stays flat however many files a folder holds.

Every input fails alone: whatever it holds, it ends as one result with one line, and the import
goes on. A lost database connection is retried with backoff for `database_wait` seconds; then the
import stops with what it did so far (ImportReport.stopped), and a re-run completes it.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction

from archive.common.queries import SKIP_COMMIT_FLUSH, one_or_none
from articles.batch_saving import Saved, removal_rows, save_batch
from articles.cleaning import content_hash, text_hash
from articles.duplicates import link_near_duplicates
from articles.inputs import Item, Unreadable, read_inputs
from articles.limits import DEFAULT_LIMITS, ImportLimits
from articles.models import Article, Removal, Source
from articles.outcomes import ItemResult, Outcome
from articles.outlets import OutletIndex
from articles.parsing import ParsedArticle, ParseError
from articles.preparing import UNSTORABLE_RULE, Prepared, parsed_fields, parsed_or_failure
from articles.signals import TextConflict, text_changed
from articles.sources import known_outlets, outlet_of
from articles.workers import Annotate, Preparation, Ready

IMPORT_LOCK_KEY = 0x4152434849564531  # pg_advisory_xact_lock key shared by every import

# Fields the parser fills; `import --update` rewrites those a curator has not edited.
PARSED_FIELDS = (
    "title", "title_derived", "summary", "byline", "author_bio", "section", "dateline", "published_on",
    "published_precision", "published_time", "published_text", "url", "language", "article_type", "body", "source",
    "encoding",
)  # fmt: skip

# Called with the article and whether it was just created (then nothing is attached to it yet).
AfterSave = Callable[[Article, bool], None]
log = logging.getLogger(__name__)


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
    batch_size: int = 200  # new articles saved per transaction; 1 saves each in its own (see docs/importing.md)
    workers: int = 0  # processes that prepare inputs beside the one that writes; 0 prepares them in it


def import_paths(
    paths: Iterable[str | Path],
    *,
    options: ImportOptions | None = None,
    annotate: Annotate | None = None,
    after_batch: AfterBatch | None = None,
    after_save: AfterSave | None = None,
    on_result: Callable[[ItemResult], None] | None = None,
) -> ImportReport:
    """Import everything the paths name; one bad input never stops the rest.

    New articles are saved a batch at a time (`options.batch_size`), prepared in `options.workers`
    processes, `annotate`d there, and handed to `after_batch` in the batch's transaction. An update,
    a dry run, a batch size of 1, and any batch the database refuses go one article at a time, each
    handed to `after_save` in its own transaction."""
    options = options or ImportOptions()
    if options.outlets is None:
        options = replace(options, outlets=known_outlets())
    report = ImportReport(dry_run=options.dry_run)
    one_by_one = options.update or options.dry_run or options.batch_size <= 1
    writer = _Writer(options, report, on_result, after_batch=after_batch, after_save=after_save,
                     one_by_one=one_by_one)  # fmt: skip
    entries = read_inputs(paths, limits=options.limits, outlets=options.outlets)
    workers = 0 if one_by_one else options.workers
    try:
        ahead = -(-2 * options.batch_size // CHUNK)  # two batches' worth of chunks
        with Preparation(workers=workers, outlets=options.outlets, annotate=annotate, ahead=ahead) as preparation:
            writer.preparation = preparation
            while chunk := list(itertools.islice(entries, CHUNK)):
                for ready in preparation.submit(*_looked_up(chunk, options, one_by_one)):
                    writer.take(*ready)
            for ready in preparation.drain():
                writer.take(*ready)
            writer.flush()
    except DatabaseUnavailable as exc:
        report.stopped = f"{exc}; stopped before {writer.next_origin}, after {report.total} inputs: run it again"
    return report


CHUNK = 25  # inputs read together: looked up in one query, prepared by one worker
AfterBatch = Callable[[list[Saved]], None]


def _looked_up(
    chunk: list[Item | Unreadable], options: ImportOptions, one_by_one: bool
) -> tuple[list[Item | Unreadable | ItemResult], list[Item]]:
    """The chunk with what needs no parsing settled (unreadable, or imported before: the save checks
    again, locked), and the items left to prepare (none when they go one by one: their save parses)."""
    hashes = [content_hash(entry.raw_text) if isinstance(entry, Item) and not options.update else "" for entry in chunk]
    imported = _already_imported([hashed for hashed in hashes if hashed])
    settled: list[Item | Unreadable | ItemResult] = []
    for entry, hashed in zip(chunk, hashes, strict=True):
        if isinstance(entry, Unreadable):
            settled.append(ItemResult(entry.origin, Outcome.FAILED, detail=entry.reason))
        elif (article_id := imported.get(hashed)) is not None:
            settled.append(ItemResult(entry.origin, Outcome.UNCHANGED, article_id=article_id))
        else:
            settled.append(entry)
    return settled, [] if one_by_one else [entry for entry in settled if isinstance(entry, Item)]


class _Writer:
    """Takes prepared chunks in order, writes them a batch at a time, and reports each input in order."""

    def __init__(
        self,
        options: ImportOptions,
        report: ImportReport,
        on_result: Callable[[ItemResult], None] | None,
        *,
        after_batch: AfterBatch | None,
        after_save: AfterSave | None,
        one_by_one: bool,
    ) -> None:
        self.options, self.report, self.on_result = options, report, on_result
        self.after_batch, self.after_save, self.one_by_one = after_batch, after_save, one_by_one
        self.preparation: Preparation | None = None
        self.pending: list[Item | ItemResult | Prepared] = []
        self.next_origin = ""

    def take(self, settled: list[Item | ItemResult], prepared: list[Ready]) -> None:
        ready = iter(prepared)
        self.pending += [next(ready) if isinstance(entry, Item) and not self.one_by_one else entry for entry in settled]
        if self.one_by_one:
            self.flush()
            return
        while True:  # batches of exactly `batch_size` new articles, each with the inputs settled before it
            positions = [i for i, entry in enumerate(self.pending) if isinstance(entry, Prepared)]
            if len(positions) < self.options.batch_size:
                return
            self.flush(upto=positions[self.options.batch_size - 1] + 1)

    def flush(self, upto: int | None = None) -> None:
        """Write the pending inputs (the first `upto`), and report each in order."""
        upto = len(self.pending) if upto is None else upto
        pending, self.pending = self.pending[:upto], self.pending[upto:]
        batch = [entry for entry in pending if isinstance(entry, Prepared)]
        written = iter(self._write(batch) if batch else [])
        for entry in pending:
            self.next_origin = entry.item.origin if isinstance(entry, Prepared) else entry.origin
            if isinstance(entry, Item):
                result = import_item(entry, options=self.options, after_save=self.after_save)
            elif isinstance(entry, Prepared):
                result = next(written)
            else:
                result = entry
            self.report.add(result)
            if self.on_result:
                self.on_result(result)

    def _write(self, batch: list[Prepared]) -> list[ItemResult]:
        """The batch saved in one transaction; if the database refuses it, each article on its own."""
        self.next_origin = batch[0].item.origin
        try:
            return _retrying(self.next_origin, self.options, lambda: self._write_batch(batch))
        except (DatabaseError, ParseError) as exc:
            log.warning("a batch from %s was refused (%s); saving its articles one by one", self.next_origin,
                        _first_line(exc))  # fmt: skip
        return [import_item(prepared.item, options=self.options, after_save=self.after_save) for prepared in batch]

    def _write_batch(self, batch: list[Prepared]) -> list[ItemResult]:
        with transaction.atomic():
            _take_import_lock()
            saved = save_batch(batch, default_source=self.options.source, outlets=self.options.outlets,
                               reprepare=self._reprepare)  # fmt: skip
            created = [entry for entry in saved if entry.outcome is Outcome.CREATED]
            if self.after_batch is not None and created:
                self.after_batch(created)
        return [
            ItemResult(entry.prepared.item.origin, entry.outcome, entry.article.pk, entry.detail) for entry in saved
        ]

    def _reprepare(self, prepared: Prepared) -> Prepared:
        """Prepared again knowing every outlet the import found (ParseError if it no longer parses)."""
        assert self.preparation is not None
        again = self.preparation.prepare(prepared.item)
        if isinstance(again, ItemResult):
            raise ParseError(f"{again.origin}: {again.detail}")
        return again


def _already_imported(hashes: list[str]) -> dict[str, int]:
    """Content hash -> id of the articles already in the archive with these hashes (one query, none
    when there are none); empty when the database cannot say now (each input's save then finds
    out, and retries or reports)."""
    if not hashes:
        return {}
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
    parsed = parsed_or_failure(item, options.outlets)
    if isinstance(parsed, ItemResult):
        return parsed
    try:
        return _retrying(item.origin, options, lambda: _save_in_transaction(item, parsed, options, after_save))
    except ImportConflict as exc:
        return ItemResult(item.origin, Outcome.FAILED, detail=str(exc))
    except DatabaseError as exc:
        return _refused(item, exc)


def _retrying(origin: str, options: ImportOptions, attempt: Callable[[], T]) -> T:
    """The attempt, made again once a lost connection comes back (with backoff); DatabaseUnavailable
    after `options.database_wait` seconds, and the database's own refusal (DatabaseError) as it is."""
    waited, pause = 0.0, 0.5
    while True:
        try:
            return attempt()
        except (OperationalError, InterfaceError) as exc:
            if _connection_alive():
                raise
            connection.close()  # the next query connects afresh
            if waited >= options.database_wait:
                raise DatabaseUnavailable(f"database unavailable for {waited:.0f} s ({_first_line(exc)})") from exc
            log.warning("database connection lost at %s; retrying in %.1f s", origin, pause)
            time.sleep(pause)
            waited, pause = waited + pause, min(pause * 2, 10.0)


T = TypeVar("T")


def _save_in_transaction(
    item: Item, parsed: ParsedArticle, options: ImportOptions, after_save: AfterSave | None
) -> ItemResult:
    with transaction.atomic():
        _take_import_lock()
        result, saved = _save(item, parsed, options)
        if after_save is not None and saved is not None:
            after_save(saved, result.outcome is Outcome.CREATED)
        if options.dry_run:
            transaction.set_rollback(True)
    if options.dry_run and result.outcome is Outcome.CREATED:
        return replace(result, article_id=None)  # rolled back: no such article
    return result


def _take_import_lock() -> None:
    """In one round trip, for this transaction: imports take turns; since they are idempotent their
    commits need not wait for the WAL flush (skip_commit_flush), which makes per-article transactions
    several times faster. (No statement is JIT-compiled: every connection turns it off, see
    archive.database.PLANNER_SETTINGS.)"""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_advisory_xact_lock(%s), {SKIP_COMMIT_FLUSH}", [IMPORT_LOCK_KEY])


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

    fields = parsed_fields(parsed, item)
    same_text = one_or_none(
        Article.objects.filter(text_hash=text_hash(fields["title"], fields["body"])).only("id", "origin_name")
    )
    if same_text is not None:
        detail = f"same text as article {same_text.pk} ({same_text.origin_name})"
        return ItemResult(item.origin, Outcome.DUPLICATE, article_id=same_text.pk, detail=detail), None
    fields["source"] = outlet_of(parsed, default=options.source, outlets=options.outlets)

    article = Article.objects.create(
        content_hash=content_hash(item.raw_text),
        text_hash=text_hash(fields["title"], fields["body"]),
        raw_text=item.raw_text,
        origin_name=item.origin_name[:500],
        **fields,
    )
    Removal.objects.bulk_create(removal_rows(article, parsed, item.removed_characters))
    copies = link_near_duplicates(article)
    detail = (
        f"copy of article {article.duplicate_of_id} (and {len(copies) - 1} more)"
        if len(copies) > 1
        else (f"copy of article {article.duplicate_of_id}" if copies else "")
    )
    return ItemResult(item.origin, Outcome.CREATED, article_id=article.pk, detail=detail), article


def _article_fields(parsed: ParsedArticle, item: Item, options: ImportOptions) -> dict[str, object]:
    return parsed_fields(parsed, item) | {"source": outlet_of(parsed, default=options.source, outlets=options.outlets)}


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
