"""The Python API: check_text and check_file return the Diagnostic objects the CLI prints."""
from __future__ import annotations

import json
import typing

import pytest
from conftest import run_cli

import newslint
from newslint.core.errors import NewslintError

STORY = "Ministers agree budget\n\nU.S. officials said the U.S. plan was ready. US aid will follow.\n\nLeave a Reply\n"


def test_check_file_gives_what_the_cli_prints(write, tmp_path, monkeypatch):
    write("story.txt", STORY)
    monkeypatch.chdir(tmp_path)
    found = newslint.check_file("story.txt")
    assert all(isinstance(d, newslint.Diagnostic) for d in found)
    _, out, _ = run_cli("check", "story.txt", "--format", "json", cwd=tmp_path)
    assert [d.to_dict() for d in found] == json.loads(out)["files"][0]["diagnostics"]


def test_check_text_in_every_format():
    html = "<h1>Budget</h1><p>Leave a <em>Reply</em></p>"
    (d,) = newslint.check_text(html, format="html")
    assert d.rule == "boilerplate/comment-form" and (d.line, d.column) == (1, 19)
    assert html[d.offset:d.offset + d.length] == "Leave a <em>Reply"
    (d,) = newslint.check_text("---\ndate: 2023-06-18\n---\n\nLeave a Reply\n", format="markdown")
    assert d.line == 5
    assert [d.rule for d in newslint.check_text(STORY)] == ["consistency/abbreviations", "boilerplate/comment-form"]
    assert typing.get_args(newslint.Format) == ("text", "markdown", "html")


def test_api_errors_are_newslint_errors(write, tmp_path):
    assert newslint.NewslintError is NewslintError  # as the README names it (newslint.errors is gone)
    with pytest.raises(NewslintError, match="unknown format 'docx'"):
        newslint.check_text("x", format="docx")  # type: ignore[arg-type]
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(NewslintError, match="binary"):
        newslint.check_file(tmp_path / "bin.txt")
    config = write("house.yaml", "rules:\n  boilerplate: off\n")
    assert newslint.check_text("Leave a Reply", config=config) == []


def test_check_command_imports_nothing_heavy(write, tmp_path):
    """A one-file run (the pre-commit hook) must not pay for the service, pools or metadata."""
    import subprocess
    import sys
    write("story.txt", STORY)
    code = ("import sys\nfrom newslint.app.cli import main\nmain(['check', 'story.txt'])\n"
            "heavy = {'starlette', 'uvicorn', 'multiprocessing', 'importlib.metadata', 'textstat', 'http.client'}\n"
            "print(sorted(heavy & set(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr


def test_the_version_is_there_when_asked_for_and_costs_nothing_before():
    """newslint.__version__ and `newslint -V` were missing (issue 14). Looking the version up
    imports importlib.metadata, which is slow: only when asked for."""
    import subprocess
    import sys
    from importlib.metadata import version
    code = ("import sys, newslint\nbefore = 'importlib.metadata' in sys.modules\n"
            "print(before, newslint.__version__, 'importlib.metadata' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", version("newslint"), "True"], out.stdout + out.stderr
    assert "__version__" in dir(newslint)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        newslint.nope  # noqa: B018
    for flag in ("-V", "--version"):
        assert run_cli(flag) == (0, f"newslint {version('newslint')}\n", "")


def test_an_error_in_a_text_without_a_path_is_not_named_like_a_file():
    """It says <text>, not 'newslint', which reads as a file of that name."""
    with pytest.raises(NewslintError) as caught:
        newslint.check_text("---\ndate: 2024-02-30\n---\nHi.\n", format="markdown")
    assert str(caught.value).startswith("<text>:2:7: error: front matter: not a date: 2024-02-30")
    with pytest.raises(NewslintError) as caught:
        newslint.check_text("---\ndate: 2024-02-30\n---\nHi.\n", format="markdown", path="story.md")
    assert str(caught.value).startswith("story.md:2:7: error:")
