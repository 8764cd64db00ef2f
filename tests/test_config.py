"""Configuration: discovery from the file upward, validation with locations, and what it changes."""
from __future__ import annotations

import pytest
from conftest import run_cli

from newslint.core.errors import ConfigError
from newslint.settings.config import KEYS, config_for, find_config, load_config

ARTICLE = "US envoys met. The US team left. U.S. aid rose.\n\nThe deal could also possibly help.\n"


def test_nearest_config_wins(tmp_path, write):
    write(".newslint.yaml", "rules: {style: off}\n")
    inner = write("desk/.newslint.yaml", "rules: {consistency: off}\n")
    write("desk/story/a.txt", ARTICLE)
    assert find_config(tmp_path / "desk" / "story") == inner
    assert find_config(tmp_path) == tmp_path / ".newslint.yaml"


def test_pyproject_table_is_found_and_applied(tmp_path, write):
    write("pyproject.toml", "[project]\nname='x'\n\n[tool.newslint]\nrules = {consistency = false}\n")
    write("a.txt", ARTICLE)
    code, out, _ = run_cli("check", "a.txt", cwd=tmp_path)
    assert "consistency/" not in out and "style/stacked-hedges" in out


def test_pyproject_without_table_is_ignored(tmp_path, write):
    write("pyproject.toml", "[project]\nname='x'\n")
    assert find_config(tmp_path) is None or find_config(tmp_path).parent != tmp_path


@pytest.mark.parametrize("text,expected", [
    ("colour: blue\n", ".newslint.yaml:1:1: error: key 'colour': unknown key 'colour'; known keys: language, "),
    ("langauge: en-GB\n",
     ".newslint.yaml:1:1: error: key 'langauge': unknown key 'langauge', did you mean 'language'?"),
    ("vocabulary:\n  acept: [Blinken]\n",
     ".newslint.yaml:2:3: error: key 'vocabulary.acept': unknown key 'acept', did you mean 'accept'?"),
    ("languagetool: {urll: 'http://x'}\n", "key 'languagetool.urll': unknown key 'urll', did you mean 'url'?"),
    ("overrides:\n  - files: [a]\n    rulez: {style: off}\n",
     ".newslint.yaml:3:5: error: key 'overrides.0.rulez': unknown key 'rulez', did you mean 'rules'?"),
    ("language: fr\n", ".newslint.yaml:1:11: error: key 'language': expected one of auto, en-US, en-GB"),
    ("fail_on: fatal\n", "key 'fail_on': expected one of error, warning, info"),
    ("rules:\n  style: maybe\n", ".newslint.yaml:2:10: error: key 'rules.style': expected on, off, or a mapping"),
    ("rules:\n  stlye: off\n", "key 'rules.stlye': no rule or family named 'stlye'; did you mean 'style'?"),
    ("rules:\n  readability/sentence-length: {max: many}\n",
     "key 'rules.readability/sentence-length.max': expected an integer"),
    ("rules:\n  readability/sentence-length: {colour: red}\n",
     "unknown setting 'colour' for rule readability/sentence-length"),
    ("rules:\n  readability/sentence-length: {mx: 3}\n", "key 'rules.readability/sentence-length.mx': unknown "
     "setting 'mx' for rule readability/sentence-length (sentence-length), did you mean 'max'?"),
    ("rules:\n  style: {swap: {a: b}}\n", "a family takes only 'level'"),
    ("rule_paths: [nowhere]\n", "rule directory"),
    ("overrides:\n  - rules: {style: off}\n", "each override needs 'files'"),
    ("vocabulary: {accept: [ok], maybe: [x]}\n",
     "key 'vocabulary.maybe': unknown key 'maybe'; known keys: accept, reject"),
    ("vocabulary: [ok]\n", "key 'vocabulary': expected a mapping with 'accept' and 'reject' word lists"),
    ("include: 7\n", "key 'include': expected a list of non-empty strings"),
    ("rules: [\n", "not valid YAML"),
])
def test_config_errors_are_located(tmp_path, write, text, expected):
    write(".newslint.yaml", text)
    write("a.txt", ARTICLE)
    code, out, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2, (out, err)
    assert expected in err and "Traceback" not in err, err


def test_every_configuration_error_is_shown_not_only_the_first(tmp_path, write):
    """One run names every mistake of the file, in the file's order (issue 14), and then every
    mistake in its rule settings, which can only be checked against the rules once the file
    itself is sound."""
    write(".newslint.yaml", "language: fr\nvocabulary:\n  acept: [Blinken]\n  reject: 7\nfail_on: fatal\n"
                            "colour: blue\n")
    write("a.txt", ARTICLE)
    code, _, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2 and "Traceback" not in err
    assert [line.replace(f"{tmp_path}/", "") for line in err.splitlines()] == [
        ".newslint.yaml:1:11: error: key 'language': expected one of auto, en-US, en-GB, got 'fr'",
        ".newslint.yaml:3:3: error: key 'vocabulary.acept': unknown key 'acept', did you mean 'accept'?",
        ".newslint.yaml:4:11: error: key 'vocabulary.reject': expected a list of non-empty strings",
        ".newslint.yaml:5:10: error: key 'fail_on': expected one of error, warning, info, got 'fatal'",
        ".newslint.yaml:6:1: error: key 'colour': unknown key 'colour'; known keys: " + ", ".join(KEYS),
    ]
    write(".newslint.yaml", "rules:\n  stlye: off\n  readability/sentence-length: {max: many, level: loud}\n"
                            "  style: {swap: {a: b}}\n")
    code, _, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2 and len(err.splitlines()) == 4, err
    assert "key 'rules.stlye': no rule or family named 'stlye'" in err
    assert "key 'rules.readability/sentence-length.max': expected an integer" in err
    assert "key 'rules.readability/sentence-length.level': expected one of error, warning, info" in err
    assert "key 'rules.style': a family takes only 'level'" in err  # said once, not once per style rule


def test_rule_setting_errors_are_shown_beside_the_files_other_errors(tmp_path, write):
    """A misspelt top-level key does not hide the mistakes under `rules:` and `overrides:` until
    the next run (the new-user walk of issue 14 needed two runs to see them all)."""
    write(".newslint.yaml", "langauge: en-GB\nrules:\n  spelling/doubled-wrod: off\n"
                            "  style/agency-names: {level: eror}\noverrides:\n  - files: ['*.md']\n"
                            "    rules: {readability/sentence-length: {maxx: 40}}\n")
    write("a.txt", ARTICLE)
    code, _, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2 and "Traceback" not in err
    assert [line.replace(f"{tmp_path}/", "") for line in err.splitlines()] == [
        ".newslint.yaml:1:1: error: key 'langauge': unknown key 'langauge', did you mean 'language'?",
        ".newslint.yaml:3:26: error: key 'rules.spelling/doubled-wrod': no rule or family named "
        "'spelling/doubled-wrod'; did you mean 'spelling/doubled-word'?",
        ".newslint.yaml:4:31: error: key 'rules.style/agency-names.level': expected one of error, warning, info, "
        "got 'eror'",
        ".newslint.yaml:7:49: error: key 'overrides.0.rules.readability/sentence-length.maxx': unknown setting "
        "'maxx' for rule readability/sentence-length (sentence-length), did you mean 'max'?",
    ]


def test_a_missing_rule_pack_does_not_make_its_rules_look_misspelt(tmp_path, write):
    write(".newslint.yaml", "rule_paths: [house]\nrules:\n  house/banned: off\n")
    write("a.txt", ARTICLE)
    code, _, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2 and "rule directory" in err and "does not exist" in err
    assert "house/banned" not in err, err


def test_pyproject_errors_name_the_table(tmp_path, write):
    write("pyproject.toml", "[tool.newslint]\ncolour = 'blue'\n")
    write("a.txt", ARTICLE)
    code, _, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2 and "pyproject.toml [tool.newslint]:2: error: key 'colour'" in err, err


def test_levels_options_and_families_can_be_set(tmp_path, write):
    write(".newslint.yaml", "rules:\n  consistency/abbreviations: {level: error}\n  style: off\n"
                            "  readability/sentence-length: {max: 3}\n")
    write("a.txt", ARTICLE)
    code, out, _ = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 1
    assert "error: 'U.S.' here" in out and "style/" not in out
    assert out.count("[readability/sentence-length]") == 2  # "The US team left." and the last one


def test_rules_off_by_default_can_be_turned_on(tmp_path, write):
    long_words = " ".join(["Notwithstanding institutional considerations, unprecedented administrative"
                           " decentralisation necessitates comprehensive reorganisation."] * 20)
    write(".newslint.yaml", "rules:\n  readability/document-grade: {enabled: true, max: 10}\n")
    write("a.txt", "Title\n\n" + long_words + "\n")
    _, out, _ = run_cli("check", "a.txt", cwd=tmp_path)
    assert "[readability/document-grade]" in out
    write(".newslint.yaml", "{}\n")
    _, out, _ = run_cli("check", "a.txt", cwd=tmp_path)
    assert "[readability/document-grade]" not in out


def test_per_glob_overrides(tmp_path, write):
    write(".newslint.yaml", "overrides:\n  - files: ['opinion/**']\n    rules: {style: off}\n")
    write("news/a.txt", ARTICLE)
    write("opinion/b.txt", ARTICLE)
    _, out, _ = run_cli("check", ".", cwd=tmp_path)
    assert "news/a.txt:3:10: info:" in out
    assert "opinion/b.txt" in out and "opinion/b.txt:3:10" not in out


def test_include_and_exclude_globs_steer_the_walk(tmp_path, write):
    write(".newslint.yaml", "include: ['*.md']\nexclude: ['drafts/**']\n")
    write("a.md", ARTICLE)
    write("b.txt", ARTICLE)
    write("drafts/c.md", ARTICLE)
    _, out, _ = run_cli("check", ".", "--format", "json", cwd=tmp_path)
    import json
    assert [f["path"] for f in json.loads(out)["files"]] == ["a.md"]


def test_explicit_config_file(tmp_path, write):
    cfg = write("conf/lint.yaml", "rules: {consistency: off, style: off}\n")
    write("a.txt", ARTICLE)
    _, out, _ = run_cli("check", "a.txt", "--config", str(cfg), cwd=tmp_path)
    assert "consistency/" not in out and "style/" not in out


def test_fail_on_from_config(tmp_path, write):
    write(".newslint.yaml", "fail_on: warning\n")
    write("a.txt", ARTICLE)
    code, _, _ = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 1


def test_config_loader_accepts_empty_file(tmp_path, write):
    path = write(".newslint.yaml", "")
    assert load_config(path).language == "auto"


def test_yaml_tags_cannot_run_code(tmp_path, write):
    marker = tmp_path / "pwned"
    write(".newslint.yaml", f"language: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(ConfigError):
        config_for(tmp_path)
    assert not marker.exists()
