"""Finding the files to lint: directory walks with include and exclude globs.

Globs use `/` on every platform and are matched against the path relative to the
configuration's directory: `*` stays inside one path segment, `**` spans any number of them,
and a glob without `/` matches the file name in any directory (`*.md`).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
ALWAYS_SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".tox"})


@lru_cache(maxsize=512)
def glob_regex(glob: str) -> re.Pattern:
    glob = glob.strip("/")
    anywhere = "/" not in glob
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            out.append({"*": "[^/]*", "?": "[^/]"}.get(glob[i], re.escape(glob[i])))
            i += 1
    # a glob that names a directory also matches everything under it
    return re.compile(("(?:.*/)?" if anywhere else "") + "".join(out) + "(?:/.*)?\\Z")


def matches_any(relative: str, globs: Iterable[str]) -> bool:
    return any(glob_regex(g).match(relative) for g in globs)


def relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def walk(directory: Path, root: Path, include: Iterable[str], exclude: Iterable[str]) -> Iterator[Path]:
    """Files under `directory` that match `include` and not `exclude`, in a stable order."""
    include, exclude = tuple(include), tuple(exclude)
    for current, dirs, files in os.walk(directory):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if d not in ALWAYS_SKIPPED_DIRS and not d.startswith(".")
                         and not matches_any(relative_to(here / d, root) + "/", exclude))
        here_rel = relative_to(here, root)  # resolved once per folder, not once per file
        for name in sorted(files):
            path = here / name
            if os.path.islink(path):
                rel = relative_to(path, root)
            else:
                rel = name if here_rel == "." else f"{here_rel}/{name}"
            if matches_any(rel, include) and not matches_any(rel, exclude):
                yield path
