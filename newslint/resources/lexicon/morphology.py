"""Words regularly made from known words, by English spelling rules.

A word the dictionary lacks may still be an ordinary word: an inflection (balking, tussled,
thornier, nixing, salvoes), a derivation (unforgivably, crispiness, weaponize, perjurer, piggish) or a
prefix on a known word (uncrewed, declassifying, remortgaged). `analyses(word, is_word,
prefixes)` undoes at most one inflection, then at most one derivational suffix, then at most
one prefix, and gives every dictionary word the word can be made of that way, with the
spelling rules kept: a silent e drops before a vowel (hope -> hoping, so "hopeing" is no
hope+ing), a final y after a consonant turns to i (thorny -> thornier), and a one-syllable word
ending in one vowel and one consonant doubles it (run -> running, so "runing" is no run+ing;
longer words may or may not: visiting, travelling, traveling); before -y a silent e may stay
(homey, pricey, old-timey).
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

_VOWELS = "aeiou"
_SYLLABLE = re.compile(r"[aeiouy]+")
INFLECTIONS = ("s", "es", "ed", "ing", "er", "ers", "est")
DERIVATIONS = ("ly", "ness", "less", "ful", "ment", "ist", "ism", "ize", "ise", "able", "y", "er", "ish", "ity")
# "-ible" and "-able" adjectives make "-ibly", "-ably"; "-ic" makes "-ically"; "-ate" makes "-atory"
# and "-ator" (celebrator); "-woman" and "-man" make "-women" and "-men" (spokeswomen, chairmen);
# "-ent", "-ant" and "-ist" words have "-ence", "-ance" and "-ism" nouns (lenience, supremacism)
_REWRITES = (("ibly", "ible"), ("ably", "able"), ("ically", "ic"), ("atory", "ate"), ("ator", "ate"),
             ("women", "woman"), ("men", "man"), ("ence", "ent"), ("ance", "ant"), ("ism", "ist"))
_ES_BASES = ("s", "x", "z", "ch", "sh", "o")  # they take -es, not -s
# shorter "bases" (of, ply, jew+er+ly) explain slips worse than the slip does; a three-letter
# word takes one ending only (nix -> nixing, tie -> tieless)
MIN_BASE = 4


def _one_syllable_cvc(base: str) -> bool:
    """One syllable ending in consonant, vowel, consonant: its consonant doubles before a vowel
    ending (run -> running, big -> bigger); w, x and y never double. The u of "qu" is a
    consonant's (quip -> quipping, quit -> quitting)."""
    base = base.replace("qu", "q")
    return (len(base) >= 3 and base[-1] not in _VOWELS + "wxy" and base[-2] in _VOWELS
            and base[-3] not in _VOWELS and len(_SYLLABLE.findall(base)) == 1)


def _silent_e(base: str) -> bool:
    """A final e that drops before a vowel ending (hope -> hoping), unlike see, toe, dye."""
    return len(base) >= 3 and base[-1] == "e" and base[-2] not in "eoy"


def _undo(word: str, endings: tuple[str, ...]) -> Iterator[str]:
    """Each stem `word` is one of `endings` on, by the spelling rules."""
    for ending in endings:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[:-len(ending)]
        if stem[-1] == "i" and ending[0] != "i":
            yield stem[:-1] + "y"  # thorny -> thornier, crispiness, unifiers, tried
            continue
        if ending == "es":
            if stem.endswith(_ES_BASES):
                yield stem  # salvo -> salvoes, box -> boxes
            continue
        if ending == "s" and (stem[-1] in "s'" or stem.endswith(("x", "z", "ch", "sh"))):
            continue  # "taxs" is no tax+s: those take -es
        if ending[0] in "aeiouy":
            if ending == "ing" and stem[-1] == "y":
                yield stem[:-1] + "ie"  # die -> dying
            if stem[-1] != "e":
                yield stem + "e"  # tussle -> tussled, collude -> colluding, perjure -> perjurer
            single = stem[:-1]
            if stem[-1] == stem[-2] and stem[-1] not in _VOWELS and single[-2] in _VOWELS \
                    and (_one_syllable_cvc(single) or len(_SYLLABLE.findall(single)) >= 2):
                yield single  # stop -> stopped; travel -> travelled (and traveled)
            if ending == "y" and _silent_e(stem):
                yield stem  # -y may keep a silent e: home -> homey, price -> pricey, time -> timey
                continue
            if _one_syllable_cvc(stem) or _silent_e(stem):
                continue  # run -> running and hope -> hoping: "runing" is no run+ing
        yield stem
    for rewritten, base_ending in _REWRITES:
        if word.endswith(rewritten) and len(word) - len(rewritten) >= 3:
            yield word[:-len(rewritten)] + base_ending


def analyses(word: str, is_word: Callable[[str], bool], prefixes: frozenset[str]) -> Iterator[tuple[str, int]]:
    """(base, layers) for every dictionary word `word` is regularly made of, with how many
    layers (an inflection, a derivational suffix, a prefix) make it: balking -> (balk, 1);
    uncrewed -> (crewed, 1), (crew, 2); declassifying -> (classifying, 1), (classify, 2)."""
    seen = {word}
    inflected = [(word, 0)] + [(stem, 1) for stem in _undo(word, INFLECTIONS)]
    derived = list(inflected)
    for stem, layers in inflected:
        derived += [(base, layers + 1) for base in _undo(stem, DERIVATIONS)]
    for stem, layers in derived:
        candidates = [(stem, layers)] + [(stem[len(p):], layers + 1) for p in prefixes
                                         if stem.startswith(p) and len(stem) - len(p) >= MIN_BASE]
        for base, depth in candidates:
            if depth and base not in seen and len(base) >= (MIN_BASE if depth > 1 else 3):
                seen.add(base)
                if is_word(base):
                    yield base, depth
