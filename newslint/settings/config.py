"""Configuration: `.newslint.yaml`, or `[tool.newslint]` in pyproject.toml.

The nearest one, from the checked file's directory upward, applies. Every key is validated;
an unknown key or a bad value is a ConfigError that names the file, the line and the key.

    language: auto                 # en-US, en-GB or auto (inferred per article)
    rule_paths: [house-rules]      # more rule packs: <dir>/<family>/<name>.yaml
    rules:                         # a family or a rule id -> on, off, or settings
      style: off
      readability/sentence-length: {max: 40, level: info}
    include: ["*.md", "*.txt"]     # what a directory walk lints
    exclude: ["drafts/**"]
    overrides:                     # settings for some files only
      - files: ["opinion/**"]
        rules: {readability: off}
    vocabulary:
      accept: [Blinken, Diaoyutai]  # house words and names, never flagged
      reject: [alright]             # words always flagged
    fail_on: error                 # the level at which `newslint check` exits 1
    page: true                     # the files are text extracted from whole web pages (docs/pages.md)
    languagetool:                  # grammar checks (NEWSLINT_LANGUAGETOOL_URL overrides url)
      url: http://127.0.0.1:8081   # mode url (the default when a url is set), local or off
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..core.diagnostic import LEVEL_NAMES
from ..core.errors import ConfigError, Errors, NewslintError, brief, unknown
from ..core.yamlfile import LocatedYaml
from .paths import DEFAULT_INCLUDE, matches_any, relative_to

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
LANGUAGES = ("auto", "en-US", "en-GB")
KEYS = {
    "language": "en-US, en-GB or auto",
    "rule_paths": "a list of directories with more rules",
    "rules": "a mapping of rule ids or families to on, off or settings",
    "include": "a list of globs a directory walk lints",
    "exclude": "a list of globs a directory walk skips",
    "overrides": "a list of {files: [globs], rules: {...}}",
    "vocabulary": "a mapping with 'accept' and 'reject' word lists",
    "fail_on": "error, warning or info",
    "page": "true for text extracted from whole web pages (page mode), false for articles",
    "languagetool": "a mapping: url (a LanguageTool server), mode (url, local or off), timeout (seconds)",
}
LANGUAGETOOL_MODES = ("url", "local", "off")

Fail = Callable[..., NewslintError]


@dataclass
class RuleSetting:
    """What a configuration says about one rule or family, and where it says it."""

    enabled: bool | None
    settings: dict[str, Any]
    fail: Fail  # fail(message, key) -> ConfigError located at this setting


@dataclass
class Override:
    files: list[str]
    rules: dict[str, RuleSetting]


@dataclass
class Config:
    path: Path | None = None  # the file it was read from; None for the defaults
    root: Path = field(default_factory=Path.cwd)
    language: str = "auto"
    rule_paths: list[Path] = field(default_factory=list)
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)
    fail_on: str | None = None
    page: bool = False  # text extracted from whole web pages: page-furniture blocks (docs/pages.md)
    languagetool: dict[str, Any] = field(default_factory=dict)  # url, mode, timeout
    source: str = "defaults"

    def rule_settings(self, path: Path | None) -> tuple[tuple[int, ...], list[dict[str, RuleSetting]]]:
        """The overrides that apply to `path` (as a cache key) and the settings, in order."""
        layers = [self.rules]
        applied: list[int] = []
        if path is not None and self.overrides:
            rel = relative_to(path, self.root)
            for i, override in enumerate(self.overrides):
                if matches_any(rel, override.files):
                    applied.append(i)
                    layers.append(override.rules)
        return tuple(applied), layers


def find_config(start: Path) -> Path | None:
    """The nearest configuration file from `start` (a directory) upward."""
    start = start.resolve()
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return re.search(r"^\s*\[tool\.newslint[\].]", path.read_text(encoding="utf-8"), re.M) is not None
    except (OSError, UnicodeDecodeError):
        return False


def load_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", str(path)) from None
    return config_from_text(text, path)


def config_from_text(text: str, path: Path) -> Config:
    """The configuration `text` would be as the file `path` (checked, nothing written)."""
    if path.name == "pyproject.toml":
        data, fail = _read_pyproject(text, path)
    else:
        located = LocatedYaml(text, str(path), ConfigError)
        data, fail = located.data, located.fail
        if data is None:
            data = {}
    return parse_config(data, fail, path)


def _read_pyproject(text: str, path: Path) -> tuple[dict, Fail]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        raise ConfigError(f"not valid TOML: {str(exc).split(' (at')[0]}", str(path),
                          int(m.group(1)) if m else None, int(m.group(2)) if m else None) from None
    table = data.get("tool", {}).get("newslint", {})

    def fail(message: str, *keys: str | int, at_key: bool = False) -> ConfigError:
        key = str(keys[-1]) if keys else None
        line = None
        if key is not None:
            m = re.search(rf"^\s*\"?{re.escape(key)}\"?\s*=", text, re.M)
            line = text.count("\n", 0, m.start()) + 1 if m else None
        name = ".".join(str(k) for k in keys) if keys else None
        return ConfigError(message, f"{path} [tool.newslint]", line, None, name)

    return table, fail


def parse_config(data: Any, fail: Fail, path: Path | None) -> Config:
    """The configuration in `data`; a ConfigError names every mistake in it, not only the first."""
    if not isinstance(data, dict):
        raise fail("the configuration must be a mapping of keys to values")
    errors = Errors()
    for key in data:
        if key not in KEYS:
            errors.add(fail(unknown(str(key), KEYS), key, at_key=True))
    root = path.parent if path else Path.cwd()
    cfg = Config(path=path, root=root, source=str(path) if path else "defaults")
    if "language" in data:
        if data["language"] in LANGUAGES:
            cfg.language = data["language"]
        else:
            errors.add(fail(f"expected one of {', '.join(LANGUAGES)}, got {brief(data['language'])}", "language"))
    if "rule_paths" in data:
        with errors.gathered():
            cfg.rule_paths = [root / p for p in _strings(data["rule_paths"], fail, "rule_paths")]
        for i, p in enumerate(cfg.rule_paths):
            if not p.is_dir():
                errors.add(fail(f"rule directory {str(p)!r} does not exist", "rule_paths", i))
    if "rules" in data:
        cfg.rules = _rules(data["rules"], fail, ("rules",), errors)
    for key in ("include", "exclude"):
        if key in data:
            with errors.gathered():
                setattr(cfg, key, _strings(data[key], fail, key))
    if "overrides" in data:
        cfg.overrides = _overrides(data["overrides"], fail, errors)
    if "vocabulary" in data:
        vocab = data["vocabulary"]
        if not isinstance(vocab, dict):
            errors.add(fail("expected a mapping with 'accept' and 'reject' word lists", "vocabulary"))
        else:
            _unknown_keys(vocab, ("accept", "reject"), fail, errors, "vocabulary")
            with errors.gathered():
                cfg.accept = _strings(vocab.get("accept", []), fail, "vocabulary", "accept")
            with errors.gathered():
                cfg.reject = _strings(vocab.get("reject", []), fail, "vocabulary", "reject")
    if "fail_on" in data:
        if data["fail_on"] in LEVEL_NAMES:
            cfg.fail_on = data["fail_on"]
        else:
            errors.add(fail(f"expected one of {', '.join(LEVEL_NAMES)}, got {brief(data['fail_on'])}", "fail_on"))
    if "page" in data:
        if isinstance(data["page"], bool):
            cfg.page = data["page"]
        else:
            errors.add(fail(f"expected true or false, got {brief(data['page'])}", "page"))
    if "languagetool" in data:
        cfg.languagetool = _languagetool(data["languagetool"], fail, errors)
    _raise_any(errors, cfg)
    return cfg


def _raise_any(errors: Errors, cfg: Config) -> None:
    """The file's errors, if any, with what could be read of it (its rule settings are checked
    against the rules too, in the same run: run/engine.with_rule_setting_errors)."""
    try:
        errors.raise_any()
    except ConfigError as exc:
        exc.partial = cfg
        raise


def _unknown_keys(mapping: dict, known: tuple[str, ...], fail: Fail, errors: Errors, *keys: str | int) -> None:
    for key in mapping:
        if key not in known:
            errors.add(fail(unknown(str(key), known), *keys, key, at_key=True))


def _overrides(value: Any, fail: Fail, errors: Errors) -> list[Override]:
    if not isinstance(value, list):
        errors.add(fail("expected a list of {files: [globs], rules: {...}}", "overrides"))
        return []
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or "files" not in item:
            errors.add(fail("each override needs 'files' (a list of globs) and 'rules'", "overrides", i))
            continue
        _unknown_keys(item, ("files", "rules"), fail, errors, "overrides", i)
        files: list[str] = []
        with errors.gathered():
            files = _strings(item["files"], fail, "overrides", i, "files")
        out.append(Override(files, _rules(item.get("rules", {}), fail, ("overrides", i, "rules"), errors)))
    return out


def _languagetool(value: Any, fail: Fail, errors: Errors) -> dict[str, Any]:
    if not isinstance(value, dict):
        errors.add(fail("expected a mapping with 'url', 'mode' (url, local or off) and 'timeout'", "languagetool"))
        return {}
    _unknown_keys(value, ("url", "mode", "timeout"), fail, errors, "languagetool")
    out: dict[str, Any] = {}
    if "url" in value:
        if isinstance(value["url"], str) and value["url"].startswith(("http://", "https://")):
            out["url"] = value["url"]
        else:
            errors.add(fail("expected the http(s) URL of a LanguageTool server", "languagetool", "url"))
    if "mode" in value:
        if value["mode"] in LANGUAGETOOL_MODES:
            out["mode"] = value["mode"]
        else:
            errors.add(fail(f"expected one of {', '.join(LANGUAGETOOL_MODES)}, got {brief(value['mode'])}"
                            " (YAML reads an unquoted off as false: quote it)", "languagetool", "mode"))
    if "timeout" in value:
        t = value["timeout"]
        if isinstance(t, bool) or not isinstance(t, (int, float)) or t <= 0:
            errors.add(fail("expected a number of seconds", "languagetool", "timeout"))
        else:
            out["timeout"] = float(t)
    return out


def _strings(value: Any, fail: Fail, *keys: str | int) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise fail("expected a list of non-empty strings", *keys)
    return list(value)


def _rules(value: Any, fail: Fail, keys: tuple, errors: Errors) -> dict[str, RuleSetting]:
    if not isinstance(value, dict):
        errors.add(fail("expected a mapping of rule ids or families to on, off or settings", *keys))
        return {}
    out = {}
    for name, setting in value.items():
        here = (*keys, name)

        def located(message: str, key: str | None = None, _here=here) -> NewslintError:
            return fail(message, *_here, *((key,) if key else ()))

        if isinstance(setting, bool):
            out[str(name)] = RuleSetting(setting, {}, located)
        elif isinstance(setting, str) and setting in ("on", "off"):
            out[str(name)] = RuleSetting(setting == "on", {}, located)
        elif isinstance(setting, dict):
            settings = dict(setting)
            enabled = settings.pop("enabled", True)
            if isinstance(enabled, bool):
                out[str(name)] = RuleSetting(enabled, settings, located)
            else:
                errors.add(located("expected true or false", "enabled"))
        else:
            errors.add(located("expected on, off, or a mapping of settings (level, the rule's options)"))
    return out


_cache: dict[Path, Config] = {}
_found: dict[Path, Path | None] = {}


def forget_configurations() -> None:
    """Read every configuration file again at its next use."""
    _cache.clear()
    _found.clear()


def config_for(directory: Path, explicit: Path | None = None) -> Config:
    """The configuration that applies in `directory` (cached), or the explicit one."""
    if explicit is not None:
        key = explicit.resolve()
        if key not in _cache:
            if not explicit.is_file():
                raise ConfigError("configuration file not found", str(explicit))
            _cache[key] = load_config(explicit)
        return _cache[key]
    if directory not in _found:
        _found[directory] = find_config(directory)
    path = _found[directory]
    if path is None:
        key = Path("<defaults>")
        if key not in _cache:
            _cache[key] = Config()
        return _cache[key]
    if path not in _cache:
        _cache[path] = load_config(path)
    return _cache[path]
