"""Import articles from files, folders, globs and exports: parse, clean, dedupe, save.

Each article (a file, or one record of a JSON export) is saved in its own transaction, all or
nothing, under a PostgreSQL advisory lock so that concurrent imports never race each other.
Inputs are streamed: memory stays flat however many files a folder holds.
"""

from __future__ import annotations

import datetime
import enum
import errno
import glob
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from django.db import connection, transaction
from django.db.models import Q
from django.utils.text import slugify

from articles import dedup
from articles.cleaning import content_hash, text_hash
from articles.decoding import DecodeError, decode_bytes
from articles.managers import one_or_none
from articles.models import Article, Fingerprint, Removal, Similarity, Source
from articles.parsing import (
    ParsedArticle,
    ParseError,
    apply_metadata,
    load_metadata,
    parse_html,
    parse_json_document,
    parse_record,
    parse_text,
    split_front_matter,
)
from entities.event_linking import detect_events
from entities.extraction import Matcher
from entities.linking import SpanConflict, extract_article, matcher_from_database, reanchor_spans

DEFAULT_MAX_BYTES = 2_000_000  # a text or HTML file this large is surely not one article
MAX_EXPORT_BYTES = 500_000_000  # a .json export is read whole; JSON Lines are streamed
IMPORT_LOCK_KEY = 0x4152434849564531  # pg_advisory_xact_lock key shared by every import

FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text", "": "text",
    ".html": "html", ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
GLOB_CHARACTERS = set("*?[")

# Fields the parser fills; `import --update` rewrites those a curator has not edited.
PARSED_FIELDS = (
    "title", "title_derived", "summary", "byline", "author_bio", "section", "dateline", "published_on",
    "published_precision", "published_time", "url", "language", "article_type", "body", "source", "encoding",
)  # fmt: skip


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
        return f"{self.origin}: {self.outcome}" + (f": {self.detail}" if self.detail else "")


@dataclass
class ImportReport:
    """Totals and failures; per-item results are streamed to a callback, never accumulated."""

    counts: Counter = field(default_factory=Counter)
    failures: list[ItemResult] = field(default_factory=list)
    dry_run: bool = False

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
        }


@dataclass(frozen=True)
class ImportOptions:
    source: Source | None = None  # the outlet of files that name none in their metadata
    dry_run: bool = False
    update: bool = False  # re-parse articles already imported; curated fields win
    max_bytes: int = DEFAULT_MAX_BYTES
    extract_entities: bool = True  # find the gazetteer's entities in each article saved


@dataclass(frozen=True)
class Item:
    """One article's worth of input, read but not yet parsed."""

    origin: str
    origin_name: str
    raw_text: str
    encoding: str
    parse: Callable[[], ParsedArticle]


def import_paths(
    paths: Iterable[str | Path],
    *,
    options: ImportOptions | None = None,
    on_result: Callable[[ItemResult], None] | None = None,
) -> ImportReport:
    """Import everything the paths name; one bad input never stops the rest."""
    options = options or ImportOptions()
    report = ImportReport(dry_run=options.dry_run)
    matcher = matcher_from_database() if options.extract_entities else None
    for entry in read_inputs(paths, max_bytes=options.max_bytes):
        result = entry if isinstance(entry, ItemResult) else import_item(entry, options=options, matcher=matcher)
        report.add(result)
        if on_result:
            on_result(result)
    return report


# --- Finding and reading inputs ---------------------------------------------------------------


def read_inputs(paths: Iterable[str | Path], *, max_bytes: int) -> Iterator[Item | ItemResult]:
    """Items to import, and failures for inputs that cannot be read, in a stable order."""
    for path in expand_paths(paths):
        if isinstance(path, ItemResult):
            yield path
        else:
            yield from read_file(path, max_bytes=max_bytes)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | ItemResult]:
    """Files named, matched by a glob, or found below a folder (recursively, symlinks followed)."""
    for raw in paths:
        text = str(raw)
        if GLOB_CHARACTERS & set(text) and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield ItemResult(text, Outcome.FAILED, detail="pattern matched no files")
            for match in matches:
                yield from _walk(Path(match), explicit=False)
        else:
            yield from _walk(Path(text), explicit=True)


def _walk(path: Path, *, explicit: bool) -> Iterator[Path | ItemResult]:
    problem = _stat_problem(path)
    if problem:
        yield ItemResult(str(path), Outcome.FAILED, detail=problem)
        return
    if not path.is_dir():
        if explicit or _is_article_file(path):
            yield path
        elif not _is_sidecar(path) and not _is_hidden(path):
            yield _unsupported(path)
        return
    visited: dict[tuple[int, int], str] = {}
    for folder, subfolders, files in os.walk(path, followlinks=True):
        identity = (os.stat(folder).st_dev, os.stat(folder).st_ino)
        if identity in visited:
            yield ItemResult(folder, Outcome.FAILED, detail=f"symlink loop: this folder is {visited[identity]} again")
            subfolders[:] = []
            continue
        visited[identity] = folder
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            file_path = Path(folder) / name
            if _is_hidden(file_path) or _is_sidecar(file_path):
                continue
            problem = _stat_problem(file_path)
            if problem:
                yield ItemResult(str(file_path), Outcome.FAILED, detail=problem)
            elif _is_article_file(file_path):
                yield file_path
            else:
                yield _unsupported(file_path)


def _stat_problem(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        if exc.errno == errno.ENOENT:
            return "no such file or folder" if not path.is_symlink() else "broken symlink"
        return f"cannot read: {exc.strerror or exc}"
    return ""


def _is_hidden(path: Path) -> bool:
    return path.name.startswith(".")


def _is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def _is_article_file(path: Path) -> bool:
    return path.suffix.lower() in FORMATS


def _unsupported(path: Path) -> ItemResult:
    known = ", ".join(sorted(suffix for suffix in FORMATS if suffix))
    return ItemResult(str(path), Outcome.FAILED, detail=f"not an article file ({path.suffix}); importable: {known}")


def read_file(path: Path, *, max_bytes: int) -> Iterator[Item | ItemResult]:
    """The items in one file: one for text and HTML, one per record for JSON exports."""
    kind = FORMATS.get(path.suffix.lower(), "text")
    limit = MAX_EXPORT_BYTES if kind in {"json", "jsonl"} else max_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            yield ItemResult(
                str(path),
                Outcome.FAILED,
                detail=f"too large for an article ({size:,} bytes; the limit is {limit:,})",
            )
            return
        if kind == "jsonl":
            yield from _read_json_lines(path, max_bytes=max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ItemResult(str(path), Outcome.FAILED, detail=f"cannot read: {exc.strerror or exc}")
        return
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        yield ItemResult(str(path), Outcome.FAILED, detail=str(exc))
        return
    if kind == "json":
        yield from _read_json(path, decoded.text, decoded.encoding, max_bytes=max_bytes)
        return
    yield Item(
        origin=str(path),
        origin_name=path.name,
        raw_text=decoded.text,
        encoding=decoded.encoding,
        parse=lambda: _parse_page(path, decoded.text, kind),
    )


def _parse_page(path: Path, text: str, kind: str) -> ParsedArticle:
    if kind == "html":
        parsed = parse_html(text, what="HTML")
    else:
        front_matter, text = split_front_matter(text)
        parsed = apply_metadata(parse_text(text, known_title=str(front_matter.get("title") or "")),
                                front_matter, what="front matter")  # fmt: skip
    sidecar = next(
        (path.with_name(path.stem + s) for s in SIDECAR_SUFFIXES if path.with_name(path.stem + s).exists()),
        None,
    )
    if sidecar is not None:
        try:
            metadata = load_metadata(sidecar.read_text(encoding="utf-8"), what=f"sidecar {sidecar.name}")
        except (OSError, UnicodeDecodeError) as exc:
            raise ParseError(f"sidecar {sidecar.name}: cannot read: {exc}") from exc
        parsed = apply_metadata(parsed, metadata, what=f"sidecar {sidecar.name}")
    return parsed


def _read_json_lines(path: Path, *, max_bytes: int) -> Iterator[Item | ItemResult]:
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            origin = f"{path}:{number}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield ItemResult(
                    origin, Outcome.FAILED, detail=f"record too large for an article ({len(line):,} bytes)"
                )
                continue
            try:
                text = decode_bytes(line).text.strip()
                record = json.loads(text)
            except (DecodeError, json.JSONDecodeError) as exc:
                yield ItemResult(origin, Outcome.FAILED, detail=f"invalid JSON: {exc}")
                continue
            yield _record_item(origin, f"{path.name}:{number}", text, record)


def _read_json(path: Path, text: str, encoding: str, *, max_bytes: int) -> Iterator[Item | ItemResult]:
    try:
        records = parse_json_document(text, what="JSON")
    except ParseError as exc:
        yield ItemResult(str(path), Outcome.FAILED, detail=str(exc))
        return
    for number, record in enumerate(records, start=1):
        raw = json.dumps(record, ensure_ascii=False, sort_keys=True)
        if len(raw.encode()) > max_bytes:
            yield ItemResult(f"{path}#{number}", Outcome.FAILED, detail="record too large for an article")
            continue
        yield _record_item(f"{path}#{number}", f"{path.name}#{number}", raw, record, encoding=encoding)


def _record_item(origin: str, origin_name: str, raw: str, record: object, *, encoding: str = "utf-8") -> Item:
    return Item(origin, origin_name, raw, encoding, parse=lambda: parse_record(record, what="record"))


# --- Saving -----------------------------------------------------------------------------------


class ImportConflict(Exception):
    """Saving would break the archive's consistency; the message says why in one line."""


def import_item(item: Item, *, options: ImportOptions, matcher: Matcher | None = None) -> ItemResult:
    """Parse and save one article, all or nothing; identical texts are never stored twice.
    With a matcher, the entities it knows are extracted from a created or updated article, and
    the events it reports are proposed."""
    try:
        parsed = item.parse()
    except ParseError as exc:
        return ItemResult(item.origin, Outcome.FAILED, detail=str(exc))
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])
                # Imports are idempotent: a crash can lose only the last moments of work, which a
                # re-run restores, and never leaves anything half-written. Not waiting for each
                # commit's WAL flush makes per-article transactions several times faster.
                cursor.execute("SET LOCAL synchronous_commit = off")
            result = _save(item, parsed, options)
            if matcher is not None and result.outcome in (Outcome.CREATED, Outcome.UPDATED):
                saved = Article.objects.only(
                    "id", "title", "summary", "body", "published_on", "published_precision"
                ).get(pk=result.article_id)
                extract_article(saved, matcher=matcher)
                detect_events(saved)
            if options.dry_run:
                transaction.set_rollback(True)
    except ImportConflict as exc:
        return ItemResult(item.origin, Outcome.FAILED, detail=str(exc))
    if options.dry_run and result.outcome is Outcome.CREATED:
        return replace(result, article_id=None)  # rolled back: no such article
    return result


def _save(item: Item, parsed: ParsedArticle, options: ImportOptions) -> ItemResult:
    existing = one_or_none(Article.objects.filter(content_hash=content_hash(item.raw_text)))
    if existing is not None:
        if not options.update:
            return ItemResult(item.origin, Outcome.UNCHANGED, article_id=existing.pk)
        changed = reparse_article(existing, parsed, item=item, options=options)
        return ItemResult(item.origin, Outcome.UPDATED if changed else Outcome.UNCHANGED, article_id=existing.pk)

    fields = _article_fields(parsed, item, options)
    same_text = one_or_none(
        Article.objects.filter(text_hash=text_hash(fields["title"], fields["body"])).only("id", "origin_name")
    )
    if same_text is not None:
        detail = f"same text as article {same_text.pk} ({same_text.origin_name})"
        return ItemResult(item.origin, Outcome.DUPLICATE, article_id=same_text.pk, detail=detail)

    article = Article.objects.create(
        content_hash=content_hash(item.raw_text),
        text_hash=text_hash(fields["title"], fields["body"]),
        raw_text=item.raw_text,
        origin_name=item.origin_name[:500],
        **fields,
    )
    _save_removals(article, parsed)
    copies = link_near_duplicates(article)
    detail = (
        f"copy of article {article.duplicate_of_id} (and {len(copies) - 1} more)"
        if len(copies) > 1
        else (f"copy of article {article.duplicate_of_id}" if copies else "")
    )
    return ItemResult(item.origin, Outcome.CREATED, article_id=article.pk, detail=detail)


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
        "url": parsed.url,
        "language": parsed.language or "en",
        "article_type": parsed.article_type,
        "body": parsed.body,
        "source": _outlet(parsed, options),
        "encoding": item.encoding,
    }


def _outlet(parsed: ParsedArticle, options: ImportOptions) -> Source | None:
    """The outlet: metadata beats --source, which beats what the parser read in the text."""
    if parsed.outlet and "outlet" in parsed.metadata_fields:
        return source_for(name=parsed.outlet, url=parsed.outlet_url or parsed.url)
    if options.source is not None:
        return options.source
    if parsed.outlet or parsed.outlet_url or parsed.url:
        return source_for(name=parsed.outlet, url=parsed.outlet_url or parsed.url)
    return None


def source_for(*, name: str, url: str) -> Source | None:
    """The Source with this domain or name, created when the archive does not know it yet."""
    domain = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    if domain:
        known = one_or_none(Source.objects.filter(domain=domain))
        if known is not None:
            return known
    if name:
        known = one_or_none(Source.objects.filter(slug=slugify(name))) or one_or_none(
            Source.objects.filter(name__iexact=name)
        )
        if known is not None:
            return known
    if not (name or domain):
        return None
    label = name or domain
    slug = slugify(label)[:190] or "source"
    if Source.objects.filter(slug=slug).exists():
        slug = f"{slug}-{Source.objects.count() + 1}"
    homepage = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}/" if domain else ""
    return Source.objects.create(name=label[:200], slug=slug, domain=domain, homepage_url=homepage)


def _save_removals(article: Article, parsed: ParsedArticle) -> None:
    Removal.objects.bulk_create(
        Removal(article=article, rule=r.rule, text=r.text, body_offset=r.body_offset, note=r.note[:300])
        for r in parsed.removals
    )


def link_near_duplicates(article: Article, *, replacing: bool = False) -> list[int]:
    """Fingerprint the article and link it to the articles that tell the same story.

    Returns the ids linked; `replacing` redoes both for an article whose text changed. Runs
    under the import lock, so two concurrent imports of copies of one story see each other.
    """
    shingle_set = dedup.shingles(f"{article.title}\n{article.body}")
    print_ = dedup.fingerprint(shingle_set)
    fields = {
        "signature": print_.signature,
        "bands": print_.bands,
        "shingle_count": print_.shingle_count,
        "published_on": article.published_on,
    }
    if replacing:
        Fingerprint.objects.update_or_create(article=article, defaults=fields)
        Similarity.objects.filter(Q(article=article) | Q(similar=article)).delete()
    else:
        Fingerprint.objects.create(article=article, **fields)
    if not shingle_set:
        return []
    screened = _screened_candidates(article, print_)
    linked: list[tuple[Article, float, float]] = []
    for other in Article.objects.filter(pk__in=screened).only("id", "title", "body", "duplicate_of_id", "created_at"):
        other_shingles = dedup.shingles(f"{other.title}\n{other.body}")
        score = dedup.jaccard(shingle_set, other_shingles)
        if score >= dedup.LINK_JACCARD:
            linked.append((other, score, dedup.containment(shingle_set, other_shingles)))
    Similarity.objects.bulk_create(
        [Similarity(article=article, similar=other, jaccard=j, containment=c) for other, j, c in linked]
        + [Similarity(article=other, similar=article, jaccard=j, containment=c) for other, j, c in linked]
    )
    if linked:
        first = min((other for other, _, _ in linked), key=lambda other: (other.created_at, other.pk))
        canonical = first.duplicate_of_id or first.pk
        if canonical not in (article.pk, article.duplicate_of_id):
            article.duplicate_of_id = canonical
            article.save(update_fields=["duplicate_of"])  # a save, so the link is in the article's history
    return [other.pk for other, _, _ in linked]


def _screened_candidates(article: Article, print_: dedup.Fingerprint) -> list[int]:
    """Articles sharing an LSH band, in the date window, whose signatures agree often enough.

    The band (GIN) and date (btree) conditions combine in one bitmap scan; the agreement count
    runs in PostgreSQL, so only the ids of real candidates come back.
    """
    window = ""
    parameters: dict[str, object] = {
        "bands": print_.bands,
        "signature": print_.signature,
        "article": article.pk,
        "minimum": round(dedup.SCREEN_JACCARD * dedup.NUM_PERM),
    }
    if article.published_on is not None:
        window = "AND (f.published_on BETWEEN %(earliest)s AND %(latest)s OR f.published_on IS NULL)"
        parameters["earliest"] = article.published_on - datetime.timedelta(days=dedup.WINDOW_DAYS)
        parameters["latest"] = article.published_on + datetime.timedelta(days=dedup.WINDOW_DAYS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT f.article_id
              FROM articles_fingerprint f
             WHERE f.bands && %(bands)s::bigint[]
               AND f.article_id <> %(article)s
               {window}
               AND (SELECT count(*) FROM unnest(f.signature, %(signature)s::bigint[]) AS pair(mine, theirs)
                     WHERE mine = theirs) >= %(minimum)s
            """,
            parameters,
        )
        return [row[0] for row in cursor.fetchall()]


def reparse_article(article: Article, parsed: ParsedArticle, *, item: Item, options: ImportOptions) -> bool:
    """Bring an imported article up to date with an improved parser; curated fields win.

    Returns whether anything changed. Unless a curator edited the body, its removal records are
    rebuilt, and a new body moves the mentions and evidence anchored in the old one (see
    entities.linking.reanchor_spans).
    """
    fields = _article_fields(parsed, item, options)
    curated = set(article.curated_fields)
    changes = {name: value for name, value in fields.items() if name not in curated and getattr(article, name) != value}
    removals_changed = "body" not in curated and _removal_records(article) != sorted(
        (r.rule, r.text, r.body_offset, r.note[:300]) for r in parsed.removals
    )
    if not changes and not removals_changed:
        return False
    for name, value in changes.items():
        setattr(article, name, value)
    new_text_hash = text_hash(article.title, article.body)
    clash = one_or_none(Article.objects.filter(text_hash=new_text_hash).exclude(pk=article.pk))
    if clash is not None:
        raise ImportConflict(f"re-parsed, its text equals article {clash.pk} ({clash.origin_name}); left as it was")
    article.text_hash = new_text_hash
    article.save()
    if "body" in changes or "title" in changes:
        try:
            reanchor_spans(article, changed=changes)
        except SpanConflict as exc:
            raise ImportConflict(str(exc)) from exc
    if removals_changed:
        article.removals.all().delete()
        _save_removals(article, parsed)
    if "body" in changes or "title" in changes:
        link_near_duplicates(article, replacing=True)
    return True


def _removal_records(article: Article) -> list[tuple[str, str, int, str]]:
    return sorted(article.removals.values_list("rule", "text", "body_offset", "note"))
