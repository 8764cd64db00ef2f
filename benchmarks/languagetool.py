#!/usr/bin/env python3
"""LanguageTool throughput: newslint's LanguageTool rule against the bare server, same texts.

    python benchmarks/languagetool.py [FOLDER] [--url URL] [--count N] [--repeat R]

The server: --url, else $NEWSLINT_LANGUAGETOOL_URL, else one started with scripts/languagetool
(and stopped afterwards). Three runs over the same articles, one request at a time:
  bare      POST /v2/check with the text and the grammar rule's disabled rules and categories
            (what newslint sends), through `requests` as language-tool-python does;
  grammar   newslint with only its LanguageTool rule (parse, request, map matches, filter);
  all       newslint with every default rule and LanguageTool on.
A warm-up pass first fills the server's caches, so all three meet a warm server; each figure is
the best of --repeat. Prints articles per second and newslint's overhead over the bare server.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _common import DEFAULT_CORPUS, best_time, corpus_files, machine  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--url", default=os.environ.get("NEWSLINT_LANGUAGETOOL_URL"))
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    started = False
    if not args.url:
        out = subprocess.run(["bash", str(HERE.parent / "scripts" / "languagetool"), "start", "8097"],
                             capture_output=True, text=True, check=True)
        args.url, started = out.stdout.strip().splitlines()[-1], True
    os.environ["NEWSLINT_LANGUAGETOOL_URL"] = args.url
    try:
        run(args)
    finally:
        if started:
            subprocess.run(["bash", str(HERE.parent / "scripts" / "languagetool"), "stop"], check=False)


def run(args) -> None:
    import requests

    from newslint.document.model import Document
    from newslint.run.engine import Engine
    from newslint.settings.config import Config

    files = corpus_files(args.folder)[:args.count]
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in files]
    grammar = Engine.build(Config(), select=["grammar/languagetool"])
    full = Engine.build(Config())
    check = grammar.checks[0]
    opts = check.options

    def bare():
        for path, text in texts:
            doc = Document(text, path=path)  # the same text newslint sends: the prose view
            params = {"language": check._language(doc), "text": doc.view,
                      "disabledRules": ",".join(opts["disabled_rules"]),
                      "disabledCategories": ",".join(opts["disabled_categories"])}
            r = requests.post(args.url.rstrip("/") + "/v2/check", data=params, timeout=60)
            r.raise_for_status()
            r.json()

    def newslint(engine):
        def lint():
            for path, text in texts:
                engine.lint(Document(text, path=path))
        return lint

    newslint(grammar)()  # warm-up: server caches, lexicon, client
    if grammar.notices():
        raise SystemExit(f"LanguageTool is not answering: {grammar.notices()}")
    times = {"bare": float("inf"), "grammar": float("inf"), "all": float("inf")}
    for _ in range(args.repeat):
        for name, fn in (("bare", bare), ("grammar", newslint(grammar)), ("all", newslint(full))):
            times[name] = min(times[name], best_time(fn, 1))  # alternately, so load hits all three alike
    n = len(texts)
    print(machine())
    print(f"server: {args.url}; articles: {n} from {args.folder}; best of {args.repeat}, warm server")
    for name, label in (("bare", "bare server (/v2/check)"), ("grammar", "newslint, LanguageTool rule only"),
                        ("all", "newslint, all rules + LanguageTool")):
        print(f"{label:38s} {times[name]:7.2f} s  {n / times[name]:6.1f} articles/s")
    print(f"newslint's overhead over the bare server: {100 * (times['grammar'] - times['bare']) / times['bare']:.0f}%"
          f" (LanguageTool rule only), {100 * (times['all'] - times['bare']) / times['bare']:.0f}% (all rules);"
          " target 15%")


if __name__ == "__main__":
    main()
