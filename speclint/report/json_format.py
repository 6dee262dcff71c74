"""``--format json``: one JSON array of violations (the contract other tools rely on)."""

from __future__ import annotations

import json


def write_json(results, stream, options=None) -> None:
    violations = [v.to_dict() for result in results for v in result.violations]
    json.dump(violations, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
