"""A progress bar on stderr for long runs: ``[#########           ] 12/40 files``.

Shown only to a person watching a terminal: stderr must be a TTY, and not under pre-commit (which
sets PRE_COMMIT=1 and shows the hook's output only after it ends) nor with --quiet. Short runs
finish before a bar would help, so it appears only when there are many files or after a second.
"""

from __future__ import annotations

import os
import sys
import time

MANY_FILES = 20  # more files than this show the bar at once
SLOW_SECONDS = 1.0  # fewer files show it once the run has taken this long
_WIDTH = 30
_REDRAW_SECONDS = 0.1  # at most ten redraws a second; a terminal is slower than the linter on small files


def wanted(stream=None, quiet: bool = False) -> bool:
    stream = stream if stream is not None else sys.stderr
    if quiet or os.environ.get("PRE_COMMIT"):
        return False
    return bool(getattr(stream, "isatty", None) and stream.isatty())


class ProgressBar:
    """Call :meth:`advance` once per finished file and :meth:`close` at the end (the bar is erased)."""

    def __init__(self, total: int, stream=None):
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()
        self.drawn_at: float | None = None
        self.width = 0  # characters on screen, for erasing

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.total <= MANY_FILES and now - self.started < SLOW_SECONDS:
            return
        if self.done < self.total and self.drawn_at is not None and now - self.drawn_at < _REDRAW_SECONDS:
            return
        self.drawn_at = now
        filled = _WIDTH * self.done // max(self.total, 1)
        text = f"[{'#' * filled}{' ' * (_WIDTH - filled)}] {self.done}/{self.total} files"
        self.stream.write("\r" + text)
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def progress_for(total: int, quiet: bool = False, stream=None) -> ProgressBar | None:
    """A bar for a run over ``total`` files, or None when nobody would see it."""
    stream = stream if stream is not None else sys.stderr
    return ProgressBar(total, stream) if total > 1 and wanted(stream, quiet) else None
