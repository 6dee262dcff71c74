"""The ``speclint`` command (the console script): main() with the start and the end a command can afford.

A library caller or a test runs ``speclint.cli.main`` in its own process; only the command keeps
compiled patterns between runs (speclint.compiled_patterns) and leaves without tearing down.
"""

from __future__ import annotations

import os
import sys


def entry() -> None:
    from speclint import compiled_patterns

    compiled_patterns.preload()  # before speclint.cli imports the modules that compile patterns
    from speclint.cli import EXIT_ERROR, main

    code = main()
    compiled_patterns.save()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        code = code or EXIT_ERROR
    # Tearing the interpreter down (freeing the lexicon's words and the compiled rules one by one) would
    # add a sixth to a one-file run, and nothing is left to do: reports are written, workers joined.
    os._exit(code)
