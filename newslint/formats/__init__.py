"""Output formats: one module per format, each with `render(results, options, stream)`.

Formatters only format: they get FileResults (diagnostics, statistics, errors) and write.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

FORMATS = {
    "text": "newslint.formats.text",
    "json": "newslint.formats.json",
    "sarif": "newslint.formats.sarif",
    "github": "newslint.formats.github",
    "rdjsonl": "newslint.formats.rdjsonl",
    "junit": "newslint.formats.junit",
}
NEEDS_RULES = ("sarif",)  # formats that describe every rule, not only those that fired


@dataclass
class OutputOptions:
    show_source: bool = False
    color: bool = False
    statistics: bool = False
    rules: dict | None = None  # rule id -> Rule, for formats that describe rules (SARIF)


def renderer(name: str):
    return importlib.import_module(FORMATS[name]).render


def summary(results) -> dict:
    """Counts shared by every format's summary."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for d in result.diagnostics:
            counts[d.level.value] += 1
    return {
        "files": len(results),
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
        "unreadable_files": sum(1 for r in results if r.error is not None),
    }
