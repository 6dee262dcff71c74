"""Rule selectors: a code ("M602"), a code prefix ("M6", "S"), or a rule name ("html-markup")."""

from __future__ import annotations

import re

SELECTOR_RE = re.compile(r"^(?:[A-Z]+[0-9]*|[a-z][a-z0-9-]*|ALL|all)$")


def matches(selector: str, code: str, name: str) -> bool:
    if selector in ("ALL", "all"):
        return True
    if selector[0].isupper():
        return code.startswith(selector)
    return selector == name


def specificity(selector: str) -> int:
    """Longer codes beat shorter prefixes; a rule name is as specific as a full code."""
    if selector in ("ALL", "all"):
        return 0
    return 100 if selector[0].islower() else len(selector)


def is_enabled(code: str, name: str, select: list[str], ignore: list[str]) -> bool:
    """ruff's rule: the most specific matching selector decides; ignore wins a tie."""
    best_select = max((specificity(s) for s in select if matches(s, code, name)), default=-1)
    best_ignore = max((specificity(s) for s in ignore if matches(s, code, name)), default=-1)
    return best_select >= 0 and best_select > best_ignore
