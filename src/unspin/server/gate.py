"""How many analyses run at once and how many may wait: beyond both, a request is turned away
at once (503) rather than piling up until every client times out."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager


class Busy(Exception):
    """Every slot is taken and the waiting line is full."""


class Gate:
    def __init__(self, running: int, waiting: int):
        self.running = running
        self.waiting = waiting
        self._slots = asyncio.Semaphore(running)
        self._inside = 0  # running plus waiting

    @property
    def load(self) -> int:
        return self._inside

    @asynccontextmanager
    async def slot(self):
        if self._inside >= self.running + self.waiting:
            raise Busy()
        self._inside += 1
        try:
            async with self._slots:
                yield
        finally:
            self._inside -= 1
