"""Small file-system helpers shared by the writers (--fix, --output, --write-baseline, the cache)."""

from __future__ import annotations

import os
import tempfile


def kept_mode(path: str) -> int:
    """The permissions a rewritten file should have: the ones it has, or a new file's usual ones
    (a temporary file's private 0600 would hide the result from colleagues)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def replace_atomically(path: str, data: bytes, mode: int, *, owner: tuple[int, int] | None = None, durable: bool = True) -> None:
    """Put ``data`` in ``path`` in one step: a temporary file in the same folder, then a rename, so no
    reader ever sees half a file. ``mode`` (and ``owner`` where allowed) is given to the new file;
    ``durable`` flushes it to disk first. On any failure the temporary file is removed and the error raised."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".speclint-tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if owner is not None and hasattr(os, "chown"):
            try:
                os.chown(temporary, *owner)
            except OSError:
                pass  # only the owner's own files, or root, can keep another owner
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
