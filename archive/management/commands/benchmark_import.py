import datetime
import random
import resource
import tempfile
import time
from pathlib import Path

import psutil
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from archive.common.benchmarking import throwaway_database
from archive.pipeline import import_paths
from articles.importing import ItemResult
from articles.synthetic import rewritten_copy, synthetic_article_text

FURNITURE = ["Share:", "Also Read: Markets close higher", "Leave a Reply", "Exit mobile version", "Advertisement"]


class Command(BaseCommand):
    help = (
        "Import a generated corpus into a throwaway database on the configured server (the archive's own "
        "data is never touched). Prints articles per second and memory as the import goes, to show that "
        "memory stays flat, then the rate of a re-run that finds everything already imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--copies", type=float, default=0.1, help="Share of articles that rewrite an earlier one")

    def handle(self, *args: object, articles: int, seed: int, copies: float, **options: object) -> None:
        settings.DEBUG = False  # no query log growing in memory
        with tempfile.TemporaryDirectory() as folder:
            self._write_corpus(Path(folder), articles, seed, copies)
            with throwaway_database("import_benchmark"):
                self._measure(Path(folder), articles)

    def _write_corpus(self, folder: Path, articles: int, seed: int, copies: float) -> None:
        rng = random.Random(seed)
        recent: list[tuple[str, datetime.date]] = []
        first_day = datetime.date(2022, 1, 1)
        for number in range(articles):
            # About 25 articles a day, as an archive of a few outlets holds; copies follow within days.
            if recent and rng.random() < copies:
                original, day = rng.choice(recent)
                text = rewritten_copy(original, rng, edit_rate=rng.choice([0.1, 0.3, 0.5]))
                day += datetime.timedelta(days=rng.randint(0, 3))
            else:
                text, day = synthetic_article_text(rng), first_day + datetime.timedelta(days=number // 25)
                recent = [*recent[-50:], (text, day)]
            title, _, body = text.partition("\n\n")
            page = f"{title}\nShare:\nNews {day:%d/%m/%Y} 10:00\n\n{body}\n{rng.choice(FURNITURE)}\n"
            (folder / f"{number // 1000:03d}").mkdir(exist_ok=True)
            (folder / f"{number // 1000:03d}" / f"{number:07d}.txt").write_text(page, encoding="utf-8")
        self.stdout.write(f"generated {articles:,} articles ({copies:.0%} rewritten copies) in {folder}")

    def _measure(self, folder: Path, articles: int) -> None:
        process = psutil.Process()
        checkpoints = {articles * share // 4 for share in (1, 2, 3, 4)}
        done = 0
        started = time.perf_counter()

        def on_result(result: ItemResult) -> None:
            nonlocal done
            done += 1
            if done in checkpoints:
                elapsed = time.perf_counter() - started
                rss = process.memory_info().rss / 2**20
                self.stdout.write(f"  {done:>8,} articles  {done / elapsed:7.1f} articles/s  RSS {rss:6.1f} MiB")

        report = import_paths([folder], on_result=on_result)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"first import: {articles / elapsed:,.1f} articles/s, peak RSS {peak:.1f} MiB")
        self.stdout.write(f"  {report.summary()}")
        started = time.perf_counter()
        report = import_paths([folder])
        elapsed = time.perf_counter() - started
        self.stdout.write(f"re-run: {articles / elapsed:,.1f} articles/s  ({report.summary()})")
