"""What benchmark commands share: a throwaway database, so the archive's own data is never touched."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection


@contextmanager
def throwaway_database(suffix: str = "benchmark") -> Iterator[None]:
    """Create an empty, migrated database beside the configured one for the block, then drop it."""
    original_name = connection.settings_dict["NAME"]
    connection.settings_dict["TEST"]["NAME"] = f"{original_name}_{suffix}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)
