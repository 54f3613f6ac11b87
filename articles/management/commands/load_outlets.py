from archive.common.datafiles import LoadCommand
from articles.outlet_file import OUTLETS


class Command(LoadCommand):
    help = (
        "Load the curated outlets file (articles/data/outlets.yaml unless a path is given): outlets with their "
        "names, domains, country and kind, which the importer recognises on pages. Idempotent; curators' edits "
        "win, nothing is deleted, outlets the importer found are confirmed when the file lists them."
    )
    data_file = OUTLETS
