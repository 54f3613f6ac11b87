"""The outlet an article comes from: recognised among the sources the archive knows, or created,
marked as found by the importer, for a curator to confirm."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.db.models import Q, QuerySet

from archive.common import history
from archive.common.history import Actor
from archive.common.queries import one_or_none
from archive.common.slugs import unique_slug
from articles.models import Source
from articles.outlets import Clue, Outlet, OutletIndex, host_of, name_key
from articles.parsed import ParsedArticle


def known_outlets() -> OutletIndex:
    """Every source, as the parser recognises outlets: by name, alias or domain (one query)."""
    rows = Source.objects.values_list("pk", "name", "aliases", "domain", "other_domains", "country", "kind")
    return OutletIndex(
        [
            Outlet(name, tuple(aliases), tuple(filter(None, [domain, *other_domains])), country, kind, key=pk)
            for pk, name, aliases, domain, other_domains, country, kind in rows.order_by("pk")
        ]
    )


def outlet_of(
    parsed: ParsedArticle,
    *,
    default: Source | None,
    outlets: OutletIndex | None = None,
    known: dict[int, Source] | None = None,
) -> Source | None:
    """The outlet: metadata beats `default` (--source), which beats what the page's clues say. An
    outlet the archive does not know becomes a source found by the importer, unconfirmed. `known`:
    the sources already read for the outlets the index knows, by id."""
    identified = parsed.identified
    from_metadata = identified is not None and identified.clue == Clue.METADATA
    if default is not None and not from_metadata:
        return default
    if identified is None:
        return None
    if identified.outlet is not None and identified.outlet.key is not None:
        if known is not None and identified.outlet.key in known:
            return known[identified.outlet.key]
        return one_or_none(Source.objects.filter(pk=identified.outlet.key))
    domain = identified.domain or host_of(parsed.outlet_url or parsed.url)
    source = _existing(identified.name, domain)
    if source is None:
        source = _found(identified.name, domain, evidence=identified.evidence, url=parsed.outlet_url or parsed.url)
    if outlets is not None:
        outlets.add(_as_outlet(source))
    return source


def sources_by_key(articles: list[ParsedArticle]) -> dict[int, Source]:
    """The sources of the known outlets the articles' clues identified, by id, in one query."""
    keys = {p.identified.outlet.key for p in articles if p.identified and p.identified.outlet}
    return Source.objects.in_bulk(keys - {None})


def _existing(name: str, domain: str) -> Source | None:
    if domain:
        known = Source.objects.filter(Q(domain=domain) | Q(other_domains__contains=[domain])).order_by("pk").first()
        if known is not None:
            return known
    if not name:
        return None
    candidates = Source.objects.filter(Q(name__iexact=name) | Q(aliases__contains=[name])).order_by("pk")
    return next((source for source in candidates if name_key(source.name) == name_key(name)), None) or (
        candidates.first()
    )


def _found(name: str, domain: str, *, evidence: str, url: str) -> Source:
    parts = urlsplit(url) if url else None
    homepage = f"{parts.scheme}://{parts.netloc}/" if parts and domain and parts.netloc else ""
    if domain and Source.objects.filter(domain=domain).exists():
        domain = ""
    return Source.objects.create(
        name=name[:200],
        slug=unique_slug(Source, name, max_length=200, fallback="source"),
        domain=domain,
        homepage_url=homepage,
        origin=Source.Origin.IMPORTER,
        confirmed=False,
        found_from=evidence[:300],
    )


def _as_outlet(source: Source) -> Outlet:
    domains = tuple(filter(None, [source.domain, *source.other_domains]))
    return Outlet(source.name, tuple(source.aliases), domains, source.country, source.kind, key=source.pk)


def confirm_sources(sources: QuerySet[Source], *, acting_user: Actor) -> int:
    """Confirm outlets the importer found: each change recorded in the source's history as
    `acting_user`'s (revert it there to undo); returns how many changed."""
    changing = list(Source.objects.filter(pk__in=sources.values("pk"), confirmed=False))
    for source in changing:
        source.confirmed = True
        history.recorded(source, acting_user=acting_user, reason="confirmed").save(
            update_fields=["confirmed", "updated_at"]
        )
    return len(changing)
