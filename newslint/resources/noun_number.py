"""Whether a noun takes a singular or a plural verb, and whether it names a group: word pair counts.

A subject's number is what its verb agrees with, and neither a speller nor a word list says it:
"news" and "series" end in s and are singular, "people" and "police" do not and are plural, and a
group ("the government", "the team") takes either in British English. symspellpy's bigram table
(the word pairs of Google's web and book counts seen at least 6.4 million times) holds how often
each noun comes right before "has", "is", "was" and before "have", "are", "were": a noun is
singular where the first are almost all, plural where the second are. It also tells a group by
the words that follow it: "team members", or two of "government officials", "government
workers", "company executives", ... are pairs only the name of a body of people makes ("research
staff" alone is a compound of another kind).

    noun_number.get().number("minister")   -> "singular"
    noun_number.get().number("people")     -> "plural"
    noun_number.get().number("government") -> None   (a group: British copy writes either)
    noun_number.get().number("blurb")      -> None   (too rare in the table to say)
    noun_number.get().number("young")      -> None   (an adjective far more often than a subject)

The counts of the few thousand nouns the table has before those verbs are kept in newslint's
cache folder as a `marshal` file (as the lexicon's build is), built once in about a second.
"""
from __future__ import annotations

import hashlib
import marshal
import threading
from typing import Callable

from .lexicon.build import _mark_used, _package_file, _store, cache_dir, prune

FORMAT = 5
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
SINGULAR_VERBS = frozenset(["has", "is", "was", "does"])
PLURAL_VERBS = frozenset(["have", "are", "were", "do"])
# a word before one of these names a body of people, which British copy gives either number
GROUP_SIGNS = frozenset(["members", "member", "officials", "spokesman", "spokeswoman", "spokesperson", "staff",
                         "leaders", "officers", "employees", "executives", "workers", "chairman", "chief", "boss",
                         "bosses", "supporters"])
MEMBER_SIGNS = frozenset(["members", "member"])  # alone enough to name a body of people
# the other number's verbs may be this share of the word's own and it still has one number: pairs
# like "law are" come from longer phrases ("the rule of law are"); nouns whose verbs split more
# ("side" 20%, "family" 59%, "team" 29%) take both
STRAY_SHARE = 0.12
# a word far more often followed by "of" than by any verb, or followed by "of" this often for each
# of its uses (on the scale of MIN_SUBJECT_RATE), counts a share of something ("pair", "lot",
# "proportion", "handful": 12 to 45; "law", "team", "movement": 0.8 to 2.5): "the pair were", "a
# significant proportion were" agree with what it counts
PARTITIVE_OF = 8
PARTITIVE_OF_RATE = 3.0
# a singular noun is a verb's subject this often for each occurrence in wordfreq (per million of
# its uses, on the table's scale): "law", "offer", "coach" are; "young", "dead", "official" are
# mostly adjectives, and "the young have" agrees with the people they stand for
MIN_SUBJECT_RATE = 0.1


class NounNumbers:
    """For each word the table has before the verbs: (singular verb pairs, plural verb pairs,
    whether it names a group or counts a share, whether it names a group)."""

    def __init__(self, counts: dict[str, tuple[int, int, bool, bool]], of: dict[str, int],
                 frequency: Callable[[str], float]):
        self.counts = counts
        self.of = of  # word -> the count of "word of"
        self.frequency = frequency

    def number(self, word: str, shares: frozenset[str] | None = None) -> str | None:
        """"singular" or "plural" when the word, as a subject, takes that number almost always and
        names no group; None when it takes either, names a group, or the table cannot say. Nouns
        that count a share take either too: the ones in `shares` if given ("number", "majority":
        a closed class), else those the table shows followed by "of" far more often than by a
        verb, which "role" and "use" are as well."""
        entry = self.counts.get(word)
        if entry is None:
            return None
        singular, plural, group_or_share, group = entry
        if (group if shares is not None else group_or_share) or (
                word in shares if shares is not None else self.counts_a_share(word)):
            return None
        if singular and plural <= singular * STRAY_SHARE:
            return "singular" if singular >= MIN_SUBJECT_RATE * self.frequency(word) * 1e12 else None
        if plural and singular <= plural * STRAY_SHARE:
            return "plural"
        return None

    def counts_a_share(self, word: str) -> bool:
        """Whether "of" follows the word so often that it names a share of something."""
        of = self.of.get(word, 0)
        return bool(of) and of >= PARTITIVE_OF_RATE * self.frequency(word) * 1e12

    def is_group(self, word: str) -> bool:
        entry = self.counts.get(word)
        return entry is not None and entry[2]


_loaded: NounNumbers | None = None
_lock = threading.Lock()


def get() -> NounNumbers:
    """The counts, once per process."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                from . import lexicon
                _loaded = NounNumbers(*_cached(), lexicon.get().frequency)
    return _loaded


def _cached() -> tuple[dict[str, tuple[int, int, bool, bool]], dict[str, int]]:
    source = _package_file("symspellpy", BIGRAMS)
    h = hashlib.sha256(f"{FORMAT}:{sorted(SINGULAR_VERBS | PLURAL_VERBS | GROUP_SIGNS)}".encode())
    try:
        st = source.stat()
        h.update(f"{source}:{st.st_size}:{st.st_mtime_ns};".encode())
    except OSError:
        h.update(f"{source}:missing;".encode())
    key = h.hexdigest()[:16]
    path = cache_dir() / f"nouns-{key}.marshal"
    try:
        counts, of = marshal.loads(path.read_bytes())
        _mark_used(path)
        return counts, of
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = _build(source)
    if _store(path, data):
        prune(cache_dir(), "nouns", key)
    return data


def _build(bigram_file) -> tuple[dict[str, tuple[int, int, bool, bool]], dict[str, int]]:
    singular: dict[str, int] = {}
    plural: dict[str, int] = {}
    signs: dict[str, set[str]] = {}
    of: dict[str, int] = {}
    with open(bigram_file, encoding="utf-8") as f:
        for line in f:
            a, b, count = line.split(" ")
            if b in SINGULAR_VERBS:
                singular[a] = singular.get(a, 0) + int(count)
            elif b in PLURAL_VERBS:
                plural[a] = plural.get(a, 0) + int(count)
            elif b in GROUP_SIGNS:
                signs.setdefault(a, set()).add(b)
            elif b == "of":
                of[a] = int(count)
    # "team members", or two signs ("company executives", "company officials"): one other sign
    # may be a compound of another kind ("research staff", "market leaders")
    groups = {w for w, found in signs.items() if found & MEMBER_SIGNS or len(found) >= 2}
    counts = {}
    for w in singular.keys() | plural.keys():
        s, p = singular.get(w, 0), plural.get(w, 0)
        counts[w] = (s, p, w in groups or of.get(w, 0) >= PARTITIVE_OF * (s + p), w in groups)
    return counts, of
