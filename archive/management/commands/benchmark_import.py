import datetime
import io
import os
import random
import resource
import tempfile
import time
from pathlib import Path

import psutil
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from archive.common.benchmarking import throwaway_database
from archive.pipeline import import_paths
from articles.cleaning import content_hash, text_hash
from articles.importing import ImportOptions, ItemResult
from articles.synthetic import rewritten_copy, synthetic_article_text

FURNITURE = ["Share:", "Also Read: Markets close higher", "Leave a Reply", "Exit mobile version", "Advertisement"]
BASELINE_BATCH = 200


class Command(BaseCommand):
    help = (
        "Import a generated corpus into a throwaway database on the configured server (the archive's own "
        "data is never touched), with the outlets and the gazetteer loaded as ./dev up loads them. Prints "
        "articles per second and memory at each quarter, the rate of a re-run that finds everything already "
        "imported, and, on the same articles in the same run, what PostgreSQL itself takes: COPY into a "
        "table with the archive's own search vector and indexes, and the two ways of never storing an "
        "article twice (an advisory lock, or ON CONFLICT)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--copies", type=float, default=0.1, help="Share of articles that rewrite an earlier one")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
        parser.add_argument("--batch-size", type=int, default=ImportOptions.batch_size)
        parser.add_argument("--no-baseline", action="store_true", help="Skip the COPY baselines")

    def handle(self, *args: object, articles: int, seed: int, copies: float, **options: object) -> None:
        settings.DEBUG = False  # no query log growing in memory
        with tempfile.TemporaryDirectory() as folder:
            pages = self._write_corpus(Path(folder), articles, seed, copies)
            with throwaway_database("import_benchmark"):
                call_command("load_outlets", stdout=io.StringIO())
                call_command("load_gazetteer", stdout=io.StringIO())
                chosen = ImportOptions(workers=options["workers"], batch_size=options["batch_size"])
                rate = self._measure(Path(folder), articles, chosen)
                if not options["no_baseline"]:
                    self._baselines(pages, rate)

    def _write_corpus(self, folder: Path, articles: int, seed: int, copies: float) -> list[tuple[str, str, str]]:
        """The pages, written as files; returns (raw page, title, body) of each for the baselines."""
        rng = random.Random(seed)
        recent: list[tuple[str, datetime.date]] = []
        first_day = datetime.date(2022, 1, 1)
        pages = []
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
            pages.append((page, title, body))
        self.stdout.write(f"generated {articles:,} articles ({copies:.0%} rewritten copies) in {folder}")
        return pages

    def _measure(self, folder: Path, articles: int, options: ImportOptions) -> float:
        process = psutil.Process()
        checkpoints = {articles * share // 4 for share in (1, 2, 3, 4)}
        done = 0
        self.stdout.write(f"import with {options.workers} worker processes, batches of {options.batch_size}:")
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = psutil.Process(cursor.fetchone()[0])
        cpu = {"writer": _cpu(process), "database": _cpu(backend), "workers": 0.0}
        started = time.perf_counter()

        def on_result(result: ItemResult) -> None:
            nonlocal done
            done += 1
            if done in checkpoints:
                elapsed = time.perf_counter() - started
                rss = process.memory_info().rss / 2**20
                workers = sum(child.memory_info().rss for child in process.children(recursive=True)) / 2**20
                cpu["workers"] = sum(_cpu(child) for child in process.children(recursive=True))
                self.stdout.write(
                    f"  {done:>8,} articles  {done / elapsed:7.1f} articles/s  RSS {rss:6.1f} MiB"
                    f" (+ workers {workers:6.1f} MiB)"
                )

        report = import_paths([folder], options=options, on_result=on_result)
        elapsed = time.perf_counter() - started
        rate = articles / elapsed
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"first import: {rate:,.1f} articles/s, peak RSS {peak:.1f} MiB")
        self.stdout.write(f"  {report.summary()}")
        spent = {
            "writer": _cpu(process) - cpu["writer"],
            "workers": cpu["workers"],
            "database": _cpu(backend) - cpu["database"],
        }
        self.stdout.write(
            "  CPU per article: "
            + ", ".join(f"{name} {seconds / articles * 1000:.2f} ms" for name, seconds in spent.items())
            + f" ({psutil.cpu_count()} cores)"
        )
        with connection.cursor() as cursor:
            cursor.execute("SELECT (SELECT count(*) FROM entities_mention), (SELECT count(*) FROM articles_similarity)")
            mentions, links = cursor.fetchone()
        self.stdout.write(f"  {mentions:,} mentions, {links:,} copy links")
        started = time.perf_counter()
        report = import_paths([folder], options=options)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"re-run: {articles / elapsed:,.1f} articles/s  ({report.summary()})")
        return rate

    def _baselines(self, pages: list[tuple[str, str, str]], rate: float) -> None:
        """What PostgreSQL takes on the same articles, through one connection, in batches."""
        rows = [(page, content_hash(page), text_hash(title, body), title, body) for page, title, body in pages]
        columns = "raw_text, content_hash, text_hash, title, body, origin_name, language, encoding"
        with connection.cursor() as cursor:
            table = self._baseline_table(cursor, "baseline_copy")
            started = time.perf_counter()
            for start in range(0, len(rows), BASELINE_BATCH):
                _copy(cursor, table, columns, rows[start : start + BASELINE_BATCH])
            copied = len(rows) / (time.perf_counter() - started)
            self.stdout.write(
                f"COPY into a table with the archive's search vector and indexes: {copied:,.1f} articles/s; "
                f"the import reaches {rate / copied:.0%} of it (1/{copied / rate:.1f})"
            )
            for way, sql in (
                ("advisory lock, lookup, COPY", None),
                ("INSERT … ON CONFLICT DO NOTHING", "ON CONFLICT"),
            ):
                table = self._baseline_table(cursor, "baseline_unique")
                started = time.perf_counter()
                for start in range(0, len(rows), BASELINE_BATCH):
                    batch = rows[start : start + BASELINE_BATCH]
                    cursor.execute("BEGIN")
                    if sql is None:
                        cursor.execute("SELECT pg_advisory_xact_lock(1)")
                        cursor.execute(f"SELECT content_hash FROM {table} WHERE content_hash = ANY(%s)",
                                       [[row[1] for row in batch]])  # fmt: skip
                        _copy(cursor, table, columns, batch)
                    else:
                        cursor.execute(
                            f"INSERT INTO {table} ({columns}) SELECT *, 'x', 'en', 'utf-8' FROM unnest("
                            "%s::text[], %s::text[], %s::text[], %s::text[], %s::text[]) ON CONFLICT DO NOTHING",
                            [list(column) for column in zip(*batch, strict=True)],
                        )
                    cursor.execute("COMMIT")
                self.stdout.write(f"  {way}: {len(rows) / (time.perf_counter() - started):,.1f} articles/s")
            cursor.execute("DROP TABLE baseline_copy, baseline_unique")

    @staticmethod
    def _baseline_table(cursor: object, name: str) -> str:
        cursor.execute(f"DROP TABLE IF EXISTS {name}")
        cursor.execute(f"CREATE TABLE {name} (LIKE articles_article INCLUDING ALL)")
        # The columns the baseline leaves out may be null: the Django models keep their defaults.
        cursor.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 AND attnotnull"
            " AND attname NOT IN ('id', 'search_vector')",
            [name],
        )
        for (column,) in cursor.fetchall():
            cursor.execute(f"ALTER TABLE {name} ALTER COLUMN {column} DROP NOT NULL")
        return name


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def _copy(cursor: object, table: str, columns: str, rows: list[tuple[str, ...]]) -> None:
    """The baseline's rows by COPY, with the columns the importer fills beside them."""
    with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row((*row, "x", "en", "utf-8"))
