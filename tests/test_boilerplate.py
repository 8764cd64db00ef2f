"""Boilerplate: line findings, their fixes, line claims, the boilerplate-block type and its limits.

Texts are written for these tests; the seed article is read from ../shared when it is there.
"""
from __future__ import annotations

import pytest
from conftest import FIXTURES, lint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_acceptance import SHARED, needs_seed

from newslint.checks.shared.fixes import delete_lines
from newslint.core.errors import RuleError
from newslint.document.model import Document
from newslint.run.fix import apply_edits

BUSY = {"rule_paths": [str(FIXTURES / "rulepacks" / "busy")]}


def boilerplate(text: str, fmt: str = "text", select=("boilerplate",), config=None):
    return [d for d in lint(text, format=fmt, select=list(select), config=config) if d.family == "boilerplate"]


def rows(found):
    return {(d.rule, d.line, d.end_line) for d in found}


def fixed(text: str, found) -> str:
    out, applied = apply_edits(text, [e for d in found if d.fix for e in d.fix.edits])
    assert applied == sum(len(d.fix.edits) for d in found if d.fix), "the fixes overlap"
    return out


# deleting lines ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,first,last,expected", [
    ("A\n\nX\n\nB\n", 3, 3, "A\n\nB\n"),            # a paragraph of its own: one blank line stays
    ("A\nX\nB\n", 2, 2, "A\nB\n"),                  # glued between two lines
    ("A\n\nX\n", 3, 3, "A\n"),                      # at the end: no trailing blank line
    ("A\n\nX", 3, 3, "A\n"),                        # ... nor without a final line break
    ("X\n\nA\n", 1, 1, "A\n"),                      # at the top: the blank line below goes
    ("A\n\n\nX\nY\n\nB\n", 4, 5, "A\n\nB\n"),       # two blank lines above, one below
    ("A\r\n\r\nX\r\n\r\nB\r\n", 3, 3, "A\r\n\r\nB\r\n"),
    ("X\n", 1, 1, ""),
])
def test_delete_lines(text, first, last, expected):
    s, e = delete_lines(Document(text), first, last)
    assert text[:s] + text[e:] == expected


# the seed article ----------------------------------------------------------------------------

@needs_seed
def test_seed_boilerplate_rows_and_nothing_else():
    text = (SHARED / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    found = boilerplate(text)
    assert rows(found) == {
        ("boilerplate/photo-credits", 3, 4),      # caption "(L) ... (R)" and its credit line
        ("boilerplate/related-links", 28, 34),    # "Articles You May Like" and five headlines: one block
        ("boilerplate/comment-form", 36, 36),     # Leave a Reply
        ("boilerplate/comment-form", 38, 38),     # Your email address will not be published ...
    }
    widget = next(d for d in found if d.rule == "boilerplate/related-links")
    assert (widget.column, widget.end_column) == (1, 100) and "6 lines" in widget.message
    # the fixes delete exactly those lines, in one pass, and leave the article whole
    lines = text.split("\n")
    out = fixed(text, found)
    assert out.split("\n") == lines[:2] + lines[5:26] + [""]
    assert "\n\n\n" not in out and boilerplate(out) == []


def test_own_story_in_the_seed_shape():
    text = (FIXTURES / "articles" / "trip-story.txt").read_text(encoding="utf-8")
    found = boilerplate(text)
    assert rows(found) == {("boilerplate/photo-credits", 3, 4), ("boilerplate/related-links", 14, 17),
                           ("boilerplate/comment-form", 19, 19), ("boilerplate/comment-form", 21, 21)}
    out = fixed(text, found)
    assert out.endswith("at an early and delicate stage.\n") and "Okafor’s original plans" in out


# phrase rules: lines, not words in sentences -------------------------------------------------

def test_read_more_counts_as_a_line_not_inside_a_sentence():
    prose = "Voters who want to read more about the budget can find the full report online, officials said."
    assert boilerplate(prose) == []
    assert boilerplate("Read more about the budget") != []
    assert boilerplate("Ministers met on Monday.\n\nRead more about the budget\n") != []


def test_a_line_that_runs_long_is_prose():
    text = ("Leave a comment on the council's website, residents were told on Monday, and the planning "
            "committee will read every one of them before it decides on the new bus station and the car park.")
    assert boilerplate(text, select=["boilerplate/comment-form"]) == []


def test_line_share_needs_the_labels_to_make_up_the_line():
    assert boilerplate("Privacy Policy", select=["boilerplate/navigation"]) != []
    assert boilerplate("The firm changed its Privacy Policy in May.", select=["boilerplate/navigation"]) == []


def test_line_options_are_validated(tmp_path):
    pack = tmp_path / "pack" / "boilerplate"
    pack.mkdir(parents=True)
    (pack / "bad.yaml").write_text("extends: existence\nmessage: x\ntokens: [a]\nline_share: 1.5\n")
    with pytest.raises(RuleError) as err:
        lint("a", config={"rule_paths": [str(tmp_path / "pack")]})
    assert "bad.yaml" in str(err.value) and "line_share" in str(err.value)


@pytest.mark.parametrize("body,message", [
    ("features: [widgets]\n", "features"),
    ("features: [widget]\n", "headings"),
    ("features: [byline]\n", "byline_patterns"),
    ("features: [links]\nmin_links: 1\n", "min_links"),
])
def test_boilerplate_block_rules_are_validated(tmp_path, body, message):
    pack = tmp_path / "pack" / "boilerplate"
    pack.mkdir(parents=True)
    (pack / "bad.yaml").write_text("extends: boilerplate-block\nmessage: x\n" + body)
    with pytest.raises(RuleError) as err:
        lint("a", config={"rule_paths": [str(tmp_path / "pack")]})
    assert "bad.yaml" in str(err.value) and message in str(err.value)


# one finding per piece of furniture ----------------------------------------------------------

SHARE_BAR = ("Ministers agreed a new budget on Friday after talks that ran through the night, officials said.\n"
             "\nShare this article\nFacebook\nTwitter\nEmail\n")


def test_a_line_is_flagged_once():
    found = boilerplate(SHARE_BAR)
    assert rows(found) == {("boilerplate/share-prompts", 3, 6)}


def test_a_rule_alone_still_finds_the_lines_others_would_claim():
    found = boilerplate(SHARE_BAR, select=["boilerplate/link-lists"])
    assert rows(found) == {("boilerplate/link-lists", 3, 6)}


def test_a_widget_is_one_finding_even_when_phrase_rules_know_its_lines():
    text = ("Ministers agreed a new budget on Friday after talks that ran through the night, officials said.\n"
            "Read more:\nRail fares rise again in March\nStar striker signs new deal\nLeave a Reply\n")
    assert rows(boilerplate(text)) == {("boilerplate/related-links", 2, 5)}


def test_lines_next_to_flagged_furniture_are_stray():
    text = ("Council approves budget\nRelated Stories\nRail fares rise again\nStar striker signs new deal\n"
            "by the people who bring you the news\n\nThe council approved its budget on Tuesday after a long "
            "debate about the cost of the new library.\n")
    found = boilerplate(text)
    assert {d.line for d in found} == {2} and found[0].end_line == 5


# shapes that are articles, not furniture -----------------------------------------------------

HARD_WRAPPED = """City council backs new tram line

The city council voted late on Tuesday to back a new tram line
linking the airport with the station, ending a dispute that has
run for more than a decade.

Councillors approved the plan by 31 votes to 20 after a debate that
lasted almost six hours. Opponents said the cost, put at £480m, was
too high for a city still paying for its last big project.

"This is a historic day for the city," said council leader Amir Khan.
"We have waited long enough."

The line is due to open in 2029.
Work will start next spring.
"""

NEWLINE_PARAGRAPHS = """Storm brings floods to the coast
More than 100,000 homes were without power on Friday night after the storm brought winds of up to 90mph.
The Met Office issued a rare red warning for the coast, and rail operators urged people not to travel.
Three people were hurt by falling trees.
Transport was badly disrupted.
The storm is expected to move east overnight.
"""

LISTS = """What the budget means for you

The chancellor set out a range of measures on Wednesday, from fuel duty to childcare, in a budget that officials described as the biggest in a generation.

Key measures:
Fuel duty frozen for a year
Childcare hours extended to one-year-olds
Pension cap scrapped

Where the money goes

Health: £10bn
Defence: £5bn
Schools: £2bn

The opposition said the budget did nothing for families struggling with bills.
"""

SPORT = """Cup tie preview

Griffin Park

Tuesday, 1 March

1945 GMT

Brentford host Southampton in a fifth-round replay, with the winners at home to Manchester United in the quarter-finals.

Arsenal v Stoke

Derby v Wigan

Hull v Colchester

Subs not used: Hislop, Quashie, Cisse.
"""


@pytest.mark.parametrize("text", [HARD_WRAPPED, NEWLINE_PARAGRAPHS, LISTS, SPORT],
                         ids=["hard-wrapped", "newline-paragraphs", "lists", "sport"])
def test_article_shapes_are_not_furniture(text):
    assert boilerplate(text) == []


def test_markdown_article_with_a_related_list():
    text = ("---\ntitle: Tram line approved\n---\n# Tram line approved\n\n"
            "*Councillors vote on the plan on Tuesday. Photo: Jane Doe/PA*\n\n"
            "The city council voted late on Tuesday to back a new tram line linking the airport with the station.\n\n"
            "- The line will have 12 stops\n- Trams will run every six minutes\n- Fares will match bus fares\n\n"
            "## Related\n\n- [Bus fares frozen](https://example.com/bus)\n"
            "- [Stadium plan wins approval](https://example.com/stadium)\n")
    assert rows(boilerplate(text, fmt="markdown")) == {("boilerplate/photo-credits", 6, 6),
                                                       ("boilerplate/related-links", 14, 17)}


def test_fix_safety():
    found = {d.rule: d.fix.safe for d in boilerplate(
        "Council approves budget\n\nThe council approved its budget on Tuesday after a long debate about the "
        "cost of the new library and the pool.\nWeather and traffic for your town\n\nLeave a Reply\n")}
    assert found == {"boilerplate/stray-lines": False, "boilerplate/comment-form": True}


# the busy pack: positions hold for the new rule type (see test_positions) --------------------

def test_the_busy_boilerplate_rules_fire():
    text = "The Title\n\nThe end &amp; <b>more</b>\nA 1\nB 2\n\nThe [x] café\n"
    found = {d.rule for d in lint(text, config=BUSY)}
    assert {"boilerplate/blocks", "boilerplate/lines"} <= found


# fixes never eat the article -----------------------------------------------------------------

PARAGRAPHS = st.sampled_from([
    "The council approved its budget on Tuesday after a long debate about the cost of the library.",
    "Opponents said the cost was too high for a town still paying for its last big project, and vowed to fight on.",
    "The vote was close, and the opposition said it would try again next year when the council has new members.",
])
FURNITURE = st.sampled_from([
    "Leave a Reply", "Share this article", "Advertisement", "Copyright 2024 All rights reserved.",
    "Sign up for our daily newsletter", "Related Articles\nRail fares rise again\nStar striker signs new deal",
    "By Jane Smith", "Facebook\nTwitter\nEmail", "Reporting by Jane Smith; Editing by Tom Jones",
])
# (a credit line is left out: a line glued above a credit reads as its caption, see the fixtures)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.booleans(), PARAGRAPHS, st.sampled_from(["\n\n", "\n"])), min_size=1, max_size=6),
       st.lists(st.tuples(st.integers(0, 6), FURNITURE, st.sampled_from(["\n\n", "\n"])), max_size=3))
def test_fixes_remove_the_furniture_and_keep_the_article(paragraphs, furniture):
    pieces = [("Council approves budget", "\n\n")] + [(p, sep) for _, p, sep in paragraphs]
    for at, item, sep in sorted(furniture, reverse=True):
        pieces.insert(min(at, len(pieces) - 1) + 1, (item, sep))
    text = "".join(p + sep for p, sep in pieces).rstrip("\n") + "\n"
    out = fixed(text, boilerplate(text))  # one pass: no two fixes touch the same characters
    assert boilerplate(out) == []
    for _, paragraph, _ in paragraphs:
        assert paragraph in out
    for _, item, _ in furniture:
        assert item.split("\n")[0] not in out
    if "\n\n\n" not in text:
        assert "\n\n\n" not in out
    assert not out.endswith("\n\n")
