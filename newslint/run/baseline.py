"""Baselines: record today's findings so that an archive can adopt newslint and only new
findings fail.

    newslint baseline archive/ -o .newslint-baseline.json
    newslint check --baseline .newslint-baseline.json archive/

An entry is a file (relative to the baseline's folder), a rule, the flagged text and a little
of the text either side of it on its line, with a count. Line numbers are not part of it, so
entries survive lines added or removed above them. Matching is done in two rounds per file
and rule: first on text and context, then what is left on the flagged text alone (the
context was edited); a finding is new when no entry is left for it.

A baseline written in page mode (`newslint baseline --page`) also keeps the lines that many of
its files share (page furniture, see checks/shared/page.py): a later `check --page --baseline`
counts them as repeated even when it lints one file.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Iterable

from ..core.errors import NewslintError

VERSION = 1
CONTEXT = 24  # characters of context kept on each side


def _normal(text: str) -> str:
    return " ".join(text.split())


def fingerprint(text: str, offset: int, length: int) -> tuple[str, str, str]:
    """(flagged text, context before, context after), whitespace-normalised, within the line."""
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    end = offset + length
    line_end = min((i for i in (text.find("\n", end), text.find("\r", end)) if i != -1), default=len(text))
    before = text[max(line_start, offset - CONTEXT):offset]
    after = text[end:min(line_end, end + CONTEXT)] if end <= line_end else ""
    return _normal(text[offset:end]), _normal(before), _normal(after)


def _key_path(path: str, root: Path) -> str:
    """`path` relative to `root` (resolved), as the baseline records it."""
    try:
        return Path(os.path.relpath(Path(path).resolve(), root)).as_posix()
    except ValueError:  # another drive
        return Path(path).as_posix()


def entries(results: Iterable, root: Path) -> list[dict]:
    root = root.resolve()

    def keys():
        for result in results:
            path = _key_path(result.path, root)
            for d in result.diagnostics:
                yield (path, d.rule, *fingerprint(result.text, d.offset, d.length))
    return counted(keys())


def counted(keys: Iterable[tuple[str, str, str, str, str]]) -> list[dict]:
    """Baseline entries from finding keys (file or article, rule, flagged text, before, after)."""
    counts = Counter(keys)
    return [{"path": p, "rule": r, "text": t, "before": b, "after": a, "count": n}
            for (p, r, t, b, a), n in sorted(counts.items())]


def write(path: Path, results: Iterable, furniture: Iterable[str] = ()) -> int:
    """Record the findings of `results` (and the run's repeated lines, `furniture`) in a
    baseline file; the number of findings recorded."""
    return write_entries(path, entries(results, path.parent), furniture=furniture)


def write_entries(path: Path, items: list[dict], keys: str = "path", furniture: Iterable[str] = ()) -> int:
    """Write baseline entries; `keys` says what their "path" holds (a file, or an article id)."""
    repeated = sorted(furniture)
    data = {"version": VERSION, "tool": "newslint", **({"keys": keys} if keys != "path" else {}),
            **({"furniture": repeated} if repeated else {}), "entries": items}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:  # no such folder, a folder by that name, no permission, a full disk
        try:
            tmp.unlink()
        except OSError:
            pass
        raise NewslintError(f"cannot write the baseline: {exc.strerror or exc}", str(path)) from None
    return sum(e["count"] for e in items)


class Baseline:
    def __init__(self, path: Path):
        self.path = path
        self.root = path.parent.resolve()
        # per file: (rule, text, before, after) and (rule, text) -> how many findings recorded
        self.exact: dict[str, Counter] = {}
        self.loose: dict[str, Counter] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            items = data["entries"]
            self.keys = data.get("keys", "path")  # what an entry's "path" holds: a file, or an article id
            self.furniture = frozenset(str(line) for line in data.get("furniture", []))
            if data.get("version") != VERSION or not isinstance(items, list):
                raise ValueError(f"expected version {VERSION} with a list of entries")
            for e in items:
                key = (e["rule"], e["text"])
                self.exact.setdefault(e["path"], Counter())[key + (e["before"], e["after"])] += int(e["count"])
                self.loose.setdefault(e["path"], Counter())[key] += int(e["count"])
        except OSError as exc:
            raise NewslintError(f"cannot read baseline: {exc.strerror or exc}", str(path)) from None
        except (ValueError, KeyError, TypeError) as exc:
            raise NewslintError(f"not a newslint baseline file ({exc})", str(path)) from None

    def filter(self, result) -> int:
        """Drop the findings of `result` that the baseline holds; how many were dropped."""
        if not result.diagnostics:
            return 0
        path = _key_path(result.path, self.root)
        if path not in self.exact:
            return 0
        known = self.known(path, [(d.rule, *fingerprint(result.text, d.offset, d.length))
                                  for d in result.diagnostics])
        result.diagnostics = [d for d, k in zip(result.diagnostics, known) if not k]
        return sum(known)

    def known(self, where: str, keys: list[tuple[str, str, str, str]]) -> list[bool]:
        """For each finding (rule, flagged text, before, after) of one file or article, in
        order: whether the baseline holds it."""
        if where not in self.exact:
            return [False] * len(keys)
        exact, loose = self.exact[where].copy(), self.loose[where].copy()  # this file's only
        known = [False] * len(keys)
        for i, key in enumerate(keys):  # round 1: text and context
            if exact[key] > 0:
                exact[key] -= 1
                loose[key[:2]] -= 1
                known[i] = True
        for i, key in enumerate(keys):  # round 2: the flagged text alone
            if not known[i] and loose[key[:2]] > 0:
                loose[key[:2]] -= 1
                known[i] = True
        return known
