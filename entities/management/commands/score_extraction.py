from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from entities.candidate_scoring import CandidateGoldError, score_candidate_gold
from entities.evaluation import GoldError, evaluate_gold
from entities.gazetteer import GazetteerError, matcher_from_file

CANDIDATE_GOLD = Path("tests/gold/candidates")


class Command(BaseCommand):
    help = (
        "Score the entity extractor against the hand-labelled gold set (tests/gold/gold_mentions.json): "
        "precision and recall per group of articles (seeds, unseen) and overall; then the candidate names it "
        "proposes against tests/gold/candidates (dev.yaml and the held-out heldout.yaml). -v 2 lists the misses "
        "of the mentions and of the dev candidates, never of the held-out ones. Needs no database."
    )
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        default = Path(settings.BASE_DIR) / "tests" / "gold" / "gold_mentions.json"
        parser.add_argument("--gold", type=Path, default=default, help=f"Gold file (default {default})")
        parser.add_argument("--gazetteer", type=Path, help="Gazetteer file (default: the project's)")

    def handle(self, *args: object, gold: Path, gazetteer: Path | None, **options: object) -> None:
        base_dir = Path(settings.BASE_DIR)
        try:
            report = evaluate_gold(gold, gazetteer_path=gazetteer, base_dir=base_dir)
            matcher, _ = matcher_from_file(gazetteer)
            candidates = [
                (half, score_candidate_gold(base_dir / CANDIDATE_GOLD / f"{half}.yaml", matcher=matcher,
                                            base_dir=base_dir))
                for half in ("dev", "heldout")
                if (base_dir / CANDIDATE_GOLD / f"{half}.yaml").exists()
            ]  # fmt: skip
        except (GoldError, GazetteerError, CandidateGoldError) as exc:
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
        for half, score in candidates:
            if options["verbosity"] >= 2 and half == "dev":
                for line in score.details:
                    self.stdout.write(f"    {line}")
            self.stdout.write(f"candidates ({half}): {score.line()}")
