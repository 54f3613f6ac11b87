import sys

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from entities.detection import detect_for_articles
from entities.management.commands._selection import add_article_arguments, selected_articles


class Command(BaseCommand):
    help = (
        "Propose events from articles' sentences again (after mentions or the detector changed). Events a curator "
        "confirmed or rejected are never changed; the same event reported twice becomes one with more evidence."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_article_arguments(parser)

    def handle(self, *args: object, article: list[int], all: bool, **options: object) -> None:
        articles = selected_articles(article, every=all)
        progress = tqdm(total=articles.count(), unit=" articles", disable=not sys.stderr.isatty(), file=sys.stderr)
        with progress:
            total = detect_for_articles(articles, on_article=lambda result: progress.update(1))
        self.stdout.write(total.summary())
