from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from entities.curated_events import TIMELINE, EventFileError
from entities.evaluation import GoldError, evaluate_events
from entities.gazetteer import GazetteerError


class Command(BaseCommand):
    help = (
        "Compare the event detector's proposals on the seed articles with the curated seed timeline "
        "(entities/data/seed_events.yaml): recall (curated events found) and precision (proposals that are right). "
        "Needs no database."
    )
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--events", type=Path, default=TIMELINE.default_path, help="Curated timeline file")

    def handle(self, *args: object, events: Path, **options: object) -> None:
        try:
            score = evaluate_events(events, base_dir=Path(settings.BASE_DIR))
        except (GoldError, GazetteerError, EventFileError) as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] >= 2:
            for title in score.missed:
                self.stdout.write(f"    missed {title}")
            for description in score.wrong:
                self.stdout.write(f"    wrong  {description}")
        self.stdout.write(score.line())
