"""Inline suppression comments work the same in Markdown and plain text."""
from __future__ import annotations

import pytest
from conftest import lint

BODY = "Leave a Reply\n"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_disable_next_line(fmt):
    text = "Intro.\n\n<!-- newslint-disable-next-line boilerplate -->\nLeave a Reply\n\nLeave a Reply\n"
    assert [d.line for d in lint(text, format=fmt)] == [6]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_disable_and_enable_by_rule_id(fmt):
    text = ("<!-- newslint-disable boilerplate/comment-form -->\nLeave a Reply\n\nRelated Articles\n"
            "<!-- newslint-enable boilerplate/comment-form -->\n\nLeave a Reply\n")
    found = [(d.line, d.rule) for d in lint(text, format=fmt)]
    assert found == [(4, "boilerplate/related-links"), (7, "boilerplate/comment-form")]


def test_disable_everything_to_the_end():
    text = "Leave a Reply\n\n<!-- newslint-disable -->\n\nLeave a Reply\n\nRelated Articles\n"
    assert [d.line for d in lint(text)] == [1]


def test_the_comment_itself_is_not_prose():
    text = "<!-- newslint-disable-next-line style -->\nThe talks could also possibly end.\n"
    assert lint(text) == []


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_misspelt_rule_in_a_comment_is_a_warning_with_a_close_match(fmt):
    """A name that is neither a rule id nor a family suppressed nothing, without a word (issue 14)."""
    from newslint.core.diagnostic import Level
    text = "Intro.\n\n<!-- newslint-disable-next-line spelling/unknown-wrod boilerplate -->\nLeave a Reply\n"
    found = lint(text, format=fmt)
    (warning,) = found
    assert warning.rule == "newslint/unknown-rule" and warning.level == Level.WARNING
    assert (warning.line, warning.column, warning.end_line, warning.end_column) == (3, 33, 3, 54)
    assert text[warning.offset:warning.offset + warning.length] == "spelling/unknown-wrod"
    assert warning.message == ("'spelling/unknown-wrod' is neither a rule id nor a family, so this comment does "
                               "not suppress it; did you mean 'spelling/unknown-word'?")


def test_the_warning_is_named_like_a_rule_and_can_be_ignored():
    """The id it prints works where rule ids do: --ignore and --select."""
    text = "Intro.\n\n<!-- newslint-disable-next-line spelling/unknown-wrod -->\nLeave a Reply\n"
    assert lint(text, ignore=["newslint/unknown-rule"]) and all(
        d.rule != "newslint/unknown-rule" for d in lint(text, ignore=["newslint/unknown-rule"]))
    assert [d.rule for d in lint(text, select=["newslint/unknown-rule"])] == ["newslint/unknown-rule"]
    assert "newslint/unknown-rule" not in [d.rule for d in lint(text, select=["boilerplate"])]


def test_every_name_a_comment_may_hold_is_known():
    """Families, rule ids (also of rules that ship off) and LanguageTool's rule ids under grammar/."""
    text = ("<!-- newslint-disable style readability/document-grade grammar/EN_A_VS_AN -->\nIntro.\n"
            "<!-- newslint-enable style, readability/document-grade grammar/EN_A_VS_AN -->\n")
    assert lint(text) == []
    assert [d.message for d in lint("<!-- newslint-disable stlye -->\nIntro.\n")] == [
        "'stlye' is neither a rule id nor a family, so this comment does not suppress it; did you mean 'style'?"]
