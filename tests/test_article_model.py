"""The article model the consistency rules share: who is who and who is described how, on short
texts written here (whole articles are in tests/fixtures/articles)."""
from __future__ import annotations

import pytest

from newslint.checks.shared.article_model import article, same_name
from newslint.document.model import Document


def model(text: str):
    return article(Document(text, path="story.txt"))


def ages(text: str) -> list[tuple[str, int]]:
    """The model's ages of the text, in order: (person, value)."""
    return [(a.person, a.value) for a in model(text).ages]


@pytest.mark.parametrize("a, b", [("Katherine", "Kathryn"), ("Stephen", "Steven"), ("Sarah", "Sara"),
                                  ("Caitlin", "Caitlyn"), ("Jonathan", "Johnathan"), ("Geoffrey", "Jeffrey")])
def test_spellings_of_one_given_name(a, b):
    assert same_name(a, b)


@pytest.mark.parametrize("a, b", [("John", "Joan"), ("Daniel", "Michael"), ("Anna", "Anne"),
                                  ("Victor", "Elizabeth"), ("Mark", "Maria"), ("Helen", "Helena")])
def test_different_given_names(a, b):
    assert not same_name(a, b)


def test_namesakes_are_told_apart_by_full_name():
    m = model("Police arrested Elizabeth A. Burton, 32, and Victor N. Burton, 57, on Monday. "
              "Victor Burton denied the charge.\n")
    assert m.namesakes == {"Burton"}
    assert {(a.person, a.value) for a in m.ages} == {("Elizabeth Burton", 32), ("Victor Burton", 57)}


def test_a_description_is_tied_to_the_person_it_is_identified_as():
    found = ages("A 57-year-old hiker was rescued on Sunday.\n\n"
                 "Officials identified the man as Gregory Lindqvist, 56, of Tacoma.\n\n"
                 "The 57-year-old was flown to hospital.\n")
    assert found == [("Lindqvist", 57), ("Lindqvist", 56), ("Lindqvist", 57)]


def test_two_described_people_keep_their_ages():
    m = model("Rescuers found a 57-year-old man and a 24-year-old woman. The man, Paul Greer, 57, was hurt. "
              "The woman, Amy Lo, 24, was not.\n")
    # an age set beside a name makes it a person's: each description is tied to its name
    assert {(a.person, a.value) for a in m.ages} == {("Greer", 57), ("Lo", 24)}


def test_birthday_and_death_state_an_age():
    m = model("Arthur Penrose celebrated his 101st birthday on Monday.\n\nFrank Delgado has died. He was 88.\n")
    assert [(a.person, a.value, a.how) for a in m.ages] == [("Penrose", 101, "birthday"), ("Delgado", 88, "death")]


def test_a_title_one_person_holds_names_that_person():
    m = model("Pope Francis arrived in Jakarta on Tuesday. Francis said he was glad. "
              "Senator Ann Lee and Senator Tom Ray met him. Lee said so. Ray said so too.\n")
    assert m.role_holders.get("pope") == "Francis"
    assert "senator" not in m.role_holders  # two senators: neither


def test_a_given_name_alone_is_the_one_person_it_was_given_to():
    found = ages("Owen Pryce, 11, swam 22 miles. His sister Lucy, 9, cheered.\n\nOwen, 12, wants to cycle next.\n")
    assert found == [("Pryce", 11), ("Lucy", 9), ("Pryce", 12)]


def test_a_given_name_two_people_share_stays_unresolved():
    assert ("Tom", 40) in ages("Tom Hart, 34, and Tom Ellis, 40, opened a shop.\n\nTom, 40, said it was busy.\n")


def test_an_anonymous_lede_is_the_person_the_next_paragraph_opens_with():
    found = ages("An 82-year-old man has finished the marathon for the 20th time.\n\n"
                 "Dennis Goodall, from Kent, crossed the line in six hours.\n\nMr Goodall, 83, was delighted.\n")
    assert found == [("Goodall", 82), ("Goodall", 83)]


def test_a_speaker_after_the_lede_is_someone_else():
    found = ages("A 15-year-old boy was pulled from the river.\n\n"
                 "Gary Price, 47, said the boy had been lucky.\n\nThe 47-year-old urged caution.\n")
    assert found == [("the boy", 15), ("Price", 47), ("Price", 47)]


def test_a_common_word_opening_a_sentence_is_nobody():
    found = ages("Officers arrested Curtis Webb, 41, near the station.\n\n"
                 "Police said the suspect handed over a note. The 44-year-old is in jail.\n")
    assert found == [("Webb", 41), ("Webb", 44)]


def test_a_lede_with_two_people_names_neither():
    found = ages("A 34-year-old man has been charged after a woman was hurt in a fight.\n\n"
                 "Sarah Jones, 29, was treated in hospital.\n\nThe man will appear in court.\n")
    assert found == [("the man", 34), ("Jones", 29)]


def test_an_address_or_age_beside_a_name_makes_a_person():
    found = ages("A 19-year-old man has been jailed.\n\nKieran Walsh, of Penrhyn Road, admitted the attack.\n\n"
                 "The judge told Walsh, 21, it was unprovoked.\n")
    assert found == [("Walsh", 19), ("Walsh", 21)]


def test_a_fronted_age_is_the_name_after_it_now_not_then():
    found = ages("At 82, Dolores Finch still runs the diner.\n\nAt 19, Hale joined the force.\n")
    assert found == [("Finch", 82)]


def test_a_dotted_title_makes_a_person():
    assert {"Lee", "Hart"} <= model("On Monday, Gov. Ann Lee and Sgt. Paul Hart toured the levee.\n").cast.persons
    assert "Police" not in model("He thanked the Chief. Police closed the road.\n").cast.persons


def test_an_age_in_brackets_after_a_full_name_is_stated():
    found = ages("Darren Pollard (34), of Hilltop Road, admitted the offence. "
                 "Keith Pollard (61) and his son were fined.\n\n"
                 "Goals: Harry Kane (34), Bukayo Saka (67).\n")
    assert found == [("Darren Pollard", 34)]


def test_a_capitalised_description_in_the_headline_names_no_one():
    found = ages("Climber died after fall, inquest hears\n\n"
                 "An experienced climber died after falling from a ridge, an inquest has heard.\n\n"
                 "Martin Ellis, 47, was scrambling with two friends when he fell.\n\n"
                 "Rescuers reached him within an hour.\n\n"
                 "A safety adviser said loose rock had become more common.\n\n"
                 "The coroner said the 74-year-old had done nothing wrong.\n")
    assert found == [("Ellis", 47), ("Ellis", 74)]


def test_a_body_that_speaks_is_no_person():
    cast = model("The Justice Department said it would appeal. The Home Office confirmed the plan. Lee said no.\n").cast
    assert "Lee" in cast.persons and not {"Department", "Office"} & cast.persons


def test_an_age_set_beside_a_full_name_is_that_persons():
    found = ages("Police said Omar Farah Diallo, a 27-year-old Minnesota man, had died.\n\n"
                 "Kamal Said Hussen, a 28-year-old Minneapolis man, pleaded guilty.\n")
    assert found == [("Diallo", 27), ("Hussen", 28)]


def test_a_determiner_opening_a_sentence_is_no_given_name():
    assert "House" not in model("The House failed to act. Rep. Stephanie Howse said so.\n").given


def test_a_description_followed_by_a_full_name_is_that_persons_age():
    found = ages("Zak Ringelstein, 32, spoke.\n\n"
                 "The group's chairman, 25-year-old union organizer Meg Reilly, wore a T-shirt.\n")
    assert found == [("Ringelstein", 32), ("Reilly", 25)]


def test_a_birthday_still_ahead_is_the_age_before_it():
    found = ages("Justice Ruth Adler died on Saturday, a month shy of her 80th birthday.\n\n"
                 "Adler, 79, served for 30 years.\n")
    assert found == [("Adler", 79), ("Adler", 79)]
