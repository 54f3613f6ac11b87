"""Paths, files and export records -> items to import, each one article's worth of input. No ORM.

Folders are walked recursively (symlinks followed, hidden files skipped), globs expanded, JSON Lines
streamed line by line; what cannot be read becomes an `Unreadable` naming the input and why, and
the walk goes on. Names are written printable (escapes for control characters and bytes that are
not UTF-8). Characters PostgreSQL cannot store (NUL, unpaired surrogates) are taken out here and
counted. Items are parsed only when imported, so memory stays flat however many there are.
"""

from __future__ import annotations

import errno
import functools
import glob
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from articles.decoding import DecodeError, decode_bytes
from articles.html_pages import parse_html
from articles.limits import DEFAULT_LIMITS, ImportLimits, describe_removed, json_depth, printable, storable_value
from articles.outlets import EMPTY_INDEX, OutletIndex
from articles.parsing import (
    ParsedArticle,
    ParseError,
    apply_metadata,
    load_metadata,
    parse_text,
    split_front_matter,
    with_language,
    with_outlet,
)
from articles.records import parse_json_document, parse_record

FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text", "": "text",
    ".html": "html", ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
GLOB_CHARACTERS = set("*?[")


@dataclass(frozen=True)
class Item:
    """One article's worth of input, read but not yet parsed.

    Its reader is a module-level function with its arguments, taking the outlets last: an item can
    be sent to a worker process without the outlets (see `detached`), to be parsed there with the
    worker's copy of them."""

    origin: str
    origin_name: str
    raw_text: str
    encoding: str
    reader: functools.partial[ParsedArticle]
    removed_characters: str = ""  # what was taken out before parsing (see limits.describe_removed)
    outlets: OutletIndex = field(default_factory=lambda: EMPTY_INDEX, compare=False, repr=False)

    def parse(self, outlets: OutletIndex | None = None) -> ParsedArticle:
        """The article, its outlet recognised among `outlets` (by default those it was read with)."""
        return self.reader(outlets=self.outlets if outlets is None else outlets)

    def detached(self) -> Item:
        """The item without its outlets, cheap to send to another process."""
        return replace(self, outlets=EMPTY_INDEX)


@dataclass(frozen=True)
class Unreadable:
    """An input that yields no item, and why, in one line."""

    origin: str
    reason: str


def read_inputs(
    paths: Iterable[str | Path], *, limits: ImportLimits = DEFAULT_LIMITS, outlets: OutletIndex = EMPTY_INDEX
) -> Iterator[Item | Unreadable]:
    """Items to import, and the inputs that cannot be read, in a stable order; `outlets` are the
    outlets the archive knows, recognised on the pages."""
    for path in expand_paths(paths):
        if isinstance(path, Unreadable):
            yield path
        else:
            yield from read_file(path, limits=limits, outlets=outlets)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | Unreadable]:
    """Files named, matched by a glob, or found below a folder (recursively, symlinks followed)."""
    for raw in paths:
        text = str(raw)
        if GLOB_CHARACTERS & set(text) and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield Unreadable(printable(text), "pattern matched no files")
            for match in matches:
                yield from _walk(Path(match), explicit=False)
        else:
            yield from _walk(Path(text), explicit=True)


def _walk(path: Path, *, explicit: bool) -> Iterator[Path | Unreadable]:
    problem = _stat_problem(path)
    if problem:
        yield Unreadable(origin_of(path), problem)
        return
    if not path.is_dir():
        if explicit or _is_article_file(path):
            yield path
        elif not _is_sidecar(path) and not _is_hidden(path):
            yield _unsupported(path)
        return
    visited: dict[tuple[int, int], str] = {}
    unlisted: list[OSError] = []  # folders os.walk could not list, reported where they were met
    for folder, subfolders, files in os.walk(path, followlinks=True, onerror=unlisted.append):
        yield from _unlisted(unlisted)
        identity = (os.stat(folder).st_dev, os.stat(folder).st_ino)
        if identity in visited:
            yield Unreadable(printable(folder), f"symlink loop: this folder is {printable(visited[identity])} again")
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
                yield Unreadable(origin_of(file_path), problem)
            elif _is_article_file(file_path):
                yield file_path
            else:
                yield _unsupported(file_path)
    yield from _unlisted(unlisted)


def _unlisted(errors: list[OSError]) -> Iterator[Unreadable]:
    while errors:
        error = errors.pop(0)
        yield Unreadable(printable(str(error.filename)), f"cannot read the folder: {error.strerror or error}")


def origin_of(path: Path) -> str:
    return printable(str(path))


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


def _unsupported(path: Path) -> Unreadable:
    known = ", ".join(sorted(suffix for suffix in FORMATS if suffix))
    suffix = printable(path.suffix)
    return Unreadable(origin_of(path), f"not an article file ({suffix}); importable: {known}")


class UnreadableFile(ValueError):
    """A file that holds no article the importer can read; the message says why."""


SCORING_LIMITS = ImportLimits(max_bytes=10_000_000)  # a gold file may be a long saved page


def parse_first(path: Path, *, limits: ImportLimits = SCORING_LIMITS) -> ParsedArticle:
    """The first article a file holds, parsed as the importer parses it: how the scoring commands
    read their gold files. Raises UnreadableFile with the reason."""
    item = next(iter(read_file(path, limits=limits)), None)
    if item is None:
        raise UnreadableFile("holds no article")
    if not isinstance(item, Item):
        raise UnreadableFile(item.reason)
    return item.parse()


def read_file(
    path: Path, *, limits: ImportLimits = DEFAULT_LIMITS, outlets: OutletIndex = EMPTY_INDEX
) -> Iterator[Item | Unreadable]:
    """The items in one file: one for text and HTML, one per record for JSON exports."""
    kind = FORMATS.get(path.suffix.lower(), "text")
    limit = limits.max_export_bytes if kind in {"json", "jsonl"} else limits.max_bytes
    origin = origin_of(path)
    try:
        size = path.stat().st_size
        if size > limit:
            yield Unreadable(origin, f"too large for an article ({size:,} bytes; the limit is {limit:,})")
            return
        if kind == "jsonl":
            yield from _read_json_lines(path, limits=limits, outlets=outlets)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Unreadable(origin, f"cannot read: {exc.strerror or exc}")
        return
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        yield Unreadable(origin, str(exc))
        return
    if kind == "json":
        yield from _read_json(path, decoded.text, decoded.encoding, limits=limits, outlets=outlets)
        return
    yield Item(
        origin=origin,
        origin_name=printable(path.name),
        raw_text=decoded.text,
        encoding=decoded.encoding,
        reader=functools.partial(_parse_page, path, decoded.text, kind, limits=limits),
        removed_characters=f"{decoded.nul_characters} × U+0000" if decoded.nul_characters else "",
        outlets=outlets,
    )


def _parse_page(path: Path, text: str, kind: str, *, limits: ImportLimits, outlets: OutletIndex) -> ParsedArticle:
    if kind == "html":
        parsed = parse_html(text, what="HTML", limits=limits, outlets=outlets)
    else:
        front_matter, text = split_front_matter(text, limits=limits)
        parsed = parse_text(text, known_title=str(front_matter.get("title") or ""), outlets=outlets)
        parsed = apply_metadata(parsed, front_matter, what="front matter", limits=limits)
    sidecar = next(
        (path.with_name(path.stem + s) for s in SIDECAR_SUFFIXES if path.with_name(path.stem + s).exists()),
        None,
    )
    if sidecar is not None:
        name = printable(sidecar.name)
        try:
            metadata = load_metadata(sidecar.read_text(encoding="utf-8"), what=f"sidecar {name}", limits=limits)
        except (OSError, UnicodeDecodeError) as exc:
            raise ParseError(f"sidecar {name}: cannot read: {exc}") from exc
        parsed = apply_metadata(parsed, metadata, what=f"sidecar {name}", limits=limits)
    return with_language(with_outlet(parsed, outlets))


def _read_json_lines(path: Path, *, limits: ImportLimits, outlets: OutletIndex) -> Iterator[Item | Unreadable]:
    records = 0
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            origin = f"{origin_of(path)}:{number}"
            if not line.strip():
                continue
            records += 1
            if len(line) > limits.max_bytes:
                yield Unreadable(origin, f"record too large for an article ({len(line):,} bytes)")
                continue
            try:
                text = decode_bytes(line).text.strip()
            except DecodeError as exc:
                yield Unreadable(origin, f"invalid JSON: {exc}")
                continue
            record = _loaded_json(origin, text, limits=limits)
            if isinstance(record, Unreadable):
                yield record
                continue
            yield _record_item(origin, f"{printable(path.name)}:{number}", text, record, limits=limits, outlets=outlets)
    if not records:
        yield Unreadable(origin_of(path), "no records: an empty export")


def _read_json(
    path: Path, text: str, encoding: str, *, limits: ImportLimits, outlets: OutletIndex
) -> Iterator[Item | Unreadable]:
    loaded = _loaded_json(origin_of(path), text, limits=limits, records=True)
    if isinstance(loaded, Unreadable):
        yield loaded
        return
    if loaded == []:
        yield Unreadable(origin_of(path), "no records: an empty export")
    for number, record in enumerate(loaded if isinstance(loaded, list) else [loaded], start=1):
        raw = json.dumps(record, ensure_ascii=False, sort_keys=True)
        origin = f"{origin_of(path)}#{number}"
        if len(raw.encode("utf-8", "surrogatepass")) > limits.max_bytes:
            yield Unreadable(origin, "record too large for an article")
            continue
        name = f"{printable(path.name)}#{number}"
        yield _record_item(origin, name, raw, record, encoding=encoding, limits=limits, outlets=outlets)


def _loaded_json(origin: str, text: str, *, limits: ImportLimits, records: bool = False) -> Any:
    """The decoded JSON text, or why it cannot be read; a list of records nests one level more."""
    depth = json_depth(text)
    allowed = limits.max_json_depth + (1 if records else 0)
    if depth > allowed:
        return Unreadable(origin, f"JSON nested {depth:,} levels deep (the limit is {limits.max_json_depth})")
    try:
        return parse_json_document(text, what="JSON") if records else json.loads(text)
    except ParseError as exc:
        return Unreadable(origin, str(exc))
    except ValueError as exc:  # also a number with more digits than Python converts
        return Unreadable(origin, f"invalid JSON: {exc}")


def _record_item(
    origin: str,
    origin_name: str,
    raw: str,
    record: object,
    *,
    limits: ImportLimits,
    outlets: OutletIndex,
    encoding: str = "utf-8",
) -> Item:
    record, removed = storable_value(record)
    raw, _ = storable_value(raw)
    reader = functools.partial(_parse_record, record, limits=limits)
    return Item(origin, origin_name, raw, encoding, reader, describe_removed(removed), outlets=outlets)


def _parse_record(record: object, *, limits: ImportLimits, outlets: OutletIndex) -> ParsedArticle:
    return with_language(with_outlet(parse_record(record, what="record", limits=limits, outlets=outlets), outlets))
