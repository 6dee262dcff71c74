"""Answers kept across the files of a run: the same headings, labels, words and patterns come back
file after file, and working them out again is most of the cost."""

from __future__ import annotations

from collections.abc import Callable, Hashable


class Memo(dict):
    """A dict of answers with a size limit: when full it starts again, so a run over thousands of odd
    files cannot make it grow without end."""

    def __init__(self, limit: int = 20_000):
        super().__init__()
        self.limit = limit

    def answer(self, key: Hashable, work_out: Callable):
        """The answer for ``key``, worked out by ``work_out(key)`` the first time."""
        try:
            return self[key]
        except KeyError:
            pass
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = work_out(key)
        return value
