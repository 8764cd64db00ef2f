"""newslint.resources.lexicon: the English dictionary, word frequencies, misspellings and dialects.

Shared by the spelling rules and by any rule that needs to know whether a word is English
(the name-variant and dialect-mixing consistency rules). Loaded lazily, once per process;
the first use builds a compact form from installed packages and caches it (see build.py), so
later processes load it in a few tens of milliseconds. Nothing here touches the network.

    from newslint.resources import lexicon

    lexicon.known("Blinken")          -> False   (names are not in the dictionary)
    lexicon.known("Colour")           -> True    (Title case and CAPITALS of a known word)
    lexicon.known("didn't")           -> True    (straight or curly apostrophe)
    lexicon.frequency("the")          -> 0.0537  (wordfreq's frequency, 0.0 if unknown)
    lexicon.zipf("previously")        -> 4.9     (log10 of frequency per billion words)
    lexicon.observed_zipf("letup")    -> 1.5     (also the web's rare words, down to Zipf 1)
    lexicon.listed("testier")         -> True    (a larger dictionary lists it; too rare to suggest)
    lexicon.misspelling("recieve")    -> ["receive"]   (codespell's list; None if not listed)
    lexicon.suggestions("previosuly") -> ["previously"]
    lexicon.dialect_of("organisation") -> "en-GB"
    lexicon.dialect_of("color")       -> "en-US"
    lexicon.dialect_of("program")     -> None    (also a British word: a computer program)
    lexicon.counterpart("colour")     -> "color";  counterpart("center") -> "centre"
    lexicon.infer_dialect(words)      -> "en-GB", "en-US" or None

Dialect conventions: British -ise/-isation spellings are "en-GB" and -ize/-ization "en-US",
although Oxford spelling writes -ize in British English too (`is_oxford(word)` tells those);
an American form that is also a British word in another sense (meter, program, tire, draft,
check, story, practice, license: data/dialects.yaml `shared`) has no dialect.
"""
from __future__ import annotations

import math
import threading
from typing import Iterable

__all__ = ["Lexicon", "get", "known", "frequency", "zipf", "misspelling", "suggestions",
           "dialect_of", "counterpart", "infer_dialect", "is_oxford"]


def _normalise(word: str) -> str:
    return word.replace("\u2019", "'").replace("\u02bc", "'")


class Lexicon:
    """The loaded data. Use `get()` (or the module functions) rather than building one."""

    def __init__(self, words: tuple, extra=None, rare=None, listed=None):
        centibels, data = words
        self._cb: dict[str, int] = centibels
        self.prefixes: frozenset[str] = frozenset(data["prefixes"])
        self.contractions: tuple[str, ...] = tuple(data["contractions"])
        self.negatives: frozenset[str] = frozenset(data["negatives"])
        self.suffixes: tuple[str, ...] = tuple(data["suffixes"])
        self._extra_loader = extra  # the misspellings and dialect pairs load on first use
        self._rare_loader = rare  # the rare words too
        self._listed_loader = listed  # and the larger list's

    def _extra(self) -> None:
        loader, self._extra_loader = self._extra_loader, None
        misspellings, gb_to_us, shared, american_too = loader() if callable(loader) else loader
        self._misspellings = misspellings
        self._gb_to_us = gb_to_us
        self._us_to_gb = {us: gb for gb, us in reversed(gb_to_us.items())}
        self._shared = frozenset(shared)
        self._american_too = frozenset(american_too)

    def __getattr__(self, name: str):
        if name in ("_misspellings", "_gb_to_us", "_us_to_gb", "_shared", "_american_too") and \
                self.__dict__.get("_extra_loader") is not None:
            self._extra()
            return self.__dict__[name]
        raise AttributeError(name)

    # words --------------------------------------------------------------------------------

    def known(self, word: str) -> bool:
        """Whether `word` is an English word as written.

        Case-aware: a lower-case word must be in the (lower-case) dictionary; a word in Title
        case or in CAPITALS is known when its lower-case form is; any other mix of cases
        ("iPhone", "McDonald") is not. Curly apostrophes count as straight ones, and a
        possessive or a contraction of a known word is known ("Minister's", "they're").
        Hyphenated compounds are not words: check each part.
        """
        w = _normalise(word)
        if not w:
            return False
        if w.islower():
            lower = w
        elif w.isupper() or (w[0].isupper() and (len(w) == 1 or w[1:].islower())):
            lower = w.lower()
        else:
            return False
        if self.is_word(lower):
            return True
        if "'" in lower:
            for ending in self.contractions:
                if lower.endswith(ending) and len(lower) > len(ending) and self.is_word(lower[:-len(ending)]):
                    return True
            if lower.endswith("'") and self.is_word(lower[:-1]):  # plural possessive: ministers'
                return True
        return False

    def observed_zipf(self, word: str) -> float:
        """`zipf`, or for a word the dictionary lacks, how often the web writes it (wordfreq, down
        to Zipf 1.0): real rare words (letup, bureaux) and the web's own typos alike, so this
        is evidence to weigh against a slip, not a dictionary. 0 for a word never seen."""
        lower = _normalise(word).lower()
        if lower in self._cb:
            return self.zipf(lower)
        rare = self._sorted_part("rare")
        i = rare.index(lower)
        if i is None:
            return 0.0
        from .build import MAX_CENTIBELS
        return 9.0 - (MAX_CENTIBELS + rare.values[i]) / 100.0

    def listed(self, word: str) -> bool:
        """Whether a larger dictionary (pyspellchecker's English list, SCOWL's bigger sizes among
        its sources) lists the lower-case word though the lexicon lacks it: testier, smattered,
        denouncer. Evidence that a word is no slip, for the speller only: these words are too
        rare to be offered as corrections, and the list holds place names in lower case
        (aalborg), which must stay names for the other rules."""
        return self._sorted_part("listed").index(_normalise(word).lower()) is not None

    def _sorted_part(self, part: str) -> "_SortedWords":
        """The rare words or the larger list's ("rare", "listed"), loaded at first use."""
        store = self.__dict__.get(f"_{part}")
        if store is None:
            loader = self.__dict__.pop(f"_{part}_loader", None)
            store = self.__dict__[f"_{part}"] = _SortedWords(*(loader() if callable(loader) else loader or ()))
        return store

    def is_word(self, lower: str) -> bool:
        """`known` for a word already in lower case with straight apostrophes (the fast path)."""
        return lower in self._cb or lower in self.negatives

    def common_words(self, min_zipf: float) -> list[str]:
        """The dictionary's words at least this common (Zipf)."""
        most = round((9.0 - min_zipf) * 100)
        return [w for w, cb in self._cb.items() if cb <= most]

    def frequency(self, word: str) -> float:
        """How often the word occurs in English (wordfreq), 0.0 when it is not in the dictionary."""
        cb = self._cb.get(_normalise(word).lower())
        return 10.0 ** (-cb / 100.0) if cb is not None else 0.0

    def zipf(self, word: str) -> float:
        """log10 of the frequency per billion words (0 for an unknown word; 'the' is about 7.7)."""
        f = self.frequency(word)
        return math.log10(f) + 9.0 if f > 0 else 0.0

    def misspelling(self, word: str) -> list[str] | None:
        """The corrections of a known real-world misspelling (codespell's list), else None."""
        right = self._misspellings.get(_normalise(word).lower())
        if right is None:
            return None
        return [r.strip() for r in right.split(",") if r.strip()]

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        """Likely corrections, best first: a listed misspelling's, else dictionary words one
        edit away ranked by frequency and the likelihood of the slip (see suggest.py)."""
        return [w for w, _ in self.ranked(word, limit)]

    def ranked(self, word: str, limit: int = 5) -> list[tuple[str, float]]:
        """(suggestion, score) pairs, best first. Listed misspellings score infinity."""
        listed = self.misspelling(word)
        if listed:
            return [(w, math.inf) for w in listed[:limit]]
        from .suggest import rank
        cb = self._cb

        def frequency(candidate: str) -> float:
            # `self.frequency` for the candidates rank() makes: already lower case with straight
            # apostrophes, so one dictionary look-up (hundreds of candidates a word)
            c = cb.get(candidate)
            return 10.0 ** (-c / 100.0) if c is not None else 0.0

        return rank(_normalise(word), frequency, limit)

    # dialects ------------------------------------------------------------------------------

    def dialect_of(self, word: str) -> str | None:
        """'en-GB' for a British-only spelling (colour, organisation, centre, defence,
        travelled, programme), 'en-US' for an American-only one (color, organization, center,
        defense, traveled), None for a word both write the same way (gauge, dialogue, buses,
        cancellation) or that is unknown."""
        return self.dialect_map().get(_normalise(word).lower())

    def dialect_map(self) -> dict[str, str]:
        """Every lower-case spelling that marks a dialect -> "en-GB" or "en-US": a British
        spelling is British even where the American list has it too, unless American copy writes
        it as well (gauge, dialogue, buses: see build.py); an American one is American unless both
        dialects write it so."""
        cached = self.__dict__.get("_dialect_map")
        if cached is None:
            cached = {us: "en-US" for us in self._us_to_gb if us not in self._shared}
            cached.update((gb, "en-GB") for gb in self._gb_to_us if gb not in self._american_too)
            self.__dict__["_dialect_map"] = cached
        return cached

    def counterpart(self, word: str) -> str | None:
        """The other dialect's spelling: colour <-> color, organisation <-> organization,
        centre <-> center, defence <-> defense, travelled <-> traveled, programme <-> program.
        Keeps a capital first letter or CAPITALS. None when the word has no counterpart."""
        w = _normalise(word)
        lower = w.lower()
        other = self._gb_to_us.get(lower) or self._us_to_gb.get(lower) or self.unlisted_british(lower)
        if other is None:
            return None
        if w.isupper() and len(w) > 1:
            return other.upper()
        if w[:1].isupper():
            return other[0].upper() + other[1:]
        return other

    def unlisted_british(self, lower: str) -> str | None:
        """The American spelling of a British -ise word the dictionary lacks, so that no listed
        pair holds it: the -ize form when that is a dictionary word (weaponised -> weaponized,
        monetising -> monetizing), or an -isation noun whatever its stem (denuclearisation ->
        denuclearization: no American word ends so). None for a dictionary word."""
        if lower in self._cb or lower in self._gb_to_us:
            return None
        from .dialects import transform
        for other in transform(lower):
            if other.replace("iz", "is") == lower and (other in self._cb or other.endswith(("ization", "izations"))):
                return other
        return None

    def variant_known(self, word: str) -> str | None:
        """The other dialect's spelling of `word` when `word` is one side of a listed pair
        (cancelations -> cancellations), or a dictionary word that is `word` spelt in the other
        dialect by the regular correspondences (monetise -> monetize, libelled -> libeled);
        else None. For words the dictionary itself may lack."""
        from .dialects import variants
        lower = _normalise(word).lower()
        listed = self._gb_to_us.get(lower) or self._us_to_gb.get(lower)
        if listed is not None:  # a listed pair: cancelations/cancellations
            return listed
        for other in variants(lower):
            if other in self._cb:
                return other
        return self._l_inflection_of(lower)

    def _l_inflection_of(self, lower: str) -> str | None:
        """The stem of an inflection of a dictionary word in -l, in either dialect's spelling,
        when the dictionary lacks both (libel: libelled, libelling, libeled): the stem ends in
        one l after a vowel and has two syllables, so "callled" and "filed" are not read so."""
        from .dialects import two_syllable_l_stem
        for tail in ("led", "ling", "ler", "lers", "ed", "ing", "er", "ers"):
            if lower.endswith(tail):
                stem = lower[:-len(tail)]
                if two_syllable_l_stem(stem) and stem in self._cb:
                    return stem
        return None

    def is_oxford(self, word: str) -> bool:
        """Whether an -ize spelling is also Oxford British spelling (organize, realization)."""
        w = _normalise(word).lower()
        gb = self._us_to_gb.get(w)
        return gb is not None and "iz" in w and gb.replace("is", "iz") == w

    def infer_dialect(self, words: Iterable[str], margin: int = 1) -> str | None:
        """The dialect most of `words` are spelt in, if one leads the other by more than
        `margin` words; None for a text with no (or evenly mixed) dialect spellings."""
        gb = us = 0
        dialects = self.dialect_map()
        for word in words:
            d = dialects.get(_normalise(word).lower())
            if d == "en-GB":
                gb += 1
            elif d == "en-US":
                us += 1
        if gb - us > margin - 1 and gb > us:
            return "en-GB"
        if us - gb > margin - 1 and us > gb:
            return "en-US"
        return None


class _SortedWords:
    """Words as build.py stores them: one sorted, newline-joined string, where each word starts
    (uint32 offsets) and a byte of value for each (the rare words' centibels above
    MAX_CENTIBELS). Searched by bisection, so loading costs a few byte strings instead of a
    dictionary of a quarter of a million entries."""

    def __init__(self, joined: str = "", starts: bytes = b"", values: bytes = b""):
        from array import array
        self._joined = joined
        self.values = values
        self._starts = array("I")
        self._starts.frombytes(starts)

    def _word(self, i: int) -> str:
        starts = self._starts
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(self._joined)
        return self._joined[starts[i]:end]

    def index(self, word: str) -> int | None:
        import bisect
        n = len(self._starts)
        i = bisect.bisect_left(range(n), word, key=self._word)
        return i if i < n and self._word(i) == word else None


_lexicon: Lexicon | None = None
_lock = threading.Lock()


def get() -> Lexicon:
    """The process-wide lexicon, loaded on first use (from the cache, or built and cached)."""
    global _lexicon
    if _lexicon is None:
        with _lock:
            if _lexicon is None:
                from .build import load
                _lexicon = Lexicon(load("words"), lambda: load("extra"), lambda: load("rare"), lambda: load("listed"))
    return _lexicon


def known(word: str) -> bool:
    return get().known(word)


def frequency(word: str) -> float:
    return get().frequency(word)


def zipf(word: str) -> float:
    return get().zipf(word)


def misspelling(word: str) -> list[str] | None:
    return get().misspelling(word)


def suggestions(word: str, limit: int = 5) -> list[str]:
    return get().suggestions(word, limit)


def dialect_of(word: str) -> str | None:
    return get().dialect_of(word)


def counterpart(word: str) -> str | None:
    return get().counterpart(word)


def is_oxford(word: str) -> bool:
    return get().is_oxford(word)


def infer_dialect(words: Iterable[str], margin: int = 1) -> str | None:
    return get().infer_dialect(words, margin)


known.__doc__ = Lexicon.known.__doc__
frequency.__doc__ = Lexicon.frequency.__doc__
zipf.__doc__ = Lexicon.zipf.__doc__
misspelling.__doc__ = Lexicon.misspelling.__doc__
suggestions.__doc__ = Lexicon.suggestions.__doc__
dialect_of.__doc__ = Lexicon.dialect_of.__doc__
counterpart.__doc__ = Lexicon.counterpart.__doc__
is_oxford.__doc__ = Lexicon.is_oxford.__doc__
infer_dialect.__doc__ = Lexicon.infer_dialect.__doc__
