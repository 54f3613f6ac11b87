from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.import_scoring import GoldError, format_table, read_gold, score_folder
from articles.outlet_file import OUTLETS, OutletFileError
from articles.outlets import OutletIndex

GROUPS = ("dev", "heldout", "seeds")


class Command(BaseCommand):
    help = (
        "Score the importer on the import corpus (tests/corpus/import): per group (dev, heldout, seeds), the "
        "share of pages whose title, outlet, date, date precision, author, type and standfirst it reads right, "
        "the furniture lines it kept in bodies and the article lines it lost. Problems are listed for dev and "
        "seeds; the held-out group only shows its scores unless --show-heldout. Needs no database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        base = Path(settings.BASE_DIR)
        parser.add_argument("--corpus", type=Path, default=base / "tests" / "corpus" / "import")
        parser.add_argument("--seeds", type=Path, default=base / "seeds", help="Folder of the seed pages")
        parser.add_argument("--outlets", type=Path, default=None, help=f"Outlets file (default {OUTLETS.default_path})")
        parser.add_argument("--group", choices=GROUPS, action="append", help="Only these groups (repeatable)")
        parser.add_argument("--show-heldout", action="store_true", help="Also list the held-out pages' problems")
        parser.add_argument("--quiet", action="store_true", help="Only the table")

    def handle(self, *args: object, **options: object) -> None:
        corpus: Path = options["corpus"]
        try:
            outlets = OutletIndex(OUTLETS.read(options["outlets"]))
        except OutletFileError as exc:
            raise CommandError(str(exc)) from exc
        scores = []
        for name in options["group"] or GROUPS:
            folder, gold_files = (
                (options["seeds"], [corpus / "seeds.yaml"])
                if name == "seeds"
                else (corpus / name, sorted((corpus / name).glob("gold*.yaml")))
            )
            if not gold_files or not all(path.is_file() for path in gold_files):
                self.stderr.write(f"{name}: no gold in {corpus / name}")
                continue
            try:
                scores.append(score_folder(name, folder, read_gold(gold_files), outlets))
            except GoldError as exc:
                raise CommandError(str(exc)) from exc
        self.stdout.write(f"import corpus {corpus} ({len(outlets)} known outlets)")
        for line in format_table(scores):
            self.stdout.write(line)
        if options["quiet"]:
            return
        for group in scores:
            if group.name == "heldout" and not options["show_heldout"]:
                continue
            for page in group.pages:
                for problem in page.problems():
                    self.stdout.write(f"{group.name}/{page.file}: {problem}")
