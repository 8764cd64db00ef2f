"""British <-> American spelling pairs: listed pairs plus regular transformations.

The listed pairs (breame's tables, codespell's en-GB -> en-US list, data/dialects.yaml) are
completed by the regular correspondences, applied to every dictionary word and kept only
when both spellings are dictionary words:

    -our   <-> -or      colour/color, favourite/favorite, labourer/laborer
    -ise   <-> -ize     realise/realize, organisation/organization (and -yse/-yze: analyse)
    -tre   <-> -ter     centre/center, theatres/theaters
    -ence  <-> -ense    defence/defense, offences/offenses
    -lled  <-> -led     travelled/traveled, cancelling/canceling (two-syllable stems only)
    -ogue  <-> -og      catalogue/catalog, dialogue/dialog
    -mme   <-> -m       programme/program
"""
from __future__ import annotations

import re

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

# (British ending, American ending) for whole-word suffix rewrites; longest endings first
_SUFFIXES: list[tuple[str, str]] = []
for _gb, _us in (("our", "or"), ("is", "iz"), ("ys", "yz")):
    for _tail in ("", "s", "ed", "ing", "er", "ers", "able", "ably", "ful", "fully", "less", "y",
                  "ist", "ists", "ite", "ites", "itism", "ation", "ations", "e", "es", "al", "ally"):
        _SUFFIXES.append((_gb + _tail, _us + _tail))
for _gb, _us in (("tre", "ter"), ("tres", "ters"), ("tred", "tered"), ("ence", "ense"),
                 ("ences", "enses"), ("ogue", "og"), ("ogues", "ogs"), ("gramme", "gram"), ("grammes", "grams")):
    _SUFFIXES.append((_gb, _us))
_SUFFIXES.sort(key=lambda p: -len(p[0]))
_DOUBLED_L = ("lled", "lling", "ller", "llers")


def transform(word: str, known=None) -> list[str]:
    """Possible American spellings of a (British) word by the regular correspondences; with
    `known` (a container of words), the doubled-l rule needs the stem to be a word."""
    out = []
    for gb, us in _SUFFIXES:
        if word.endswith(gb) and len(word) - len(gb) >= 2:
            stem = word[:-len(gb)]
            if gb.startswith(("is", "ys")) and not gb.startswith(("ise", "ising", "ised", "iser", "isa", "yse",
                                                                  "ysing", "ysed", "yser")):
                continue
            if gb.startswith("our") and stem[-1] in "aeiou":
                continue
            out.append(stem + us)
    for tail in _DOUBLED_L:
        if word.endswith(tail):
            stem = word[:-len(tail)] + "l"  # travelled -> travel
            if len(_VOWEL_GROUPS.findall(stem)) >= 2 and (known is None or stem in known):
                out.append(stem + tail[2:])
    return out


def derive_pairs(dictionary: dict, clean: set[str], listed: dict[str, str],
                 not_pairs: set[str]) -> dict[str, str]:
    """British -> American spelling for every pair that is listed, or derived with both forms
    in `dictionary` and the British one in the curated `clean` list (not a foreign word seen
    on the web: "entre", "femme")."""
    pairs = {gb: us for gb, us in listed.items() if gb.isalpha() and us.isalpha() and gb != us}
    for word in clean:
        if word in pairs or word in not_pairs or len(word) < 5:
            continue
        for us in transform(word, dictionary):
            if us in dictionary and us not in not_pairs and us != word:
                pairs[word] = us
                break
    # a word cannot be both a British form and the American form of another word
    americans = set(pairs.values())
    return {gb: us for gb, us in pairs.items() if gb not in americans and _both_current(gb, us, dictionary)}


# A British form ten times rarer than the American one is archaic or a variant even in Britain
# ("connexion", "focussed", "licenced"), or another word ("groyne" for "groin"): British writers
# use the common form too, so it marks no dialect.
_MAX_GAP_CENTIBELS = 100


def _both_current(gb: str, us: str, dictionary: dict) -> bool:
    gb_cb, us_cb = dictionary.get(gb), dictionary.get(us)
    return gb_cb is not None and (us_cb is None or gb_cb - us_cb < _MAX_GAP_CENTIBELS)


def variants(word: str) -> list[str]:
    """Spellings of `word` in the other dialect by the regular correspondences, both ways
    (unchecked: the caller looks them up). monetise -> monetize, traveled -> travelled."""
    out = transform(word)
    for gb, us in _SUFFIXES:
        if word.endswith(us) and len(word) - len(us) >= 2:
            out.append(word[:-len(us)] + gb)
    for tail in ("led", "ling", "ler", "lers"):
        stem = word[:-len(tail)] + "l"  # traveled -> travel: two syllables, as in transform()
        if word.endswith(tail) and not word.endswith("l" + tail) and len(_VOWEL_GROUPS.findall(stem)) >= 2:
            out.append(stem + tail)
    return out


def two_syllable_l_stem(stem: str) -> bool:
    """A stem whose l doubles in British inflections and not in American ones: one l after a
    vowel, two syllables or more (libel, travel, model; not call, fill, feel's one syllable)."""
    return (len(stem) >= 4 and stem[-1] == "l" and stem[-2] in "aeiou" and stem[-3] != stem[-2]
            and len(_VOWEL_GROUPS.findall(stem)) >= 2)
