"""Stage 5 — report: violations (and read errors) to text, JSON, SARIF, GitHub annotations, JUnit XML or HTML.

Each formatter is a plain function ``(results, stream, options) -> None``; ``formatter(name)``
imports only the one asked for, so a plain text run does not pay for SARIF or HTML.
"""

from __future__ import annotations

import importlib

# name -> (module in speclint.report, function)
FORMATS = {
    "text": ("text_format", "write_text"),
    "json": ("json_format", "write_json"),
    "sarif": ("sarif_format", "write_sarif"),
    "github": ("github_format", "write_github"),
    "junit": ("junit_format", "write_junit"),
    "html": ("html_format", "write_html"),  # the page for people rather than tools
}


def formatter(name: str):
    module, function = FORMATS[name]
    return getattr(importlib.import_module(f"speclint.report.{module}"), function)


__all__ = ["FORMATS", "formatter"]
