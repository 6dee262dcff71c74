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


def _yes_no_generator():
    """fastjsonschema's code generator, made to answer only yes or no (speclint never reads why a check failed;
    jsonschema explains a no), which lets the code skip work on the way to a yes:

    - short errors: a message is the keyword that failed, naming "data" and no path, so no item's path
      (".sections[3]") is formatted on the way in, and no copy of the schema is made on the way out;
    - "properties" tests the keys in the object itself, without a copy of its key set, unless a sibling
      "additionalProperties" or "patternProperties" needs the keys the properties leave;
    - "contains" whose item schema is one Python condition (_condition) tests each item with it, instead of
      trying the item's validation and catching its exception for each item that does not match."""
    import re as regex

    from fastjsonschema.draft2019 import CodeGeneratorDraft2019
    from fastjsonschema.generator import repr_default

    class YesNoGenerator(CodeGeneratorDraft2019):
        def generate_func_code_block(self, definition, variable, variable_name, clear_variables=False):
            return super().generate_func_code_block(definition, variable, "data", clear_variables)

        def exc(self, msg, *args, append_to_msg=None, rule=None):
            self.l('raise JsonSchemaValueException("{name} fails {}")', rule)

        def generate_properties(self):
            if "additionalProperties" in self._definition or "patternProperties" in self._definition:
                return super().generate_properties()
            if not self._definition["properties"]:
                return None  # nothing to check
            self.create_variable_is_dict()
            with self.l("if {variable}_is_dict:"):
                for key, prop_definition in self._definition["properties"].items():
                    key_name = regex.sub(r"($[^a-zA-Z]|[^a-zA-Z0-9])", "", key)
                    if not isinstance(prop_definition, (dict, bool)):
                        raise SystemExit(f"{self._variable}[{key_name}] must be object")
                    with self.l('if "{}" in {variable}:', self.e(key)):
                        self.l('{variable}__{0} = {variable}["{1}"]', key_name, self.e(key))
                        self.generate_func_code_block(prop_definition, f"{self._variable}__{key_name}", "data", clear_variables=True)
                    if self._use_default and isinstance(prop_definition, dict) and "default" in prop_definition:
                        self.l('else: {variable}["{}"] = {}', self.e(key), repr_default(prop_definition["default"]))

        def generate_enum(self):
            choices = self._definition["enum"]
            if not (isinstance(choices, list) and choices and all(isinstance(choice, str) for choice in choices)):
                return super().generate_enum()
            with self.l("if not ({}):", self._one_of_strings(self._variable, choices)):
                self.exc("{name} must be one of", rule="enum")

        @staticmethod
        def _one_of_strings(variable: str, choices: list[str]) -> str:
            # One look-up in a set of the strings, for a string: what comparing it with each of them finds.
            # (a set literal is a constant of the compiled code; sorted, so the generated module is the same on every run)
            return f"isinstance({variable}, str) and {variable} in {{{', '.join(repr(choice) for choice in sorted(set(choices)))}}}"

        def generate_contains(self):
            item = self._definition["contains"]
            condition = self._condition(item, f"{self._variable}_key") if isinstance(item, dict) else None
            if condition is None:
                return super().generate_contains()
            self.create_variable_is_list()
            with self.l("if {variable}_is_list:"):
                with self.l("for {variable}_key in {variable}:"):
                    with self.l("if {}:", condition):
                        self.l("break")
                with self.l("else:"):
                    self.exc("{name} must contain one of contains definition", rule="contains")

        def _condition(self, definition, variable: str) -> str | None:
            """A Python expression true exactly when ``variable`` is valid against ``definition``, for a schema made
            of "properties", "const", "enum" and annotations alone (as fastjsonschema itself tests "const" and
            "enum"); None for any other schema."""
            if definition is True:
                return "True"
            if not isinstance(definition, dict):
                return None
            parts = []
            for keyword, value in definition.items():
                if keyword in ("title", "description", "default", "examples") or keyword.startswith("x-"):
                    continue
                if keyword == "const":
                    parts.append(self._enum_value_matches(variable, value))
                elif keyword == "enum" and isinstance(value, list) and value and all(isinstance(choice, str) for choice in value):
                    parts.append(self._one_of_strings(variable, value))
                elif keyword == "enum" and isinstance(value, list):
                    parts.append(" or ".join(f"({self._enum_value_matches(variable, choice)})" for choice in value) or "False")
                elif keyword == "properties":
                    checks = []
                    for key, sub in value.items():
                        inner = self._condition(sub, f"{variable}[{key!r}]")
                        if inner is None:
                            return None
                        checks.append(f"({key!r} not in {variable} or ({inner}))")
                    parts.append(f"not isinstance({variable}, dict) or (" + (" and ".join(checks) or "True") + ")")
                else:
                    return None
            return " and ".join(f"({part})" for part in parts) or "True"

    return YesNoGenerator


def compile_to_code(document: dict) -> str:
    """fastjsonschema.compile_to_code(document), written by the yes/no generator: a module whose
    ``validate(data)`` raises JsonSchemaValueException when ``data`` is not valid."""
    from fastjsonschema import VERSION
    from fastjsonschema.ref_resolver import RefResolver

    generator = _yes_no_generator()(document, resolver=RefResolver.from_schema(document, handlers={}, store={}))
    return f'VERSION = "{VERSION}"\n' + generator.global_state_code + "\n" + generator.func_code


def generate() -> str:
    document, names = bundle(ROOT / "schema")
    code = compile_to_code(document)
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
