"""Inputs prepared in worker processes, a bounded window ahead of the one process that writes.

Parsing, cleaning, fingerprinting and whatever the caller adds (`annotate`: the pipeline's entity
matching and event proposals) take most of an import's CPU and need no database, so a pool of
worker processes does them while the main process writes. Chunks of inputs go to the pool in
order and come back in order; at most `ahead` chunks are in flight (enough for two of the writer's
batches, and three per worker), so memory stays flat however many inputs there are, and the
workers go on preparing the next batch while the writer writes one. With no workers the same work
is done in the main process.

Workers are forked: they inherit the outlets and `annotate` (with what it reads, such as the
gazetteer's matcher) instead of receiving them pickled, and never touch the database. Each closes
its copy of the writer's database socket as it starts, so that a writer killed mid-batch (kill -9)
drops its connection at once and PostgreSQL rolls the batch back and frees the import lock; and
each ends when the writer does (Linux's parent-death signal), never left running as an orphan. An outlet the
import finds while running is sent along with the next chunks; an input parsed before a worker knew
it says so (`Prepared.outlets_known`), and the writer parses it again.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from django.db import connections

from articles.inputs import Item
from articles.outlets import Outlet, OutletIndex
from articles.preparing import Prepared, Ready, prepare

AHEAD = 3  # chunks in flight per worker, at least

Annotate = Callable[[Prepared], object]


@dataclass
class _WorkerState:
    outlets: OutletIndex
    annotate: Annotate | None
    writer: int  # the process id of the writer, whose workers these are


_worker: _WorkerState | None = None  # set in the main process just before the pool forks


def _worker_started() -> None:
    """In a new worker: let go of the writer's database connections without closing them for it (the
    socket is shared; closing the connection would end the writer's session), and end with the writer."""
    for alias in connections:
        wrapper = connections[alias]
        if wrapper.connection is not None:
            with contextlib.suppress(OSError):
                os.close(wrapper.connection.fileno())
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if _worker is not None and os.getppid() != _worker.writer:  # the writer ended before the signal was asked for
            os._exit(1)


PR_SET_PDEATHSIG = 1


def _prepare_chunk(items: list[Item], found_outlets: tuple[Outlet, ...]) -> list[Ready]:
    """In a worker: prepare a chunk, knowing the outlets the import found since the pool started."""
    assert _worker is not None
    for outlet in found_outlets:
        if outlet not in _worker.outlets.outlets:
            _worker.outlets.add(outlet)
    return [prepare(item, outlets=_worker.outlets, annotate=_worker.annotate) for item in items]


class Preparation:
    """Prepare chunks of items in order, in `workers` processes (none: in this one); the pool starts
    with the second chunk."""

    def __init__(self, *, workers: int, outlets: OutletIndex, annotate: Annotate | None, ahead: int = 0) -> None:
        self.workers, self.outlets, self.annotate = workers, outlets, annotate
        self.ahead = max(ahead, workers * AHEAD)  # chunks in flight
        self._pool: ProcessPoolExecutor | None = None
        self._known_at_start = len(outlets)
        self._in_flight: deque[tuple[object, Future[list[Ready]]]] = deque()
        self._chunks_seen = 0

    def __enter__(self) -> Preparation:
        return self

    def _start_pool(self) -> None:
        global _worker
        _worker = _WorkerState(self.outlets, self.annotate, os.getpid())
        self._known_at_start = len(self.outlets)
        self._pool = ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_started
        )

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def prepare(self, item: Item) -> Ready:
        """One item, here and now, with the outlets as the import knows them now."""
        return prepare(item, outlets=self.outlets, annotate=self.annotate)

    def submit(self, tag: object, items: list[Item]) -> Iterator[tuple[object, list[Ready]]]:
        """Hand a chunk over; yields the chunks (with their tags) whose turn has come, oldest first,
        keeping at most `ahead` chunks in flight."""
        if self._pool is None and (self.workers == 0 or not self._chunks_seen):
            # The first chunk here: an import of one chunk (a few files) never pays for starting a pool.
            self._chunks_seen += 1
            yield tag, [self.prepare(item) for item in items]
            return
        if self._pool is None:
            self._start_pool()
        found = tuple(self.outlets.outlets[self._known_at_start :])
        self._in_flight.append((tag, self._pool.submit(_prepare_chunk, [i.detached() for i in items], found)))
        while len(self._in_flight) > self.ahead:
            yield self._next()

    def drain(self) -> Iterator[tuple[object, list[Ready]]]:
        """The chunks still in flight, in order."""
        while self._in_flight:
            yield self._next()

    def _next(self) -> tuple[object, list[Ready]]:
        tag, future = self._in_flight.popleft()
        return tag, future.result()
