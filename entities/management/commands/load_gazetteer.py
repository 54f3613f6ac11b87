from archive.common.datafiles import LoadCommand
from entities.gazetteer import GAZETTEER


class Command(LoadCommand):
    help = (
        "Load the curated gazetteer (entities/data/gazetteer.yaml unless a path is given): entities and their "
        "aliases. Idempotent; curators' edits win, nothing is deleted. Re-extract afterwards with "
        "`extract_entities --all` when aliases were added."
    )
    data_file = GAZETTEER
