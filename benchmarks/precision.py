#!/usr/bin/env python3
"""Precision on published news: how many findings newslint makes on clean text, and how many are real.

    python benchmarks/precision.py [FOLDER] [--split tune|heldout|all] [--labels FILE]
    python benchmarks/precision.py PAGES_DIR --snippets TSV [--labels FILE]

FOLDER is the cache benchmarks/news_corpus.py builds (default $NEWSLINT_EVAL_DIR/news or
/work/evaldata/news; its MANIFEST.tsv gives each article's split). With --snippets, FOLDER holds
whole web pages (traf-*.txt, as ../shared/corpus/boilerplate does) and only the parts the TSV
marks kind=content count: the pages are linted whole, as a user would, and a finding counts when
it touches a content snippet; the words are the snippets' words.

The text is published, so nearly every finding on it is a false alarm unless the publisher
really let a slip through. The script runs `newslint check --format json` (the `newslint` on
PATH, or --command, e.g. 'newslint check -j 1') and prints per family: findings, findings per 1,000 words, findings per
article, and how many carry a safe fix (what `--fix` would apply unread).

With --labels FILE (a TSV kept beside the cache, not in the repository; columns id, rule, line,
column, flagged text, verdict `real`|`false`, note) it also prints per family the share of the
labelled findings that are real slips and the safe fixes that would change correct text (a safe
fix on a finding labelled false), then lists every finding of the judged families (spelling,
grammar, consistency, and any finding with a safe fix) that has no label yet, as a TSV row to
fill in, with its message and the text around it.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import occurrences  # noqa: E402

DEFAULT_FOLDER = Path(os.environ.get("NEWSLINT_EVAL_DIR", "/work/evaldata")) / "news"
JUDGED_FAMILIES = ("spelling", "grammar", "consistency")
FAMILIES = ("spelling", "grammar", "consistency", "boilerplate", "readability", "style")
BATCH = 100  # files per newslint run: one start-up for many articles, short command lines


@dataclass
class Article:
    id: str
    path: Path
    words: int
    spans: list[tuple[int, int]] | None = None  # only these character ranges count (--snippets)


@dataclass
class Finding:
    article: Article
    rule: str
    line: int
    column: int
    offset: int
    length: int
    message: str
    safe_fix: bool

    @property
    def family(self) -> str:
        return self.rule.split("/", 1)[0]

    def key(self) -> tuple[str, str, int, int]:
        return (self.article.id, self.rule, self.line, self.column)

    def flagged(self, text: str) -> str:
        return " ".join(text[self.offset:self.offset + self.length].split())[:80]

    def context(self, text: str, width: int = 70) -> str:
        start, end = self.offset, self.offset + self.length
        before = text[max(0, start - width):start].replace("\n", " ¶ ")
        after = text[end:end + width].replace("\n", " ¶ ")
        return f"…{before}[[{text[start:end]}]]{after}…"


def manifest_articles(folder: Path, split: str) -> list[Article]:
    rows = (folder / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    out = []
    for row in rows[1:]:
        item = dict(zip(header, row.split("\t")))
        if split in ("all", item["split"]):
            out.append(Article(item["id"], folder / item["source"] / f"{item['id']}.txt", int(item["words"])))
    return out


def page_articles(folder: Path, snippets_tsv: Path) -> list[Article]:
    """Pages with content snippets; each counts only where its content snippets lie."""
    snippets = defaultdict(set)
    for row in snippets_tsv.read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 5 and cols[2] == "content" and cols[4].strip():
            snippets[cols[0]].add(cols[4].strip())
    out = []
    for page_id, texts in sorted(snippets.items()):
        path = folder / f"{page_id}.txt"
        if not path.is_file():
            continue
        page = path.read_text(encoding="utf-8")
        found = [s for s in texts if s in page]
        spans = [span for s in found for span in occurrences(page, s)]
        if spans:
            out.append(Article(page_id, path, sum(len(s.split()) for s in found), spans))
    return out


def lint(articles: list[Article], command: list[str]) -> list[Finding]:
    by_path = {str(a.path.resolve()): a for a in articles}
    findings = []
    for start in range(0, len(articles), BATCH):
        paths = [str(a.path.resolve()) for a in articles[start:start + BATCH]]
        proc = subprocess.run([*command, "--format", "json", *paths], capture_output=True, text=True,
                              env={**os.environ, "NO_COLOR": "1"})
        if proc.returncode not in (0, 1):
            sys.exit(f"newslint failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
        for file in json.loads(proc.stdout)["files"]:
            article = by_path[str(Path(file["path"]).resolve())]
            for d in file["diagnostics"]:
                finding = Finding(article, d["rule"], d["line"], d["column"], d["offset"], d["length"],
                                  d["message"], bool(d.get("fix", {}).get("safe")))
                if article.spans is None or any(finding.offset < e and finding.offset + max(finding.length, 1) > s
                                                for s, e in article.spans):
                    findings.append(finding)
        print(f"  linted {min(start + BATCH, len(articles))}/{len(articles)}", file=sys.stderr)
    return findings


def read_labels(path: Path) -> dict[tuple[str, str, int, int], tuple[str, str]]:
    labels = {}
    if not path.exists():
        return labels
    for number, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not row.strip() or row.startswith("#") or row.startswith("id\t"):
            continue
        cols = row.split("\t")
        if len(cols) < 6 or cols[5] not in ("real", "false"):
            sys.exit(f"{path}:{number}: want id, rule, line, column, text, verdict real|false, note")
        labels[(cols[0], cols[1], int(cols[2]), int(cols[3]))] = (cols[5], cols[6] if len(cols) > 6 else "")
    return labels


def judged(finding: Finding) -> bool:
    return finding.family in JUDGED_FAMILIES or finding.safe_fix


def report(articles: list[Article], findings: list[Finding], labels: dict | None) -> None:
    total_words = sum(a.words for a in articles)
    print(f"{len(articles)} articles, {total_words:,} words")
    by_family = defaultdict(list)
    for f in findings:
        by_family[f.family].append(f)
    header = f"{'family':<12} {'findings':>8} {'per 1k w':>8} {'per art.':>8} {'safe fix':>8}"
    if labels is not None:
        header += f" {'labelled':>8} {'real':>5} {'real %':>6} {'safe on false':>13}"
    print(header)
    judged_total = Counter()
    for family in sorted(by_family, key=lambda f: FAMILIES.index(f) if f in FAMILIES else len(FAMILIES)):
        items = by_family[family]
        line = (f"{family:<12} {len(items):>8} {1000 * len(items) / total_words:>8.3f} "
                f"{len(items) / len(articles):>8.2f} {sum(f.safe_fix for f in items):>8}")
        if labels is not None:
            verdicts = [labels[f.key()][0] for f in items if f.key() in labels]
            real = verdicts.count("real")
            damaging = sum(1 for f in items if f.safe_fix and labels.get(f.key(), ("",))[0] == "false")
            share = f"{100 * real / len(verdicts):>5.0f}%" if verdicts else f"{'-':>6}"
            line += f" {len(verdicts):>8} {real:>5} {share} {damaging:>13}"
            if family in JUDGED_FAMILIES:
                judged_total.update(labelled=len(verdicts), real=real, findings=len(items))
        print(line)
    if labels is not None and judged_total["findings"]:
        share = 100 * judged_total["real"] / max(judged_total["labelled"], 1)
        print(f"spelling+grammar+consistency: {judged_total['findings']} findings, "
              f"{1000 * judged_total['findings'] / total_words:.3f} per 1k words, "
              f"{judged_total['real']} real of {judged_total['labelled']} labelled ({share:.0f}%)")
    rules = Counter(f.rule for f in findings)
    print("by rule: " + ", ".join(f"{rule} {n}" for rule, n in rules.most_common()))


def list_unlabelled(findings: list[Finding], labels: dict) -> None:
    todo = [f for f in findings if judged(f) and f.key() not in labels]
    print(f"\n{len(todo)} findings to label (id, rule, line, column, text, verdict, note):")
    texts: dict[Path, str] = {}
    for f in sorted(todo, key=lambda f: (f.rule, f.article.id, f.line, f.column)):
        text = texts.setdefault(f.article.path, f.article.path.read_text(encoding="utf-8"))
        print("\t".join([*map(str, f.key()), f.flagged(text), "", ""]))
        print(f"#   {f.message}{' [safe fix]' if f.safe_fix else ''}")
        print(f"#   {f.context(text)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    ap.add_argument("--split", choices=("tune", "heldout", "all"), default="all")
    ap.add_argument("--snippets", type=Path, help="pages mode: count only the TSV's kind=content snippets")
    ap.add_argument("--labels", type=Path, help="TSV of verdicts (id, rule, line, column, text, verdict, note)")
    ap.add_argument("--command", default="newslint check",
                    help="the check command, options allowed (default: `newslint check` on PATH)")
    args = ap.parse_args()

    if args.snippets:
        articles = page_articles(args.folder, args.snippets)
    else:
        articles = manifest_articles(args.folder, args.split)
    if not articles:
        sys.exit(f"no articles in {args.folder}")
    findings = lint(articles, shlex.split(args.command))
    labels = read_labels(args.labels) if args.labels else None
    report(articles, findings, labels)
    if labels is not None:
        list_unlabelled(findings, labels)


if __name__ == "__main__":
    main()
