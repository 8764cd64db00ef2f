#!/usr/bin/env python3
"""Score the hand-written test articles: how many contradictions are found, how many alarms the clean
controls raise.

    python benchmarks/articles.py [FOLDER | --pending] [--list]

FOLDER holds contradictions/*.md (each names its one contradiction in `expect:` front matter) and
clean/*.md (traps that must stay silent); the default is tests/fixtures/articles, the dev set the
tests run on. A held-out set is kept outside the repository, where nobody tuning the rules reads
it: pass its folder, score it once, at the end, and report it apart from the dev figures (a scored
held-out set is spent: its articles join the dev set). --pending scores
tests/fixtures/articles/pending, articles of kinds not yet handled. A contradiction counts as found
when its expected rule is among the findings of the charged families; an alarm is any other finding
of those families, on either kind of article. Figures per kind (the file name up to its first '-').
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "tests" / "fixtures" / "articles"
CHARGED = ("spelling", "grammar", "consistency", "boilerplate", "style")


def expected_rule(path: Path) -> str:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["expect"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=ARTICLES)
    parser.add_argument("--pending", action="store_true", help="score the articles not yet handled")
    parser.add_argument("--list", action="store_true", help="print each article's findings")
    args = parser.parse_args()
    folder = ARTICLES / "pending" if args.pending else args.folder

    import newslint

    print(machine())
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    alarms: Counter[str] = Counter()
    for path in sorted((folder / "contradictions").glob("*.md")):
        kind = path.stem.split("-")[0]
        want = expected_rule(path)
        rules = [d.rule for d in newslint.check_file(path) if d.family in CHARGED]
        total[kind] += 1
        found[kind] += want in rules
        alarms["contradictions"] += len(rules) - (want in rules)
        if args.list or want not in rules:
            print(f"  {'found' if want in rules else 'MISSED'} {path.name}: {rules}")
    clean = sorted((folder / "clean").glob("*.md"))
    for path in clean:
        findings = [d for d in newslint.check_file(path) if d.family in CHARGED]
        alarms["clean"] += len(findings)
        for d in findings:
            print(f"  ALARM {path.name}:{d.line}:{d.column} {d.rule} {d.message}")
    print(f"folder: {folder}")
    for kind in sorted(total):
        print(f"  {kind:10} found {found[kind]}/{total[kind]}")
    n, k = sum(total.values()), sum(found.values())
    print(f"contradictions found: {k}/{n} ({100 * k / max(n, 1):.0f}%)")
    print(f"extra findings on contradiction articles: {alarms['contradictions']}")
    print(f"alarms on {len(clean)} clean controls: {alarms['clean']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
