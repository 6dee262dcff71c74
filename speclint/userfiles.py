"""Files users write (config, rule packs): parse the YAML, check it against its
schema in schema/, and explain any problem in one line that names the key."""

from __future__ import annotations

from pathlib import Path


class UserFileError(Exception):
    """Why a user's file cannot be used, as one line without the path."""


def read_yaml(path: Path):
    import yaml

    from speclint.resources import yaml_loader

    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=yaml_loader())  # noqa: S506 - a safe loader
    except OSError as error:
        raise UserFileError(f"cannot read ({error.strerror or error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise UserFileError("invalid YAML" + (f" at line {mark.line + 1}" if mark else "")) from None


def check_against(data, schema_name: str) -> None:
    """Raise UserFileError for the first way ``data`` breaks schema/<schema_name>."""
    import jsonschema

    from speclint.resources import schema_dir
    from speclint.validate import load_json

    validator = jsonschema.Draft202012Validator(load_json(schema_dir() / schema_name))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        raise UserFileError(describe_schema_error(errors[0]))


def describe_schema_error(error) -> str:
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
