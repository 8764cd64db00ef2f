#!/usr/bin/env python3
"""Scaling: how the cost grows with article length and with the number of rules.

    python benchmarks/scaling.py [FOLDER] [--sizes 1,10,100,1000] [--articles N] [--repeat R]

Length: articles of 1, 10, 100 and 1,000 KB (corpus articles, paragraphs joined, cut at a
paragraph near the size), linted in one process with the default rules; prints the time and
the time per KB, which stays flat when the cost is linear.

Rules: the first N corpus articles (default 200) linted with
  x1     the built-in rules;
  x10    the built-in rules and 9 generated copies of each (same type and options, ids
         <name>-copy1..9), in a rule pack under rule_paths: ten times the rules of every type;
  +1000  the built-in rules and a pack of 1,000 generated phrase rules (existence rules of
         2 to 4 phrases each, 1 to 3 common words a phrase, some of which occur in the news).
For each: the time to load the rules and build the engine (what a one-file run pays) and the
linting time (best of R), and the ratio to x1. Target: the 1,000-phrase pack at most 2x.
The rule packs are written to a temporary folder and deleted afterwards. No LanguageTool.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, best_time, corpus_files, machine  # noqa: E402


def long_article(paragraphs: list[str], size: int) -> str:
    out, total = [], 0
    i = 0
    while total < size:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        total += len(p.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def by_length(files: list[Path], sizes_kb: list[int], repeat: int) -> None:
    from newslint.document.model import Document
    from newslint.run.linter import Linter
    paragraphs = [p.strip() for f in files for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    engine = Linter().engine(None)
    engine.lint(Document(long_article(paragraphs, 4000)))  # lazy resources
    print("article length (default rules, one process):")
    base = None
    for kb in sizes_kb:
        text = long_article(paragraphs, kb * 1024)
        n = len(text.encode("utf-8")) / 1024
        found = []
        seconds = best_time(lambda found=found, text=text: found.append(len(engine.lint(Document(text)))),
                            repeat if kb < 1000 else 1)
        per_kb = seconds / n * 1000
        base = base or per_kb
        print(f"  {n:8.0f} KB  {seconds:8.3f} s  {per_kb:6.2f} ms/KB  ({per_kb / base:.2f}x the 1 KB rate per KB; "
              f"{found[-1]} findings)")


def write_copies(pack: Path, copies: int) -> int:
    from newslint.settings.rulebook import builtin_rules_dir, discover
    n = 0
    for rule_id, path in discover(builtin_rules_dir()):
        family, name = rule_id.split("/", 1)
        (pack / family).mkdir(parents=True, exist_ok=True)
        text = path.read_text(encoding="utf-8")
        for i in range(1, copies + 1):
            (pack / family / f"{name}-copy{i}.yaml").write_text(text, encoding="utf-8")
            n += 1
    return n


def write_phrase_rules(pack: Path, count: int, seed: int = 7) -> int:
    from newslint.resources.lexicon.build import load
    centibels = load("words")[0]
    common = sorted((w for w, cb in centibels.items() if w.isalpha() and w.islower() and len(w) > 2),
                    key=lambda w: (centibels[w], w))[:5000]
    rng = random.Random(seed)
    (pack / "style").mkdir(parents=True, exist_ok=True)
    for i in range(count):
        phrases = {" ".join(rng.choice(common) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(2, 4))}
        tokens = "\n".join(f"  - {p!r}" for p in sorted(phrases))
        (pack / "style" / f"phrase-{i:04d}.yaml").write_text(
            f"extends: existence\nmessage: \"'%s' is on house list {i}\"\nlevel: info\n"
            f"ignorecase: true\ntokens:\n{tokens}\n"
            f"example:\n  fail: \"{sorted(phrases)[0]}\"\n  pass: \"nothing\"\n", encoding="utf-8")
    return count


def by_rules(files: list[Path], articles: int, repeat: int) -> None:
    from newslint.document.model import Document
    from newslint.run.engine import _rule_cache
    from newslint.run.linter import Linter
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in files[:articles]]
    print(f"number of rules ({len(texts)} articles, one process):")
    base = None
    with tempfile.TemporaryDirectory(prefix="newslint-scaling-") as tmp:
        root = Path(tmp)
        setups = {"x1": None}
        pack = root / "x10"
        write_copies(pack, 9)
        setups["x10"] = pack
        pack = root / "phrases"
        write_phrase_rules(pack, 1000)
        setups["+1000 phrase rules"] = pack
        for name, pack in setups.items():
            config = root / f"{name.replace(' ', '_')}.yaml"
            config.write_text(f"rule_paths: [{str(pack)!r}]\n" if pack else "{}\n", encoding="utf-8")
            _rule_cache.clear()  # as a fresh process: rule files read again
            t = time.perf_counter()
            linter = Linter(config_file=config)
            engine = linter.engine(None)
            build = time.perf_counter() - t
            for path, text in texts[:20]:  # lazy resources
                engine.lint(Document(text, path=path))
            counts = []
            seconds = best_time(lambda counts=counts, engine=engine: counts.append(
                sum(len(engine.lint(Document(text, path=path))) for path, text in texts)), repeat)
            base = base or seconds
            print(f"  {name:<20} {len(engine.checks):5d} checks  rules and engine {build:6.3f} s  "
                  f"linting {seconds:6.3f} s  ({seconds / base:.2f}x x1; {counts[-1]} findings)")
    print("  target: the 1,000 phrase rules at most 2x x1")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--sizes", default="1,10,100,1000", help="article sizes in KB")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    os.environ.pop("NEWSLINT_LANGUAGETOOL_URL", None)
    files = corpus_files(args.folder)
    print(machine())
    by_length(files, [int(s) for s in args.sizes.split(",")], args.repeat)
    by_rules(files, args.articles, args.repeat)


if __name__ == "__main__":
    main()
