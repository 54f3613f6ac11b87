"""Paths, files and export records -> items to import, each one article's worth of input. No ORM.

Folders are walked recursively (symlinks followed, hidden files skipped), globs expanded, JSON Lines
streamed line by line; what cannot be read becomes an `Unreadable` naming the input and why, and
the walk goes on. Items are parsed only when imported, so memory stays flat however many there are.
"""

from __future__ import annotations

import errno
import glob
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from articles.decoding import DecodeError, decode_bytes
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

DEFAULT_MAX_BYTES = 2_000_000  # a text or HTML file this large is surely not one article
MAX_EXPORT_BYTES = 500_000_000  # a .json export is read whole; JSON Lines are streamed

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
    """One article's worth of input, read but not yet parsed."""

    origin: str
    origin_name: str
    raw_text: str
    encoding: str
    parse: Callable[[], ParsedArticle]


@dataclass(frozen=True)
class Unreadable:
    """An input that yields no item, and why, in one line."""

    origin: str
    reason: str


def read_inputs(paths: Iterable[str | Path], *, max_bytes: int) -> Iterator[Item | Unreadable]:
    """Items to import, and the inputs that cannot be read, in a stable order."""
    for path in expand_paths(paths):
        if isinstance(path, Unreadable):
            yield path
        else:
            yield from read_file(path, max_bytes=max_bytes)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | Unreadable]:
    """Files named, matched by a glob, or found below a folder (recursively, symlinks followed)."""
    for raw in paths:
        text = str(raw)
        if GLOB_CHARACTERS & set(text) and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield Unreadable(text, "pattern matched no files")
            for match in matches:
                yield from _walk(Path(match), explicit=False)
        else:
            yield from _walk(Path(text), explicit=True)


def _walk(path: Path, *, explicit: bool) -> Iterator[Path | Unreadable]:
    problem = _stat_problem(path)
    if problem:
        yield Unreadable(str(path), problem)
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
            yield Unreadable(folder, f"symlink loop: this folder is {visited[identity]} again")
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
                yield Unreadable(str(file_path), problem)
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


def _unsupported(path: Path) -> Unreadable:
    known = ", ".join(sorted(suffix for suffix in FORMATS if suffix))
    return Unreadable(str(path), f"not an article file ({path.suffix}); importable: {known}")


def read_file(path: Path, *, max_bytes: int) -> Iterator[Item | Unreadable]:
    """The items in one file: one for text and HTML, one per record for JSON exports."""
    kind = FORMATS.get(path.suffix.lower(), "text")
    limit = MAX_EXPORT_BYTES if kind in {"json", "jsonl"} else max_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            yield Unreadable(str(path), f"too large for an article ({size:,} bytes; the limit is {limit:,})")
            return
        if kind == "jsonl":
            yield from _read_json_lines(path, max_bytes=max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Unreadable(str(path), f"cannot read: {exc.strerror or exc}")
        return
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        yield Unreadable(str(path), str(exc))
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


def _read_json_lines(path: Path, *, max_bytes: int) -> Iterator[Item | Unreadable]:
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            origin = f"{path}:{number}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield Unreadable(origin, f"record too large for an article ({len(line):,} bytes)")
                continue
            try:
                text = decode_bytes(line).text.strip()
                record = json.loads(text)
            except (DecodeError, json.JSONDecodeError) as exc:
                yield Unreadable(origin, f"invalid JSON: {exc}")
                continue
            yield _record_item(origin, f"{path.name}:{number}", text, record)


def _read_json(path: Path, text: str, encoding: str, *, max_bytes: int) -> Iterator[Item | Unreadable]:
    try:
        records = parse_json_document(text, what="JSON")
    except ParseError as exc:
        yield Unreadable(str(path), str(exc))
        return
    for number, record in enumerate(records, start=1):
        raw = json.dumps(record, ensure_ascii=False, sort_keys=True)
        if len(raw.encode()) > max_bytes:
            yield Unreadable(f"{path}#{number}", "record too large for an article")
            continue
        yield _record_item(f"{path}#{number}", f"{path.name}#{number}", raw, record, encoding=encoding)


def _record_item(origin: str, origin_name: str, raw: str, record: object, *, encoding: str = "utf-8") -> Item:
    return Item(origin, origin_name, raw, encoding, parse=lambda: parse_record(record, what="record"))
