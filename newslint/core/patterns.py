"""Rule patterns: regular expressions from YAML, compiled lazily and searched under a time limit."""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from .errors import OptionError

if TYPE_CHECKING:
    from .rule import Rule


def compile_pattern(pattern: str, flags: int = 0, rule: "Rule | None" = None) -> "RulePattern":
    """A rule's regular expression. Without a rule (validating a rule file), it is compiled now:
    a bad one is an OptionError naming the problem. With its rule (a check being built), it is
    compiled at its first search: most patterns find nothing to search in most texts, and
    compiling them all would cost every one-file run its start-up time."""
    return RulePattern(pattern, flags, rule, lazy=rule is not None)


def any_pattern(patterns: list[str], flags: int = 0, rule: "Rule | None" = None) -> list["RulePattern"]:
    """The patterns as one alternation, searched in one pass over the text (or, if they clash
    as one pattern, e.g. by their group names, one by one: the callers take any match of any)."""
    if len(patterns) > 1:
        return [RulePattern("|".join(f"(?:{p})" for p in patterns), flags, rule, lazy=True, parts=tuple(patterns))]
    return [compile_pattern(p, flags, rule) for p in patterns]


def split_anchored(patterns: list[str], flags: int = 0,
                   rule: "Rule | None" = None) -> tuple[list["RulePattern"], list["RulePattern"]]:
    """Line patterns: those that open with ^, as one alternation to try at a line's start (their
    ^ dropped), and the others, to search one by one (a pattern that opens with a literal is
    scanned fast, an alternation of them is not)."""
    return (any_pattern([p[1:] for p in patterns if p.startswith("^")], flags, rule),
            [compile_pattern(p, flags, rule) for p in patterns if not p.startswith("^")])


# Rule patterns come from YAML, often from users, and one that backtracks without end ("(a+)+$"
# on a long line of a's; or "By AandAand...A!" against a shipped byline pattern, which took hours
# with `re`) must not hang a run. They are matched with the `regex` package, in the syntax of
# Python's re (VERSION0), and every search gets a time limit: a second, plus two per million
# characters searched. A search that runs out of time stops; the engine reports it as a finding
# of the rule (its findings in that text may be incomplete) and does not try the rule's patterns
# again on that text.
PATTERN_TIMEOUT = 1.0
PATTERN_TIMEOUT_PER_MB = 2.0
_FLAGS = ((re.IGNORECASE, "IGNORECASE"), (re.MULTILINE, "MULTILINE"), (re.DOTALL, "DOTALL"),
          (re.VERBOSE, "VERBOSE"), (re.ASCII, "ASCII"))


class PatternTimeout(Exception):
    """A rule pattern's search ran out of time outside an engine run (inside one, it is reported)."""


class RulePattern:
    """A rule's regular expression, with the search methods of `re` patterns that the checks use
    (finditer, search, match, fullmatch), each under a time limit. An alternation built by
    any_pattern that does not compile as one pattern is searched part by part."""

    __slots__ = ("pattern", "flags", "rule", "parts", "_compiled")

    def __init__(self, pattern: str, flags: int = 0, rule: "Rule | None" = None, lazy: bool = False,
                 parts: tuple[str, ...] = ()):
        self.pattern = pattern
        self.flags = flags
        self.rule = rule
        self.parts = parts
        self._compiled: tuple[Any, ...] | None = None
        if not lazy:
            self._all()

    def _all(self) -> tuple[Any, ...]:
        if self._compiled is None:
            try:
                self._compiled = (_compile(self.pattern, self.flags),)
            except OptionError:
                if not self.parts:
                    raise
                self._compiled = tuple(_compile(p, self.flags) for p in self.parts)
        return self._compiled

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        endpos = len(string) if endpos is None else endpos
        if _stopped(self):
            return
        try:
            for compiled in self._all():
                yield from compiled.finditer(string, pos, endpos, timeout=_time_limit(pos, endpos))
        except TimeoutError:
            _timed_out(self, string, pos)

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._first("search", string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._first("match", string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._first("fullmatch", string, pos, endpos)

    def _first(self, method: str, string: str, pos: int, endpos: int | None) -> Any:
        endpos = len(string) if endpos is None else endpos
        if _stopped(self):
            return None
        try:
            for compiled in self._all():
                m = getattr(compiled, method)(string, pos, endpos, timeout=_time_limit(pos, endpos))
                if m is not None:
                    return m
        except TimeoutError:
            _timed_out(self, string, pos)
        return None


def _compile(pattern: str, flags: int) -> Any:
    import regex
    converted = regex.VERSION0  # the syntax and semantics of Python's re
    for flag, name in _FLAGS:
        if flags & flag:
            converted |= getattr(regex, name)
    try:
        return regex.compile(pattern, converted)
    except (regex.error, OverflowError, RecursionError, ValueError, TypeError) as exc:
        raise OptionError(f"regular expression {pattern!r} does not compile: {exc}") from None


@dataclass
class PatternTimeouts:
    """What an engine run collects: (rule, pattern, view offset) of each search that ran out of
    time, and the rules whose patterns are not tried again on this text."""

    view: str
    found: list[tuple["Rule", str, int]] = field(default_factory=list)
    stopped: set[str] = field(default_factory=set)


_TIMEOUTS: "ContextVar[PatternTimeouts | None]" = ContextVar("newslint_pattern_timeouts", default=None)


def watch_patterns(view: str) -> tuple[PatternTimeouts, Any]:
    """Start collecting pattern timeouts for one text: (collector, token for end_watch)."""
    timeouts = PatternTimeouts(view)
    return timeouts, _TIMEOUTS.set(timeouts)


def end_watch(token: Any) -> None:
    _TIMEOUTS.reset(token)


def _time_limit(pos: int, endpos: int) -> float:
    return PATTERN_TIMEOUT + PATTERN_TIMEOUT_PER_MB * max(0, endpos - pos) / 1e6


def _stopped(pattern: RulePattern) -> bool:
    timeouts = _TIMEOUTS.get()
    return timeouts is not None and pattern.rule is not None and pattern.rule.id in timeouts.stopped


def _timed_out(pattern: RulePattern, string: str, pos: int) -> None:
    timeouts = _TIMEOUTS.get()
    if timeouts is None or pattern.rule is None:
        raise PatternTimeout(f"regular expression {pattern.pattern!r} ran out of time") from None
    timeouts.found.append((pattern.rule, pattern.pattern, pos if string is timeouts.view else 0))
    timeouts.stopped.add(pattern.rule.id)
