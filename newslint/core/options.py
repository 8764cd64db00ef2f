"""Option schemas: the YAML keys a rule type declares (`OPTIONS`, name -> Option), checked
before a Check is built so that a Check's constructor may trust its options."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import OptionError, brief
from .patterns import compile_pattern

REQUIRED = object()
LARGEST = 10 ** 9  # no count, size or limit of a rule is larger (a larger one is a typo, or an attack)


@dataclass(frozen=True)
class Option:
    """One YAML key of a rule type: its kind, default and a short help text."""

    kind: str  # str, int, number, bool, strings, mapping, mapping_of_lists, regex, regexes, choice
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
        kind = self.kind
        if kind == "str" or kind == "regex":
            if not isinstance(value, str):
                raise OptionError(f"expected a string, got {_describe(value)}")
            if kind == "regex" and compile_patterns:
                compile_pattern(value)
            return value
        if kind == "choice":
            if value not in self.choices:
                raise OptionError(f"expected one of {', '.join(self.choices)}, got {_describe(value)}")
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                raise OptionError(f"expected true or false, got {_describe(value)}")
            return value
        if kind in ("int", "number"):
            ok = isinstance(value, int) or (kind == "number" and isinstance(value, float))
            if isinstance(value, bool) or not ok:
                raise OptionError(f"expected {'an integer' if kind == 'int' else 'a number'}, got {_describe(value)}")
            if self.minimum is not None and value < self.minimum:
                raise OptionError(f"must be at least {self.minimum:g}, got {value}")
            if not -LARGEST <= value <= LARGEST:  # also refuses .nan and .inf
                raise OptionError(f"must be at most {LARGEST:,} (and a finite number), got {value}")
            return value
        if kind in ("strings", "regexes"):
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list):
                raise OptionError(f"expected a list of strings, got {_describe(value)}")
            for item in value:
                _need_text(item, f"item {brief(item)}")
            if kind == "regexes" and compile_patterns:
                for v in value:
                    compile_pattern(v)
            return list(value)
        if kind == "mapping_of_lists":
            if not isinstance(value, dict):
                raise OptionError(f"expected a mapping of names to lists of strings, got {_describe(value)}")
            out = {}
            for k, v in value.items():
                _need_text(k, f"key {brief(k)}")
                items = [v] if isinstance(v, str) else v
                if not isinstance(items, list):
                    raise OptionError(f"the value of {brief(k)}: expected a list of strings, got {_describe(v)}")
                for item in items:
                    _need_text(item, f"an item of {brief(k)}")
                out[k] = list(items)
            return out
        if kind == "mapping":
            if not isinstance(value, dict):
                raise OptionError(f"expected a mapping of strings to strings, got {_describe(value)}")
            for k, v in value.items():
                _need_text(k, f"key {brief(k)}")
                _need_text(v, f"the value of {brief(k)}")
            return dict(value)
        raise AssertionError(f"unknown option kind {kind}")


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
    return f"{type(value).__name__} {brief(value)}"
