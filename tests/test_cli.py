"""The command line as a user meets it: output shapes, exit statuses, inputs and help."""
from __future__ import annotations

import json

from conftest import run_cli

STORY = ("Ministers agree budget deal\n\n"
         "U.S. officials said the U.S. plan was ready. US aid will follow.\n\n"
         "The plan could also possibly pass this week.\n\n"
         "Leave a Reply\n")


def test_text_output_is_compiler_style_with_summary(write, tmp_path):
    write("story.txt", STORY)
    code, out, err = run_cli("check", "story.txt", cwd=tmp_path)
    assert code == 1  # the boilerplate finding is an error
    lines = out.splitlines()
    assert ("story.txt:3:46: warning: 'US' here, but the article writes 'U.S.' twice "
            "[consistency/abbreviations]") in lines
    assert ("story.txt:7:1: error: 'Leave a Reply' is comment-form text from a web page, not part of the article "
            "[boilerplate/comment-form]") in lines
    assert lines[-1] == "1 error, 1 warning, 1 info in 1 file"
    assert "\033[" not in out  # not a terminal: no colour


def test_show_source_adds_caret_and_notes(write, tmp_path):
    write("story.txt", STORY)
    _, out, _ = run_cli("check", "story.txt", "--show-source", "--select", "consistency", cwd=tmp_path)
    lines = out.splitlines()
    source = next(i for i, line in enumerate(lines) if line.startswith("     3 | "))
    shown, carets = lines[source][len("     3 | "):], lines[source + 1][len("       | "):]
    assert carets.strip() == "^^" and shown[carets.index("^"):].startswith("US aid will follow.")
    assert "story.txt:3:1: note: 'U.S.' here" in out
    assert "= suggestion: U.S." in out


def test_color_always_and_no_color(write, tmp_path):
    write("story.txt", STORY)
    _, out, _ = run_cli("check", "story.txt", "--color", "always", cwd=tmp_path, env={"NO_COLOR": ""})
    assert "\033[1;31merror:" in out
    _, out, _ = run_cli("check", "story.txt", cwd=tmp_path, env={"NO_COLOR": "1"})
    assert "\033[" not in out


def test_json_output_shape(write, tmp_path):
    write("story.txt", STORY)
    code, out, _ = run_cli("check", "story.txt", "--format", "json", cwd=tmp_path)
    report = json.loads(out)
    assert report["version"] == 2 and code == 1
    (entry,) = report["files"]
    assert entry["path"] == "story.txt"
    d = next(d for d in entry["diagnostics"] if d["rule"] == "consistency/abbreviations")
    assert set(d) >= {"rule", "family", "level", "message", "line", "column", "end_line", "end_column",
                      "offset", "length", "suggestions", "related"}
    assert (d["family"], d["line"], d["column"], d["end_column"], d["suggestions"]) == \
        ("consistency", 3, 46, 48, ["U.S."])
    assert STORY[d["offset"]:d["offset"] + d["length"]] == "US"
    assert d["related"][0] == {"line": 3, "column": 1, "end_line": 3, "end_column": 5, "message": "'U.S.' here"}
    assert report["summary"] == {"files": 1, "errors": 1, "warnings": 1, "infos": 1, "unreadable_files": 0}


def test_fail_on_levels(write, tmp_path):
    write("hedge.txt", "The plan could also possibly pass.\n")
    assert run_cli("check", "hedge.txt", cwd=tmp_path)[0] == 0
    assert run_cli("check", "hedge.txt", "--fail-on", "warning", cwd=tmp_path)[0] == 0
    assert run_cli("check", "hedge.txt", "--fail-on", "info", cwd=tmp_path)[0] == 1


def test_select_and_ignore_take_ids_and_families(write, tmp_path):
    write("story.txt", STORY)
    _, out, _ = run_cli("check", "story.txt", "--select", "boilerplate,style/stacked-hedges", cwd=tmp_path)
    assert "[boilerplate/comment-form]" in out and "[style/stacked-hedges]" in out and "consistency" not in out
    _, out, _ = run_cli("check", "story.txt", "--ignore", "boilerplate", "--ignore", "style", cwd=tmp_path)
    assert "[boilerplate" not in out and "[style" not in out and "[consistency/abbreviations]" in out


def test_unknown_rule_name_is_a_usage_error(write, tmp_path):
    write("story.txt", STORY)
    code, _, err = run_cli("check", "story.txt", "--select", "spelin", cwd=tmp_path)
    assert code == 2 and "'spelin' is neither a rule id nor a family" in err


def test_stdin_with_filename_and_format(tmp_path):
    code, out, _ = run_cli("check", "-", "--stdin-filename", "desk/story.md", cwd=tmp_path,
                           input="# Leave a Reply\n\nText with `Leave a Reply` in code.\n")
    assert out.splitlines()[0].startswith("desk/story.md:1:3: error:")
    assert out.count("[boilerplate/comment-form]") == 1  # the code span is not prose
    code, out, _ = run_cli("check", "-", cwd=tmp_path, input="Leave a Reply\n")
    assert out.startswith("-:1:1: error:")


def test_folders_are_walked_in_a_stable_order(write, tmp_path):
    write("b/two.md", "Leave a Reply\n")
    write("a/one.txt", "Leave a Reply\n")
    write("a/skip.csv", "Leave a Reply\n")
    write(".hidden/three.txt", "Leave a Reply\n")
    _, out, _ = run_cli("check", ".", "--format", "json", cwd=tmp_path)
    assert [f["path"] for f in json.loads(out)["files"]] == ["a/one.txt", "b/two.md"]


def test_missing_path_is_an_error(tmp_path):
    code, _, err = run_cli("check", "nope.txt", cwd=tmp_path)
    assert code == 2 and "no such file or folder: nope.txt" in err


def test_unreadable_files_are_reported_and_others_still_run(write, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 Leave a Reply\n")
    write("good.txt", "Leave a Reply\n")
    code, out, err = run_cli("check", "bad.txt", "good.txt", cwd=tmp_path)
    assert "bad.txt: error: not valid UTF-8: byte 0xe9 at byte offset 3" in err
    assert "good.txt:1:1: error:" in out and code == 1
    assert out.splitlines()[-1] == "1 error in 1 file; 1 file could not be read"
    code, _, _ = run_cli("check", "bad.txt", "--strict", cwd=tmp_path)
    assert code == 2


def test_summaries_count_checked_and_unreadable_files_apart(write, tmp_path):
    """The JSON summary's files_with_errors counted unreadable files, beside "errors" that counts
    findings ("files_with_errors": 0 next to "errors": 5); and the text said "no problems in 1
    file (1 could not be checked)" when nothing was checked (issue 14)."""
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 Leave a Reply\n")
    (tmp_path / "worse.md").write_bytes(b"caf\xe9\n")
    write("good.txt", "Leave a Reply\n")
    _, out, _ = run_cli("check", "bad.txt", cwd=tmp_path)
    assert out.splitlines()[-1] == "no file checked: 1 file could not be read"
    _, out, _ = run_cli("check", "bad.txt", "worse.md", "good.txt", cwd=tmp_path)
    assert out.splitlines()[-1] == "1 error in 1 file; 2 files could not be read"
    _, out, _ = run_cli("check", "bad.txt", "good.txt", "--format", "json", cwd=tmp_path)
    report = json.loads(out)
    assert report["version"] == 2
    assert report["summary"] == {"files": 2, "errors": 1, "warnings": 0, "infos": 0, "unreadable_files": 1}


def test_statistics_in_text_and_json(write, tmp_path):
    write("story.txt", STORY)
    _, out, _ = run_cli("check", "story.txt", "--statistics", cwd=tmp_path)
    stats = next(line for line in out.splitlines() if "statistics:" in line)
    assert "flesch kincaid grade" in stats and "words 23" in stats
    _, out, _ = run_cli("check", "story.txt", "--statistics", "--format", "json", cwd=tmp_path)
    figures = json.loads(out)["files"][0]["statistics"]
    assert figures["words"] == 23 and figures["sentences"] == 4
    assert isinstance(figures["flesch_reading_ease"], float)


def test_rules_lists_ids_levels_and_descriptions():
    code, out, _ = run_cli("rules")
    assert code == 0
    line = next(row for row in out.splitlines() if row.startswith("style/agency-names"))
    assert "warning" in line and "AFP" in line
    assert "(off by default)" in next(row for row in out.splitlines() if row.startswith("readability/document-grade"))
    rules = json.loads(run_cli("rules", "--format", "json")[1])
    assert {"id": "boilerplate/comment-form", "family": "boilerplate", "type": "existence", "level": "error",
            "enabled": True} == {k: v for k, v in rules[0].items() if k != "description"} or \
        any(r["id"] == "boilerplate/comment-form" for r in rules)


def test_explain_shows_yaml_example_and_how_to_turn_off():
    code, out, _ = run_cli("explain", "style/agency-names")
    assert code == 0
    assert "extends: substitution" in out and "Flagged:  Leah Millis | Afp | Getty Images" in out
    assert "style/agency-names: off" in out and "--ignore style/agency-names" in out
    code, _, err = run_cli("explain", "agency-names")
    assert code == 2 and "did you mean style/agency-names" in err


def test_help_teaches():
    code, out, _ = run_cli("check", "--help")
    assert code == 0 and "examples:" in out and "--fail-on" in out and "exit:" in out
    code, out, _ = run_cli()
    assert code == 2 and "check" in out


def test_date_option_gives_the_article_date(write, tmp_path):
    write("story.txt", "Talks resume\n\nThe talks resume today, Monday, in Geneva. Sales in 2031 will double.\n")
    _, out, _ = run_cli("check", "story.txt", "--date", "2023-06-18", cwd=tmp_path)
    assert "story.txt:3:25: error: 'Monday' does not fit June 18, 2023, which is a Sunday" in out
    _, out, _ = run_cli("check", "story.txt", cwd=tmp_path)
    assert "[consistency/weekday-date]" not in out
    code, _, err = run_cli("check", "story.txt", "--date", "18/06/2023", cwd=tmp_path)
    assert code == 2 and "not a date in the form YYYY-MM-DD" in err
