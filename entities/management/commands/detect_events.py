import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from articles.models import Article
from entities.event_linking import detect_for_articles


class Command(BaseCommand):
    help = (
        "Propose events from articles' sentences again (after mentions or the detector changed). Events a curator "
        "confirmed or rejected are never changed; the same event reported twice becomes one with more evidence."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--article", type=int, nargs="+", default=[], metavar="ID", help="Article ids")
        parser.add_argument("--all", action="store_true", help="Every article in the archive")

    def handle(self, *args: object, article: list[int], all: bool, **options: object) -> None:
        if not article and not all:
            raise CommandError("name the articles: --article ID [ID ...] or --all")
        missing = sorted(set(article) - set(Article.objects.filter(pk__in=article).values_list("pk", flat=True)))
        if missing:
            raise CommandError(f"--article: no article with id {', '.join(map(str, missing))}")
        articles = Article.objects.all() if all else Article.objects.filter(pk__in=article)
        progress = tqdm(total=articles.count(), unit=" articles", disable=not sys.stderr.isatty(), file=sys.stderr)
        with progress:
            total = detect_for_articles(articles, on_article=lambda result: progress.update(1))
        self.stdout.write(total.summary())
