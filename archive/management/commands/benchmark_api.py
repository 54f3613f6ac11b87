import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from archive.scale import fill
from articles.models import Article
from articles.synthetic import vocabulary

SCENARIOS = [
    ("articles, newest first", "/api/v1/articles/"),
    ("articles, newest first, with total", "/api/v1/articles/?page=1"),
    ("articles, one source", "/api/v1/articles/?source=outlet-3"),
    ("articles, date range", "/api/v1/articles/?published_after=2020-01-01&published_before=2020-03-31"),
    ("articles, type + status", "/api/v1/articles/?type=opinion&status=reviewed"),
    ("articles, entity", "/api/v1/articles/?entity={entity}"),
    ("articles, two entities (all)", "/api/v1/articles/?entity={entity}&entity={entity2}"),
    ("articles, cursor page", "/api/v1/articles/?cursor=&page_size=50"),
    ("articles, a deep page", "/api/v1/articles/?page={deep_page}"),
    ("search, rare term", "/api/v1/articles/?q={rare}"),
    ("search, common term", "/api/v1/articles/?q={common}"),
    ("search, common term by date", "/api/v1/articles/?q={common}&ordering=-published_on"),
    ("search, middling term", "/api/v1/articles/?q={middling}"),
    ("search, nearly everywhere", "/api/v1/articles/?q={everywhere}"),
    ("facets, all articles", "/api/v1/articles/facets/"),
    ("facets, one entity", "/api/v1/articles/facets/?entity={entity}"),
    ("facets, a rarer entity", "/api/v1/articles/facets/?entity={rare_entity}"),
    ("facets, one quarter", "/api/v1/articles/facets/?published_after=2020-01-01&published_before=2020-03-31"),
    ("facets, one source", "/api/v1/articles/facets/?source=outlet-3"),
    ("facets, a search", "/api/v1/articles/facets/?q={rare}"),
    ("entities", "/api/v1/entities/?kind=person"),
    ("entities, most mentioned", "/api/v1/entities/?ordering=-article_count"),
    ("events", "/api/v1/events/?kind=visit"),
]


class Command(BaseCommand):
    help = (
        "Fill a separate database with a synthetic archive of --articles (kept between runs; the archive's own "
        "data is never touched), serve it with gunicorn on 127.0.0.1, and print for each main endpoint and "
        "filter p50/p95/p99 latency and requests per second over HTTP, SQL queries per request at two page "
        "sizes, and the indexes its plan uses."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--requests", type=int, default=60, help="Requests per scenario (bounded)")
        parser.add_argument("--concurrency", type=int, default=4)
        parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
        parser.add_argument("--only", default="", help="Run the scenarios whose name contains this text")

    def handle(self, *args: object, **options: object) -> None:
        settings.DEBUG = False
        settings.THROTTLE_WINDOWS = "memory"  # this process's few requests, counted apart from the server's
        name = f"{connection.settings_dict['NAME']}_scale_{options['articles']}"
        self._ensure_database(name)
        connection.close()
        connection.settings_dict["NAME"] = name
        call_command("migrate", verbosity=0)
        if connection.cursor().execute("SELECT count(*) FROM entities_entity").fetchone()[0] == 0:
            call_command("load_gazetteer", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        started = time.perf_counter()
        progress = fill(options["articles"], seed=options["seed"], on_batch=self._progress)
        self.stdout.write(
            f"archive of {progress.articles:,} articles ready in {time.perf_counter() - started:,.0f} s "
            f"(database {name})"
        )
        values = self._values()
        scenarios = [(label, path) for label, path in SCENARIOS if options["only"] in label]
        self._queries_and_plans(values, scenarios)
        if any(label.startswith("search") for label, _ in scenarios):
            self._search_quality(values)
        self._http(name, values, scenarios, options)

    def _ensure_database(self, name: str) -> None:
        params = dict(connection.get_connection_params())
        params.pop("cursor_factory", None)
        params["dbname"] = "postgres"
        with psycopg.connect(**params, autocommit=True) as maintenance:
            if not maintenance.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                maintenance.execute(f'CREATE DATABASE "{name}"')

    def _progress(self, progress: object) -> None:
        self.stdout.write(f"  {progress.articles:>9,} articles, {progress.mentions:,} mentions added")
        self.stdout.flush()

    def _values(self) -> dict[str, str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT e.slug FROM entities_mention m JOIN entities_entity e ON e.id = m.entity_id "
                "WHERE m.article_id < 20000 GROUP BY e.slug ORDER BY count(*) DESC"
            )
            top = [row[0] for row in cursor.fetchall()]
        words = vocabulary().words
        deep_page = max(1, min(200, Article.objects.count() // 200))  # exists at page sizes up to 100
        return {
            "entity": top[10], "entity2": top[11], "rare_entity": top[min(60, len(top) - 1)],
            "rare": words[5000], "common": words[30], "middling": words[400], "everywhere": words[0],
            "deep_page": str(deep_page),
        }  # fmt: skip

    def _queries_and_plans(self, values: dict[str, str], scenarios: list[tuple[str, str]]) -> None:
        client = Client(SERVER_NAME="localhost", HTTP_HOST="localhost")
        self.stdout.write("\nSQL queries per request (page of 10 / page of 100) and the indexes the main query uses:")
        for label, template in scenarios:
            path = template.format(**values)
            counts = []
            for size in (10, 100):
                separator = "&" if "?" in path else "?"
                sized = path if "/facets/" in path else f"{path}{separator}page_size={size}"  # facets: no pages
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(sized, secure=True)
                counts.append(len(captured.captured_queries))
                assert response.status_code == 200, (path, response.status_code)
            slowest = max(captured.captured_queries, key=lambda query: float(query["time"]))
            self.stdout.write(f"  {label:<30} {counts[0]:>2} / {counts[1]:>2}   {self._indexes(slowest['sql'])}")

    def _search_quality(self, values: dict[str, str]) -> None:
        """Each search's first page against the naive full ranking (ts_rank over every hit, best 20):
        how many of the true top 20 it shows, what its `ranking` says, and what the naive query costs."""
        client = Client(SERVER_NAME="localhost", HTTP_HOST="localhost")
        total = Article.objects.count()
        self.stdout.write("\nRanked search against the naive full ranking (ts_rank over every hit, top 20):")
        self.stdout.write(f"  {'term':<18} {'hits':>16} {'naive p50 ms':>13}  {'overlap@20':>10}  ranking")
        for kind in ("rare", "middling", "common", "everywhere"):
            term = values[kind]
            hits = Article.objects.search(term).count()
            timings, naive = [], []
            for _ in range(5):
                started = time.perf_counter()
                naive = list(Article.objects.search(term).values_list("pk", flat=True)[:20])
                timings.append((time.perf_counter() - started) * 1000)
            page = client.get(f"/api/v1/articles/?q={term}&page_size=20", secure=True).json()
            shown = [row["id"] for row in page["results"]]
            self.stdout.write(
                f"  {kind + ' (' + term + ')':<18} {hits:>7,} ({hits / max(total, 1):5.1%}) "
                f"{statistics.median(timings):>13.1f}  {len(set(shown) & set(naive)):>7}/20  {page.get('ranking')}"
            )

    def _indexes(self, sql: str) -> str:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
            plan = cursor.fetchone()[0]
        plan = plan if isinstance(plan, list) else json.loads(plan)
        found: list[str] = []

        def walk(node: dict) -> None:
            if "Index Name" in node:
                found.append(f"{node['Node Type'].replace(' Scan', '')}:{node['Index Name']}")
            elif node.get("Node Type") == "Seq Scan":
                found.append(f"Seq:{node['Relation Name']}")
            for child in node.get("Plans", []):
                walk(child)

        walk(plan[0]["Plan"])
        return ", ".join(dict.fromkeys(found)) or "(no table scan)"

    def _http(self, name: str, values: dict[str, str], scenarios: list[tuple[str, str]], options: dict) -> None:
        port = _free_port()
        environment = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_HTTPS": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "ARCHIVE_API_ANON_RATE": "100000000/minute",
            "DATABASE_CONN_MAX_AGE": "600",
            "DATABASE_URL": _url(connection.get_connection_params(), name),
        }
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen(
            [
                str(gunicorn),
                "archive.wsgi",
                "-w",
                str(options["workers"]),
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            env=environment,
            cwd=settings.BASE_DIR,
        )
        try:
            _wait_for(port)
            _warm(port, seconds=5, concurrency=2 * options["workers"])
            self.stdout.write(
                f"\nOver HTTP (gunicorn, {options['workers']} workers, {options['concurrency']} clients, "
                f"{options['requests']} requests per scenario):"
            )
            self.stdout.write(f"  {'scenario':<30} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8}")
            for label, template in scenarios:
                path = template.format(**values)
                latencies, elapsed = _load(port, path, options["requests"], options["concurrency"])
                p = statistics.quantiles(latencies, n=100)
                self.stdout.write(
                    f"  {label:<30} {p[49]:>8.1f} {p[94]:>8.1f} {p[98]:>8.1f} {len(latencies) / elapsed:>8.1f}"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection_ = HTTPConnection("127.0.0.1", port, timeout=5)
            connection_.request("GET", "/healthz")
            if connection_.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer in time")


def _warm(port: int, *, seconds: float, concurrency: int) -> None:
    """Requests for a few seconds, untimed: gunicorn answers once its first worker has booted, and
    the others boot meanwhile, so a run's first scenario measured their start-up too."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _load(port, "/api/v1/articles/", concurrency, concurrency)


def _load(port: int, path: str, requests: int, concurrency: int) -> tuple[list[float], float]:
    """`requests` GETs of `path` from `concurrency` keep-alive clients, bounded in count and time."""
    per_client = max(1, requests // concurrency)

    def client() -> list[float]:
        http = HTTPConnection("127.0.0.1", port, timeout=60)
        timings = []
        deadline = time.monotonic() + 120
        for _ in range(per_client):
            if time.monotonic() > deadline:
                break
            started = time.perf_counter()
            http.request("GET", path)
            response = http.getresponse()
            response.read()
            assert response.status == 200, (path, response.status)
            timings.append((time.perf_counter() - started) * 1000)
        http.close()
        return timings

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(lambda _: client(), range(concurrency)))
    return [t for timings in results for t in timings], time.perf_counter() - started


def _url(params: dict, name: str) -> str:
    host = urllib.parse.quote(str(params.get("host") or ""), safe="")
    user = urllib.parse.quote(str(params.get("user") or "postgres"))
    password = urllib.parse.quote(str(params.get("password") or ""))
    port = params.get("port") or 5432
    return f"postgresql://{user}:{password}@{host}:{port}/{name}"
