"""Finding the outlet an article comes from, or creating it when the archive does not know it yet."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.utils.text import slugify

from archive.common.queries import one_or_none
from archive.common.slugs import unique_slug
from articles.models import Source
from articles.parsing import ParsedArticle


def outlet_of(parsed: ParsedArticle, *, default: Source | None) -> Source | None:
    """The outlet: metadata beats `default` (--source), which beats what the parser read in the text."""
    if parsed.outlet and "outlet" in parsed.metadata_fields:
        return source_for(name=parsed.outlet, url=parsed.outlet_url or parsed.url)
    if default is not None:
        return default
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
    homepage = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}/" if domain else ""
    slug = unique_slug(Source, label, max_length=200, fallback="source")
    return Source.objects.create(name=label[:200], slug=slug, domain=domain, homepage_url=homepage)
