"""The curated gazetteer: a YAML file of entities and their spellings, loaded idempotently.

The file is where people, organisations, armed groups and places are described once, with every
spelling variant; `load_gazetteer` brings the database in line with it. Curators' work wins: an
existing entity keeps its name and any field a curator filled, the file only fills empty fields
and adds aliases, and nothing is ever deleted. An entity merged away in the admin is found again
through its name, now an alias of the survivor, so a reload never brings it back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.common.datafiles import DataFile, DataFileError
from archive.common.provenance import Origin
from archive.common.queries import one_or_none
from archive.common.slugs import unique_slug
from entities.curation import add_alias
from entities.expressions import fold_like_database
from entities.extraction import AliasSpec, Matcher
from entities.models import Entity

KNOWN_FIELDS = frozenset({"name", "kind", "country", "role", "description", "wikidata", "aliases", "case_sensitive"})
FILLABLE_FIELDS = {"description": "description", "role": "role", "country": "country", "wikidata": "wikidata_id"}


class GazetteerError(DataFileError):
    """The gazetteer cannot be loaded; the message names the file and the entry, in one line."""


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    kind: str
    country: str = ""
    role: str = ""
    description: str = ""
    wikidata: str = ""
    aliases: tuple[str, ...] = ()
    case_sensitive: frozenset[str] = frozenset()

    def alias_specs(self, key: object) -> list[AliasSpec]:
        return [AliasSpec(key, text, self.kind, text in self.case_sensitive) for text in (self.name, *self.aliases)]


def _entry(where: str, name: str, raw: dict[str, Any]) -> GazetteerEntry:
    kind = str(raw.get("kind") or "")
    if kind not in Entity.Kind.values:
        raise GazetteerError(f"{where}: kind {kind!r} is not one of {', '.join(Entity.Kind.values)}")
    country = str(raw.get("country") or "")
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise GazetteerError(f"{where}: country {country!r} is not an ISO 3166-1 alpha-2 code")
    wikidata = str(raw.get("wikidata") or "")
    if wikidata and not re.fullmatch(r"Q[1-9][0-9]*", wikidata):
        raise GazetteerError(f"{where}: wikidata {wikidata!r} is not a Wikidata item id (Q123)")
    aliases = raw.get("aliases") or []
    case_sensitive = raw.get("case_sensitive") or []
    for label, values in (("aliases", aliases), ("case_sensitive", case_sensitive)):
        if not isinstance(values, list) or not all(isinstance(v, str | int | float) for v in values):
            raise GazetteerError(f"{where}: {label} must be a list of names")
    aliases = tuple(dict.fromkeys(" ".join(str(a).split()) for a in aliases if str(a).strip()))
    return GazetteerEntry(
        name=name,
        kind=kind,
        country=country,
        role=str(raw.get("role") or "")[:200],
        description=str(raw.get("description") or "")[:500],
        wikidata=wikidata,
        aliases=aliases,
        case_sensitive=frozenset(str(a) for a in case_sensitive),
    )


def _check_unique(path: Path, entries: list[GazetteerEntry]) -> None:
    names: dict[str, str] = {}
    wikidata: dict[str, str] = {}
    for entry in entries:
        key = fold_like_database(entry.name)
        if key in names:
            raise GazetteerError(f"{path}: {entry.name!r} is named twice")
        names[key] = entry.name
        if entry.wikidata:
            if entry.wikidata in wikidata:
                raise GazetteerError(
                    f"{path}: {entry.name!r} and {wikidata[entry.wikidata]!r} share Wikidata id {entry.wikidata}"
                )
            wikidata[entry.wikidata] = entry.name


def matcher_from_file(path: Path | None = None) -> tuple[Matcher, list[GazetteerEntry]]:
    """A matcher straight from the file, keyed by entry index: for scoring without a database."""
    entries = GAZETTEER.read(path)
    return Matcher(spec for index, entry in enumerate(entries) for spec in entry.alias_specs(index)), entries


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    aliases_added: int = 0

    def summary(self) -> str:
        return (
            f"{self.created} entities created, {self.updated} updated, {self.unchanged} unchanged; "
            f"{self.aliases_added} aliases added"
        )


def _load_entry(path: Path, entry: GazetteerEntry, report: LoadReport) -> None:
    """Create the entity unless it is known; fill the gaps a curator left; add missing aliases."""
    entity = _existing(entry)
    created = entity is None
    if created:
        entity = Entity.objects.create(
            name=entry.name,
            slug=unique_slug(Entity, entry.name, max_length=290, fallback="entity"),
            kind=entry.kind,
            country=entry.country,
            role=entry.role,
            description=entry.description,
            wikidata_id=entry.wikidata if not _wikidata_taken(entry.wikidata) else "",
        )
    filled = not created and _fill_gaps(entity, entry)
    added = sum(
        add_alias(
            entity,
            alias,
            acting_user=None,
            case_sensitive=alias in entry.case_sensitive,
            origin=Origin.DATA_FILE,
            note=path.name,
        )[1]
        for alias in (entry.name, *entry.aliases)
    )
    report.aliases_added += added
    if created:
        report.created += 1
    elif filled or added:
        report.updated += 1
    else:
        report.unchanged += 1


def _existing(entry: GazetteerEntry) -> Entity | None:
    """The entity this entry describes: by Wikidata id, by name, or by an alias (a merged name)."""
    folded = fold_like_database(entry.name)
    if entry.wikidata:
        found = one_or_none(Entity.objects.filter(wikidata_id=entry.wikidata))
        if found is not None:
            return found
    found = one_or_none(Entity.objects.named_exactly(folded).filter(kind=entry.kind))
    if found is not None:
        return found
    return one_or_none(Entity.objects.filter(aliases__folded=folded, kind=entry.kind))


def _wikidata_taken(wikidata: str) -> bool:
    return bool(wikidata) and Entity.objects.filter(wikidata_id=wikidata).exists()


def _fill_gaps(entity: Entity, entry: GazetteerEntry) -> bool:
    changed = []
    for key, attribute in FILLABLE_FIELDS.items():
        value = getattr(entry, key)
        if value and not getattr(entity, attribute):
            if attribute == "wikidata_id" and _wikidata_taken(value):
                continue
            setattr(entity, attribute, value)
            changed.append(attribute)
    if changed:
        entity.save(update_fields=[*changed, "updated_at"])
    return bool(changed)


GAZETTEER = DataFile(app="entities", name="gazetteer.yaml", items="entities", noun="entry", key="name",
                      fields=KNOWN_FIELDS, error=GazetteerError, parse=_entry, check=_check_unique,
                      new_report=LoadReport, load_entry=_load_entry)  # fmt: skip
read_gazetteer = GAZETTEER.read
load_gazetteer = GAZETTEER.load
