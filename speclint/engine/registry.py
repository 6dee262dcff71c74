"""Load every rule: the built-in packs in rules/packs/, the Python checks, and user packs."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from speclint.engine.kinds import build_rule
from speclint.engine.rule import PYTHON_RULES, Rule, RulePackError
from speclint.resources import load_yaml, rules_dir


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_code = {rule.code: rule for rule in self.rules}
        self.by_name = {rule.name: rule for rule in self.rules}

    def get(self, code_or_name: str) -> Rule | None:
        return self.by_code.get(code_or_name.upper()) or self.by_name.get(code_or_name.lower())

    def __iter__(self):
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def _load_python_checks() -> None:
    """Import every module of speclint/checks/ (each registers its rules)."""
    import speclint.checks as package

    # (a folder listing rather than pkgutil.iter_modules: the same modules, without importing pkgutil)
    names = {name.partition(".")[0] for folder in package.__path__ for name in os.listdir(folder) if name.endswith(".py")}
    for name in sorted(names - {"__init__"}):
        importlib.import_module(f"{package.__name__}.{name}")


def load_pack(path: Path, *, shipped: bool = False) -> list[Rule]:
    """The rules of one pack. A user's pack is checked against schema/rule-pack.schema.json; the
    shipped packs are checked by the test suite instead, which keeps every run's start-up short."""
    if shipped:
        data = load_yaml(path)
    else:
        from speclint.userfiles import UserFileError, check_against, read_yaml

        try:
            data = read_yaml(path)
            check_against(data, "rule-pack.schema.json")
        except UserFileError as error:
            raise RulePackError(f"{path}: {error}") from None
    return [build_rule(entry, str(path), user=not shipped) for entry in data["rules"]]


def load_rules(extra_packs: list[Path] | tuple = ()) -> RuleSet:
    """All built-in rules plus the given user packs. Raises RulePackError."""
    rules: list[Rule] = []
    for path in sorted((rules_dir() / "packs").glob("*.yaml")):
        rules.extend(load_pack(path, shipped=True))
    _load_python_checks()
    rules.extend(cls() for cls in PYTHON_RULES)
    for path in extra_packs:
        rules.extend(load_pack(Path(path)))
    seen: dict[str, Rule] = {}
    for rule in rules:
        other = seen.get(rule.code)
        if other is not None:
            raise RulePackError(f"{rule.origin}: rule code {rule.code} is already used by {other.name} ({other.origin})")
        seen[rule.code] = rule
    return RuleSet(sorted(rules, key=lambda r: r.code))
