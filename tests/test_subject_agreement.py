"""grammar/subject-agreement and the noun numbers it reads (the sentences are written for these tests)."""
from __future__ import annotations

import pytest
from conftest import lint

import newslint
from newslint.resources import noun_number


def findings(text: str) -> list[tuple[str, list[str]]]:
    return [(text[d.offset:d.offset + d.length], d.suggestions)
            for d in lint(text, select=["grammar"]) if d.rule.startswith("grammar/")]


@pytest.mark.parametrize("word, number", [
    ("minister", "singular"), ("law", "singular"), ("news", "singular"),
    ("people", "plural"), ("officials", "plural"),
    ("government", None), ("team", None), ("committee", None), ("staff", None),  # bodies of people
    ("pair", None), ("lot", None), ("majority", None),  # shares of a whole
    ("young", None),  # an adjective more often than a subject
    ("series", None),  # the table gives it both numbers
])
def test_a_nouns_number_comes_from_the_word_pair_table(word, number):
    assert noun_number.get().number(word) == number


@pytest.mark.parametrize("text, verb, suggestion", [
    ("The maker said the deal were a success.", "were", "was"),
    ("The demand for the bonds among foreign buyers have grown this year.", "have", "has"),
    ("The doctor who have treated him spoke to reporters.", "have", "has"),
    ("In the end, the lawyers was paid.", "was", "were"),
    ("The lawyer said one of the witnesses were lying.", "were", "was"),
    ("Many voters who has moved must register again.", "has", "have"),
])
def test_the_subject_is_read_across_the_words_between(text, verb, suggestion):
    assert findings(text) == [(verb, [suggestion])]


@pytest.mark.parametrize("text", [
    # British copy gives a body of people either number, whichever verb is written
    "The government have promised a review, and the cabinet were split. The jury were sent out.",
    "The club have appointed a coach; the board has agreed; the crowd were on their feet.",
    # a share agrees with what it counts
    "The number of claims has doubled, and a number of firms have closed. The rest were sold.",
    # questions and the subjunctive
    "Would the minister have known? Has the bank paid? If the bank were to fail, who would pay?",
    "Would Adam Schiff have voted for it? He said that if he were in charge, he would.",
    # the noun before the verb is not its subject
    "Talks between the union and the firm have stalled. Fans of the club were angry.",
    "He is one of the few ministers who have spoken out.",
    # two subjects
    "The mayor and the council have agreed. The firm and its rival were fined.",
])
def test_no_finding_where_the_reading_is_not_certain(text):
    assert findings(text) == []


@pytest.mark.parametrize("text, format", [
    ("The rules for the firm have quit.", "text"),
    ("<p>The rules for the <b>firm</b> have quit.</p>", "html"),  # findings' offsets are the source's
])
def test_a_certain_subject_overrules_the_word_pair_model(text, format):
    """The model sees "firm have" and wants "has"; the subject is "the rules"."""
    alone = [d for d in lint(text, format=format, select=["grammar/confusion"]) if d.rule == "grammar/confusion"]
    assert [d.suggestions for d in alone] == [["has"]]
    assert [d for d in lint(text, format=format, select=["grammar"]) if d.rule.startswith("grammar/")] == []


def test_one_slip_is_reported_once():
    """"everyone have": the agreement rule and subject-agreement both read it, one reports it;
    "Military personal were": the slip is "personal", whose fix makes "were" right."""
    text = "Headline\n\nOrganisers say everyone have been asked to wait. Military personal were deployed on Monday.\n"
    found = [d for d in newslint.check_text(text) if d.family == "grammar"]
    assert [(d.rule, text[d.offset:d.offset + d.length]) for d in found] == [
        ("grammar/singular-has", "have"), ("grammar/confusion", "personal")], found
