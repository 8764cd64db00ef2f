"""One input's work, in one place: find its configuration, read it, lint it, fix it or diff it.

`Linter` is what every interface holds: the CLI makes one per run, the Python API one per
process. Engines are cached per configuration file and per set of overrides that apply.
`process(input, mode)` is the whole of one file's (or standard input's) work: lint, or with
--fix apply the safe fixes and write the file atomically, or with --diff describe them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Union

from ..core.diagnostic import Diagnostic
from ..core.errors import ConfigError, InputError, NewslintError
from ..document.model import Document
from ..document.readers import decode, format_for_path
from ..settings.config import Config, config_for
from .engine import Engine, with_rule_setting_errors
from .fix import MAX_PASSES, apply_safe_fixes, unified_diff, write_atomic

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


@dataclass(frozen=True)
class TextInput:
    """Text that is not read from a file here (standard input): its name, and its text or why it
    could not be read."""

    name: str
    text: str = ""
    error: InputError | None = None


Input = Union[Path, TextInput]


class Linter:
    def __init__(self, *, config_file: Path | None = None, select: Iterable[str] = (),
                 ignore: Iterable[str] = (), statistics: bool = False,
                 max_bytes: int = DEFAULT_MAX_BYTES, metadata: dict[str, Any] | None = None,
                 page: bool | None = None, repeated: frozenset[str] = frozenset()):
        self.config_file = config_file
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self.statistics = statistics
        self.max_bytes = max_bytes
        self.metadata = metadata or {}  # for every input, over its front matter (e.g. --date)
        self.page = page  # page mode (--page) over the configuration's `page:`
        self.repeated = repeated  # lines many files of the run share (page mode; run_furniture)
        self._engines: dict[tuple, Engine] = {}

    def config(self, directory: Path | None = None) -> Config:
        """The configuration that applies in `directory` (default: the working directory)."""
        try:
            return config_for(directory or Path.cwd(), self.config_file)
        except ConfigError as exc:
            raise with_rule_setting_errors(exc) from None

    def engine(self, path: Path | None) -> Engine:
        config = self.config(path.parent if path is not None else None)
        applied, _ = config.rule_settings(path)
        key = (config.source, applied)
        engine = self._engines.get(key)
        if engine is None:
            engine = self._engines[key] = Engine.build(config, path, self.select, self.ignore, self.page,
                                                       self.repeated)
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

    def uses(self, rule_type: str) -> bool:
        """Whether a rule of this type ran (or would run) in any engine of this run."""
        return any(rule.extends == rule_type for engine in self._engines.values() for rule in engine.rules)

    def process(self, item: Input, mode: str | None = None) -> FileResult:
        """One input's whole work: lint it; with mode 'fix' apply its safe fixes and write the
        file (atomically); with 'diff' describe them as a unified diff. The diagnostics are those
        of the text as it is, or would be, afterwards."""
        if isinstance(item, TextInput):
            if item.error is not None:
                return FileResult(item.name, error=item.error)
            name, text, data = item.name, item.text, None
        elif mode is None:
            return self.lint_file(item)
        else:
            name = str(item)
            try:
                data, text = self.read(item, name)
            except InputError as exc:
                return FileResult(name, error=exc)
        if mode is None:
            return self.lint_text(text, path=name)
        result = self.fix(text, name)
        if result.error is not None or not result.fixed:
            return result
        if mode == "diff":
            result.diff = unified_diff(text[1:] if text.startswith("\ufeff") else text, result.text, name)
        elif mode == "fix" and data is not None:
            bom = "\ufeff" if text.startswith("\ufeff") else ""
            try:
                write_atomic(Path(name), (bom + result.text).encode("utf-8"), data)
            except InputError as exc:
                original = self.lint_text(text, path=name)
                original.error = exc
                return original
        return result

    def fix(self, text: str, name: str | None = None, format: str | None = None) -> FileResult:
        """The FileResult of `text` after its safe fixes, applied pass after pass until none is
        left: `text` holds the fixed text (without a byte-order mark), `fixed` how many fixes
        were applied, `diagnostics` what remains."""
        body = text[1:] if text.startswith("\ufeff") else text
        if body.startswith("\ufeff"):  # a second mark: the linted text would not be the fixed one
            return self.lint_text(text, path=name, format=format)
        fmt = format or format_for_path(name)
        result = self.lint_text(body, path=name, format=fmt)
        applied = 0
        for _ in range(MAX_PASSES):
            if result.error is not None:
                return result
            new, count = apply_safe_fixes(body, result.diagnostics, fmt)
            if count == 0 or new == body:
                break
            body, applied = new, applied + count
            result = self.lint_text(body, path=name, format=fmt)
        result.fixed = applied
        return result


def document_statistics(doc: Document) -> dict[str, Any]:
    """Word and sentence counts and readability figures of the article body (headings aside)."""
    from ..document.segment import WORD
    from ..resources.readability import statistics
    body = [b for b in doc.blocks if b.kind != "heading"]
    prose = "\n".join(doc.view[b.start:b.end] for b in body)
    sentences = sum(1 for s, e in doc.sentences if any(b.start <= s and e <= b.end for b in body))
    return statistics(prose, len(WORD.findall(prose)), sentences)
