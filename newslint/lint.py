"""Linting inputs: find the configuration, build (and reuse) the engine, read, lint.

`Linter` is what every interface holds: the CLI makes one per run, the Python API one per
process. Engines are cached per configuration file and per set of overrides that apply.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .config import Config, config_for
from .diagnostic import Diagnostic
from .document import Document, decode
from .engine import Engine
from .errors import InputError, NewslintError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass
class FileResult:
    """The outcome of linting one input."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str = ""
    statistics: dict[str, Any] | None = None
    error: NewslintError | None = None
    fixed: int = 0  # fixes applied (--fix) or that would be (--diff)
    diff: str | None = None  # --diff: the unified diff of the fixes
    notices: list[tuple[str, str]] = field(default_factory=list)  # (kind, message), e.g. a LanguageTool outage


class Linter:
    def __init__(self, *, config_file: Path | None = None, select: Iterable[str] = (),
                 ignore: Iterable[str] = (), statistics: bool = False,
                 max_bytes: int = DEFAULT_MAX_BYTES, metadata: dict[str, Any] | None = None):
        self.config_file = config_file
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self.statistics = statistics
        self.max_bytes = max_bytes
        self.metadata = metadata or {}  # for every input, over its front matter (e.g. --date)
        self._engines: dict[tuple, Engine] = {}

    def config(self, directory: Path | None = None) -> Config:
        """The configuration that applies in `directory` (default: the working directory)."""
        return config_for(directory or Path.cwd(), self.config_file)

    def engine(self, path: Path | None) -> Engine:
        config = self.config(path.parent if path is not None else None)
        applied, _ = config.rule_settings(path)
        key = (config.source, applied)
        engine = self._engines.get(key)
        if engine is None:
            engine = self._engines[key] = Engine.build(config, path, self.select, self.ignore)
        return engine

    def notices(self) -> list[tuple[str, str]]:
        """Notes from every engine of the run, each once: (kind, message)."""
        seen: dict[str, tuple[str, str]] = {}
        for engine in self._engines.values():
            for kind, message in engine.notices():
                seen.setdefault(message, (kind, message))
        return list(seen.values())

    def lint_text(self, text: str, *, path: str | None = None, format: str | None = None,
                  metadata: dict[str, Any] | None = None) -> FileResult:
        where = Path(path) if path else None
        engine = self.engine(where)
        try:
            doc = Document(text, path=path, format=format, metadata={**self.metadata, **(metadata or {})})
        except InputError as exc:
            exc.path = exc.path or path
            return FileResult(path or "-", error=exc)
        result = FileResult(path or "-", engine.lint(doc), doc.text)
        result.notices = engine.notices()  # travels back from worker processes with the result
        if self.statistics:
            result.statistics = document_statistics(doc)
        return result

    def read(self, path: Path, name: str) -> tuple[bytes, str]:
        """The file's bytes and text; InputError if it is too large, unreadable or not UTF-8."""
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise InputError(f"file is {size:,} bytes, over the limit of {self.max_bytes:,}"
                                 " (raise it with --max-bytes)", name)
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
        return data, decode(data, name)

    def lint_file(self, path: Path, display: str | None = None) -> FileResult:
        name = display or str(path)
        try:
            _, text = self.read(path, name)
        except InputError as exc:
            return FileResult(name, error=exc)
        return self.lint_text(text, path=name, format=None)


def document_statistics(doc: Document) -> dict[str, Any]:
    """Word and sentence counts and readability figures of the article body (headings aside)."""
    from .document.segment import WORD
    from .readability import statistics
    body = [b for b in doc.blocks if b.kind != "heading"]
    prose = "\n".join(doc.view[b.start:b.end] for b in body)
    sentences = sum(1 for s, e in doc.sentences if any(b.start <= s and e <= b.end for b in body))
    return statistics(prose, len(WORD.findall(prose)), sentences)
