"""``speclint config --show [PATH]``: the merged configuration for PATH and where each value came from.

"My setting is ignored" is the commonest complaint about linters; this answers it by showing the
config file that was found (or that none was), every value in force, and for each whether it is
the built-in default, from that file, from the command line or from the environment.
"""

from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path

from speclint.config import Config, Overrides, resolve

DEFAULT = "built-in default"
COMMAND_LINE = "command line"
_NOT_SHOWN = {"origin", "root", "sources"}  # bookkeeping, not settings
# Settings left unset in every file fall back to the environment when the rules run.
# What an unset value means, in plain words.
_UNSET = {"today": "(not set: the real date)", "languagetool": "(not set: no grammar server, G590 off)"}
_ENVIRONMENT = {"today": "SPECLINT_TODAY", "languagetool": "SPECLINT_LANGUAGETOOL_URL"}


def merged_settings(path: str, overrides: Overrides) -> tuple[Config, list[tuple[str, object, str]]]:
    """The configuration for ``path`` and its settings as (key as written in a config file, value, where it came from)."""
    config = resolve(path, overrides)
    settings = []
    for item in fields(Config):
        if item.name in _NOT_SHOWN:
            continue
        value = getattr(config, item.name)
        source = config.sources.get(item.name, DEFAULT)
        source = _with_command_line(item.name, value, source, config, overrides)
        variable = _ENVIRONMENT.get(item.name)
        if value is None and variable and os.environ.get(variable):
            value, source = os.environ[variable], f"environment (${variable})"
        settings.append((item.name.replace("_", "-"), _plain(value), source))
    return config, settings


def _with_command_line(name: str, value, source: str, config: Config, overrides: Overrides) -> str:
    """--include replaces the list; --ignore and --exclude add to the file's (or the built-in) list, so both count."""
    given = getattr(overrides, name) if name in ("include", "exclude", "ignore") else None
    if not given:
        return source
    if name == "include" or len(value) == len(given):
        return COMMAND_LINE
    base = (config.origin or DEFAULT) if source == COMMAND_LINE else source
    return f"{base} + {COMMAND_LINE}"


def _plain(value):
    """Values as JSON has them (a date from YAML or TOML becomes its ISO text)."""
    return json.loads(json.dumps(value, default=str))


def show_config(path: str, overrides: Overrides, stream, fmt: str = "text") -> None:
    config, settings = merged_settings(path, overrides)
    if fmt == "json":
        data = {
            "path": path,
            "config_file": config.origin,
            "settings": {key: {"value": value, "source": source} for key, value, source in settings},
        }
        json.dump(data, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
        return
    stream.write(f"Configuration for {path}\n")
    if config.origin:
        how = "given with --config" if overrides.config_file else "the nearest to it"
        stream.write(f"Config file: {config.origin} ({how})\n")
    else:
        start = Path(path) if Path(path).is_dir() else Path(path).parent
        stream.write(
            f"Config file: none found in {os.fspath(start) or '.'} or the folders above it, so the built-in defaults apply.\n"
            f"  (speclint looks for  with a [tool.speclint] table.)\n"
        )
    shown = [(key, _text(key, value), source) for key, value, source in settings]
    key_width = max(len(key) for key, _, _ in shown)
    value_width = min(max(len(value) for _, value, _ in shown), 48)
    stream.write("\n" + f"{'setting':<{key_width}}  {'value':<{value_width}}  from\n")
    for key, value, source in shown:
        stream.write(f"{key:<{key_width}}  {value:<{value_width}}  {source}\n")


def _text(key: str, value) -> str:
    if value is None:
        return _UNSET.get(key, "(not set)")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
