"""``--output FILE``: a report written atomically, so a CI step or a browser never reads half of one."""

from __future__ import annotations

import io
import os
import tempfile

from speclint.files import kept_mode


class ReportWriteError(Exception):
    """--output FILE cannot be written; ``str()`` is the one-line message."""


def write_report_file(path: str, write) -> None:
    """Call ``write(stream)`` and put what it wrote in ``path`` atomically: a temporary file in the same
    folder, then a rename, so a CI step or a browser never reads half a report. Missing folders are created."""
    folder = os.path.dirname(os.path.abspath(path))
    buffer = io.StringIO()
    write(buffer)
    temporary = None
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        reason = "a file of that name is in the way" if isinstance(error, (FileExistsError, NotADirectoryError)) else error.strerror
        raise ReportWriteError(f"{path}: cannot create the folder {os.path.dirname(path) or folder} ({reason or error})") from None
    try:
        handle, temporary = tempfile.mkstemp(prefix=".speclint-report-", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(buffer.getvalue())
        os.chmod(temporary, kept_mode(path))
        os.replace(temporary, path)
    except OSError as error:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        raise ReportWriteError(f"{path}: cannot write the report ({error.strerror or error})") from None
