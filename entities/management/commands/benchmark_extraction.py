import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from archive.common.benchmarking import throwaway_database
from articles.models import Article
from entities.gazetteer import load_gazetteer, matcher_from_file, read_gazetteer
from entities.mentions import extract_articles, matcher_from_database
from entities.synthetic import article_with_mentions


class Command(BaseCommand):
    help = (
        "Entity extraction speed on a generated corpus that mentions the gazetteer's entities at Zipf "
        "frequencies: the matcher alone (one core, no database), then extraction stored in a throwaway "
        "database on the configured server (the archive's own data is never touched)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--no-database", action="store_true", help="Measure the matcher only")

    def handle(self, *args: object, articles: int, seed: int, no_database: bool, **options: object) -> None:
        settings.DEBUG = False
        rng = random.Random(seed)
        entries = read_gazetteer()
        names = [(alias, entry.kind == "person") for entry in entries for alias in (entry.name, *entry.aliases)]
        rng.shuffle(names)
        texts = [article_with_mentions(rng, names) for _ in range(articles)]
        size = sum(map(len, texts)) / len(texts)
        self.stdout.write(f"generated {articles:,} articles of {size:,.0f} characters on average")

        started = time.perf_counter()
        matcher, _ = matcher_from_file()
        self.stdout.write(
            f"automaton of {matcher.alias_count:,} aliases built in {time.perf_counter() - started:.2f} s"
        )
        started = time.perf_counter()
        found = sum(len(matcher.find(text)) for text in texts)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"matching: {articles / elapsed:,.0f} articles/s ({found / articles:.1f} mentions each)")
        started = time.perf_counter()
        candidates = sum(len(matcher.candidates(text, matcher.find(text))) for text in texts)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"matching + candidates: {articles / elapsed:,.0f} articles/s ({candidates / articles:.1f} candidates each)"
        )
        if not no_database:
            self._stored(texts)

    def _stored(self, texts: list[str]) -> None:
        with throwaway_database("extraction_benchmark"):
            load_gazetteer()
            Article.objects.bulk_create(
                Article(title=f"Article {n}", body=text, raw_text=text, content_hash=f"{n:064x}", text_hash=f"{n:x}")
                for n, text in enumerate(texts)
            )
            started = time.perf_counter()
            total = extract_articles(Article.objects.all(), matcher=matcher_from_database())
            elapsed = time.perf_counter() - started
            self.stdout.write(
                f"stored extraction: {len(texts) / elapsed:,.0f} articles/s "
                f"({total.created:,} mentions, {total.candidates:,} candidate occurrences)"
            )
            started = time.perf_counter()
            total = extract_articles(Article.objects.all(), matcher=matcher_from_database())
            elapsed = time.perf_counter() - started
            self.stdout.write(f"re-extraction, nothing changed: {len(texts) / elapsed:,.0f} articles/s "
                              f"({total.kept:,} mentions kept)")  # fmt: skip
