from archive.common.datafiles import LoadCommand
from entities.curated_events import TIMELINE


class Command(LoadCommand):
    help = (
        "Load a curated timeline (entities/data/seed_events.yaml unless a path is given): confirmed events with "
        "their participants and evidence. Idempotent; needs the gazetteer and the articles loaded first."
    )
    data_file = TIMELINE
