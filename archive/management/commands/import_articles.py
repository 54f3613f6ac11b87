import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from archive.pipeline import import_paths
from articles.importing import ImportOptions, ItemResult, Outcome
from articles.inputs import DEFAULT_MAX_BYTES
from articles.models import Source


class Command(BaseCommand):
    help = (
        "Import articles from files, folders (recursively), globs and JSON/JSON Lines exports: .txt, .md, "
        ".html, .json, .jsonl. Each article is saved in its own transaction; what is already in the archive "
        "is left unchanged. Exits 1 when any input failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", help="Files, folders or glob patterns (default: the project's seeds/)")
        parser.add_argument("--source", help="Slug of the outlet of files whose metadata names none (must exist)")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; save nothing")
        parser.add_argument(
            "--update", action="store_true", help="Re-parse articles already imported; fields a curator edited win"
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=DEFAULT_MAX_BYTES,
            help=f"Refuse text and HTML files larger than this (default {DEFAULT_MAX_BYTES:,})",
        )
        parser.add_argument("--json", action="store_true", help="Print the summary as one JSON object")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar even on a terminal")

    def handle(self, *args: object, **options: object) -> None:
        source = None
        if options["source"]:
            try:
                source = Source.objects.get(slug=options["source"])
            except Source.DoesNotExist as exc:
                raise CommandError(f"--source {options['source']}: no source with that slug") from exc
        import_options = ImportOptions(
            source=source, dry_run=options["dry_run"], update=options["update"], max_bytes=options["max_bytes"]
        )
        show_progress = not (options["json"] or options["no_progress"]) and sys.stderr.isatty()
        progress = tqdm(unit=" articles", disable=not show_progress, file=sys.stderr, dynamic_ncols=True)

        def on_result(result: ItemResult) -> None:
            progress.update(1)
            stream = self.stderr if result.outcome is Outcome.FAILED else self.stdout
            if result.outcome is Outcome.FAILED or options["verbosity"] >= 2:
                with tqdm.external_write_mode(file=sys.stderr):
                    stream.write(result.describe())

        paths = options["paths"] or [str(Path(settings.BASE_DIR) / "seeds")]
        with progress:
            report = import_paths(paths, options=import_options, on_result=on_result)
        self.stdout.write(json.dumps(report.as_dict()) if options["json"] else report.summary())
        if report.failures:
            raise CommandError(f"{len(report.failures)} of {report.total} inputs failed", returncode=1)
