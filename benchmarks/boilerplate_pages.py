#!/usr/bin/env python3
"""Boilerplate on whole web pages: which annotated snippets the boilerplate rules flag.

    python benchmarks/boilerplate_pages.py [PAGES_DIR] [--snippets TSV] [--select RULES] [--page] [--list]

PAGES_DIR holds whole web pages as plain text (traf-*.txt: every visible text node, furniture
included; default ../shared/corpus/boilerplate) and the TSV annotates segments of them (columns
id, url, kind, found_in_page_text, snippet; kind is boilerplate, content or comments). Each page
is linted with the selected rules (default: the boilerplate family) and every snippet that occurs
in its page is looked up:

  - a boilerplate snippet counts as flagged when every occurrence of it lies inside findings
    (the fixes would remove it);
  - a content snippet counts as wrongly flagged when any occurrence of it touches a finding
    (the fixes would damage the article).

Prints both rates (and the same for reader comments), the findings per rule, and with --list the
snippets missed and the content wrongly flagged.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import occurrences  # noqa: E402

DEFAULT_PAGES = HERE.parent.parent / "shared" / "corpus" / "boilerplate"


def covered(span: tuple[int, int], intervals: list[tuple[int, int]]) -> float:
    """Share of the span's characters inside the intervals."""
    s, e = span
    inside = sum(max(0, min(e, b) - max(s, a)) for a, b in intervals)
    return inside / max(e - s, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages", nargs="?", default=str(DEFAULT_PAGES))
    ap.add_argument("--snippets", default="")
    ap.add_argument("--select", default="boilerplate")
    ap.add_argument("--list", action="store_true", help="list missed and wrongly flagged snippets")
    ap.add_argument("--page", action="store_true",
                    help="page mode (newslint check --page): the lines the pages share count as furniture")
    args = ap.parse_args()
    pages = Path(args.pages)
    tsv = Path(args.snippets) if args.snippets else pages / "trafilatura_snippets.tsv"

    snippets = defaultdict(list)
    for row in tsv.read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 5 and cols[3] == "True" and cols[4].strip():
            snippets[cols[0]].append((cols[2], cols[4].strip()))

    from newslint.checks.shared.page import run_furniture
    from newslint.run.linter import Linter
    page_files = sorted(pages.glob("traf-*.txt"))
    linter = Linter(select=[s for s in args.select.split(",") if s], page=args.page or None,
                    repeated=run_furniture(page_files) if args.page else frozenset())
    counts, flagged, rules = Counter(), Counter(), Counter()
    listing = []
    lint_time = 0.0
    for path in page_files:
        text = path.read_text(encoding="utf-8")
        t = time.perf_counter()
        diagnostics = linter.lint_file(path).diagnostics
        lint_time += time.perf_counter() - t
        intervals = [(d.offset, d.offset + d.length) for d in diagnostics]
        rules.update(d.rule for d in diagnostics)
        for kind, snippet in snippets.get(path.stem, []):
            spans = occurrences(text, snippet)
            if not spans:
                continue
            counts[kind] += 1
            if kind == "content":
                hit = any(covered(s, intervals) > 0 for s in spans)
            else:
                hit = all(covered(s, intervals) >= 0.999 for s in spans)
            flagged[kind] += hit
            if args.list and (hit if kind == "content" else not hit):
                verdict = "WRONG" if kind == "content" else "MISSED"
                listing.append(f"{verdict:6s} {kind:11s} {path.stem}: {snippet[:90]!r}")

    for line in listing:
        print(line)
    print(f"pages: {len(page_files)} from {pages}; rules: {args.select}{'; page mode' if args.page else ''}; "
          f"linting {lint_time:.2f} s")
    for kind, label in (("boilerplate", "flagged (recall)"), ("comments", "flagged"),
                        ("content", "wrongly flagged")):
        if counts[kind]:
            print(f"{kind:11s} snippets: {counts[kind]:4d}   {label}: {flagged[kind]:4d}  "
                  f"({flagged[kind] / counts[kind]:.1%})")
    print("findings per rule: " + ", ".join(f"{r} {n}" for r, n in rules.most_common()))


if __name__ == "__main__":
    main()
