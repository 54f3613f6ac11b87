"""Where the archive's PostgreSQL is: DATABASE_URL, else an embedded server started on demand.

The embedded server comes from the `pgserver` wheel, lives under `.local/pgdata` (or
ARCHIVE_PGDATA) and is shared by every process of the project: the first process starts it,
the last one to exit stops it. It listens on a Unix socket only, so it never takes a port.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import threading
import warnings
from pathlib import Path
from typing import Any

import dj_database_url

EMBEDDED_DATABASE_NAME = "archive"

# The planner's cost of a random page read, as for data in memory or on SSD: PostgreSQL's default (4)
# assumes spinning disks, and made facets of a few thousand articles scan every entity-article pair
# (in parallel, against the other requests) rather than look their pairs up: 240 ms at p50 with four
# clients, 87 ms with this (benchmark_api, 100,000 articles). And no JIT compilation: the API's reads of
# large sets are planned above jit_above_cost, and compiling cost more than it saved (facets of one entity
# at 100,000 articles: 321 ms p50 with it, 239 ms without), as it did for the importer's batches.
# A DATABASE_URL's own `options` come after these, and win.
PLANNER_SETTINGS = "-c random_page_cost=1.1 -c jit=off"


def database_config(project_dir: Path) -> dict[str, Any]:
    """Django DATABASES['default'] for DATABASE_URL, or for the embedded server."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        pgdata = Path(os.environ.get("ARCHIVE_PGDATA") or project_dir / ".local" / "pgdata")
        url = embedded_database_url(pgdata)
    config = dj_database_url.parse(url, conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")))
    if not config["ENGINE"].endswith("postgresql"):
        raise ValueError(f"DATABASE_URL must point at PostgreSQL, not {config['ENGINE']}")
    config["CONN_HEALTH_CHECKS"] = True
    options = config.setdefault("OPTIONS", {})
    options["options"] = f"{PLANNER_SETTINGS} {options.get('options', '')}".strip()
    return config


def embedded_database_url(pgdata: Path) -> str:
    """Start (or join) the embedded server in `pgdata` and return a URL to the archive database."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset, as in containers and CI.
        warnings.simplefilter("ignore")
        import pgserver

        pgdata.parent.mkdir(parents=True, exist_ok=True)
        _forget_exited_users(pgdata)
        server = pgserver.get_server(pgdata, cleanup_mode="stop")
    # atexit runs last-registered first: drop users that died (a reloader's child, killed as it
    # exits) before pgserver decides whether this process is the last one and stops the server.
    atexit.register(_forget_exited_users, pgdata)
    _exit_on_sigterm()
    _ensure_database(server.get_uri(), EMBEDDED_DATABASE_NAME)
    return server.get_uri(EMBEDDED_DATABASE_NAME)


def _exit_on_sigterm() -> None:
    """SIGTERM (a process manager's stop) exits as Ctrl-C does, through atexit, so the last process
    stops the server; a handler someone else installed (gunicorn's) is left alone."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, _exit)


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _forget_exited_users(pgdata: Path) -> None:
    """Drop processes that died without exiting cleanly from pgserver's list of users.

    pgserver stops the server when its last user exits, counting users by pid in a file; a
    process killed by a signal never removes itself, which would keep the server up forever.
    """
    import psutil
    from pgserver.postgres_server import PostgresServer
    from pgserver.utils import DiskList

    users = DiskList(pgdata / ".handle_pids.json")
    with PostgresServer._lock:
        pids = users.get()
        alive = [pid for pid in pids if psutil.pid_exists(pid)]
        if alive != pids:
            users.put(alive)


def _ensure_database(maintenance_url: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            # Another process may create it first.
            with contextlib.suppress(psycopg.errors.DuplicateDatabase):
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
