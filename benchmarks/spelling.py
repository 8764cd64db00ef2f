#!/usr/bin/env python3
"""What the offline speller costs: linting time with and without the spelling rules, the
lexicon's load time, and a one-file CLI run.

    python benchmarks/spelling.py [FOLDER] [--repeat N]

The engines lint the same texts in one process (parsing included), alternately, best of --repeat
runs each (after a warm-up that loads the lexicon), so that a busy machine disturbs both alike.
The target: the spelling family adds at most 30% to the core rules' linting time.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, best_time, corpus_files, machine  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    from newslint.document.model import Document
    from newslint.run.engine import Engine
    from newslint.settings.config import Config

    files = corpus_files(args.folder)
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in files]
    core = Engine.build(Config(), ignore=["spelling", "grammar"])
    full = Engine.build(Config(), ignore=["grammar"])
    speller = Engine.build(Config(), select=["spelling"])

    def run(engine):
        def lint():  # as `newslint check` does: parse each article, then lint it
            for p, t in texts:
                engine.lint(Document(t, path=p))
        return lint

    t = time.perf_counter()
    from newslint.resources import lexicon
    lexicon.get()
    load = time.perf_counter() - t
    found = sum(len(speller.lint(Document(t, path=p))) for p, t in texts)  # warm-up
    def parse():
        for p, t in texts:
            Document(t, path=p)

    core_t = full_t = spell_t = parse_t = float("inf")
    for _ in range(args.repeat):
        core_t = min(core_t, best_time(run(core), 1))
        full_t = min(full_t, best_time(run(full), 1))
        spell_t = min(spell_t, best_time(run(speller), 1))
        parse_t = min(parse_t, best_time(parse, 1))

    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "story.txt"
        article.write_text(texts[0][1], encoding="utf-8")
        cli = [sys.executable, "-m", "newslint", "check", str(article)]
        env = dict(os.environ)
        one_core = best_time(lambda: subprocess.run(cli + ["--ignore", "spelling,grammar"], capture_output=True,
                                                    env=env), 5)
        one_full = best_time(lambda: subprocess.run(cli + ["--ignore", "grammar"], capture_output=True, env=env), 5)

    print(machine())
    print(f"articles: {len(texts)} from {args.folder}; spelling findings: {found}")
    print(f"lexicon load (from the cache): {load * 1000:.0f} ms")
    print(f"core rules, best of {args.repeat}: {core_t:.3f} s")
    print(f"core + spelling, best of {args.repeat}: {full_t:.3f} s  ->  spelling adds "
          f"{100 * (full_t - core_t) / core_t:.0f}% (target: at most 30%)")
    print(f"spelling rules alone: {spell_t:.3f} s, of which parsing the articles {parse_t:.3f} s"
          f"  ->  the speller itself: {spell_t - parse_t:.3f} s")
    print(f"one-file CLI run: {one_core * 1000:.0f} ms without spelling, {one_full * 1000:.0f} ms with it")


if __name__ == "__main__":
    main()
