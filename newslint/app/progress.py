"""A progress bar on standard error, for long runs on a terminal only.

It shows once a run has taken longer than `delay` seconds, redraws at most ten times a
second and erases itself at the end. Never in a pipe, a file, CI (`CI` set) or a dumb terminal.
"""
from __future__ import annotations

import os
import sys
import time
from typing import Callable, TextIO

WIDTH = 30


def wanted(stream: TextIO) -> bool:
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        return False
    return tty and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, *, delay: float = 1.0,
                 enabled: bool | None = None, clock: Callable[[], float] = time.monotonic):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = wanted(self.stream) if enabled is None else enabled
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.last_draw: float | None = None
        self.drawn = 0  # width of what is on screen

    def update(self, done: int) -> None:
        if not self.enabled or self.total <= 0:
            return
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.last_draw is not None and now - self.last_draw < 0.1 and done < self.total:
            return
        self.last_draw = now
        filled = WIDTH * done // self.total
        line = (f"newslint [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{self.total} files"
                f"  {now - self.started:.1f} s")
        self.stream.write("\r" + line + " " * max(0, self.drawn - len(line)))
        self.stream.flush()
        self.drawn = len(line)

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
            self.drawn = 0
