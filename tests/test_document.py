"""Readers and segmentation: what counts as prose, where sentences end, what is quoted."""
from __future__ import annotations

import datetime

import pytest

from newslint.core.errors import InputError
from newslint.document.model import Document
from newslint.document.readers import decode


def prose(text: str, fmt: str = "markdown") -> str:
    return " ".join(Document(text, format=fmt).view.split())


def sentences(text: str, fmt: str = "text") -> list[str]:
    doc = Document(text, format=fmt)
    return [doc.view[s:e] for s, e in doc.sentences]


def test_view_keeps_length_and_line_breaks():
    text = "---\ntitle: T\n---\n# Head\r\n\nSee [the report](http://x.org/r) and `code`.\r\n"
    doc = Document(text, format="markdown")
    assert len(doc.view) == len(doc.text)
    assert [i for i, c in enumerate(doc.view) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]


@pytest.mark.parametrize("markdown,expected", [
    ("See [the report](https://example.org/r?a=1) now.", "See the report now."),
    ("An ![chart](c.png) here.", "An here."),
    ("Use `the the` code.", "Use code."),
    ("It was **very** _rather_ ~~not~~ good.", "It was very rather not good."),
    ("snake_case_name stays", "snake_case_name stays"),
    ("<!-- a comment\nover lines -->\nText.", "Text."),
    ("```\nthe the\n```\nAfter.", "After."),
    ("Para.\n\n    indented code\n\nAfter.", "Para. After."),
    ("# Title #\n\nBody.", "Title Body."),
    ("Title\n=====\n\nBody.", "Title Body."),
    ("- one\n- two", "one two"),
    ("> quoted words", "quoted words"),
    ("[ref]: https://x.org\nBody [text][ref].", "Body text ."),
    ("Mail me at a.b@example.org or see www.example.org/page.", "Mail me at or see ."),
    ("a \\*literal\\* star", "a *literal * star"),
    ("<span class=x>inline</span> html", "inline html"),
])
def test_markdown_syntax_is_not_prose(markdown, expected):
    assert prose(markdown) == expected


def test_front_matter_becomes_metadata():
    doc = Document("---\ntitle: Talks\ndate: 2023-06-18\n---\nBody.\n", format="markdown")
    assert doc.metadata == {"title": "Talks", "date": datetime.date(2023, 6, 18)}
    assert doc.view.strip() == "Body."


def test_bad_front_matter_is_an_input_error_with_a_line():
    with pytest.raises(InputError) as err:
        Document("---\ntitle: [unclosed\n---\nBody.\n", format="markdown")
    assert err.value.line is not None and "front matter" in err.value.message


def test_text_headline_is_a_heading_block():
    doc = Document("Minister resigns over expenses\n\nThe minister resigned on Monday.\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    assert [b.kind for b in Document("One paragraph only.").blocks] == ["paragraph"]
    assert [b.kind for b in Document("Fans ask: who won? Fans decide!\n\nThe vote closed.\n").blocks] == \
        ["heading", "paragraph"]


def test_a_long_first_paragraph_of_sentences_is_no_headline():
    first = ("The crowd was waiting outside the hall for hours on a cold morning in March. "
             "Then the doors opened and thousands poured in to hear the candidate speak. "
             "It was, by every account, a triumph!")
    doc = Document(first + "\n\nShe left at noon.\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]
    assert len([s for s in doc.sentences if s[1] <= len(first)]) == 3


@pytest.mark.parametrize("text,expected", [
    ("He left. She stayed.", ["He left.", "She stayed."]),
    ("Mr. Jones met Dr. Lee.", ["Mr. Jones met Dr. Lee."]),
    ("Growth was 3.5% in Jan. 2024 overall.", ["Growth was 3.5% in Jan. 2024 overall."]),
    ("J. K. Rowling spoke. Fans cheered.", ["J. K. Rowling spoke.", "Fans cheered."]),
    ("They flew to the U.S. The talks began.", ["They flew to the U.S.", "The talks began."]),
    ("U.S. officials and U.K. envoys met.", ["U.S. officials and U.K. envoys met."]),
    ("They met in Washington, D.C. on Monday.", ["They met in Washington, D.C. on Monday."]),
    ("He said: \"It is over.\" Then he left.", ["He said: \"It is over.\"", "Then he left."]),
    ("Why? Because. No. 10 said so.", ["Why?", "Because.", "No. 10 said so."]),
    ("Apple Inc. The firm grew.", ["Apple Inc.", "The firm grew."]),
    ("Apple Inc. said profit rose.", ["Apple Inc. said profit rose."]),
    ("The deal was worth $9.3bn. Rosneft agreed.", ["The deal was worth $9.3bn.", "Rosneft agreed."]),
    ("He ran it in 30.26. Butler was second.", ["He ran it in 30.26.", "Butler was second."]),
    ("Rates rose to 3.5 per cent on Monday.", ["Rates rose to 3.5 per cent on Monday."]),
])
def test_sentences_survive_news_abbreviations(text, expected):
    assert sentences(text) == expected


def test_quotations_include_open_ones_to_the_end_of_the_paragraph():
    doc = Document("He said “we will win” and ‘soon’.\n\n“It goes on\n\nThe end.", format="text")
    quoted = [doc.view[s:e] for s, e in doc.quotes]
    assert quoted == ["“we will win”", "‘soon’", "“It goes on"]


def test_apostrophes_are_not_quotes():
    doc = Document("Blinken’s aides said rock ’n’ roll in the ’90s was fun.")
    assert doc.quotes == []


def test_decode_reports_the_byte_offset_of_bad_utf8():
    with pytest.raises(InputError) as err:
        decode(b"caf\xe9 au lait", "menu.txt")
    assert "byte offset 3" in err.value.message


def test_decode_refuses_binary():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "x.txt")


def test_bom_is_not_counted_in_columns():
    doc = Document("\ufeffThe end.")
    assert doc.bom and doc.text == "The end."


def test_tokens_know_news_shapes():
    from newslint.document.tokens import tokenize
    text = "Blinken’s two-day U.S. trip cost 1,200 on the 21st; G-20 and Covid-19 @desk #vote don’t ’90s"
    kinds = [(t.kind, t.text) for t in tokenize(text)]
    assert kinds == [("word", "Blinken’s"), ("word", "two-day"), ("abbreviation", "U.S."), ("word", "trip"),
                     ("word", "cost"), ("number", "1,200"), ("word", "on"), ("word", "the"), ("number", "21st"),
                     ("mixed", "G-20"), ("word", "and"), ("mixed", "Covid-19"), ("handle", "@desk"),
                     ("hashtag", "#vote"), ("word", "don’t"), ("number", "90s")]
    blinken, two_day = tokenize(text)[:2]
    assert blinken.parts() == [(0, 7, "Blinken")]
    assert two_day.parts() == [(10, 13, "two"), (14, 17, "day")]


def test_embedded_posts_are_quotations():
    text = ("Officials spoke on Monday.\n\n"
            "Smoke from burning fields in neighbouring states\n\n"
            "The air is toxic pic.twitter.com/abc123\n\n"
            "— A Minister (@aminister) November 1, 2019\n\n"
            "We shouldn't wait. — Jane Doe (@janedoe) June 2, 2020\n\n"
            "The plan was agreed.\n")
    doc = Document(text)
    quoted = [doc.view[s:e] for s, e in doc.quotes]
    assert quoted == ["Smoke from burning fields in neighbouring states\n\nThe air is toxic pic.twitter.com/abc123",
                      "We shouldn't wait."]
    assert not doc.in_quote(text.index("Officials"), text.index("Officials") + 9)


def test_a_post_takes_the_first_person_paragraphs_that_fit_in_it():
    text = ("The senator wrote to the judge on Monday.\n\n"
            "Sharing my letter to the court today.\n\n"
            "We owe each other mercy. pic.twitter.com/abc123\n\n"
            "— Jane Doe (@janedoe) June 2, 2020\n")
    doc = Document(text)
    assert [doc.view[s:e] for s, e in doc.posts] == [
        "Sharing my letter to the court today.\n\nWe owe each other mercy. pic.twitter.com/abc123"]
    longer = text.replace("Sharing my letter", "Sharing my letter" + " and more" * 30)
    assert [Document(longer).view[s:e][:9] for s, e in Document(longer).posts] == ["We owe ea"]


def test_a_hover_card_glued_to_a_name_is_not_prose():
    text = ("Aides of President Trump Donald John TrumpSenators balk at trial | Talks stall MORE’s said on Monday.\n\n"
            "The envoy Doe Jane Anne DoeMORE left. Mr. MacDonald said more talks were MORE likely.\n")
    assert prose(text, "text") == ("Aides of President Trump Donald John Trump ’s said on Monday. "
                                   "The envoy Doe Jane Anne Doe left. Mr. MacDonald said more talks were "
                                   "MORE likely.")


def test_a_paragraph_that_ends_with_a_colon_introduces_a_post():
    text = ("The poll also showed that more voters oppose the plan than support it, 48 percnet to 42 percent:\n\n"
            "POLL: Do you support or oppose the plan? 48% Oppose\n\n"
            "42% Support https://t.co/abc123 — Example Polling (@examplepolling) October 17, 2019\n")
    doc = Document(text)
    assert [doc.view[s:e] for s, e in doc.posts] == [
        "POLL: Do you support or oppose the plan? 48% Oppose\n\n42% Support"]
    assert not doc.in_quote(text.index("percnet"), text.index("percnet") + 7)
