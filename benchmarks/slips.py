#!/usr/bin/env python3
"""Real-word slips written by hand: how many of them the grammar rules find, and what they say
about the clean paragraphs beside them.

    python benchmarks/slips.py CASES.jsonl [--families grammar,spelling] [--show]

CASES.jsonl holds one case a line: {"id": ..., "text": <a paragraph>, "wrong": <the word
written in error, or null for a clean paragraph>, "right": <the word meant>, "context": <a few
words of the text around the wrong word, which it occurs in once>}. Each paragraph is linted
alone, offline, after a headline line. A slip is found when a finding of one of the families
covers the wrong word in its context; every finding on a clean paragraph, and every other
finding on a slip's paragraph, is a false alarm. The sets are kept outside the repository
(they are held out: read once, then reported).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HEADLINE = "Headline\n\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cases", type=Path)
    ap.add_argument("--families", default="grammar,spelling")
    ap.add_argument("--show", action="store_true", help="list the slips missed and the false alarms")
    args = ap.parse_args()
    os.environ.setdefault("NEWSLINT_LANGUAGETOOL_URL", "off")
    import newslint
    families = set(args.families.split(","))
    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = slips = alarms = clean = words = 0
    for case in cases:
        text = HEADLINE + case["text"] + "\n"
        words += len(case["text"].split())
        findings = [d for d in newslint.check_text(text) if d.family in families]
        hit = None
        if case.get("wrong"):
            slips += 1
            at = text.find(case["context"])
            start = text.find(case["wrong"], at) if at >= 0 else -1
            if start < 0:
                print(f"{case['id']}: the context or the word is not in the text", file=sys.stderr)
                continue
            hit = next((d for d in findings if d.offset < start + len(case["wrong"]) and start < d.offset + d.length),
                       None)
            found += hit is not None
            if hit is None and args.show:
                print(f"missed  {case['id']}: {case['wrong']} -> {case['right']}: …{case['context']}…")
        else:
            clean += 1
        for d in findings:
            if d is not hit:
                alarms += 1
                if args.show:
                    print(f"alarm   {case['id']}: [{d.rule}] {d.message}")
    print(f"{len(cases)} cases, {words:,} words: slips found {found} of {slips} ({found / max(slips, 1):.2f}); "
          f"false alarms {alarms} ({1000 * alarms / max(words, 1):.2f} per 1,000 words), over {clean} clean "
          f"paragraphs and the slips' own")


if __name__ == "__main__":
    main()
