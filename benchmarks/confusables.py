#!/usr/bin/env python3
"""Recall and false alarms of grammar/confusion by confusion set, from swaps injected into clean text.

    python benchmarks/confusables.py [FOLDER ...] [--heldout SET ...] [--ratios 20,50,100,200]
                                     [--show-false N] [--rule FILE]

For every sentence of the articles in FOLDER (default ../shared/corpus/news) that holds a word
of a confusion set, one such word is swapped for another member of its set ("than" -> "then",
"lose" -> "loose"), at most one a sentence, and the rule is run once an article. A swap counts as
found when the rule flags that word and suggests the word it replaced. The unchanged articles
give the false alarms: findings per 1,000 words, each listed with its context (--show-false).

The threshold is swept in-process (--ratios): the model's likelihood ratio of every verdict is
kept, so one run prints recall and false alarms at each threshold, one for all sets; the last
column is the rule as configured (its own thresholds per set, its unless_earlier words). Sets named with
--heldout (as written in the rule, "accept/except") are reported apart: leave them out of tuning.
--rule reads the sets from another rule file (a house's), default rules/grammar/confusion.yaml.
--clean-sets FILE writes the sets never flagged on the clean text, each with its number of
swaps (how rules/grammar/homophones.yaml was chosen: benchmarks/homophone_sets.py).
--also adds the findings of other rule files (rules/grammar/subject-agreement.yaml: has/have and
was/were need the subject) to the last column: a swap counts as found when any of them finds it.
"""
from __future__ import annotations

import argparse
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, corpus_files  # noqa: E402

from newslint.checks.confusion import Confusion, _plain  # noqa: E402
from newslint.checks.shared.check import BuildContext  # noqa: E402
from newslint.checks.shared.phrases import PhraseIndex  # noqa: E402
from newslint.document.model import Document  # noqa: E402
from newslint.settings.rulebook import load_rule  # noqa: E402

RULE = Path(__file__).resolve().parent.parent / "rules" / "grammar" / "confusion.yaml"


def verdicts(check: Confusion, doc: Document) -> dict[int, tuple[str, float]]:
    """Token start -> (likeliest other member, log ratio), whatever the threshold."""
    return {tok.start: (verdict.word, verdict.log_ratio) for tok, verdict in check.verdicts(doc)}


def inject(doc: Document, check: Confusion, rng: random.Random) -> tuple[str, list[tuple[int, str, str, str]]]:
    """The text with one member swapped in each sentence that has one, and the swaps as (offset
    in the new text, set, word written, word replaced)."""
    text, tokens = doc.view, doc.tokens
    chosen = []
    for s, e in doc.sentences:
        members = [t for t in (tokens[i] for i in doc.token_range(s, e))
                   if t.kind == "word" and t.text.islower() and _plain(t.text) in check.rivals]
        if members:
            tok = rng.choice(members)
            original = _plain(tok.text)
            name, _ = rng.choice(check.rivals[original])
            chosen.append((tok.start, tok.end, original, name))
    out, swaps, at, shift = [], [], 0, 0
    for start, end, original, written in chosen:
        out.append(text[at:start] + written)
        swaps.append((start + shift, set_of(check, original, written), written, original))
        shift += len(written) - (end - start)
        at = end
    out.append(text[at:])
    return "".join(out), swaps


def _in_split(path: Path, folder: str, split: str | None) -> bool:
    """Whether the article is of the split that the folder's MANIFEST.tsv (id, ..., split) gives it."""
    if split is None:
        return True
    if folder not in _splits:
        rows = (line.split("\t") for line in (Path(folder) / "MANIFEST.tsv").read_text().splitlines()[1:])
        _splits[folder] = {row[0]: row[6] for row in rows if len(row) > 6}
    return _splits[folder].get(path.stem) == split


_splits: dict[str, dict[str, str]] = {}


def set_of(check: Confusion, a: str, b: str) -> str:
    return next(entry for entry in check.options["sets"] if {a, b} <= {_plain(m) for m in entry.split("/")})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", default=[str(DEFAULT_CORPUS)])
    ap.add_argument("--heldout", nargs="*", default=[])
    ap.add_argument("--ratios", default="10,20,30,50,100,200,500")
    ap.add_argument("--show-false", type=int, default=0, help="list this many of the rule's findings on clean text")
    ap.add_argument("--rule", default=str(RULE))
    ap.add_argument("--also", nargs="*", default=[], help="other rule files whose findings count in the last column")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--split", choices=["tune", "heldout"], help="only the articles of this split (MANIFEST.tsv)")
    ap.add_argument("--clean-sets", metavar="FILE", help="write the sets that the rule as configured flagged nowhere "
                    "in the clean text, one a line, each with its number of swaps")
    args = ap.parse_args()
    rule = load_rule("grammar/" + Path(args.rule).stem, Path(args.rule))
    check = Confusion(rule, BuildContext(PhraseIndex()))
    others = [_check(Path(p)) for p in args.also]
    ratios = [float(r) for r in args.ratios.split(",")]
    found: dict[str, list[float]] = defaultdict(list)  # set -> log ratio per swap (-inf: missed)
    caught: dict[str, list[bool]] = defaultdict(list)  # set -> whether the rule as configured found each swap
    false: list[tuple[float, str, str, str]] = []  # every verdict on clean text: (log ratio, suggestion, context, set)
    reported: list[str] = []  # what the rule as configured reports on clean text
    flagged_sets: set[str] = set()  # the sets of those findings
    words = 0
    for path in (p for folder in args.folders for p in corpus_files(folder) if _in_split(p, folder, args.split)):
        doc = Document(path.read_text(encoding="utf-8", errors="replace"), path=str(path))
        words += doc.words
        flagged = {d.offset for d in check.check(doc)}
        for offset, (suggestion, log_ratio) in verdicts(check, doc).items():
            context = doc.view[max(0, offset - 40):offset + 40].replace("\n", " ")
            written = _plain(doc.tokens[doc.token_range(offset, offset + 1).start].text).lower()
            false.append((log_ratio, suggestion, f"{path.name}: …{context}…", set_of(check, written, suggestion)))
            if offset in flagged:
                flagged_sets.add(false[-1][3])
                reported.append(f"{math.exp(log_ratio):9.0f}  -> {suggestion:12} {path.name}: …{context}…")
        for other in others:
            for d in other.check(doc):
                context = doc.view[max(0, d.offset - 40):d.offset + 40].replace("\n", " ")
                reported.append(f"{'-':>9}  -> {d.suggestions[0]:12} {path.name}: …{context}… [{other.rule.id}]")
        text, swaps = inject(doc, check, random.Random(f"{args.seed}:{path.name}"))
        injected = Document(text, path=str(path))
        got = verdicts(check, injected)
        flagged_suggestions = {d.offset: d.suggestions[0].lower() for d in check.check(injected)}
        for other in others:
            flagged_suggestions.update((d.offset, d.suggestions[0].lower()) for d in other.check(injected)
                                       if d.suggestions and d.offset not in flagged_suggestions)
        for offset, name, _, original in swaps:
            suggestion, log_ratio = got.get(offset, ("", -math.inf))
            found[name].append(log_ratio if suggestion == original else -math.inf)
            caught[name].append(flagged_suggestions.get(offset) == original)
    _print(found, caught, false, reported, words, ratios, set(args.heldout))
    if args.clean_sets:
        sets = [entry.strip() for entry in check.options["sets"]]
        Path(args.clean_sets).write_text("".join(f"{name}\t{len(found.get(name, ()))}\n" for name in sets
                                                 if name not in flagged_sets))
    # the model's findings by ratio, then the other rules' ("-")
    for line in sorted(reported, key=lambda r: -float(r.split()[0].replace("-", "inf")))[:args.show_false]:
        print(line)


def _check(path: Path):
    """The check of another rule file (its type's class, built as the linter builds it)."""
    from newslint.checks import check_class
    rule = load_rule(f"{path.parent.name}/{path.stem}", path)
    return check_class(rule.extends)(rule, BuildContext(PhraseIndex()))


def _mean(values) -> float:
    values = list(values)
    return sum(values) / max(len(values), 1)


def _print(found, caught, false, reported, words: int, ratios: list[float], heldout: set[str]) -> None:
    tuned, held = sorted(n for n in found if n not in heldout), sorted(n for n in found if n in heldout)
    print(f"{words:,} words; false alarms per 1,000 words, and recall by set, at each min_ratio")
    print(f"{'min_ratio':>24} " + " ".join(f"{r:>6g}" for r in ratios) + "  the rule")
    print(f"{'false alarms /1k':>24} " + " ".join(
        f"{1000 * sum(1 for f in false if f[0] >= math.log(r)) / max(words, 1):6.3f}" for r in ratios)
        + f"  {1000 * len(reported) / max(words, 1):.3f} ({len(reported)})")
    print(f"{'the rule as configured':>24}: recall {_mean(x for n in tuned for x in caught[n]):.3f} tuned, "
          f"{_mean(x for n in held for x in caught[n]):.3f} held out (swaps pooled); mean of the sets' recalls "
          f"{_mean(_mean(caught[n]) for n in tuned):.3f} tuned, {_mean(_mean(caught[n]) for n in held):.3f} held out")
    for label, names in (("tuned", tuned), ("held out", held)):
        if not names:
            continue
        swaps = [x for n in names for x in found[n]]
        print(f"{label + ' recall':>24} " + " ".join(
            f"{sum(1 for x in swaps if x >= math.log(r)) / len(swaps):6.3f}" for r in ratios)
            + f"  {_mean(x for n in names for x in caught[n]):.3f}  n={len(swaps)}")
        for name in names:
            xs = found[name]
            print(f"{name:>24} " + " ".join(f"{sum(1 for x in xs if x >= math.log(r)) / len(xs):6.2f}"
                                             for r in ratios) + f"  {_mean(caught[name]):.2f}  n={len(xs)}")
            print(f"{'false alarms':>24} " + " ".join(
                f"{sum(1 for f in false if f[3] == name and f[0] >= math.log(r)):6d}" for r in ratios))


if __name__ == "__main__":
    main()
