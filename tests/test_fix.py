"""--fix and --diff: safe fixes applied in one pass, written atomically, keeping the file's bytes."""
from __future__ import annotations

import os
import stat

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.core.diagnostic import Edit, Fix
from newslint.core.errors import InputError
from newslint.run.fix import (
    apply_edits,
    apply_fixes,
    for_file,
    newline_of,
    unified_diff,
    write_atomic,
)

# US among U.S. is reported but not fixed: "US" may belong to a name (the US Open)
STORY = ("Ministers agree budget\n\n"
         "U.S. officials said the U.S. plan was ready. US aid will follow, Afp said.\n\n"
         "Afp and Upi reported it. Towns will recieve it.\n")
FIXED = ("Ministers agree budget\n\n"
         "U.S. officials said the U.S. plan was ready. US aid will follow, AFP said.\n\n"
         "AFP and UPI reported it. Towns will receive it.\n")


def test_overlapping_fixes_apply_in_one_pass_without_corruption():
    text = "abcdefghij"
    fixes = [Fix((Edit(2, 3, "XYZ"),)), Fix((Edit(3, 4, "no"),)),  # overlaps the first: left out
             Fix((Edit(0, 1, "A"), Edit(9, 1, "J"))),               # two edits, taken whole
             Fix((Edit(8, 2, "--"), Edit(1, 0, "<"))),              # conflicts at 9: left out whole
             Fix((Edit(2, 3, "XYZ"),)),                              # the same edit again: made once
             Fix((Edit(6, 0, "+"),)), Fix((Edit(6, 0, "*"),))]      # two insertions at one point: one
    new, count = apply_fixes(text, fixes)
    assert new == "AbXYZf*ghiJ"
    assert count == 4


def test_apply_edits_skips_overlaps():
    assert apply_edits("hello world", [Edit(0, 5, "HELLO"), Edit(3, 4, "x"), Edit(6, 5, "WORLD")]) == \
        ("HELLO WORLD", 2)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n", min_size=1, max_size=30), st.data())
def test_apply_fixes_never_corrupts(text, data):
    """Every accepted fix's replacement appears where it belongs; untouched text survives."""
    n = len(text)
    fixes = []
    for _ in range(data.draw(st.integers(0, 6))):
        start = data.draw(st.integers(0, n))
        length = data.draw(st.integers(0, n - start))
        fixes.append(Fix((Edit(start, length, data.draw(st.sampled_from(["", "X", "YY"]))),)))
    new, count = apply_fixes(text, fixes)
    assert count <= len(fixes)
    kept = [e for f in fixes for e in f.edits]
    if count == 0:
        assert new == text
    # characters outside every edit keep their order
    untouched = "".join(c for i, c in enumerate(text) if not any(e.offset <= i < e.offset + e.length for e in kept))
    it = iter(new)
    assert all(c in it for c in untouched)


def test_fixes_take_the_files_line_endings_and_html_escaping():
    assert newline_of("a\r\nb\r\nc\n") == "\r\n" and newline_of("a") == "\n" and newline_of("a\rb") == "\r"
    (fix,) = for_file([Fix((Edit(0, 1, "x\ny"),), True)], "a\r\nb\r\n", "text")
    assert fix.edits[0].replacement == "x\r\ny"
    html = "<p>AT&amp;T</p>"
    fixes = for_file([Fix((Edit(3, 8, "A&B <i>"),), True), Fix((Edit(0, 5, "x"),), True)], html, "html")
    assert [f.edits[0].replacement for f in fixes] == ["A&amp;B &lt;i&gt;"]  # the second cuts a tag: dropped


def test_fix_rewrites_the_file_and_relint_is_clean(write, tmp_path):
    path = write("story.txt", STORY)
    code, out, err = run_cli("check", "--fix", "story.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == FIXED
    assert "fixed 4 findings in 1 file" in err
    assert "agency-names" not in out and "unknown-word" not in out
    assert "'US' here, but the article writes 'U.S.' twice [consistency/abbreviations]" in out
    code, out, _ = run_cli("check", "story.txt", "--select", "style/agency-names,spelling", cwd=tmp_path)
    assert code == 0 and out.strip() == "no problems in 1 file"


def test_fix_keeps_bom_newlines_and_permissions(tmp_path):
    path = tmp_path / "story.txt"
    data = ("\ufeff" + STORY.replace("\n", "\r\n")).encode("utf-8")
    path.write_bytes(data)
    os.chmod(path, 0o640)
    run_cli("check", "--fix", "story.txt", cwd=tmp_path)
    assert path.read_bytes() == ("\ufeff" + FIXED.replace("\n", "\r\n")).encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]  # no temp file left behind


def test_fix_html_file(write, tmp_path):
    path = write("story.html", "<p>They <b>recieve</b> it at Afp &amp; co</p>\n")
    run_cli("check", "--fix", "story.html", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == "<p>They <b>receive</b> it at AFP &amp; co</p>\n"


def test_diff_prints_and_writes_nothing(write, tmp_path):
    path = write("story.txt", STORY)
    code, out, err = run_cli("check", "--diff", "story.txt", cwd=tmp_path)
    assert code == 1
    assert path.read_text(encoding="utf-8") == STORY
    assert out.startswith("--- a/story.txt\n+++ b/story.txt\n")
    assert "-Afp and Upi reported it. Towns will recieve it.\n+AFP and UPI reported it. Towns will receive it.\n" in out
    assert "4 fixes would be applied to 1 file" in err
    write("clean.txt", "Nothing to fix here.\n")
    assert run_cli("check", "--diff", "clean.txt", cwd=tmp_path)[:2] == (0, "")


def test_diff_of_standard_input_and_no_fix_for_it(tmp_path):
    code, out, _ = run_cli("check", "--diff", "-", "--stdin-filename", "s.txt", input="Afp said so.", cwd=tmp_path)
    assert code == 1 and "+AFP said so.\n\\ No newline at end of file\n" in out
    code, _, err = run_cli("check", "--fix", "-", input="Afp said so.", cwd=tmp_path)
    assert code == 2 and "--diff" in err


def test_write_refuses_a_file_changed_since_it_was_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old\n")
    original = path.read_bytes()
    path.write_bytes(b"someone else's edit\n")
    with pytest.raises(InputError, match="changed on disk"):
        write_atomic(path, b"new\n", original)
    assert path.read_bytes() == b"someone else's edit\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_write_goes_through_symlinks(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, b"new\n", b"old\n")
    assert link.is_symlink() and real.read_bytes() == b"new\n"


def test_fixed_findings_do_not_come_back():
    """Lint, fix, lint again: none of the fixed findings remain, whatever the mix of rules."""
    from newslint.run.linter import Linter
    text = "The US and U.S. and U.S. plan. Afp and e-mail and email and email. Upi will recieve it."
    result = Linter().fix(text)
    fixed, count, remaining = result.text, result.fixed, result.diagnostics
    assert count >= 4
    assert not any(d.fix and d.fix.safe for d in remaining)
    assert "Afp" not in fixed and "e-mail" not in fixed and "recieve" not in fixed
    assert " US " in fixed and any(d.rule == "consistency/abbreviations" for d in remaining)  # reviewed, not fixed


def test_unified_diff_marks_missing_final_newline():
    assert unified_diff("a\nb", "a\nc", "f") == \
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
