"""Every way a rule file can be wrong gives file:line:column, the key, exit status 2 and no
traceback. Each case writes a user rule pack with one bad rule and runs the real CLI."""
from __future__ import annotations

import pytest

from conftest import run_cli

GOOD = "extends: existence\nmessage: found %s\ntokens: [foo]\n"

CASES = {
    "bad_yaml": ("extends: existence\nmessage: [unclosed\n", r"style/bad.yaml:3:1: error: not valid YAML"),
    "not_a_mapping": ("- just\n- a list\n", "style/bad.yaml:1:1: error: a rule file must be a mapping"),
    "missing_extends": ("message: hi\ntokens: [foo]\n", "missing required key 'extends'"),
    "unknown_type": ("extends: existance\nmessage: hi\n", "style/bad.yaml:1:10: error: key 'extends': unknown rule type 'existance'"),
    "missing_message": ("extends: existence\ntokens: [foo]\n", "missing required key 'message'"),
    "unknown_key": (GOOD + "tokenz: [bar]\n", "style/bad.yaml:4:1: error: key 'tokenz': unknown key for a existence rule"),
    "mistyped_key": ("extends: existence\nmessage: hi\ntokens: foo: bar\n", "not valid YAML"),
    "wrong_type": ("extends: existence\nmessage: hi\ntokens: [foo]\nignorecase: sometimes\n",
                   "style/bad.yaml:4:13: error: key 'ignorecase': expected true or false, got str 'sometimes'"),
    "bad_level": (GOOD + "level: fatal\n", "key 'level': expected one of error, warning, info"),
    "bad_scope": (GOOD + "scope: chapter\n", "key 'scope': expected one of document, paragraph, sentence, line, heading"),
    "bad_regex": ("extends: existence\nmessage: hi\npatterns: ['(unclosed']\n",
                  "style/bad.yaml:3:11: error: key 'patterns': regular expression '(unclosed' does not compile"),
    "unknown_placeholder": ("extends: existence\nmessage: 'use {suggestion}'\ntokens: [foo]\n",
                            "key 'message': unknown placeholder {suggestion}"),
    "unbalanced_brace": ("extends: existence\nmessage: 'a { b'\ntokens: [foo]\n", "key 'message':"),
    "boolean_in_mapping": ("extends: substitution\nmessage: hi\nswap: {on: upon}\n",
                           "quote it"),
    "empty_requirements": ("extends: existence\nmessage: hi\n", "needs 'tokens' or 'patterns'"),
    "metric_without_threshold": ("extends: metric\nmessage: hi\nformula: flesch_kincaid_grade\n", "needs 'max' or 'min'"),
    "unknown_formula": ("extends: metric\nmessage: hi\nformula: vibes\nmax: 3\n", "key 'formula': expected one of"),
    "negative_limit": ("extends: sentence-length\nmessage: hi\nmax: 0\n", "key 'max': must be at least 1"),
    "duplicate_key": (GOOD + "message: again\n", "style/bad.yaml:4:1: error: key 'message': duplicate key"),
    "python_tag": ("extends: !!python/object/apply:os.system ['true']\nmessage: hi\n", "not valid YAML"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_rule_file_is_located(tmp_path, name):
    text, expected = CASES[name]
    (tmp_path / "rules" / "style").mkdir(parents=True)
    (tmp_path / "rules" / "style" / "bad.yaml").write_text(text, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [rules]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some foo text.\n", encoding="utf-8")
    code, out, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2
    assert "Traceback" not in err
    assert expected in err, err


def test_unknown_family_folder_is_named(tmp_path):
    (tmp_path / "rules" / "stlye").mkdir(parents=True)
    (tmp_path / "rules" / "stlye" / "x.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [rules]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    code, _, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2 and "'stlye' is not a rule family" in err


def test_a_good_user_rule_runs(tmp_path):
    (tmp_path / "rules" / "style").mkdir(parents=True)
    (tmp_path / "rules" / "style" / "foo.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [rules]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some foo text.\n", encoding="utf-8")
    code, out, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 0, err  # a warning does not reach the default --fail-on error
    assert "a.txt:1:6: warning: found foo [style/foo]" in out
