from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from entities.curated_events import TIMELINE, EventFileError
from entities.evaluation import GoldError, evaluate_events
from entities.event_scoring import EventGoldError, read_event_gold, score_event_gold
from entities.gazetteer import GAZETTEER, GazetteerError

GOLD = Path("tests/gold/events")


class Command(BaseCommand):
    help = (
        "Score the event detector: on the seed articles against the curated seed timeline "
        "(entities/data/seed_events.yaml), and on the event gold (tests/gold/events: dev.yaml and the held-out "
        "heldout.yaml) as precision and recall of proposals and of evidence links. -v 2 lists the misses of the "
        "seeds and the dev half, never of the held-out half. Needs no database."
    )
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--events", type=Path, default=TIMELINE.default_path, help="Curated timeline file")
        parser.add_argument("--gold", type=Path, default=None, help="Folder of the event gold (dev.yaml, heldout.yaml)")

    def handle(self, *args: object, events: Path, gold: Path | None, **options: object) -> None:
        base_dir = Path(settings.BASE_DIR)
        verbose = options["verbosity"] >= 2
        try:
            score = evaluate_events(events, base_dir=base_dir)
            entries = GAZETTEER.read(None)
            halves = [(name, read_event_gold(path)) for name, path in self._halves(gold or base_dir / GOLD)]
            results = [(name, score_event_gold(half, entries=entries, base_dir=base_dir)) for name, half in halves]
        except (GoldError, GazetteerError, EventFileError, EventGoldError) as exc:
            raise CommandError(str(exc)) from exc
        if verbose:
            for title in score.missed:
                self.stdout.write(f"    missed {title}")
            for description in score.wrong:
                self.stdout.write(f"    wrong  {description}")
        self.stdout.write(f"seeds against the curated timeline: {score.line()}")
        for name, result in results:
            self.stdout.write(f"{name}:")
            if verbose and name == "dev":
                for line in result.details:
                    self.stdout.write(f"    {line}")
            for line in result.lines():
                self.stdout.write(f"  {line}")

    @staticmethod
    def _halves(folder: Path) -> list[tuple[str, Path]]:
        return [(name, folder / f"{name}.yaml") for name in ("dev", "heldout") if (folder / f"{name}.yaml").exists()]
