"""subject-agreement: a verb whose number is not its subject's: "the law were passed", "they has".

    extends: subject-agreement
    message: "'%s' after '{subject}': did you mean '{suggestion}'?"
    verbs: {have: has, were: was, are: is}       # each plural form and its singular
    determiners: {a: singular, these: plural, the: either}
    pronouns: {they: plural, we: plural}

A speller knows both "has" and "have"; only the subject tells them apart, and it need not stand
next to the verb ("Interest in China among media groups have"). Reading back from the verb past
an adverb ("also"), the subject is one of:
  - a pronoun of the rule's (they, we);
  - a noun phrase: a determiner or a possessive, modifiers, a head noun ("the new law",
    "Foster's takeover offer", "the TFC Tower"), with prepositional phrases after it ("interest
    in China"), that opens a clause: at a sentence's start, after a comma, or after a word
    that opens one (that, because, said); "one of the ..." is singular;
  - a relative pronoun, whose number is its antecedent's ("the minister who have"): the phrase
    just before it where that opens a clause, or a singular one anywhere that nothing before it
    can share the relative with ("enjoyed the match, which were"; not "the parents of the boy,
    who", "measures to fight the virus that have"), or a person of the article ("Mr Wilson, who").
The head's number is what the word pair counts of newslint.resources.noun_number say, and a
phrase is read only when it is certain: a noun that names a body of people ("the government
have", "the team were": British copy writes either) or counts a share (`shares`: "the pair were",
"the rest have") has no number, nor has a noun the table is too thin for, nor a determiner and a noun that
disagree. Names take no plural number here (the United States has), and "were" is left alone
where the subjunctive may be meant ("if the law were passed"). The pronouns he, she and it and
the persons of the article are the agreement rules' (grammar/singular-has, grammar/singular-was).
"""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Iterator

from ..core.diagnostic import Diagnostic
from ..core.errors import OptionError
from ..core.options import Option
from ..document.model import Document
from ..document.people import vocabulary
from ..document.tokens import straight_apostrophes as _plain
from ..document.tokens import strip_possessive
from .agreement import VERB_OPENERS, american_copy, earlier_in_sentence, named_persons, opens_sentence
from .confusion import Confusion, gerund
from .languagetool import from_languagetool
from .shared.check import Check
from .shared.fixes import match_case

if TYPE_CHECKING:
    from ..document.tokens import Token
    from ..resources.noun_number import NounNumbers

NUMBERS = ("singular", "plural")
# the determiners around a relative clause without "that" ("the resistance the president have faced"):
# never a conjunction's or a relative's ("the requirement that nearly everyone have")
_ARTICLES = frozenset(["the", "a", "an", "his", "her", "its", "their", "our", "my", "your"])
# clause openers that are prepositions after a span of time: "six months before the election"
_TIME_PREPOSITIONS = frozenset(["after", "before", "since", "until"])
_SPANS_OF_TIME = frozenset(["minute", "hour", "day", "week", "month", "year", "decade", "moment", "shortly",
                            "soon", "long", "just", "right"])
COMMON_WORD = 5.0
# after "is": the subject is a word or phrase talked about, singular whatever its words ("Gold Star
# families is a term", "Black Lives Matter is the slogan")
_NAMES_A_TERM = re.compile(r" (?:a|an|the|another|one) (?:\w+ )?(?:term|word|phrase|expression|slogan|label|"
                           r"catchphrase|euphemism|name|nickname|acronym|abbreviation|title)\b")
_DEGREE_ADVERBS = frozenset(["very", "too", "so", "extremely", "most", "less", "least", "truly"])
LIST_ITEM_WORDS = 4  # words of a list's item between two commas: "average income"
_SUBJECT_PRONOUNS = frozenset(["i", "you", "we", "they", "he", "she", "it"])
# after the verb, words that say its subject is several: "who are both", "who were all"
_JOINT = frozenset(["both", "all"])
# a gerund this many words before a subject phrase, opening the sentence, makes its clause the subject
_GERUND_REACH = 4
MAX_MODIFIERS = 3  # words between a determiner and its head: "the new Scottish energy minister"
MAX_PHRASES = 2  # prepositional phrases between a subject and its verb: "interest in China among groups"
MAX_ADVERBS = 2
MAX_BEFORE_ITS = 4  # words from a verb to the "its" that takes its subject back: "have not yet published its"
MAX_APPOSITION = 10  # words between the commas after a person: "Bob Murray, chairman of the club, have"
LEAN_RATIO = 4  # verb counts this lopsided say a noun's usual number ("women": 7 plural to 1)
MAX_HIGHER_PHRASES = 3  # noun phrases a relative may reach back through prepositions
MAX_RELATIVE_APPOSITION = 20  # or a relative clause: "Maria Delgado, who has run the food bank ... since 2015, have"
# a regular plural's pairs with singular verbs may be this share of its plural ones (rules: 13%)
PLURAL_STRAY_SHARE = 0.3
# a body of people whose singular verb pairs are this many times its plural ones takes a singular
# verb in American copy ("government" 12 to 1, "team" 5, "country" 3.4; not "family" 2.5, "couple"
# 1.3, "staff" 0.9, "police" 0): British copy writes either
AMERICAN_LEAN = 3
_BASE_FORMS = frozenset(["have", "do"])  # a verb's base form, which a subjunctive takes
# words after which a base form is a subjunctive ("insisted the company have a safety officer")
# and prepositions after which a verb may come before its subject ("Before the committee were
# three bids")
_NOT_BEFORE_A_BODY = frozenset(["that", "insist", "insists", "insisted", "demand", "demands", "demanded", "ask",
                                "asks", "asked", "urge", "urges", "urged", "propose", "proposes", "proposed",
                                "recommend", "recommends", "recommended", "require", "requires", "required",
                                "request", "requests", "requested", "order", "orders", "ordered", "suggest",
                                "suggests", "suggested"])
# nouns of demand whose "that" clause takes a subjunctive: "the requirement that each state have"
_DEMAND_NOUNS = frozenset(["requirement", "demand", "demands", "recommendation", "proposal", "insistence", "request",
                           "order", "rule", "condition", "stipulation"])
_INVERTING = frozenset(["before", "after", "behind", "among", "beside", "alongside"])
# modifiers that count: "the past two years has been", like "the 10 billion were", may be read either way
CARDINALS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                       "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands",
                       "million", "millions", "billion", "dozen", "dozens", "few", "several", "many"])


class SubjectAgreement(Check):
    NAME = "subject-agreement"
    DESCRIPTION = ("Flags a verb whose number is not its subject's: a noun phrase, a plural pronoun or a "
                   "relative pronoun's antecedent, read only where its number is certain.")
    OPTIONS = {
        "verbs": Option("mapping", help="each plural verb form and its singular: have: has"),
        "subjunctive": Option("strings", [], "plural forms that may be a subjunctive (were): left alone after "
                              "the words of `subjunctive_after` earlier in the sentence"),
        "subjunctive_after": Option("strings", [], "words that may call for a subjunctive: if, wish, though"),
        "pronouns": Option("mapping", {}, "subject pronouns read here and their number: they: plural"),
        "determiners": Option("mapping", {}, "determiners and the number they give a phrase (singular, plural, "
                              "or either: the noun says)"),
        "relatives": Option("strings", [], "relative pronouns, whose number is their antecedent's: who, that"),
        "personal_relatives": Option("strings", [], "relatives that stand only for a person (who): read after a "
                                     "person of the article too ('Mr Wilson, who have')"),
        "shared_with": Option("strings", [], "words just before a noun phrase that give a relative after it another "
                              "antecedent: of, and, including ('the parents of the boy, who were')"),
        "clausal_relatives": Option("strings", [], "relatives that after a comma may stand for the whole clause "
                                    "before ('..., which has angered'): only a plural verb is read after them"),
        "clause_openers": Option("strings", [], "words after which a clause, and its subject, begins: that, because"),
        "reporting_verbs": Option("strings", [], "more verbs after which a clause begins without 'that' "
                                  "(suggested), where it opens with a determiner and no word of "
                                  "reporting_verbs_not_after comes earlier in the sentence"),
        "reporting_verbs_not_after": Option("strings", [], "words that make a reporting verb after them a relative's "
                                            "or a subordinate clause's, which may take an object: who, after"),
        "prepositions": Option("strings", [], "prepositions whose phrase may stand between a subject and its verb"),
        "adverbs": Option("strings", [], "words (or two-word phrases) that may stand between a subject and "
                          "its verb, besides words in -ly: also, still, in particular"),
        "groups": Option("strings", [], "nouns of bodies of people the word pair table is too thin to show as "
                         "such (jury, crowd): British copy gives them either number"),
        "not_heads": Option("strings", [], "words that end a noun phrase on its left and are no subject: "
                            "auxiliaries (would, could: 'would last season have'), there, what"),
        "modifiers_only": Option("strings", [], "words that may modify a noun but stand for one only where "
                                 "the number is the reader's: the first, the latter, the second"),
        "shares": Option("strings", [], "nouns that count a share of something and agree with what they count "
                         "('the majority were', 'a number have'); empty: those the word pair table shows followed "
                         "by 'of' far more often than by a verb"),
    }
    PLACEHOLDERS = ("match", "suggestion", "subject")

    @classmethod
    def validate_patterns(cls, options: dict) -> None:
        for option in ("pronouns", "determiners"):
            for word, number in options[option].items():
                if number not in NUMBERS + (("either",) if option == "determiners" else ()):
                    raise OptionError("a number is singular or plural" + (
                        ", or either" if option == "determiners" else ""), option, word)

    def __init__(self, rule, context):
        super().__init__(rule, context)
        verbs = {p.lower(): s.lower() for p, s in self.options["verbs"].items()}
        # each form -> (its number, the form of the other number)
        self.forms = {p: ("plural", s) for p, s in verbs.items()} | {s: ("singular", p) for p, s in verbs.items()}
        self.singular_forms = frozenset(verbs.values())
        self.subjunctive = {w.lower() for w in self.options["subjunctive"]}
        self.subjunctive_after = frozenset(w.lower() for w in self.options["subjunctive_after"])
        self.pronouns = {w.lower(): n for w, n in self.options["pronouns"].items()}
        self.determiners = {w.lower(): n for w, n in self.options["determiners"].items()}
        self.relatives = frozenset(w.lower() for w in self.options["relatives"])
        self.language = context.settings.get("language", "auto")
        self.clausal = frozenset(w.lower() for w in self.options["clausal_relatives"])
        self.personal_relatives = frozenset(w.lower() for w in self.options["personal_relatives"])
        self.shared_with = frozenset(w.lower() for w in self.options["shared_with"])
        self.reporting_verbs = frozenset(w.lower() for w in self.options["reporting_verbs"])
        self.reporting_not_after = frozenset(w.lower() for w in self.options["reporting_verbs_not_after"])
        self.openers = frozenset(w.lower() for w in self.options["clause_openers"]) | self.reporting_verbs
        self.relatives_only = self.relatives - self.openers  # "who", "which": "that" opens clauses too
        self.prepositions = frozenset(w.lower() for w in self.options["prepositions"])
        # a sentence's capitalised first word that ends a possessor's name: "Among Powell's challenges"
        self.name_stops = self.prepositions | _MORE_PREPOSITIONS
        self.adverbs = frozenset(w.lower() for w in self.options["adverbs"] if " " not in w)
        self.adverb_pairs = frozenset(tuple(w.lower().split()) for w in self.options["adverbs"] if w.count(" ") == 1)
        self.groups = frozenset(w.lower() for w in self.options["groups"])
        self.modifiers_only = frozenset(w.lower() for w in self.options["modifiers_only"])
        self.shares = frozenset(w.lower() for w in self.options["shares"]) or None
        # words that end a noun phrase on its left or are no head: "and" joins two subjects
        self.no_head = (self.openers | self.prepositions | self.relatives | self.adverbs | set(self.determiners)
                        | set(self.pronouns) | set(self.forms) | {w.lower() for w in self.options["not_heads"]}
                        | {"of", "and", "or", "nor", "he", "she", "it", "i", "you"})
        # a word before the verb that ends every reading at once ("it is", "there are", "would have")
        self.dead_ends = self.no_head - self.pronouns.keys() - self.relatives - self.adverbs
        forms = "|".join(sorted(map(re.escape, self.forms), key=len, reverse=True))
        # the verbs after a space, as whole words in lower case (an upper-case one opens a question)
        self.candidates = re.compile(rf"(?<= )(?:{forms})(?![\w'’-])")
        self._nouns: NounNumbers | None = None

    @property
    def nouns(self) -> NounNumbers:
        if self._nouns is None:
            from ..resources import noun_number
            self._nouns = noun_number.get()
        return self._nouns

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        view, tokens = doc.view, doc.tokens
        spans = None
        for m in self.candidates.finditer(view):
            here = doc.token_range(m.start(), m.start() + 1)
            i = here.start
            if not here or i == 0 or tokens[i].start != m.start() or tokens[i].end != m.end() \
                    or self._dead_end(doc, tokens[i - 1]):
                continue
            verb = tokens[i]
            if i + 1 < len(tokens) and view[verb.end:tokens[i + 1].start] == " " and (
                    tokens[i + 1].text.lower() in _SUBJECT_PRONOUNS or tokens[i + 1].text.lower() in _JOINT):
                continue  # "who are we to question them?": the verb comes before its subject; "Sessions and
                # Gov. Nikki Haley, who are both under consideration": a plural the verb's "both" names
            number, other = self.forms[verb.text]
            reading = self._subject(doc, i)
            if reading is None and number == "plural":
                reading = self._name_with_its(doc, i)
            if reading is None or reading[0] == number:
                continue
            _, first, last = reading
            if verb.text in self.subjunctive and self._subjunctive_possible(doc, verb.start):
                continue
            if verb.text in _BASE_FORMS and _mandated(tokens, first):
                continue  # "requires that a weapon have only one feature": a mandative subjunctive
            if _after_a_gerund(doc, first):
                continue  # "Reclaiming white, working-class voters is a tall order": the gerund's clause is the subject
            if _NAMES_A_TERM.match(view, verb.end):
                continue  # "Gold Star families is a term the military uses": the words are named, not used
            if spans is None and self.rule.scope != "document":
                spans = self.spans(doc)
            if not self.wanted(doc, verb.start, verb.end, spans):
                continue
            suggestion = match_case(verb.text, other)
            yield self.report(doc, verb.start, verb.end, suggestions=[suggestion],
                              fix=self.replacement_fix(doc, verb.start, verb.end, suggestion, safe=False),
                              suggestion=suggestion, subject=view[tokens[first].start:tokens[last].end])

    def _dead_end(self, doc: Document, tok: Token) -> bool:
        """Whether the word before the verb ends every reading ("would have", "there are"); a
        capital inside a sentence makes it a name ("drafted in May, were")."""
        lower = tok.text.lower()
        return lower in self.dead_ends and (tok.text == lower or opens_sentence(doc, tok.start))

    def refine(self, found: list[Diagnostic], doc: Document) -> list[Diagnostic]:
        """Drop another rule's finding that would put a verb in the other number where the
        subject is certain of the number written: the word pair model sees "scheme have" in
        "Rules on the scheme have changed", not "Rules". Drop this rule's own finding where
        another grammar rule of newslint's reports the same verb ("everyone have": the agreement
        rule says it), or a word of the subject, whose fix may change its number ("Military
        personal were": personnel)."""
        tokens = doc.tokens
        others = [d for d in found if d.family == self.rule.family and d.rule != self.rule.id
                  and not from_languagetool(d.rule.split("/", 1)[1])]
        kept = []
        for d in found:
            if d.rule == self.rule.id and others and self._told_otherwise(doc, d, others):
                continue
            written = doc.text[d.offset:d.offset + d.length] if d.rule != self.rule.id else ""
            form = self.forms.get(written)
            if form is not None and form[1] in d.suggestions:
                i = _token_at(doc, d.offset)
                if 0 < i < len(tokens) and tokens[i].text == written:
                    reading = self._subject(doc, i)
                    if reading is not None and reading[0] == form[0]:
                        continue
            kept.append(d)
        return kept

    def _told_otherwise(self, doc: Document, d: Diagnostic, others: list[Diagnostic]) -> bool:
        """Whether another grammar finding covers this finding's verb or a word of its subject."""
        tokens = doc.tokens
        # the statistical rules defer to this one on a shared span: not the other way round
        if any(o.offset == d.offset and o.length == d.length and o.rule not in Confusion.rule_ids for o in others):
            return True
        i = _token_at(doc, d.offset)
        reading = self._subject(doc, i) if 0 < i < len(tokens) else None
        if reading is None:
            return False
        start = doc.source_span(tokens[reading[1]].start, tokens[reading[1]].end)[0]
        end = doc.source_span(tokens[reading[2]].start, tokens[reading[2]].end)[1]
        return any(start <= o.offset < end for o in others)

    def _subject(self, doc: Document, verb: int) -> tuple[str, int, int] | None:
        """(number, first token, last token) of the verb's subject, when certain."""
        tokens = doc.tokens
        j = verb - 1
        phrased = False  # an adverbial phrase stood between: a capital before it may be a plural noun
        for _ in range(MAX_ADVERBS):
            if j == 0 or not self._joined(doc, j, j + 1):
                break
            if self._adverb(tokens[j]):
                j -= 1
            elif j > 1 and self._joined(doc, j - 1, j) and \
                    (tokens[j - 1].text.lower(), tokens[j].text) in self.adverb_pairs:
                j, phrased = j - 2, True  # "Prices in general is": no phrase of the subject's
            else:
                break
        if not self._joined(doc, j, j + 1):
            return self._before_apposition(doc, j) if j == verb - 1 and j > 0 else None
        word = _plain(tokens[j].text).lower()
        if word in self.pronouns:
            return self.pronouns[word], j, j
        if word in self.relatives:
            return self._antecedent(doc, j)
        return self._clause_subject(doc, j, phrased)

    def _name_with_its(self, doc: Document, verb: int) -> tuple[str, int, int] | None:
        """A name opening a clause whose plural verb the sentence takes back with "its" a few
        words on ("Citywide Bank have sold its insurance arm", "Harlow Council have approved its
        budget"): British copy may give a firm or a council either number, but not both in one
        breath. Only lower-case words that name nothing stand between: "have fined Chelsea for its
        conduct" and "have approved the plan and its costs" give "its" another owner, and "have
        said its impact" opens a clause of its own."""
        tokens = doc.tokens
        last = verb - 1
        if not tokens[last].text[:1].isupper() or _looks_plural(_plain(tokens[last].text).lower()):
            return None
        first = last
        while first > 0 and self._joined(doc, first - 1, first) and tokens[first - 1].text[:1].isupper():
            first -= 1
        if not self._opens_clause(doc, first) or _plain(tokens[first].text).lower() in self.no_head - {"the"}:
            return None
        _, e = doc.sentence_at(tokens[verb].start)
        for k in range(verb + 1, min(verb + 1 + MAX_BEFORE_ITS, len(tokens))):
            word = tokens[k]
            if word.text == "its" and word.start < e and self._joined(doc, k - 1, k):
                return "singular", first, last
            if word.start >= e or not self._joined(doc, k - 1, k) or not word.text.islower() \
                    or word.text in self.determiners or word.text in self.openers:
                return None  # "Labour have said its impact": a clause of its own
        return None

    def _before_apposition(self, doc: Document, last: int) -> tuple[str, int, int] | None:
        """A singular subject before words set off by commas, the verb after the second: a noun
        phrase before a name or a phrase that agrees ("Will Smith's first comedy, Hitch, have
        topped"), or a person of the article before any words ("Bob Murray, chairman of the
        club, have launched"; "Ross, who is the presenter, were")."""
        tokens, view = doc.tokens, doc.view
        if view[tokens[last].end:tokens[last + 1].start] != ", ":
            return None
        person = self._person_before_apposition(doc, last) or self._before_clause_apposition(doc, last)
        if person is not None:
            return person
        first = last
        while first > 0 and self._joined(doc, first - 1, first) and tokens[first - 1].text[0].isupper():
            first -= 1
        if not tokens[last].text[0].isupper() or (first > 0 and self._joined(doc, first - 1, first)):
            phrase = self._phrase(doc, last)
            if phrase is None or phrase[0] == "plural":
                return None
            first = phrase[1]
        if first < 2 or view[tokens[first - 1].end:tokens[first].start] != ", ":
            return None
        subject = self._clause_subject(doc, first - 1)
        if subject is None or subject[0] != "singular":
            return None
        start = subject[1]
        if start > 0 and view[tokens[start - 1].end:tokens[start].start] == ", ":
            return None  # "Mike Brown, his death, his murder, have given": a list, whose items make a plural
        return subject

    def _before_clause_apposition(self, doc: Document, last: int) -> tuple[str, int, int] | None:
        """A singular noun phrase before a clause or a description set off by commas that a
        participle, a relative or "a" opens ("The report, published on Monday, were"; "The bill,
        which passed the Senate, have"; "The suspect, a man from Ohio, were"): at most
        MAX_APPOSITION words parted by single spaces, ending at `last`."""
        tokens = doc.tokens
        first = self._set_off(doc, last, (" ", "-"))  # "a 34-year-old man"
        if first is None or first < 2:
            return None
        opener = _plain(tokens[first].text).lower()
        if first < last and (opener in self.adverbs or opener.endswith("ly") or opener == "first"):
            opener = _plain(tokens[first + 1].text).lower()  # "the plan, first proposed in 2019, have"
        if not (opener in ("which", "who", "a", "an") or (len(opener) > 4 and opener.endswith("ed"))):
            return None  # "The suspect, a 34-year-old man from Ohio, were"
        subject = self._clause_subject(doc, first - 1)
        # a plural only where the clause says so too: "The plans, which were drawn up in 2019, has"
        told_plural = opener in ("which", "who") and first < last and \
            self.forms.get(tokens[first + 1].text, ("",))[0] == "plural"
        return subject if subject is not None and (subject[0] == "singular" or told_plural) else None

    def _set_off(self, doc: Document, last: int, gaps: tuple[str, ...]) -> int | None:
        """The first token of words set off by a comma before them, at most MAX_APPOSITION of
        them parted by `gaps`, ending at `last`; None if there is no such comma, or the words
        hold a list ("Mr Smith, his wife and two children, were"; "The report, published in May
        and revised, were")."""
        tokens, view = doc.tokens, doc.view
        first = last
        while first > 0 and last - first < MAX_RELATIVE_APPOSITION and \
                view[tokens[first - 1].end:tokens[first].start] in gaps:
            first -= 1
        if first < 1 or view[tokens[first - 1].end:tokens[first].start] != ", ":
            return None
        if last - first >= MAX_APPOSITION and tokens[first].text not in ("which", "who"):
            return None
        if any(tokens[k].text.lower() in ("and", "or", "nor") for k in range(first, last + 1)):
            return None
        return first

    def _person_before_apposition(self, doc: Document, last: int) -> tuple[str, int, int] | None:
        """A person of the article (titled, or named in full who speaks: agreement.named_persons),
        or a name whose relative clause is singular ("Ross, who is the presenter,"), opening a
        clause, then at most MAX_APPOSITION words parted by single spaces, ending at `last`."""
        tokens, view = doc.tokens, doc.view
        first = self._set_off(doc, last, (" ",))
        if first is None:
            return None
        name = first - 1
        # "Ross, who is the presenter, were": the clause itself makes the name one person
        told_singular = (first < last and tokens[first].text.lower() == "who"
                         and tokens[first + 1].text in self.singular_forms)
        if not tokens[name].text[0].isupper() or not (
                told_singular or strip_possessive(tokens[name].text) in named_persons(doc)):
            return None
        start = name
        while start > 0 and tokens[start - 1].text[0].isupper() and (
                self._joined(doc, start - 1, start) or (view[tokens[start - 1].end:tokens[start].start] == ". "
                                                         and tokens[start - 1].text in vocabulary()["titles"])):
            start -= 1  # "Sen. Maria Lopez, D-Texas, have"
        if not self._opens_clause(doc, start) or self._joined_by_and(doc, start):
            return None
        return "singular", start, name

    def _joined_by_and(self, doc: Document, start: int) -> bool:
        """Whether a name set off by a comma ends a subject joined by "and" earlier in its
        sentence: "Ray Dunleavy, 58, and his son, Connor Dunleavy, 31, were"."""
        tokens = doc.tokens
        if start == 0 or doc.view[tokens[start - 1].end:tokens[start].start] != ", ":
            return False
        s = doc.sentence_at(tokens[start].start)[0]
        return any(tokens[k].text.lower() in ("and", "or", "nor") for k in doc.token_range(s, tokens[start].start))

    def _clause_subject(self, doc: Document, head: int, phrased: bool = False) -> tuple[str, int, int] | None:
        """The noun phrase ending at `head`, or, when it is the object of a preposition, the one
        the prepositional phrase follows ("interest in China have"), if it opens a clause."""
        tokens = doc.tokens
        past_name = False  # a name was the object of a phrase on the way: only a singular subject is read
        for n in range(MAX_PHRASES + 1):
            phrase = self._phrase(doc, head, opening_plural=n > 0 or phrased)
            if phrase is None:
                first = self._name_after_preposition(doc, head)
                if first is None:
                    return None
                head, past_name = first - 2, True  # "output for December were", "interest in China among groups have"
                continue
            number, first = phrase
            if number is None and _plain(tokens[first].text).lower() == "that":
                return None  # "to concede that terrorists are": a clause's "that", no determiner
            if self._opens_clause(doc, first):
                return None if number is None or (past_name and number == "plural") else (number, first, head)
            if first < 2 or not self._joined(doc, first - 1, first) or not self._joined(doc, first - 2, first - 1):
                return None
            before = _plain(tokens[first - 1].text).lower()
            if before == "of":  # "one of the ministers": a share of a whole is no subject, but one is
                one = first - 2
                if _plain(tokens[one].text).lower() in ("one", "each"):
                    if one > 0 and _plain(tokens[one - 1].text).lower() == "but":
                        return None  # "All but one of the airports are": the rest, plural
                    start = self._quantified(doc, one)  # "At least one of the banks has"
                    return ("singular", start, head) if self._opens_clause(doc, start) else None
                # "the driver of the car were": a head the word pair table makes singular, which
                # counts no share ("the number of", "a minority of", "six of the 20")
                # "the results of the review is": a plural the table is sure of, which no amount names
                owner = self._phrase(doc, one)
                owner_word = _plain(tokens[one].text).lower()
                if owner is not None and owner[0] is None and owner_word.endswith("ing") and \
                        self.determiners.get(_plain(tokens[owner[1]].text).lower()) in ("singular", "either"):
                    # "the firing of the missile": an act, one
                    return ("singular", owner[1], head) if self._opens_clause(doc, owner[1]) else None
                if owner is None or owner[0] is None or not self._opens_clause(doc, owner[1]) \
                        or self.nouns.number(owner_word, self.shares) != owner[0] or owner_word in CARDINALS:
                    return None
                return owner[0], owner[1], head
            if before not in self.prepositions:
                verb = first - 1  # "the decision to close the units are": a verb's object, after "to"
                if verb > 1 and before.isalpha() and before not in self.no_head and self._joined(doc, verb - 1, verb) \
                        and tokens[verb - 1].text == "to" and self._joined(doc, verb - 2, verb - 1):
                    head = verb - 2
                    continue
                return None
            head = first - 2
        return None

    def _name_after_preposition(self, doc: Document, last: int) -> int | None:
        """The first token of a name ending at `last` inside a sentence that a preposition of the
        rule's stands right before ("in China", "for December"): the object of a phrase between a
        subject and its verb, whatever its number."""
        tokens = doc.tokens
        if not any(c.isupper() for c in tokens[last].text) or tokens[last].kind != "word":
            return None  # "China", "al-Tanf", "iPhone"
        first = last
        while first > 0 and self._joined(doc, first - 1, first) and tokens[first - 1].text[:1].isupper():
            first -= 1
        if first < 2 or not self._joined(doc, first - 2, first - 1) or opens_sentence(doc, tokens[first].start):
            return None
        return first if self._after_preposition(doc, first) else None

    def _quantified(self, doc: Document, one: int) -> int:
        """The first token of "at least one", "only one", "just one" ending at `one`."""
        words = [_plain(doc.tokens[k].text).lower() for k in range(max(0, one - 2), one)]
        if words[-1:] in (["only"], ["just"]) and self._joined(doc, one - 1, one):
            return one - 1
        if words == ["at", "least"] and self._joined(doc, one - 2, one - 1) and self._joined(doc, one - 1, one):
            return one - 2
        return one

    def _antecedent(self, doc: Document, relative: int) -> tuple[str, int, int] | None:
        """The number of a relative pronoun's antecedent, the noun phrase just before it, when
        that phrase opens a clause ("The minister who have resigned", "The document, which were"):
        after a verb, a preposition or "and", another noun may be the antecedent ("measures to
        fight the pandemic that have", "an area of two counties that was", "one of the people who
        have")."""
        tokens, view = doc.tokens, doc.view
        if relative == 0:
            return None
        gap = view[tokens[relative - 1].end:tokens[relative].start]
        word = _plain(tokens[relative].text).lower()
        if word in self.personal_relatives and tokens[relative - 1].text[0].isupper():
            if gap == "), " and relative > 1 and view[tokens[relative - 2].end:tokens[relative - 1].start] == " (":
                return self._person_before(doc, relative - 2)  # "Sen. Kamala Harris (D-CA), who"
            return self._person_before(doc, relative - 1) if gap in (", ", " - ", " – ") else None
        if gap != " " and not (gap == ", " and word != "that"):
            return None
        if gap == ", " and word in self.personal_relatives and word in doc.lowered[
                doc.sentence_at(tokens[relative].start)[0]:tokens[relative - 1].start].split():
            return None  # "Republicans who back same-sex marriage, who are": a second clause of the first "who"
        if tokens[relative - 1].text.endswith("ly"):
            return None  # "But surely that was": after an adverb, "that" is the subject itself
        phrase = self._phrase(doc, relative - 1)
        if phrase is None:
            return None
        number, first = phrase
        head = _plain(tokens[relative - 1].text).lower()
        if head in _TIMES and _plain(tokens[first].text).lower() in ("each", "every", "this", "that", "last"):
            return None  # "10 free rooms each night, which were": a time said in passing
        if first == relative - 1 and relative > 1 and self._leans(_plain(tokens[relative - 2].text)) == "plural":
            # "as issues arise that are": after a plural, a bare word is its verb or an adverb
            # ("citizens abroad who are"), no antecedent
            return None
        if number is None or tokens[relative - 1].text[0].isupper():
            return None
        if not self._opens_clause(doc, first) and not (
                number == "singular" and self._sole_noun(doc, first)
                and not (word in self.personal_relatives and self._after_preposition(doc, first))):
            # "one of those people who has": the plural is read where the phrase opens a clause;
            # "officials familiar with the investigation who were": "who" is for a person further back
            return None
        if word in self.clausal and number == "plural":
            return None  # "the talks failed, which has angered": the clause may be the antecedent
        if self._higher_noun_differs(doc, first, number):
            return None
        return number, first, relative - 1

    def _higher_noun_differs(self, doc: Document, first: int, number: str) -> bool:
        """Whether a noun phrase the phrase starting at `first` hangs from, through prepositions
        ("guidelines on the use of race in the admissions process, which were"; "women with at
        least a college degree, who are"), has the other number: a relative may attach to any
        of them."""
        tokens = doc.tokens
        for _ in range(MAX_HIGHER_PHRASES):
            k = first - 1
            while k > 0 and _plain(tokens[k].text).lower() in ("least", "most") \
                    and tokens[k - 1].text.lower() == "at":
                k -= 2  # "with at least a degree"
            link = _plain(tokens[k].text).lower() if k >= 1 else ""
            if not (link in self.prepositions or link == "of") \
                    or not self._joined(doc, k - 1, k) or not self._joined(doc, k, k + 1):
                return False
            phrase = self._phrase(doc, k - 1)
            if phrase is None:
                return False
            if (phrase[0] or self._leans(_plain(tokens[k - 1].text))) not in (None, number):
                return True
            first = phrase[1]
        return False

    def _leans(self, word: str) -> str | None:
        """The number a lower-case noun is mostly read in: the table's, else the side its verb
        counts favour ("women": mostly plural), else a regular plural's ("nationals")."""
        lower = word.lower()
        if lower != word:
            return None
        number = self._noun_number(lower, fallback=False)
        counts = self.nouns.counts.get(lower)
        if number is None and counts is not None \
                and max(counts[0], counts[1]) >= LEAN_RATIO * min(counts[0], counts[1]):
            number = "plural" if counts[1] > counts[0] else "singular"
        if number is None and _looks_plural(lower) and counts is None:
            number = "plural"
        return number

    def _after_preposition(self, doc: Document, first: int) -> bool:
        return first > 0 and self._joined(doc, first - 1, first) and \
            _plain(doc.tokens[first - 1].text).lower() in self.prepositions

    def _person_before(self, doc: Document, name: int) -> tuple[str, int, int] | None:
        """A person of the article (agreement.named_persons) named just before "who" ("Mr Wilson,
        who", "David Blunkett - who"), unless the name may be plural ("Democrats"), shares the
        relative with a noun before it ("the parents of Stefan Pakeerah, who") or names one of
        two set off by a comma ("Ramos and his partner, Officer Liu, who were")."""
        tokens = doc.tokens
        text = _plain(tokens[name].text)
        if text != strip_possessive(text) or text not in named_persons(doc) or _looks_plural(text.lower()):
            return None
        first = name
        while first > 0 and self._joined(doc, first - 1, first) and tokens[first - 1].text[0].isupper():
            first -= 1
        return ("singular", first, name) if self._sole_noun(doc, first) and not self._joined_by_and(doc, first) \
            else None

    def _sole_noun(self, doc: Document, first: int) -> bool:
        """Whether the noun phrase starting at `first` is the only one a personal relative after it
        can stand for: no "of", "and", "including" or "to" among the words just before it ("the
        parents of the boy, who"; "players, including England captain Harry Kane, who"), nor a
        preposition after people ("members in the balcony, who"; "experts, like Dr. Anthony
        Fauci, who"; but "the most trouble for Sen. Kamala Harris, who")."""
        tokens, view = doc.tokens, doc.view
        if first > 1 and tokens[first - 2].text.lower() == tokens[first].text.lower():
            return False  # "advertisement after advertisement, which are": many
        if first > 1 and self._joined(doc, first - 1, first):
            verb = _plain(tokens[first - 1].text).lower()
            if gerund(verb) or (
                    self._joined(doc, first - 2, first - 1) and tokens[first - 2].text.lower() == "to"):
                return False  # "measures to fight the virus that have", "rules governing the scheme, which"
        j = first  # back over the words of a name and its role ("England captain Harry Kane")
        while j > 0 and view[tokens[j - 1].end:tokens[j].start] in (" ", ". "):
            j -= 1
            word = _plain(tokens[j].text)
            if word.lower() in self.shared_with or word.lower() == "to":
                return False  # "to" may open a verb: "things I wanted to get done that are"
            if word.lower() in self.prepositions:
                # "experts, like Dr. Fauci, who": the people before it may be meant; "the most
                # trouble for Sen. Kamala Harris (D-CA), who" names no one else
                return j == 0 or not self._people_before(doc, j)
            if not word[0].isupper() and word not in vocabulary()["roles"] and word.lower() not in self.determiners:
                break  # (a determiner before a name's words: "amendments to the Welcoming Cities ordinance that")
        return True

    def _people_before(self, doc: Document, preposition: int) -> bool:
        """Whether the word before a preposition (past a comma, an adverb or a participle) may stand
        for people or things: a plural ("experts, like", "members in", "documents purportedly
        from", "hurdles erected by") or a capitalised name."""
        tokens = doc.tokens
        k = preposition - 1
        while k > 0 and preposition - k <= 2 and self._joined(doc, k, k + 1) and tokens[k].text.islower() \
                and tokens[k].text.endswith(("ly", "ed")):
            k -= 1
        before = _plain(tokens[k].text)
        return before[:1].isupper() or _looks_plural(before.lower()) or self.nouns.number(before.lower()) == "plural"

    def _phrase(self, doc: Document, head: int, opening_plural: bool = False) -> tuple[str | None, int] | None:
        """(number, first token) of the noun phrase whose head is `head`, as its words give it;
        in American copy a body of people the words leave open is singular (_american_body)."""
        phrase = self._phrase_by_words(doc, head, opening_plural)
        if phrase is not None and phrase[0] is None and self._american_body(doc, head, phrase[1]):
            return "singular", phrase[1]
        return phrase

    def _phrase_by_words(self, doc: Document, head: int, opening_plural: bool = False) -> tuple[str | None, int] | None:
        """(number, first token) of the noun phrase whose head is `head`: a determiner or a
        possessive, at most MAX_MODIFIERS modifiers, the noun. Without a determiner the
        modifiers may be no participle ("people running business have"); a name (a capitalised
        head inside a sentence) needs "the" and is never plural (the United States has). A
        sentence's capitalised first word is read only with `opening_plural`, as a plural the
        word pair table knows ("Parents at the nursery has": a phrase after it, not a name)."""
        tokens, view = doc.tokens, doc.view
        tok = tokens[head]
        text = _plain(tok.text)
        lower = text.lower()
        aged = _aged(tok)  # "the 45-year-old": one person
        if (tok.kind != "word" and not aged) or "'" in text or lower in self.no_head or lower in self.modifiers_only:
            return None
        if lower in CARDINALS:
            return None  # "another seven were", "the first two were": a count stands for what it counts
        opening = text[0].isupper() and opens_sentence(doc, tok.start)
        if opening and not (opening_plural and text[1:].islower() and self._noun_number(lower) == "plural"
                            and text not in named_persons(doc)):
            # "Scotland have", "Arsenal were", "Gates has": a name or a common noun, the capital cannot
            # say; before a phrase a plural noun, unless the article names a person so ("Gates in particular is")
            return None
        name = text[0].isupper() and not opening  # but a plural with a phrase after it: "Parents at the nursery has"
        number = "singular" if aged else self._noun_number(lower, fallback=not name)
        first, determiner = head, None
        if aged and head > 0 and view[tokens[head - 1].end:tok.start] == "-":
            first -= 1  # "45" of "45-year-old"
        modifiers: list[Token] = []
        while first > 0 and view[tokens[first - 1].end:tokens[first].start] == " ":
            before = tokens[first - 1]
            word = _plain(before.text)
            if word.lower() in self.determiners:
                determiner = word.lower()
                first -= 1
                break
            if word.endswith(("'s", "'")) and before.kind == "word":
                determiner = "either"  # "Foster's takeover offer", "Will Smith's first comedy"
                first -= 1
                while word[0].isupper() and first > 0 and self._joined(doc, first - 1, first) \
                        and tokens[first - 1].text[0].isupper() \
                        and tokens[first - 1].text.lower() not in self.name_stops:
                    first -= 1  # (not "Among Powell's challenges is": a sentence's first word, no name's)
                if first > 0 and self._joined(doc, first - 1, first) and \
                        _plain(tokens[first - 1].text).lower() in self.determiners:
                    first -= 1  # the possessor's own determiner: "The county's new budget", "a County Sheriff's canine"
                break
            if _no_phrase_word(word):
                return None
            if word.lower() in self.no_head or len(modifiers) == MAX_MODIFIERS or (name and not word[0].isupper()) \
                    or _looks_plural(word.lower()) or (
                        self.nouns.number(word.lower()) == "plural" and self.nouns.number(lower) is None):
                break  # a plural noun is no modifier: "talks with Disney's producers revealed there";
                # nor before a word the table does not know as a noun: "People familiar with the matter
                # have" (an adjective after its noun; but "the way people vote has")
            modifiers.append(before)
            first -= 1
            while first > 0 and view[tokens[first - 1].end:tokens[first].start] == "-":
                first -= 1  # "a 23-year-old man", "the 23-candidate field", "a state-run firm": one modifier
                modifiers.append(tokens[first])
        if name and determiner != "the":
            return None
        opener = tokens[first]
        if opener.text.endswith("ing") and opener.text[0].isupper() and opens_sentence(doc, opener.start):
            return None  # "Compounding Biden's problems is his inability": a fronted clause; the subject follows
        if modifiers and (modifiers[0].text.lower() in _DEGREE_ADVERBS or (
                determiner in ("no", "every", "any", "some") and modifiers[-1].text.lower() == "one")):
            # "The very rich are": a degree adverb right before it makes the head an adjective;
            # "a situation that no one desires is": a pronoun and its verb
            return None
        if any((m.kind == "number" and not _aged(m) and not view.startswith("-", m.end))
               or m.text.lower() in CARDINALS for m in modifiers) and not (
                number == "singular" and self.determiners.get(determiner or "") == "singular"):
            # "the 10 billion were", "the 2004 figure": amounts are counted either way (but "a 6.3
            # magnitude earthquake" is one, and so is "the 45-page document")
            number = None
        elif determiner is None and any(m.text.endswith(("ing", "ed")) for m in modifiers):
            return None
        if self.determiners.get(determiner or "", "either") not in ("either", number):
            number = None  # "another three executives", "that net firms": the determiner is no help
        if number == "plural" and (name or determiner is None and not opening and self.nouns.number(lower) != "plural"):
            # "the United States has"; "evidence shows was": a verb in -s, not a plural (but a
            # sentence's first word before a phrase is a noun: "Rents in the city is")
            number = None
        return number, first

    def _noun_number(self, lower: str, fallback: bool = True) -> str | None:
        """The head's number from the word pair table; a participle may stand for people ("the
        injured were", "the accused have"). With `fallback`, a word too rare for the table is
        singular if the dictionary has its plural and it counts no share ("the love affair have",
        not "a significant proportion were"), unless it is too common to be missing from the table."""
        if lower in self.groups or lower.endswith(("ing", "ed")):
            return None
        number = self.nouns.number(lower, self.shares)
        if number is None and lower.endswith("s") and self._regular_plural(lower):
            return "plural"
        if number == "singular" and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ics")) \
                and any(_countable(stem) for stem in _singulars(lower)):
            return None  # "his associates were": the table's singulars are firms' names ("Smith Associates has")
        if number is None and fallback and lower not in self.nouns.counts and _countable(lower) \
                and not self._counts_a_share(lower) and not _common(lower):
            return "singular"
        return number

    def _american_body(self, doc: Document, head: int, first: int) -> bool:
        """Whether the head names a body of people that American copy gives a singular verb ("the
        federal government have" is a slip there, British usage elsewhere): a noun the table
        names a group and gives singular verbs AMERICAN_LEAN times as often as plural ones, that
        counts no share, in lower case (a team's name takes a plural: "The Union have won") unless
        it ends the full name of one of the groups ("The House Intelligence Committee have"),
        right before its verb (not "warned the White House about Flynn's conduct were", whose
        subject came before; not "a group of protesters were"), or initials after "the" ("The FBI
        were"), not after a preposition that may
        put the verb first ("Before the committee were three bids"), nor after "that" or a verb
        of demand before "have" or "do" ("the requirement that each state have", "insisted the
        company have": a subjunctive), in an article that is American by configuration or by
        american_copy."""
        tokens = doc.tokens
        lower = _plain(tokens[head].text).lower()
        # an agency known by its initials right after "the": "The FBI were expected"
        initials = first == head - 1 and tokens[first].text.lower() == "the" \
            and _AGENCY_INITIALS.fullmatch(tokens[head].text) is not None
        counts = self.nouns.counts.get(lower)
        if not initials and (counts is None or not (counts[3] or lower in self.groups)
                             or counts[0] < AMERICAN_LEAN * counts[1] or self._counts_a_share(lower)):
            return False
        verb = tokens[head + 1].text.lower() if head + 1 < len(tokens) else ""
        before = tokens[first - 1].text.lower() if first > 0 else ""
        # a body named in full: "The House Intelligence Committee have", not a team's "The Union have won"
        body_named = lower in self.groups and head > 0 and tokens[head - 1].text[:1].isupper() \
            and tokens[head - 1].text != "The"
        if verb not in self.forms or (tokens[head].text[0].isupper() and not initials and not body_named) \
                or before in _INVERTING or (
                verb in _BASE_FORMS and before in _NOT_BEFORE_A_BODY):
            return False  # a name ("The Union have won": a team), an inversion, a subjunctive
        return self.language == "en-US" if self.language in ("en-US", "en-GB") else american_copy(doc)

    def _counts_a_share(self, lower: str) -> bool:
        return lower in self.shares if self.shares is not None else self.nouns.counts_a_share(lower)

    def _regular_plural(self, lower: str) -> bool:
        """Whether the word is a regular plural of a singular noun (ministers: minister) that the
        table lacks or mostly gives a plural verb: its pairs with singular verbs come from
        longer phrases ("house rules is" in "the house rules is ...")."""
        counts = self.nouns.counts.get(lower)
        if counts is not None and (counts[2] or counts[0] > counts[1] * PLURAL_STRAY_SHARE):
            return False
        return any(self.nouns.number(stem, self.shares) == "singular" and stem not in self.groups
                   for stem in _singulars(lower))

    def _opens_clause(self, doc: Document, first: int) -> bool:
        """Whether a clause starts at token `first`: a sentence's start, a comma before it, or
        a word that opens a clause ("said the law", "after the talks")."""
        tokens, view = doc.tokens, doc.view
        if opens_sentence(doc, tokens[first].start):
            return True
        if first == 0:
            return False
        gap = view[tokens[first - 1].end:tokens[first].start]
        if gap == ", ":
            # "a Washington, D.C. clinic", "an Austin, Texas, firm": a place's state (an abbreviation,
            # or set off by commas), not a new clause
            state = tokens[first].text
            place = tokens[first - 1].text[:1].isupper() and not opens_sentence(doc, tokens[first - 1].start) \
                and (_STATE_ABBREVIATION.fullmatch(state) is not None or state[:1].isupper()
                     and first + 1 < len(tokens) and view[tokens[first].end:tokens[first + 1].start] == ", ")
            return not place and not self._listed(doc, first) and not self._coordinate_adjective(doc, first - 1)
        before = _plain(tokens[first - 1].text).lower()
        if before in ("so", "how") and _plain(tokens[first].text).lower() in ("many", "much", "few", "little"):
            return False  # "the plight of so many other people ... is": a quantity, not a clause; "How many
            # times was my son shot?": a question, its verb before the subject
        if before in _TIME_PREPOSITIONS and first > 1 and self._joined(doc, first - 2, first - 1) and (
                _plain(tokens[first - 2].text).lower().rstrip("s") in _SPANS_OF_TIME
                or self._noun_number(_plain(tokens[first - 2].text).lower(), fallback=False) == "plural"):
            # "six months before the election are", "its debt levels before the crisis were": a
            # preposition after a noun, not a clause's start
            return False
        if before in _TIME_PREPOSITIONS and first > 2 and tokens[first - 2].text in ("and", "or") and \
                _plain(tokens[first - 3].text).lower() in self.prepositions | _TIME_PREPOSITIONS:
            return False  # "the years during and after the last recession were": two prepositions, one object
        word = _plain(tokens[first].text)
        if before in _TIME_PREPOSITIONS and word.islower() and word not in self.determiners \
                and self._noun_number(word) == "singular":
            return False  # "cargoes shipped before midnight were": a bare singular noun is no clause's subject
        if before in _TIME_PREPOSITIONS and self._in_relative_clause(doc, first - 1):
            return False  # "Families who were moved after a flood have": the relative's time
        word = _plain(tokens[first].text).lower()
        if gap == " " and first > 1 and _plain(tokens[first - 2].text).lower() in _ARTICLES \
                and view[tokens[first - 2].end:tokens[first - 1].start] == " " and before.isalpha() \
                and word in _ARTICLES and self._noun_number(before, fallback=False) is not None:
            return True  # "the resistance the president have faced": a relative clause without "that"
        if before in self.reporting_verbs:
            # "suggested the review were over"; not "the men who announced the deal were", "The
            # three deaths confirmed overnight were"
            return gap == " " and word in self.determiners and \
                not earlier_in_sentence(doc, tokens[first - 1].start, self.reporting_not_after)
        # "in which his role were": a relative after a preposition is no subject; a clause starts after it
        return gap == " " and (before in self.openers or (
            before in ("which", "whom") and first > 1 and self._after_preposition(doc, first - 1)))

    def _coordinate_adjective(self, doc: Document, k: int) -> bool:
        """Whether token `k`, before a comma, is the first of two adjectives after a determiner, a
        possessive or a preposition ("Jeb's optimistic, conservative vision", "advocates of sane,
        secure immigration policy"): no clause starts after its comma."""
        tokens = doc.tokens
        if k < 1 or not tokens[k].text.islower() or not self._joined(doc, k - 1, k) \
                or self.nouns.number(_plain(tokens[k].text).lower()) is not None \
                or _plain(tokens[k + 1].text).lower() in self.determiners:
            return False  # "After the vote, the ministers": a noun, and a new phrase
        before = _plain(tokens[k - 1].text)
        return before.lower() in self.determiners or before.lower() in self.prepositions or before.lower() == "of" \
            or (before.endswith(("'s", "'")) and tokens[k - 1].kind == "word")

    def _listed(self, doc: Document, first: int) -> bool:
        """Whether the phrase at `first`, after a comma, ends a list of phrases without "and"
        ("The duration of unemployment, average income, median family wealth are"): the item
        before it is a short phrase between two commas with no determiner, and starts lower case."""
        tokens, view = doc.tokens, doc.view
        k = first - 1  # the item before: back from the comma to the one before it
        words = 0
        while k > 0 and view[tokens[k - 1].end:tokens[k].start] == " " and words < LIST_ITEM_WORDS:
            k -= 1
            words += 1
        if k == 0 or view[tokens[k - 1].end:tokens[k].start] != ", ":
            return False
        item = [_plain(t.text) for t in tokens[k:first]]
        return item[0].islower() and not any(w.lower() in self.determiners for w in item)

    def _in_relative_clause(self, doc: Document, at: int) -> bool:
        """Whether token `at` stands in a relative clause ("who were moved out of their homes
        after"), read back to the sentence's start or a comma: the relative's own words."""
        tokens, view = doc.tokens, doc.view
        start = doc.sentence_at(tokens[at].start)[0]
        for k in range(at - 1, -1, -1):
            if tokens[k].start < start or "," in view[tokens[k].end:tokens[k + 1].start]:
                return False
            if _plain(tokens[k].text).lower() in self.relatives_only:
                return True
        return False

    def _adverb(self, tok: Token) -> bool:
        text = tok.text
        if tok.kind != "word" or not text.islower():
            return False
        return text in self.adverbs or (len(text) > 4 and text.endswith("ly") and not _countable(text))  # family

    def _subjunctive_possible(self, doc: Document, offset: int) -> bool:
        """Whether a word that may call for the subjunctive comes before `offset` in its sentence
        ("if the law were passed", "as though the firm were")."""
        k = doc.sentence_index(offset)
        start = doc.sentences[k][0] if k >= 0 else 0
        return not self.subjunctive_after.isdisjoint(
            _plain(w).strip(",.;:\"'“”‘’()") for w in doc.lowered[start:offset].split())

    @staticmethod
    def _joined(doc: Document, a: int, b: int) -> bool:
        """Whether tokens a and b are parted by one space only."""
        return a >= 0 and doc.view[doc.tokens[a].end:doc.tokens[b].start] == " "


_STATE_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2}")

_MORE_PREPOSITIONS = frozenset(("among", "amid", "amongst", "despite", "after", "before", "since", "until"))
_TIMES = frozenset(("night", "day", "week", "month", "year", "morning", "evening", "afternoon", "time", "weekend"))
# words that join or compare, which stand before a phrase, never inside it: "what we want to know
# as citizens is"
_NOT_MODIFIERS = frozenset(("as", "than", "like", "unlike"))


_AGENCY_INITIALS = re.compile(r"[A-Z]{2,5}(?<!S)")  # "FBI", "EPA"; not a plural ("MPs", "the CEOS")


def _mandated(tokens, first: int) -> bool:
    """Whether the subject starting at `first` follows "that" after a verb or noun of demand:
    "requires that a weapon have", "the requirement that each state have"."""
    if first < 2 or tokens[first - 1].text.lower() != "that":
        return False
    demand = tokens[first - 2].text.lower()
    return demand != "that" and demand in _NOT_BEFORE_A_BODY or demand in _DEMAND_NOUNS


def _no_phrase_word(word: str) -> bool:
    """A word no noun phrase holds before its head: a subject pronoun opens a relative clause
    without "that" ("The answer I'm giving people is"); after a modal or "to" the head is a verb
    ("people can actually vote who are"); a word that joins ("as citizens is")."""
    lower = word.lower()
    return lower.split("'")[0] in _SUBJECT_PRONOUNS or lower in VERB_OPENERS or lower in _NOT_MODIFIERS


def _token_at(doc: Document, offset: int) -> int:
    """The index of the token a finding starts at: its offsets are the source's."""
    return bisect.bisect_left(doc.tokens, offset, key=lambda t: doc.source_span(t.start, t.end)[0])


def _aged(tok: Token) -> bool:
    """"(45-)year-old", "six-year-old": an age, which describes one person, not an amount."""
    return tok.text.endswith("year-old")


def _singulars(plural: str) -> Iterator[str]:
    """The singulars a regular plural may be of: ministers -> minister, taxes -> tax, policies -> policy."""
    if not plural.endswith("s") or plural.endswith(("ss", "us", "is", "ics")) or len(plural) < 4:
        return
    if plural.endswith("ies"):
        yield plural[:-3] + "y"
    elif plural.endswith("es"):
        yield plural[:-2]
    yield plural[:-1]



def _common(lower: str) -> bool:
    """A word common enough (Zipf COMMON_WORD) that the word pair table would have it as a
    subject if it were one: missing, it is no noun ("people close to him have")."""
    from ..resources import lexicon
    return lexicon.get().zipf(lower) >= COMMON_WORD


def _countable(lower: str) -> bool:
    """Whether the dictionary has the word and its regular plural (affair, affairs): the singular
    of a countable noun, not an adjective standing for people (elderly, homeless)."""
    from ..resources import lexicon
    lex = lexicon.get()
    if lower.endswith("s") or not lex.is_word(lower):
        return False
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return lex.is_word(lower[:-1] + "ies")
    if lower.endswith("man") and lex.is_word(lower[:-3] + "men"):
        return True  # spokesman, spokesmen
    return lex.is_word(lower + "s") or (lower.endswith(("x", "ch", "sh", "z")) and lex.is_word(lower + "es"))


def _looks_plural(lower: str) -> bool:
    """Whether the word may be a regular plural (countries, firms): no modifier of a noun after it."""
    from ..resources import lexicon
    lex = lexicon.get()
    return any(lex.is_word(stem) for stem in _singulars(lower))


def _after_a_gerund(doc: Document, first: int) -> bool:
    """Whether a capitalised word in -ing opens the sentence at most _GERUND_REACH words before
    the subject phrase: "Reclaiming white, working-class voters is", "Winning over voters is"."""
    tokens = doc.tokens
    start = doc.sentence_at(tokens[first].start)[0]
    for k in range(first - 1, max(-1, first - _GERUND_REACH - 1), -1):
        if tokens[k].start < start:
            return False
        if tokens[k].start == start:
            text = tokens[k].text
            return text.endswith("ing") and text[0].isupper() and len(text) > 5
    return False
