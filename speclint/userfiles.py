"""Files users write (config, rule packs): parse the YAML, check it against its
schema in schema/, and explain any problem in one line that names the key."""

from __future__ import annotations

from pathlib import Path


class UserFileError(Exception):
    """Why a user's file cannot be used, as one line without the path."""


def read_yaml(path: Path):
    """A user's YAML file, or UserFileError saying in one line why it cannot be used."""
    from speclint import compiled_data

    return compiled_data.parsed(path, _parse_yaml)


def _parse_yaml(path: Path):
    import yaml

    from speclint.resources import yaml_loader

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise UserFileError(f"cannot read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise UserFileError(f"not UTF-8 text (byte 0x{data[error.start]:02x} at line {line}); save the file as UTF-8") from None
    try:
        return yaml.load(text, Loader=yaml_loader())  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise UserFileError("invalid YAML" + (f" at line {mark.line + 1}" if mark else "")) from None
    except (ValueError, TypeError, OverflowError) as error:  # a value YAML's types refuse: "today: 2020-02-30", "!!int x"
        raise UserFileError(f"invalid YAML: a value cannot be read ({error})") from None
    except RecursionError:
        raise UserFileError("invalid YAML: nested too deeply") from None


def check_against(data, schema_name: str) -> None:
    """Raise UserFileError for the first way ``data`` breaks schema/<schema_name>."""
    from speclint.validate import is_valid_fast

    if is_valid_fast(data, schema_name.removesuffix(".schema.json").replace("-", "_")):
        return
    import jsonschema

    from speclint.resources import schema_dir
    from speclint.validate import load_json

    validator = jsonschema.Draft202012Validator(load_json(schema_dir() / schema_name))
    try:
        errors = sorted(validator.iter_errors(data), key=lambda e: [_sortable(part) for part in e.absolute_path])
    except RecursionError:  # lists in lists a thousand deep, or a YAML alias that contains itself
        raise UserFileError("nested too deeply (lists or mappings inside each other)") from None
    if errors:
        raise UserFileError(describe_schema_error(errors[0]))


def _sortable(part) -> tuple:
    """A schema error's path element, comparable with any other: list indexes in order, then keys (which YAML
    lets be numbers, dates or null as well as text)."""
    return (0, part, "") if isinstance(part, int) else (1, 0, str(part))


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
