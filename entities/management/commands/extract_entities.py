import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from articles.models import Article
from entities.linking import extract_articles


class Command(BaseCommand):
    help = (
        "Find the gazetteer's entities in articles again (after the gazetteer or an alias changed). Incremental: "
        "automatic mentions are added or removed, mentions a curator confirmed or rejected are never touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--article", type=int, nargs="+", default=[], metavar="ID", help="Article ids")
        parser.add_argument("--all", action="store_true", help="Every article in the archive")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar even on a terminal")

    def handle(self, *args: object, article: list[int], all: bool, no_progress: bool, **options: object) -> None:
        if not article and not all:
            raise CommandError("name the articles: --article ID [ID ...] or --all")
        articles = Article.objects.all() if all else Article.objects.filter(pk__in=article)
        missing = sorted(set(article) - set(Article.objects.filter(pk__in=article).values_list("pk", flat=True)))
        if missing:
            raise CommandError(f"--article: no article with id {', '.join(map(str, missing))}")
        progress = tqdm(
            total=articles.count(), unit=" articles", disable=no_progress or not sys.stderr.isatty(), file=sys.stderr
        )
        with progress:
            total = extract_articles(articles, on_batch=lambda batch: progress.update(batch.articles))
        self.stdout.write(
            f"{total.articles} articles: {total.created} mentions added, {total.deleted} removed, {total.kept} kept; "
            f"{total.candidates} candidate names"
        )
