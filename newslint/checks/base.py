"""What every rule type shares: option schemas, the validated Rule, and the Check base class.

A rule type declares its own YAML keys as `OPTIONS` (name -> Option). The rule loader checks
every rule file against the common keys and the type's options before a Check is built, so a
Check's constructor may trust its options.
"""
from __future__ import annotations

import bisect
import re
import string
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Iterable, Iterator

from ..diagnostic import Diagnostic, Edit, Fix, Level, Related
from ..errors import brief
from ..document import Document
from .phrases import PhraseIndex

SCOPES = ("document", "paragraph", "sentence", "line", "heading")
REQUIRED = object()


class OptionError(ValueError):
    """A value that does not fit its Option; the message says what was expected, and `keys`,
    if given, where inside the option (e.g. the entry of a mapping)."""

    def __init__(self, message: str, *keys: str | int):
        super().__init__(message)
        self.keys = keys


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


@dataclass
class Rule:
    """A validated rule file: the common keys plus the type's own options."""

    id: str
    extends: str
    message: str
    level: Level
    scope: str
    options: dict[str, Any]
    path: str = ""
    link: str | None = None
    description: str = ""
    enabled: bool = True
    exclude_quotes: bool = False
    example: dict[str, list[str]] = field(default_factory=dict)

    @property
    def family(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def what_it_finds(self) -> str:
        """The rule's description, or else its type's."""
        from . import check_class
        return self.description or check_class(self.extends).DESCRIPTION


class Check:
    """Base of every rule type. Subclasses set NAME, OPTIONS, PLACEHOLDERS and define check()."""

    NAME: ClassVar[str] = ""
    DESCRIPTION: ClassVar[str] = ""
    OPTIONS: ClassVar[dict[str, Option]] = {}
    SCOPES: ClassVar[tuple[str, ...]] = SCOPES
    DEFAULT_SCOPE: ClassVar[str] = "sentence"
    PLACEHOLDERS: ClassVar[tuple[str, ...]] = ("match",)

    def __init__(self, rule: Rule, context: "BuildContext"):
        self.rule = rule
        self.options = rule.options
        self.message = rule.message.replace("%s", "{match}")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        raise NotImplementedError

    @classmethod
    def validate_message(cls, message: str) -> None:
        """Raise OptionError for a message with unknown placeholders or unbalanced braces."""
        try:
            fields = [(name, spec, conversion) for _, name, spec, conversion
                      in string.Formatter().parse(message.replace("%s", "{match}")) if name is not None]
        except ValueError as exc:
            raise OptionError(f"{exc} (write a literal brace as {{{{ or }}}})") from None
        for name, spec, conversion in fields:
            if name not in cls.PLACEHOLDERS:
                allowed = ", ".join("{" + p + "}" for p in cls.PLACEHOLDERS)
                raise OptionError(f"unknown placeholder {{{name}}}; a {cls.NAME} rule offers {allowed} and %s")
            if conversion not in (None, "r", "s", "a"):
                raise OptionError(f"{{{name}!{conversion}}}: unknown conversion (use !r, !s or !a)")
            if spec and ("{" in spec or _WIDE.search(spec)):  # {match:{x}}, {match:>99999999999}
                raise OptionError(f"{{{name}:{spec}}}: a format may not hold a placeholder, nor a width of 1000 or more")

    # helpers for subclasses -------------------------------------------------------------

    def spans(self, doc: Document) -> list[tuple[int, int]]:
        return list(doc.spans(self.rule.scope))

    def wanted(self, doc: Document, start: int, end: int, spans: list[tuple[int, int]] | None) -> bool:
        """Whether a match lies inside one unit of the rule's scope and, if asked, outside quotes."""
        if self.rule.exclude_quotes and doc.in_quote(start, end):
            return False
        if spans is None:
            return True
        i = bisect.bisect_right(spans, (start, float("inf"))) - 1
        return i >= 0 and spans[i][0] <= start and end <= spans[i][1]

    def report(self, doc: Document, start: int, end: int, *, suggestions: Iterable[str] = (),
               related: Iterable[tuple[int, int, str]] = (), fix: Fix | None = None,
               **fields: Any) -> Diagnostic:
        """A Diagnostic for the view span [start, end); `fields` fill the message placeholders."""
        loc = doc.locate(start, end)
        fields.setdefault("match", doc.view[start:end])
        rel = []
        for rs, re_, note in related:
            r = doc.locate(rs, re_)
            rel.append(Related(r.line, r.column, note, r.offset, r.length, r.end_line, r.end_column))
        return Diagnostic(
            rule=self.rule.id, level=self.rule.level, message=_formatted(self.message, fields),
            line=loc.line, column=loc.column, end_line=loc.end_line, end_column=loc.end_column,
            offset=loc.offset, length=loc.length, path=doc.path, suggestions=list(suggestions),
            related=rel, fix=fix, link=self.rule.link)

    def replacement_fix(self, doc: Document, start: int, end: int, replacement: str, safe: bool) -> Fix:
        s, e = doc.source_span(start, end)
        return Fix((Edit(s, e - s, replacement),), safe=safe)

    def delete_lines_fix(self, doc: Document, first: int, last: int, safe: bool,
                         span: tuple[int, int] | None = None) -> Fix:
        """Delete source lines first..last (1-based) with their line breaks (see delete_lines).
        In a format whose lines are not the file's (HTML), only the flagged text, `span` in view
        offsets, is deleted: its markup stays."""
        if doc.format in ("text", "markdown") or span is None:
            s, e = delete_lines(doc, first, last)
        else:
            s, e = doc.source_span(*span)
        return Fix((Edit(s, e - s, ""),), safe=safe)


_WIDE = re.compile(r"\d{4,}")


def _formatted(message: str, fields: dict[str, Any]) -> str:
    """The message with its placeholders filled; a format that does not suit the value (a user's
    {match:d}, where match is text) shows the value as it is instead of ending the run."""
    try:
        return message.format(**fields)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        try:
            return _PLAIN_FIELD.sub(r"{\1}", message).format(**fields)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return message


_PLAIN_FIELD = re.compile(r"(?<!\{)\{(\w+)[^{}]*\}")


@dataclass
class BuildContext:
    """What checks may share while they are built: the phrase index, settings and resources."""

    phrases: PhraseIndex
    settings: dict[str, Any] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)

    def shared(self, key: str, factory: Callable[[], Any]) -> Any:
        """One instance of an expensive resource (a dictionary, a client) per engine."""
        if key not in self.cache:
            self.cache[key] = factory()
        return self.cache[key]


def match_case(template: str, replacement: str) -> str:
    """Carry a capital first letter of the matched text over to its replacement."""
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement



def delete_lines(doc: Document, first: int, last: int, block: tuple[int, int] | None = None) -> tuple[int, int]:
    """Source span that removes lines first..last (1-based) with their line breaks, and the blank
    lines on one side, so that no double blank line (nor a trailing one) is left behind.

    Blank lines above go when blank lines (or the end of the text) follow; at the top of the text
    the blank lines below go instead. `block` is the run of flagged lines, with no blank line
    between them, that first..last belongs to when other findings flag the lines around it: the
    blank lines above the run go with its first finding, those below it with its last, so that
    the fixes of the run together leave one paragraph break, each alone leaves no double one,
    and no two of them touch the same characters (they apply in one pass).
    """
    text, lines = doc.text, doc.lines
    starts = lines.starts
    count = len(starts)
    top, bottom = block or (first, last)

    def blank(n: int) -> bool:
        s, e = lines.line_span(n, text)
        return not text[s:e].strip()

    before = top - 1
    while before >= 1 and blank(before):
        before -= 1                     # `before`: the last non-blank line above the run, or 0
    after = bottom + 1
    while after <= count and blank(after):
        after += 1                      # `after`: the first non-blank line below the run, or count + 1
    start = starts[first - 1]
    end = starts[last] if last < count else len(text)
    if after > count:                   # nothing below: the text's tail goes, from the line above
        if first == top:
            start = starts[before] if before >= 1 else 0
        if last == bottom:
            end = len(text)
    elif before == 0:                   # nothing above: the blank lines below go too
        if first == top:
            start = 0
        if last == bottom:
            end = starts[after - 1]
    elif first == top and before < top - 1 and after > bottom + 1:
        start = starts[before]          # blank lines on both sides: those above go
    return start, end
