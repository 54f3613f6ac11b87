from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from entities.gazetteer import GazetteerError, default_path, load_gazetteer


class Command(BaseCommand):
    help = (
        "Load the curated gazetteer (entities/data/gazetteer.yaml unless a path is given): entities and their "
        "aliases. Idempotent; curators' edits win, nothing is deleted. Re-extract afterwards with "
        "`extract_entities --all` when aliases were added."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", type=Path, help=f"YAML file (default {default_path()})")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; save nothing")

    def handle(self, *args: object, path: Path | None, dry_run: bool, **options: object) -> None:
        try:
            report = load_gazetteer(path, dry_run=dry_run)
        except GazetteerError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(("dry run, nothing saved: " if dry_run else "") + report.summary())
