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
