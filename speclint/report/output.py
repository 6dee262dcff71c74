"""``--output FILE``: a report written atomically, so a CI step or a browser never reads half of one."""

from __future__ import annotations

import io
import os

from speclint.files import kept_mode, replace_atomically


class ReportWriteError(Exception):
    """--output FILE cannot be written; ``str()`` is the one-line message."""


def write_report_file(path: str, write) -> None:
    """Call ``write(stream)`` and put what it wrote in ``path`` atomically: a temporary file in the same
    folder, then a rename, so a CI step or a browser never reads half a report. Missing folders are created."""
    folder = os.path.dirname(os.path.abspath(path))
    buffer = io.StringIO()
    write(buffer)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        reason = "a file of that name is in the way" if isinstance(error, (FileExistsError, NotADirectoryError)) else error.strerror
        raise ReportWriteError(f"{path}: cannot create the folder {os.path.dirname(path) or folder} ({reason or error})") from None
    try:
        replace_atomically(path, buffer.getvalue().encode("utf-8"), kept_mode(path))
    except OSError as error:
        raise ReportWriteError(f"{path}: cannot write the report ({error.strerror or error})") from None
