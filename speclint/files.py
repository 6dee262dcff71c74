"""Small file-system helpers shared by the writers (--fix, --output, --write-baseline, the cache)."""

from __future__ import annotations

import os


def kept_file(kind: str, engine: str) -> str | None:
    """The file in the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``) where the ``speclint``
    command keeps ``kind`` between runs for one ``engine`` (Python, speclint version, ...), or None when
    ``SPECLINT_NO_CACHE`` is set."""
    if os.environ.get("SPECLINT_NO_CACHE"):
        return None
    import zlib  # (a checksum names the file; hashlib's start-up is not worth it here)

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    key = engine.encode("utf-8", "surrogatepass")
    return os.path.join(base, "speclint", f"{kind}-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.marshal")


def read_kept(path: str):
    """What ``write_kept`` put in ``path``, or None when it is missing, unreadable or damaged."""
    import marshal

    try:
        with open(path, "rb") as handle:
            return marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def write_kept(path: str, data) -> None:
    """Keep ``data`` (what marshal can write) in ``path``, atomically; a cache that cannot be written is only
    a slower next run, so errors are ignored."""
    import marshal

    try:
        new = not os.path.exists(path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        replace_atomically(path, marshal.dumps(data), 0o644, durable=False)
        if new:
            _prune_kept(path)
    except Exception:  # noqa: BLE001
        pass


KEPT_PER_KIND = 6  # files of one kind kept for other Pythons and speclint versions; older ones are removed


def _prune_kept(path: str) -> None:
    """Each upgrade of speclint or Python starts new files: keep the most recently written few of the kind."""
    folder, name = os.path.split(path)
    kind = name.rsplit("-", 1)[0] + "-"
    others = []
    for entry in os.scandir(folder):
        if entry.name.startswith(kind) and entry.name.endswith(".marshal") and entry.name.count("-") == kind.count("-"):
            try:
                others.append((entry.stat().st_mtime_ns, entry.path))
            except OSError:
                continue
    for _, old in sorted(others, reverse=True)[KEPT_PER_KIND:]:
        try:
            os.unlink(old)
        except OSError:
            pass


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
    import tempfile  # (not at import: a run that writes nothing does not pay for it)

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
