import sys

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from entities.management.commands._selection import add_article_arguments, selected_articles
from entities.mentions import extract_articles


class Command(BaseCommand):
    help = (
        "Find the gazetteer's entities in articles again (after the gazetteer or an alias changed). Incremental: "
        "automatic mentions are added or removed, mentions a curator confirmed or rejected are never touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_article_arguments(parser)
        parser.add_argument("--no-progress", action="store_true", help="No progress bar even on a terminal")

    def handle(self, *args: object, article: list[int], all: bool, no_progress: bool, **options: object) -> None:
        articles = selected_articles(article, every=all)
        progress = tqdm(
            total=articles.count(), unit=" articles", disable=no_progress or not sys.stderr.isatty(), file=sys.stderr
        )
        with progress:
            total = extract_articles(articles, on_batch=lambda batch: progress.update(batch.articles))
        self.stdout.write(
            f"{total.articles} articles: {total.created} mentions added, {total.deleted} removed, {total.kept} kept; "
            f"{total.candidates} candidate names"
        )
