from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.importing import Outcome, import_paths
from articles.models import Source


class Command(BaseCommand):
    help = (
        "Import article files (or folders of them, recursively) into the archive. Each file is one "
        "article saved in its own transaction; files already imported are left unchanged. "
        "Exits non-zero when any file failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, help="Files or folders (default: the project's seeds/)")
        parser.add_argument("--source", help="Slug of the outlet these articles come from (must exist)")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; save nothing")

    def handle(self, *args: object, paths: list[Path], source: str | None, dry_run: bool, **options: object) -> None:
        outlet = None
        if source:
            try:
                outlet = Source.objects.get(slug=source)
            except Source.DoesNotExist as exc:
                raise CommandError(f"--source {source}: no source with that slug") from exc
        report = import_paths(paths or [Path(settings.BASE_DIR) / "seeds"], source=outlet, dry_run=dry_run)
        for result in report.results:
            if result.outcome is Outcome.FAILED:
                self.stderr.write(result.describe())
            elif options["verbosity"] >= 2:
                self.stdout.write(result.describe())
        self.stdout.write(report.summary())
        if report.failures:
            raise CommandError(f"{len(report.failures)} of {len(report.results)} files failed", returncode=1)
