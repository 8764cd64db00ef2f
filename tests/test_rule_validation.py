"""Every way a rule file can be wrong gives file:line:column, the key, exit status 2 and no
traceback. Each case writes a user rule pack with one bad rule and runs the real CLI."""
from __future__ import annotations

import pytest
import yaml
from conftest import run_cli

from newslint.checks import check_class, rule_types
from newslint.core.errors import OptionError, RuleError
from newslint.core.options import Option
from newslint.settings.rulebook import COMMON_KEYS, builtin_rules_dir, discover, load_rule

GOOD = "extends: existence\nmessage: found %s\ntokens: [foo]\n"

CASES = {
    "bad_yaml": ("extends: existence\nmessage: [unclosed\n", r"style/bad.yaml:3:1: error: not valid YAML"),
    "not_a_mapping": ("- just\n- a list\n", "style/bad.yaml:1:1: error: a rule file must be a mapping"),
    "missing_extends": ("message: hi\ntokens: [foo]\n", "missing required key 'extends'"),
    "unknown_type": ("extends: existance\nmessage: hi\n",
                     "style/bad.yaml:1:10: error: key 'extends': unknown rule type 'existance'"),
    "missing_message": ("extends: existence\ntokens: [foo]\n", "missing required key 'message'"),
    "unknown_key": (GOOD + "tokenz: [bar]\n",
                    "style/bad.yaml:4:1: error: key 'tokenz': unknown key 'tokenz' for an existence rule, "
                    "did you mean 'tokens'?"),
    "unknown_key_far_off": (GOOD + "colour: red\n",
                            "key 'colour': unknown key 'colour' for an existence rule; known keys: extends, "),
    "unknown_placeholder_an": ("extends: agreement\nmessage: '{nope}'\n",
                               "unknown placeholder {nope}; an agreement rule offers"),
    "mistyped_key": ("extends: existence\nmessage: hi\ntokens: foo: bar\n", "not valid YAML"),
    "wrong_type": ("extends: existence\nmessage: hi\ntokens: [foo]\nignorecase: sometimes\n",
                   "style/bad.yaml:4:13: error: key 'ignorecase': expected true or false, got 'sometimes'"),
    "bad_level": (GOOD + "level: fatal\n", "key 'level': expected one of error, warning, info"),
    "bad_scope": (GOOD + "scope: chapter\n",
                  "key 'scope': expected one of document, paragraph, sentence, line, heading"),
    "bad_regex": ("extends: existence\nmessage: hi\npatterns: ['(unclosed']\n",
                  "style/bad.yaml:3:11: error: key 'patterns': regular expression '(unclosed' does not compile"),
    "unknown_placeholder": ("extends: existence\nmessage: 'use {suggestion}'\ntokens: [foo]\n",
                            "key 'message': unknown placeholder {suggestion}"),
    "unbalanced_brace": ("extends: existence\nmessage: 'a { b'\ntokens: [foo]\n", "key 'message':"),
    "boolean_in_mapping": ("extends: substitution\nmessage: hi\nswap: {on: upon}\n",
                           "quote it"),
    "empty_requirements": ("extends: existence\nmessage: hi\n", "needs 'tokens' or 'patterns'"),
    "metric_without_threshold": ("extends: metric\nmessage: hi\nformula: flesch_kincaid_grade\n",
                                 "needs 'max' or 'min'"),
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


def test_every_bad_rule_file_is_named_not_only_the_first(tmp_path):
    (tmp_path / "rules" / "style").mkdir(parents=True)
    (tmp_path / "rules" / "style" / "one.yaml").write_text(GOOD + "tokenz: [bar]\n", encoding="utf-8")
    (tmp_path / "rules" / "style" / "two.yaml").write_text(GOOD + "level: fatal\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [rules]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some foo text.\n", encoding="utf-8")
    code, _, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2 and "Traceback" not in err
    assert [line.split(": error: ")[0].replace(f"{tmp_path}/rules/", "") for line in err.splitlines()] == [
        "style/one.yaml:4:1", "style/two.yaml:4:8"]


def test_every_mistake_in_one_rule_file_is_named_at_once(tmp_path):
    """Not one per run: a misspelt key, a bad level and an unknown option together (issue 14)."""
    (tmp_path / "rules" / "style").mkdir(parents=True)
    (tmp_path / "rules" / "style" / "one.yaml").write_text(
        "extends: existence\nmesage: hi\nlevel: warnign\ntokenz: [bar]\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [rules]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some foo text.\n", encoding="utf-8")
    code, _, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2 and "Traceback" not in err
    where = [line.split(": error: ")[0].replace(f"{tmp_path}/rules/", "") for line in err.splitlines()]
    assert where == ["style/one.yaml:1:1", "style/one.yaml:2:1", "style/one.yaml:3:8", "style/one.yaml:4:1"], err
    assert "did you mean 'message'?" in err and "did you mean 'tokens'?" in err
    assert "missing required key 'message'" in err


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


# Issue 7: every way a rule file can be wrong, each located at file:line:column with its key --

# for each option kind: values of the wrong shape, and values of the right shape that are wrong inside
WRONG = {
    "str": [["a", "list"], 3], "regex": [["a", "list"], "(unclosed"], "choice": [["a"], "nonsense"],
    "bool": ["maybe", 1], "int": ["ten", 2.5, 10 ** 10, True], "number": ["ten", float("nan"), float("inf")],
    "strings": [{"a": "mapping"}, [3], [""], [["nested"]]], "regexes": [{"a": "mapping"}, ["(unclosed"], [None]],
    "mapping": [["a", "list"], {"k": ["a list"]}, {"k": None}, {3: "x"}],
    "mapping_of_lists": [["a", "list"], {"k": {"a": "mapping"}}, {"k": [4]}],
    "mapping_of_numbers": [["a", "list"], {"k": "ten"}, {"k": 0.5}, {"k": float("nan")}, {3: 5}],
}
COMMON_KINDS = {"message": "str", "level": "choice", "scope": "choice", "link": "str", "description": "str",
                "enabled": "bool", "exclude_quotes": "bool", "template_text": "bool"}


def _one_rule_per_type() -> dict[str, dict]:
    """A shipped rule of every rule type, as the YAML data of its file."""
    found = {}
    for _, path in discover(builtin_rules_dir()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found.setdefault(data["extends"], data)
    return found


def _wrong_settings():
    for extends, data in sorted(_one_rule_per_type().items()):
        kinds = {**COMMON_KINDS, **{k: o.kind for k, o in check_class(extends).OPTIONS.items()}}
        for key, kind in kinds.items():
            for value in WRONG[kind]:
                yield extends, data, key, value


def test_every_rule_type_has_a_shipped_rule_to_start_from():
    assert set(_one_rule_per_type()) == set(rule_types())
    assert set(WRONG) >= {o.kind for name in rule_types() for o in check_class(name).OPTIONS.values()}


def _flow(value) -> str:
    dumped = yaml.safe_dump(value, default_flow_style=True, width=10 ** 6, allow_unicode=True)
    return dumped.replace("\n...\n", "").strip()


@pytest.mark.parametrize("extends,data,key,value", list(_wrong_settings()),
                         ids=lambda v: v if isinstance(v, str) else repr(v)[:20])
def test_a_wrong_value_for_any_option_of_any_rule_type_is_located(tmp_path, extends, data, key, value):
    """Each option of each rule type, given a value of the wrong kind (or the right kind, wrong
    inside): a RuleError at the key's line and column, naming the key, never another exception."""
    text = "".join(f"{k}: {_flow(v)}\n" for k, v in {**data, key: value}.items())  # a key and its value a line
    path = tmp_path / "style" / "wrong.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rule("style/wrong", path)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith(f"{key}:"))
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert f"key '{key}" in message, message
    assert len(message) < 600, message  # the value is shown cut short, whatever its size


def test_the_regex_kind_is_checked_too():
    """No shipped rule type has a single-pattern option today; the kind still refuses bad ones."""
    with pytest.raises(OptionError, match="expected a string, got a list"):
        Option("regex").convert(["x"])
    with pytest.raises(OptionError, match="does not compile"):
        Option("regex").convert("(x")
    assert Option("regex").convert("x+") == "x+"


def test_builtin_patterns_compile():
    """Shipped rules' patterns are compiled at their first search, not at load (start-up time):
    this test is what vouches for them. Every pattern of every shipped rule compiles, alone and
    in the alternations the checks build."""
    from newslint.core.patterns import RulePattern, any_pattern
    from newslint.run.engine import all_rules
    from newslint.settings.config import Config
    compiled = 0
    for rule in all_rules(Config()).values():
        if not rule.path.startswith(str(builtin_rules_dir())):
            continue
        options = check_class(rule.extends).OPTIONS
        for key, option in options.items():
            value = rule.options[key]
            if option.kind in ("regex", "regexes") and value:
                patterns = [value] if isinstance(value, str) else value
                for p in patterns:
                    RulePattern(p)._all()
                    compiled += 1
                for flags in (0, 2):  # IGNORECASE, as the checks use them
                    for alternation in any_pattern([p.lstrip("^") for p in patterns], flags):
                        assert len(alternation._all()) == 1, key  # one pattern, not part by part
        if rule.extends == "substitution" and rule.options["regex"]:
            for p in rule.options["swap"]:
                RulePattern(p)._all()
                compiled += 1
    assert compiled > 40


RULE_FILE_CASES = {
    # (file bytes, what the error says): whole-file mistakes, through the real CLI
    "empty_file": (b"", "style/bad.yaml:1:1: error: a rule file must be a mapping"),
    "only_whitespace": (b"  \n\n   \n", "style/bad.yaml:1:1: error: a rule file must be a mapping"),
    "a_tab_before_a_key": (b"\textends: existence\n", "style/bad.yaml:1:1: error: not valid YAML"),
    "only_a_comment": (b"# nothing here\n", "style/bad.yaml:1:1: error: a rule file must be a mapping"),
    "not_utf8": (b"extends: existence\nmessage: caf\xe9 %s\ntokens: [foo]\n",
                 "style/bad.yaml:2:13: error: not valid UTF-8: byte 0xe9 at byte offset 31"),
    "lone_surrogate_escape": (b'extends: existence\nmessage: "\\ud800 %s"\ntokens: [foo]\n',
                              "style/bad.yaml:2:10: error: a lone surrogate (U+D800) is not a character"),
    "two_documents": (GOOD.encode() + b"---\nextends: existence\n", "style/bad.yaml:4:1: error: not valid YAML"),
    "python_tag_in_a_value": (GOOD.encode() + b"level: !!python/name:os.system\n",
                              "style/bad.yaml:4:8: error: not valid YAML: could not determine a constructor"),
    "python_object_tag": (b"extends: existence\nmessage: hi\ntokens: !!python/object/new:os.system [echo pwned]\n",
                          "style/bad.yaml:3:9: error: not valid YAML"),
    "unhashable_key": (b"? [a]\n: b\n", "style/bad.yaml:1:3: error: not valid YAML"),
    "nested_too_deeply": (b"extends: existence\nmessage: hi\ntokens: " + b"[" * 5000 + b"]" * 5000 + b"\n",
                          "style/bad.yaml:3:108: error: not valid YAML: nested too deeply"),
}


def _billion_laughs() -> bytes:
    """Nested aliases: 13 short lines that stand for 9**13 strings when expanded."""
    items = ["&a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefghijkl", "bcdefghijklm"):
        items.append(f"&{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return ("extends: existence\nmessage: hi\ndescription: [" + ", ".join(items) + "]\ntokens: [*m]\n").encode()


RULE_FILE_CASES["billion_laughs"] = (_billion_laughs(), "style/bad.yaml:4:9: error: key 'tokens': item [[[")


@pytest.mark.parametrize("name", sorted(RULE_FILE_CASES))
def test_bad_rule_file_bytes_are_located(tmp_path, name):
    data, expected = RULE_FILE_CASES[name]
    (tmp_path / "rules" / "style").mkdir(parents=True)
    (tmp_path / "rules" / "style" / "bad.yaml").write_bytes(data)
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [rules]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some foo text.\n", encoding="utf-8")
    code, out, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2, (out, err)
    assert "Traceback" not in err
    assert expected in err, err
    assert len(err) < 2000  # one line, not the expansion of a bomb


def test_a_substitution_regex_key_that_does_not_compile_is_located(tmp_path):
    path = tmp_path / "style" / "swap.yaml"
    path.parent.mkdir()
    path.write_text("extends: substitution\nmessage: hi\nregex: true\nswap:\n  'colou?r': colour\n  '(unclosed': x\n",
                    encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rule("style/swap", path)
    assert str(info.value).startswith(f"{path}:6:16: error: key 'swap.(unclosed': regular expression")


def test_common_keys_are_all_covered():
    assert set(COMMON_KINDS) | {"extends", "example"} == set(COMMON_KEYS)
