"""An article text that names the `gazetteer` fixture's entities, and extraction as the tests run it."""

from entities import mentions

BODY = (
    "Gen. Asim Munir visited Tehran for talks with Iran. Munir met officials. "
    "Prime Minister Shahbaz Shari welcomed the visit, and the Balochistan Liberation Front objected."
)


def extract(article):
    return mentions.extract_article(article, matcher=mentions.matcher_from_database())


def spans(article) -> list[tuple[str, str, str]]:
    return [
        (m.text, m.entity.slug, m.status) for m in article.mentions.select_related("entity").order_by("start_offset")
    ]
