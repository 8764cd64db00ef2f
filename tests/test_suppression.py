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
