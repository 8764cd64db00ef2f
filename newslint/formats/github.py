"""`--format github`: GitHub Actions workflow commands, which become annotations on the diff.

    ::error file=story.md,line=3,col=46,endLine=3,endColumn=48,title=consistency/abbreviations::message

Escaped as GitHub's toolkit (@actions/core) does: in the message `%`, CR and LF; in property
values also `:` and `,`. Levels: error -> error, warning -> warning, info -> notice. Related
locations and suggestions go on extra lines of the message.
"""
from __future__ import annotations

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render(results, options, stream) -> None:
    for result in results:
        if result.error is not None:
            stream.write(command("error", {"file": result.path, "title": "newslint"},
                                 str(result.error.message)) + "\n")
        for d in result.diagnostics:
            lines = [d.message]
            if d.suggestions:
                lines.append(f"suggestion: {', '.join(d.suggestions[:5])}")
            lines += [f"note: line {r.line}, column {r.column}: {r.message}" for r in d.related]
            properties = {"file": result.path, "line": d.line, "col": d.column,
                          "endLine": d.end_line, "endColumn": d.end_column, "title": d.rule}
            stream.write(command(COMMANDS[d.level.value], properties, "\n".join(lines)) + "\n")
