"""Rule files: find them, validate them, and turn each into a `Rule`.

Rules live in `<rules dir>/<family>/<name>.yaml`; the rule id is `family/name`. The built-in
packs ship inside the package; user packs from `rule_paths` load the same way, and a user rule
with the id of a built-in one replaces it. Every mistake is a RuleError at file:line:column.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from ..checks import check_class, rule_types
from ..checks.shared.check import Check
from ..core.diagnostic import FAMILIES, LEVEL_NAMES, Level
from ..core.errors import Errors, NewslintError, OptionError, RuleError, brief, unknown, with_article
from ..core.options import Option
from ..core.rule import Rule
from ..core.yamlfile import LocatedYaml

COMMON_KEYS = {
    "extends": "the rule type: " + ", ".join(rule_types()),
    "message": "the message, with %s or {placeholders}",
    "level": "error, warning or info",
    "scope": "document, paragraph, sentence, line or heading",
    "link": "a URL that explains the rule",
    "description": "one line for `newslint rules`",
    "enabled": "false to ship the rule switched off",
    "exclude_quotes": "true to skip quoted speech",
    "template_text": "true when what the rule reports is text the newsroom did not write (a cookie notice, "
                     "mojibake): other families' findings on it, but typos, are dropped",
    "example": "{fail: text, pass: text} for `newslint explain` (and the tests)",
}
# the keys a configuration may set for one rule, besides the type's own options
SETTABLE = ("level", "enabled", "exclude_quotes", "scope", "message")


def builtin_rules_dir() -> Path:
    """The rules shipped in the wheel, or the source tree's `rules/` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "rules"
    return packaged if packaged.is_dir() else package.parent / "rules"


def discover(directory: Path) -> list[tuple[str, Path]]:
    """(rule id, file) for every rule file under a rules directory."""
    if not directory.is_dir():
        raise RuleError("rule directory not found", str(directory))
    found = []
    for family_dir in sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if family_dir.name not in FAMILIES:
            raise RuleError(f"'{family_dir.name}' is not a rule family; use one of {', '.join(FAMILIES)}",
                            str(family_dir))
        for path in sorted(family_dir.iterdir()):
            if path.suffix in (".yaml", ".yml") and path.is_file():
                found.append((f"{family_dir.name}/{path.stem}", path))
    return found


def load_rules(directories: list[Path]) -> dict[str, Rule]:
    """Every rule of every directory, later directories replacing earlier ones by id."""
    rules: dict[str, Rule] = {}
    builtin = builtin_rules_dir()
    errors = Errors()  # every bad file is named, not only the first
    for directory in directories:
        for rule_id, path in discover(directory):
            with errors.gathered():
                rules[rule_id] = load_rule(rule_id, path, shipped=directory == builtin)
    errors.raise_any()
    return rules


def load_rule(rule_id: str, path: Path, shipped: bool = False) -> Rule:
    """One rule file. The patterns of a `shipped` rule (the built-in packs) are compiled at their
    first search, not here: the tests compile every one of them (test_builtin_patterns_compile),
    and compiling them all would cost every run start-up time."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RuleError(f"cannot read rule file: {exc.strerror or exc}", str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:  # located like any other mistake
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[data.rfind(b"\n", 0, exc.start) + 1:exc.start].decode("utf-8", "replace")) + 1
        raise RuleError(f"not valid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start} "
                        f"({exc.reason}); rule files are UTF-8", str(path), line, column) from None
    doc = LocatedYaml(text, str(path), RuleError)
    return parse_rule(rule_id, doc, shipped)


def parse_rule(rule_id: str, doc: LocatedYaml, shipped: bool = False) -> Rule:
    raw = doc.data
    if not isinstance(raw, dict):
        raise doc.fail("a rule file must be a mapping of keys to values")
    extends = raw.get("extends")
    if extends is None:
        raise doc.fail("missing required key 'extends' (the rule type: " + ", ".join(rule_types()) + ")")
    if not isinstance(extends, str) or extends not in rule_types():
        raise doc.fail(f"unknown rule type {brief(extends)}; known types: {', '.join(rule_types())}", "extends")
    cls = check_class(extends)
    errors = Errors()  # every mistake in the file at once, not one per run
    for key in raw:
        if key not in COMMON_KEYS and key not in cls.OPTIONS:
            known = [*COMMON_KEYS, *cls.OPTIONS]
            errors.add(doc.fail(unknown(str(key), known, where=f" for {with_article(extends)} rule"), key, at_key=True))

    def get(key: str, option: Option) -> Any:
        if key not in raw:
            if option.required:
                errors.add(doc.fail(f"missing required key '{key}' ({option.help or option.kind})"))
                return None
            return option.default
        try:
            return option.convert(raw[key], compile_patterns=not shipped)
        except OptionError as exc:
            errors.add(doc.fail(str(exc), key, *exc.keys))
            return None if option.required else option.default

    message = get("message", Option("str", help=COMMON_KEYS["message"]))
    if isinstance(message, str):
        with errors.gathered():
            try:
                cls.validate_message(message)
            except OptionError as exc:
                raise doc.fail(str(exc), "message") from None
    options = {key: get(key, option) for key, option in cls.OPTIONS.items()}
    level = get("level", Option("choice", "warning", choices=LEVEL_NAMES))
    scope = get("scope", Option("choice", cls.DEFAULT_SCOPE, choices=cls.SCOPES))
    common = {key: get(key, Option(kind, default)) for key, kind, default in
              (("link", "str", None), ("description", "str", ""), ("enabled", "bool", True),
               ("exclude_quotes", "bool", False), ("template_text", "bool", False))}
    with errors.gathered():
        example = _example(raw.get("example"), doc)
    errors.raise_any()  # the options are whole only now: their cross-checks come after
    _validate_options(cls, options, doc.fail, compile_patterns=not shipped)
    rule = Rule(
        id=rule_id,
        extends=extends,
        message=message,
        level=Level(level),
        scope=scope,
        options=options,
        path=doc.path,
        link=common["link"],
        description=common["description"] or cls.DESCRIPTION,
        enabled=common["enabled"],
        exclude_quotes=common["exclude_quotes"],
        template_text=common["template_text"],
        example=example,
    )
    return rule


def _validate_options(cls: type[Check], options: dict, fail: Callable[..., Exception],
                      compile_patterns: bool = True) -> None:
    """The type's own checks across options; `validate_patterns`, which compiles, is left to
    the tests for the shipped rules (as Option.convert does)."""
    checks = [getattr(cls, "validate_options", None)]
    if compile_patterns:
        checks.append(getattr(cls, "validate_patterns", None))
    for validate in filter(None, checks):
        try:
            validate(options)
        except OptionError as exc:
            raise fail(str(exc), *exc.keys) from None


def _example(raw: Any, doc: LocatedYaml) -> dict[str, list[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not set(raw) <= {"fail", "pass"}:
        raise doc.fail("expected a mapping with 'fail' and/or 'pass' texts", "example")
    out = {}
    for key, value in raw.items():
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise doc.fail("expected a text or a list of texts", "example", key)
        out[key] = values
    return out


def apply_settings(rule: Rule, settings: dict[str, Any], fail: Callable[..., NewslintError]) -> Rule:
    """A copy of `rule` with a configuration's settings for it (level, options...) applied.

    `fail(message, key)` builds the error for a bad setting, located in the configuration file.
    """
    cls = check_class(rule.extends)
    changes: dict[str, Any] = {}
    options = dict(rule.options)
    errors = Errors()  # every bad setting of the rule, not only the first
    for key, value in settings.items():
        try:
            if key == "level":
                changes["level"] = Level(Option("choice", choices=LEVEL_NAMES).convert(value))
            elif key in ("enabled", "exclude_quotes"):
                changes[key] = Option("bool").convert(value)
            elif key == "scope":
                changes["scope"] = Option("choice", choices=cls.SCOPES).convert(value)
            elif key == "message":
                cls.validate_message(Option("str").convert(value))
                changes["message"] = value
            elif key in cls.OPTIONS:
                options[key] = cls.OPTIONS[key].convert(value)
            else:
                raise OptionError(unknown(str(key), [*SETTABLE, *cls.OPTIONS], "setting",
                                          f" for rule {rule.id} ({rule.extends})"))
        except OptionError as exc:
            errors.add(fail(str(exc), key))
    errors.raise_any()
    _validate_options(cls, options, lambda message, *keys: fail(message, ".".join(map(str, keys)) or None))
    return replace(rule, options=options, **changes)
