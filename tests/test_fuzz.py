"""Fuzzing the whole pipeline: hostile text, Markdown and HTML through every built-in rule.

Whatever the input (combining marks, emoji sequences, bidirectional controls, NUL, lone
surrogates, CRLF, CR-only, no final newline, very long lines), linting does not raise, every
diagnostic's offsets and line/column slice the original text (the oracle of test_positions),
the safe fixes apply cleanly, and every output format renders (JSON and SARIF parse back,
JUnit is well-formed XML).

Lone surrogates: a Python str may hold them, and the Python API lints them as ordinary
characters (one code point each, like any other). Files never produce them (input is decoded
as strict UTF-8), and the HTTP service refuses them with 422 (see test_service_refuses_...).
"""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_positions import check_positions

from newslint.core.diagnostic import FAMILIES
from newslint.core.errors import InputError
from newslint.formats import FORMATS, OutputOptions, renderer
from newslint.run.linter import FileResult, Linter

ALL_RULES = {"rules": dict.fromkeys(FAMILIES, "on")}  # the rules shipped off too

# pieces of hostile text: combining marks, emoji sequences, bidi controls, NUL and other
# controls, every line break Python knows, a byte-order mark mid-text, case mappings that
# change length (ß, ﬁ, İ), zero-width characters, plus news words, Markdown and HTML so that
# rules fire and readers take their odd paths
HOSTILE = [
    "\u0301", "\u0308\u0301\u0323", "e\u0301", "\u20dd", "\u0e33", "\u093f",
    "😀", "👨\u200d👩\u200d👧", "👍🏽", "🇬🇧", "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "\u200f", "\u200e", "\u202e", "\u202c", "\u2067", "\u2069", "\u061c", "שלום", "مرحبا",
    "\x00", "\x01", "\x1b[31m", "\x7f", "\x85", "\x0b", "\x0c", "\u2028", "\u2029", "\ufeff", "\ufffd",
    "\u200b", "\u200d", "\u00ad", "\u2060", "ß", "ﬁ", "İ", "ı", "ς", "Σ", "ǅ", "Ｔｈｅ", "ﬀ",
    "\r\n", "\r", "\n", "\n\n", "\t", " ", "  ", "\u00a0", "\u3000",
    "The ", "the ", "the the ", "Teh ", "recieve ", "U.S. ", "US ", "Mr ", "said ", "on Monday, ",
    "June 5, 2023 ", "5 June 2023 ", "Leave a Reply", "Read more", "Share this", "Subscribe",
    "Photo: Reuters", "By John Smith", "Advertisement", "© 2023", "colour ", "color ",
    "\"", "“", "”", "'", "’", ".", ", ", "; ", "! ", "? ", "(", ")", "—", "-", "&", "@", "#",
    "0", "1", "42", "1,000", "3.5", "12-year-old ",
    "# ", "## ", "- ", "* ", "1. ", "> ", "**", "_", "`", "```\n", "    ", "[", "](", ")",
    "](http://x.org/a)", "<https://x.org/>", "---\n", "---\ntitle: T\ndate: 2023-06-05\n---\n",
    "<!-- newslint-disable -->", "<!-- newslint-enable -->", "<!-- newslint-disable-next-line -->",
    "<p>", "</p>", "<br>", "<h1>", "</h1>", "<li>", "<div>", "</div>", "<b>", "</b>", "<script>", "</script>",
    "<style>", "<pre>", "</pre>", "<code>", "<!--", "-->", "<![CDATA[", "]]>", "<!doctype html>", "<?x?>",
    "&amp;", "&nbsp;", "&#233;", "&#x1F600;", "&#xd800;", "&#0;", "&#x110000;", "&eacute", "&bogus;",
    "<a href='http://x.org/'>", "</a>", "<img alt='The'>", "<", ">", "=",
]
SURROGATES = st.integers(0xD800, 0xDFFF).map(chr)  # hypothesis' own text never holds them
pieces = st.sampled_from(HOSTILE) | st.characters() | SURROGATES
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def hostile_texts(draw):
    """Hostile text with one line-ending style (or a mix), with or without a final newline."""
    text = "".join(draw(st.lists(pieces, max_size=80)))
    style = draw(NEWLINES | st.just(None))
    if style is not None:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", style)
    ending = draw(st.sampled_from(["", "", "\n", "\r\n", "\r"]))
    return text.rstrip("\r\n") + ending if ending else text


@pytest.fixture(scope="module")
def linter(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    config = folder / ".newslint.yaml"
    config.write_text(json.dumps(ALL_RULES), encoding="utf-8")  # JSON is YAML
    linter = Linter(config_file=config)
    assert {r.family for r in linter.engine(None).rules} >= set(FAMILIES) - {"grammar"}  # no server here
    return linter


def lint_everything(linter: Linter, text: str, fmt: str) -> None:
    """One input through everything: lint, positions, fixes, every output format."""
    result = linter.lint_text(text, format=fmt)
    if result.error is not None:  # the one refusal: Markdown front matter that is not YAML
        assert isinstance(result.error, InputError) and fmt == "markdown", result.error
        assert "front matter" in result.error.message
        return
    check_positions(text, fmt, found=result.diagnostics)

    body = text[1:] if text.startswith("\ufeff") else text
    fixed_result = linter.fix(text, format=fmt)  # the text after its safe fixes, without its byte-order mark
    assert fixed_result.error is None, fixed_result.error
    fixed, count, after = fixed_result.text, fixed_result.fixed, fixed_result.diagnostics
    assert isinstance(fixed, str) and (count > 0 or fixed == body)
    check_positions(fixed, fmt, found=after)

    render_all([result])


def render_all(results: list[FileResult]) -> None:
    for name in FORMATS:
        out = io.StringIO()
        options = OutputOptions(show_source=True, statistics=False)
        if name == "sarif":
            from newslint.run.engine import all_rules
            options.rules = all_rules(Linter().config())
        renderer(name)(results, options, out)
        written = out.getvalue()
        if name in ("json", "sarif"):
            json.loads(written)
        elif name == "rdjsonl":
            for line in written.split("\n")[:-1]:
                json.loads(line)
        elif name == "junit":
            ET.fromstring(written.encode("utf-8"))
        elif name == "github":
            assert all(line.startswith("::") for line in written.split("\n")[:-1]), written
        else:
            assert written.endswith(" checked)\n" if results[0].error else "\n") and written.count("\n") >= 1


# NEWSLINT_FUZZ_EXAMPLES=20000 for a deeper hunt than CI's
FUZZ = settings(max_examples=int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", 400)), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(hostile_texts())
def test_hostile_text(linter, text):
    lint_everything(linter, text, "text")


@FUZZ
@given(hostile_texts())
def test_hostile_markdown(linter, text):
    lint_everything(linter, text, "markdown")


@FUZZ
@given(hostile_texts())
def test_hostile_html(linter, text):
    lint_everything(linter, text, "html")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_edge_inputs(linter, fmt):
    """Inputs that random generation finds only by luck."""
    for text in ["", "\n", "\r", "\r\n", "\ufeff", "\ufeff\ufeff", "\x00", "\ud800", "\udfff\ud800",
                 "a\ud83dThe", " " * 50, "\t\n\t\n", "---", "---\n", "---\n---", "---\n---\n",
                 "---\ntitle: x\n---", "<", "<!--", "<p", "&", "&#", "&#x", "#", "```", "> > >",
                 "The the\rthe the\r", "Teh.\r\n\r\nTeh.", "\u0301" * 40, "👨\u200d👩\u200d👧" * 30,
                 "\u202eThe cat sat on the the mat.\u202c", "İ" * 30, "ﬁ" * 30, "ß" * 30,
                 ("word " * 40).strip()]:
        lint_everything(linter, text, fmt)


# one very long line ----------------------------------------------------------------------------

LINE = ("The minister said on Monday, June 5, 2023 that the plan, which would cost £3.5bn and recieve "
        "the the backing of 10 people, was ready; “It is,” Mr Smith said, adding that U.S. and US aid "
        "would follow. ")


def test_a_one_megabyte_line_in_each_format(tmp_path):
    """1 MB on a single line, no final newline, in text, Markdown and HTML, with every rule on:
    the run ends (the subprocess timeout is only generous enough for a slow machine) and every
    finding slices the file exactly: on one line, column = offset + 1."""
    (tmp_path / ".newslint.yaml").write_text(json.dumps(ALL_RULES), encoding="utf-8")
    body = LINE * (1_000_000 // len(LINE))
    texts = {"long.txt": body, "long.md": "**" + body + "**", "long.html": "<p>" + body.replace("&", "&amp;") + "</p>"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert "\n" not in text and len(text.encode("utf-8")) > 1_000_000
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", *texts, "--format", "json", "-j", "1"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in proc.stderr and proc.returncode == 1, proc.stderr[-2000:]
    for entry in json.loads(proc.stdout)["files"]:
        text = texts[entry["path"]]
        found = entry["diagnostics"]
        # thousands of findings (its "the the" are not among them: a paragraph full of doubles reads
        # as a verbatim transcript)
        assert "error" not in entry and len(found) > 5_000, entry["path"]
        for d in found:
            assert d["line"] == d["end_line"] == 1 and d["column"] == d["offset"] + 1, d
            assert d["end_column"] == d["offset"] + d["length"] + 1 and d["offset"] + d["length"] <= len(text), d
        typos = [text[d["offset"]:d["offset"] + d["length"]] for d in found if d["rule"] == "spelling/unknown-word"]
        assert typos and set(typos) == {"recieve"}, entry["path"]


# input built to make a scan restart at every character ------------------------------------------

ADVERSARIAL = [".", "!", "[", "![", "[a](", "[a][", "*a ", "**a ", "_a ", "~~a ", "`a", "<a ", "</a ", "<a:",
               "<!--", "<?", "<![CDATA[", "&#", "&#;", "<p>a", "10 people ", "By Aand", "a"]


def test_hostile_long_lines_take_linear_time(tmp_path):
    """Each of these, repeated over a 120 KB line, once made a reader or a rule retry a scan
    from every character: '[' in Markdown took minutes, '<a ' in HTML too, and at 1 MB hours.
    All of them together, in all three formats, now lint in seconds; the subprocess timeout
    is generous for a slow machine and far below what any of the quadratic scans would take."""
    (tmp_path / ".newslint.yaml").write_text(json.dumps(ALL_RULES), encoding="utf-8")
    for i, unit in enumerate(ADVERSARIAL):
        text = unit * (120_000 // len(unit))
        for ext in ("txt", "md", "html"):
            (tmp_path / f"u{i:02}.{ext}").write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", ".", "--format", "json"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    files = json.loads(proc.stdout)["files"]
    assert len(files) == 3 * len(ADVERSARIAL) and not any("error" in f for f in files)
    assert not any("ran out of time" in d["message"] for f in files for d in f["diagnostics"])


# the linear Markdown scans find what the regexes they replace found ------------------------------

_OLD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_OLD_INLINE_LINK = re.compile(r"(\[)[^\]\n]*(\]\([^)\n]*\))")
_OLD_REFERENCE_LINK = re.compile(r"(\[)[^\]\n]*(\]\[[^\]\n]*\])")
_OLD_EMPHASIS = re.compile(r"(?<!\\)(\*{1,3}|(?<!\w)_{1,3}|~~)(?=\S)[^\n]*?(?<=[^\s\\])(\1)(?!\w)")
markdown_syntax = st.lists(st.sampled_from(list("[]()!*_~\\` a\n\t:é1") + ["**", "***", "__", "~~", "](", "![", "][",
                                                                         "[a](b)", "*a*", "_a_", "\u00a0"]),
                           max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(markdown_syntax, st.data())
def test_linear_markdown_scans_match_the_regexes(text, data):
    from newslint.document.readers.markdown import _emphasis, bracketed
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert [(i, q) for i, _, _, q in bracketed(text, start, end, "![", "(", ")")] == \
        [m.span() for m in _OLD_IMAGE.finditer(text, start, end)]
    assert [(i, i + 1, p, q) for i, _, p, q in bracketed(text, start, end, "[", "(", ")")] == \
        [m.span(1) + m.span(2) for m in _OLD_INLINE_LINK.finditer(text, start, end)]
    assert [(i, i + 1, p, q) for i, _, p, q in bracketed(text, start, end, "[", "[", "]")] == \
        [m.span(1) + m.span(2) for m in _OLD_REFERENCE_LINK.finditer(text, start, end)]
    assert _emphasis(text, start, end) == [m.span(1) + m.span(2) for m in _OLD_EMPHASIS.finditer(text, start, end)]


# HTML that ends inside markup, and malformed character references --------------------------------

@pytest.mark.parametrize("html,visible,hidden", [
    ("<p>Kept text</p><a href='x", "Kept text", "href"),                      # a tag that never closes
    ("<p>Kept text</p><!-- never closed <p>Hidden</p>", "Kept text", "Hidden"),  # a comment to the end
    ("<p>Kept text</p><?php echo 1", "Kept text", "php"),
    ("<p>Kept &#; text</p><p>More &#; <b>bold</b> words</p>", "bold words", "<b>"),  # not markup read as text
    ("<p>Caf&eacute; &amp; bar &#233;t&#xE9;</p>", "Café & bar été", "eacute"),
])
def test_html_reader_edge_cases(html, visible, hidden):
    from newslint.document.model import Document
    doc = Document(html, format="html")
    view = " ".join(doc.view.split())
    assert visible in view and hidden not in view, view
    check_positions(html, "html", ALL_RULES)


def test_the_python_api_lints_lone_surrogates_as_characters():
    """A str may hold them (files and the service never hand one over): each counts as one
    code point, like any character, and positions stay exact."""
    import newslint
    text = "\ud800 The the cat.\n\udfff\nLeave a Reply\n"
    found = newslint.check_text(text)
    doubled = next(d for d in found if d.rule == "spelling/doubled-word")
    assert (doubled.line, doubled.column, text[doubled.offset:doubled.offset + doubled.length]) == (1, 3, "The the")
    debris = next(d for d in found if d.rule == "boilerplate/comment-form")
    assert (debris.line, debris.column, debris.offset) == (3, 1, len("\ud800 The the cat.\n\udfff\n"))


# coverage-guided fuzzing -------------------------------------------------------------------------

ATHERIS_PLATFORM = (sys.platform == "linux" and __import__("platform").machine() == "x86_64"
                    and sys.version_info < (3, 13))


@pytest.mark.skipif(not ATHERIS_PLATFORM, reason="atheris ships wheels for Linux x86-64 only (CI runs there)")
def test_atheris_finds_no_crash(tmp_path):
    """libFuzzer, guided by coverage of newslint's code, for 20 seconds from a few seeds: no
    exception and no position that fails the oracle (tests/fuzz_atheris.py). Run it longer by
    hand: python tests/fuzz_atheris.py -max_total_time=600."""
    import importlib.util
    assert importlib.util.find_spec("atheris"), "atheris is a test dependency on this platform"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i, text in enumerate(["# T\n\n[a](b) *c* <p>d</p> &amp; \r\n", LINE, "---\ntitle: x\n---\nThe the.",
                              "<p>Caf&eacute;<br>By A B</p><!--", "Leave a Reply\n\n\u0301\U0001f600\u200f"]):
        (seeds / f"seed{i}").write_bytes(bytes([i % 3]) + b"\x00" + text.encode("utf-8"))
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("fuzz_atheris.py")), "-max_total_time=20",
                           "-rss_limit_mb=2048", "-timeout=30", f"-artifact_prefix={tmp_path}/", str(seeds)],
                          capture_output=True, text=True, timeout=300)
    tail = proc.stderr[-3000:]
    assert proc.returncode == 0, tail
    assert "Done" in tail and not list(tmp_path.glob("crash-*")) and not list(tmp_path.glob("timeout-*")), tail
