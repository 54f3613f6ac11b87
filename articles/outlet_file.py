"""The curated outlets file: a few hundred outlets with their names, domains, country and kind.

`load_outlets` brings the sources in line with it, idempotently, as `load_gazetteer` does for
entities. Curators' work wins: an existing source keeps its name and whatever a curator set; the
file fills empty fields, adds names and domains, and confirms an outlet the importer had found
(its kind and country were guesses). Nothing is ever deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db.models import Q

from archive.common.datafiles import DataFile, DataFileError
from archive.common.slugs import unique_slug
from articles.models import Source
from articles.outlets import Outlet, host_of, name_key

KNOWN_FIELDS = frozenset({"name", "aliases", "domains", "country", "kind"})
_HOST = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class OutletFileError(DataFileError):
    """The outlets file cannot be loaded; the message names the file and the entry, in one line."""


def _entry(where: str, name: str, raw: dict[str, Any]) -> Outlet:
    kind = str(raw.get("kind") or "")
    if kind not in Source.Kind.values:
        raise OutletFileError(f"{where}: kind {kind!r} is not one of {', '.join(Source.Kind.values)}")
    country = str(raw.get("country") or "")
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise OutletFileError(f"{where}: country {country!r} is not an ISO 3166-1 alpha-2 code")
    lists = {}
    for label in ("aliases", "domains"):
        values = raw.get(label) or []
        if not isinstance(values, list) or not all(isinstance(value, str) and value.strip() for value in values):
            raise OutletFileError(f"{where}: {label} must be a list of non-empty strings")
        lists[label] = tuple(" ".join(value.split()) for value in values)
    for domain in lists["domains"]:
        if not _HOST.match(domain) or host_of(domain) != domain:
            raise OutletFileError(f"{where}: domain {domain!r} is not a host name without www. (e.g. dawn.com)")
    if len(name) > 200 or any(len(alias) > 200 for alias in lists["aliases"]):
        raise OutletFileError(f"{where}: names are at most 200 characters")
    return Outlet(name=name, aliases=lists["aliases"], domains=lists["domains"], country=country, kind=kind)


def _check_unique(path: Path, outlets: list[Outlet]) -> None:
    """A name or a domain belongs to one outlet only: otherwise a page could not be told apart."""
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for outlet in outlets:
        for name in dict.fromkeys(name_key(text) for text in (outlet.name, *outlet.aliases)):
            if name in names:
                raise OutletFileError(f"{path}: the name {name!r} is both {names[name]}'s and {outlet.name}'s")
            names[name] = outlet.name
        for domain in outlet.domains:
            if domain in domains:
                raise OutletFileError(f"{path}: the domain {domain} is both {domains[domain]}'s and {outlet.name}'s")
            domains[domain] = outlet.name


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    confirmed: int = 0
    unchanged: int = 0

    def summary(self) -> str:
        return (
            f"outlets: {self.created} created, {self.updated} updated "
            f"({self.confirmed} found by the importer now confirmed), {self.unchanged} unchanged"
        )


def existing_source(outlet: Outlet) -> Source | None:
    """The source this outlet already is: by a domain, else by a name or alias, written either way."""
    if outlet.domains:
        by_domain = Source.objects.filter(Q(domain__in=outlet.domains) | Q(other_domains__overlap=list(outlet.domains)))
        found = by_domain.order_by("pk").first()
        if found is not None:
            return found
    keys = {name_key(text) for text in (outlet.name, *outlet.aliases)}
    spellings = {text for text in (outlet.name, *outlet.aliases)} | {f"The {text}" for text in (outlet.name,)}
    names = Q()
    for spelling in spellings | {outlet.name.removeprefix("The ")}:
        names |= Q(name__iexact=spelling)
    candidates = Source.objects.filter(names | Q(aliases__overlap=sorted(spellings))).order_by("pk")
    return next(
        (source for source in candidates if keys & {name_key(text) for text in (source.name, *source.aliases)}), None
    )


def _load_outlet(path: Path, outlet: Outlet, report: LoadReport) -> None:
    source = existing_source(outlet)
    if source is None:
        Source.objects.create(
            name=outlet.name,
            slug=unique_slug(Source, outlet.name, max_length=200, fallback="source"),
            aliases=list(outlet.aliases),
            domain=_free_domain(outlet.domains[0]) if outlet.domains else "",
            other_domains=list(outlet.domains[1:]),
            homepage_url=f"https://{outlet.domains[0]}/" if outlet.domains else "",
            kind=outlet.kind,
            country=outlet.country,
            origin=Source.Origin.OUTLETS_FILE,
        )
        report.created += 1
        return
    changed = _fill_gaps(source, outlet)
    if not source.confirmed:
        source.confirmed = True
        source.kind, source.country = outlet.kind, outlet.country or source.country
        changed |= {"confirmed", "kind", "country"}
        report.confirmed += 1
    if changed:
        source.save(update_fields=[*sorted(changed), "updated_at"])
        report.updated += 1
    else:
        report.unchanged += 1


def _fill_gaps(source: Source, outlet: Outlet) -> set[str]:
    changed = set()
    known_names = {name_key(text) for text in (source.name, *source.aliases)}
    new_aliases = [text for text in (outlet.name, *outlet.aliases) if name_key(text) not in known_names]
    if new_aliases:
        source.aliases = [*source.aliases, *dict.fromkeys(new_aliases)]
        changed.add("aliases")
    if not source.domain and outlet.domains and _free_domain(outlet.domains[0]):
        source.domain = outlet.domains[0]
        changed.add("domain")
    known_domains = {source.domain, *source.other_domains}
    new_domains = [domain for domain in outlet.domains if domain not in known_domains]
    if new_domains:
        source.other_domains = [*source.other_domains, *new_domains]
        changed.add("other_domains")
    if not source.homepage_url and source.domain:
        source.homepage_url = f"https://{source.domain}/"
        changed.add("homepage_url")
    if not source.country and outlet.country:
        source.country = outlet.country
        changed.add("country")
    return changed


def _free_domain(domain: str) -> str:
    """The domain, unless another source already has it as its own."""
    return "" if Source.objects.filter(domain=domain).exists() else domain


OUTLETS = DataFile(app="articles", name="outlets.yaml", items="outlets", noun="outlet", key="name",
                   fields=KNOWN_FIELDS, error=OutletFileError, parse=_entry, check=_check_unique,
                   new_report=LoadReport, load_entry=_load_outlet)  # fmt: skip
read_outlets = OUTLETS.read
load_outlets = OUTLETS.load
