"""benchmarks/pages_corpus.py: a page's visible text, one block per line, and its lines labelled
against a clean body (on a page written here; the real pages stay out of the repository)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from pages_corpus import VisibleText, label_by_annotation, label_by_body, split_of  # noqa: E402

PAGE = """<html><head><title>Council approves budget | Town Herald</title>
<meta property="og:title" content="Council approves budget">
<style>.x { color: red }</style><script>var menu = "Home";</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>Sport</li></ul></nav>
<div style="display: none">Hidden teaser</div><div hidden>Also hidden</div>
<h1>Council approves budget</h1>
<p>The city council approved its budget on <b>Tuesday</b> after a long debate.</p>
<h2>Schools</h2>
<p>Councillor Maria Alvarez said the plan would fund 1,200 new school places.<br>The vote was seven to two.</p>
<div>Advertisement</div>
<p>Residents can read the full plan at the town hall &amp; online.</p>
<footer>Share this story<span> | </span>Contact us</footer>
</body></html>"""

BODY = """The city council approved its budget on Tuesday after a long debate.

Schools

Councillor Maria Alvarez said the plan would fund 1,200 new school places. The vote was seven to two.

Residents can read the full plan at the town hall & online."""


def test_visible_text_breaks_blocks_like_a_browser_and_hides_what_it_hides():
    lines = [line.text for line in VisibleText(PAGE).lines]
    assert lines == ["Home", "News", "Sport", "Council approves budget", "",
                     "The city council approved its budget on Tuesday after a long debate.", "",
                     "Schools", "",
                     "Councillor Maria Alvarez said the plan would fund 1,200 new school places.",
                     "The vote was seven to two.", "", "Advertisement", "",
                     "Residents can read the full plan at the town hall & online.", "",
                     "Share this story | Contact us"]


def test_visible_text_opens_the_body_of_a_page_without_head_and_body_tags():
    lines = [line.text for line in VisibleText("<html><head><title>T</title>\n<br><div>Story text</div>").lines]
    assert lines == ["Story text"]


def test_lines_are_labelled_by_the_clean_body_with_the_headline_and_short_subheads():
    lines = VisibleText(PAGE).lines
    labels, found = label_by_body(lines, BODY, "Council approves budget")
    by_text = {line.text: label for line, label in zip(lines, labels)}
    assert 0.9 < found < 1  # the two shingles across "Advertisement" are not in the page
    assert by_text["Council approves budget"] == "article\theadline"
    assert by_text["Schools"] == "article"  # one word, but between two article lines in the body
    assert by_text["The vote was seven to two."] == "article"
    for debris in ("Home", "News", "Sport", "Advertisement", "Share this story | Contact us"):
        assert by_text[debris] == "debris", debris
    assert all(label == "" for line, label in zip(lines, labels) if not line.text)


def test_annotation_labels_pass_to_the_original_lines_despite_lost_characters():
    original = VisibleText("<div>Menu</div><p>It’s a story.</p><div>Extra</div>").lines
    annotated = VisibleText('<div><span class="x-nc-sel0">Menu</span></div>'
                            '<p><span class="x-nc-sel2">It?s a story.</span></p>', annotated=True).lines
    assert label_by_annotation(original, annotated) == ["debris", "", "article", "", "debris"]


def test_the_split_is_a_fixed_third_held_out():
    splits = [split_of("source", str(i)) for i in range(600)]
    assert splits == [split_of("source", str(i)) for i in range(600)]
    assert 150 < splits.count("heldout") < 250
