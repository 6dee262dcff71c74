"""Where the shipped data (rules/, schema/) lives.

In a wheel the data sits in ``speclint/_data/``; in a source checkout or an
editable install it is the top-level ``rules/`` and ``schema/`` folders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def rules_dir() -> Path:
    return data_dir("rules")


def schema_dir() -> Path:
    return data_dir("schema")


def yaml_loader():
    """libyaml's safe loader when PyYAML was built with it (ten times faster), else the pure-Python one."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_yaml(path: Path):
    """A shipped YAML file's data: parsed once per process, and by the ``speclint`` command once per install
    (speclint.compiled_data)."""
    from speclint import compiled_data

    return compiled_data.parsed(path, _parse_yaml)


def _parse_yaml(path: Path):
    import yaml

    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml_loader())  # noqa: S506 - a safe loader
