from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from entities.evaluation import GoldError, evaluate_gold
from entities.gazetteer import GazetteerError


class Command(BaseCommand):
    help = (
        "Score the entity extractor against the hand-labelled gold set (tests/gold/gold_mentions.json): "
        "precision and recall per group of articles (seeds, unseen) and overall. Needs no database."
    )
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        default = Path(settings.BASE_DIR) / "tests" / "gold" / "gold_mentions.json"
        parser.add_argument("--gold", type=Path, default=default, help=f"Gold file (default {default})")
        parser.add_argument("--gazetteer", type=Path, help="Gazetteer file (default: the project's)")

    def handle(self, *args: object, gold: Path, gazetteer: Path | None, **options: object) -> None:
        try:
            report = evaluate_gold(gold, gazetteer_path=gazetteer, base_dir=Path(settings.BASE_DIR))
        except (GoldError, GazetteerError) as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] >= 2:
            for name, score in report.articles:
                self.stdout.write(f"{name}: {score.line()}")
                for span in score.missed:
                    self.stdout.write(f"    missed {span.text!r} at {span.start}")
                for span in score.wrong:
                    self.stdout.write(f"    wrong  {span.text!r} at {span.start}")
        for group, lenient in sorted(report.lenient.items()):
            self.stdout.write(f"{group:>8}: {lenient.line()}")
            self.stdout.write(f"{'strict':>8}: {report.strict[group].line()}")
        self.stdout.write(f"{'overall':>8}: {report.overall().line()}")
        self.stdout.write(f"{'strict':>8}: {report.overall(strict=True).line()}")
