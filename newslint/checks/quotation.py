"""quotation: the same quotation given twice in different words ("we will not be bullied into
accepting a pay cut" ... "we won't be bullied into accepting a pay cut").

A quotation is what someone said, word for word, so a repeat of it (a partial quote taken up again
later, a line quoted in the lede and again in the body) must give the same words. Two quotations
are the same one when they share a run of at least `min_run` words; they contradict each other
when, beside that run, both go on in different words. A repeat that stops where the other goes on
is a shorter quote of the same words ("not going to balance this budget" out of a longer
sentence), and a longer one may quote more of the speech. Only a quotation woven into the
reporter's sentence in lower case is read as a repeat (see `_partial`). An ellipsis or an editor's brackets
("[the council] will pay") mark words left out or put in, so the comparison stops there, and the
pieces of one quotation are never compared with each other: a speaker may repeat a phrase and end
it two ways ("the beginning of the end of stigma ... the beginning of the end of shame"). The
headline is not compared: headlines shorten quotations on purpose.

A quoted sentence given again paragraphs apart with no cue is the same sentence when it keeps to
nearly all of the earlier one's words (`min_close` of the longer, in order) and puts other words
in place of one or two short runs ("everything I had, and I leave" ... "all I had, and I walk away");
sentences alike in one paragraph are a speaker's own turn of phrase ("good for the world ... good
for the United States"), and one word's forms ("any more", "anymore") are no other words.

The same words quoted twice must also have one speaker: a quotation given to a person named beside
it ('," said Marisol Vega', '," Okafor said', '," he said' for the one named last in its paragraph)
and later to another is flagged at the second name, unless the second speaker cites the first
("said campaigner Tom Ellis, quoting the leader").
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from typing import Iterator, NamedTuple

from ..core.diagnostic import Diagnostic
from ..core.errors import OptionError
from ..core.options import Option
from ..document.dates import WEEKDAYS
from ..document.model import Document
from ..document.people import bare, people
from .shared.article_model import edit_distance, headline, sex_of
from .shared.check import Check

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# words before a quotation that tell it was said on another occasion than the one before
_ANOTHER_OCCASION = re.compile(rf"\b(?:[Ll]ater|[Ee]arlier|again|[Ss]peaking to|[Ii]n an interview|[Yy]esterday|"
                               rf"[Tt]he (?:next|following) day|[Oo]n (?:{'|'.join(WEEKDAYS)})|told|wrote|"
                               rf"posted|tweeted|[Ii]n a (?:post|tweet|letter|message))\b")
_SENTENCE_END = re.compile(r"[.!?]")  # between two quoted words: a sentence ends there
_MOST_SWAPPED = 3  # words of a run put in place of others in a quoted sentence given again with no cue
# words before a quotation that offer it in place of another: "should have read", "instead"
_OFFERED_INSTEAD = re.compile(r"\b(?:should|would|could|might|ought to) have\b|\b(?:instead|rather)\b", re.IGNORECASE)
_FEWEST_REORDERED = 3  # words of a quotation whose order is compared with another's: "costly and short-sighted"
_MOST_REWORDED = 5  # words put in place of others in a repeat that slipped ("pretends" / "ignores the fact that")
_CUE_REACH = 80  # characters before a quotation read for the words that present it as given before
WORDS_SHOWN = 3  # the words where two quotations part, shown side by side
# where a quotation leaves words out or an editor puts some in: the words on either side were not said together
_BREAK = re.compile(r"\.\.\.|…|\[[^\]\n]*\]|\([^)\n]*\)")


class Piece(NamedTuple):
    words: list[str]              # lower case, straight apostrophes
    spans: list[tuple[int, int]]  # each word's span in the view


class Quoted(NamedTuple):
    """A quotation of the body and its words, read once for every comparison."""
    start: int
    end: int
    words: list[str]              # lower case, straight apostrophes
    spans: list[tuple[int, int]]  # each word's span in the view


class QuotationConsistency(Check):
    NAME = "quotation"
    DESCRIPTION = "Flags a quotation repeated later in the article in different words."
    OPTIONS = {
        "min_run": Option("int", 6, "how many words in a row two quotations share to be the same one", minimum=3),
        "repeat_cues": Option("strings", [], "words just before a quotation that present it as one given before "
                              "('Mr Collis repeated:', 'As she put it:', 'Kaminski's words'): it must give the same "
                              "words"),
        "min_close": Option("number", 0.8, "the share of the longer sentence's words, in order, that a quoted sentence "
                            "shares with one quoted before, with no cue, to be the same sentence given again (each at "
                            "least `min_sentence` words; the words put in place of others at most two short runs)",
                            minimum=0.0),
        "min_sentence": Option("int", 8, "the fewest words of a quoted sentence compared with no cue", minimum=3),
        "min_shared": Option("number", 0.65, "the share of the shorter quotation's words that a quotation so "
                             "presented shares, in order, with an earlier one to be the same", minimum=0.0),
    }
    SCOPES = ("document",)
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "line", "how")

    @classmethod
    def validate_options(cls, options: dict) -> None:
        for share in ("min_shared", "min_close"):
            if options[share] > 1:
                raise OptionError(f"'{share}' is a share of the words: at most 1")

    def __init__(self, rule, context):
        super().__init__(rule, context)
        cues = "|".join(re.escape(c) for c in sorted(self.options["repeat_cues"], key=len, reverse=True))
        self.repeat_cue = re.compile(rf"\b(?:{cues})\b", re.IGNORECASE) if cues else None

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        quotes = doc.quotes
        if len(quotes) < 2:
            return
        first = doc.blocks[0].end if headline(doc) else 0  # the headline's quotations are not compared
        pieces = [(p, _partial(doc.view, s, e), s) for s, e in quotes if s >= first
                  for p in self._pieces(doc.view, s, e)]
        reported: set[int] = set()
        for j, (later, partial, quote) in enumerate(pieces):
            if not partial:
                continue
            for earlier, _, earlier_quote in pieces[:j]:
                if earlier_quote == quote:
                    continue
                at = self._differs(earlier, later)
                if at is None or at[0] in reported:
                    continue
                reported.add(at[0][0])
                yield self._reworded(doc, *at)
                break
        said = [Quoted(s, e, [_said(w) for w in found], [w.span() for w in found])
                for s, e in quotes if s >= first for found in [list(_WORD.finditer(doc.view, s, e))]]
        yield from self._two_speakers(doc, said)
        yield from self._presented_again(doc, said, reported)
        yield from self._sentence_again(doc, said, reported)
        yield from self._reordered(doc, said, reported)

    def _reordered(self, doc: Document, said: list[Quoted], reported: set[int]) -> Iterator[Diagnostic]:
        """A quotation given again with the same words in another order, however short:
        "short-sighted and costly" ... "costly and short-sighted", "We played scared tonight and they
        played free" ... "They played free tonight and we played scared". No speaker says one thing
        both ways; one of the two is misquoted. Not a quotation with an ellipsis or brackets, nor
        one the writer offers in place of the other ("Its headline should have read, ..."), nor
        two whose sentences name other people ('Gail Morris called the plan "unsafe and unfair"'
        ... 'Separately, Alan Cho ... said removing guards would be "unfair and unsafe"')."""
        view = doc.view
        seen: dict[tuple[str, ...], tuple[list[str], tuple[int, int]]] = {}  # its words, sorted -> first given
        for s, e, words, spans in said:
            if len(words) < _FEWEST_REORDERED or _BREAK.search(view, s, e):
                continue
            span = (spans[0][0], spans[-1][1])
            earlier = seen.setdefault(tuple(sorted(words)), (words, span))
            if earlier[0] != words and not any(s <= at < e for at in reported) \
                    and not _OFFERED_INSTEAD.search(view, doc.sentence_at(s)[0], s) \
                    and not _other_speakers(doc, earlier[1][0], s):
                reported.add(span[0])
                yield self._reworded(doc, span, earlier[1], "in another order")

    def _sentence_again(self, doc: Document, said: list[Quoted], reported: set[int]) -> Iterator[Diagnostic]:
        """A quoted sentence given again, with no cue, in nearly the same words, by the one
        speaker: "I gave this club everything I had, and I leave with my head held high," he
        said ... "Doyle's statement ended: "I gave this club all I had, and I walk away with my
        head held high". One or two short runs of other words in a sentence that otherwise keeps to
        the earlier one are a slip of one sentence. The earlier sentence's speaker is named beside
        it, and the later one is given to that speaker or named before it; two spokesmen, a chant
        and a sign are other speakers. Not a sentence with an editor's brackets or an ellipsis, nor
        one said or written on another occasion ("Later, speaking to reporters,", "told BBC Radio
        4", "wrote on Facebook")."""
        view, least = doc.view, self.options["min_sentence"]
        starts = [b.start for b in doc.blocks]
        sentences = []  # (the quotation's start, its speaker, a sentence's words and their spans)
        for s, e, words, spans in said:
            if e - s < least * 3:
                continue
            named = _speaker(doc, s, e)
            cuts = [k for k in range(1, len(spans)) if _SENTENCE_END.search(view, spans[k - 1][1], spans[k][0])]
            for a, b in zip([0, *cuts], [*cuts, len(spans)]):
                if b - a >= least and not _BREAK.search(view, spans[a][0], spans[b - 1][1]):
                    sentences.append((s, named[0] if named else None, words[a:b], spans[a:b]))
        index: dict[str, list[int]] = {}  # a long word -> the sentences that hold it, so that only
        for j, (s, speaker, later, later_spans) in enumerate(sentences):  # sentences sharing most are compared
            long_words = {w for w in later if len(w) > 3}
            shared_words = Counter(k for w in long_words for k in index.get(w, ()))
            for w in long_words:
                index.setdefault(w, []).append(j)
            sentence_start, _ = doc.sentence_at(s)
            # "Later, speaking to reporters, she said:": said again, another time (but "repeated in a
            # video posted on Tuesday": the same words, whenever)
            if any(later_spans[0][0] <= at <= later_spans[-1][1] for at in reported) \
                    or (_ANOTHER_OCCASION.search(view, sentence_start, s) and not (
                        self.repeat_cue is not None and self.repeat_cue.search(view, sentence_start, s))):
                continue
            for k, _ in shared_words.most_common():
                s0, speaker0, earlier, earlier_spans = sentences[k]
                if shared_words[k] < len(long_words) / 2:
                    break  # (sentences are compared only when they share half the longer words)
                if s0 == s or earlier == later or speaker0 is None \
                        or (speaker != speaker0 if speaker else speaker0 not in view[sentence_start:s]) \
                        or bisect.bisect_right(starts, s0) == bisect.bisect_right(starts, s):
                    continue  # (one paragraph's sentences alike are a speaker's own turn: "good for the
                    # world ... good for the United States")
                matcher = SequenceMatcher(None, earlier, later, autojunk=False)
                ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
                moved = _moved_run(ops, earlier, later)
                if moved:  # "it was loud, it was fast" ... "it was fast, it was loud"
                    reported.add(later_spans[0][0])
                    yield self._reworded(doc, _joined(later_spans), _joined(earlier_spans), "in another order")
                    break
                shared = sum(block.size for block in matcher.get_matching_blocks())
                if shared < self.options["min_close"] * max(len(earlier), len(later)) or len(ops) > 2 \
                        or any(op[0] != "replace" or max(op[2] - op[1], op[4] - op[3]) > _MOST_SWAPPED
                               or _variant(earlier[op[1]:op[2]], later[op[3]:op[4]]) for op in ops):
                    continue
                _, i1, i2, j1, j2 = ops[0]
                reported.add(later_spans[j1][0])
                yield self._reworded(doc, _joined(later_spans[j1:j2]), _joined(earlier_spans[i1:i2]))
                break

    def _presented_again(self, doc: Document, said: list[Quoted], reported: set[int]) -> Iterator[Diagnostic]:
        """A whole quotation presented as one given before ("Mr Collis repeated:", "As Mrs Bexley
        put it:", "wrote out Kaminski's words") that gives other words than the earlier one it
        shares most of its words with: "There is no plan to close the pool" ... repeated: "There
        is no plan to shut the pool"."""
        cue = self.repeat_cue
        if cue is None:
            return
        view = doc.view
        for j, (s, e, later, later_spans) in enumerate(said):
            if len(later) < self.options["min_run"] or any(s <= at < e for at in reported) or _partial(view, s, e) \
                    or not cue.search(view, max(doc.sentence_at(s)[0], s - _CUE_REACH), s):
                continue  # (a quotation already reported is reported once; a fragment is check()'s)
            best: tuple[int, SequenceMatcher, list[tuple[int, int]]] | None = None  # the earlier sharing most
            for _, _, earlier, earlier_spans in said[:j]:
                if earlier == later or min(len(earlier), len(later)) < self.options["min_run"]:
                    continue
                matcher = SequenceMatcher(None, earlier, later, autojunk=False)
                shared = sum(block.size for block in matcher.get_matching_blocks())
                if shared >= self.options["min_shared"] * min(len(earlier), len(later)) and \
                        (best is None or shared > best[0]):
                    best = (shared, matcher, earlier_spans)
            if best is None:
                continue
            _, matcher, earlier_spans = best
            ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
            if len(ops) == 1 and ops[0][0] == "delete" and 0 < ops[0][1] and ops[0][2] < len(earlier_spans) \
                    and ops[0][2] - ops[0][1] <= _MOST_REWORDED:
                # the whole sentence given again with words left out of its middle, and no ellipsis:
                # "out of nothing but stubbornness" ... "As she put it: ... out of stubbornness"
                _, i1, i2, j1, _ = ops[0]
                reported.add(later_spans[j1][0])
                yield self._reworded(doc, later_spans[j1], _joined(earlier_spans[i1:i2 + 1]), "with words left out")
                continue
            # the first words put in place of others (words only left out or added make a shorter or longer quote)
            replaced = next((op for op in ops if op[0] == "replace"), None)
            if replaced is None or max(replaced[2] - replaced[1], replaced[4] - replaced[3]) > _MOST_REWORDED:
                continue  # other words at length are another sentence, not a slip of one
            _, i1, i2, j1, j2 = replaced
            reported.add(later_spans[j1][0])
            yield self._reworded(doc, _joined(later_spans[j1:j2]), _joined(earlier_spans[i1:i2]))

    def _reworded(self, doc: Document, later: tuple[int, int], earlier: tuple[int, int],
                  how: str = "in other words") -> Diagnostic:
        """A quotation that gives other words (`later`) where the same quotation said `earlier`."""
        view = doc.view
        here, there = view[later[0]:later[1]], view[earlier[0]:earlier[1]]
        return self.report(doc, *later, suggestions=[there], line=doc.line_of(earlier[0]),
                           how=f"{how}: '{here}' here, '{there}' there",
                           related=[(*earlier, f"the same quotation says '{there}' here")])

    def _two_speakers(self, doc: Document, said: list[Quoted]) -> Iterator[Diagnostic]:
        """The same words quoted twice, each time given to a speaker named beside them ('"You don't
        cut the bus lines people actually ride," said Marisol Vega' ... '"You don't cut the bus
        lines people actually ride," Okafor said'): one of the two is not who said them."""
        view, persons = doc.view, people(doc).persons
        speakers: dict[tuple[str, ...], tuple[str, int]] = {}  # the words -> their first speaker, where
        for s, e, words, _ in said:
            if len(words) < self.options["min_run"]:
                continue
            speaker = _speaker(doc, s, e)
            if speaker is None or speaker[0] not in persons and \
                    not _GIVEN_BEFORE.search(view, max(0, speaker[1] - _GIVEN_REACH), speaker[1]):
                continue  # a speaker is a person of the article, or named in full ("said Marisol Vega")
            name, start, end = speaker
            before = speakers.setdefault(tuple(words), (name, start))
            if before[0] != name and not _CITING.match(view, e) and edit_distance(before[0], name, 2) > 2:
                # (not one name spelt two ways, "Milanowski" and "Milanowksi": name-variant's to judge)
                # (not one who cites the other: 'said campaigner Tom Ellis, quoting the leader')
                yield self.report(doc, start, end, suggestions=[before[0]], line=doc.line_of(before[1]),
                                  how=f"but gives it to {name}; it is {before[0]}'s there",
                                  related=[(before[1], before[1] + len(before[0]), f"{before[0]} says it here")])

    def _pieces(self, view: str, start: int, end: int) -> Iterator[Piece]:
        """The runs of a quotation's words between ellipses and brackets, long enough to compare."""
        cut = start
        for m in [*_BREAK.finditer(view, start, end), None]:
            stop = m.start() if m else end
            found = list(_WORD.finditer(view, cut, stop))
            if len(found) >= self.options["min_run"]:
                yield Piece([_said(w) for w in found], [w.span() for w in found])
            cut = m.end() if m else end

    def _differs(self, earlier: Piece, later: Piece) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """Where `later`, a quote of words `earlier` holds, leaves them for others (the span of its
        words there, and of the words `earlier` has there), or None when it keeps to them. The
        later one must be those words but for at most WORDS_SHOWN at an edge, where the earlier
        goes on: two quotations that share a stretch and part for good are two sentences of a
        speech, or two texts of a bill, not one quoted twice."""
        a, b = earlier.words, later.words
        match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
        i, j, size = match.a, match.b, match.size
        if size < self.options["min_run"] or len(b) - size > WORDS_SHOWN:
            return None
        if j + size < len(b) and i + size < len(a):  # the later ends in other words than the earlier goes on with
            return _joined(later.spans[j + size:]), _joined(earlier.spans[i + size:i + size + len(b) - j - size])
        if j and i:  # the later starts in other words than the earlier had there
            return _joined(later.spans[:j]), _joined(earlier.spans[max(0, i - j):i])
        return None


# who says a quotation, named right after it ('," said Marisol Vega', '," said student body president Jalen
# Ortiz', '," coach Dan Okafor said', '," he said') or right before it ('Okafor said: "'); a role's words in lower
# case, not a phrase of time, place or manner ('," said in a statement that President ...')
_ROLE_WORD = r"(?!(?:in|on|at|that|after|before|to|of|for|with|by|when|as|while|from|during|outside)\b)[a-z-]+ "
_SAID_AFTER = re.compile(rf" (?:(?:said|says|added) (?:{_ROLE_WORD}){{0,4}}(?P<after>(?:[A-Z][\w.’'-]* )*[A-Z][\w’'-]+)"
                         r"|(?P<named>(?:[A-Za-z][\w.’'-]* ){0,5}?[A-Z][\w’'-]+|he|she) (?:said|says|added))\b")
_SAID_BEFORE = re.compile(r"(?P<before>[A-Z][\w’'-]+|[Hh]e|[Ss]he) (?:said|says|added|told(?: [\w’'-]+){1,4})[:,] ?\Z")
_NAME = re.compile(r"[A-Z][\w’'-]+")
# a speaker who gives another's words as that person's: "quoting the leader", "in the words of"
_CITING = re.compile(r"[^.;:!?“”\"]{0,60}?\b(?:quoting|citing|echoing|in the words of|paraphrasing)\b")
_GIVEN_BEFORE = re.compile(r"\b[A-Z][a-z]+ \Z")  # a given name right before a surname
_GIVEN_REACH = 64  # characters read back for it: longer than any given name


def _speaker(doc: Document, start: int, end: int) -> tuple[str, int, int] | None:
    """The surname of whoever says the quotation at start..end and its span, when a name (or
    "he", "she" for the one named last before it in its paragraph, or, where the paragraph opens
    with the quotation, the one person the paragraph before names, whom the article does not call
    by the other pronoun) is set beside it. Not a name after a quotation that ends its sentence
    ('... fixing it." Cllr Whitlock said she would'): that opens the next one."""
    view = doc.view
    m = _SAID_AFTER.match(view, end, min(len(view), end + 80))
    if m is not None and view[max(0, end - 2):end].rstrip("\"”’'")[-1:] == ".":
        m = None
    b = _SAID_BEFORE.search(view, max(0, start - 60), start) if m is None else None
    pronoun = m.group("named") if m is not None else b.group("before").lower() if b is not None else None
    if pronoun in ("he", "she"):
        persons = people(doc).persons
        paragraph = view.rfind("\n", 0, start) + 1
        names = [n for n in _NAME.finditer(view, paragraph, start) if n.group() in persons]
        if not names and not view[paragraph:start].strip():
            before = view.rfind("\n", 0, max(0, paragraph - 2)) + 1  # the paragraph before, past a blank line
            names = [n for n in _NAME.finditer(view, before, paragraph) if n.group() in persons]
            if len({n.group() for n in names}) != 1 or sex_of(doc, names[0].group()) not in (None, pronoun):
                return None  # no one, two people, or one the article calls by the other pronoun
        return (names[-1].group(), *names[-1].span()) if names else None
    if m is not None:
        group = "after" if m.group("after") else "named"
        last = list(_NAME.finditer(view, m.start(group), m.end(group)))[-1]
        return last.group(), last.start(), last.end()
    return (b.group("before"), b.start("before"), b.end("before")) if b else None


def _other_speakers(doc: Document, one: int, other: int) -> bool:
    """Whether the sentences at the two offsets each name people of the article (persons, or
    surnames written after a given name), and none in common."""
    cast = people(doc)
    persons = cast.persons | cast.first_names.keys()
    named = [{bare(doc.tokens[i]) for i in doc.token_range(*doc.sentence_at(at))} & persons for at in (one, other)]
    return bool(named[0]) and bool(named[1]) and not named[0] & named[1]


def _said(word: re.Match) -> str:
    """A quoted word as quotations are compared: lower case, straight apostrophes."""
    return word.group().lower().replace("’", "'")


def _partial(view: str, start: int, end: int) -> bool:
    """Whether the quotation is a fragment woven into the reporter's sentence, in lower case
    ('she repeated that the city was "not going to balance this budget"'): the way a quotation is
    taken up again. A quotation of whole sentences that shares a stretch with another is more
    often another sentence of the same speech ("good for the world" ... "good for the United States")."""
    first = next((ch for ch in view[start:end] if ch.isalnum()), "")
    return first.islower()


def _moved_run(ops: list[tuple], earlier: list[str], later: list[str]) -> bool:
    """Whether the later sentence moved one short run of words to another place and kept the
    rest (the earlier's deletion and the later's insertion of the same words)."""
    if len(ops) != 2 or {op[0] for op in ops} != {"insert", "delete"}:
        return False
    deleted, inserted = sorted(ops, key=lambda op: op[0])  # "delete" before "insert"
    run = earlier[deleted[1]:deleted[2]]
    return run == later[inserted[3]:inserted[4]] and len(run) <= _MOST_SWAPPED


def _variant(these: list[str], those: list[str]) -> bool:
    """Whether two runs of words are one word's forms, not other words: "any more" and "anymore",
    "appointment" and "reappointment", "I" and a mis-decoded "Ï"."""
    a, b = ("".join(ch for ch in unicodedata.normalize("NFKD", "".join(words)) if not unicodedata.combining(ch))
            for words in (these, those))
    return a in b or b in a


def _joined(spans: list[tuple[int, int]]) -> tuple[int, int]:
    return spans[0][0], spans[-1][1]
