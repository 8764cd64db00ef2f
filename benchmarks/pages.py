#!/usr/bin/env python3
"""Boilerplate on whole pages, line by line: how much debris newslint flags, and how much article.

    python benchmarks/pages.py [--split tune] [--page] [--html] [--trafilatura] [--top N] [--heldout]

Reads the cache that benchmarks/pages_corpus.py builds ($NEWSLINT_EVAL_DIR or /work/evaldata:
whole news pages, their visible text one block per line, every line labelled `article` or
`debris`) and runs `newslint check --format json` once on the .txt files of the split (with
--html, once more on the pages' HTML, whose findings are mapped back to the lines through the
source spans of the visible text). It reports:

  - debris flagged: the share of debris lines whose non-space characters lie at least 90% inside
    boilerplate findings (the fixes would remove them), by lines, by characters, and by line
    length (1 word, 2-7, 8-15, 16+ words);
  - article wrongly flagged: the share of article lines that a boilerplate finding touches, apart
    from repairs: a finding whose fix rewrites characters inside the line (mis-decoded 'â€™' back
    to '’', an entity decoded) says the characters are wrong, not that the line is furniture.
    Such lines are counted apart, and the share with them counted is printed beside it;
  - noise: findings of the other families on debris lines, per family (they go away when the
    debris does, but until then they are clutter);
  - the debris lines missed most, grouped by shape (tune split only), to steer the rules.

With --trafilatura (the optional `trafilatura` package) the same figures for trafilatura's
extraction, default settings without comments: a line counts as removed when trafilatura's text
does not contain it (its words, in a row; a line of under 4 words only as a whole line of the
output, lest a menu word inside a sentence count as kept).

Only the tune split is looked at closely. --heldout adds, once at the end, the headline figures
on the held-out third, labelled as such: no listing, nothing to tune on.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import clean_env, machine, newslint_command  # noqa: E402
from pages_corpus import VisibleText, eval_dir, manifest, read_page, words  # noqa: E402

FLAGGED_SHARE = 0.9  # of a debris line's non-space characters inside findings
BINS = (("1 word", 1, 1), ("2-7 words", 2, 7), ("8-15 words", 8, 15), ("16+ words", 16, 10**9))
FAMILY = "boilerplate"
SHORT_LINE = 4  # words: shorter lines count as kept by trafilatura only as a whole output line
REPAIR = " (repair)"  # marks a rule touching a line with a fix that rewrites characters, deleting none


@dataclass
class Tally:
    """Debris and article lines of a set of pages, and which of them a method removed."""
    debris: Counter = field(default_factory=Counter)
    debris_flagged: Counter = field(default_factory=Counter)
    article: int = 0
    article_flagged: int = 0
    article_repaired: int = 0  # article lines that only repairs touch (see REPAIR)
    aside: Counter = field(default_factory=Counter)  # sub-kind -> lines, and "<kind> flagged"
    noise: Counter = field(default_factory=Counter)
    debris_words: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)  # (page key, line)
    wrong: list[tuple[str, str, str]] = field(default_factory=list)  # (page key, line, rules)

    def add(self, key: str, lines: list[str], labels: list[str], removed: list[float],
            touched_by: list[set[str]], noise: list[Counter] | None = None) -> None:
        for i, (line, label) in enumerate(zip(lines, labels)):
            if not label:
                continue
            n_words = len(line.split())
            kind, _, sub_kind = label.partition("\t")
            if sub_kind in ("supplemental", "comment"):
                self.aside[sub_kind] += 1
                self.aside[f"{sub_kind} flagged"] += removed[i] >= FLAGGED_SHARE
                if sub_kind == "supplemental":
                    continue
            if kind == "article":
                self.article += 1
                if any(not rule.endswith(REPAIR) for rule in touched_by[i]):
                    self.article_flagged += 1
                    self.wrong.append((key, line, ",".join(sorted(touched_by[i]))))
                elif touched_by[i]:
                    self.article_repaired += 1
                continue
            chars = len(line) - line.count(" ")
            bin_name = next(name for name, lo, hi in BINS if lo <= max(n_words, 1) <= hi)
            self.debris["lines"] += 1
            self.debris["chars"] += chars
            self.debris[bin_name] += 1
            self.debris_words += n_words
            if noise:
                self.noise.update(noise[i])
            if removed[i] >= FLAGGED_SHARE:
                self.debris_flagged["lines"] += 1
                self.debris_flagged["chars"] += chars
                self.debris_flagged[bin_name] += 1
            else:
                self.missed.append((key, line))


def share(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "     -"


def report(title: str, tally: Tally, detail: bool = True) -> None:
    d, f = tally.debris, tally.debris_flagged
    print(f"{title}")
    print(f"  debris flagged:  {share(f['lines'], d['lines'])} of {d['lines']} lines, "
          f"{share(f['chars'], d['chars'])} of characters")
    if detail:
        print("  by length:       " + ", ".join(f"{name} {share(f[name], d[name]).strip()} of {d[name]}"
                                            for name, _, _ in BINS))
    print(f"  article flagged: {share(tally.article_flagged, tally.article)} "
          f"({tally.article_flagged} of {tally.article} lines); with repairs counted "
          f"{share(tally.article_flagged + tally.article_repaired, tally.article).strip()} "
          f"(+{tally.article_repaired} lines whose characters a fix rewrites)")
    for sub_kind, why in (("comment", "reader comments, counted as debris above"),
                          ("supplemental", "bylines, captions, credits: in neither rate")):
        if detail and tally.aside[sub_kind]:
            flagged = share(tally.aside[sub_kind + " flagged"], tally.aside[sub_kind]).strip()
            print(f"  {sub_kind} lines ({why}): {flagged} of {tally.aside[sub_kind]} flagged")
    if detail and tally.noise:
        total = sum(tally.noise.values())
        print(f"  noise on debris: {total} findings of other families "
              f"({1000 * total / max(tally.debris_words, 1):.1f} per 1,000 debris words): "
              + ", ".join(f"{rule} {n}" for rule, n in tally.noise.most_common(8)))


# --------------------------------------------------------------------------------------------
# shapes of missed lines

_DATE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}:\d{2}\b|"
                   r"\b\d+\s+(minutes?|hours?|days?|weeks?|months?)\s+ago\b|\b\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b", re.I)
_SEPARATORS = re.compile(r"\s[|»•·/]\s|\s[|»]$")


def shape(line: str) -> str:
    """A coarse name for what a line looks like (its length, case, punctuation, content)."""
    tokens = line.split()
    n = len(tokens)
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return "numbers or symbols only"
    if "©" in line or re.search(r"\bcopyright\b", line, re.I):
        return "copyright"
    if n <= 12 and _DATE.search(line):
        return "date, time or 'ago' (short)"
    if _SEPARATORS.search(line):
        return "items run together with | » • /"
    caps = all(c.isupper() for c in letters)
    final = line.rstrip()[-1] in ".!?:;…\"'”’)"
    titled = sum(t[0].isupper() for t in tokens if t[0].isalpha()) >= 0.6 * max(1, sum(t[0].isalpha() for t in tokens))
    if n == 1:
        return "1 word, all capitals" if caps and len(letters) > 1 else "1 word"
    if n <= 7:
        if caps:
            return "2-7 words, all capitals"
        if final:
            return "2-7 words ending in punctuation"
        return "2-7 words, Title Case, no final stop" if titled else "2-7 words, lower case, no final stop"
    if n <= 15:
        if final:
            return "8-15 words, sentence"
        return "8-15 words, no final stop (headline-like)"
    return "16+ words, sentence" if final else "16+ words, no final stop"


def print_missed(tally: Tally, top: int, examples: int = 10) -> None:
    by_shape: dict[str, Counter] = defaultdict(Counter)
    pages_of: dict[str, set[str]] = defaultdict(set)
    for key, line in tally.missed:
        by_shape[shape(line)][line] += 1
        pages_of[line].add(key)
    print(f"most-missed debris lines by shape ({len(tally.missed)} missed lines; "
          "a line: its count [pages]):")
    for name, lines in sorted(by_shape.items(), key=lambda kv: -sum(kv[1].values()))[:top]:
        print(f"  {name}: {sum(lines.values())} lines, {len(lines)} distinct")
        for line, count in lines.most_common(examples):
            print(f"      {count:4d} [{len(pages_of[line]):3d}]  {line[:110]}")


def print_wrong(tally: Tally, limit: int) -> None:
    print(f"article lines wrongly flagged ({len(tally.wrong)}; first {min(limit, len(tally.wrong))}):")
    for key, line, rules in tally.wrong[:limit]:
        print(f"  {key}: [{rules}] {line[:120]}")


# --------------------------------------------------------------------------------------------
# newslint

def run_newslint(paths: list[Path], page: bool = False) -> tuple[dict[str, list[dict]], float]:
    """Diagnostics per path of one `newslint check --format json` run over all the files (with
    `page`, in page mode)."""
    with tempfile.TemporaryDirectory() as cwd:  # no project configuration in reach
        t = time.perf_counter()
        proc = subprocess.run([*newslint_command(), "check", "--format", "json", "--no-show-source",
                               *(["--page"] if page else []), *map(str, paths)],
                              capture_output=True, text=True, cwd=cwd, env=clean_env())
        seconds = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    report_json = json.loads(proc.stdout)
    return {str(Path(f["path"]).resolve()): f["diagnostics"] for f in report_json["files"]}, seconds


def touching(d: dict) -> str:
    """The name a boilerplate finding touches a line under: its rule, marked as a repair when its
    fix rewrites characters and deletes none (see REPAIR)."""
    edits = (d.get("fix") or {}).get("edits") or []
    return d["rule"] + REPAIR if edits and all(e["replacement"] for e in edits) else d["rule"]


def text_coverage(lines: list[str], diagnostics: list[dict]) -> tuple[list[float], list[set[str]], list[Counter]]:
    """Per line: the share of its non-space characters inside boilerplate findings, the boilerplate
    rules touching it (see touching), and the other families' findings starting on it."""
    covered: list[set[int]] = [set() for _ in lines]
    touched: list[set[str]] = [set() for _ in lines]
    noise: list[Counter] = [Counter() for _ in lines]
    for d in diagnostics:
        first, last = d["line"] - 1, d["end_line"] - 1
        if d["family"] != FAMILY:
            if 0 <= first < len(lines):
                noise[first][d["rule"]] += 1
            continue
        for i in range(max(first, 0), min(last, len(lines) - 1) + 1):
            start = d["column"] - 1 if i == first else 0
            end = d["end_column"] - 1 if i == last else len(lines[i])
            columns = {c for c in range(start, min(end, len(lines[i]))) if not lines[i][c].isspace()}
            if columns:
                covered[i] |= columns
                touched[i].add(touching(d))
    removed = [len(c) / max(1, len(line) - sum(ch.isspace() for ch in line)) for c, line in zip(covered, lines)]
    return removed, touched, noise


def html_coverage(page_html: str, lines: list[str], diagnostics: list[dict]) -> tuple[list[float], list[set[str]]]:
    """The same for findings on the HTML: each line's share of source characters inside findings."""
    visible = VisibleText(page_html).lines
    assert [v.text for v in visible] == lines, "the cached .txt no longer matches its .html"
    line_starts = [0] + [m.end() for m in re.finditer("\n", page_html)]
    spans = [(line_starts[d["line"] - 1] + d["column"] - 1, line_starts[d["end_line"] - 1] + d["end_column"] - 1,
              touching(d)) for d in diagnostics if d["family"] == FAMILY]
    removed, touched = [], []
    for v in visible:
        total = sum(e - s for s, e in v.spans)
        inside = 0
        rules = set()
        for s, e in v.spans:
            for a, b, rule in spans:
                overlap = min(e, b) - max(s, a)
                if overlap > 0:
                    inside += overlap
                    rules.add(rule)
        removed.append(inside / total if total else 0.0)
        touched.append(rules)
    return removed, touched


# --------------------------------------------------------------------------------------------
# trafilatura

def trafilatura_removed(page_html: str, lines: list[str]) -> list[float]:
    import trafilatura
    extracted = trafilatura.extract(page_html, include_comments=False, include_tables=True) or ""
    out_lines = [" ".join(words(line)) for line in extracted.splitlines()]
    whole_lines = set(out_lines)
    stream = " " + " ".join(out_lines) + " "
    removed = []
    for line in lines:
        folded = " ".join(words(line))
        if not folded:
            removed.append(1.0)
        elif len(folded.split()) < SHORT_LINE:
            removed.append(0.0 if folded in whole_lines else 1.0)
        else:
            removed.append(0.0 if f" {folded} " in stream else 1.0)
    return removed


def spaced_copy(out: Path, stem: Path, folder: Path) -> Path:
    """The page's .txt with a blank line after every line (as the pages of shared/corpus/boilerplate
    are laid out): line i of the original is line 2i-1 of the copy."""
    copy = folder / stem.parent.name / stem.name
    copy.parent.mkdir(exist_ok=True)
    lines = stem.with_suffix(".txt").read_text(encoding="utf-8").split("\n")[:-1]
    copy.with_suffix(".txt").write_text("".join(f"{line}\n\n" for line in lines), encoding="utf-8")
    return copy


# --------------------------------------------------------------------------------------------

def measure(out: Path, split: str, args) -> dict[str, dict[str, Tally]]:
    """Tallies per method ('newslint .txt', ...) per source (and 'all')."""
    pages = manifest(out, split)
    if args.source:
        pages = [p for p in pages if p["source"] == args.source]
    stems = [out / "pages" / p["source"] / p["id"] for p in pages]
    tallies: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    with tempfile.TemporaryDirectory() as spaced_dir:
        if args.spaced:
            stems = [spaced_copy(out, stem, Path(spaced_dir)) for stem in stems]
        txt_diags, seconds = run_newslint([s.with_suffix(".txt") for s in stems], args.page)
    timing = [f"newslint{' --page' if args.page else ''} on {len(stems)} .txt files"
              f"{' (spaced)' if args.spaced else ''} {seconds:.1f} s"]
    html_diags = {}
    if args.html:
        html_diags, seconds = run_newslint([s.with_suffix(".html") for s in stems], args.page)
        timing.append(f"on the .html {seconds:.1f} s")
    traf_seconds = 0.0
    for page, stem in zip(pages, stems):
        key = f"{page['source']}/{page['id']}"
        lines, labels = read_page(out, page)
        diagnostics = txt_diags.get(str(stem.with_suffix(".txt").resolve()), [])
        if args.spaced:
            spaced = [text for line in lines for text in (line, "")]
            removed, touched, noise = (values[::2] for values in text_coverage(spaced, diagnostics))
            stem = out / "pages" / page["source"] / page["id"]
        else:
            removed, touched, noise = text_coverage(lines, diagnostics)
        for group in (page["source"], "all"):
            tallies["newslint on .txt"][group].add(key, lines, labels, removed, touched, noise)
        page_html = None
        if args.html:
            page_html = stem.with_suffix(".html").read_text(encoding="utf-8")
            page_diags = html_diags.get(str(stem.with_suffix(".html").resolve()), [])
            removed, touched = html_coverage(page_html, lines, page_diags)
            for group in (page["source"], "all"):
                tallies["newslint on .html"][group].add(key, lines, labels, removed, touched)
        if args.trafilatura:
            page_html = page_html or stem.with_suffix(".html").read_text(encoding="utf-8")
            t = time.perf_counter()
            removed = trafilatura_removed(page_html, lines)
            traf_seconds += time.perf_counter() - t
            gone = [{"removed"} if r else set() for r in removed]
            for group in (page["source"], "all"):
                tallies["trafilatura"][group].add(key, lines, labels, removed, gone)
    if args.trafilatura:
        timing.append(f"trafilatura {traf_seconds:.1f} s")
    sources = Counter(p["source"] for p in pages)
    print(f"{split}: {len(pages)} pages ({', '.join(f'{s} {n}' for s, n in sources.items())}); " + "; ".join(timing))
    return tallies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", default=str(eval_dir()),
                    help="the cache (default $NEWSLINT_EVAL_DIR or /work/evaldata)")
    ap.add_argument("--split", default="tune", choices=("tune",), help="the split looked at closely")
    ap.add_argument("--source", default="", help="only the pages of this source")
    ap.add_argument("--html", action="store_true", help="also lint the pages' HTML")
    ap.add_argument("--spaced", action="store_true",
                    help="lint the text with a blank line between all lines (the layout of shared/corpus/boilerplate)")
    ap.add_argument("--page", action="store_true", help="lint the .txt files in page mode (newslint check --page)")
    ap.add_argument("--trafilatura", action="store_true", help="also measure trafilatura's extraction")
    ap.add_argument("--top", type=int, default=12, help="shapes of missed lines to print")
    ap.add_argument("--wrong", type=int, default=30, help="wrongly flagged article lines to print")
    ap.add_argument("--heldout", action="store_true", help="end with the held-out split's headline figures")
    args = ap.parse_args()
    if args.trafilatura:
        try:
            import trafilatura  # noqa: F401
        except ImportError:
            sys.exit("--trafilatura needs the trafilatura package (pip install trafilatura lxml_html_clean)")
    out = Path(args.eval_dir)
    print(machine())
    tallies = measure(out, args.split, args)
    for method, groups in tallies.items():
        for group in sorted(groups, key=lambda g: (g == "all", g)):
            report(f"{method} [{args.split}, {group}]", groups[group])
    newslint_all = tallies["newslint on .txt"]["all"]
    print_missed(newslint_all, args.top)
    print_wrong(newslint_all, args.wrong)
    if args.heldout:
        print()
        held = measure(out, "heldout", args)
        for method, groups in held.items():
            report(f"HELDOUT (headline only) {method} [all]", groups["all"], detail=False)


if __name__ == "__main__":
    main()
