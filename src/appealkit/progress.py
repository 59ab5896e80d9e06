"""A progress bar for long builds, drawn in place on a terminal: count done and time left.

The command line makes one only when stderr is a terminal, so logs, pipes and CI get nothing;
it stays silent for the first second, so quick builds print nothing either.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["ProgressBar"]

WIDTH = 24  # characters of the bar itself


class ProgressBar:
    """Call with (done, total) as work advances; `close()` clears the bar once done."""

    def __init__(self, stream: TextIO, what: str, *, delay: float = 1.0, every: float = 0.1,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream, self.what, self.delay, self.every, self.clock = (
            stream, what, delay, every, clock)
        self.started = clock()
        self._first: tuple[float, int] | None = None  # (time, done) of the first report
        self._drawn_at: float | None = None
        self._width = 0  # of the text last drawn

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if self._first is None:
            self._first = (now, done)
        if now - self.started < self.delay:
            return
        if self._drawn_at is not None and now - self._drawn_at < self.every and done < total:
            return
        self._drawn_at = now
        self._draw(self.line(done, total, now))

    def line(self, done: int, total: int, now: float) -> str:
        """`[#########.......] 120/300 signers, 4 s left`"""
        filled = WIDTH * done // total if total else WIDTH
        bar = "#" * filled + "." * (WIDTH - filled)
        return f"appealkit: [{bar}] {done}/{total} {self.what}{self._left(done, total, now)}"

    def _left(self, done: int, total: int, now: float) -> str:
        assert self._first is not None
        since, at_first = self._first
        if done >= total:
            return ", done"
        if done <= at_first or now <= since:
            return ""
        seconds = (now - since) / (done - at_first) * (total - done)
        return f", {seconds:.0f} s left" if seconds < 90 else f", {seconds / 60:.0f} min left"

    def _draw(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Clear the bar, if one was drawn, so the next line starts clean."""
        if self._drawn_at is not None:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
