"""dialect: British and American spellings mixed in one article.

Which spellings are British or American comes from the lexicon (newslint.lexicon), derived from the
dictionary by the regular correspondences (-ise/-ize, -our/-or, -re/-er, -ce/-se, doubled l), not
from hand-listed pairs. The article's dialect is the configured `language`, or, with `auto`, the one
most of its dialect spellings use; every spelling of the other dialect is flagged with its
counterpart. One word written both ways ("colours" ... "color") settles the article's dialect by the
majority even when it leads by less than `min_lead`, and so does a single word of one dialect
against two or more of the other ("licence" among "center" and "favorite"). When the spellings tie
one to one, the house style decides: `signals` are the marks each dialect's copy leaves besides
spelling ("per cent", "£4m", "Mr Hughes", "14 March"; "percent", "$5,000", "Jan. 24"), and the one
word against them is flagged, only when none of the other's marks is there; a word alone, the
article's only dialect spelling, is flagged against three kinds of mark of the other style, of which
its counterpart, where both dialects write it ("programme" among "program"), is one. "License" as a
noun ("a license") is American: British copy keeps it for the verb. Capitalised words are names
("Labor Day", "Kennedy Center") and are left alone; one capitalised only because it opens a sentence
("Neighbors remembered him") counts toward the article's dialect, never flagged. An -ize spelling in
a British article is Oxford spelling unless the article also writes -ise; in a tie it counts for
neither side, unless the house style is plainly American (two kinds of its marks, none of the
British). A quotation (a statement, an embedded post) keeps its writer's spelling: it is not
counted, and flagged only where it mixes the two dialects itself ("not realising ... my favorite
novels"). Speech, though, is written down by the reporter: in an article that spells only its own
dialect outside quotations (`speech_lead` times at least) and writes other speech in it too, the
other's spelling in a quoted sentence of speech is flagged ("The color was lovely," she said).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..document.model import Document
from .shared.check import Check
from .shared.fixes import match_case
from .shared.phrases import bounded_occurrences

_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w-])")
_ISE_ENDINGS = ("ise", "ises", "ised", "ising", "iser", "isers", "isation", "isations")


def _joins_before(ch: str) -> bool:  # [\w’'-]
    return ch.isalnum() or ch in "_’'-"


def _joins_after(ch: str) -> bool:  # [\w-]
    return ch.isalnum() or ch in "_-"

NAMES = {"en-GB": "British", "en-US": "American"}
# kinds of house-style mark that outweigh an article's only dialect spelling: a dollar sum and "Dec.
# 15" are written so in Indian copy that writes "cancelling" too; add "(AP)" or "percent" and it is
# American copy
_MARKS_AGAINST_A_WORD_ALONE = 3
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:[Aa]|[Tt]he|their|his|her|its|your|our|my|each|every|new)|['’]s) \Z")


@lru_cache(maxsize=1)
def _american_nouns() -> frozenset[str]:
    """The -se counterparts of British -ce nouns that the lexicon leaves to both dialects."""
    from ..resources import lexicon
    dialects = lexicon.get().dialect_map()
    return frozenset(c for g, d in dialects.items() if d == "en-GB" and g.endswith(("ce", "ces"))
                     and (c := _shared_counterpart(g)))


def _shared_counterpart(word: str) -> str | None:
    """The other dialect's spelling of a word, where both dialects write that spelling too:
    programme -> program (software), licence -> license (the verb)."""
    from ..resources import lexicon
    counterpart = lexicon.counterpart(word)
    return counterpart if counterpart and counterpart not in lexicon.get().dialect_map() else None


def _variants_beside(doc: Document, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The other dialect's spelling of one of `words`, which both dialects write, where it is that
    word with a letter doubled or undoubled ("enrolment" ... "enrollment", "instalment" ...
    "installment"): beside the article's own spelling it is the same word written two ways (not
    "programme" ... "program", another word in British copy)."""
    view = doc.view
    found = []
    for word in {w for _, _, w in words}:
        other = _shared_counterpart(word)
        if other and _UNDOUBLED.sub(r"\1", other) == _UNDOUBLED.sub(r"\1", word):
            found += [(s, s + len(other), other) for s in bounded_occurrences(view, other, _joins_before, _joins_after)
                      if not doc.in_quote(s, s + len(other))]
    return found


_UNDOUBLED = re.compile(r"(.)\1")
_OPENING_WORD = re.compile(r"[“\"‘']?([A-Z][a-z]+) [a-z]")


def _sentence_openers(doc: Document, dialects: dict[str, str]) -> dict[str, list[tuple[int, int, str]]]:
    """Dialect words capitalised only because they open a sentence ("Neighbors remembered him"):
    evidence of the article's dialect, never flagged, as a name might be ("Labour said"); not a
    word the article capitalises inside a sentence too (a name) or before another capital."""
    found: dict[str, list[tuple[int, int, str]]] = {"en-GB": [], "en-US": []}
    view = doc.view
    starts = {s for s, _ in doc.sentences}
    for s in starts:
        m = _OPENING_WORD.match(view, s)
        if m is None or (word := m.group(1).lower()) not in dialects or doc.in_quote(m.start(1), m.end(1)):
            continue
        if all(at in starts or at - 1 in starts  # after an opening quote mark
               for at in bounded_occurrences(view, m.group(1), _joins_before, _joins_after)):
            found[dialects[word]].append((m.start(1), m.end(1), word))
    return found


class DialectMix(Check):
    NAME = "dialect"
    DESCRIPTION = "Flags spellings of the other dialect in a British or American article."
    OPTIONS = {
        "min_lead": Option("int", 2, "how many more spellings the article's dialect needs (auto)", minimum=1),
        "safe_fix": Option("bool", False, "--fix may respell the word in the article's dialect"),
        "signals": Option("mapping_of_lists", {}, "dialect -> patterns of its house style that decide a tie"),
        "speech_lead": Option("int", 3, "spellings of the article's dialect outside quotations that make it "
                              "the spelling of the speech it quotes too", minimum=1),
    }
    SCOPES = ("document",)
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "dialect", "other", "suggestion", "count", "example")

    def __init__(self, rule, context):
        super().__init__(rule, context)
        self.language = context.settings.get("language", "auto")
        self.signals = {dialect: [re.compile(p) for p in patterns]
                        for dialect, patterns in self.options["signals"].items()}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        from ..resources import lexicon
        lex = lexicon.get()
        dialects = lex.dialect_map()
        marked: dict[str, list[tuple[int, int, str]]] = {"en-GB": [], "en-US": []}
        quoted: dict[str, list[tuple[int, int, str]]] = {"en-GB": [], "en-US": []}
        # the words of the text that mark a dialect, found in C, and the British -ise words the
        # lists lack ("weaponised", "denuclearisation"); then where each stands
        words = set(_LOWER_WORD.findall(doc.view))
        present = {w: dialects[w] for w in dialects.keys() & words}
        present.update((w, "en-GB") for w in words if w.endswith(_ISE_ENDINGS) and w not in present
                       and lex.unlisted_british(w))
        if not present:
            return
        view = doc.view
        for word, dialect in present.items():
            for start in bounded_occurrences(view, word, _joins_before, _joins_after):
                where = quoted if doc.in_quote(start, start + len(word)) else marked
                where[dialect].append((start, start + len(word), word))
        marked["en-US"] += self._us_nouns(doc)
        for dialect, other in (("en-GB", "en-US"), ("en-US", "en-GB")):
            marked[other] += _variants_beside(doc, marked[dialect])
        for found in (*marked.values(), *quoted.values()):
            found.sort()
        if self.language in NAMES:
            home: str | None = self.language
        else:
            openers = _sentence_openers(doc, dialects)
            home = self._home(doc, lexicon, {d: sorted(marked[d] + openers[d]) for d in marked})
        if home is None:
            return
        away = "en-US" if home == "en-GB" else "en-GB"
        home_words = marked[home]
        # what says the article is in its dialect: its spellings, or else the marks of its house style
        evidence = [(s, e, f"{NAMES[home]} '{w}' here", w) for s, e, w in home_words[:3]] or \
            [(s, e, f"{NAMES[home]} style '{w}' here", w)
             for s, e, w in self._style_marks(doc, home, marked[away])[:3]]
        oxford_ok = home == "en-GB" and not any("is" in w for _, _, w in home_words)
        for start, end, word in sorted(marked[away] + self._quoted_slips(doc, quoted[away], quoted[home],
                                                                          len(home_words), len(marked[away]))):
            if oxford_ok and lexicon.is_oxford(word):
                continue
            suggestion = match_case(word, lexicon.counterpart(word) or word)
            fix = self.replacement_fix(doc, start, end, suggestion, self.options["safe_fix"])
            yield self.report(doc, start, end, suggestions=[suggestion], fix=fix,
                              related=[(s, e, note) for s, e, note, _ in evidence],
                              dialect=NAMES[away], other=NAMES[home], suggestion=suggestion,
                              count=len(home_words), example=evidence[0][3] if evidence else "")

    @staticmethod
    def _us_nouns(doc: Document) -> list[tuple[int, int, str]]:
        """American nouns spelt like a British verb: "license" is a British verb ("licensed
        premises") but a noun only in American copy ("their driver's license", "a license"). The
        words come from the lexicon: the -se counterparts of British -ce nouns that it leaves to
        both dialects."""
        view = doc.view
        found = []
        for word in _american_nouns():
            if word in view:
                for start in bounded_occurrences(view, word, _joins_before, _joins_after):
                    if _DETERMINER_BEFORE.search(view, max(0, start - 12), start) and \
                            not doc.in_quote(start, start + len(word)):
                        found.append((start, start + len(word), word))
        return found

    def _style_marks(self, doc: Document, dialect: str,
                     others: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Where the house style of `dialect` shows ("$5,000", "Jan. 24"), first of each kind;
        and where the article writes the counterpart of one of the `others` (the other dialect's
        words) that both dialects spell so: "program" beside a lone "programme"."""
        found = [(m.start(), m.end(), m.group())
                 for m in (p.search(doc.view) for p in self.signals.get(dialect, [])) if m]
        for word in {w for _, _, w in others}:
            counterpart = _shared_counterpart(word)
            if counterpart:
                written = next((start for start in bounded_occurrences(doc.view, counterpart, _joins_before,
                                                                       _joins_after)
                                if not doc.in_quote(start, start + len(counterpart))), None)
                if written is not None:
                    found.append((written, written + len(counterpart), counterpart))
        return sorted(found)

    def _home(self, doc: Document, lexicon, marked: dict[str, list[tuple[int, int, str]]]) -> str | None:
        """The article's dialect, or None when its spellings and house style leave it open."""
        gb, us = len(marked["en-GB"]), len(marked["en-US"])
        majority, minority = ("en-GB", "en-US") if gb > us else ("en-US", "en-GB")
        if abs(gb - us) >= self.options["min_lead"] or (gb != us and self._both_ways(lexicon, marked)):
            return majority
        marks = {dialect: len(self._style_marks(doc, dialect, marked[other]))
                 for dialect, other in (("en-GB", "en-US"), ("en-US", "en-GB"))}
        # below the lead, an -ize spelling is no evidence (Oxford spelling is British too), unless
        # the house style is plainly American: two kinds of its marks, none of the British ("organizers"
        # beside "$312,000" and "parking lots"; a British article gives a sum in dollars too)
        us_only = us if marks["en-US"] >= 2 and not marks["en-GB"] else \
            sum(1 for _, _, w in marked["en-US"] if not lexicon.is_oxford(w))
        majority, minority = ("en-GB", "en-US") if gb > us_only else ("en-US", "en-GB")
        if min(gb, us_only) > 1 or gb + us_only == 0:
            return None  # more than one word against the article's dialect needs the lead above
        if min(gb, us_only) == 0:  # one word alone: three kinds of mark of the other style, none of its own
            return minority if marks.get(minority, 0) >= _MARKS_AGAINST_A_WORD_ALONE and not marks.get(majority) \
                else None
        if gb != us_only:  # one word against two or more, unless the house style sides with it
            return None if marks.get(minority) else majority
        styled = [dialect for dialect, n in marks.items() if n]
        return styled[0] if len(styled) == 1 else None  # one against one: the house style decides

    @staticmethod
    def _both_ways(lexicon, marked: dict[str, list[tuple[int, int, str]]]) -> bool:
        """One word written both ways ("colours" ... "color", "travelled" ... "traveled"): a mix
        even when the article's dialect leads by less than `min_lead`."""
        gb = {w for _, _, w in marked["en-GB"]}
        for _, _, word in marked["en-US"]:
            other = lexicon.counterpart(word) or ""
            if other and any(w == other or w.rstrip("s") == other.rstrip("s") for w in gb):
                return True
        return False

    def _quoted_slips(self, doc: Document, away: list, home: list, home_count: int, away_count: int) -> list:
        """The other dialect's words in quotations of speech, which the reporter wrote down: those
        in quotations that write the article's dialect too; and, where the article spells only its
        own dialect outside quotations, often enough, and writes other speech in it, those in any
        quoted sentence of speech. Not words lifted into the reporter's sentence ("agreed 'to
        maximize pressure'": a statement's, maybe), and not where no speech shows the house's
        spelling (the speech may be another paper's transcript)."""
        spoken = [(s, e, w) for s, e, w in home if not doc.in_quote(s, e, written=True)]
        if home_count < self.options["speech_lead"] or away_count or not spoken:
            return self._mixed_quotes(doc, away, home)
        return [(s, e, w) for s, e, w in away if not doc.in_quote(s, e, written=True) and _quoted_sentence(doc, s)]

    @staticmethod
    def _mixed_quotes(doc: Document, away: list, home: list) -> list:
        """The other dialect's words in quotations of speech that write the article's dialect too."""
        spans = doc.quotes
        out = []
        for start, end, word in away:
            if doc.in_quote(start, end, written=True):
                continue  # a quoted paper or statement is mixed as its writer mixed it
            i = bisect.bisect_right(spans, (start, float("inf"))) - 1
            qs, qe = spans[i]
            if any(qs <= s and e <= qe for s, e, _ in home):
                out.append((start, end, word))
        return out


def _quoted_sentence(doc: Document, offset: int) -> bool:
    """Whether the quotation holding `offset` opens with a capital: a sentence someone spoke."""
    i = bisect.bisect_right(doc.quotes, (offset, float("inf"))) - 1
    return i >= 0 and doc.view[doc.quotes[i][0] + 1:doc.quotes[i][0] + 2].isupper()
