"""Configuration: discovery from the file upward, validation with locations, and what it changes."""
from __future__ import annotations

import pytest
from conftest import run_cli

from newslint.core.errors import ConfigError
from newslint.settings.config import config_for, find_config, load_config

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
    ("colour: blue\n", ".newslint.yaml:1:1: error: key 'colour': unknown configuration key"),
    ("language: fr\n", ".newslint.yaml:1:11: error: key 'language': expected one of auto, en-US, en-GB"),
    ("fail_on: fatal\n", "key 'fail_on': expected one of error, warning, info"),
    ("rules:\n  style: maybe\n", ".newslint.yaml:2:10: error: key 'rules.style': expected on, off, or a mapping"),
    ("rules:\n  stlye: off\n", "key 'rules.stlye': no rule or family named 'stlye'"),
    ("rules:\n  readability/sentence-length: {max: many}\n",
     "key 'rules.readability/sentence-length.max': expected an integer"),
    ("rules:\n  readability/sentence-length: {colour: red}\n", "unknown setting for rule readability/sentence-length"),
    ("rules:\n  style: {swap: {a: b}}\n", "a family takes only 'level'"),
    ("rule_paths: [nowhere]\n", "rule directory"),
    ("overrides:\n  - rules: {style: off}\n", "each override needs 'files'"),
    ("vocabulary: {accept: [ok], maybe: [x]}\n", "key 'vocabulary'"),
    ("include: 7\n", "key 'include': expected a list of non-empty strings"),
    ("rules: [\n", "not valid YAML"),
])
def test_config_errors_are_located(tmp_path, write, text, expected):
    write(".newslint.yaml", text)
    write("a.txt", ARTICLE)
    code, out, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2, (out, err)
    assert expected in err and "Traceback" not in err, err


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
