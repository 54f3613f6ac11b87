import dataclasses
import datetime
import json
import os
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import InterfaceError, OperationalError
from tqdm import tqdm

from archive.pipeline import import_paths
from articles.importing import ImportOptions, ItemResult, Outcome
from articles.limits import ImportLimits
from articles.models import Source

LIMIT_NAMES = [field.name for field in dataclasses.fields(ImportLimits)]


class Command(BaseCommand):
    help = (
        "Import articles from files, folders (recursively), globs and JSON/JSON Lines exports: .txt, .md, "
        ".html, .json, .jsonl. New articles are saved in batches, each all or nothing (a batch the database "
        "refuses is saved article by article); what is already in the archive is left unchanged. Exits 1 "
        "when any input failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", help="Files, folders or glob patterns (default: the project's seeds/)")
        parser.add_argument("--source", help="Slug of the outlet of files whose metadata names none (must exist)")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; save nothing")
        parser.add_argument(
            "--update", action="store_true", help="Re-parse articles already imported; fields a curator edited win"
        )
        limits = parser.add_argument_group("limits (an input over one fails alone; see docs/limits-and-security.md)")
        defaults = ImportLimits()
        for limit in dataclasses.fields(ImportLimits):
            default = getattr(defaults, limit.name)
            shown = limit.metadata.get("shown_default") or (
                f"{default:,}" if isinstance(default, int) else str(default)
            )
            limits.add_argument(
                f"--{limit.name.replace('_', '-')}",
                type=int if isinstance(default, int) else datetime.date.fromisoformat,
                default=default,
                help=f"{limit.metadata['help']} (default {shown})",
            )
        parser.add_argument(
            "--database-wait",
            type=float,
            default=60.0,
            help="Seconds to retry a lost database connection before stopping (default 60)",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            help="Processes that parse and annotate beside the one that writes; 0 does it all in one "
            "(default: the number of cores)",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=ImportOptions.batch_size,
            help=f"New articles saved per transaction; 1 saves each on its own (default {ImportOptions.batch_size})",
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
        limits = ImportLimits(**{name: options[name] for name in LIMIT_NAMES})
        if options["workers"] < 0 or options["batch_size"] < 1:
            raise CommandError("--workers must be 0 or more and --batch-size 1 or more")
        import_options = ImportOptions(source=source, dry_run=options["dry_run"], update=options["update"],
                                       limits=limits, database_wait=options["database_wait"],
                                       workers=options["workers"], batch_size=options["batch_size"])  # fmt: skip
        show_progress = not (options["json"] or options["no_progress"]) and sys.stderr.isatty()
        progress = tqdm(unit=" articles", disable=not show_progress, file=sys.stderr, dynamic_ncols=True)

        def on_result(result: ItemResult) -> None:
            progress.update(1)
            stream = self.stderr if result.outcome is Outcome.FAILED else self.stdout
            if result.outcome is Outcome.FAILED or options["verbosity"] >= 2:
                with tqdm.external_write_mode(file=sys.stderr):
                    stream.write(result.describe())

        paths = options["paths"] or [str(Path(settings.BASE_DIR) / "seeds")]
        try:
            with progress:
                report = import_paths(paths, options=import_options, on_result=on_result)
        except (OperationalError, InterfaceError) as exc:  # before the first input: the gazetteer's read
            raise CommandError(f"database unavailable: {str(exc).strip().splitlines()[0]}") from exc
        if report.stopped:
            self.stderr.write(report.stopped)
        self.stdout.write(json.dumps(report.as_dict()) if options["json"] else report.summary())
        if report.stopped:
            raise CommandError(f"stopped after {report.total} inputs: the database went away", returncode=1)
        if report.failures:
            raise CommandError(f"{len(report.failures)} of {report.total} inputs failed", returncode=1)
