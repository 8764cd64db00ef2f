#!/usr/bin/env python3
"""List the candidates for rules/grammar/set-phrases.yaml, each with its matches in clean text.

    python benchmarks/phrase_slips.py [--jar JAR] [FOLDER ...]

The candidates are LanguageTool's English pattern rules (org/languagetool/rules/en/grammar.xml in
language-en, which scripts/languagetool fetches into .cache/languagetool; LGPL 2.1) that are a
fixed run of words, or of a few listed alternatives, with a single suggestion that changes one
word into another real word: "baited breath" -> "bated breath". Rules with an antipattern (a
context LanguageTool itself had to exclude) and rules off by default are left out, and so are
words the lexicon does not know (a non-word is the speller's). For each candidate the script
prints how often it matches the clean text in FOLDER (default: the BBC articles and other
publishers' news) and the first matches, for a reader to choose: a phrase that a correct
sentence also makes, or a usage some editors accept, stays out of the rule.
"""
from __future__ import annotations

import argparse
import itertools
import os
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = "org/languagetool/rules/en/grammar.xml"
OTHER_NEWS = Path(os.environ.get("NEWSLINT_EVAL_DIR", "/work/evaldata")) / "news"  # as benchmarks/precision.py
CATEGORIES = ("CONFUSED_WORDS", "TYPOS", "NONSTANDARD_PHRASES", "GRAMMAR")
WORDS = re.compile(r"[A-Za-z'\-]+(?:\|[A-Za-z'\-]+)*")


def alternatives(pattern: ET.Element) -> list[tuple[list[str], bool]] | None:
    """Each token's words and whether it is marked; None for any token that is not a plain word
    or a short list of them (a part of speech, an exception, a skip)."""
    tokens: list[tuple[list[str], bool]] = []
    for el in pattern:
        if el.tag == "marker":
            inner = alternatives(el)
            if inner is None:
                return None
            tokens += [(words, True) for words, _ in inner]
            continue
        if el.tag != "token" or len(el) or el.attrib.keys() - {"case_sensitive", "regexp", "inflected"}:
            return None
        text = (el.text or "").strip().removeprefix("(?i)").strip("()")
        if not WORDS.fullmatch(text) or ("|" in text and el.get("regexp") != "yes"):
            return None
        tokens.append((text.split("|"), False))
    return tokens


def suggestion(element: ET.Element, words: tuple[str, ...]) -> str | None:
    parts = [element.text or ""]
    for match in element:
        number = int(match.get("no", "0"))
        if match.tag != "match" or not 1 <= number <= len(words) or match.attrib.keys() - {"no"}:
            return None
        parts += [words[number - 1], match.tail or ""]
    text = "".join(parts)
    if any(int(n) > len(words) for n in re.findall(r"\\(\d)", text)):
        return None
    return re.sub(r"\\(\d)", lambda m: words[int(m.group(1)) - 1], text).strip()


def candidates(jar: Path) -> dict[str, str]:
    """phrase -> correction, in the order of the rules."""
    from newslint.resources import lexicon
    text = zipfile.ZipFile(jar).read(GRAMMAR).decode("utf-8")
    root = ET.fromstring(re.sub(r"&(?!amp;|lt;|gt;|quot;|apos;)\w+;", "ENTITY", text).encode())
    found: dict[str, str] = {}
    for category in root.iter("category"):
        if category.get("id") not in CATEGORIES:
            continue
        for child in category:
            group = child.findall("rule") if child.tag == "rulegroup" else [child] if child.tag == "rule" else []
            if child.find("antipattern") is not None or child.get("default") == "off":
                continue
            for rule in group:
                pattern, message = rule.find("pattern"), rule.find("message")
                if rule.find("antipattern") is not None or rule.get("default") == "off" or pattern is None:
                    continue
                tokens = alternatives(pattern)
                offers = message.findall("suggestion") if message is not None else []
                if not tokens or len(tokens) < 2 or len(offers) != 1:
                    continue
                marked = [i for i, (_, m) in enumerate(tokens) if m] or list(range(len(tokens)))
                for words in itertools.islice(itertools.product(*[w for w, _ in tokens]), 12):
                    fixed = (suggestion(offers[0], words) or "").split()
                    if len(fixed) != len(marked):
                        continue
                    changed = [(words[i], new) for i, new in zip(marked, fixed) if words[i].lower() != new.lower()]
                    if len(changed) != 1 or not all(lexicon.known(w) for w in changed[0]):
                        continue
                    whole = list(words)
                    for i, new in zip(marked, fixed):
                        whole[i] = new
                    found.setdefault(" ".join(words).lower(), " ".join(whole))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, help="clean text to match the candidates in")
    jars = sorted((ROOT / ".cache" / "languagetool" / "lib").glob("language-en-*.jar"))
    ap.add_argument("--jar", type=Path, default=jars[-1] if jars else None, help="LanguageTool's language-en jar")
    args = ap.parse_args()
    if args.jar is None or not args.jar.exists():
        sys.exit("no language-en jar: run scripts/languagetool start once, or give --jar")
    found = candidates(args.jar)
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in args.folders or [DEFAULT_CORPUS, OTHER_NEWS] for p in sorted(folder.rglob("*.txt"))]
    print(f"# {len(found)} candidates, matched in {len(texts)} clean texts")
    for phrase, fixed in found.items():
        pattern = re.compile(r"(?<![\w'’-])" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?![\w-]|['’]\w)", re.I)
        hits = [m for text in texts if phrase.split()[0] in text.lower() for m in pattern.finditer(text)]
        print(f"{len(hits)}\t{phrase}\t{fixed}")
        for m in hits[:3]:
            print("\t\t" + m.string[max(0, m.start() - 60):m.end() + 60].replace("\n", " "))


if __name__ == "__main__":
    main()
