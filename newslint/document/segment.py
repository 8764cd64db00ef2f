"""Sentences, words and quotations inside the prose blocks of a Document.

Sentence splitting is tuned for news: it survives titles and abbreviations (Mr., Gen., Jan.,
No. 10), initials (J. K. Rowling), decimals (3.5; but "$9.3bn. Rosneft" is two sentences) and
abbreviations that may or may not end a sentence (U.S., D.C., Inc.). Inside a block, a line break
ends a sentence when the line reads as a standalone item (a headline in a list) rather than as hard-wrapped prose.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .reading import Block

WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
# r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n", written to start with one character class:
# the regex engine then skips in C to the next candidate (2.5x faster; tests/test_fast_patterns.py).
# A run of end marks is only tried from its first mark, (?<![.!?…].): retried from every mark of
# a long run ("....."), the failing lookahead made the scan quadratic (minutes for 80 KB of dots)
_BOUNDARY = re.compile(r"[.!?…\n](?:(?<=\n)|(?<![.!?…].)[.!?…]*[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9]))")
_WORD_BEFORE_PERIOD = re.compile(r"(\w+(?:\.\w+)*)\.+$")
# the run of word characters and dots that a period ends: _WORD_BEFORE_PERIOD can only match
# inside it, and searching from its start spares trying every position of the window
_RUN_BEFORE_PERIOD = re.compile(r"[\w.]+\Z")
_NEXT_WORD = re.compile(r"\s*[\"“‘'(\[]?(\w+)")
_STARTS_NEW_ITEM = re.compile(r"\s*[\"“‘'(\[]?[A-Z0-9•\-*]")
_HARD_BREAK_RATIO = 0.8


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, frozenset[str]]:
    from ..core.yamlfile import safe_data
    data = safe_data((Path(__file__).with_name("abbreviations.yaml")).read_text(encoding="utf-8"))
    return {key: frozenset(words) for key, words in data.items()}


def split_sentences(view: str, block: Block) -> list[tuple[int, int]]:
    """(start, end) view offsets of the sentences of one block, trimmed of whitespace."""
    start, end = block.start, block.end
    text = view[start:end]
    if block.kind == "heading":
        return _trimmed(text, start, [(0, len(text))])
    pieces: list[tuple[int, int]] = []
    lines = text.split("\n")
    longest_line = max(len(line) for line in lines)
    # a block whose every line starts like a new item is a list (headlines, a menu)
    listing = len(lines) > 1 and all(_STARTS_NEW_ITEM.match(line) for line in lines)
    line_start = 0
    cut = 0
    for m in _BOUNDARY.finditer(text):
        if m.group() == "\n":
            if listing or _is_hard_break(text, line_start, m.start(), longest_line):
                pieces.append((cut, m.start()))
                cut = m.end()
            line_start = m.end()
            continue
        if _ends_sentence(text, m.start(), m.end()):
            pieces.append((cut, m.end()))
            cut = m.end()
    pieces.append((cut, len(text)))
    return _trimmed(text, start, pieces)


def _trimmed(text: str, base: int, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((base + s, base + e))
    return out


def _is_hard_break(text: str, line_start: int, line_end: int, longest_line: int) -> bool:
    line = text[line_start:line_end].rstrip()
    if not line:
        return True
    if not _STARTS_NEW_ITEM.match(text, line_end + 1):
        return False
    if line[-1] in ".!?:;\"”":
        return True
    return len(line) < _HARD_BREAK_RATIO * longest_line


def _ends_sentence(text: str, punct_start: int, punct_end: int) -> bool:
    if text[punct_start] != ".":
        return True
    run = _RUN_BEFORE_PERIOD.search(text, max(0, punct_start - 40), punct_start + 1)
    before = _WORD_BEFORE_PERIOD.search(text, run.start(), punct_start + 1) if run else None
    if before is None:
        return True
    word = before.group(1)
    abbr = _abbreviations()
    if word in abbr["never_end"] or word.lower() in abbr["never_end_any_case"]:
        return False
    if len(word) == 1 and word.isupper():  # an initial
        return False
    if any(c.isdigit() for c in word):
        return True  # a number ends the sentence: "$9.3bn. Rosneft", "30.26. Butler"
    if word in abbr["may_end"] or "." in word:
        nxt = _NEXT_WORD.match(text, punct_end)
        return nxt is not None and nxt.group(1) in abbr["sentence_starters"]
    return True


def count_words(view: str, start: int, end: int) -> int:
    """Words as a reader counts them: runs of non-space characters ("G-20" is one, so is "—")."""
    return len(view[start:end].split())


_QUOTE_CHAR = re.compile(r"[“”\"‘’]")
# the signature an embedded post ends with: "— Jane Doe (@janedoe) June 2, 2020"
_POST_SIGNATURE = re.compile(r"(?<!\S)[—–-][^\S\n]*[^\n()—–]{1,80}\(@\w{1,30}\)[^\S\n]*"
                             r"(?:[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2},?[^\S\n]+\d{4}|\d{1,2}[^\S\n]+[A-Z][a-z]{2,8}[^\S\n]+\d{4})\s*$")
_POST_LINK = re.compile(r"pic\.twitter\.com/\w+\s*$")
# a post whose writer's name and handle open its paragraph: "Jane Doe (@janedoe) The vote is in ..."
_POST_HEADER = re.compile(r"(?:[A-ZÀ-Ý][\w'’.-]*[^\S\n]+){1,5}\(@\w{1,30}\)[^\S\n]+\S")
_SENTENCE_END = tuple(".!?…\"”’)")
TWEET_LENGTH = 280  # the most a post signed with an @handle holds
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e|[Ww]e|[Oo]ur|[Uu]s)\b")


def find_quotations(view: str, blocks: list[Block]) -> list[tuple[int, int]]:
    """Spans of quoted speech and embedded posts, including the marks. An unclosed quotation
    runs to the end of its block, as news style leaves a quotation that continues into the next
    paragraph open."""
    posts = embedded_posts(view, blocks)
    spans: list[tuple[int, int]] = []
    for b in blocks:
        opened, kind = -1, ""
        for m in _QUOTE_CHAR.finditer(view, b.start, b.end):
            ch, i = m.group(), m.start()
            if opened < 0:
                if ch == "“" or ch == '"':
                    opened, kind = i, ch
                elif ch == "‘" and (i == b.start or not view[i - 1].isalnum()):
                    opened, kind = i, ch
            elif (kind == "“" and ch == "”") or (kind == '"' and ch == '"') or (
                    kind == "‘" and ch == "’" and (i + 1 >= b.end or not view[i + 1].isalnum())):
                spans.append((opened, i + 1))
                opened = -1
        if opened >= 0:
            spans.append((opened, b.end))
    if posts:
        inside = [(s, e) for s, e in spans if any(ps <= s and e <= pe for ps, pe in posts)]
        spans = sorted(set(spans).difference(inside) | set(posts))
    return spans


# what says a quotation was written, not spoken, in the words around it: "said in a statement",
# "they wrote", "He tweeted:", "the letter said"
_WRITTEN = re.compile(r"\b(?:wrote|writes|written|writing|reported|tweet(?:s|ed|ing)?|post(?:ed|ing)|"
                      r"statements?|releases?|letters?|notes?|e-?mail(?:s|ed)?|filings?|memo|documents?|stipulat(?:es|ed|ing)|"
                      r"communiqu[ée]|outlets?|newspapers?|magazines?|editorials?|op-eds?)\b", re.IGNORECASE)
# and what says so in a paragraph that introduces an excerpt with a colon ("The Boston Globe
# reports:"); beside a quotation a report may be its speaker's ("co-author of the report")
_EXCERPT_CUE = re.compile(_WRITTEN.pattern + r"|\b(?:reports?|articles?)\b", re.IGNORECASE)


def written_quotations(view: str, blocks: list[Block], quotes: list[tuple[int, int]],
                       sentence_at: Callable[[int], tuple[int, int]]) -> list[tuple[int, int]]:
    """The quotations of writing: embedded posts, and quotations whose attribution names a
    statement, a letter, a note or a post, or says someone wrote, reported or tweeted them. The
    attribution is the unquoted words of the sentence before a quotation's opening mark and of
    the one after its closing mark (the quotation's own, or the next one where it ends a
    sentence; `sentence_at` gives the sentence that holds an offset), within its paragraph and
    short of the quotations next to it: "the release of the ship" three sentences on attributes
    nothing. They keep their writer's style; a reporter writes speech down in the house style.
    So does an excerpt: the paragraph after one that ends in a colon and names writing in its
    last sentence ("..., writes in The Atlantic that the policy failed:"), quoted or not, whole."""
    import bisect
    excerpts = _excerpts(view, blocks, sentence_at)
    posts = set(embedded_posts(view, blocks))
    starts = [b.start for b in blocks]
    out = list(excerpts)
    for i, (start, end) in enumerate(quotes):
        if any(s <= start and end <= e for s, e in excerpts):
            continue
        if (start, end) in posts:
            out.append((start, end))
            continue
        block = blocks[bisect.bisect_right(starts, start) - 1]
        before = start - 1  # the last character before the opening mark, past spaces
        while before > block.start and view[before].isspace():
            before -= 1
        after = end  # the first character after the closing mark, past spaces
        while after < block.end and view[after].isspace():
            after += 1
        left = max(block.start, quotes[i - 1][1] if i > 0 else block.start, sentence_at(before)[0])
        right = min(block.end, quotes[i + 1][0] if i + 1 < len(quotes) else block.end, sentence_at(after)[1])
        if _WRITTEN.search(view, left, start) or _WRITTEN.search(view, end, right):
            out.append((start, end))
    return sorted(out)


def _excerpts(view: str, blocks: list[Block], sentence_at: Callable[[int], tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs that a paragraph ending in a colon introduces as writing (see written_quotations)."""
    out = []
    for intro, excerpt in zip(blocks, blocks[1:]):  # (the readers trim blocks: a block ends on its text)
        if view[intro.end - 1:intro.end] == ":" and intro.kind == "paragraph" == excerpt.kind \
                and _EXCERPT_CUE.search(view, sentence_at(intro.end - 1)[0], intro.end):
            out.append((excerpt.start, excerpt.end))
    return out


def is_post_signature(view: str, start: int, end: int) -> bool:
    """Whether the text between start and end is a post's signature alone: "— Jane Doe (@janedoe) June 2, 2020"."""
    m = _POST_SIGNATURE.search(view, start, end)
    return m is not None and not view[start:m.start()].strip()


def embedded_posts(view: str, blocks: list[Block]) -> list[tuple[int, int]]:
    """Posts quoted whole, as pages embed them: the text before a signature ("— Jane Doe
    (@janedoe) June 2, 2020") or a picture link closing a paragraph, and the paragraphs just
    before it that do not end like a sentence (a post's lines seldom do; the article's do), or
    that still fit in one post with the rest (TWEET_LENGTH characters) and speak in the first
    person without quotation marks, as a post does and the article's own prose seldom does. A
    paragraph that ends with a colon introduces the post: it and those above it are the article's."""
    if "(@" not in view and "pic.twitter.com/" not in view:
        return []
    posts = []
    taken = 0  # blocks before this index belong to a post already, or sign one
    for i, b in enumerate(blocks):
        if b.kind == "paragraph" and _POST_HEADER.match(view, b.start, b.end):
            posts.append((b.start, b.start + len(view[b.start:b.end].rstrip())))
            taken = i + 1
            continue
        signed = _POST_SIGNATURE.search(view, b.start, b.end)
        if signed is None and not _POST_LINK.search(view, b.start, b.end):
            continue
        last, end = i, signed.start() if signed else b.end
        if not view[b.start:end].strip():  # a signature on a line of its own signs the post above
            last, end = i - 1, blocks[i - 1].end
        first = last
        length = len(_POST_LINK.sub("", view[blocks[first].start:end]).strip())
        while first > taken and blocks[first - 1].kind == "paragraph":
            above = view[blocks[first - 1].start:blocks[first - 1].end].strip()
            if above.endswith(":"):
                break  # the article's words that introduce the post ("..., 48 percent to 42 percent:")
            length += len(above)
            if above.endswith(_SENTENCE_END) and (length > TWEET_LENGTH or any(q in above for q in '“”"')
                                                  or not _FIRST_PERSON.search(above)):
                break
            first -= 1
        while end > b.start and view[end - 1].isspace():
            end -= 1
        if first >= taken:
            posts.append((blocks[first].start, end))
        taken = i + 1
    return posts
