"""Stage 3 — validate: the parsed model against a profile (a JSON Schema).

A profile says what a spec must contain. Each requirement in it may name the
speclint rule that reports it (``"x-speclint": "S102"``); the rule supplies the
message an HR analyst reads. Requirements without that annotation still become
readable violations: a missing metadata field is S110, anything else S100.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from speclint.engine.context import RuleContext
from speclint.engine.registry import RuleSet
from speclint.engine.rule import Rule, format_message
from speclint.parse.model import Spec
from speclint.resources import load_yaml, rules_dir, schema_dir
from speclint.violation import Violation

DEFAULT_PROFILE = "default"
_REQUIRED = re.compile(r"^'(.+)' is a required property$")


class ProfileError(Exception):
    """A profile schema that cannot be loaded or is not valid JSON Schema."""


@cache
def load_json(path: Path) -> dict:
    import json

    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _bundled_schemas() -> dict[str, dict]:
    found = {}
    for path in sorted(schema_dir().rglob("*.json")):
        schema = load_json(path)
        if isinstance(schema, dict) and "$id" in schema:
            found[schema["$id"]] = schema
    return found


def is_valid_fast(data, schema: str) -> bool:
    """True when the generated validator for a bundled schema (speclint.schema_check) accepts ``data``.
    False means "ask jsonschema": the data is invalid, or the schema is not a bundled one."""
    from speclint.schema_check import VALIDATORS, JsonSchemaValueException

    check = VALIDATORS.get(schema)
    if check is None:
        return False
    try:
        check(data)
    except JsonSchemaValueException:
        return False
    return True


@dataclass
class _Failure:
    """What _to_violation reads of a jsonschema error, for a requirement checked by generated code."""

    validator: str
    message: str
    absolute_path: tuple
    schema: dict
    instance: object
    validator_value: object
    parent: None = None


def _explained_fast(model: dict, name: str) -> list[_Failure] | None:
    """The failures jsonschema would report, from the generated checks of a bundled profile's requirements
    (speclint.schema_check.EXPLAINED), when everything else in the profile holds; otherwise None."""
    from speclint.schema_check import EXPLAINED

    requirements = EXPLAINED.get(name)
    if requirements is None or not is_valid_fast(model, f"{name}__rest"):
        return None
    failures = []
    for key, node, kind, item_check in requirements:
        part = model.get(key) if isinstance(model, dict) else None
        if kind == "contains" and isinstance(part, list):
            if not any(is_valid_fast(item, item_check) for item in part):
                failures.append(_Failure("contains", f"{part!r} does not contain items matching", (key,), node, part, node["contains"]))
        elif kind == "required" and isinstance(part, dict):
            for field_name in node["required"]:
                if field_name not in part:
                    failures.append(_Failure("required", f"{field_name!r} is a required property", (key,), node, part, node["required"]))
    return failures


@cache
def load_validator(profile: str = DEFAULT_PROFILE):
    """A validator for a built-in profile name or a path to an agency's schema file."""
    import json

    import jsonschema
    from referencing import Registry, Resource
    from referencing.exceptions import NoSuchResource

    builtin = schema_dir() / "profiles" / f"{profile}.schema.json"
    path = builtin if builtin.is_file() else Path(profile)
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ProfileError(f"{profile}: cannot read the profile schema ({error.strerror or error})") from None
    except json.JSONDecodeError as error:
        raise ProfileError(f"{profile}: the profile schema is not valid JSON (line {error.lineno}: {error.msg})") from None

    def retrieve(uri: str):
        # Local files beside the profile only; nothing is fetched from a network.
        local = (path.parent / uri).resolve()
        if "://" in uri or not local.is_file():
            raise NoSuchResource(ref=uri)
        return Resource.from_contents(json.loads(local.read_text(encoding="utf-8")))

    registry = Registry(retrieve=retrieve).with_resources(
        (uri, Resource.from_contents(contents)) for uri, contents in _bundled_schemas().items()
    )
    if path != builtin:  # the bundled profiles are checked by the tests, not on every run
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            raise ProfileError(f"{profile}: not a valid JSON Schema ({error.message})") from None
    return jsonschema.Draft202012Validator(schema, registry=registry)


@cache
def _field_names() -> dict[str, dict]:
    data = load_yaml(rules_dir() / "metadata.yaml")
    return {key: spec for key, spec in data["fields"].items() if "display" in spec}


def validate(spec: Spec, rules: RuleSet, profile: str = DEFAULT_PROFILE) -> list[Violation]:
    model = spec.to_dict()
    name = f"profile_{profile.replace('-', '_')}"
    if is_valid_fast(model, name):
        return []
    explained = _explained_fast(model, name)
    if explained is not None:  # a spec that misses sections, told without importing jsonschema
        ctx = RuleContext(spec)
        return [_to_violation(error, model, spec, rules, ctx) for error in explained]
    import referencing.exceptions

    validator = load_validator(profile)
    ctx = RuleContext(spec)
    violations = []
    try:
        errors = list(validator.iter_errors(model))
    except referencing.exceptions.Unresolvable as error:
        raise ProfileError(f"{profile}: cannot resolve $ref {error}") from None
    for error in errors:
        violations.append(_to_violation(error, model, spec, rules, ctx))
    return violations


def _annotation(error) -> dict | None:
    """The x-speclint annotation nearest the failing keyword."""
    current = error
    while current is not None:
        schema = current.schema if isinstance(current.schema, dict) else {}
        note = schema.get("x-speclint")
        if isinstance(note, str):
            return {"code": note}
        if isinstance(note, dict):
            return note
        current = current.parent
    return None


def _to_violation(error, model: dict, spec: Spec, rules: RuleSet, ctx: RuleContext) -> Violation:
    note = _annotation(error)
    missing = _REQUIRED.match(error.message) if error.validator == "required" else None
    if note is None and missing:
        field = missing.group(1)
        note = {"code": "F201" if field == "flsa_status" else "S110", "field": field}
    if note is None:
        note = {"code": "S100"}
    rule = rules.get(note["code"]) or _ad_hoc_rule(note)
    message = note.get("message") or rule.message
    fields = {
        "field": _display(note.get("field") or (missing.group(1) if missing else "")),
        "example": _example(note.get("field") or (missing.group(1) if missing else "")),
        "detail": _explain(error),
        "title": spec.title or "this class",
    }
    message = format_message(message, **fields)
    line = _best_line(error, model)
    if line:
        return ctx.violation(rule, line, 1, line, 1, message)
    return ctx.file_violation(rule, message)


def _ad_hoc_rule(note: dict) -> Rule:
    """An agency's own code in its profile that no rule pack declares."""
    return Rule(
        code=note["code"],
        name=note.get("name", note["code"].lower()),
        category=note.get("category", "structure"),
        severity=note.get("severity", "error"),
        message=note.get("message", "This spec does not meet your agency's profile: {detail}."),
        description="Declared in an agency profile.",
        kind="profile",
        origin="profile",
    )


def _display(field: str) -> str:
    spec = _field_names().get(field)
    return spec["display"] if spec else field.replace("_", " ")


def _example(field: str) -> str:
    spec = _field_names().get(field)
    return spec.get("example", "") if spec else ""


def _explain(error) -> str:
    """jsonschema's wording, turned into words an HR analyst can act on."""
    where = "/".join(str(p) for p in error.absolute_path) or "the spec"
    if error.validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"the value {error.instance!r} at {where} is not allowed (allowed: {allowed})"
    if error.validator == "pattern":
        return f"the value {error.instance!r} at {where} does not have the required form"
    if error.validator == "const":
        return f"the value {error.instance!r} at {where} must be {error.validator_value!r}"
    if error.validator == "contains":
        return f"{where} lacks a required entry"
    if error.validator == "type":
        return f"{where} is missing or empty"
    if error.validator == "required":
        return f"{where} lacks {error.message.split(' is a required')[0]}"
    return f"{where} does not match the profile"


def _best_line(error, model: dict) -> int:
    """The line of the nearest thing in the model the error is about, or 0 for the whole file."""
    node = model
    line = 0
    for part in error.absolute_path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("line"), int):
            line = node["line"]
    return line
