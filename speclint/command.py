"""The ``speclint`` command (the console script): main() with the start and the end a command can afford.

A library caller or a test runs ``speclint.cli.main`` in its own process; only the command keeps
compiled patterns, dataclass methods and the shipped YAML files' data between runs (speclint.compiled_patterns,
speclint.compiled_classes, speclint.compiled_data) and leaves without tearing down.
"""

from __future__ import annotations

import os
import sys


def entry() -> None:
    import gc

    gc.set_threshold(100_000, 50, 100)  # as speclint.cli.main does, already for the imports (see there)
    from speclint import compiled_classes, compiled_data, compiled_patterns

    # before speclint.cli imports the modules that compile patterns and define dataclasses, and loads the rules
    compiled_classes.preload()
    compiled_patterns.preload()
    compiled_data.preload()
    from speclint.cli import EXIT_ERROR, main

    code = main()
    compiled_patterns.save()
    compiled_classes.save()
    compiled_data.save()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        code = code or EXIT_ERROR
    # Tearing the interpreter down (freeing the lexicon's words and the compiled rules one by one) would
    # add a sixth to a one-file run, and nothing is left to do: reports are written, workers joined.
    os._exit(code)
