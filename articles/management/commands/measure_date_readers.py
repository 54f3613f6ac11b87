import time
from pathlib import Path

import yaml
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from archive.common.dates import read_date_statement

PHRASES = Path(settings.BASE_DIR) / "tests" / "corpus" / "dates" / "phrases.yaml"


class Command(BaseCommand):
    help = (
        "Compare the archive's date-line reader with dateparser on date lines as outlets print them "
        "(tests/corpus/dates/phrases.yaml): how many publication dates each reads right, and how fast."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--phrases", type=Path, default=PHRASES)
        parser.add_argument("--repeat", type=int, default=20, help="Times each line is read, for the timing")

    def handle(self, *args: object, phrases: Path, repeat: int, **options: object) -> None:
        import dateparser
        from dateparser.search import search_dates

        cases = yaml.safe_load(phrases.read_text(encoding="utf-8"))

        def archive(line: str, day_first: bool) -> object:
            statement = read_date_statement(line, month_first=not day_first)
            return statement.date.date if statement and statement.date else None

        def parse(line: str, day_first: bool) -> object:
            found = dateparser.parse(line, settings={"DATE_ORDER": "DMY" if day_first else "MDY"})
            return found.date() if found else None

        def search(line: str, day_first: bool) -> object:
            found = search_dates(line, languages=["en"], settings={"DATE_ORDER": "DMY" if day_first else "MDY"})
            return found[0][1].date() if found else None

        readers = {
            "archive (read_date_statement)": archive,
            "dateparser.parse": parse,
            "dateparser search_dates": search,
        }
        self.stdout.write(f"{len(cases)} date lines from {phrases}")
        for name, reader in readers.items():
            right = sum(reader(case["line"], case.get("day_first", True)) == case["date"] for case in cases)
            started = time.perf_counter()
            for _ in range(repeat):
                for case in cases:
                    reader(case["line"], case.get("day_first", True))
            per_line = (time.perf_counter() - started) / (repeat * len(cases)) * 1e6
            self.stdout.write(f"{name:<32}{right:>4} of {len(cases)} right{per_line:>12.0f} µs per line")
