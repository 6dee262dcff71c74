"""Stage 5 — report: violations (and read errors) to text or JSON.

Each formatter is a plain function ``(results, stream, options) -> None`` in the
FORMATTERS registry; the CLI picks one by name.
"""

from __future__ import annotations

from speclint.report.json_format import write_json
from speclint.report.text_format import write_text

FORMATTERS = {"text": write_text, "json": write_json}

__all__ = ["FORMATTERS", "write_json", "write_text"]
