"""speclint/schema_check.py (generated, fast yes/no) must agree with jsonschema on every schema in schema/."""

from __future__ import annotations

import copy
import json
import sys

import jsonschema
import pytest
from conftest import CLEAN, ROOT, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.parse import parse_spec
from speclint.read import read_path
from speclint.schema_check import VALIDATORS
from speclint.userfiles import read_yaml
from speclint.validate import is_valid_fast, load_validator

sys.path.insert(0, str(ROOT / "tools"))
import build_validators  # noqa: E402

PROFILES = ["default", "example-agency"]


def test_the_generated_module_is_current():
    pytest.importorskip("fastjsonschema")
    current = (ROOT / "speclint" / "schema_check.py").read_text(encoding="utf-8")
    assert build_validators.generate() == current, "run: python tools/build_validators.py"


def test_every_bundled_schema_has_a_fast_validator():
    names = {build_validators.schema_name(path) for path in (ROOT / "schema").rglob("*.schema.json")}
    assert names == {name for name in VALIDATORS if "__" not in name}  # "__rest", "__reqN": parts of a profile


def _models() -> list[dict]:
    models = [parse_spec(read_path(str(path))).to_dict() for path in [*SEEDS, *CLEAN]]
    assert models, "no specs found"
    return models


def _agree(model: dict, profile: str) -> bool:
    slow = not any(load_validator(profile).iter_errors(model))
    return is_valid_fast(model, f"profile_{profile.replace('-', '_')}") == slow


@pytest.mark.parametrize("profile", PROFILES)
def test_fast_and_full_validation_agree_on_every_example_spec(profile):
    verdicts = set()
    for model in _models():
        assert _agree(model, profile)
        verdicts.add(not any(load_validator(profile).iter_errors(model)))
    assert verdicts == {True, False}, "the examples should include valid and invalid specs"


def _mutations(model: dict):
    """Each way a spec model commonly falls short of a profile, and a few ways it could be malformed."""
    for index in range(len(model["sections"])):
        changed = copy.deepcopy(model)
        del changed["sections"][index]
        yield changed
    for key in list(model["metadata"]):
        changed = copy.deepcopy(model)
        del changed["metadata"][key]
        yield changed
    changed = copy.deepcopy(model)
    changed["metadata"]["class_code"] = {"label": "Class Code", "value": "", "line": 2}
    yield changed
    changed = copy.deepcopy(model)
    changed["title"] = 7
    yield changed
    changed = copy.deepcopy(model)
    changed["sections"] = [{"key": "not a key"}]
    yield changed


@pytest.mark.parametrize("profile", PROFILES)
def test_fast_and_full_validation_agree_on_mutated_models(profile):
    count = 0
    for model in _models()[:4]:
        for changed in _mutations(model):
            assert _agree(changed, profile), json.dumps(changed)[:300]
            count += 1
    assert count > 40


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from(["", "x", "Exempt", "definition", "2020-01-01"]),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(["key", "line", "value", "label"]), children, max_size=3),
    max_leaves=8,
)


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["path", "title", "metadata", "dates", "sections", "title_line"]), json_values)
def test_fast_and_full_validation_agree_on_odd_values(field, value):
    model = copy.deepcopy(_models()[0])
    model[field] = value
    for profile in PROFILES:
        assert _agree(model, profile)


def _user_files() -> list[tuple[object, str]]:
    packs = sorted((ROOT / "rules" / "packs").glob("*.yaml"))
    found = [(read_yaml(pack), "rule_pack") for pack in packs]
    pack = found[0][0]
    broken = copy.deepcopy(pack)
    broken["rules"][0]["severity"] = "loud"
    found.append((broken, "rule_pack"))
    configs = [{}, {"select": ["M602"]}, {"selct": ["M602"]}, {"select": "M602"}, {"fail-on": "fatal"}, {"severity": {"M602": "loud"}}]
    found += [(config, "config") for config in configs]
    return found


def test_fast_and_full_validation_agree_on_configs_and_rule_packs():
    verdicts = set()
    for data, name in _user_files():
        schema = json.loads((ROOT / "schema" / f"{name.replace('_', '-')}.schema.json").read_text(encoding="utf-8"))
        slow = not any(jsonschema.Draft202012Validator(schema).iter_errors(data))
        assert is_valid_fast(data, name) == slow, (name, data if name == "config" else "pack")
        verdicts.add(slow)
    assert verdicts == {True, False}


@pytest.mark.parametrize("profile", PROFILES)
def test_bundled_profiles_are_valid_json_schema(profile):
    """Bundled profiles are not checked against the meta-schema at run time (start-up speed); here they are."""
    schema = json.loads((ROOT / "schema" / "profiles" / f"{profile}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


def _told(errors) -> list:
    """What a violation is made of, per error: kind, place, rule annotation and the words of the explanation."""
    from speclint.validate import _annotation, _explain

    return sorted(
        (error.validator, tuple(error.absolute_path), json.dumps(_annotation(error), sort_keys=True), _explain(error), error.message)
        if error.validator == "required"
        else (error.validator, tuple(error.absolute_path), json.dumps(_annotation(error), sort_keys=True), _explain(error), "")
        for error in errors
    )


def _explained_models() -> list[dict]:
    models = _models()
    return models + [changed for model in models[:4] for changed in _mutations(model)]


@pytest.mark.parametrize("profile", PROFILES)
def test_missing_sections_are_told_as_jsonschema_tells_them(profile):
    """A spec that misses sections is explained without jsonschema (speclint.validate._explained_fast);
    the explanation must be the one jsonschema gives, error for error."""
    from speclint.validate import _explained_fast

    name = f"profile_{profile.replace('-', '_')}"
    explained = 0
    for model in _explained_models():
        fast = _explained_fast(model, name)
        if fast is None or is_valid_fast(model, name):
            continue
        explained += 1
        assert _told(fast) == _told(load_validator(profile).iter_errors(model)), json.dumps(model)[:300]
    if profile == "default":
        assert explained > 10, "the default profile's missing sections should be told by the generated checks"


# -- the yes/no generator (tools/build_validators.py) ---------------------------------------------------------------
# Its "contains", "enum" and "properties" code differs from fastjsonschema's; any schema built of these keywords
# (and of the others they hold) must still be judged as jsonschema judges it.

SECTION_KEYS = ["definition", "supervision", "knowledge", "skills", "physical_demands"]
small_values = st.sampled_from([None, True, False, 0, 1, 1.0, 2, "", "x", *SECTION_KEYS, [], {}, ["x"], {"key": "x"}])
instance_values = st.recursive(
    small_values,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(["key", "line", "value"]), children, max_size=3),
    max_leaves=10,
)
leaf_schemas = (
    st.builds(lambda value: {"const": value}, small_values)
    | st.builds(lambda values: {"enum": values}, st.lists(small_values, min_size=1, max_size=4))
    | st.builds(lambda values: {"enum": values}, st.lists(st.sampled_from(["", "x", *SECTION_KEYS]), min_size=1, max_size=4))
    | st.builds(lambda kind: {"type": kind}, st.sampled_from(["string", "integer", "object", "array", "null"]))
    | st.just({})
    | st.just({"x-speclint": "S102", "title": "annotations only"})
)
schemas = st.recursive(
    leaf_schemas,
    lambda children: st.builds(lambda sub: {"contains": sub}, children)
    | st.builds(lambda subs: {"properties": subs}, st.dictionaries(st.sampled_from(["key", "line", "value"]), children, max_size=2))
    | st.builds(
        lambda subs, extra: {"properties": subs, "additionalProperties": extra},
        st.dictionaries(st.sampled_from(["key", "line"]), children, max_size=2),
        children,
    )
    | st.builds(lambda sub: {"items": sub}, children)
    | st.builds(lambda subs: {"allOf": subs}, st.lists(children, min_size=1, max_size=2))
    | st.builds(lambda sub: {"contains": sub, "x-speclint": "S103"}, children),
    max_leaves=6,
)


def _yes_no(schema: dict):
    """The yes/no validator tools/build_validators.py writes for ``schema``."""
    pytest.importorskip("fastjsonschema")
    namespace: dict = {}
    exec(build_validators.compile_to_code(schema), namespace)  # noqa: S102 - code generated from the test's own schema
    check, failure = namespace["validate"], namespace["JsonSchemaValueException"]

    def is_valid(instance) -> bool:
        try:
            check(instance)
        except failure:
            return False
        return True

    return is_valid


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(schemas, st.lists(instance_values, min_size=1, max_size=6))
def test_generated_code_judges_as_jsonschema_does(schema, instances):
    is_valid = _yes_no(schema)
    for instance in instances:
        assert is_valid(instance) == jsonschema.Draft202012Validator(schema).is_valid(instance), (schema, instance)


def test_generated_contains_finds_the_entry_wherever_it_stands():
    is_valid = _yes_no({"contains": {"properties": {"key": {"enum": ["knowledge", "skills"]}}}})
    entries = [{"key": "definition"}, {"key": "supervision", "line": 3}]
    assert not is_valid(entries)
    assert not is_valid([])
    for place in range(len(entries) + 1):
        assert is_valid([*entries[:place], {"key": "skills"}, *entries[place:]])
        assert is_valid([*entries[:place], {"line": 4}, *entries[place:]])  # no "key": nothing for "properties" to refuse
        assert is_valid([*entries[:place], "not an object", *entries[place:]])
    assert not is_valid([{"key": ["skills"]}, {"key": 1}])


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.fixed_dictionaries(
            {"key": st.sampled_from([*SECTION_KEYS, "working_environment", "education_experience", "essential_functions", 7])},
            optional={"heading": st.sampled_from(["Definition", 3]), "line": st.integers(0, 3), "end_line": st.integers(1, 3)},
        ),
        max_size=8,
    )
)
def test_profiles_judge_sections_as_jsonschema_does(sections):
    model = copy.deepcopy(_models()[0])
    model["sections"] = sections
    for profile in PROFILES:
        assert _agree(model, profile), (profile, sections)


def test_the_profiles_try_no_validation_to_find_a_section():
    """The shortcut is in use: the bundled profiles' "contains" checks catch no exception per section."""
    current = (ROOT / "speclint" / "schema_check.py").read_text(encoding="utf-8")
    profile = current.split("\ndef validate____defs_profile_default(", 1)[1].split("\ndef ", 1)[0]
    assert profile.count("for data__sections_key in data__sections:") == 6
    assert "try:" not in profile and "except" not in profile
