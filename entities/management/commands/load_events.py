from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from entities.curated_events import EventFileError, default_path, load_events


class Command(BaseCommand):
    help = (
        "Load a curated timeline (entities/data/seed_events.yaml unless a path is given): confirmed events with "
        "their participants and evidence. Idempotent; needs the gazetteer and the articles loaded first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", type=Path, help=f"YAML file (default {default_path()})")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; save nothing")

    def handle(self, *args: object, path: Path | None, dry_run: bool, **options: object) -> None:
        try:
            report = load_events(path, dry_run=dry_run)
        except EventFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(("dry run, nothing saved: " if dry_run else "") + report.summary())
