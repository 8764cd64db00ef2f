"""`--format rdjsonl`: reviewdog's Diagnostic Format, one JSON object per line.

    newslint check --format rdjsonl . | reviewdog -f=rdjsonl -reporter=github-pr-review

reviewdog counts columns in UTF-8 bytes (1-based, end exclusive), not characters, so columns
are converted here; lines are the same. Safe fixes become reviewdog suggestions.
"""
from __future__ import annotations

import json

from ..document.positions import LineIndex

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


class ByteColumns:
    """Character offsets of one text -> reviewdog positions (line, UTF-8 byte column)."""

    def __init__(self, text: str):
        self.text = text
        self.lines = LineIndex(text)

    def position(self, offset: int) -> dict:
        line, column = self.lines.position(offset)
        start = self.lines.starts[line - 1]
        prefix = self.text[start:start + column - 1]
        return {"line": line, "column": len(prefix.encode("utf-8", "surrogatepass")) + 1}

    def range(self, offset: int, length: int) -> dict:
        return {"start": self.position(offset), "end": self.position(offset + length)}


def render(results, options, stream) -> None:
    for result in results:
        if result.error is not None:
            stream.write(json.dumps({"message": str(result.error.message), "severity": "ERROR",
                                     "location": {"path": result.path}, "source": {"name": "newslint"}},
                                    ensure_ascii=False) + "\n")
        if not result.diagnostics:
            continue
        columns = ByteColumns(result.text)
        for d in result.diagnostics:
            entry = {
                "message": d.message,
                "location": {"path": result.path, "range": columns.range(d.offset, d.length)},
                "severity": SEVERITIES[d.level.value],
                "source": {"name": "newslint"},
                "code": {"value": d.rule, **({"url": d.link} if d.link else {})},
            }
            if d.fix is not None and d.fix.safe:
                entry["suggestions"] = [{"range": columns.range(e.offset, e.length), "text": e.replacement}
                                        for e in d.fix.edits]
            if d.related:
                entry["related_locations"] = [
                    {"message": r.message,
                     "location": {"path": result.path, "range": columns.range(r.offset, r.length)}}
                    for r in d.related]
            stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
