"""What every rule is, whether it comes from YAML or from Python."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from speclint.violation import Violation

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, which a one-file run would pay for)

if TYPE_CHECKING:
    from speclint.engine.context import RuleContext


class _KeepUnknown(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, **values) -> str:
    """Fill {match}, {replacement}, ... in a message; unknown or stray braces are left as written."""
    try:
        return template.format_map(_KeepUnknown(values))
    except (ValueError, IndexError, AttributeError):
        return template


class RulePackError(Exception):
    """A rule pack that cannot be loaded; the message names the file and the key."""


class RegexTimeout(Exception):
    """A user rule's regular expression ran out of time on one file (speclint.engine.kinds.USER_REGEX_SECONDS)."""

    def __init__(self, code: str, name: str, origin: str, seconds: float):
        super().__init__(
            f"rule {code} ({name}) of {origin}: its regular expression took more than {seconds:g} s on this file and was stopped; "
            "it probably backtracks catastrophically — simplify it"
        )


@dataclass
class Rule:
    code: str
    name: str
    category: str
    severity: str
    message: str
    description: str
    examples: dict = field(default_factory=dict)  # {"fire": [...], "pass": [...]}
    kind: str = "python"
    origin: str = "builtin"  # the pack file or module the rule came from

    def check(self, ctx: RuleContext) -> Iterable[Violation]:
        return ()

    @property
    def fixable(self) -> bool:
        """Whether each finding carries one certain replacement (a suggestion a fixer can apply)."""
        return self.kind == "substitution" or getattr(type(self), "suggests_fix", False)

    def what_it_catches(self) -> str:
        """The first sentence of the message, placeholders shown as "…", for tables."""
        text = re.sub(r"\{[a-z_]+(?::[^}]*)?\}", "…", " ".join(self.message.split()))
        first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text, maxsplit=1)[0]
        return first

    @property
    def fire_examples(self) -> list[str]:
        return list(self.examples.get("fire", ()))

    @property
    def pass_examples(self) -> list[str]:
        return list(self.examples.get("pass", ()))

    def summary(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "kind": self.kind,
            "message": self.message,
            "description": self.description.strip(),
            "origin": self.origin,
            "fixable": self.fixable,
        }


class PythonRule(Rule):
    """Base for rules written in Python: metadata in class attributes, logic in check()."""

    code = name = category = severity = message = description = ""
    fire: tuple[str, ...] = ()
    passing: tuple[str, ...] = ()

    def __init__(self) -> None:
        cls = type(self)
        super().__init__(
            code=cls.code,
            name=cls.name,
            category=cls.category,
            severity=cls.severity,
            message=cls.message,
            description=cls.description,
            examples={"fire": list(cls.fire), "pass": list(cls.passing)},
            kind="python",
            origin=cls.__module__,
        )


PYTHON_RULES: list[type[PythonRule]] = []


def register(cls: type[PythonRule]) -> type[PythonRule]:
    PYTHON_RULES.append(cls)
    return cls
