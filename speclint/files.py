"""Small file-system helpers shared by the writers (--fix, --output, --write-baseline)."""

from __future__ import annotations

import os


def kept_mode(path: str) -> int:
    """The permissions a rewritten file should have: the ones it has, or a new file's usual ones
    (a temporary file's private 0600 would hide the result from colleagues)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
