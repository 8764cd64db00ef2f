"""Which member of a confusion set ("than", "then") a context wants: word bigram statistics.

symspellpy ships an English bigram table (frequency_bigramdictionary_en_243_342.txt: the word
pairs seen at least 6.4 million times in Google's web and book counts) and the unigram counts of
its dictionary (frequency_dictionary_en_82_765.txt). From them the model scores a word w between
its neighbours p and n as P(w | p) · P(n | w) ∝ C(p w) · C(w n) / C(w), and compares the members
of the word's sets on the same context: the likelier member by a large factor is a slip's fix.

A pair missing from the table was seen fewer times than its least pair; it counts as an eighth
of that, unless the word has stand-ins (a possessive's class: his, her for "their"), whose pairs
with the next word, scaled to the word's frequency, are read instead. A side of the context where
neither member's pair was seen tells nothing and is left out (else the floor would favour the
rarer word); a side seen with the word written only, and favouring it, vetoes the other side
("giving advice the president needs": the model cannot weigh a noun's object clause). A
contraction the table cannot hold (it lacks apostrophes) is scored through its expansion:
"they're" as "they are", a chain of two pairs.

The unigram table counts on a smaller scale than the bigram table; its counts are scaled by the
median ratio of the two over the commonest words, so that C(w n) / C(w) is a probability.

Loading the 5 MB table takes most of a second, so only the pairs that hold a word of the sets
are kept, stored once as a `marshal` file in newslint's cache folder (as the lexicon's build
is), keyed by the source files and the words, each word's pairs apart: a one-file run builds
the tables of the words its text has only. Nothing is downloaded.
"""
from __future__ import annotations

import marshal
import math
import threading
from dataclasses import dataclass
from typing import Iterable

from .lexicon.build import _package_file, _store, build_key, cache_dir, prune, read_build

FORMAT = 3
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
UNIGRAMS = "frequency_dictionary_en_82_765.txt"
COMMON_WORDS = 200  # the scale of the unigram counts is measured on these
# an unseen pair counts this share of the least pair: most pairs below the table's cut-off are far
# below it (word pairs are Zipf-distributed); 1/8 gave the best recall at equal false alarms
# among 1/2, 1/8, 1/20 and 1/60 on the BBC articles and the tune half of other publishers' news
UNSEEN_SHARE = 8
# a side that favours the word written this much (log), seen with it only, outweighs the other side
CONTRARY_SIDE = 2.0


@dataclass(frozen=True)
class Verdict:
    """A likelier member and by how much: exp(log_ratio) times as likely as the word written."""

    word: str
    log_ratio: float
    left_told: bool  # whether the word before it told anything, or only the word after did
    # whether the table saw the likelier word with both neighbours and the word written with
    # neither: the plainest evidence the table can give ("a grate deal": "a great", "great deal")
    clear: bool = False
    # whether a word stood before it that the table never saw beside either member
    left_silent: bool = False
    # and after it: then only the word before told
    right_silent: bool = False


class ConfusionModel:
    """Bigram and unigram counts for the words of some confusion sets (see load)."""

    def __init__(self, parts: dict[str, bytes], unigrams: dict[str, float], floor: float,
                 stand_ins: dict[str, tuple[str, ...]] | None = None):
        self.parts = parts  # word -> its pairs, marshalled: read at the word's first use
        self.tables: dict[str, dict[str, int]] = {}
        self.unigrams = unigrams
        self.floor = floor
        self.stand_ins = stand_ins or {}  # word -> words of its class whose pairs stand in for its unseen ones

    def _pair(self, a: str, b: str) -> tuple[float, bool]:
        """The count of the pair "a b" (found in b's part if b is a word of the sets, else in
        a's), and whether the table has it."""
        word = b if b in self.parts else a
        table = self.tables.get(word)
        if table is None:
            table = self.tables[word] = marshal.loads(self.parts[word]) if word in self.parts else {}
        count = table.get(f"{a} {b}")
        return (count, True) if count else (self.floor, False)

    def _pair_or_class(self, word: str, after: str) -> tuple[float, bool]:
        """The count of the pair "word after"; unseen, and the word has stand-ins, their pairs'
        counts scaled to its own frequency ("their diagnosis" from "his diagnosis"). Only on the
        right, where a possessive's class tells what follows it (a noun phrase), and not before
        an -ing form, which after "his" is a gerund ("his going") and after "your" a slip."""
        count, seen = self._pair(word, after)
        mates = self.stand_ins.get(word)
        if seen or not mates or after.endswith("ing"):
            return count, seen
        total = sum(c for c, s in (self._pair(mate, after) for mate in mates) if s)
        mass = sum(self.unigrams.get(mate, 0.0) for mate in mates)
        estimate = total * self.unigrams.get(word, self.floor) / mass if mass else 0.0
        # an estimate under the floor says no more than the table's silence
        return (estimate, True) if estimate > self.floor else (count, seen)

    def _sides(self, words: tuple[str, ...], before: str | None, after: str | None):
        """(left score, seen), (right score, seen) of a word (or an expansion's words) in context:
        left ∝ P(words | before), right = P(after | last word); None where there is no neighbour."""
        first, last = words[0], words[-1]
        inner, inner_seen = 1.0, True
        for a, b in zip(words, words[1:]):
            count, seen = self._pair(a, b)
            inner *= count / self.unigrams.get(a, self.floor)
            inner_seen = inner_seen and seen
        if before is None:
            left = (self.unigrams.get(first, self.floor) * inner, inner_seen)
        else:
            count, seen = self._pair(before, first)
            left = (count * inner, seen and inner_seen)
        right = None
        if after is not None:
            count, seen = self._pair_or_class(last, after)
            right = (count / self.unigrams.get(last, self.floor), seen)
        return left, right

    def log_ratio(self, written: tuple[str, ...], other: tuple[str, ...], before: str | None,
                  after: str | None) -> float:
        """log(P(other in context) / P(written in context)), from the sides where a pair was seen."""
        total = 0.0
        for mine, theirs in zip(self._sides(written, before, after), self._sides(other, before, after)):
            if mine is None or theirs is None or not (mine[1] or theirs[1]):
                continue  # no neighbour, or neither pair seen: this side tells nothing
            gain = math.log(theirs[0]) - math.log(mine[0])
            if mine[1] and not theirs[1] and gain <= -CONTRARY_SIDE:
                # one neighbour seen with the word written and never with the other: the sides
                # disagree, and the model cannot say which to believe ("giving advice the president
                # needs": "giving advice", "advise the"; "the market, where about")
                return -math.inf
            # the other member's pair unseen, its floor over a rare word's count is no evidence for
            # it ("the blurring oof boundaries" against "of boundaries"): it may only count against it
            total += gain if theirs[1] else min(gain, 0.0)
        return total

    def best(self, written: tuple[tuple[str, ...], ...], others: Iterable[tuple[str, tuple[tuple[str, ...], ...]]],
             before: str | None, after: str | None) -> Verdict | None:
        """The likeliest of `others` (name, readings) against the word written, if any beats it.
        A word with two readings (it's: it is, it has) loses only if it loses in both: "it's
        been" is "it has been", which no "its" beats."""
        verdict = None
        for name, readings in others:
            ratio = min(max(self.log_ratio(mine, theirs, before, after) for theirs in readings) for mine in written)
            if ratio > 0 and (verdict is None or ratio > verdict.log_ratio):
                verdict = self._verdict(name, ratio, written, readings, before, after)
        return verdict

    def _verdict(self, name: str, ratio: float, written: tuple[tuple[str, ...], ...],
                 readings: tuple[tuple[str, ...], ...], before: str | None, after: str | None) -> Verdict:
        """The verdict for the likelier word, with which sides of the context told anything: a
        side tells when a reading of either word was seen with its neighbour there. Clear: a
        reading of the likelier word seen with both neighbours, none of the word written with
        either."""
        seen = {words: [side is not None and side[1] for side in self._sides(words, before, after)]
                for words in (*written, *readings)}
        left_told = before is not None and any(left for left, _ in seen.values())
        right_told = after is not None and any(right for _, right in seen.values())
        clear = before is not None and after is not None and not any(any(seen[w]) for w in written) \
            and any(all(seen[w]) for w in readings)
        return Verdict(name, ratio, left_told, clear, left_silent=before is not None and not left_told,
                       right_silent=after is not None and not right_told)


_models: dict[tuple, ConfusionModel] = {}
_lock = threading.Lock()


def load(words: Iterable[str], stand_ins: dict[str, tuple[str, ...]] | None = None) -> ConfusionModel:
    """The model for these words (members and the words of expansions) and the stand-ins of
    some of them, once per process."""
    stand_ins = stand_ins or {}
    vocabulary = frozenset(w.lower() for w in words) | {m for mates in stand_ins.values() for m in mates}
    key = (vocabulary, tuple(sorted(stand_ins.items())))
    model = _models.get(key)
    if model is None:
        with _lock:
            model = _models.get(key)
            if model is None:
                parts, unigrams, floor = _cached(vocabulary)
                model = _models[key] = ConfusionModel(parts, unigrams, floor, stand_ins)
    return model


def _cached(vocabulary: frozenset[str]) -> tuple:
    sources = [_package_file("symspellpy", BIGRAMS), _package_file("symspellpy", UNIGRAMS)]
    key = build_key(f"{FORMAT}:{sorted(vocabulary)}", sources)
    path = cache_dir() / f"confusion-{key}.marshal"
    data = read_build(path)
    if data is not None:
        return data
    data = _build(vocabulary, *sources)
    if _store(path, data):
        prune(cache_dir(), "confusion", key)
    return data


def _build(vocabulary: frozenset[str], bigram_file, unigram_file) -> tuple:
    """(for each word of `vocabulary`, the pairs that end with it or, ending with another word,
    start with it, marshalled apart so that a run reads only the words its text has; the words'
    unigram counts on the bigram table's scale; the count given to an unseen pair)."""
    parts: dict[str, dict[str, int]] = {}
    rows: dict[str, int] = {}
    least = None
    with open(bigram_file, encoding="utf-8") as f:
        for line in f:
            a, b, count_text = line.split(" ")
            count = int(count_text)
            least = count if least is None or count < least else least
            rows[a] = rows.get(a, 0) + count
            if b in vocabulary or a in vocabulary:
                parts.setdefault(b if b in vocabulary else a, {})[f"{a} {b}"] = count
    raw: dict[str, int] = {}
    with open(unigram_file, encoding="utf-8") as f:
        for line in f:
            word, count_text = line.split(" ")
            raw[word] = int(count_text)
    common = sorted(raw, key=raw.__getitem__, reverse=True)[:COMMON_WORDS]
    ratios = sorted(rows.get(w, 0) / raw[w] for w in common)
    scale = ratios[len(ratios) // 2]  # the median
    unigrams = {w: raw[w] * scale for w in vocabulary if w in raw}
    packed = {word: marshal.dumps(pairs) for word, pairs in parts.items()}
    return packed, unigrams, (least or 1) / UNSEEN_SHARE
