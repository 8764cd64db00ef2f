"""`--format text`: compiler-style lines, `path:line:col: level: message [family/rule]`.

With --show-source (default on a terminal) each finding also shows its source line with a
caret underline, and `note:` lines for related locations. Colour only on a terminal, and
never when NO_COLOR is set. A summary line closes the report.
"""
from __future__ import annotations

from . import summary

_CONTEXT = 40  # characters of context shown either side of a finding
_MAX_CARETS = 80
_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m",
           "note": "\033[1;34m", "bold": "\033[1m", "caret": "\033[32m", "reset": "\033[0m"}


def render(results, options, stream) -> None:
    def paint(text: str, what: str) -> str:
        return f"{_COLORS[what]}{text}{_COLORS['reset']}" if options.color else text

    for result in results:
        lines = result.text.splitlines() if options.show_source and result.diagnostics else []
        for d in result.diagnostics:
            head = paint(f"{result.path}:{d.line}:{d.column}:", "bold")
            stream.write(f"{head} {paint(d.level.value + ':', d.level.value)} {d.message} [{d.rule}]\n")
            if options.show_source:
                _source(stream, lines, d.line, d.column, d.end_line, d.end_column, paint)
                if d.suggestions:
                    stream.write(f"    = suggestion: {', '.join(d.suggestions[:5])}\n")
            for r in d.related:
                stream.write(f"{result.path}:{r.line}:{r.column}: {paint('note:', 'note')} {r.message}\n")
        if result.statistics is not None:
            figures = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in result.statistics.items())
            stream.write(f"{result.path}: statistics: {figures}\n")
    stream.write(_summary_line(summary(results)) + "\n")


def _source(stream, lines, line, column, end_line, end_column, paint) -> None:
    """The finding's line, cut to a window around the span when it is long, and a caret."""
    if not 0 < line <= len(lines):
        return
    text = lines[line - 1].replace("\t", " ")
    start = column - 1
    end = end_column - 1 if end_line == line else len(text)
    end = min(max(end, start + 1), start + _MAX_CARETS)
    left = max(0, start - _CONTEXT)
    right = min(len(text), end + _CONTEXT)
    shown = ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
    pad = (start - left) + (1 if left else 0)
    stream.write(f"  {line:>4} | {shown}\n")
    stream.write(f"       | {' ' * pad}{paint('^' * (end - start), 'caret')}\n")


def _summary_line(s: dict) -> str:
    parts = []
    for key, word in (("errors", "error"), ("warnings", "warning"), ("infos", "info")):
        n = s[key]
        if n:
            parts.append(f"{n} {word}{'' if n == 1 else 's'}" if word != "info" else f"{n} info")
    unreadable = s["unreadable_files"]
    not_read = f"{unreadable} file{'' if unreadable == 1 else 's'} could not be read"
    checked = s["files"] - unreadable
    if unreadable and not checked:
        return f"no file checked: {not_read}"
    problems = ", ".join(parts) if parts else "no problems"
    return f"{problems} in {checked} file{'' if checked == 1 else 's'}" + (f"; {not_read}" if unreadable else "")
