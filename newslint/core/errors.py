"""Errors that end a run with exit status 2 and a one-line message, never a traceback."""
from __future__ import annotations

import reprlib
from contextlib import contextmanager
from typing import Any, Iterable, Iterator


class NewslintError(Exception):
    """A usage, configuration or rule error, printed as `where: error: message`."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None, key: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.key = key
        self.more: tuple[NewslintError, ...] = ()  # the other errors found in the same pass

    def __reduce__(self) -> tuple:
        """What a worker process sends back: the error as it is printed, without what a subclass
        holds for later checks (a ConfigError's partial configuration holds closures, which do not
        pickle; the run would end in a traceback instead of the message)."""
        return _rebuilt, (type(self), self.message, self.path, self.line, self.column, self.key, self.more)

    def __str__(self) -> str:
        where = self.path or ("<text>" if self.line is not None else "newslint")  # a text given without a path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f"key '{self.key}': " if self.key else ""
        return "\n".join([f"{where}: error: {key}{self.message}", *map(str, self.more)])


def _rebuilt(kind: type[NewslintError], message: str, path: str | None, line: int | None, column: int | None,
             key: str | None, more: tuple[NewslintError, ...]) -> NewslintError:
    error = kind(message, path, line, column, key)
    error.more = more
    return error


class Errors:
    """The errors of one pass over a file (or a set of files), so that a run names every mistake
    at once instead of one per run: `with errors.gathered(): ...` around each part that may
    fail, then `errors.raise_any()`."""

    def __init__(self) -> None:
        self.found: list[NewslintError] = []

    @contextmanager
    def gathered(self) -> Iterator[None]:
        try:
            yield
        except NewslintError as exc:
            self.add(exc)

    def add(self, error: NewslintError) -> None:
        self.found += [error, *error.more]
        error.more = ()

    def raise_any(self) -> None:
        """The first error, holding the others (each said once, in the files' order), if any."""
        if not self.found:
            return
        unique = sorted({str(e): e for e in self.found}.values(),
                        key=lambda e: (e.path or "", e.line or 0, e.column or 0))
        unique[0].more = tuple(unique[1:])
        raise unique[0]


class RuleError(NewslintError):
    """A rule file that cannot be loaded: bad YAML, unknown type, bad key or bad pattern."""


class ConfigError(NewslintError):
    """A configuration file (.newslint.yaml or [tool.newslint]) that is not valid."""

    partial: Any = None  # what could be read of it, so that its rule settings can be checked too


class InputError(NewslintError):
    """A file that cannot be linted: unreadable, not UTF-8, binary or too large."""


class SkippedInput(InputError):
    """A file that is not text at all (binary): the CLI skips it with a note, not an error."""


_BRIEF = reprlib.Repr()
_BRIEF.maxlevel, _BRIEF.maxlist, _BRIEF.maxdict, _BRIEF.maxstring, _BRIEF.maxother = 2, 4, 4, 60, 60


def brief(value: object) -> str:
    """repr() for error messages, cut short: a value from a file may be huge, or a YAML alias
    bomb whose full repr would not fit in memory."""
    return _BRIEF.repr(value)


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known name `name` is most likely a typo of, if any ("acept" -> "accept")."""
    import difflib
    found = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return found[0] if found else None


def unknown(name: str, known: Iterable[str], what: str = "key", where: str = "") -> str:
    """"unknown key 'acept', did you mean 'accept'?" or, with nothing close, the known ones."""
    known = list(known)
    head = f"unknown {what} {name!r}{where}"
    match = closest(name, known)
    return f"{head}, did you mean {match!r}?" if match else f"{head}; known {what}s: {', '.join(known)}"


def with_article(word: str) -> str:
    """'an existence', 'a substitution' (rule type names: none starts with a silent or a 'yoo' sound)."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


class OptionError(ValueError):
    """A value that does not fit its Option; the message says what was expected, and `keys`,
    if given, where inside the option (e.g. the entry of a mapping)."""

    def __init__(self, message: str, *keys: str | int):
        super().__init__(message)
        self.keys = keys
