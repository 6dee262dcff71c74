"""Generate speclint/schema_check.py: fast yes/no validators for the schemas in schema/.

    pip install fastjsonschema   # at build time only; the generated module needs nothing
    python tools/build_validators.py

Importing jsonschema and building a validator costs about a tenth of a second, more than
linting a spec. Most specs, configs and rule packs are valid, so speclint first asks the
generated code "valid?" and only asks jsonschema why when the answer is no (speclint.validate,
speclint.userfiles). fastjsonschema turns each schema into plain Python ahead of time.

All bundled schemas go into one document: each under $defs/<name>, its own "#/$defs/x"
references renamed to "#/$defs/<name>__x" and "urn:speclint:..." references to "#/$defs/<name>".
A test (tests/test_schema_check.py) regenerates the module and fails when it is stale.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "speclint" / "schema_check.py"
# The draft-07 code generator reads these keywords exactly as draft 2020-12 does; anything else is refused.
KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "title", "description", "type", "required", "properties", "additionalProperties",
    "items", "enum", "const", "contains", "allOf", "anyOf", "oneOf", "not", "minimum", "maximum", "minLength", "maxLength",
    "minItems", "maxItems", "pattern", "patternProperties", "uniqueItems", "default", "examples", "format", "x-speclint",
    "propertyNames", "minProperties", "maxProperties", "if", "then", "else", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
}


def schema_name(path: Path) -> str:
    """profiles/default.schema.json -> profile_default; rule-pack.schema.json -> rule_pack."""
    stem = path.name.removesuffix(".schema.json").replace("-", "_")
    return f"profile_{stem}" if path.parent.name == "profiles" else stem


def _check_keywords(node, where: str) -> None:
    if isinstance(node, dict):
        if "$ref" in node and set(node) - {"$ref", "description", "title"}:
            raise SystemExit(f"{where}: $ref with other keywords (draft-07 would ignore them)")
        for key, value in node.items():
            if key in ("properties", "$defs", "patternProperties"):
                for name, sub in value.items():
                    _check_keywords(sub, f"{where}/{key}/{name}")
            elif key not in KEYWORDS and not key.startswith("x-"):
                raise SystemExit(f"{where}: keyword {key!r} is not known to read the same in draft-07")
            elif isinstance(value, (dict, list)) and key not in ("enum", "const", "examples", "default", "required"):
                _check_keywords(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _check_keywords(item, f"{where}/{index}")


def bundle(schema_root: Path) -> tuple[dict, list[str]]:
    """One schema document holding every bundled schema under $defs, references rewritten."""
    paths = sorted(schema_root.rglob("*.schema.json"))
    schemas = {schema_name(path): json.loads(path.read_text(encoding="utf-8")) for path in paths}
    by_id = {schema["$id"]: name for name, schema in schemas.items() if "$id" in schema}
    definitions: dict = {}
    for name, schema in schemas.items():
        _check_keywords(schema, name)
        text = json.dumps(schema)
        text = text.replace('"#/$defs/', f'"#/$defs/{name}__')
        for uri, target in by_id.items():
            text = text.replace(json.dumps(uri), json.dumps(f"#/$defs/{target}"))
        if re.search(r'"\$ref": "(?!#/\$defs/)', text):
            raise SystemExit(f"{name}: a $ref that is neither local nor a bundled schema")
        rewritten = json.loads(text)
        for key in ("$schema", "$id"):
            rewritten.pop(key, None)
        for local, body in rewritten.pop("$defs", {}).items():
            definitions[f"{name}__{local}"] = body
        definitions[name] = rewritten
        explained = _requirements(rewritten) if name.startswith("profile_") else None
        if explained is not None:
            found, rest = explained
            definitions[f"{name}__rest"] = rest
            for index, (_key, node, kind) in enumerate(found):
                if kind == "contains":
                    definitions[f"{name}__req{index}"] = node["contains"]
            REQUIREMENTS[name] = found
    names = [*schemas, *(extra for extra in definitions if re.search(r"__(rest|req\d+)$", extra))]
    root = {"anyOf": [{"$ref": f"#/$defs/{name}"} for name in names], "$defs": definitions}
    return root, names


REQUIREMENTS: dict[str, list] = {}  # filled by bundle(): profile -> [(model key, annotated node, kind)]


def _requirements(profile: dict) -> tuple[list, dict] | None:
    """A profile's own requirements that name a rule, when each is one the run can explain without
    jsonschema: ``properties.K`` with only "required", or ``properties.K.allOf[i]`` with only "contains".
    Returns them and the profile without them (the rest, still checked in full), or None."""
    rest = copy.deepcopy(profile)
    found = []
    for key, node in profile.get("properties", {}).items():
        if "x-speclint" in node:
            if set(node) != {"x-speclint", "required"}:
                return None
            found.append((key, node, "required"))
            rest["properties"][key] = {}
            continue
        for index, item in enumerate(node.get("allOf", ())):
            if "x-speclint" in item:
                if set(item) != {"x-speclint", "contains"}:
                    return None
                found.append((key, item, "contains"))
                rest["properties"][key]["allOf"][index] = {}
    if _annotated(rest):
        return None
    return found, rest


def _annotated(node) -> bool:
    if isinstance(node, dict):
        return "x-speclint" in node or any(_annotated(value) for value in node.values())
    return isinstance(node, list) and any(_annotated(item) for item in node)


def generate() -> str:
    import fastjsonschema

    document, names = bundle(ROOT / "schema")
    code = fastjsonschema.compile_to_code(document)
    # The generated code imports its exception classes from fastjsonschema; define them here instead,
    # so speclint needs fastjsonschema only to run this script.
    code = code.replace(
        "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n",
        "class JsonSchemaValueException(ValueError):\n"
        "    def __init__(self, message, value=None, name=None, definition=None, rule=None):\n"
        "        super().__init__(message)\n\n\n"
        "JsonSchemaValuesException = JsonSchemaValueException\n",
    )
    functions = {name: f"validate____defs_{name.lower()}" for name in names}
    missing = [function for function in functions.values() if f"def {function}(" not in code]
    if missing:
        raise SystemExit(f"fastjsonschema did not generate {missing}")
    table = "\n".join(f"    {name!r}: {function}," for name, function in functions.items())
    explained = "\n".join(
        f"    {profile!r}: [\n"
        + "".join(
            f"        ({key!r}, {node!r}, {kind!r}, {f'{profile}__req{index}'!r}),\n" for index, (key, node, kind) in enumerate(found)
        )
        + "    ],"
        for profile, found in REQUIREMENTS.items()
    )
    header = (
        '"""Generated by tools/build_validators.py from schema/ - do not edit; run the tool instead.\n\n'
        "Yes/no validators (fastjsonschema) for the bundled schemas; jsonschema explains a no.\n"
        '"""\n'
        "# ruff: noqa\n# fmt: off\n"
    )
    footer = (
        f"\n\nVALIDATORS = {{\n{table}\n}}\n"
        "\n# Per profile: the requirements that name a rule, as (model key, annotated schema node, kind, validator of\n"
        "# a \"contains\" item); \"<profile>__rest\" checks everything else. speclint.validate explains a failing spec\n"
        "# from these without jsonschema.\n"
        f"EXPLAINED = {{\n{explained}\n}}\n"
    )
    return header + code + footer


def main() -> int:
    OUTPUT.write_text(generate(), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
