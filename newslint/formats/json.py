"""`--format json`: {"version": 2, "files": [{"path", "diagnostics", ...}], "summary": {...}}.

`version` changes whenever a field is renamed or removed (a new field keeps it):
  2  summary.files_with_errors became summary.unreadable_files: it always counted the files
     that could not be read, not files with error-level findings (issue 14).
"""
from __future__ import annotations

import json

from . import summary

VERSION = 2


def render(results, options, stream) -> None:
    files = []
    for result in results:
        entry = {"path": result.path, "diagnostics": [d.to_dict() for d in result.diagnostics]}
        if result.error is not None:
            entry["error"] = str(result.error.message)
        if result.statistics is not None:
            entry["statistics"] = result.statistics
        files.append(entry)
    # dumps, not dump: only the one-shot encoder is the C one (several times faster)
    stream.write(json.dumps({"version": VERSION, "files": files, "summary": summary(results)},
                            ensure_ascii=False, indent=None))
    stream.write("\n")
