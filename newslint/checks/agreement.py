"""agreement: a singular subject just before a plural verb: "Serena Williams have", "he have".

A speller knows both "has" and "have"; only the subject tells them apart. The subjects read
here are the ones a line of text can be sure of: the rule's pronouns, and the persons of the
article with a title ("Mr Blair") or named in full who also speak ("Serena Williams" ...
"Williams said"). The verb must follow the subject directly, and the plural stays right where a
word or phrase before the subject says so: an auxiliary or "to" ("did he have", "Would Adam
Schiff have"), the subjunctive ("if he were", "as it were"), a compound subject ("Smith and
Jones have", "Senator Cruz, Senator Lee, Senator Rubio have"), a verb or participle whose
object the name is, so the subject is a noun before it ("the efforts to persuade Trump were",
"21 states including Colorado have"). A subject the article gives the plural verb twice and the
singular never is plural by its usage ("House Democrats have ... Democrats have").

    extends: agreement
    message: "'%s' after '{subject}': did you mean '{suggestion}'?"
    verb: have
    singular: has
    pronouns: [he, she, it]
    not_after: [did, does, "as if", and]
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..document.model import Document
from ..document.people import CALENDAR, acronym, bare, capitalised, dotted_title, people, possessive, vocabulary
from ..document.tokens import straight_apostrophes
from .shared.article_model import NUMBER_WORDS, article
from .shared.check import Check
from .shared.fixes import match_case
from .shared.page import FUNCTION_WORDS

# function words that open a sentence before a name and are no part of it ("If Ginsburg were");
# "The Fed" keeps its article
_OPENERS = FUNCTION_WORDS - {"the", "a", "an"}

# a noun the word pairs give plural verbs this often against singular ones may be plural as written (fish)
PLURAL_SHARE = 0.2
# a word this frequent (if, will, there) is no first name nor subject; names are rarer ("mark" is 5.0, "george" 4.9)
COMMON_WORD_ZIPF = 6.0
# after these, the next word is a verb (whose object a following name is): "to persuade Trump"
VERB_OPENERS = frozenset(["to", "will", "would", "can", "could", "shall", "should", "may", "might", "must",
                          "did", "does", "do"])
# the stems of negative contractions that are no verb opener as written: "won't", "can't"
_NEGATED = {"wo": "will", "ca": "can", "sha": "shall"}
# and a relative pronoun: the word after it is the clause's verb ("who follow Obama have")
_CLAUSE_VERB_OPENERS = VERB_OPENERS | {"who", "that", "which"}
# a past verb, a gerund or a common transitive verb before a pronoun makes it the object: "who
# painted it were", "the reasons it gave for rescinding it were", "the politicians who have it have"
_OBJECT_AFTER = re.compile(r"[a-z]{2,}(?:ed|ing)|ha(?:ve|s|d)|get|gets|got|make|makes|made|take|takes|took|"
                           r"give|gives|gave|want|wants|need|needs|keep|keeps|kept|own|owns|hold|holds|held")
# pronouns that are never an object (him, her): after a verb they open its clause ("announced he were");
# in lower case only ("officials who greeted He were": a surname)
_SUBJECT_ONLY = frozenset(["he", "she", "i", "we", "they"])
# prepositions before a name that make it an object, never the subject of the verb after it
_OBJECT_BEFORE = frozenset("of in at on for from with by about into against over under between among to "
                           "towards toward near behind across through without within beyond upon".split())
# an auxiliary before a name opens a question: "Would Adam Schiff have", "Did Mr Blair have"
AUXILIARIES = VERB_OPENERS | {"had", "has", "have", "is", "was", "were", "are"}


def _after_a_verb_opener(tokens, v: int, view: str) -> bool:
    """Whether token `v`, in lower case, follows a word after which a verb comes ("to close",
    "would not discuss", "didn't mention"): then it is that verb."""
    if v < 1 or not tokens[v].text.islower():
        return False
    before = v - 1
    if tokens[before].text in ("not", "never") and before > 0 and view[tokens[before].end:tokens[v].start] == " ":
        before -= 1
    opener = tokens[before].text.lower()
    if opener.endswith(("n't", "n’t")):
        opener = _NEGATED.get(opener[:-3], opener[:-3])
    gap = view[tokens[before].end:tokens[before + 1].start]
    return opener in VERB_OPENERS and gap == " "


class Agreement(Check):
    NAME = "agreement"
    DESCRIPTION = "Flags a plural verb right after a singular subject: a pronoun or a person of the article."
    OPTIONS = {
        "verb": Option("str", help="the plural form, as written: have"),
        "singular": Option("str", help="the form a singular subject takes: has"),
        "pronouns": Option("strings", [], "singular pronouns, in lower case"),
        "persons": Option("bool", True, "capitalised subjects are read too: persons, and names singular elsewhere"),
        "not_after": Option("strings", [], "words or phrases just before the subject that make the plural right"),
        "singular_verbs": Option("strings", [], "verbs that, after a capitalised subject elsewhere in the article, "
                                 "show it is treated as singular: has, is, says"),
        "plural_verbs": Option("strings", [], "their plural forms: a subject given one of these more than once "
                               "is plural by house style (British teams and bands)"),
        "adverbs": Option("strings", [], "words that may stand between the subject and the verb: also, still"),
        "clause_openers": Option("strings", [], "words after which a pronoun that may be an object ('it') opens "
                                 "a clause, read when an adverb stands before the verb: that, said"),
        "not_within": Option("strings", [], "words that, among the few before the subject, make it compound: and"),
        "window": Option("int", 4, "how many words before the subject are read for not_within", minimum=0),
        "unless_earlier": Option("strings", [], "words that, earlier in the sentence, make the plural right: "
                                 "imagine (\"Imagine that she were\")"),
    }
    PLACEHOLDERS = ("match", "suggestion", "subject")

    def __init__(self, rule, context):
        super().__init__(rule, context)
        self.verb = self.options["verb"]
        self.pronouns = {p.lower() for p in self.options["pronouns"]}
        self.not_after = [tuple(p.lower().split()) for p in self.options["not_after"]]
        self.not_within = {w.lower() for w in self.options["not_within"]}
        self.adverbs = frozenset(w.lower() for w in self.options["adverbs"])
        self.unless_earlier = frozenset(w.lower() for w in self.options["unless_earlier"])
        self.clause_openers = frozenset(w.lower() for w in self.options["clause_openers"])
        self.singular_verbs = set(self.options["singular_verbs"])
        self.plural_verbs = set(self.options["plural_verbs"]) | {self.verb}
        self.reach = max([len(p) for p in self.not_after] + [self.options["window"]])
        # the verb after a space, as a whole word: found in C, not by a walk over every token
        self.candidates = re.compile(rf"(?<= ){re.escape(self.verb)}(?![\w'’-])")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        view = doc.view
        found = [m.start() for m in self.candidates.finditer(view)]
        if not found:
            return
        tokens = doc.tokens
        persons: set[str] | None = None  # both read once, at the first capitalised subject
        numbers: dict[str, tuple[int, int]] = {}
        spans = None
        for at in found:
            here = doc.token_range(at, at + 1)  # the verb's token, if a token starts there
            i = here.start
            if not here or i == 0 or tokens[i].text != self.verb or tokens[i - 1].end != at - 1:
                continue
            s = i - 1  # the subject's last word, past one adverb: "he also were"
            if s > 0 and tokens[s].text in self.adverbs and view[tokens[s - 1].end:tokens[s].start] == " ":
                s -= 1
            verb, subject = tokens[i], tokens[s]
            first = s  # where the subject starts
            # a capitalised pronoun after a capitalised word is a title's ("Everything Or Nothing were")
            pronoun = subject.text.lower() in self.pronouns and not (
                subject.text.istitle() and s > 0 and capitalised(tokens[s - 1])
                and view[tokens[s - 1].end:subject.start] == " ")
            if pronoun and subject.text not in _SUBJECT_ONLY and s > 0 and \
                    view[tokens[s - 1].end:subject.start] == " " and (
                    _OBJECT_AFTER.fullmatch(tokens[s - 1].text)
                    or (tokens[s - 1].text.lower() not in self.clause_openers
                        and (_after_a_verb_opener(tokens, s - 1, view) or s < i - 1))):
                # "the people who painted it were", "his vows to close it have", "would not discuss
                # it were": the pronoun is the verb's object; past an adverb, only a word that opens
                # a clause makes it the subject ("said it really were", not "regulate it really have"),
                # as after an auxiliary ("I don't think it ever were")
                continue
            if not pronoun:
                if not self.options["persons"] or not capitalised(subject) or possessive(subject):
                    continue
                if persons is None:
                    persons = named_persons(doc)
                    numbers = self._verb_numbers(doc) if self.singular_verbs else {}
                name = bare(subject)
                singular, plural = numbers.get(name, (0, 0))
                singular_elsewhere = singular >= 1 and plural == 1  # this verb is its one plural
                # only as one of the cast of American copy (the cast first: american_copy reads every word)
                american = name not in persons and not singular_elsewhere
                if american and not (name in _cast_singulars(doc) and american_copy(doc)):
                    continue
                if name in CALENDAR or (plural >= 2 and singular == 0):
                    continue  # "Tuesday were"; "Democrats have ... Democrats have"
                first = self._name_start(tokens, first, view)
                if american and tokens[first].text == "The":
                    continue  # "The Taliban have": no person's name opens with "The"
                if NUMBER_WORDS.get(tokens[first].text.lower(), 1) > 1 or tokens[first].text.lower() in _QUANTIFIERS:
                    continue  # "Seventeen Democrats have", "Many Syrians have": a count of people, not a name
                if first == s and opens_sentence(doc, subject.start) and (
                        re.search(rf"\b{re.escape(name.lower())}\b", view)
                        or not (singular_elsewhere or self._person_opening(doc, name, american or name in persons))):
                    # "People have ...": one capital word opening a sentence may be anything; and one
                    # the article writes in lower case is a noun ("Cities have", after "Guardian Cities is")
                    continue
                if self._object_of_a_verb(tokens, first, view) or self._in_a_list(tokens, first, view):
                    continue
            if self._plural_made_right(tokens, first, view, named=not pronoun) or (
                    self.unless_earlier and earlier_in_sentence(doc, tokens[first].start, self.unless_earlier)):
                continue
            if spans is None and self.rule.scope != "document":
                spans = self.spans(doc)
            if not self.wanted(doc, verb.start, verb.end, spans):
                continue
            suggestion = match_case(verb.text, self.options["singular"])
            yield self.report(doc, verb.start, verb.end, suggestions=[suggestion],
                              fix=self.replacement_fix(doc, verb.start, verb.end, suggestion, safe=False),
                              suggestion=suggestion, subject=view[tokens[first].start:subject.end])

    def _person_opening(self, doc: Document, name: str, person: bool) -> bool:
        """Whether a person of the article opening a sentence on their own is the subject
        ("Trump have refused"): in American copy only, where a team or firm named after a
        person takes a singular verb too (British copy writes "McLaren have won", "Dyson have
        told staff"); not a modal ("May have") nor a noun that may be plural ("Banks have
        tightened", "Fish have returned": the word pairs give it plural verbs often)."""
        from ..resources import lexicon, noun_number
        lower = name.lower()
        counts = noun_number.get().counts.get(lower)
        return person and lower not in AUXILIARIES and american_copy(doc) and not (
            lower.endswith("s") and lexicon.get().known(lower)) and not (
            counts is not None and counts[1] >= PLURAL_SHARE * counts[0])  # "Fish have returned"

    def _name_start(self, tokens, first: int, view: str) -> int:
        """Back from the last word of a name to its first: "Mr Tony Blair", "Sen. Ted Cruz", but
        not into an auxiliary that opens a question ("Would Adam Schiff have")."""
        titles = vocabulary()["titles"]
        plural = bare(tokens[first]).endswith("s")
        while first > 0:
            before, gap = tokens[first - 1], view[tokens[first - 1].end:tokens[first].start]
            case = before.text in ("v.", "vs.", "v") and first > 1 and capitalised(tokens[first - 2])  # "Roe v. Wade"
            # "USA Freedom Act", "the U.N. Population Fund"
            initial = len(before.text) == 1 and before.text.isupper() and gap == ". "  # "George W. Bush"
            in_name = capitalised(before) or (before.kind in ("word", "abbreviation") and acronym(before)) or case \
                or initial
            if not in_name or before.text.lower() in AUXILIARIES or before.text.lower() in _OPENERS \
                    or (before.text == "The" and plural):
                break  # "If Ginsburg were": a sentence's first word, no part of the name ("The Fed" is one,
                # but "The North Koreans have" is a people)
            if gap != " " and not (gap == ". " and (before.text in titles or case or initial)):
                break
            first -= 1
        return first

    def _object_of_a_verb(self, tokens, first: int, view: str) -> bool:
        """Whether the name is the object of the word before it: a participle or a verb after
        "to", a modal or a relative pronoun ("including Colorado have", "named Biden have", "to
        persuade Trump were", "will endure Tuesday were", "the Democrats who follow Obama have"):
        the subject is a noun further back."""
        if first == 0 or view[tokens[first - 1].end:tokens[first].start] != " ":
            return False
        word = tokens[first - 1].text
        if not word.islower():
            return False
        if len(word) >= 5 and word.endswith(("ing", "ed")):
            return True
        return first > 1 and view[tokens[first - 2].end:tokens[first - 1].start] == " " and \
            tokens[first - 2].text.lower() in _CLAUSE_VERB_OPENERS

    @staticmethod
    def _in_a_list(tokens, first: int, view: str) -> bool:
        """Whether the name ends a list of names set off by commas ("Senator Cruz, Senator
        Lee, Senator Rubio have"): two names before it, each followed by a comma."""
        names = 0
        at = first
        while at > 0 and view[tokens[at - 1].end:tokens[at].start] == ", " and capitalised(tokens[at - 1]):
            names += 1
            at -= 1
            while at > 0 and capitalised(tokens[at - 1]) and view[tokens[at - 1].end:tokens[at].start] in (" ", ". "):
                at -= 1
        return names >= 2

    def _verb_numbers(self, doc: Document) -> dict[str, tuple[int, int]]:
        """For each capitalised word directly followed by one of the verbs: how many times it
        takes a singular verb and how many times a plural one ("Microsoft has", "Microsoft
        have"). "I", plural acronyms ("MMORPGs") and common words ("There were", "What have")
        are no such subjects."""
        from ..resources import lexicon
        lex = lexicon.get()
        tokens, view = doc.tokens, doc.view
        counts: dict[str, list[int]] = {}
        last = len(tokens) - 1
        for i in doc.capital_words:
            if i == last:
                break
            tok, nxt = tokens[i], tokens[i + 1]
            number = 0 if nxt.text in self.singular_verbs else 1 if nxt.text in self.plural_verbs else None
            if number is None or not capitalised(tok) or possessive(tok) or view[tok.end:nxt.start] != " ":
                continue
            if tok.text == "I" or (tok.text[-1] == "s" and tok.text[:-1].isupper()) \
                    or lex.zipf(tok.text.lower()) >= COMMON_WORD_ZIPF:
                continue
            before = tokens[i - 1].text.lower() if i > 0 and view[tokens[i - 1].end:tok.start] == " " else ""
            if before and (tokens[i - 1].kind == "number" or before in NUMBER_WORDS or before in _QUANTIFIERS):
                continue  # "none of its 53 Republicans has": the verb agrees with "none"
            if before in _OBJECT_BEFORE or (before == "the" and i > 1 and tokens[i - 2].text.lower() in _OBJECT_BEFORE):
                continue  # "The need to seek help from the Libyans was": the name is no subject
            if before in _JOINERS:
                continue  # "Biden and Booker are": the verb agrees with both
            counts.setdefault(tok.text, [0, 0])[number] += 1
        return {name: (singular, plural) for name, (singular, plural) in counts.items()}

    def _plural_made_right(self, tokens, first: int, view: str, named: bool) -> bool:
        """Whether the words just before the subject (with nothing but spaces between) end with
        one of not_after or, before a name, hold one of not_within ("Smith and star Jones have";
        before a pronoun, "and" more often joins two clauses: "..., and he have"), or an
        ampersand joins the subject to another."""
        if first > 0 and ("&" in view[tokens[first - 1].end:tokens[first].start]
                          or view[tokens[first - 1].end:tokens[first].start] == "/"):
            return True  # "Smith & Jones have", "The Enquirer/The Onion have"
        before: list[str] = []
        j = first
        # quotation marks and hyphens go with the words: "his longtime “fixer”-turned-foe Michael Cohen";
        # an editor's brackets too: "and [if] I were president"; a name's particle ("supporters of de
        # Blasio were") and a region's word ("forces in northern Iraq were") are the name's
        while j > 0 and len(before) < self.reach and (
                not view[tokens[j - 1].end:tokens[j].start].strip(' “”"‘’-[]')
                or dotted_title(view, tokens[j - 1], tokens[j])):
            # (past a title's full stop: "Mrs. Warren and Mr. de Blasio have")
            j -= 1
            word = tokens[j].text.lower().replace("’", "'").lstrip("‘")
            if not word.startswith("'"):
                word = word.rstrip("'")  # "‘as if’ he were": the quotation's marks are not the words'"
            if not before and word in _NAME_PARTS | _DEGREE | _ROLE_MODIFIERS:
                continue  # "the requirement that nearly everyone have insurance": "that" rules the verb;
                # "conservatives like former Florida Gov. Jeb Bush have": "like" does
            before.insert(0, word)
        # "Knight and drum and bass star Roni Size have"; after a comma too ("..., and chief financial
        # officer Tim Howard have": a list's last item, or a clause, the words cannot say)
        window = before[max(0, len(before) - self.options["window"]):]
        opened = max((k + 1 for k, w in enumerate(window) if w in _SUBORDINATORS), default=0)
        if named and self.not_within & set(window[opened:]):
            return True  # (not before a clause's start: "politics and media when Bill Clinton were")
        if named and len(before) >= 3 and before[-2] == "the" and before[-3] in _OBJECT_BEFORE:
            return True  # "these moves by the younger Paul were": a preposition's object, described
        return any(len(p) <= len(before) and tuple(before[len(before) - len(p):]) == p for p in self.not_after)


_DEGREE = frozenset(("nearly", "almost", "virtually", "practically"))
_JOINERS = frozenset(("and", "or", "nor"))
# words that open a clause: a compound subject does not reach back past them
_SUBORDINATORS = frozenset(("when", "while", "because", "after", "before", "since", "until", "if", "although",
                            "though", "whether", "where", "once", "unless"))
_ROLE_MODIFIERS = frozenset(("former", "late", "then", "ex", "outgoing", "incoming", "acting", "interim"))
_NAME_PARTS = frozenset(("de", "da", "di", "del", "van", "von", "la", "le", "bin", "al", "northern", "southern",
                         "eastern", "western", "central", "north", "south", "east", "west", "northeastern",
                         "northwestern", "southeastern", "southwestern", "rural", "coastal", "downtown"))
_QUANTIFIERS = frozenset(("many", "several", "some", "most", "few", "both", "all", "dozens", "hundreds", "thousands",
                          "millions", "numerous", "countless"))


# a wire story's dateline before its first sentence: "SPRINGFIELD, Ill. (AP) — ", "LONDON (Reuters) - ",
# "WASHINGTON — ", "(CNN) — "
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?,? "
                       r"(?:\([A-Z][A-Za-z .]*\) )?|\([A-Z][A-Za-z .]*\) )(?:[—–]|--?) ")


# where the spellings leave the dialect open, a courtesy title written the American way, or the
# dotted "U.S." (British papers write "US"), and nothing British: "Mr. Boyd" against "Mr Boyd"
# ("percent" and "July 1" are no marks: wire copy of British spelling writes them too)
_AMERICAN_MARKS = re.compile(r"\b(?:Mrs?|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Sgt|Atty)\. [A-Z]|\bU\.S\.|"
                             r"\b(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. \d|\([DRI]-[A-Z][A-Za-z.]*\)")
_BRITISH_MARKS = re.compile(r"\b(?:Mrs?|Ms|Dr) [A-Z]|\bper cent\b|£")


def american_copy(doc: Document) -> bool:
    """Whether the article is American: its spellings lead by two (the lexicon's dialects), or,
    where they leave it open, its courtesy titles are written "Mr. Boyd" and nothing is British.
    Cached on the document."""
    american = doc.__dict__.get("_american_copy")
    if american is None:
        from ..resources import lexicon
        spelling = lexicon.infer_dialect([t.text for t in doc.tokens if t.kind == "word" and t.text.islower()],
                                         margin=2)
        american = doc.__dict__["_american_copy"] = spelling == "en-US" or (
            spelling is None and bool(_AMERICAN_MARKS.search(doc.view)) and not _BRITISH_MARKS.search(doc.view))
    return american


def opens_sentence(doc: Document, offset: int) -> bool:
    """Nothing but opening quotes or brackets between a sentence's start and `offset`, or a wire
    story's dateline ("WASHINGTON (AP) — The committee have voted")."""
    k = doc.sentence_index(offset)
    if k < 0 or offset >= doc.sentences[k][1]:
        return False
    before = doc.view[doc.sentences[k][0]:offset]
    return not before.strip(" \"'“‘([") or _DATELINE.fullmatch(before) is not None


_PUNCTUATION = ",.;:!?\"'“”‘’()[]"


def earlier_in_sentence(doc: Document, offset: int, words: frozenset[str]) -> bool:
    """Whether one of `words` comes before `offset` in its sentence ("if sales rise, then")."""
    k = doc.sentence_index(offset)
    start = doc.sentences[k][0] if k >= 0 else 0
    return not words.isdisjoint(straight_apostrophes(w).strip(_PUNCTUATION) for w in doc.lowered[start:offset].split())


def named_persons(doc: Document) -> set[str]:
    """The persons of the article with a title ("Ms Williams", "President Vladimir Putin"), named
    in full after a role in lower case ("Tory leader Michael Howard"), named in full who also
    speak ("Serena Williams" ... "Williams said"), or given an age ("Robinson, 30,"): a team or
    a firm may take a plural verb in British English ("United have"), and people.py counts
    "United said" as a person. A first name must not be a common word: '"If England lose' gives
    England no first name.
    Cached on the document: both agreement rules ask."""
    cached = doc.__dict__.get("_named_persons")
    if cached is not None:
        return cached
    from ..resources import lexicon
    lex = lexicon.get()
    cast = people(doc)
    words = vocabulary()
    titles, verbs = words["titles"], words["speech_verbs"]
    tokens = doc.tokens
    last = len(tokens) - 1
    named, titled = set(), set()
    for i in doc.capital_words:
        name = bare(tokens[i])
        if name in named or name in titled:
            continue
        if i > 0 and tokens[i - 1].text.rstrip(".") in titles:
            titled.add(name)
        elif (i < last and tokens[i + 1].text in verbs or _speaker_after_verb(doc, i, cast, verbs)) and any(
                lex.zipf(first.lower()) < COMMON_WORD_ZIPF for first in cast.first_names.get(name, ())) \
                and not _of_a_body(tokens, i):
            named.add(name)  # "Williams said", "said Paul Helmke"
    named |= _named_after_a_role(doc, titles)
    named |= {age.person for age in article(doc).ages if age.how == "apposition" and " " not in age.person}
    named -= _groups(doc, words["quantifiers"])
    named |= titled  # "Mr. Sessions" is one person, however the article writes his possessive ("Sessions’ bid")
    doc.__dict__["_named_persons"] = named
    return named


# a word the article also writes in lower case is a noun, whatever a capital makes of it once
# ("top Congressional Leadership were", "I've been Speaker"); so is a word of these endings
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_ABSTRACT_NOUN = re.compile(r"(?:ship|ment|tion|sion|ity|ness|ance|ence|ism|ure)$")


def _cast_singulars(doc: Document) -> set[str]:
    """The names that American copy, where a firm or a team named after a person takes a singular
    verb as the person does, makes singular: the whole cast of people.py ("O'Rourke quickly" after
    "Beto O'Rourke") and each word of a full name ("Jeb" of "Jeb Bush", "Carter" of "Jimmy
    Carter"); but not a word ending in s ("Senate Democrats", "Jeff Sessions": named_persons reads
    those by their title) nor a noun the word pairs give plural verbs ("Capitol Police").
    Cached on the document: both agreement rules ask."""
    cached = doc.__dict__.get("_cast_singulars")
    if cached is not None:
        return cached
    from ..resources import noun_number
    counts = noun_number.get().counts
    cast = people(doc)
    names = cast.persons | cast.first_names.keys() | {f for firsts in cast.first_names.values() for f in firsts}
    lower_words = set(_LOWER_WORD.findall(doc.view))
    found = doc.__dict__["_cast_singulars"] = {
        name for name in names if not name.endswith("s") and not _ABSTRACT_NOUN.search(name)
        and name.lower() not in lower_words and not (
            (entry := counts.get(name.lower())) is not None and entry[1] >= PLURAL_SHARE * entry[0])}
    return found


def _speaker_after_verb(doc: Document, i: int, cast, verbs) -> bool:
    """Whether the name ending at token `i` is a speaker named in full after the verb, set off
    by a comma or ending the sentence: "said Paul Helmke, who ...", not "said Fannie Mae would"."""
    tokens, view = doc.tokens, doc.view
    return i > 1 and tokens[i - 2].text in verbs and tokens[i - 1].text in cast.first_names.get(bare(tokens[i]), ()) \
        and view[tokens[i - 2].end:tokens[i - 1].start] == " " == view[tokens[i - 1].end:tokens[i].start] \
        and view[tokens[i].end:tokens[i].end + 1] in (",", ".")


def _of_a_body(tokens, i: int) -> bool:
    """Whether the capitalised words ending at token `i` follow "of", "at" or "the": a body's or
    a place's name ending a speaker's apposition ("Keith Amos, chairman of the Friends of
    Seacombe Winter Gardens, said"), not the speaker."""
    while i > 0 and tokens[i - 1].text[:1].isupper():
        i -= 1
    return i > 0 and tokens[i - 1].text.lower() in ("of", "at", "the")


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    """Words of a role in lower case: the roles, and the titles' words ("deputy general secretary
    Hugh Lanning") but those that open an institution's name."""
    words_of = vocabulary()
    return words_of["roles"] | {t.lower() for t in words_of["titles"] - words_of["institution_titles"]}


def _groups(doc: Document, quantifiers: frozenset[str]) -> set[str]:
    """Capitalised plurals that name groups, never one person, however often they "joined" or
    "said": those the article counts ("nine Republicans joined", "some Senate Democrats"), writes
    as a plural possessive ("Democrats’ flagship"), also in the singular ("a Republican"), or after
    "the" and another capital, where no first name stands ("the Wisconsin Democrats said")."""
    tokens, view = doc.tokens, doc.view
    capitals = {tokens[i].text for i in doc.capital_words}
    counted = set()
    for i in doc.capital_words:
        name = bare(tokens[i])
        if not name.endswith("s") or i == 0:
            continue
        if name[:-1] in capitals or tokens[i].text in (name + "’", name + "'") or (
                i > 1 and tokens[i - 2].text.lower() == "the" and capitalised(tokens[i - 1])
                and view[tokens[i - 2].end:tokens[i].start] == " " + tokens[i - 1].text + " "):
            counted.add(name)
            continue
        k = i - 1  # back past the words of the name: "some Senate Republicans", "Nine Republicans"
        while k >= 0 and view[tokens[k].end:tokens[k + 1].start] == " ":
            word = tokens[k].text
            if word.lower() in quantifiers or word.isdigit():
                counted.add(name)
                break
            if not capitalised(tokens[k]):
                break
            k -= 1
    return counted


def _named_after_a_role(doc: Document, titles: frozenset[str]) -> set[str]:
    """The last words of full names after a title ("Prime Minister Tony Blair", "Sen. Kamala
    Harris", "Assistant Chief Constable David Warcup") or a role in lower case ("England captain
    Jason Robinson"), but not after a title that opens an institution's name ("Crown Prosecution
    Service", "General Motors Corp")."""
    institutions = vocabulary()["institution_titles"]
    roles = _roles()
    tokens, view = doc.tokens, doc.view
    names = set()
    for run in article(doc).runs:
        words = [w.rstrip(".") for w in view[run.start:run.end].split()]
        if len(words) < 2 or words[0] in institutions:
            continue
        if any(w in titles for w in words[:-2]):
            names.add(run.surname)
            continue
        i = doc.token_range(run.start, run.start + 1).start - 1  # the word before the name
        if i < 0:
            continue
        before, gap = tokens[i].text, view[tokens[i].end:run.start]
        if (gap == " " and before in roles) or (gap in (" ", ". ") and before in titles and before not in institutions):
            names.add(run.surname)
    return names
