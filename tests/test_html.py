"""HTML input: text nodes are prose, markup is not, and findings point into the markup."""
from __future__ import annotations

from conftest import lint, run_cli

from newslint.document.model import Document

PAGE = """<!doctype html>
<html><head><title>Budget &amp; deal</title><meta property="article:published_time" content="2023-06-18">
<style>p { content: "Leave a Reply" }</style><script>var x = "<p>Leave a Reply</p>";</script></head>
<body>
<h1>Ministers agree budget</h1>
<p>U.S. officials said the U.S.&nbsp;plan was <b>ready</b>.
US aid will follow, says AT&amp;T&#8217;s caf&eacute; owner.</p>
<p>Run <code>Leave a Reply</code> now.<br>Second line</p>
<pre>Leave a Reply</pre>
<ul><li>One item</li><li>Two items</li></ul>
<p>Leave a <b>Reply</b></p>
</body></html>
"""


def blocks(doc):
    return [(b.kind, doc.view[b.start:b.end]) for b in doc.blocks]


def test_text_nodes_blocks_and_metadata():
    doc = Document(PAGE, format="html")
    assert blocks(doc) == [
        ("heading", "Ministers agree budget"),
        ("paragraph", "U.S. officials said the U.S.\xa0plan was ready. US aid will follow, says AT&T’s café owner."),
        ("paragraph", "Run   now.\nSecond line"),
        ("item", "One item"),
        ("item", "Two items"),
        ("paragraph", "Leave a Reply"),
    ]
    assert doc.metadata == {"title": "Budget & deal", "date": "2023-06-18"}


def test_entities_decode_and_map_back_to_their_source():
    doc = Document("<p>caf&eacute; &amp c&#xE9; &notit; &bogus; a&lt;b</p>", format="html")
    (block,) = doc.blocks
    assert doc.view[block.start:block.end] == "café & cé ¬it; &bogus; a<b"
    e = doc.view.index("é")
    assert doc.locate(e, e + 1).offset == doc.text.index("&eacute;")
    assert doc.locate(e, e + 1).length == len("&eacute;")
    n = doc.view.index("¬")
    loc = doc.locate(n, n + 4)
    assert doc.text[loc.offset:loc.offset + loc.length] == "&notit;"


def test_skipped_elements_and_comments_are_not_prose():
    found = lint(PAGE, format="html", select=["boilerplate"])
    assert [(d.rule, d.line, d.column) for d in found] == [("boilerplate/comment-form", 11, 4)]
    d = found[0]
    assert PAGE[d.offset:d.offset + d.length] == "Leave a <b>Reply"


def test_findings_use_source_lines_and_columns():
    found = lint(PAGE, format="html", select=["consistency/abbreviations"])
    (d,) = [d for d in found if d.rule == "consistency/abbreviations"]
    assert (d.line, d.column, d.end_column) == (7, 1, 3)
    assert [(r.line, r.column) for r in d.related] == [(6, 4), (6, 28)]
    assert PAGE[d.offset:d.offset + d.length] == "US"


def test_suppression_comments_work_in_html():
    text = "<p>x</p>\n<!-- newslint-disable-next-line boilerplate -->\n<p>Leave a Reply</p>\n<p>Leave a Reply</p>\n"
    found = lint(text, format="html", select=["boilerplate"])
    assert [d.line for d in found] == [4]


def test_cli_reads_html_files_and_walks_them(write, tmp_path):
    write("site/story.html", "<p>Leave a Reply</p>")
    write("site/old.htm", "<p>Leave a <i>Reply</i></p>")
    write("site/notes.css", "Leave a Reply")
    code, out, _ = run_cli("check", "site", cwd=tmp_path)
    assert code == 1
    assert "site/old.htm:1:4: error:" in out and "site/story.html:1:4: error:" in out
    assert "notes.css" not in out
