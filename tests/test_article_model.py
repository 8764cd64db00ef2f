"""The article model the consistency rules share: who is who and who is described how, on short
texts written here (whole articles are in tests/fixtures/articles)."""
from __future__ import annotations

import pytest

from newslint.checks.shared.article_model import article, same_name
from newslint.document.model import Document


def model(text: str):
    return article(Document(text, path="story.txt"))


@pytest.mark.parametrize("a, b", [("Katherine", "Kathryn"), ("Stephen", "Steven"), ("Sarah", "Sara"),
                                  ("Caitlin", "Caitlyn"), ("Jonathan", "Johnathan")])
def test_spellings_of_one_given_name(a, b):
    assert same_name(a, b)


@pytest.mark.parametrize("a, b", [("John", "Joan"), ("Daniel", "Michael"), ("Anna", "Anne"),
                                  ("Victor", "Elizabeth"), ("Mark", "Maria")])
def test_different_given_names(a, b):
    assert not same_name(a, b)


def test_namesakes_are_told_apart_by_full_name():
    m = model("Police arrested Elizabeth A. Burton, 32, and Victor N. Burton, 57, on Monday. "
              "Victor Burton denied the charge.\n")
    assert m.namesakes == {"Burton"}
    assert {(a.person, a.value) for a in m.ages} == {("Elizabeth Burton", 32), ("Victor Burton", 57)}


def test_a_description_is_tied_to_the_person_it_is_identified_as():
    m = model("A 57-year-old hiker was rescued on Sunday.\n\n"
              "Officials identified the man as Gregory Lindqvist, 56, of Tacoma.\n\n"
              "The 57-year-old was flown to hospital.\n")
    assert [(a.person, a.value) for a in m.ages] == [("Lindqvist", 57), ("Lindqvist", 56), ("Lindqvist", 57)]


def test_two_described_people_keep_their_ages():
    m = model("Rescuers found a 57-year-old man and a 24-year-old woman. The man, Paul Greer, 57, was hurt. "
              "The woman, Amy Lo, 24, was not.\n")
    assert {(a.person, a.value) for a in m.ages} == {("the man", 57), ("the woman", 24), ("Greer", 57), ("Lo", 24)}


def test_birthday_and_death_state_an_age():
    m = model("Arthur Penrose celebrated his 101st birthday on Monday.\n\nFrank Delgado has died. He was 88.\n")
    assert [(a.person, a.value, a.how) for a in m.ages] == [("Penrose", 101, "birthday"), ("Delgado", 88, "death")]


def test_a_title_one_person_holds_names_that_person():
    m = model("Pope Francis arrived in Jakarta on Tuesday. Francis said he was glad. "
              "Senator Ann Lee and Senator Tom Ray met him. Lee said so. Ray said so too.\n")
    assert m.role_holders.get("pope") == "Francis"
    assert "senator" not in m.role_holders  # two senators: neither
