"""Positions are sacred: every diagnostic maps back to the exact characters of the input.

For any text, in every format, each diagnostic's offset and length slice the original text,
and its line/column and end_line/end_column agree with those offsets (1-based lines, columns
in code points, end exclusive; \\n, \\r\\n and \\r all end a line).
"""
from __future__ import annotations

from conftest import FIXTURES, lint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.core.errors import InputError

BUSY = {"rule_paths": [str(FIXTURES / "rulepacks" / "busy")]}

news_alphabet = st.sampled_from(list("abcdeéßİ THE.,;:!?\"'“”‘’()-—\n\r\t#*_[]`<>!@/0123456789Mr") + [
    "U.S.", "the ", "The ", "\r\n", "\n\n", "---\n", "# ", "- ", "> ", "**", "](http://x.org/a)", "[",
    "`code`", "<!-- newslint-disable -->", "<!-- newslint-enable -->", "a@b.co", "😀", "\u0301", "\u200f"])
texts = st.lists(news_alphabet, max_size=120).map("".join) | st.text(max_size=300)
html_alphabet = st.sampled_from(list("abcdeéß THE.,;:!?\"'“”()-—\n\r\t&#<>/=0123456789Mr") + [
    "U.S.", "the ", "The ", "\r\n", "<p>", "</p>", "<P class='x'>", "<b>", "</b>", "<br>", "<br/>", "<h1>",
    "</h1>", "<li>", "</li>", "<div>", "</div>", "&amp;", "&lt;", "&gt;", "&nbsp;", "&#233;", "&#xe9;",
    "&eacute", "&notit;", "&bogus;", "&#x110000;", "&#0;", "<script>x = '<p>the</p>';</script>",
    "<style>", "</style>", "<code>", "</code>", "<pre>", "</pre>", "<!-- c -->", "<!--", "-->",
    "<!-- newslint-disable -->", "<![CDATA[the]]>", "<!doctype html>", "<?pi?>", "<title>The</title>",
    "<a href='http://x.org/the'>", "</a>", "😀", "\u0301", "<img alt='The'>", "</br>", "<td>", "<"])
html_texts = st.lists(html_alphabet, max_size=120).map("".join) | st.text(max_size=300)


def position(text: str, offset: int) -> tuple[int, int]:
    """The reference: walk the text character by character."""
    line, column, i = 1, 1, 0
    while i < offset:
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            i += 1
            continue
        if ch in "\r\n":
            line, column = line + 1, 1
        else:
            column += 1
        i += 1
    return line, column


def check_positions(text: str, fmt: str, config: dict | None = None, found=None) -> None:
    """Every diagnostic of `text` (linted with `config`, the busy pack by default, unless the
    diagnostics are given as `found`) lies in the text, with line and column from the oracle."""
    body = text[1:] if text.startswith("\ufeff") else text
    try:
        if found is None:
            found = lint(text, format=fmt, config=BUSY if config is None else config)
    except InputError as exc:  # front matter that is not YAML: refused, with its line
        assert fmt == "markdown" and "front matter" in exc.message
        return
    for d in found:
        assert 0 <= d.offset and d.length >= 0 and d.offset + d.length <= len(body), d
        assert (d.line, d.column) == position(body, d.offset), d
        assert (d.end_line, d.end_column) == position(body, d.offset + d.length), d
        for r in d.related:
            assert (r.line, r.column) == position(body, r.offset)
            assert (r.end_line, r.end_column) == position(body, r.offset + r.length)
        if d.fix:
            for e in d.fix.edits:
                assert 0 <= e.offset <= e.offset + e.length <= len(body)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_text_positions(text):
    check_positions(text, "text")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_markdown_positions(text):
    check_positions(text, "markdown")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_texts)
def test_html_positions(text):
    check_positions(text, "html")


def test_html_findings_point_into_the_markup():
    """Tags vanish, entities decode, and the finding still names the characters of the source."""
    src = "<p>Caf&eacute; <b>The</b> end &amp; <code>The</code> more.</p>\n<h1>The head</h1>"
    found = lint(src, format="html", config=BUSY)
    capitals = [(d.line, d.column, src[d.offset:d.offset + d.length]) for d in found if d.rule == "style/capitals"]
    assert capitals == [(1, 4, "Caf&eacute;"), (1, 19, "The"), (2, 5, "The")]
    for d in found:
        assert (d.line, d.column) == position(src, d.offset)
    headings = [src[d.offset:d.offset + d.length] for d in found if d.rule == "boilerplate/headings"]
    assert headings == ["The", "head"]


def test_the_busy_pack_does_fire():
    """The property tests are only worth something if diagnostics are produced."""
    found = lint("# The Title\n\nThe U.S. and a man. In the end, on the day.\r\nThe é and İ.", format="markdown",
                 config=BUSY)
    assert {d.rule for d in found} >= {"style/capitals", "style/articles", "style/anywhere",
                                       "consistency/pairs", "readability/short", "boilerplate/headings"}
    check_positions("# The Title\n\nThe U.S. and a man. In the end, on the day.\r\nThe é and İ.", "markdown")


def test_columns_count_code_points_not_bytes():
    found = [d for d in lint("Café ☕ the end.", config=BUSY) if d.rule == "style/articles"]
    assert [(d.line, d.column, d.end_column) for d in found] == [(1, 8, 11)]


def test_carriage_returns_end_lines():
    for text in ("One.\r\nThe two.", "One.\rThe two.", "One.\nThe two."):
        found = [d for d in lint(text, config=BUSY) if d.rule == "style/articles"]
        assert [(d.line, d.column) for d in found] == [(2, 1)], text
