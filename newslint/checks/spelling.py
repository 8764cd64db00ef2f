"""spelling: the offline, news-aware speller (newslint.lexicon's dictionary, no server).

    extends: spelling
    mode: words          # words: unknown words and listed misspellings
                         # dialect: spellings of the other dialect when `language` is en-US or en-GB
                         # reject: the configuration's vocabulary.reject words
    min_length: 3        # shorter lower-case words are never flagged
    min_candidate_zipf: 2.0   # a correction must be at least this common (Zipf scale)
    clear_ratio: 4.0     # one suggestion when the best outscores the next by this
    accept_repeated: 2   # an unknown word used this often in one article is deliberate
    oxford: true         # en-GB: accept -ize spellings (Oxford spelling)
    derived_zipf: 3.0    # how common the known base of a derived word must be
    own_word_ratio: 0.005  # an unknown word the web writes this often, against its best
                           # correction's score, is a word of its own (letup, bureaux)

What is never flagged in `words` mode:
  - capitalised words, CAPITALS and mixed case (names, places, acronyms: Blinken, UAW, iPhone)
    -- a misspelt name is the consistency/name-variant rule's business;
  - words that touch a digit or follow @ or # (G20, 10bn, 3rd, @handle, #tag); URLs and e-mail
    addresses never reach rules;
  - hyphenated compounds whose joined form is a word (co-operate), "the one who has it" after a
    hyphen (right-hander, two-seater), a romanised given name's syllables (In-kyun, Jae-in), and
    prefixes before a hyphen (pre-tax, ex-minister); each other part of a compound is checked on
    its own;
  - possessives and contractions of known words (minister's, didn't, with either apostrophe);
  - words censored on purpose (f–ksticks, motherf-----, s**t);
  - words regularly made from known words by the spelling rules (lexicon/morphology.py):
    inflections (balking, tussled, thornier), derivations (unforgivably, crispiness, tieless,
    perjurer), prefixes (uncrewed, declassifying), compounds of two common words (soulman);
  - rare real words the web writes too often to be a slip of their correction (letup,
    bureaux, largesse), rare words a larger dictionary lists (testier, smattered, endorsee:
    lexicon.listed), and rare words with no common word one edit away;
  - words of the house accept list (vocabulary.accept), and an unknown word used
    `accept_repeated` times in one article. Listed misspellings (codespell's data) are flagged
    every time, unless the article repeats one that is a suffix on a common word: "their
    brokeness" twice is broke+ness, a coinage, though the list reads it as "brokenness".

Only a listed misspelling with a single correction carries a safe fix; a correction guessed
from the dictionary words one edit away is a suggestion (README: Fixing).
"""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..core.rule import Rule
from ..document.model import Document
from .shared.check import BuildContext, Check
from .shared.fixes import match_case
from .shared.phrases import bounded_occurrences, occurs_at_least

if TYPE_CHECKING:
    from ..resources.lexicon import Lexicon

# a run of letters with inner apostrophes, not touching a digit, an underscore, @ or #
# nor continuing into a domain name (decuk.org) or an HTML entity (clich&#233;)
WORD = re.compile(r"(?<![\w@#&])(?<!\w['’])[^\W\d_]+(?:['’][^\W\d_]+)*(?!\w)(?![.][^\W\d_])(?!&)")
# a word censored on purpose: "f–ksticks", "motherf-----", "s**t"
_CENSORED = re.compile(r"[*]|[-–—]{2}|(?<![^\W\d_])[^\W\d_]{1,2}[–—][^\W\d_]")
_MISSING = object()
_CACHE_LIMIT = 200_000
# "as", "the", "of": two of these joined are a space left out, never a compound ("asthe")
FUNCTION_WORD_ZIPF = 6.0
# strings this short are so dense that a slip often lands on some rare derivation ("stas" for
# "stars" is no sta+s): only the web's own frequency can make them words
SHORT_WORD = 4
# words this common (setup, bureau) are rarely misspelt on the web, only slipped on
WELL_KNOWN_ZIPF = 3.5
RARE_RIVAL_EVIDENCE = 0.3  # see _a_word_of_its_own: a rare correction needs the web's word to be this common against it
# a quotation this short around an unknown word presents a term ("frunk"), not speech
QUOTED_TERM_WORDS = 2
# a dictionary word this long with -s or -es is a word whatever its frequency ("vaunts", not
# "vaults"): a slip rarely ends in a word of its own plus s
PLURAL_BASE = 5
# plurals the spelling rules of inflection do not make (plural ending, singular ending)
_IRREGULAR_PLURALS = (("ves", "f"), ("ves", "fe"), ("ae", "a"))
# a word the web writes this often (one in 100 million words) is a word, if no dictionary's
WEB_WORD_ZIPF = 2.0
FOREIGN_RUN = 3  # unknown words between a word and a foreign one that still make one phrase
# a gloss in brackets right after a word: "the cancha (soccer field)"
_ARTICLES = ("the", "a", "an")
_SIC = re.compile(r"\W{0,2}[ \t]*[(\[]sic\b", re.IGNORECASE)  # "fulfull (sic.)", "recieve [sic]"
# a French article elided before the next word: "raison d'être", "coup d'état", "maître d'hôtel"
_FRENCH_ELISION = re.compile(r"[ \t]+[dl]['’][^\W\d_]")
_BRACKETED_ENDING = re.compile(r"\(([a-z]{1,4})\)")
# one syllable of a romanised Korean or Chinese name: an onset, a vowel, an ending (sang, gyun, hwan)
_SYLLABLE = re.compile(r"[bcdfghjklmnpqrstwxyz]{0,2}[aeiouy]{1,3}(?:ng|[nmkl])?")
# typographic ligatures a PDF or a web font leaves in the text ("ﬂowed"): the letters they stand for
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
# an editor's brackets, and characters nobody sees (zero-width space and joiners, word joiner, soft
# hyphen, byte-order mark), which may stand inside a word
_INSIDE_WORD_MARKS = "[]\u200b\u200c\u200d\u2060\u00ad\ufeff"
_DROP_INSIDE_WORD_MARKS = str.maketrans("", "", _INSIDE_WORD_MARKS)
_SUSPENDED = re.compile(r"-?,? (?:and|or|to) [a-z]")  # a prefix shared with the next word
_LETTERS = re.compile(r"[^\W\d_]+")
_GLOSS = re.compile(r"[ \t]+\(((?:the |an? )?(?:[^\W\d_]+[ \t]?){1,3})\)")
# the credit that closes a caption, up to the word: "... on Monday. Photo: jane doe/"
_CREDIT = re.compile(r"\b(?:photo(?:graph)?s?|pictures?|images?|credits?)[ \t]*:[^.:!?\n]{0,60}\Z", re.IGNORECASE)
LANGUAGES = ("en-US", "en-GB")


class Verdict(NamedTuple):
    suggestions: list[str]
    safe: bool
    listed: bool  # a known real-world misspelling: flagged whatever the context


def document_tokens(doc: Document) -> list[str]:
    """The whitespace-separated tokens of the view, split once per document.

    The speller's hot path works on these: a token it has judged before (in any document) is
    not looked at again, so a document whose tokens are all known costs one split and one
    set look-up per token, all in C."""
    tokens = doc.__dict__.get("_spelling_tokens")
    if tokens is None:
        tokens = doc.__dict__["_spelling_tokens"] = doc.view.split()
    return tokens


def fresh_tokens(doc: Document, fine: set[str]) -> set[str]:
    """The document's tokens that are not in `fine`."""
    tokens = document_tokens(doc)
    if fine.issuperset(tokens):
        return set()
    return set(tokens).difference(fine)


def _joins(ch: str) -> bool:  # \S
    return not ch.isspace()


def token_spans(view: str, token: str) -> Iterator[int]:
    r"""Start offsets of every whitespace-delimited occurrence of `token` in `view`
    (r"(?<!\S)token(?!\S)")."""
    return bounded_occurrences(view, token, _joins, _joins)


def _possessive(word: str) -> int:
    """How many characters of a possessive ending ('s, ’s) the word has."""
    return 2 if len(word) > 2 and word[-2] in "'’" and word[-1] == "s" else 0


def _doubling_slip(word: str, correction: str) -> bool:
    """Whether the two differ only by one consonant written once or twice (enterred/entered)."""
    longer, shorter = (word, correction) if len(word) > len(correction) else (correction, word)
    if len(longer) != len(shorter) + 1:
        return False
    return any(longer[i] == longer[i - 1] and longer[i] not in "aeiou" and longer[:i] + longer[i + 1:] == shorter
               for i in range(1, len(longer)))


def quote_list(words: list[str]) -> str:
    quoted = [f"'{w}'" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


class Spelling(Check):
    NAME = "spelling"
    DESCRIPTION = "Flags misspelt words with the offline dictionary (names are never flagged)."
    OPTIONS = {
        "mode": Option("choice", "words", "words, dialect or reject", choices=("words", "dialect", "reject")),
        "min_length": Option("int", 3, "shorter lower-case words are never flagged", minimum=1),
        "min_candidate_zipf": Option("number", 2.0, "how common a correction must be (Zipf scale)", minimum=0),
        "clear_ratio": Option("number", 4.0, "best/second score for a single suggestion", minimum=1),
        "accept_repeated": Option("int", 2, "an unknown word this frequent in an article is deliberate", minimum=1),
        "oxford": Option("bool", True, "en-GB: accept -ize spellings (Oxford spelling)"),
        "derived_zipf": Option("number", 3.0, "how common the base of a derived word must be (Zipf)", minimum=0),
        "own_word_ratio": Option("number", 0.005, "an unknown word the web writes this often, against its "
                                 "best correction's score, is a word of its own", minimum=0),
    }
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "suggestion", "candidates", "dialect", "language")

    def __init__(self, rule: Rule, context: BuildContext):
        super().__init__(rule, context)
        opts = self.options
        self.mode = opts["mode"]
        settings = context.settings
        self.accept = {w.replace("’", "'") for w in settings.get("accept") or ()}
        self.accept_lower = {w.lower() for w in self.accept}
        self.reject_lower = {w.replace("’", "'").lower() for w in settings.get("reject") or ()}
        self.language = settings.get("language") or "auto"
        self.min_length = opts["min_length"]
        self.min_zipf = opts["min_candidate_zipf"]
        self.clear_ratio = opts["clear_ratio"]
        self.accept_repeated = opts["accept_repeated"]
        self.oxford = opts["oxford"]
        self.derived_zipf = opts["derived_zipf"]
        self.own_word_ratio = opts["own_word_ratio"]
        self._verdicts: dict[str, Any] = {}  # word -> Verdict or None
        self._fine: set[str] = set()  # whitespace tokens with nothing to report
        self._suspects: dict[str, list] = {}  # whitespace tokens -> their suspect words
        self._lexicon: Lexicon | None = None  # loaded at first use
        self._word_ends: list[str] | None = None  # common words spelt backwards, built at first use

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            from ..resources import lexicon
            self._lexicon = lexicon.get()
        return self._lexicon

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if self.mode == "words":
            yield from self._check_words(doc)
        elif self.mode == "dialect":
            if self.language in LANGUAGES:
                yield from self._check_dialect(doc)
        elif self.reject_lower:
            yield from self._check_reject(doc)

    # words ---------------------------------------------------------------------------------

    def _check_words(self, doc: Document) -> Iterator[Diagnostic]:
        for start, end, (_, _, word, v) in self._located(doc, self._token_suspects):
            if not v.listed and (self._repeated(doc, word) or self._deliberate(doc, start, end)):
                continue
            if _FRENCH_ELISION.match(doc.view, end):
                continue  # even a listed misspelling: "raison d'être" is French, no slip of "reason"
            if self._joined_across_marks(doc.view, start, end):
                continue  # even a listed misspelling: "[R]ather" is no slip of "other"
            if word.lower() in self.lexicon.prefixes and _SUSPENDED.match(doc.view, end):
                continue  # a prefix left hanging: "the mis and disinformation", "pre and post-war"
            if v.listed and self._repeated(doc, word) and self._coinable(word.lower()):
                continue  # a coinage the article stands by (brokeness: broke + ness)
            if doc.in_post(start, end):
                continue  # a post embedded whole keeps its writer's slips
            suggestions = [match_case(word, c) for c in v.suggestions]
            # a quotation keeps its writer's words: correcting one is never certain
            safe = v.safe and not doc.in_quote(start, end)
            fix = self.replacement_fix(doc, start, end, suggestions[0], True) if safe else None
            yield self.report(doc, start, end, suggestions=suggestions, fix=fix,
                              suggestion=suggestions[0], candidates=quote_list(suggestions),
                              dialect="", language=self.language)

    def _located(self, doc: Document, suspects) -> Iterator[tuple[int, int, tuple]]:
        """(start, end, suspect) for every suspect word in the document, in the rule's scope.

        `suspects(token)` lists the words of one whitespace token that may be wrong, as
        (start, end, word, ...) within the token; its verdicts are cached by token, so a token
        seen in an earlier article costs one lookup."""
        hits = []
        for token in fresh_tokens(doc, self._fine):
            found = self._suspects.get(token)
            if found is None:
                found = suspects(token)
                if not found:
                    self._remember_fine(token)
                    continue
                self._suspects[token] = found
            hits.append((token, found))
        if not hits:
            return
        view = doc.view
        spans = None if self.rule.scope == "document" else self.spans(doc)
        for token, found in hits:
            for at in token_spans(view, token):
                for suspect in found:
                    start, end = at + suspect[0], at + suspect[1]
                    if self.wanted(doc, start, end, spans):
                        yield start, end, suspect

    def _remember_fine(self, token: str) -> None:
        if len(self._fine) > _CACHE_LIMIT:
            self._fine.clear()
            self._suspects.clear()
        self._fine.add(token)

    def _token_suspects(self, token: str) -> list[tuple[int, int, str, Verdict]]:
        """The words of one whitespace token that may be misspelt: (start, end, word, verdict)."""
        out = []
        for m in WORD.finditer(token):
            word = m.group()
            v = self._verdicts.get(word, _MISSING)
            if v is _MISSING:
                if len(self._verdicts) > _CACHE_LIMIT:  # bounded over an archive of millions of articles
                    self._verdicts.clear()
                v = self._verdicts[word] = self._verdict(word)
            if v is not None and not self._in_compound(token, m.start(), m.end()) and \
                    not _CENSORED.search(token) and not self._dropped_g(token, m.end(), word):
                out.append((m.start(), m.end(), word, v))
        return out

    def _dropped_g(self, token: str, end: int, word: str) -> bool:
        """Speech written as spoken, its g replaced by an apostrophe: thinkin’, nothin'."""
        return token[end:end + 1] in ("'", "’") and word.endswith("in") and self.lexicon.known(word + "g")

    def _deliberate(self, doc: Document, start: int, end: int) -> bool:
        """Whether the text marks the word as written on purpose: a term quoted on its own (the
        front trunk, or “frunk”) or glossed in brackets right after it (the cancha (pitch)), a
        word an editor completed with a bracketed ending (undermin(ing), debas(ing)), a word
        marked "(sic)", or a name in a photo credit, where agencies write names in lower case
        (Photo: jane doe/epa)."""
        view = doc.view
        if _CREDIT.search(view, view.rfind("\n", 0, start) + 1, start) or _SIC.match(view, end):
            return True  # (a writer's slip kept as written and marked so: "could not fulfull (sic)")
        ending = _BRACKETED_ENDING.match(view, end)
        if ending and self.lexicon.known(view[start:end] + ending.group(1)):
            return True  # an editor's ending inside a quotation: "debas(ing) its currency"
        gloss = _GLOSS.match(view, end)
        if gloss and all(self.lexicon.zipf(w) < FUNCTION_WORD_ZIPF for w in gloss.group(1).split()
                         if w not in _ARTICLES):
            return True  # a noun's words, not a clause's ("(which was late)")
        if self._beside_a_foreign_word(view, start, end):
            return True  # "chanted “sí se puede!”": a phrase of another language
        quote = doc.quote_around(start, end)
        return quote is not None and (len(view[quote[0]:quote[1]].split()) <= QUOTED_TERM_WORDS
                                      or _SIC.match(view, quote[1]) is not None)  # a quotation marked "[sic]"

    def _beside_a_foreign_word(self, view: str, start: int, end: int) -> bool:
        """Whether a run of words the dictionary lacks (or of two letters), on either side of the
        word on its line, reaches a word written with letters English does not use ("sí se
        puede", "muy buena"), or a word that, like it, the web writes and the dictionary lacks
        ("e pluribus unum"; the web never writes a slip such as "teh"): the word belongs to
        that language's phrase ("crème brûlée with perhsps" stays a slip)."""
        line_start, line_end = view.rfind("\n", 0, start) + 1, view.find("\n", end)
        before = _LETTERS.findall(view, line_start, start)[::-1]
        after = _LETTERS.findall(view, end, line_end if line_end >= 0 else len(view))
        lex = self.lexicon
        written = lex.observed_zipf(view[start:end].lower()) > 0
        for side in (before, after):
            for word in side[:FOREIGN_RUN]:
                if len(word) > 2 and lex.known(word.lower()):
                    break  # (a two-letter word goes either way: "se", "de", "la")
                if not word.isascii() and word.islower():  # (not a name: "Mr. Patiño said")
                    return True
                if written and len(word) > 2 and word.islower() and lex.observed_zipf(word) > 0:
                    return True  # two words the web writes and no English dictionary holds: "e pluribus unum"
        return False

    def _joined_across_marks(self, view: str, start: int, end: int) -> bool:
        """A word an editor completed inside square brackets ("[B]ecause", "v[ery]"), or one a
        character nobody sees splits ("D\u200befense", from a web page): the letters around them
        make a dictionary word."""
        near = view[max(0, start - 4):end + 1]
        if not any(mark in near for mark in _INSIDE_WORD_MARKS):
            return False
        s, e = start, end
        while s > 0 and (view[s - 1].isalpha() or view[s - 1] in _INSIDE_WORD_MARKS):
            s -= 1
        while e < len(view) and (view[e].isalpha() or view[e] in _INSIDE_WORD_MARKS):
            e += 1
        word = view[s:e].translate(_DROP_INSIDE_WORD_MARKS)
        return word != view[start:end] and self.lexicon.known(word.lower())

    def _repeated(self, doc: Document, word: str) -> bool:
        """Whether an unknown word occurs `accept_repeated` times in the document (any case)."""
        return self.accept_repeated <= 1 or occurs_at_least(doc.lowered, word.lower(), self.accept_repeated)

    def _verdict(self, word: str) -> Verdict | None:
        norm = word.replace("’", "'").translate(_LIGATURES)
        lower = norm.lower()
        if norm in self.accept or lower in self.accept_lower or lower in self.reject_lower:
            return None
        if not norm.islower():
            return None  # names, places, acronyms
        if not norm.isascii():
            return None  # an accented word the dictionary lacks is foreign ("Trump père"), not a slip
        if len(norm) - norm.count("'") < self.min_length:
            return None
        lex = self.lexicon
        if lex.known(norm):  # listed misspellings are not in the dictionary
            return None
        listed = lex.misspelling(lower)
        if listed:
            # one correction is certain unless the word is also a regular form of a common word,
            # which a writer may coin on purpose (brokeness: broke+ness, not brokenness)
            return Verdict(listed[:3], len(listed) == 1 and not self._coinable(lower), True)
        if lex.variant_known(lower):
            return None  # the other dialect's spelling of a known word: monetise, libelled
        if lex.listed(lower):
            return None  # a rare word a larger dictionary lists: testier, smattered, endorsee
        if self._letters_repeated(lower):
            return None  # hmmmm, zzzz
        run_together = self._run_together(lower)
        if run_together:
            return Verdict([run_together], False, False)  # "asthe": a space left out
        min_f = 10.0 ** (self.min_zipf - 9.0)
        # a candidate that is only the word's own plural or singular says the dictionary lacks
        # an inflection (downdraft/downdrafts), not that the word is misspelt
        ranked = [(w, s) for w, s in lex.ranked(lower, 6)
                  if lex.frequency(w) >= min_f and w != lower + "s" and w + "s" != lower]
        if not ranked or self._a_word_of_its_own(lower, ranked[0]):
            return None
        clear = len(ranked) == 1 or ranked[0][1] >= self.clear_ratio * ranked[1][1]
        # a guess from edit distance is a suggestion, never a safe fix (README: Fixing)
        return Verdict([ranked[0][0]] if clear else [w for w, _ in ranked[:3]], False, False)

    def _coinable(self, lower: str) -> bool:
        """Whether the word is one suffix (or prefix) on a common word (Zipf `derived_zipf`)."""
        from ..resources.lexicon.morphology import analyses
        lex = self.lexicon
        return any(layers == 1 and lex.zipf(base) >= self.derived_zipf
                   for base, layers in analyses(lower, lex.is_word, lex.prefixes))

    @staticmethod
    def _letters_repeated(lower: str) -> bool:
        return len(set(lower)) <= 2

    def _run_together(self, lower: str) -> str | None:
        """Two of the commonest words written without the space between ("asthe", "ofthe"),
        which no word is made of."""
        zipf = self.lexicon.zipf
        for i in range(1, len(lower)):
            if zipf(lower[:i]) >= FUNCTION_WORD_ZIPF and zipf(lower[i:]) >= FUNCTION_WORD_ZIPF:
                return f"{lower[:i]} {lower[i:]}"
        return None

    def _a_word_of_its_own(self, lower: str, best: tuple[str, float]) -> bool:
        """Whether an unknown word is likelier written on purpose than as a slip of the best
        correction: the web writes it too often to be that correction's slip (letup, bureaux,
        largesse), or it is regularly made from a known word (balking, uncrewed, thornier).

        Slips are rare in published text (about one word in ten thousand), spread over dozens of
        possible slips of each word, so a word the web (wordfreq) writes at least `own_word_ratio`
        times as often as the correction's score (its frequency times the likelihood of the slip) is
        a word of its own; made from a known word by the spelling rules, a tenth of that will do.
        Rare words are misspelt far more often than common ones (the web writes "hundreth" for a
        thirtieth of its "hundredth"), so against a correction rarer than WELL_KNOWN_ZIPF the web
        must write the word at least RARE_RIVAL_EVIDENCE times as often as the slip's score (largesse,
        plusses, upselling). A word made in one step from a common
        known word (`derived_zipf`) is one too, though the web never writes it (tieless), unless the
        correction is commoner than that base: "stoped" stays a slip of "stopped", not stope+d, and a
        word that only doubles a consonant of the correction, or undoes its doubling, is its slip
        ("enterred" for "entered": the spelling rules cannot tell which syllable is stressed).
        The correction itself with one regular ending is a word too (unaffordably, not a slip of
        "unaffordable"). Against a correction among the rarest words of the dictionary (`min_candidate_zipf`), a
        regular form of any dictionary word will do (stanching: stanch+ing, not a slip of
        staunching). The negative a- makes adjectives (apolitical, ahistorical) that read like "a"
        run into a word, so only with the web's evidence.
        Derivations and compounds are not read into words of SHORT_WORD letters or fewer."""
        lex = self.lexicon
        observed = lex.observed_zipf(lower)
        evidence = 10.0 ** (observed - 9.0) / best[1] if observed else 0.0
        rival = lex.zipf(best[0])
        if evidence >= RARE_RIVAL_EVIDENCE or (evidence >= self.own_word_ratio and rival >= WELL_KNOWN_ZIPF) \
                or (observed >= WEB_WORD_ZIPF and len(lower) > SHORT_WORD + 1):
            return True  # a longer word the web writes that often is a word (hegemon, monied); a short one
            # may be a slip that is also a name or a foreign word ("ofer", Ofer)
        if len(lower) <= SHORT_WORD:
            return False
        from ..resources.lexicon.morphology import analyses
        if _doubling_slip(lower, best[0]):
            return False  # "enterred" for "entered", "occured" for "occurred": the rules allow both
        if lower.endswith("s") and lex.observed_zipf(lower[:-1]) >= WEB_WORD_ZIPF:
            return True  # the plural of a word the web writes though no dictionary holds it: signees
        if any(lower.endswith(plural) and len(lower) - len(plural) + len(single) >= PLURAL_BASE
               and lex.is_word(lower[:-len(plural)] + single) for plural, single in _IRREGULAR_PLURALS):
            return True  # behalf -> behalves, amygdala -> amygdalae
        for base, layers in analyses(lower, lex.is_word, lex.prefixes):
            z = lex.zipf(base)
            if layers == 1 and base == best[0]:
                return True  # the correction itself with a regular ending: unaffordably, not "unaffordable"
            if layers == 1 and len(base) >= PLURAL_BASE and lower in (base + "s", base + "es"):
                return True  # the plural or third person of any dictionary word, however rare: vaunts
            if (layers == 1 and z >= max(self.derived_zipf, rival)) or (layers == 1 and z >= self.min_zipf >= rival) \
                    or (evidence >= self.own_word_ratio / 10 and z >= self.min_zipf):
                return True
        if evidence >= self.own_word_ratio / 10 and lower.startswith("a") and lower.endswith(("al", "ic")) \
                and lex.zipf(lower[1:]) >= self.derived_zipf:
            return True  # the negative a- on an adjective the web writes with it: apolitical, ahistorical
        # a closed compound of two common words (soulman), held to a stricter bar
        return any(min(lex.zipf(lower[:i]), lex.zipf(lower[i:])) - 1.0 >= max(self.derived_zipf, rival)
                   for i in range(3, len(lower) - 2))

    def _in_compound(self, view: str, start: int, end: int) -> bool:
        """Whether the word is a part of a hyphenated compound that is fine as a whole."""
        before = start > 0 and view[start - 1] == "-"
        after = end < len(view) and view[end] == "-"
        if not (before or after):
            return False
        lex = self.lexicon
        lower = view[start:end].lower()
        if lower in lex.prefixes and after:
            return True  # pre-tax, ex-minister, e-mail
        if before and lower.endswith("s") and lex.is_word(lower[:-1]):
            return True  # have-nots, add-ons, 16-year-olds
        if before and lower.endswith("er") and (lex.is_word(lower[:-2]) or (
                lower[-3:-2] == lower[-4:-3] and lex.is_word(lower[:-3]))):
            return True  # the one who has it: right-hander, two-seater, big-hitter
        s, e = start, end
        while s > 1 and view[s - 1] == "-" and view[s - 2].isalpha():
            s -= 2
            while s > 0 and view[s - 1].isalpha():
                s -= 1
        while e + 1 < len(view) and view[e] == "-" and view[e + 1].isalpha():
            e += 2
            while e < len(view) and view[e].isalpha():
                e += 1
        compound = view[s:e]
        parts = compound.split("-")
        if len(lower) <= 3 and any(part[:1].isupper() for part in parts):
            return True  # a particle of a name: Abish-uly, Ould-bin (but London-baed is a typo)
        if before and parts[0][:1].isupper() and len(lower) <= 5 and (
                len(parts[0]) <= 3 or all(_SYLLABLE.fullmatch(part.lower()) for part in parts)):
            return True  # a romanised given name's syllables: Shin In-kyun, Moon Jae-in, Moon Sang-gyun
        if any(len(part) == 1 for part in parts[1:-1]):
            return True  # wordplay joined by a letter: truth-o-meter, lock-n-load
        if len(parts) == 2 and len(parts[0]) >= 2 and (parts[1].lower().startswith(parts[0].lower())
                                                       or parts[0][1:].lower() == parts[1][1:].lower()):
            return True  # a word made by doubling or rhyming: yo-yoed, pell-mell, hodge-podge
        if before and compound[:1].isupper() and self._ends_a_word(lower):
            return True  # wordplay on a name: the tail of a word after it (Mitt-igator, Trump-ocalypse)
        return lex.is_word(compound.replace("-", "").lower())

    def _ends_a_word(self, tail: str) -> bool:
        """Whether a common word (Zipf WELL_KNOWN_ZIPF or more) ends with `tail` and is longer."""
        ends = self._word_ends
        if ends is None:
            lex = self.lexicon
            ends = self._word_ends = sorted(w[::-1] for w in lex.common_words(WELL_KNOWN_ZIPF))
        key = tail[::-1]
        i = bisect.bisect_right(ends, key)
        return i < len(ends) and ends[i].startswith(key)

    # dialect -------------------------------------------------------------------------------

    def _check_dialect(self, doc: Document) -> Iterator[Diagnostic]:
        lex = self.lexicon
        other = "en-GB" if self.language == "en-US" else "en-US"

        def wrong(word: str) -> bool:
            if not word.islower() or word in self.accept_lower or lex.dialect_of(word) != other:
                return False
            return not (other == "en-US" and self.oxford and lex.is_oxford(word))

        yield from self._scan_tokens(doc, wrong, lambda w: lex.counterpart(w), other)

    def _check_reject(self, doc: Document) -> Iterator[Diagnostic]:
        yield from self._scan_tokens(doc, lambda w: w.replace("’", "'").lower() in self.reject_lower, None, "")

    def _scan_tokens(self, doc: Document, wrong, fix_for, dialect: str) -> Iterator[Diagnostic]:
        """Report every word of the document for which `wrong(word)` holds; `fix_for(word)`
        gives a safe replacement, if any."""
        def suspects(token: str) -> list[tuple[int, int, str]]:
            return [(m.start(), m.end() - cut, m.group()[:len(m.group()) - cut]) for m in WORD.finditer(token)
                    for cut in (_possessive(m.group()),) if wrong(m.group()[:len(m.group()) - cut])]

        for start, end, (_, _, word) in self._located(doc, suspects):
            if fix_for and doc.in_quote(start, end):
                continue  # a quotation (a statement, a tweet) keeps its writer's spelling
            good = fix_for(word) if fix_for else None
            fix = self.replacement_fix(doc, start, end, good, True) if good else None
            yield self.report(doc, start, end, suggestions=[good] if good else [], fix=fix,
                              suggestion=good or "", candidates=quote_list([good]) if good else "",
                              dialect=dialect, language=self.language)
