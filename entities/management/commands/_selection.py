"""What the commands that re-run extraction or detection share: which articles they were asked for."""

from django.core.management.base import CommandError, CommandParser
from django.db.models import QuerySet

from articles.models import Article


def add_article_arguments(parser: CommandParser) -> None:
    parser.add_argument("--article", type=int, nargs="+", default=[], metavar="ID", help="Article ids")
    parser.add_argument("--all", action="store_true", help="Every article in the archive")


def selected_articles(ids: list[int], *, every: bool) -> QuerySet[Article]:
    """The articles named by --article or --all; a missing id is an error naming it."""
    if not ids and not every:
        raise CommandError("name the articles: --article ID [ID ...] or --all")
    missing = sorted(set(ids) - set(Article.objects.filter(pk__in=ids).values_list("pk", flat=True)))
    if missing:
        raise CommandError(f"--article: no article with id {', '.join(map(str, missing))}")
    return Article.objects.all() if every else Article.objects.filter(pk__in=ids)
