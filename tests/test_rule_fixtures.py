"""Data-driven rule tests, sqlfluff style: tests/fixtures/rules/<family>/<rule>.yaml.

Each file names its rule and holds cases: `fail_str` with the expected `violations` (line, column,
end_line, end_column, suggestions, and `safe`: whether its fix may be applied unread) and optionally
`fix_str`, the text after applying the rule's fixes; or `pass_str`, which must give no finding.
`settings` (per file or per case) configure the rule as a .newslint.yaml would; `config` (per case)
adds top-level configuration keys such as `language` or `vocabulary`; `format` picks the reader.
"""
from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES, lint

from newslint.run.fix import apply_edits

CASES = []
for path in sorted((FIXTURES / "rules").glob("*/*.yaml")):
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name, case in spec["cases"].items():
        CASES.append(pytest.param(spec["rule"], spec.get("settings", {}), case, id=f"{spec['rule']}:{name}"))


def _lint_case(rule: str, file_settings: dict, case: dict, text: str):
    settings = {**file_settings, **case.get("settings", {})}
    # `config`: top-level configuration keys for the case (language, vocabulary, ...)
    config = {**case.get("config", {}), "rules": {rule: settings or True}}
    return [d for d in lint(text, format=case.get("format", "text"), select=[rule], config=config)
            if d.rule == rule]


@pytest.mark.parametrize("rule,file_settings,case", CASES)
def test_rule_fixture(rule, file_settings, case, request, monkeypatch):
    if rule == "grammar/languagetool":  # LanguageTool rules need the real server
        monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", request.getfixturevalue("languagetool_url"))
    if "pass_str" in case:
        found = _lint_case(rule, file_settings, case, case["pass_str"])
        assert found == [], [f"{d.line}:{d.column} {d.message}" for d in found]
        return
    text = case["fail_str"]
    found = _lint_case(rule, file_settings, case, text)
    expected = case["violations"]
    got = [{"line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
            "suggestions": d.suggestions, "safe": bool(d.fix and d.fix.safe)} for d in found]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        want = {"end_line": e["line"], "suggestions": g["suggestions"], "safe": g["safe"], **e}
        assert g == want
    if "fix_str" in case:
        fixed, _ = apply_edits(text, [edit for d in found if d.fix for edit in d.fix.edits])
        assert fixed == case["fix_str"]


def test_every_builtin_rule_has_a_fixture_file():
    from newslint.settings.rulebook import builtin_rules_dir, discover
    covered = {yaml.safe_load(p.read_text())["rule"] for p in (FIXTURES / "rules").glob("*/*.yaml")}
    missing = [rule_id for rule_id, _ in discover(builtin_rules_dir()) if rule_id not in covered]
    assert missing == []
