"""confusion: a real word where another member of its confusion set is far likelier in context.

    extends: confusion
    message: "'%s' here reads as a slip for '{suggestion}'"
    sets: [than/then, "their/there/they're", lose/loose]
    expansions: {"they're": they are}   # how the statistics read a contraction
    min_ratio: 50                           # the likelier member must be this many times as likely
    set_min_ratios: {to/too: 500}           # a set's own, where both words are common around a slip

A speller knows both "then" and "than"; only the words around tell them apart. Each word of a
set is scored against the other members between its two neighbours with word bigram counts
from an installed package (newslint.resources.confusion_model), and flagged when a member is
`min_ratio` times as likely. A house adds its own sets in YAML. Only the tokens that belong to a
set are looked at: a dictionary look-up per token. Both neighbours must be words parted from it
by a single space (punctuation or a line break ends the context: one side is too little
evidence), except after a comma, where a clause starts and the word after it tells ("Still,
their is"). A contraction is scored through the words it stands for, and one with two readings
("it's": it is, it has) is flagged only where both lose ("it's been"). A sentence's first word
that is a function word, before a word in lower case, is read on its right side and needs twice
the ratio ("Their is"; "Shell have" is a name); so is a word whose left neighbour the table never
saw beside a member, at twice min_ratio at least ("talking here about" is no "hear about"); any
other capitalised member is a name or a
title ("Lead Belly", "The Principal") and is left alone, and so is a member after a name, whose
number is the house's ("Microsoft have") and whose pairs are rare.
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, ClassVar, Iterator

from ..core.diagnostic import Diagnostic
from ..core.errors import OptionError
from ..core.options import Option
from ..core.rule import Rule
from ..document.model import Document
from ..document.tokens import straight_apostrophes as _plain
from .agreement import earlier_in_sentence, opens_sentence
from .languagetool import from_languagetool
from .shared.check import BuildContext, Check
from .shared.fixes import match_case

if TYPE_CHECKING:
    from ..document.tokens import Token
    from ..resources.confusion_model import ConfusionModel, Verdict

MEMO_SIZE = 100_000
_MODALS = frozenset(["may", "will", "can", "might", "must", "shall"])  # and names: May, Will, Can
_LOG_2 = math.log(2)
# a word this common opens sentences as itself, not as a name: their 6.3, you're 5.9, less 5.5 (not
# shell 4.4, lead 5.2, whose 5.1)
FUNCTION_WORD_ZIPF = 5.4
CLAUSE_REACH = 5  # words after a member that unless_in_clause reads
_CLAUSE_BREAK = re.compile(r"[,.;:!?\"“”()\n—–]")
_ENDS_SENTENCE = re.compile(r"[.!?:;\n\"“”]")
# a past participle after a contracted auxiliary: "it's been", "who's taken", "there's grown"
_PARTICIPLE = re.compile(r"[a-z]+(?:ed|en|wn|ne)|been|got|had|made|done|gone|come|become|run|won|lost|left|"
                         r"put|set|cut|hit|let|led|said|paid|sold|told|held|kept|brought|bought|thought|caught|"
                         r"taught|fought|sought|found|begun|sung|hung|struck|stuck|built|sent|spent|meant|felt")


class Confusion(Check):
    NAME = "confusion"
    DESCRIPTION = "Flags a word of a confusion set (than/then) where another member is far likelier in context."
    OPTIONS = {
        "sets": Option("strings", help="confusion sets, members joined by '/': than/then"),
        "expansions": Option("mapping", {}, "contractions scored as the words they stand for, readings parted "
                             "by '|': it's -> it is | it has"),
        "stand_ins": Option("mapping_of_lists", {}, "words of a member's class whose pairs stand in for its "
                            "pairs the table lacks: their: [his, her]"),
        "auxiliaries": Option("strings", [], "words a contraction's reading may end in only before a past "
                              "participle: has ('it's been' is 'it has been'; 'it's profits' is no 'it has profits')"),
        "min_ratio": Option("number", 50, "how many times as likely the other member must be", minimum=1),
        "contraction_min_ratio": Option("number", 1, "the ratio a contraction needs to be suggested for a word "
                                        "written without one, unless a verb in -ing or a past participle follows, "
                                        "which needs its auxiliary ('there going to', 'its been'): elsewhere its "
                                        "expansion's pairs read clauses the pairs cannot weigh ('hope their more "
                                        "positive messages')", minimum=1),
        "no_contraction_after": Option("strings", [], "words after which no contraction is suggested: auxiliaries, "
                                       "after which a pronoun and its auxiliary cannot stand ('Are there going', "
                                       "never 'are they're')"),
        "unless_earlier": Option("mapping_of_lists", {}, "a member left alone when one of these words comes "
                                 "before it in its sentence, a reading two words cannot see: then: [if, when]"),
        "unless_earlier_not_after": Option("mapping_of_lists", {}, "words just before a member that make "
                                           "unless_earlier void: 'then' after 'more' is 'than' whatever "
                                           "opened the sentence"),
        "set_min_ratios": Option("mapping_of_numbers", {}, "a set's own min_ratio, where its words are common on both "
                                 "sides of a slip: to/too: 200", minimum=1),
        "unless_next": Option("mapping_of_lists", {}, "a member left alone when one of these words follows it, "
                              "where the pair table reads a set phrase of the rival's: then: [or] ('then or now', "
                              "not 'greater than or equal')"),
        "before_counts": Option("strings", [], "members right after a comma that a count after them proves: the "
                                "count is their clause's subject ('the school, where about 75 students had huddled')"),
        "right_before_participles": Option("strings", [], "auxiliaries that a past participle after them proves "
                                           "right against a member that is none ('were undervalued', not 'where')"),
        "clear_min_ratio": Option("number", 0, "a lower min_ratio (not a set's own) where the table saw the likelier "
                                  "member with both neighbours and the word written with neither ('a grate deal'); "
                                  "0: none", minimum=0),
        "silent_left_min_ratio": Option("number", 1, "the ratio a word needs where the word before it was never seen "
                                        "beside any member, so that only the word after tells ('farmers weather a "
                                        "storm': a subject or verb the pairs cannot weigh)", minimum=1),
        "right_before_plurals": Option("strings", [], "members that a plural noun after them proves right, whatever "
                                       "the pairs say: fewer ('fewer loans')"),
        "right_before_gerunds": Option("strings", [], "contractions that a word in -ing after them proves right: "
                                       "we're ('the attacks we're disclosing'), whatever the word before says"),
        "needs_noun_after": Option("strings", [], "members that must be followed by a noun (their, your, its): never "
                                   "suggested before a word the noun table lacks that ends its clause ('they're "
                                   "strategic.')"),
        "owner_verbs": Option("strings", [], "finite verbs that, as the word after next, make the word between a "
                              "subject's noun, so a possessive before it is likely: would, is ('it's films would "
                              "be available': its)"),
        "owner_min_ratio": Option("number", 1, "the ratio a possessive suggested there needs", minimum=1),
        "owner_places": Option("mapping_of_lists", {}, "members, besides the contractions, that a possessive may "
                               "stand for before a subject's noun and its verb, each with the words before it that "
                               "make it a place: there: [near, in] ('that there careers would': their; not 'Near "
                               "there residents have')"),
        "unless_within": Option("mapping_of_lists", {}, "a member left alone where one of these words stands among "
                                "the three words before it: have: [and, of] ('the city and the hotel have grown', "
                                "'the contents of the article were'): the word before is not the subject"),
        "taken_as_meant": Option("strings", [], "members never flagged where written, only suggested: personnel "
                                 "('a personnel matter' reads as 'personal' to the pairs, but nobody writes the rarer "
                                 "word by mistake there)"),
        "unless_in_clause": Option("mapping_of_lists", {}, "a member left alone where one of these words stands "
                                   f"among the {CLAUSE_REACH} words after it, before any punctuation: where: "
                                   "[have, is] ('10 others where lower court judges have said': the clause has "
                                   "its verb, and 'were' would make two)"),
        "unless_after": Option("mapping_of_lists", {}, "a member left alone right after one of these words: "
                               "weather: [to] ('to weather a storm' is the verb, which the pairs cannot see)"),
    }
    PLACEHOLDERS = ("match", "suggestion", "ratio")
    rule_ids: ClassVar[set[str]] = set()  # the ids of the rules of this type built in this process

    @classmethod
    def validate_patterns(cls, options: dict) -> None:
        for entry in options["sets"]:
            members = [m.strip() for m in entry.split("/")]
            if len(members) < 2 or not all(members) or any(" " in m for m in members):
                raise OptionError("a set is two or more single words joined by '/': than/then", "sets", entry)
        for entry in options["set_min_ratios"]:
            if entry not in options["sets"]:
                raise OptionError("not one of the rule's sets", "set_min_ratios", entry)

    def __init__(self, rule: Rule, context: BuildContext):
        super().__init__(rule, context)
        Confusion.rule_ids.add(rule.id)
        # each contraction -> its readings, each as the words scored: it's -> (it is), (it has)
        expansions = {_plain(k): tuple(tuple(_plain(r).split()) for r in v.split("|"))
                      for k, v in self.options["expansions"].items()}
        own = self.options["set_min_ratios"]
        # each member -> the other members it may be a slip for, as (name, readings scored);
        # each (member, other member) -> the log of the ratio that flags it, and of the one that
        # flags it on clear evidence (clear_min_ratio lowers min_ratio, not a set's own ratio)
        self.rivals: dict[str, list[tuple[str, tuple[tuple[str, ...], ...]]]] = {}
        self.thresholds: dict[tuple[str, str], float] = {}
        self.clear_thresholds: dict[tuple[str, str], float] = {}
        clear = float(self.options["clear_min_ratio"]) or math.inf
        for entry in self.options["sets"]:
            members = [_plain(m.strip()) for m in entry.split("/")]
            ratio = float(own.get(entry, self.options["min_ratio"]))
            for m in members:
                rivals = self.rivals.setdefault(m, [])
                named = {name for name, _ in rivals}
                rivals.extend((o, expansions.get(o, ((o,),))) for o in members if o != m and o not in named)
                for o in members:
                    _raise(self.thresholds, (m, o), math.log(ratio))
                    _raise(self.clear_thresholds, (m, o), math.log(ratio if entry in own else min(ratio, clear)))
        self.scored = {m: expansions.get(m, ((m,),)) for m in self.rivals}
        self.auxiliaries = frozenset(_plain(w).lower() for w in self.options["auxiliaries"])
        self.unless_earlier = _word_sets(self.options["unless_earlier"])
        self.unless_earlier_not_after = _word_sets(self.options["unless_earlier_not_after"])
        self.right_only_bar = math.log(2 * float(self.options["min_ratio"]))
        self.silent_left_bar = math.log(float(self.options["silent_left_min_ratio"]))
        self.contractions = frozenset(expansions)
        self.contraction_bar = math.log(float(self.options["contraction_min_ratio"]))
        self.no_contraction_after = frozenset(_plain(w).lower() for w in self.options["no_contraction_after"])
        self.before_plurals = frozenset(_plain(w).lower() for w in self.options["right_before_plurals"])
        self.unless_next = _word_sets(self.options["unless_next"])
        self.before_counts = frozenset(_plain(w).lower() for w in self.options["before_counts"])
        self.before_participles = frozenset(_plain(w).lower() for w in self.options["right_before_participles"])
        self.before_gerunds = frozenset(_plain(w).lower() for w in self.options["right_before_gerunds"])
        self.needs_noun_after = frozenset(_plain(w).lower() for w in self.options["needs_noun_after"])
        self.owner_verbs = frozenset(w.lower() for w in self.options["owner_verbs"])
        self.owner_bar = math.log(float(self.options["owner_min_ratio"]))
        self.owner_places = _word_sets(self.options["owner_places"])
        self.unless_after = _word_sets(self.options["unless_after"])
        self.unless_in_clause = _word_sets(self.options["unless_in_clause"])
        self.taken_as_meant = frozenset(_plain(w).lower() for w in self.options["taken_as_meant"])
        self.unless_within = _word_sets(self.options["unless_within"])
        self._model: ConfusionModel | None = None
        # (word, neighbour before, neighbour after) -> verdict: "of the", "to be" come back often
        self._memo: dict[tuple[str, str | None, str | None], Verdict | None] = {}

    @property
    def model(self) -> ConfusionModel:
        if self._model is None:
            from ..resources import confusion_model
            words = {w for m, readings in self.scored.items() for words in readings for w in (m, *words)}
            stand_ins = {_plain(k).lower(): tuple(w.lower() for w in v) for k, v in self.options["stand_ins"].items()}
            self._model = confusion_model.load(words, stand_ins)
        return self._model

    def verdicts(self, doc: Document) -> Iterator[tuple[Token, Verdict]]:
        """Each member token whose context makes another member likelier, with that member and
        by how much, whatever the threshold (benchmarks/confusables.py sweeps it)."""
        rivals, tokens, view = self.rivals, doc.tokens, doc.view
        last = len(tokens) - 1
        for i, tok in enumerate(tokens):
            text = tok.text
            opening = text[0].isupper()  # a sentence's first word, read on its right side only
            if text in rivals:  # a dictionary look-up per token: the members are in lower case
                key = text
            elif opening and text[1:].islower() and (key := _plain(text).lower()) in rivals:
                # before a word in lower case ("Their is"), and a function word: "Shell have signed"
                # is a name, as is a capital anywhere else ("Lead Belly", "The Principal")
                if i == last or not tokens[i + 1].text.islower() or not opens_sentence(doc, tok.start) \
                        or not _function_word(key):
                    continue
            elif "’" not in text or (key := text.replace("’", "'")) not in rivals:
                continue
            if tok.kind != "word":
                continue
            before = _neighbour(tokens[i - 1], view[tokens[i - 1].end:tok.start]) if i > 0 and not opening else None
            after = _neighbour(tokens[i + 1], view[tok.end:tokens[i + 1].start]) if i < last else None
            if after is None or "-" in after or (
                    before is None and not opening and not (i > 0 and view[tokens[i - 1].end:tok.start] == ", ")):
                continue  # one neighbour is too little evidence ("get out of there.", "too alt-right": the table
                # has no compounds), but a comma starts a clause
            if not opening and tokens[i - 1].text[0].isupper() and (
                    (i > 1 and not _ENDS_SENTENCE.search(view[tokens[i - 2].end:tokens[i - 1].start]))
                    or tokens[i - 1].text.lower() in _MODALS):
                # after a name: its number is the house's ("Microsoft have"), its pairs rare; a
                # capitalised modal opening a sentence before a finite verb is one ("May has")
                continue
            context = (key, before, after)
            if context in self._memo:
                verdict = self._memo[context]
            else:
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.clear()
                verdict = self._memo[context] = self.model.best(self._readings(key, after), rivals[key], before, after)
            if verdict is not None:
                yield tok, verdict

    def _readings(self, key: str, after: str | None) -> tuple[tuple[str, ...], ...]:
        """The readings of the word written: a contracted "has" is an auxiliary only ("it's been",
        never "it's profits" for "it has profits"), so that reading needs a participle after it."""
        readings = self.scored[key]
        if len(readings) < 2 or (after is not None and _PARTICIPLE.fullmatch(after)):
            return readings
        kept = tuple(r for r in readings if r[-1] not in self.auxiliaries)
        return kept or readings

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        spans = None
        for tok, verdict in self.verdicts(doc):
            word = _plain(tok.text).lower()
            if word in self.taken_as_meant or verdict.log_ratio < self._bar(tok, word, verdict) and not (
                    verdict.log_ratio >= self.owner_bar and self._owns_a_subject(doc, tok, word, verdict)):
                continue
            if word in self.unless_earlier and earlier_in_sentence(doc, tok.start, self.unless_earlier[word]) \
                    and not _after_comparative(doc, tok, self.unless_earlier_not_after.get(word, frozenset())):
                continue
            if word in self.before_plurals and _before_plural(doc, tok):
                continue
            following = _next_word(doc, tok)
            if self._contraction_unlikely(doc, tok, word, verdict, following):
                continue
            if word in self.before_participles and verdict.word not in self.before_participles \
                    and _PARTICIPLE.fullmatch(following):
                continue  # "warnings ... were undervalued": a passive, not "where"
            if following in self.unless_next.get(word, ()) or (word in self.before_gerunds and gerund(following)):
                continue
            if word in self.before_counts and doc.view[tok.start - 2:tok.start] == ", " \
                    and _COUNT_AFTER.match(doc.view, tok.end):
                continue
            if word in self.unless_after and _previous_word(doc, tok) in self.unless_after[word]:
                continue
            if word in self.unless_in_clause and not self.unless_in_clause[word].isdisjoint(_clause_after(doc, tok)):
                continue
            if verdict.word in self.needs_noun_after and (_ends_clause_without_noun(doc, tok) or (
                    verdict.right_silent and _function_word(following)) or _SPAN_OF_TIME.match(doc.view, tok.end)):
                continue  # "they're strategic.": no "their" before a clause's last word that names nothing,
                # nor before a function word the table never saw it with ("walks out of there against"),
                # nor before a span of time that dates the clause ("had built there four years ago")
            if word in self.unless_within and _within_three(doc, tok, self.unless_within[word]):
                continue
            if _PARTICIPLE.fullmatch(word) and not _PARTICIPLE.fullmatch(verdict.word) and _after_auxiliary(doc, tok):
                continue  # "the tariffs have not led to", "were not led to": a participle after an auxiliary
            if spans is None and self.rule.scope != "document":
                spans = self.spans(doc)
            if not self.wanted(doc, tok.start, tok.end, spans):
                continue
            suggestion = match_case(tok.text, verdict.word)
            yield self.report(doc, tok.start, tok.end, suggestions=[suggestion],
                              fix=self.replacement_fix(doc, tok.start, tok.end, suggestion, safe=False),
                              suggestion=suggestion, ratio=_rounded(math.exp(verdict.log_ratio)))

    def _bar(self, tok: Token, word: str, verdict: Verdict) -> float:
        """The log ratio that flags the word. Read on its right side only, one side's evidence
        needs more: a sentence's first word twice its set's ratio ("It's peak Google."), a clause's
        first word after a comma at least twice min_ratio, and a word whose left neighbour the
        table never saw with either member at least silent_left_min_ratio too ("talking here
        about", "ear loops were appropriate"), unless a possessive is suggested. Evidence on
        both sides, the written word seen with neither neighbour and its rival with both, needs
        only clear_min_ratio."""
        bar = self.thresholds[word, verdict.word]
        if verdict.right_silent and word in self.needs_noun_after:
            return math.inf  # a possessive is told by its noun: "anyone whose converter", a pair no table holds
        if tok.text[0].isupper():
            return bar + _LOG_2
        if verdict.clear:
            return self.clear_thresholds[word, verdict.word]
        if verdict.left_silent and verdict.word not in self.needs_noun_after:
            # a possessive is told by the noun after it ("unveil it's results"); a clause's
            # opener or a content word by what stands before it too
            return max(bar, self.right_only_bar, self.silent_left_bar)
        return bar if verdict.left_told else max(bar, self.right_only_bar)

    def _owns_a_subject(self, doc: Document, tok: Token, word: str, verdict: Verdict) -> bool:
        """Whether a possessive suggested for a contraction stands before a subject's noun: a
        content word, then a finite verb ("it's films would be", "they're family was"), so that nothing but a noun
        fits between them; a contraction's reading needs a participle, an adverb or an
        adjective there, which the pairs have weighed ("it's widely believed"). So does "there"
        written for "their" ("that there careers wouldn't be": an existential "there" takes its
        verb first), unless the word before makes it a place ("Near there residents have complained")."""
        if verdict.word not in self.needs_noun_after or not self.owner_verbs or (word not in self.contractions and (
                word not in self.owner_places or _previous_word(doc, tok) in self.owner_places[word])):
            return False
        tokens, view = doc.tokens, doc.view
        i = doc.token_range(tok.start, tok.end).start
        if i + 2 >= len(tokens) or view[tok.end:tokens[i + 1].start] != " " \
                or view[tokens[i + 1].end:tokens[i + 2].start] != " ":
            return False
        noun, verb = tokens[i + 1].text, _plain(tokens[i + 2].text)
        return verb in self.owner_verbs and noun.isalpha() and noun.islower() and not noun.endswith("ly") \
            and not gerund(noun) and not _PARTICIPLE.fullmatch(noun) and not _function_word(noun)

    def _contraction_unlikely(self, doc: Document, tok: Token, word: str, verdict: Verdict, following: str) -> bool:
        """Whether a contraction suggested for a word written without one lacks the evidence it
        needs: after an auxiliary it cannot stand; elsewhere it needs contraction_min_ratio
        unless a verb form after it needs its auxiliary."""
        if verdict.word not in self.contractions or word in self.contractions:
            return False
        if _previous_word(doc, tok) in self.no_contraction_after:
            return True
        verb_form = gerund(following) or bool(_PARTICIPLE.fullmatch(following))
        return not verb_form and verdict.log_ratio < self.contraction_bar

    def refine(self, found: list[Diagnostic], doc: Document) -> list[Diagnostic]:
        """Report each slip once: a span that another of newslint's own grammar rules reports (a
        hand-written context, grammar/confused-words; a subject, grammar/singular-has) keeps that
        rule's message, which names the context; of two confusion rules (a house's beside the
        built-in one), the one whose id sorts first keeps it. LanguageTool's matches on this
        rule's spans are dropped by the languagetool check (its rule ids are upper case)."""
        prefix = self.rule.family + "/"
        mine = self.rule.id

        def defers_to(rule: str) -> bool:
            if rule == mine or not rule.startswith(prefix) or from_languagetool(rule[len(prefix):]):
                return False
            return rule not in Confusion.rule_ids or rule < mine

        others = [(d.offset, d.offset + d.length) for d in found if defers_to(d.rule)]
        if not others:
            return found
        return [d for d in found
                if d.rule != self.rule.id or not any(s < d.offset + d.length and d.offset < e for s, e in others)]


def _raise(thresholds: dict[tuple[str, str], float], pair: tuple[str, str], value: float) -> None:
    """A pair in two sets takes the higher of their thresholds."""
    thresholds[pair] = max(value, thresholds.get(pair, value))


def _before_plural(doc: Document, tok: Token) -> bool:
    """Whether a plural noun follows the token: "fewer loans" (a regular plural of a dictionary
    word, or one the word pair table counts as plural: "fewer people")."""
    from ..resources import lexicon, noun_number
    i = doc.token_range(tok.start, tok.end).start + 1
    if i >= len(doc.tokens) or doc.view[tok.end:doc.tokens[i].start] != " ":
        return False
    nxt = _plain(doc.tokens[i].text).lower()
    return noun_number.get().number(nxt) == "plural" or (
        len(nxt) > 3 and nxt.endswith("s") and not nxt.endswith("ss") and lexicon.get().is_word(nxt[:-1]))


# auxiliaries a participle follows: a perfect's, or a passive's ("were not led to think")
_PARTICIPLE_AUXILIARIES = frozenset(["have", "has", "had", "having", "'ve", "’ve", "is", "are", "was", "were",
                                      "be", "been", "being"])
_BETWEEN_AUXILIARY = frozenset(["not", "never", "already", "also", "just", "now", "since", "long", "recently", "n't",
                                "really", "actually", "finally", "largely", "mostly", "partly", "probably", "even",
                                "still", "kind", "sort", "of"])  # "has kind of led to"


def _after_auxiliary(doc: Document, tok: Token) -> bool:
    """Whether have, has or had, or a form of "be", stands just before the token, past "not",
    "never", "already"...: "have not led", "has already chosen", "were not led to think"."""
    tokens = doc.tokens
    k = doc.token_range(tok.start, tok.end).start - 1
    while k >= 0 and tokens[k].text.lower() in _BETWEEN_AUXILIARY:
        k -= 1
    return k >= 0 and tokens[k].text.lower() in _PARTICIPLE_AUXILIARIES


def _word_sets(mapping: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """A member -> the words, in lower case, of an unless_* option."""
    return {_plain(k): frozenset(_plain(w).lower() for w in v) for k, v in mapping.items()}


def _previous_word(doc: Document, tok: Token) -> str:
    """The word before the token, in lower case ('' at the start)."""
    i = doc.token_range(tok.start, tok.end).start
    return _plain(doc.tokens[i - 1].text).lower() if i > 0 else ""


def _after_comparative(doc: Document, tok: Token, comparatives: frozenset[str]) -> bool:
    """Whether a comparative stands just before the token: "something other then", not the
    pronoun "each other" ("love each other then they ought to")."""
    i = doc.token_range(tok.start, tok.end).start
    if i == 0 or _plain(doc.tokens[i - 1].text).lower() not in comparatives:
        return False
    return not (i > 1 and doc.tokens[i - 2].text.lower() in ("each", "one") and doc.tokens[i - 1].text == "other")


def _within_three(doc: Document, tok: Token, words: frozenset[str]) -> bool:
    """Whether one of the words stands among the three words before the token, with no
    punctuation between: two subjects ("the city and the hotel have"), a phrase after the
    subject ("the contents of the article were")."""
    i = doc.token_range(tok.start, tok.end).start
    tokens, view = doc.tokens, doc.view
    for k in range(i - 1, max(-1, i - 4), -1):
        if view[tokens[k].end:tokens[k + 1].start] != " ":
            return False
        if tokens[k].text in words:
            return True
    return False


def _ends_clause_without_noun(doc: Document, tok: Token) -> bool:
    """Whether the word after the token ends its clause (a comma, a full stop, a quotation mark
    after it) and the noun table has never seen it as a subject: an adjective ("strategic")."""
    from ..resources import noun_number
    i = doc.token_range(tok.start, tok.end).stop
    if i >= len(doc.tokens):
        return False
    after = doc.tokens[i]
    ends = doc.view[after.end:after.end + 1]
    return ends in _CLAUSE_ENDS and after.text.lower() not in noun_number.get().counts


_CLAUSE_ENDS = frozenset(".,;:!?\"”’)")
# a count, perhaps approximate: " about 75", " nearly 2,000", " 30"
_COUNT_AFTER = re.compile(r" (?:(?:about|around|nearly|almost|roughly|some|over|more than|at least|up to) )?\d")
# a span of time that dates a clause, never a possessive's noun: "four years ago", "a decade earlier"
_SPAN_OF_TIME = re.compile(r" (?:[\w-]+ ){1,2}(?:years?|months?|weeks?|days?|decades?|hours?|minutes?) "
                           r"(?:ago|earlier|later|before)\b")


def gerund(word: str) -> bool:
    """A word in -ing long enough to be a verb's ("disclosing", not "king" or "sing")."""
    return len(word) > 4 and word.endswith("ing")


def _next_word(doc: Document, tok: Token) -> str:
    """The word after the token, in lower case ('' at the end)."""
    i = doc.token_range(tok.start, tok.end).stop
    return _plain(doc.tokens[i].text).lower() if i < len(doc.tokens) else ""


def _clause_after(doc: Document, tok: Token) -> list[str]:
    """The CLAUSE_REACH words after the token, in lower case, up to the first punctuation."""
    rest = doc.view[tok.end:tok.end + 20 * CLAUSE_REACH]
    return [_plain(w).lower() for w in _CLAUSE_BREAK.split(rest, maxsplit=1)[0].split()[:CLAUSE_REACH]]


def _function_word(word: str) -> bool:
    from ..resources import lexicon
    return lexicon.zipf(word) >= FUNCTION_WORD_ZIPF


def _neighbour(token, gap: str) -> str | None:
    """A neighbouring word as the statistics spell it, if nothing but one space parts it."""
    if gap != " " or token.kind != "word":
        return None
    return _plain(token.text).lower()


def _rounded(ratio: float) -> str:
    """1,000s of times: a figure an editor reads at a glance."""
    if ratio >= 1000:
        return f"{round(ratio, -int(math.log10(ratio)) + 1):,.0f}"
    return f"{round(ratio, -1):.0f}" if ratio >= 100 else f"{ratio:.0f}"
