"""Find, merge and validate configuration — all in this one place.

Order, later wins: built-in defaults <- the config file <- command-line flags.
The config file is ``--config FILE`` if given; otherwise the nearest
``.speclint.yaml`` / ``.speclint.yml`` / ``pyproject.toml`` with a
``[tool.speclint]`` table, walking up from the linted file's folder.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from speclint.resources import schema_dir
from speclint.selection import is_enabled, matches

CONFIG_NAMES = (".speclint.yaml", ".speclint.yml", "pyproject.toml")
DEFAULT_INCLUDE = ["*.txt", "*.text", "*.md", "*.markdown", "*.pdf", "*.docx"]
DEFAULT_EXCLUDE = [".*", "node_modules", "__pycache__", "venv", "*.egg-info"]


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass
class Overrides:
    """What the command line says; None means "not given"."""

    config_file: str | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)


@dataclass(eq=False)  # hashed by identity: configs are cached per file
class Config:
    origin: str | None = None  # the config file, or None for built-in defaults
    root: Path = field(default_factory=Path.cwd)  # where relative paths in the config start
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    rule_packs: list[str] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)
    schema: str = "default"
    fail_on: str = "warning"
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    today: str | None = None  # ISO date the date rules take as today; None: $SPECLINT_TODAY, else the real date
    stale_after_years: int = 5  # D704: a spec whose latest date is older than this is stale
    languagetool: str | dict | None = None  # G590's server: a URL or {url, timeout, language, disabled-rules}
    sources: dict[str, str] = field(default_factory=dict)  # key -> where its value came from

    @property
    def rules(self):
        return _load_rules(tuple(self.rule_packs))

    @property
    def rule_options(self) -> dict:
        return {
            "vocabulary": self.vocabulary,
            "today": str(self.today) if self.today is not None else None,  # YAML and TOML may give a date
            "stale_after_years": self.stale_after_years,
            "languagetool": self.languagetool_settings(),
        }

    def languagetool_settings(self) -> dict | None:
        """The LanguageTool server G590 asks, or None: the config's, else $SPECLINT_LANGUAGETOOL_URL's."""
        given = self.languagetool if isinstance(self.languagetool, dict) else {"url": self.languagetool}
        url = (given.get("url") or os.environ.get("SPECLINT_LANGUAGETOOL_URL") or "").strip()
        if not url:
            return None
        return {
            "url": url if "://" in url else f"http://{url}",
            "timeout": float(given.get("timeout", 10)),
            "language": given.get("language", "en-US"),
            "disabled_rules": list(given.get("disabled-rules", [])),
            "cache": str(self.root / ".speclint_cache" / "languagetool"),
        }

    def enabled_rules(self, path: str) -> list:
        """The rules that run on one file: select, ignore and per-path ignores applied."""
        ignore = self.ignore + self._path_ignores(path)
        # Worked out once per selection, not per file: matching every rule against the selectors cost half a
        # millisecond a file. (The key holds the selectors themselves, so a changed config is worked out anew.)
        key = (tuple(self.select), tuple(ignore), tuple(self.rule_packs))
        known = self.__dict__.setdefault("_enabled", {})
        if key not in known:
            known[key] = [rule for rule in self.rules if is_enabled(rule.code, rule.name, self.select, ignore)]
        return list(known[key])

    def _path_ignores(self, path: str) -> list[str]:
        if not self.per_path_ignores:
            return []
        try:
            relative = Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            relative = Path(path).as_posix()
        found: list[str] = []
        for pattern, selectors in self.per_path_ignores.items():
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                found.extend(selectors)
        return found

    def severity_for(self, code: str, default: str) -> str:
        rule = self.rules.get(code)
        name = rule.name if rule else ""
        for selector, level in self.severity.items():
            if matches(selector, code, name):
                return level
        return default


@cache
def _load_rules(packs: tuple[str, ...]):
    from speclint.engine import RulePackError, load_rules

    try:
        return load_rules([Path(p) for p in packs])
    except RulePackError as error:
        raise ConfigError(str(error)) from None


# -- finding -----------------------------------------------------------------
def find_config_file(start: Path | str) -> Path | None:
    start = os.fspath(start)
    folder = start if os.path.isdir(start) else (os.path.dirname(start) or ".")
    # many files share a folder: it is resolved once (a relative one once per working folder)
    return _find_from(folder, "" if os.path.isabs(folder) else os.getcwd())


@cache
def _find_from(folder: str, working_folder: str) -> Path | None:
    return _find_in(Path(working_folder, folder).resolve())


@cache
def _find_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
            return candidate
    if folder.parent == folder:
        return None
    return _find_in(folder.parent)


def _has_tool_table(path: Path) -> bool:
    try:  # most pyproject.toml files never name speclint: no need to parse them (tomllib costs a run ~5 ms)
        with open(path, "rb") as handle:
            data = handle.read()
        if b"speclint" not in data and b"\\u" not in data and b"\\U" not in data:  # (a key may spell it in escapes)
            return False
    except OSError:
        pass  # reported when it is loaded
    try:
        return "speclint" in _read_toml(path).get("tool", {})
    except ConfigError:
        return True  # a broken pyproject.toml is reported when it is loaded


# -- loading -----------------------------------------------------------------
def _read_toml(path: Path) -> dict:
    from speclint import compiled_data

    return compiled_data.parsed(path, _parse_toml)


def _parse_toml(path: Path) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the same parser, from PyPI
        import tomli as tomllib

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror or error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 text (byte 0x{error.object[error.start]:02x}); save the file as UTF-8") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML (nested too deeply)") from None


def read_config_file(path: Path) -> dict:
    if path.name == "pyproject.toml":
        data = _read_toml(path).get("tool", {}).get("speclint", {})
    else:
        from speclint.userfiles import UserFileError, read_yaml

        try:
            data = read_yaml(path)
        except UserFileError as error:
            raise ConfigError(f"{path}: {error}") from None
        data = {} if data is None else data
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of keys to values")
    return {str(key).replace("_", "-"): value for key, value in data.items()}


@cache
def load_config_file(path: Path) -> Config:
    from speclint.userfiles import UserFileError, check_against

    data = read_config_file(path)
    try:
        check_against(data, "config.schema.json")
    except UserFileError as error:
        raise ConfigError(f"{path}: {error}") from None
    root = path.parent
    config = Config(origin=str(path), root=root)
    for key, value in data.items():
        attribute = key.replace("-", "_")
        if key in ("rule-packs",):
            value = [str(root / item) for item in value]
        if key == "schema" and (value.endswith(".json") or os.sep in value or "/" in value):
            value = str(root / value)
        setattr(config, attribute, value)
        config.sources[attribute] = str(path)
    _check_selectors(config, str(path))
    return config


def _check_selectors(config: Config, where: str) -> None:
    try:
        rules = config.rules
    except ConfigError as error:
        raise ConfigError(f"{where}: rule-packs: {error}") from None
    codes = [(rule.code, rule.name) for rule in rules]
    groups = [("select", config.select), ("ignore", config.ignore), ("severity", list(config.severity))]
    groups += [(f"per-path-ignores '{glob}'", items) for glob, items in config.per_path_ignores.items()]
    for key, selectors in groups:
        for selector in selectors:
            if not any(matches(selector, code, name) for code, name in codes):
                raise ConfigError(f"{where}: unknown rule {selector!r} in '{key}' (see `speclint rules`)")
    # A bundled profile is checked by the tests; only an agency's own schema file is checked here.
    if config.schema and not (schema_dir() / "profiles" / f"{config.schema}.schema.json").is_file():
        from speclint.validate import ProfileError, load_validator

        try:
            load_validator(config.schema)
        except ProfileError as error:
            raise ConfigError(f"{where}: schema: {error}") from None


# -- merging -----------------------------------------------------------------
def resolve(path: str | Path, overrides: Overrides | None = None) -> Config:
    """The configuration that applies to one file or folder."""
    overrides = overrides or Overrides()
    if overrides.config_file:
        config_path = Path(overrides.config_file)
        if not config_path.is_file():
            raise ConfigError(f"{config_path}: config file not found")
        config = load_config_file(config_path.resolve())
    else:
        found = find_config_file(path)
        config = load_config_file(found) if found else _default_config(os.getcwd())
    return _apply(config, overrides)


@cache
def _apply_cached(config: Config, select, ignore, fail_on, include, exclude) -> Config:
    changes: dict = {"sources": dict(config.sources)}
    if select is not None:
        changes["select"] = list(select)
        changes["sources"]["select"] = "command line"
    if ignore:
        changes["ignore"] = config.ignore + list(ignore)
        changes["sources"]["ignore"] = "command line"
    if fail_on is not None:
        changes["fail_on"] = fail_on
        changes["sources"]["fail_on"] = "command line"
    if include:
        changes["include"] = list(include)
    if exclude:
        changes["exclude"] = config.exclude + list(exclude)
    merged = replace(config, **changes)
    _check_selectors(merged, "command line")
    return merged


@cache
def _default_config(working_folder: str) -> Config:
    """The built-in defaults, one object per working folder: what is cached per config (rules, the
    result cache's key) is then worked out once, not once per file."""
    return Config(root=Path(working_folder))


def _apply(config: Config, overrides: Overrides) -> Config:
    if (
        overrides.select is None
        and not overrides.ignore
        and overrides.fail_on is None
        and not overrides.include
        and not overrides.exclude
    ):
        return config
    return _apply_cached(
        config,
        tuple(overrides.select) if overrides.select is not None else None,
        tuple(overrides.ignore),
        overrides.fail_on,
        tuple(overrides.include),
        tuple(overrides.exclude),
    )

