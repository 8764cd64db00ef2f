"""Option schemas: the YAML keys a rule type declares (`OPTIONS`, name -> Option), checked
before a Check is built so that a Check's constructor may trust its options."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .errors import OptionError, brief
from .patterns import compile_pattern

REQUIRED = object()
LARGEST = 10 ** 9  # no count, size or limit of a rule is larger (a larger one is a typo, or an attack)


@dataclass(frozen=True)
class Option:
    """One YAML key of a rule type: its kind, default and a short help text."""

    kind: str  # str, int, number, bool, strings, mapping, mapping_of_lists, mapping_of_numbers, regex, regexes, choice
    default: Any = REQUIRED
    help: str = ""
    choices: tuple[str, ...] = ()
    minimum: float | None = None

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def convert(self, value: Any, compile_patterns: bool = True) -> Any:
        """The value, checked; regular expressions are compiled to check them, unless
        `compile_patterns` is false (the shipped rules, whose patterns the tests compile)."""
        converter = _CONVERTERS.get(self.kind)
        if converter is None:
            raise AssertionError(f"unknown option kind {self.kind}")
        return converter(self, value, compile_patterns)


def _text(option: Option, value: Any, compile_patterns: bool) -> str:
    if not isinstance(value, str):
        raise OptionError(f"expected a string, got {_describe(value)}")
    if option.kind == "regex" and compile_patterns:
        compile_pattern(value)
    return value


def _choice(option: Option, value: Any, compile_patterns: bool) -> str:
    if value not in option.choices:
        raise OptionError(f"expected one of {', '.join(option.choices)}, got {_describe(value)}")
    return value


def _bool(option: Option, value: Any, compile_patterns: bool) -> bool:
    if not isinstance(value, bool):
        raise OptionError(f"expected true or false, got {_describe(value)}")
    return value


def _number(option: Option, value: Any, compile_patterns: bool) -> int | float:
    kind = option.kind
    ok = isinstance(value, int) or (kind == "number" and isinstance(value, float))
    if isinstance(value, bool) or not ok:
        raise OptionError(f"expected {'an integer' if kind == 'int' else 'a number'}, got {_describe(value)}")
    if option.minimum is not None and value < option.minimum:
        raise OptionError(f"must be at least {option.minimum:g}, got {value}")
    if not -LARGEST <= value <= LARGEST:  # also refuses .nan and .inf
        raise OptionError(f"must be at most {LARGEST:,} (and a finite number), got {value}")
    return value


def _strings(option: Option, value: Any, compile_patterns: bool) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise OptionError(f"expected a list of strings, got {_describe(value)}")
    for item in value:
        _need_text(item, f"item {brief(item)}")
    if option.kind == "regexes" and compile_patterns:
        for v in value:
            compile_pattern(v)
    return list(value)


def _mapping_of_lists(option: Option, value: Any, compile_patterns: bool) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise OptionError(f"expected a mapping of names to lists of strings, got {_describe(value)}")
    out: dict[str, list[str]] = {}
    for k, v in value.items():
        _need_text(k, f"key {brief(k)}")
        items = [v] if isinstance(v, str) else v
        if not isinstance(items, list):
            raise OptionError(f"the value of {brief(k)}: expected a list of strings, got {_describe(v)}")
        for item in items:
            _need_text(item, f"an item of {brief(k)}")
        out[k] = list(items)
    return out


def _mapping(option: Option, value: Any, compile_patterns: bool) -> dict[str, str]:
    if not isinstance(value, dict):
        raise OptionError(f"expected a mapping of strings to strings, got {_describe(value)}")
    for k, v in value.items():
        _need_text(k, f"key {brief(k)}")
        _need_text(v, f"the value of {brief(k)}")
    return dict(value)


def _mapping_of_numbers(option: Option, value: Any, compile_patterns: bool) -> dict[str, int | float]:
    if not isinstance(value, dict):
        raise OptionError(f"expected a mapping of names to numbers, got {_describe(value)}")
    number = Option("number", minimum=option.minimum)
    out: dict[str, int | float] = {}
    for k, v in value.items():
        _need_text(k, f"key {brief(k)}")
        try:
            out[k] = _number(number, v, compile_patterns)
        except OptionError as exc:
            raise OptionError(f"the value of {brief(k)}: {exc}") from None
    return out


# Option.kind -> its converter: (option, value, compile_patterns) -> the checked value
_CONVERTERS: dict[str, Callable[[Option, Any, bool], Any]] = {
    "str": _text,
    "regex": _text,
    "choice": _choice,
    "bool": _bool,
    "int": _number,
    "number": _number,
    "strings": _strings,
    "regexes": _strings,
    "mapping_of_lists": _mapping_of_lists,
    "mapping": _mapping,
    "mapping_of_numbers": _mapping_of_numbers,
}


def _need_text(value: Any, what: str) -> None:
    if isinstance(value, str) and value:
        return
    hint = " (YAML reads unquoted yes/no/on/off as true/false: quote it)" if isinstance(value, bool) else ""
    raise OptionError(f"{what}: expected a non-empty string, got {_describe(value)}{hint}")


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (list, dict)):
        return f"a {'list' if isinstance(value, list) else 'mapping'}"
    if isinstance(value, str):
        return brief(value)  # its quotes say it is text, as in the configuration's own messages
    return f"{type(value).__name__} {brief(value)}"
