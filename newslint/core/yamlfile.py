"""YAML loading that remembers where every key is, so that errors can name file:line:column.

Loading is always `yaml.safe_load`: no YAML tag can build a Python object or run code. The
node tree (`yaml.compose`, also safe) is kept only to answer "where is this key?".
"""
from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import NewslintError

# libyaml's parser when PyYAML has it: the same safe loading, several times faster (start-up
# reads every rule file). Errors are re-read with the Python parser for its exact messages.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_SURROGATE = re.compile("[\ud800-\udfff]")


class LocatedYaml:
    """Parsed YAML data plus the positions of its keys."""

    def __init__(self, text: str, path: str, error: type[NewslintError] = NewslintError):
        self.path = path
        self.error_class = error
        try:
            parsed = None
            if _FAST_LOADER is not None:
                try:
                    parsed = _parse(text, _FAST_LOADER)
                except yaml.YAMLError:
                    pass  # the Python parser says what is wrong
            self._root, self.data = parsed or _parse(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = " ".join(p for p in (exc.context, exc.problem) if p) or "not valid YAML"
            raise error(problem if isinstance(exc, NotADate) else f"not valid YAML: {problem}", path,
                        mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
        except yaml.YAMLError as exc:
            raise error(f"not valid YAML: {exc}", path) from None
        except RecursionError:
            line, column = _too_deep(text)
            raise error("not valid YAML: nested too deeply", path, line, column) from None
        self._check_duplicates(self._root)

    def _check_duplicates(self, root: yaml.Node | None) -> None:
        """Duplicate keys, and lone surrogates ("\\ud800" is no character: it could not even be
        printed). Every node once, without recursion: aliases share nodes (a 'billion laughs'
        file of nested aliases is a few lines and 9**12 nodes when walked as a tree), and
        nesting may be deep."""
        pending, visited = [root], set()
        while pending:
            node = pending.pop()
            if id(node) in visited:
                continue
            visited.add(id(node))
            if isinstance(node, yaml.ScalarNode):
                bad = _SURROGATE.search(node.value)
                if bad:
                    raise self.error_class(f"a lone surrogate (U+{ord(bad.group()):04X}) is not a character",
                                           self.path, node.start_mark.line + 1, node.start_mark.column + 1)
                continue
            if not isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
                continue
            if isinstance(node, yaml.SequenceNode):
                pending.extend(reversed(node.value))
                continue
            seen: set[str] = set()
            for key, _value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        raise self.error_class("duplicate key", self.path, key.start_mark.line + 1,
                                               key.start_mark.column + 1, key.value)
                    seen.add(key.value)
            pending.extend(item for pair in reversed(node.value) for item in reversed(pair))

    def where(self, *keys: str | int, at_key: bool = False) -> tuple[int | None, int | None]:
        """1-based line and column of the value at `keys` (or of the key itself), going as
        deep as the document goes."""
        node = self._root
        found = node
        for key in keys:
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                        child = v
                        found = k if at_key or key != keys[-1] else v
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                child = found = node.value[key]
            if child is None:
                break
            node = child
        if found is None:  # an empty document: its start
            return 1, 1
        return found.start_mark.line + 1, found.start_mark.column + 1

    def fail(self, message: str, *keys: str | int, at_key: bool = False) -> NewslintError:
        """An error at the value of `keys` (or at the key, for a key that should not be there)."""
        line, column = self.where(*keys, at_key=at_key)
        name = ".".join(str(k) for k in keys) if keys else None
        return self.error_class(message, self.path, line, column, name)


class NotADate(yaml.constructor.ConstructorError):
    """A YAML timestamp that is no date (2024-02-30, 2024-13-01), with where it stands.

    YAML reads such a value as a timestamp, and PyYAML raises a bare ValueError building it,
    with no position: every reader of YAML (configuration, rule files, front matter) turns that
    into this error instead, found again in the node tree."""


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data, from one parse (a safe loader: no tag builds an object)."""
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        try:
            return root, loader.construct_document(root) if root is not None else None
        except ValueError:
            error = _impossible_timestamp(root)
            if error is None:
                raise
            raise error from None
    finally:
        loader.dispose()


def _impossible_timestamp(root: yaml.Node | None) -> NotADate | None:
    """The first timestamp of the tree that is no date, as a NotADate (each node once: aliases)."""
    checker = yaml.SafeLoader("")
    pending, visited = [root], set()
    try:
        while pending:
            node = pending.pop()
            if node is None or id(node) in visited:
                continue
            visited.add(id(node))
            if isinstance(node, yaml.ScalarNode):
                if node.tag == "tag:yaml.org,2002:timestamp":
                    try:
                        checker.construct_yaml_timestamp(node)
                    except ValueError as exc:
                        return NotADate(None, None, f"not a date: {node.value} ({exc})", node.start_mark)
            elif isinstance(node, yaml.SequenceNode):
                pending.extend(reversed(node.value))
            elif isinstance(node, yaml.MappingNode):
                pending.extend(item for pair in reversed(node.value) for item in reversed(pair))
        return None
    finally:
        checker.dispose()


def safe_data(text: str) -> Any:
    """`yaml.safe_load(text)`, through libyaml's safe loader when PyYAML has it: newslint's own
    data files (people, abbreviations) are read on every run, and the Python parser takes
    several milliseconds each. A timestamp that is no date is a NotADate (a YAMLError)."""
    try:
        if _FAST_LOADER is not None:
            try:
                return yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 - a safe loader
            except yaml.YAMLError:
                pass  # the Python parser says what is wrong
        return yaml.safe_load(text)
    except ValueError:
        error = _impossible_timestamp(yaml.compose(text, Loader=yaml.SafeLoader))
        if error is None:
            raise
        raise error from None


def _too_deep(text: str, limit: int = 100) -> tuple[int | None, int | None]:
    """Where brackets first nest `limit` deep (quotes aside), for the error of a file too deep to read."""
    depth, line, column, quote = 0, 1, 0, ""
    for ch in text:
        column += 1
        if ch == "\n":
            line, column = line + 1, 0
        elif quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth >= limit:
                return line, column
        elif ch in "]}":
            depth -= 1
    return None, None
