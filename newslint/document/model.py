"""Document: the input text, the prose that rules may look at, and every position conversion.

A reader (text, markdown, html) turns the original text into a *view*: a string in which
everything that is not prose (markup, URLs, e-mail addresses, code, front matter, suppression
comments) is blanked out. For text and Markdown the view has the same length as the original,
so view offsets are source offsets; a reader that decodes (HTML entities) also gives a map from
view offsets back to source offsets. Rules only ever see view offsets; `locate` turns them into
the 1-based line and character column of the original file. This is the only place that does.
"""
from __future__ import annotations

import bisect
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterator

from ..core.errors import InputError
from .positions import LineIndex, Location
from .readers import FORMATS, format_for_path, reader_for

if TYPE_CHECKING:
    from .tokens import Token


class Document:
    """One input, read once. Rules get spans (start, end) in view offsets from it."""

    def __init__(self, text: str, *, path: str | None = None, format: str | None = None,
                 metadata: dict[str, Any] | None = None):
        self.path = path
        self.format = format or format_for_path(path)
        if self.format not in FORMATS:
            raise InputError(f"unknown format '{self.format}' (expected one of {', '.join(FORMATS)})", path)
        self.bom = text.startswith("\ufeff")
        self.text = text[1:] if self.bom else text
        reading = reader_for(self.format)(self.text)
        self.view = reading.view
        self.blocks = reading.blocks
        self._source_map = reading.source_map
        self.metadata: dict[str, Any] = dict(reading.metadata)
        if metadata:
            if metadata.get("date") is not None:
                from .dates import read_date
                try:
                    read_date(metadata["date"])
                except ValueError as exc:
                    raise InputError(f"metadata 'date': {exc}", path) from None
            self.metadata.update({k: v for k, v in metadata.items() if v is not None})
        self.lines = LineIndex(self.text)

    # positions -------------------------------------------------------------------------

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the view span [start, end)."""
        if self._source_map is None:
            return start, end
        starts, ends = self._source_map
        if start >= len(starts):
            return len(self.text), len(self.text)
        s = starts[start]
        return s, (ends[end - 1] if end > start else s)

    def locate(self, start: int, end: int) -> Location:
        """Source location of the view span [start, end)."""
        s, e = self.source_span(start, end)
        line, column = self.lines.position(s)
        end_line, end_column = self.lines.position(e)
        return Location(s, e - s, line, column, end_line, end_column)

    def line_of(self, view_offset: int) -> int:
        return self.lines.position(self.source_span(view_offset, view_offset + 1)[0])[0]

    # structure ---------------------------------------------------------------------------

    @cached_property
    def view_lines(self) -> list[tuple[int, int]]:
        """(start, end) of every line of the view that holds prose, without terminators."""
        out = []
        view = self.view
        for i, start in enumerate(self._view_line_starts):
            end = self._view_line_starts[i + 1] if i + 1 < len(self._view_line_starts) else len(view)
            while end > start and view[end - 1] in "\r\n":
                end -= 1
            if view[start:end].strip():
                out.append((start, end))
        return out

    @cached_property
    def _view_line_starts(self) -> list[int]:
        return LineIndex(self.view).starts

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        from .segment import split_sentences
        return [s for block in self.blocks for s in split_sentences(self.view, block)]

    def sentence_index(self, offset: int) -> int:
        """Index into `sentences` of the last sentence starting at or before `offset` (-1 if
        none does): the sentence holding it, when it lies inside one."""
        return bisect.bisect_right(self.sentences, (offset, float("inf"))) - 1

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The span of the sentence holding `offset` (the first sentence, for an offset before it)."""
        return self.sentences[max(0, self.sentence_index(offset))]

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        from .segment import find_quotations
        return find_quotations(self.view, self.blocks)

    @cached_property
    def posts(self) -> list[tuple[int, int]]:
        """Posts embedded whole (a tweet and its signature): see segment.embedded_posts."""
        from .segment import embedded_posts
        return embedded_posts(self.view, self.blocks)

    @cached_property
    def written_quotes(self) -> list[tuple[int, int]]:
        """The quotations of writing (statements, letters, posts): see segment.written_quotations."""
        from .segment import written_quotations
        return written_quotations(self.view, self.blocks, self.quotes, self.sentence_at)

    @cached_property
    def lowered(self) -> str:
        """The view in lower case, same length (for case-insensitive phrase search)."""
        view = self.view
        if "\u0130" in view:  # the one character whose lower case is two characters long
            view = view.replace("\u0130", "I")
        return view.lower()

    def quote_around(self, start: int, end: int, written: bool = False) -> tuple[int, int] | None:
        """The quotation the span lies inside (only quotations of writing, if `written`), or None."""
        quotes = self.written_quotes if written else self.quotes
        i = bisect.bisect_right(quotes, (start, float("inf"))) - 1
        return quotes[i] if i >= 0 and quotes[i][0] <= start and end <= quotes[i][1] else None

    def in_quote(self, start: int, end: int, written: bool = False) -> bool:
        """Whether the span lies inside a quotation (only quotations of writing, if `written`)."""
        return self.quote_around(start, end, written) is not None

    def in_post(self, start: int, end: int) -> bool:
        """Whether the span lies inside a post embedded whole, quoted as its writer wrote it."""
        posts = self.posts
        if not posts:
            return False
        i = bisect.bisect_right(posts, (start, float("inf"))) - 1
        return i >= 0 and posts[i][0] <= start and end <= posts[i][1]

    def spans(self, scope: str) -> Iterator[tuple[int, int]]:
        """The units a rule looks at: document, paragraph, sentence, line or heading."""
        if scope == "document":
            yield 0, len(self.view)
        elif scope == "paragraph":
            for b in self.blocks:
                if b.kind != "heading":
                    yield b.start, b.end
        elif scope == "heading":
            for b in self.blocks:
                if b.kind == "heading":
                    yield b.start, b.end
        elif scope == "sentence":
            yield from self.sentences
        elif scope == "line":
            yield from self.view_lines
        else:
            raise ValueError(f"unknown scope {scope!r}")

    @cached_property
    def tokens(self) -> list[Token]:
        """Every token of the prose blocks, in order (see document.tokens)."""
        from .tokens import tokenize
        return [t for b in self.blocks for t in tokenize(self.view, b.start, b.end)]

    @cached_property
    def capital_words(self) -> list[int]:
        """Indexes of the word tokens that start with a capital ("Blinken", "McDonald", "NATO"),
        in order: the few tokens that rules looking for names need to visit."""
        return [i for i, (_, _, kind, text) in enumerate(self.tokens) if kind == "word" and text[0].isupper()]

    @cached_property
    def capitalised(self) -> list[bool]:
        """For each token: a word that starts with a capital and is not all CAPITALS ("Blinken",
        "McDonald"); the candidates for names, computed once for the rules that look for them."""
        from .people import (
            capitalised,  # the one definition (capital_words holds the candidates)
        )
        tokens = self.tokens
        out = [False] * len(tokens)
        for i in self.capital_words:
            out[i] = capitalised(tokens[i])
        return out

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_range(self, start: int, end: int) -> range:
        """Indexes into `tokens` of the tokens that start in [start, end)."""
        starts = self._token_starts
        return range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))

    @cached_property
    def words(self) -> int:
        from .segment import count_words
        return sum(count_words(self.view, b.start, b.end) for b in self.blocks)
