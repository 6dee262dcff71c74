"""Load every rule: the built-in packs in rules/packs/, the Python checks, and user packs."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path

from speclint.engine.kinds import build_rule
from speclint.engine.rule import PYTHON_RULES, Rule, RulePackError
from speclint.resources import rules_dir, schema_dir


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
    import speclint.checks as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")


def load_pack(path: Path) -> list[Rule]:
    import jsonschema
    import yaml

    from speclint.validate import load_json

    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except OSError as error:
        raise RulePackError(f"{path}: cannot read rule pack ({error.strerror or error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise RulePackError(f"{path}: invalid YAML{where}") from None
    validator = jsonschema.Draft202012Validator(load_json(schema_dir() / "rule-pack.schema.json"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        raise RulePackError(f"{path}: {describe_schema_error(errors[0], data)}")
    return [build_rule(entry, str(path)) for entry in data["rules"]]


def describe_schema_error(error, data) -> str:
    """A one-line explanation of a config or rule-pack schema error, naming the key."""
    location = "/".join(str(part) for part in error.absolute_path)
    where = f"at '{location}'" if location else "at the top level"
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - allowed) if isinstance(error.instance, dict) else []
        return f"unknown key {', '.join(repr(k) for k in unknown)} {where}"
    if error.validator == "required":
        return f"missing key {where}: {error.message.split(' is a required')[0]}"
    if error.validator == "enum":
        return f"bad value {error.instance!r} {where}; expected one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "type":
        return f"bad value {error.instance!r} {where}; expected {error.validator_value}"
    return f"bad value {where}: {error.message}"


def load_rules(extra_packs: list[Path] | tuple = ()) -> RuleSet:
    """All built-in rules plus the given user packs. Raises RulePackError."""
    rules: list[Rule] = []
    for path in sorted((rules_dir() / "packs").glob("*.yaml")):
        rules.extend(load_pack(path))
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
