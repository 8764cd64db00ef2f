"""newslint: a data-quality linter for published news text.

    import newslint
    for d in newslint.check_text(text, format="markdown"):
        print(d.line, d.column, d.rule, d.message)

The diagnostics are the same objects the CLI prints.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from .core.diagnostic import Diagnostic, Edit, Fix, Level, Related
from .core.errors import NewslintError

__all__ = ["check_text", "check_file", "reload_configuration", "Diagnostic", "Related", "Fix", "Edit", "Level",
           "Format", "NewslintError", "__version__"]

Format = Literal["text", "markdown", "html"]

_linters: dict[Any, Any] = {}


def _linter(config: str | Path | None, page: bool | None = None):
    from .run.linter import Linter
    key = (str(config) if config is not None else None, page)
    if key not in _linters:
        _linters[key] = Linter(config_file=Path(config) if config is not None else None, page=page)
    return _linters[key]


def check_text(text: str, *, format: Format = "text", config: str | Path | None = None,
               metadata: dict[str, Any] | None = None, path: str | None = None,
               page: bool | None = None) -> list[Diagnostic]:
    """Lint `text` ("text", "markdown" or "html") and return its diagnostics, sorted by position.

    `config` is a configuration file (default: the one found from `path` or the working
    directory upward); `metadata` supplies what front matter would (date, title, url);
    `page=True` says the text is extracted from a whole web page (page mode, docs/pages.md;
    default: the configuration's `page:`).
    Raises NewslintError for configuration or rule errors, and for text that cannot be read.
    """
    result = _linter(config, page).lint_text(text, path=path, format=format, metadata=metadata)
    if result.error is not None:
        raise result.error
    return result.diagnostics


def check_file(path: str | Path, *, config: str | Path | None = None, page: bool | None = None) -> list[Diagnostic]:
    """Lint one file; its extension picks the format. Raises NewslintError if it cannot be read."""
    result = _linter(config, page).lint_file(Path(path))
    if result.error is not None:
        raise result.error
    return result.diagnostics


def reload_configuration() -> None:
    """Forget the configuration and rule files read so far: the next check reads them again.
    For long-running callers (an editor's language server) whose files change under them."""
    from .run.engine import forget_rules
    from .settings.config import forget_configurations
    forget_configurations()
    forget_rules()
    _linters.clear()


def __getattr__(name: str) -> Any:
    """`newslint.__version__`, looked up when asked for: importlib.metadata is slow to import,
    and the one-file run (a pre-commit hook) must not pay for it."""
    if name == "__version__":
        from .core.version import package_version
        return package_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "__version__"])
