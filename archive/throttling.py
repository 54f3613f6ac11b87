"""The anonymous API rate, counted in fixed windows: one statement per request, whatever the rate.

DRF's AnonRateThrottle keeps each client's request times in the cache: a read and a five-statement
write of a list as long as the rate, on every request, and a row lock the client's concurrent requests
queue on. Here a window of the rate's length is a number, and a client's count in it one upsert. A
client may spend a window's allowance at its end and the next at the start of the next: at most twice
the rate over any span of one window, where the sliding log allows exactly the rate."""

from __future__ import annotations

import random
from collections import Counter
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection
from rest_framework.throttling import AnonRateThrottle

from archive.models import ThrottleWindow

if TYPE_CHECKING:  # DRF's views import the throttle classes the settings name
    from rest_framework.request import Request
    from rest_framework.views import APIView

# One request in this many that opens a client's window also forgets the windows that have ended.
PRUNE_ONE_IN = 1000


class DatabaseWindows:
    """Counts in PostgreSQL, shared by every worker and server."""

    def hit(self, key: str, window: int) -> int:
        table = ThrottleWindow._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f'INSERT INTO "{table}" AS counted (key, "window", hits) VALUES (%s, %s, 1) '
                'ON CONFLICT (key) DO UPDATE SET hits = CASE WHEN counted."window" = EXCLUDED."window" '
                'THEN counted.hits + 1 ELSE 1 END, "window" = EXCLUDED."window" RETURNING hits',
                [key, window],
            )
            hits = cursor.fetchone()[0]
            if hits == 1 and random.randrange(PRUNE_ONE_IN) == 0:
                cursor.execute(f'DELETE FROM "{table}" WHERE "window" < %s', [window])
        return hits

    def forget(self) -> None:
        ThrottleWindow.objects.all().delete()


class MemoryWindows:
    """Counts in this process only: for tests, whose query counts are then the views' own."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, int]] = Counter()

    def hit(self, key: str, window: int) -> int:
        self.counts[key, window] += 1
        return self.counts[key, window]

    def forget(self) -> None:
        self.counts.clear()


STORES = {"database": DatabaseWindows(), "memory": MemoryWindows()}


def windows() -> DatabaseWindows | MemoryWindows:
    """Where the counts are kept: settings.THROTTLE_WINDOWS, the database unless tests say otherwise."""
    return STORES[getattr(settings, "THROTTLE_WINDOWS", "database")]


class AnonymousWindowThrottle(AnonRateThrottle):
    """The anonymous rate (`anon`, settings.ARCHIVE_API_ANON_RATE) per client address, as DRF
    identifies it (NUM_PROXIES), in fixed windows; Retry-After says when the window ends."""

    def allow_request(self, request: Request, view: APIView) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        self.window_ends = (window + 1) * self.duration
        return windows().hit(self.key, window) <= self.num_requests

    def wait(self) -> float:
        return max(0.0, self.window_ends - self.now)
