"""HTML: the text a reader of the page sees, mapped back to the characters of the markup.

The stdlib parser (html.parser) finds tags, comments and text; this reader keeps the text
nodes, decodes their entities (`&amp;`, `&#233;`, `&eacute` without a semicolon, as browsers
do) and records, for every character of the view, the source span it comes from, so that
Document.locate points into the original HTML. Tags vanish (`Leave a <b>Reply</b>` reads as
"Leave a Reply"); block elements (p, div, li, h1-h6, table cells, br...) break paragraphs;
headings are heading blocks and list items item blocks. The content of script, style, code,
pre, kbd, samp, template, svg, math, textarea, iframe and the document head is not prose;
`<title>` and `<meta>` dates go into the metadata. Comments are dropped (newslint comments
still suppress findings: suppression reads the source). Whitespace inside text nodes reads as
spaces, as a browser renders it.
"""
from __future__ import annotations

import html
import re
from array import array
from html.entities import html5
from html.parser import HTMLParser
from typing import Any

from ..reading import Block, Reading
from .masking import blank, prose_debris, trimmed_block

# elements whose content is not prose: inline ones read as a space, the others as a block break
SKIPPED_INLINE = frozenset({"code", "kbd", "samp", "svg", "math", "textarea"})
SKIPPED = SKIPPED_INLINE | frozenset({"script", "style", "pre", "template", "iframe", "object", "head",
                                      "title", "noembed", "xmp", "plaintext"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html",
    "legend", "li", "main", "menu", "nav", "ol", "p", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "option", "select", "audio", "video", "canvas", "noscript",
    "picture", "center", "frameset", "frame", "button", "label",
}) | HEADINGS | (SKIPPED - SKIPPED_INLINE)
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
DATE_META = ("date", "article:published_time", "pubdate", "publish-date", "dc.date", "dc.date.issued",
             "dcterms.created", "og:published_time", "datepublished", "sailthru.date", "parsely-pub-date")
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_WHITESPACE = str.maketrans("\r\n\t\f", "    ")


# The parser is fed a copy of the text with every '&' replaced by this character (same length,
# same lines): entities are decoded from the source (_flush), and the stdlib parser's own
# handling of '&' has quadratic paths ('&#' before a later ';') and, after two malformed
# character references, reads the rest of the page as text (Python 3.11).
_AMPERSAND = "\ue000"
_UNCLOSED = re.compile(r"<[!?/A-Za-z]")


def read_html(text: str) -> Reading:
    parser = _Reader(text)
    parser.feed(parser.fed)
    if _UNCLOSED.match(parser.rawdata):
        # the page ends inside a tag, comment or declaration that never closes: what follows
        # it is markup to the end, as in a browser (and Python >= 3.11.13). close() would rescan
        # the rest from every '<' (quadratic: hours for a 1 MB line of '<a ').
        parser.rawdata = ""
    parser.close()
    return parser.reading()


class _Reader(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.source = text
        self.fed = text.replace("&", _AMPERSAND)
        # HTMLParser counts lines by \n only; these are the offsets where its lines start
        self.nl_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.view: list[str] = []
        self.view_len = 0
        self.starts = array("q")
        self.ends = array("q")
        self.skip_depth: dict[str, int] = {}
        self.open_blocks: list[tuple[str, str]] = []  # (tag, block kind)
        self.blocks: list[Block] = []
        self.block_start = 0
        self.block_kind = "paragraph"
        self.after_br = False
        self.metadata: dict[str, Any] = {}
        self.title: list[str] | None = None
        self.text_runs: list[list[int]] = []  # [source start, source end] of pending text

    # positions ------------------------------------------------------------------------------

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.nl_starts[line - 1] + column if line - 1 < len(self.nl_starts) else len(self.source)

    def _emit(self, chars: str, start: int, end: int) -> None:
        """View characters that all stand for the source span [start, end)."""
        self.view.append(chars)
        self.view_len += len(chars)
        self.starts.extend([start] * len(chars))
        self.ends.extend([end] * len(chars))

    def _emit_source(self, start: int, end: int) -> None:
        """Source text [start, end) without entities, one view character per source character."""
        self.view.append(self.source[start:end].translate(_WHITESPACE))
        self.view_len += end - start
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))
        crlf = self.source.find("\r\n", start, end)
        while crlf != -1:  # both characters of a \r\n stand for the whole line break
            i = len(self.starts) - (end - crlf)
            self.ends[i] = crlf + 2
            self.starts[i + 1] = crlf + 2
            crlf = self.source.find("\r\n", crlf + 2, end)

    # text -----------------------------------------------------------------------------------

    def _text_event(self, start: int, end: int) -> None:
        if self.text_runs and self.text_runs[-1][1] == start:
            self.text_runs[-1][1] = end
        else:
            self._flush()
            self.text_runs.append([start, end])

    def _flush(self) -> None:
        """Decode the pending text (the parser hands over text and entities piecemeal)."""
        runs, self.text_runs = self.text_runs, []
        for start, end in runs:
            if self.title is not None:
                self.title.append(html.unescape(self.source[start:end]))
                continue
            if self.skip_depth:
                continue
            self.after_br = False
            pos = start
            source = self.source
            if "&" in source[start:end]:
                for m in _ENTITY.finditer(source, start, end):
                    decoded, used = _entity(m.group())
                    if used == 0:
                        continue
                    self._emit_source(pos, m.start())
                    self._emit(decoded.translate(_WHITESPACE), m.start(), m.start() + used)
                    pos = m.start() + used
            self._emit_source(pos, end)

    def handle_data(self, data: str) -> None:
        start = self._offset()
        end = start + len(data)
        if self.fed.startswith(data, start):
            self._text_event(start, end)

    # structure ------------------------------------------------------------------------------

    def _break(self, where: int, kind: str | None = None, line: bool = False) -> None:
        """End the current block (or, for <br>, the current line) at source offset `where`."""
        self._flush()
        if line and not self.after_br:
            self._emit("\n", where, where)
            self.after_br = True
            return
        self.after_br = False
        if self.view_len > self.block_start:
            self.blocks.append(Block(self.block_kind, self.block_start, self.view_len))
            self._emit("\n\n", where, where)
        self.block_start = self.view_len
        self.block_kind = kind or (self.open_blocks[-1][1] if self.open_blocks else "paragraph")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = self._offset()
        if tag == "meta":
            self._meta({k: html.unescape(v.replace(_AMPERSAND, "&")) if v else v for k, v in attrs})
        if tag == "body":
            self.skip_depth.pop("head", None)
        if tag == "title" and not self.skip_depth.get("svg"):
            self._flush()
            self.title = []
        if tag == "br":
            self._break(where, line=True)
            return
        if tag in SKIPPED_INLINE:
            self._flush()
            if not self.skip_depth:
                self._emit(" ", where, where)
            self.skip_depth[tag] = self.skip_depth.get(tag, 0) + 1
            return
        if tag not in BLOCKS:
            return
        kind = "heading" if tag in HEADINGS else "item" if tag == "li" else "paragraph"
        self._break(where, kind)
        if tag in SKIPPED:
            self.skip_depth[tag] = self.skip_depth.get(tag, 0) + 1
        elif tag not in VOID:
            self.open_blocks.append((tag, kind))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:  # <script/>, <code/> and the like have no content
            if tag not in SKIPPED_INLINE:
                self._break(self._offset())
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        where = self._offset()
        if tag == "title" and self.title is not None:
            self._flush()
            title = " ".join("".join(self.title).split())
            if title and "title" not in self.metadata:
                self.metadata["title"] = title
            self.title = None
        if tag == "br":  # </br> is read as <br> by browsers
            self._break(where, line=True)
            return
        if tag in SKIPPED:
            if self.skip_depth.get(tag):
                self._flush()
                self.skip_depth[tag] -= 1
                if not self.skip_depth[tag]:
                    del self.skip_depth[tag]
            if tag not in SKIPPED_INLINE:
                self._break(where)
            return
        if tag not in BLOCKS:
            return
        for i in range(len(self.open_blocks) - 1, -1, -1):
            if self.open_blocks[i][0] == tag:
                del self.open_blocks[i:]
                break
        self._break(where)

    def handle_comment(self, data: str) -> None:
        self._flush()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """`<![` without a name after it makes the standard library's parser raise an
        AssertionError (Python 3.11); read it as a bogus comment, as browsers do."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i)

    def handle_decl(self, decl: str) -> None:
        self._flush()

    def handle_pi(self, data: str) -> None:
        self._flush()

    def unknown_decl(self, data: str) -> None:
        self._flush()

    def _meta(self, attrs: dict[str, str | None]) -> None:
        name = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if content and name in DATE_META and "date" not in self.metadata:
            self.metadata["date"] = content.strip()

    # result -----------------------------------------------------------------------------------

    def reading(self) -> Reading:
        self._break(len(self.source))
        view = "".join(self.view)
        debris = prose_debris(view)
        if debris:
            view = blank(view, debris)
        blocks = [b for b in (trimmed_block(view, b.kind, b.start, b.end) for b in self.blocks) if b]
        return Reading(view, blocks, self.metadata, source_map=(self.starts, self.ends))


def _entity(raw: str) -> tuple[str, int]:
    """The text an entity reference stands for, and how many of its characters it uses
    (a named reference without a semicolon may use a prefix: `&notit;` is `¬` + `it;`)."""
    if raw.startswith("&#"):
        decoded = html.unescape(raw)
        return (decoded, len(raw)) if decoded != raw else ("", 0)
    name = raw[1:]
    if name in html5:
        return html5[name], len(raw)
    if name.endswith(";"):
        name = name[:-1]
    for end in range(min(len(name), 32), 1, -1):  # legacy references without a semicolon
        if name[:end] in html5:
            return html5[name[:end]], end + 1
    return "", 0

