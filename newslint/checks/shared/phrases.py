"""One Aho-Corasick automaton for the literal phrases of every rule in an engine.

Rules register their word lists here while they are built; each document is then scanned
once, whatever the number of rules or phrases, and every rule gets back its own matches.
Matching runs over the lower-cased view; case-sensitive phrases are verified afterwards.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from ...document.model import Document


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    start: int
    end: int
    phrase: str  # the phrase as the rule wrote it


@dataclass
class _Registration:
    ignorecase: bool
    whole_words: bool
    phrases: dict[str, list[str]] = field(default_factory=dict)  # lowered -> as written


class PhraseHandle:
    """A rule's view of the shared index."""

    def __init__(self, index: "PhraseIndex", key: int):
        self._index = index
        self._key = key

    @property
    def key(self) -> int:
        """This rule's key in the index's hits (`PhraseIndex.search`)."""
        return self._key

    def find(self, doc: Document) -> list[PhraseMatch]:
        """Non-overlapping matches, leftmost first and longest first."""
        return self._index.search(doc).get(self._key, [])  # the scan runs once a document


class PhraseIndex:
    def __init__(self) -> None:
        self._registrations: list[_Registration] = []
        self._automaton = None
        self._cache_name = f"_phrase_hits_{id(self)}"

    def register(self, phrases: list[str], *, ignorecase: bool, whole_words: bool = True) -> PhraseHandle:
        if self._automaton is not None:
            raise RuntimeError("the phrase index is already compiled")
        reg = _Registration(ignorecase, whole_words)
        for phrase in phrases:
            reg.phrases.setdefault(phrase.lower(), []).append(phrase)
        self._registrations.append(reg)
        return PhraseHandle(self, len(self._registrations) - 1)

    def _compile(self):
        import ahocorasick
        automaton = ahocorasick.Automaton()
        owners: dict[str, list[int]] = {}
        for key, reg in enumerate(self._registrations):
            for lowered in reg.phrases:
                owners.setdefault(lowered, []).append(key)
        for lowered, keys in owners.items():
            automaton.add_word(lowered, (lowered, tuple(keys)))
        if owners:
            automaton.make_automaton()
        self._automaton = automaton
        return automaton

    def search(self, doc: Document) -> dict[int, list[PhraseMatch]]:
        cached = doc.__dict__.get(self._cache_name)
        if cached is not None:
            return cached
        automaton = self._automaton if self._automaton is not None else self._compile()
        found: dict[int, list[PhraseMatch]] = {}
        if len(automaton):
            view, lowered_view = doc.view, doc.lowered
            regs = self._registrations
            for last, (lowered, keys) in automaton.iter(lowered_view):
                end = last + 1
                start = end - len(lowered)
                for key in keys:
                    reg = regs[key]
                    if reg.whole_words and not on_word_boundaries(view, start, end):
                        continue
                    if reg.ignorecase:
                        found.setdefault(key, []).append(PhraseMatch(start, end, reg.phrases[lowered][0]))
                        continue
                    text = view[start:end]
                    for written in reg.phrases[lowered]:
                        if written == text:
                            found.setdefault(key, []).append(PhraseMatch(start, end, written))
                            break
            for key, matches in found.items():
                found[key] = _leftmost_longest(matches)
        doc.__dict__[self._cache_name] = found
        return found


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def on_word_boundaries(view: str, start: int, end: int) -> bool:
    """A phrase that starts (ends) with a word character must not continue a word there."""
    if _is_word_char(view[start]) and start > 0 and _is_word_char(view[start - 1]):
        return False
    if _is_word_char(view[end - 1]) and end < len(view) and _is_word_char(view[end]):
        return False
    return True


def bounded_occurrences(text: str, needle: str, joins_before: Callable[[str], bool],
                        joins_after: Callable[[str], bool]) -> Iterator[int]:
    """Start offsets of `needle` in `text`, leftmost first and not overlapping, where the
    character before does not satisfy `joins_before` and the one after not `joins_after`: what
    re.finditer(rf"(?<!X){re.escape(needle)}(?!Y)") finds, located with str.find (in C, and
    without a pattern compiled for each needle). Per-word scans of a whole article with
    lookbehind patterns made long articles cost their length times their words."""
    n, end, i = len(needle), len(text), text.find(needle)
    while i >= 0:
        if (i == 0 or not joins_before(text[i - 1])) and (i + n == end or not joins_after(text[i + n])):
            yield i
            i = text.find(needle, i + n)
        else:
            i = text.find(needle, i + 1)


def occurs_at_least(text: str, word: str, times: int) -> bool:
    r"""Whether `word` stands `times` times in `text` as a whole word (no letter either side):
    r"(?<![^\W\d_])word(?![^\W\d_])", counted only as far as needed."""
    found = 0
    for _ in bounded_occurrences(text, word, is_letter, is_letter):
        found += 1
        if found >= times:
            return True
    return times <= 0


def is_letter(ch: str) -> bool:
    r"""What [^\W\d_] matches: a letter, in any script (\w less digits and the underscore)."""
    return ch.isalnum() and not ch.isdecimal()


def _leftmost_longest(matches: list[PhraseMatch]) -> list[PhraseMatch]:
    matches.sort(key=lambda m: (m.start, -m.end))
    out: list[PhraseMatch] = []
    reach = -1
    for m in matches:
        if m.start >= reach:
            out.append(m)
            reach = m.end
    return out
