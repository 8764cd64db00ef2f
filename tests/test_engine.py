"""The engine: built-in examples hold, phrase lists of many rules share one scan, rules load once."""
from __future__ import annotations

import pytest
from conftest import lint, make_config

from newslint.document.model import Document
from newslint.run.engine import Engine, all_rules

BUILTIN = all_rules(make_config())


@pytest.mark.parametrize("rule_id", sorted(r for r in BUILTIN if BUILTIN[r].example))
def test_builtin_examples_hold(rule_id):
    example = BUILTIN[rule_id].example
    config = {"rules": {rule_id: True}}
    for text in example.get("fail", []):
        assert lint(text, select=[rule_id], config=config), f"{rule_id} should flag: {text}"
    for text in example.get("pass", []):
        assert lint(text, select=[rule_id], config=config) == [], f"{rule_id} should pass: {text}"


def test_every_builtin_rule_documents_itself():
    for rule in BUILTIN.values():
        assert rule.description, rule.id


def test_a_thousand_phrase_rules_share_one_automaton(tmp_path):
    pack = tmp_path / "pack" / "style"
    pack.mkdir(parents=True)
    for i in range(1000):
        (pack / f"word{i}.yaml").write_text(
            f"extends: existence\nmessage: word {i}\nignorecase: true\ntokens: [zork{i}, 'blip {i}']\n",
            encoding="utf-8")
    engine = Engine.build(make_config({"rule_paths": [str(tmp_path / "pack")]}), select=["style"])
    pack = [c for c in engine.checks if c.rule.id.startswith("style/word")]
    assert len(pack) == 1000 and len({id(c.tokens._index) for c in pack}) == 1
    found = [d for d in engine.lint(Document("Zork7 met BLIP 999 and zork1000 near zork12x.", format="text"))
             if d.rule.startswith("style/word")]
    assert sorted(d.rule for d in found) == ["style/word7", "style/word999"]
    assert [(d.column, d.end_column) for d in found] == [(1, 6), (11, 19)]


def test_case_sensitive_and_insensitive_rules_share_phrases(tmp_path):
    pack = tmp_path / "pack" / "style"
    pack.mkdir(parents=True)
    (pack / "exact.yaml").write_text("extends: existence\nmessage: exact\ntokens: [Afp]\n", encoding="utf-8")
    (pack / "loose.yaml").write_text("extends: existence\nmessage: loose\nignorecase: true\ntokens: [afp]\n",
                                     encoding="utf-8")
    engine = Engine.build(make_config({"rule_paths": [str(tmp_path / "pack")]}), select=["style/exact", "style/loose"])
    found = engine.lint(Document("AFP and Afp and afp."))
    assert sorted((d.rule, d.column) for d in found) == [
        ("style/exact", 9), ("style/loose", 1), ("style/loose", 9), ("style/loose", 17)]


def test_exceptions_and_quotes(tmp_path):
    pack = tmp_path / "pack" / "style"
    pack.mkdir(parents=True)
    (pack / "labour.yaml").write_text(
        "extends: existence\nmessage: m\ntokens: [Labour]\nexceptions: [Labour Party]\nexclude_quotes: true\n",
        encoding="utf-8")
    engine = Engine.build(make_config({"rule_paths": [str(tmp_path / "pack")]}), select=["style/labour"])
    found = engine.lint(Document("The Labour Party met. Labour won. He said “Labour is back”."))
    assert [d.column for d in found] == [23]


def test_template_text_is_compared_with_nothing_but_its_typos_stay():
    text = ("Council approves budget\n\nThe council approved its budget on Monday. Send views by email; "
            "the email address is on the council's site.\n\n"
            "Sign up for our newsletter. Invalid e-mail address. Please re-enter.\n\n"
            "The vote was seven to two, and teh mayor welcomed it.\n\n"
            "Mayor Hollis said so. Hollis thanked staff, and HollisÃ¢â‚¬â„¢s aides cheered. Hollis left.\n\n"
            "Follow Mayor Hollis on Twitter and and Instagram.\n")
    found = Engine.build(make_config()).lint(Document(text, format="text"))
    rules = {(d.rule, d.line) for d in found}
    assert ("boilerplate/subscribe-prompts", 5) in rules and ("boilerplate/markup-debris", 9) in rules
    assert not any(line in (5, 9) for rule, line in rules if rule.startswith("consistency/"))
    assert ("spelling/unknown-word", 7) in rules  # the article's own typo stays
    assert ("boilerplate/share-prompts", 11) in rules and ("spelling/doubled-word", 11) in rules  # and one in a prompt


def test_a_slip_marked_sic_is_the_sources():
    text = ("Letter\n\nHe wrote that \"nothing have [sic] been done\" about the councel (sic).\n\n"
            "The the vote was close.\n")
    found = Engine.build(make_config()).lint(Document(text, format="text"))
    assert [(d.rule, d.line) for d in found if not d.rule.startswith("style/")] == [("spelling/doubled-word", 5)]


def test_other_stories_headlines_are_compared_with_nothing():
    text = ("US officials met on Monday. The US envoy left. US trade fell.\n\nArticles You May Like\n"
            "U.S. Plans to Open Talks With Rebels\nReport: Apple to shift assembly from the U.S. to China\n"
            "The new EV is a weird sports wagon\nEconomy in stress and markets high\n")
    found = Engine.build(make_config()).lint(Document(text, format="text"))
    assert [d.rule for d in found] == ["boilerplate/related-links"]


def test_a_rule_that_fails_on_a_text_is_reported_and_the_others_still_run(monkeypatch):
    """A bug in one rule costs its own findings on that text, said as a finding, not the run."""
    from newslint.checks.doubled_word import DoubledWord

    def broken(self, doc):
        raise KeyError((609, 614))
        yield  # a generator, as checks are

    monkeypatch.setattr(DoubledWord, "check", broken)
    engine = Engine.build(make_config({}), select=["spelling/doubled-word", "style/agency-names"])
    found = engine.lint(Document("The the agency Afp said so.", format="text"))
    failed = [d for d in found if d.rule == "spelling/doubled-word"]
    assert len(failed) == 1 and "failed on this text (KeyError" in failed[0].message
    assert (failed[0].line, failed[0].column) == (1, 1)
    assert any(d.rule == "style/agency-names" for d in found)
