"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

One run; the driver lists every rule (id, descriptions, help text, default level, link) and
each result points at its rule by id and index. Regions use 1-based lines and columns that
count Unicode code points (`columnKind: unicodeCodePoints`), end column exclusive, as SARIF
defines them. Related locations carry the notes; safe fixes become SARIF fixes. Files that
could not be read are tool execution notifications.
"""
from __future__ import annotations

import json
from urllib.parse import quote

from ..core.version import package_version

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/newslint/"


def render(results, options, stream) -> None:
    rules = dict(options.rules or {})
    ids = sorted(set(rules) | {d.rule for r in results for d in r.diagnostics})
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    out_results, notifications = [], []
    for result in results:
        uri = _uri(result.path)
        if result.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": str(result.error.message)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            })
        lines = None  # the file's line index, built once, for the first fix
        for d in result.diagnostics:
            entry = {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": LEVELS[d.level.value],
                "message": {"text": d.message},
                "locations": [_location(uri, d.line, d.column, d.end_line, d.end_column)],
            }
            if d.related:
                entry["relatedLocations"] = [
                    {"id": i, **_location(uri, r.line, r.column, r.end_line, r.end_column),
                     "message": {"text": r.message}}
                    for i, r in enumerate(d.related, 1)]
            if d.fix is not None and d.fix.safe and d.fix.edits:
                if lines is None:
                    from ..document.positions import LineIndex
                    lines = LineIndex(result.text)
                entry["fixes"] = [_fix(uri, lines, d)]
            if d.suggestions:
                entry["properties"] = {"suggestions": list(d.suggestions)}
            out_results.append(entry)

    run = {
        "tool": {"driver": {
            "name": "newslint",
            "version": package_version(),
            "informationUri": INFORMATION_URI,
            "rules": [_rule(rule_id, rules.get(rule_id)) for rule_id in ids],
        }},
        "columnKind": "unicodeCodePoints",
        "results": out_results,
        "invocations": [{
            "executionSuccessful": not notifications,
            "toolExecutionNotifications": notifications,
        }],
    }
    json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _uri(path: str | None) -> str:
    """A relative URI reference for a path: percent-encoded, and without a bare ':' that
    would read as a scheme."""
    return quote((path or "-").replace("\\", "/"), safe="/@-._~!$&'()*+,;=")


def _location(uri: str, line: int, column: int, end_line: int, end_column: int) -> dict:
    region = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


def _fix(uri: str, lines, d) -> dict:
    replacements = []
    for e in d.fix.edits:
        line, column = lines.position(e.offset)
        end_line, end_column = lines.position(e.offset + e.length)
        replacements.append({
            "deletedRegion": {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column},
            "insertedContent": {"text": e.replacement},
        })
    return {"description": {"text": f"Apply the fix of {d.rule}"},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}]}


def _rule(rule_id: str, rule) -> dict:
    family, _, name = rule_id.partition("/")
    if rule is None:
        return {"id": rule_id, "name": name or rule_id}
    description = rule.description
    help_lines = [description]
    for text in rule.example.get("fail", [])[:1]:
        help_lines.append(f"Flagged: {text.strip()}")
    for text in rule.example.get("pass", [])[:1]:
        help_lines.append(f"Not flagged: {text.strip()}")
    help_lines.append(f"Turn it off with `rules: {{{rule_id}: off}}` in .newslint.yaml, "
                      f"or `<!-- newslint-disable-next-line {rule_id} -->` in the text.")
    out = {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": description},
        "fullDescription": {"text": description},
        "help": {"text": "\n".join(help_lines)},
        "defaultConfiguration": {"level": LEVELS[rule.level.value], "enabled": rule.enabled},
        "properties": {"family": family, "type": rule.extends, "tags": [family]},
    }
    if rule.link:
        out["helpUri"] = rule.link
    return out
