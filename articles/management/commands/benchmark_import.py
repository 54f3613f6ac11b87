import random
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from articles.importing import import_paths
from articles.synthetic import synthetic_article_text


class Command(BaseCommand):
    help = (
        "Measure import_articles on synthetic files, in a throwaway database on the configured server "
        "(the archive's own data is never touched). Prints files/s for a first import and a re-run."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--files", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: object, files: int, seed: int, **options: object) -> None:
        rng = random.Random(seed)
        with tempfile.TemporaryDirectory() as folder:
            for number in range(files):
                (Path(folder) / f"{number:07d}.txt").write_text(synthetic_article_text(rng), encoding="utf-8")
            connection.settings_dict["TEST"]["NAME"] = f"{connection.settings_dict['NAME']}_benchmark"
            original_name = connection.settings_dict["NAME"]
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            try:
                for label in ("first import", "re-run (all unchanged)"):
                    started = time.perf_counter()
                    report = import_paths([Path(folder)])
                    elapsed = time.perf_counter() - started
                    rate = files / elapsed
                    self.stdout.write(f"{label}: {files} files in {elapsed:.2f} s = {rate:,.0f} files/s")
                    self.stdout.write(f"  {report.summary()}")
            finally:
                connection.creation.destroy_test_db(original_name, verbosity=0)
