#!/usr/bin/env python3
"""Whole news pages with a human-made clean body: the material for measuring boilerplate on pages.

    python benchmarks/pages_corpus.py [--out DIR] [--mirrors DIR]
    python benchmarks/pages_corpus.py --show SOURCE/ID     (a page's lines with their labels)
    python benchmarks/pages_corpus.py --sample N           (N labelled lines, half article, to check by eye)

Why: the pages in ../shared/corpus/boilerplate only annotate a few snippets each; a page-level
measure needs every line of a page labelled, on pages nobody tuned on. Public web-extraction
benchmarks give whole HTML pages and, for each, a clean article body made by people. This script
reads them from git snapshots fetched with the search tool's `fetch` (under --mirrors, by default
/work/.mirror/OWNER+NAME/repo, at the commits pinned below) and writes a cache OUTSIDE the
repository (their text is third-party: it never goes into newslint's repository):

  $NEWSLINT_EVAL_DIR or /work/evaldata /
    pages/<source>/<id>.html    the page as crawled, decoded and stored as UTF-8 (\\n line breaks)
    pages/<source>/<id>.txt     its visible text, one block per line (see VisibleText)
    pages/<source>/<id>.labels  one line per line of the .txt: `article`, `debris`, or empty for a
                                blank line; a second tab-separated word says more where the source
                                says it (`headline`, `comment`)
    pages/MANIFEST.tsv          every page considered: split, url, counts, or why it was left out
    pages/SOURCES.md            where each source comes from, its licence, and the labelling rule

Pages: English pages from hosts under .uk or a generic top-level domain (.com, .org, .net, .us,
.gov, .edu: mostly US sites, not all), minus any URL of ../shared/corpus/boilerplate. Each page
goes to `tune` or `heldout` by a hash of its id (a third held out), fixed before any tuning.

Labels (LABELLING below): L3S-GN1 pages were annotated block by block by people, so those labels
are read off the annotation. The Scrapinghub pages come with a clean article body; a page line is
`article` when at least half of its words lie in runs of 3+ words that also run in that body
(shingles across line ends, so a one-word subhead between two article paragraphs counts, and a
one-word menu item never does); the headline (a line inside <h1> whose words are in the page's
og:title or <title>) is article too. Pages where fewer than 80% of the body's 3-word shingles are
found in the visible text (a body the page's HTML does not hold) are left out.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
SHARED_PAGES = HERE.parent.parent / "shared" / "corpus" / "boilerplate" / "trafilatura_snippets.tsv"
DEFAULT_MIRRORS = Path("/work/.mirror")
LABELLING = """\
- L3S-GN1: the human annotation marks every text block as headline, full text, supplemental
  (captions and the like), related content, user comments or not content. Headline and full
  text read as `article`, supplemental as `article<TAB>supplemental` (captions, but also
  bylines, datelines, agency and copyright lines: benchmarks/pages.py leaves these out of both
  rates and reports them apart), the rest as `debris` (comments as `debris<TAB>comment`). The
  annotated copy and the original page are both turned into lines; the annotated copy's lines
  are aligned to the original's (difflib on the lines' ASCII letters and digits: the annotated
  copies lost non-ASCII characters to '?') and pass their labels on; a line of
  the original with no counterpart is `debris` (the annotators marked it invisible).
  A line's label is the label of most of its characters.
- Scrapinghub: the page's lines are compared with the human-made articleBody, both folded (NFKC,
  lower case, words = runs of letters and digits). A line is `article` when at least half of its
  words are covered by 3-word shingles of the page's word stream that also occur in the body
  (shingles run across line ends: a short line between two article lines is covered by its
  neighbours, a menu word is not). The headline is not part of articleBody: a line inside <h1>
  whose words are at least 60% found in the og:title (or <title>) is `article<TAB>headline`.
  Lines with no word (a lone `|` or `»`) are `debris`. Pages whose visible text holds under 80%
  of the body's shingles are left out (status in MANIFEST.tsv).
- Checked by eye (--sample 100 --seed 11, 50 article and 50 debris lines of the tune split): no
  line mislabelled by these rules; two debatable (a pull quote that repeats a body sentence is
  `article`; a product page's feature bullets are in its body). The sources' own ground truth
  is not clean prose: Scrapinghub bodies hold stats tables, prices, "(c) Reuters" credits and
  "Subscribe to ..." lines, and L3S annotators marked a login form's "Password" as full text,
  so some `article` lines are not sentences; and the standfirst under a Scrapinghub headline
  is `debris` when the body leaves it out.
"""
# public whole-page datasets looked at and not used here
NOT_USED = """- shared/corpus/boilerplate (trafilatura's evaluation pages): already the project's material.
- chatnoir-eu/web-content-extraction-benchmark (the combined sets of Bevendorff et al. 2023):
  its datasets are Git LFS objects, which fetched snapshots do not hold.
- seomoz/dragnet_data (AGPL-3.0 data, 2012): the HTML tarball is over the snapshot's file size
  limit; a copy in j-szulc/html-cleaning-dataset-merged has the pages but no URLs, and most are
  blogs, so neither origin nor kind can be told.
- CleanEval (2007, general web, not news), readability's test pages (expected output made by the
  program, not by people), the BoilerNet Google-Trends-2017 set (not found on GitHub with the search tool).
"""


# --------------------------------------------------------------------------------------------
# git snapshots

class Snapshot:
    """Files of one commit of a fetched git snapshot, read with `git cat-file` (no work tree)."""

    def __init__(self, git_dir: Path, commit: str):
        self.git_dir, self.commit = git_dir, commit
        if not (git_dir / "HEAD").exists() and not (git_dir / "objects").exists():
            sys.exit(f"no git snapshot at {git_dir}: fetch it with the search tool's fetch first")
        have = subprocess.run(["git", "--git-dir", str(git_dir), "cat-file", "-e", f"{commit}^{{commit}}"],
                              capture_output=True)
        if have.returncode:
            sys.exit(f"{git_dir} lacks commit {commit}")
        self._batch = subprocess.Popen(["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def names(self, folder: str) -> list[str]:
        out = subprocess.run(["git", "--git-dir", str(self.git_dir), "ls-tree", "-r", "--name-only",
                              self.commit, "--", folder], capture_output=True, text=True, check=True)
        return out.stdout.splitlines()

    def read(self, path: str) -> bytes:
        assert self._batch.stdin and self._batch.stdout
        self._batch.stdin.write(f"{self.commit}:{path}\n".encode())
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().split()
        if header[-1] == b"missing":
            raise FileNotFoundError(path)
        data = self._batch.stdout.read(int(header[2]))
        self._batch.stdout.read(1)  # the newline after each object
        return data


# --------------------------------------------------------------------------------------------
# HTML: decoding and the text a browser shows

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# what browsers read these labels as (WHATWG encoding standard)
_BROWSER_CHARSET = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252", "iso8859-1": "cp1252", "windows-1252": "cp1252"}


def decode_html(raw: bytes) -> str:
    """The page's characters: its BOM, else its declared charset, else UTF-8, else windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    declared = _META_CHARSET.search(raw[:8192])
    tries = []
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        tries.append(_BROWSER_CHARSET.get(name, name))
    tries += ["utf-8", "cp1252"]
    for encoding in tries:
        try:
            text = raw.decode(encoding)
            break
        except (LookupError, UnicodeDecodeError):
            continue
    else:
        text = raw.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# elements a browser's default style sheet displays as blocks (a line break before and after)
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing",
    "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul", "xmp", "plaintext",
})
# elements whose content a browser does not show as text (noscript: a browser runs scripts)
INVISIBLE = frozenset({"head", "title", "script", "style", "noscript", "template", "svg", "math", "iframe",
                       "object", "select", "datalist", "textarea", "canvas", "audio", "video", "map"})
# end tags that pages often leave out: an element of these is never skipped on `hidden`, lest an
# unclosed one hide the rest of the page
OPTIONAL_END = frozenset({"p", "li", "dt", "dd", "option", "tr", "td", "th", "thead", "tbody", "tfoot",
                          "html", "body", "colgroup", "caption", "rt", "rp", "optgroup"})
# what may stand in a <head>: any other start tag opens the body, as a browser parses a page
# whose </head> and <body> are missing
HEAD_CONTENT = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template", "object"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr", "keygen"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACES = re.compile(r"\s+")
L3S_LABELS = {"x-nc-sel0": "debris", "x-nc-sel1": "headline", "x-nc-sel2": "article",
              "x-nc-sel3": "supplemental", "x-nc-sel4": "debris", "x-nc-sel5": "comment"}


@dataclass
class Line:
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # source character spans of its text
    labels: Counter = field(default_factory=Counter)  # annotation label -> characters
    in_h1: bool = False


class VisibleText(HTMLParser):
    """The visible text of a page as a browser lays it out, one block per line.

    As a browser's innerText: block elements (div, li, h1, td...) start and end a line, <p>
    leaves a blank line before and after, <br> breaks the line, inline elements (a, span, b...)
    run on; whitespace collapses to one space. Not shown: the head, scripts, styles, noscript,
    form controls' option lists, embedded objects, and elements hidden by the `hidden` attribute
    or an inline display:none / visibility:hidden (style sheets are not read: what they hide
    stays). Table cells get a line each (innerText joins them with tabs). With `annotated`, the
    L3S-GN1 annotation spans (class x-nc-selN) label the characters, and x-nc-invisible hides.
    """

    def __init__(self, source: str, annotated: bool = False):
        super().__init__(convert_charrefs=True)
        self.annotated = annotated
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.lines: list[Line] = []
        self.current = Line("")
        self.pending_breaks = 0
        self.skipping: list[list] = []  # [tag, depth] of the element whose content is hidden
        self.label_stack: list[str | None] = []
        self.h1_depth = 0
        self.data_start: int | None = None
        self.data: list[str] = []
        self.feed(source)
        self.close()
        self._flush_data(len(source))
        self._break(1)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    # text --------------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.data_start is None:
            self.data_start = self._offset()
        self.data.append(data)

    def _flush_data(self, end: int) -> None:
        """Emit the text read since the last tag: it spans the source up to `end` (this tag)."""
        if self.data_start is None:
            return
        text = _SPACES.sub(" ", "".join(self.data))
        start, self.data_start, self.data = self.data_start, None, []
        if not text.strip():
            if self.current.text and not self.current.text.endswith(" "):
                self.current.text += " "
            return
        if not self.current.text.strip():
            text = text.lstrip()
            if self.lines and self.pending_breaks >= 2 and self.lines[-1].text:
                self.lines.append(Line(""))
            self.pending_breaks = 0
        elif self.current.text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        self.current.text += text
        self.current.spans.append((start, end))
        label = next((lab for lab in reversed(self.label_stack) if lab), "debris") if self.annotated else None
        if label:
            self.current.labels[label] += len(text.strip())
        self.current.in_h1 |= self.h1_depth > 0

    def _break(self, count: int) -> None:
        if self.current.text.strip():
            self.current.text = self.current.text.strip()
            self.lines.append(self.current)
            self.current = Line("")
        self.pending_breaks = max(self.pending_breaks, count)

    # tags --------------------------------------------------------------------------------------

    def _hides(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in INVISIBLE:
            return True
        if tag in VOID or tag in OPTIONAL_END:
            return False
        classes = (attrs.get("class") or "").split()
        return ("hidden" in attrs or bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))
                or (self.annotated and "x-nc-invisible" in classes))

    def handle_starttag(self, tag: str, attr_list) -> None:
        self._flush_data(self._offset())
        if self.skipping == [["head", 1]] and tag not in HEAD_CONTENT:
            self.skipping.clear()
        if self.skipping:
            if tag == self.skipping[-1][0] and tag not in VOID:
                self.skipping[-1][1] += 1
            return
        attrs = dict(attr_list)
        if self._hides(tag, attrs):
            self.skipping.append([tag, 1])
            if tag in BLOCKS:
                self._break(1)
            return
        if tag == "br":
            self._break(1)
        elif tag in BLOCKS:
            self._break(2 if tag == "p" else 1)
        if tag == "h1":
            self.h1_depth += 1
        if self.annotated and tag == "span":
            classes = (attrs.get("class") or "").split()
            self.label_stack.append(next((L3S_LABELS[c] for c in classes if c in L3S_LABELS), None))

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self._flush_data(self._offset())
        if self.skipping:
            if tag == self.skipping[-1][0]:
                self.skipping[-1][1] -= 1
                if self.skipping[-1][1] == 0:
                    self.skipping.pop()
            elif tag in ("head", "html") and self.skipping[-1][0] in ("head", "title"):
                self.skipping.clear()
            return
        if tag in BLOCKS:
            self._break(2 if tag == "p" else 1)
        if tag == "h1" and self.h1_depth:
            self.h1_depth -= 1
        if self.annotated and tag == "span" and self.label_stack:
            self.label_stack.pop()


# --------------------------------------------------------------------------------------------
# labels

_WORD = re.compile(r"\w+")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
SHINGLE = 3
ARTICLE_SHARE = 0.5  # of a line's words covered by body shingles
MIN_BODY_FOUND = 0.8  # of the body's shingles present in the page's visible text
HEADLINE_SHARE = 0.6  # of an <h1> line's words found in og:title / <title>
ENGLISH = frozenset("the and of to a in is that for it on was with as he she said are by at from you your i we "
                    "our they this be have has not but or an can will if".split())
GENERIC_TLDS = frozenset({"com", "org", "net", "us", "gov", "edu", "mil", "info", "biz"})


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).translate(_FOLD).lower())


def shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def label_by_body(lines: list[Line], body: str, headline: str) -> tuple[list[str], float]:
    """Labels of the lines against the clean body (LABELLING), and the share of the body's
    shingles found in the page."""
    body_shingles = shingles(words(body))
    line_words = [words(line.text) for line in lines]
    stream, owner = [], []
    for index, tokens in enumerate(line_words):
        stream += tokens
        owner += [index] * len(tokens)
    covered = [False] * len(stream)
    found = set()
    for i in range(len(stream) - SHINGLE + 1):
        gram = tuple(stream[i:i + SHINGLE])
        if gram in body_shingles:
            found.add(gram)
            covered[i:i + SHINGLE] = [True] * SHINGLE
    covered_per_line = Counter(owner[i] for i, c in enumerate(covered) if c)
    headline_words = set(words(headline))
    labels = []
    for index, (line, tokens) in enumerate(zip(lines, line_words)):
        if not line.text:
            labels.append("")
        elif tokens and covered_per_line[index] >= ARTICLE_SHARE * len(tokens):
            labels.append("article")
        elif (tokens and line.in_h1 and headline_words
              and sum(t in headline_words for t in tokens) >= HEADLINE_SHARE * len(tokens)):
            labels.append("article\theadline")
        else:
            labels.append("debris")
    return labels, len(found) / max(len(body_shingles), 1)


def _letters(text: str) -> str:
    """A line's ASCII letters and digits: the annotated copies lost non-ASCII characters to '?'."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def label_by_annotation(original: list[Line], annotated: list[Line]) -> list[str]:
    """The original page's lines labelled by the annotated copy's lines they align with."""
    def label_of(line: Line) -> str:
        kind = line.labels.most_common(1)[0][0] if line.labels else "debris"
        return {"headline": "article\theadline", "supplemental": "article\tsupplemental",
                "comment": "debris\tcomment"}.get(kind, kind)

    labels = ["debris"] * len(original)
    matcher = SequenceMatcher(None, [_letters(line.text) for line in original],
                              [_letters(line.text) for line in annotated], autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            labels[block.a + k] = label_of(annotated[block.b + k])
    return [label if line.text else "" for line, label in zip(original, labels)]


def is_english(text: str) -> bool:
    tokens = words(text)
    return bool(tokens) and sum(t in ENGLISH for t in tokens) >= 0.1 * len(tokens)


def region(host: str) -> str | None:
    """'uk' for a .uk host, 'generic' for a generic top-level domain (mostly US), else None."""
    tld = host.rsplit(".", 1)[-1].lower()
    return "uk" if tld == "uk" else "generic" if tld in GENERIC_TLDS else None


def url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return host + parts.path.rstrip("/") + ("?" + parts.query if parts.query else "")


_OG_TITLE = re.compile(r"""<meta[^>]+(?:property|name)\s*=\s*["']og:title["'][^>]*>""", re.I)
_CONTENT = re.compile(r"""content\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def page_title(page: str) -> str:
    """The og:title, else the <title>: where the headline stands when the clean body lacks it."""
    tag = _OG_TITLE.search(page)
    content = _CONTENT.search(tag.group(0)) if tag else None
    if content:
        return html.unescape(content.group(2))
    title = _TITLE.search(page)
    return html.unescape(title.group(1)) if title else ""


# --------------------------------------------------------------------------------------------
# sources

@dataclass
class Page:
    source: str
    id: str
    url: str
    html: str
    lines: list[Line]
    labels: list[str]
    body_found: float | None = None


@dataclass
class Source:
    name: str
    repo: str
    commit: str
    licence: str
    about: str
    pages: Callable[[Snapshot], Iterator[Page | tuple[str, str, str]]]


def scrapinghub_pages(snap: Snapshot) -> Iterator[Page | tuple[str, str, str]]:
    truth = json.loads(snap.read("ground-truth.json"))
    for key in sorted(truth):
        url, body = truth[key].get("url", ""), truth[key].get("articleBody", "")
        page_id = key[:16]
        if not is_english(body):
            yield page_id, url, "not English"
            continue
        page = decode_html(gzip.decompress(snap.read(f"html/{key}.html.gz")))
        lines = VisibleText(page).lines
        labels, found = label_by_body(lines, body, page_title(page))
        if found < MIN_BODY_FOUND:
            yield page_id, url, f"body not in the page ({found:.0%} of its shingles found)"
            continue
        yield Page("scrapinghub", page_id, url, page, lines, labels, found)


L3S_DIR = "L3S-GN1-20100130203947-00001"


def l3s_pages(snap: Snapshot) -> Iterator[Page | tuple[str, str, str]]:
    urls = {}
    for row in snap.read(f"{L3S_DIR}/url-mapping.txt").decode("utf-8", "replace").splitlines():
        uuid, _, url = row.partition("\t")
        urls[uuid.strip("<>").removeprefix("urn:uuid:")] = url.strip()
    for uuid in sorted(urls):
        url = urls[uuid]
        try:
            original = decode_html(snap.read(f"{L3S_DIR}/original/{uuid}.html"))
            annotated = decode_html(snap.read(f"{L3S_DIR}/annotated/{uuid}.html"))
        except FileNotFoundError:
            yield uuid, url, "file missing"
            continue
        lines = VisibleText(original).lines
        labels = label_by_annotation(lines, VisibleText(annotated, annotated=True).lines)
        article = "\n".join(line.text for line, lab in zip(lines, labels) if lab.startswith("article"))
        if not is_english(article):
            yield uuid, url, "not English"
            continue
        yield Page("l3s-gn1", uuid, url, original, lines, labels)


SOURCES = [
    Source("scrapinghub", "scrapinghub/article-extraction-benchmark", "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010",
           "MIT (LICENSE of the repository, covering its data)",
           "181 pages crawled in 2019 (news and blogs, several languages), each with an articleBody "
           "written out by people (Scrapinghub's Article Extraction Benchmark, 2020 whitepaper).",
           scrapinghub_pages),
    Source("l3s-gn1", "geodrome/page-signal", "186d8153b3d111f84865ddc180600a9cbe35ac7f",
           "research use only (L3S Research Center; Readme-L3S-GN1.txt in the dataset folder)",
           "L3S-GN1 (Kohlschuetter, Fankhauser, Nejdl, WSDM 2010): 621 news articles from 408 sites "
           "found through six English Google News editions in the first half of 2008, every text "
           "block labelled by human assessors; the repository keeps the WARC's pages as HTML files.",
           l3s_pages),
]


# --------------------------------------------------------------------------------------------
# the cache

def split_of(source: str, page_id: str) -> str:
    """A third of the pages held out, by a hash of the id: fixed before any tuning."""
    digest = hashlib.sha1(f"{source}/{page_id}".encode()).digest()
    return "heldout" if int.from_bytes(digest[:8], "big") % 3 == 0 else "tune"


def eval_dir() -> Path:
    return Path(os.environ.get("NEWSLINT_EVAL_DIR") or "/work/evaldata")


def shared_urls() -> set[str]:
    if not SHARED_PAGES.exists():
        return set()
    rows = SHARED_PAGES.read_text(encoding="utf-8").splitlines()[1:]
    return {url_key(row.split("\t")[1]) for row in rows if row.count("\t") >= 2}


MANIFEST_COLUMNS = ("source", "id", "split", "status", "region", "url", "lines", "article", "debris",
                    "comment", "body_found")


def build(out: Path, mirrors: Path) -> None:
    seen = shared_urls()
    rows, kept = [], Counter()
    for source in SOURCES:
        snap = Snapshot(mirrors / source.repo.replace("/", "+") / "repo", source.commit)
        folder = out / "pages" / source.name
        folder.mkdir(parents=True, exist_ok=True)
        for item in source.pages(snap):
            if isinstance(item, tuple):
                page_id, url, why = item
                rows.append((source.name, page_id, split_of(source.name, page_id), why, "", url))
                continue
            host = urlsplit(item.url).hostname or ""
            where = region(host)
            why = ("already in shared/corpus/boilerplate" if url_key(item.url) in seen
                   else "not a .uk or generic-domain host" if where is None
                   else "no article line" if not any(label.startswith("article") for label in item.labels)
                   else "ok")
            split = split_of(source.name, item.id)
            counts = Counter(label.split("\t")[0] for label in item.labels)
            comments = sum(label.endswith("comment") for label in item.labels)
            rows.append((source.name, item.id, split, why, where or "", item.url, len(item.lines),
                         counts["article"], counts["debris"], comments,
                         "" if item.body_found is None else f"{item.body_found:.3f}"))
            if why != "ok":
                continue
            kept[source.name, split] += 1
            stem = folder / item.id
            stem.with_suffix(".html").write_text(item.html, encoding="utf-8")
            stem.with_suffix(".txt").write_text("".join(line.text + "\n" for line in item.lines), encoding="utf-8")
            stem.with_suffix(".labels").write_text("".join(label + "\n" for label in item.labels), encoding="utf-8")
    with (out / "pages" / "MANIFEST.tsv").open("w", encoding="utf-8") as manifest:
        manifest.write("\t".join(MANIFEST_COLUMNS) + "\n")
        for row in rows:
            manifest.write("\t".join(str(c) for c in row) + "\n")
    write_sources(out, rows)
    for (name, split), count in sorted(kept.items()):
        print(f"{name:12s} {split:8s} {count:4d} pages")
    print(f"wrote {out}/pages: the pages, MANIFEST.tsv ({len(rows)} pages considered), SOURCES.md")


def write_sources(out: Path, rows: list[tuple]) -> None:
    status = Counter((row[0], row[3]) for row in rows)
    parts = ["# Whole news pages for newslint's page-level boilerplate measure\n",
             "Built by benchmarks/pages_corpus.py (newslint repository) from public git snapshots. "
             "Third-party text: measure on it, never copy it into the repository.\n"]
    for source in SOURCES:
        counts = ", ".join(f"{why}: {n}" for (name, why), n in sorted(status.items()) if name == source.name)
        parts.append(f"## {source.name}\n\n- repository: github.com/{source.repo}\n- commit: {source.commit}\n"
                     f"- licence: {source.licence}\n- what: {source.about}\n- pages: {counts}\n")
    parts.append("## Selection\n\nEnglish pages (at least 10% of the clean text's words are common English "
                 "function words) from hosts under .uk or a generic top-level domain ("
                 + ", ".join(sorted(GENERIC_TLDS)) + "; mostly US sites, not all), without the URLs of "
                 "shared/corpus/boilerplate. Split: sha1 of `source/id`, a third `heldout`, the rest `tune`.\n")
    parts.append("## Visible text\n\n" + " ".join(VisibleText.__doc__.split()) + "\n")
    parts.append("## Labelling\n\n" + LABELLING)
    parts.append("## Not used\n\n" + NOT_USED)
    (out / "pages" / "SOURCES.md").write_text("\n".join(parts), encoding="utf-8")


def manifest(out: Path, split: str = "") -> list[dict[str, str]]:
    """The pages kept in the cache (of one split, if given)."""
    path = out / "pages" / "MANIFEST.tsv"
    if not path.exists():
        sys.exit(f"no {path}: build the cache first (python benchmarks/pages_corpus.py)")
    rows = path.read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    pages = [dict(zip(header, row.split("\t"))) for row in rows[1:]]
    return [p for p in pages if p["status"] == "ok" and (not split or p["split"] == split)]


def read_page(out: Path, page: dict[str, str]) -> tuple[list[str], list[str]]:
    """A cached page's lines and their labels."""
    stem = out / "pages" / page["source"] / page["id"]
    lines = stem.with_suffix(".txt").read_text(encoding="utf-8").split("\n")[:-1]
    labels = stem.with_suffix(".labels").read_text(encoding="utf-8").split("\n")[:-1]
    assert len(lines) == len(labels), stem
    return lines, labels


def show(out: Path, key: str) -> None:
    source, _, page_id = key.partition("/")
    for line, label in zip(*read_page(out, {"source": source, "id": page_id})):
        if line:
            print(f"{label.replace(chr(9), ' '):17s} {line[:150]}")


def sample(out: Path, count: int, seed: int) -> None:
    """Random labelled lines of the tune split, half of them article and half debris, each with
    its neighbours, to judge the labels by eye."""
    rng = random.Random(seed)
    pages = manifest(out, "tune")
    for n in range(count):
        wanted = "article" if n % 2 == 0 else "debris"
        while True:
            page = rng.choice(pages)
            lines, labels = read_page(out, page)
            candidates = [i for i, label in enumerate(labels) if label.split("\t")[0] == wanted]
            if candidates:
                break
        i = rng.choice(candidates)
        filled = [j for j, line in enumerate(lines) if line]
        at = filled.index(i)
        print(f"== {n + 1}. {page['source']}/{page['id']} line {i + 1}: {labels[i].replace(chr(9), ' ')}")
        for j in filled[max(0, at - 2): at + 3]:
            print(f"{'>>' if j == i else '  '} {labels[j].split(chr(9))[0]:7s} {lines[j][:140]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(eval_dir()), help="the cache (default $NEWSLINT_EVAL_DIR or /work/evaldata)")
    ap.add_argument("--mirrors", default=str(DEFAULT_MIRRORS), help="where fetched snapshots are")
    ap.add_argument("--show", metavar="SOURCE/ID", help="print a cached page's lines with their labels")
    ap.add_argument("--sample", type=int, metavar="N",
                    help="print N random labelled lines (half article, half debris) with their neighbours")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    out = Path(args.out)
    if args.show:
        show(out, args.show)
    elif args.sample:
        sample(out, args.sample, args.seed)
    else:
        build(out, Path(args.mirrors))


if __name__ == "__main__":
    main()
