"""The summary of an archive run: findings per rule and per month, as counts and as rates per
1,000 words, so that months and rules of different sizes can be compared.

It is built as the rows stream out (after the baseline, if any) from the partitions' counts of
articles and words per month, kept as JSON (`--summary FILE.json`) and shown as tables
(`newslint archive summary FILE.json`) or as an HTML report (`--report`).
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

from .article import FAMILIES
from .records import PartitionResult
from .schema import BAD_FIELD, BAD_RECORD, FAILED_PARTITION

VERSION = 1
UNKNOWN = "unknown"  # the month of articles without a usable date


def per_1k(count: int, words: int) -> float:
    return 1000 * count / words if words else 0.0


class Summary:
    def __init__(self) -> None:
        self.months: dict[str, list[int]] = {}  # month -> [articles, words]
        self.rules: dict[str, dict[str, int]] = {}  # rule -> month -> findings
        self.affected: Counter = Counter()  # rule -> articles with at least one of its findings
        self.records = self.bad_records = self.bad_fields = self.failed_partitions = 0

    def add_partition(self, result: PartitionResult) -> None:
        self.records += result.records
        self.bad_records += result.bad_records
        self.failed_partitions += result.failed
        for month, (articles, words) in result.months.items():
            counts = self.months.setdefault(month, [0, 0])
            counts[0] += articles
            counts[1] += words

    def add_article(self, rows: list[dict]) -> None:
        """The rows of one article, as reported (run-level rows counted apart)."""
        seen = set()
        for row in rows:
            rule = row["rule"]
            if rule == BAD_FIELD:
                self.bad_fields += 1
            elif rule not in (BAD_RECORD, FAILED_PARTITION):
                month = row["date"][:7] if row["date"] else UNKNOWN
                by_month = self.rules.setdefault(rule, {})
                by_month[month] = by_month.get(month, 0) + 1
                seen.add(rule)
        self.affected.update(seen)

    def to_dict(self) -> dict:
        months = {m: {"articles": a, "words": w, "findings": sum(r.get(m, 0) for r in self.rules.values())}
                  for m, (a, w) in sorted(self.months.items())}
        rules = {rule: {"family": rule.split("/", 1)[0], "findings": sum(by_month.values()),
                        "articles": self.affected[rule], "months": dict(sorted(by_month.items()))}
                 for rule, by_month in sorted(self.rules.items())}
        return {"version": VERSION, "tool": "newslint", "records": self.records,
                "articles": sum(a for a, _ in self.months.values()), "words": sum(w for _, w in self.months.values()),
                "findings": sum(r["findings"] for r in rules.values()), "bad_records": self.bad_records,
                "bad_fields": self.bad_fields, "failed_partitions": self.failed_partitions,
                "months": months, "rules": rules}

    def line(self) -> str:
        """One line for standard error at the end of a run."""
        data = self.to_dict()
        out = (f"{data['articles']:,} articles, {data['words']:,} words, {data['findings']:,} findings "
               f"({per_1k(data['findings'], data['words']):.2f} per 1,000 words)")
        for key, what in (("bad_records", "bad record"), ("bad_fields", "unusable field"),
                          ("failed_partitions", "failed partition")):
            if data[key]:
                out += f", {data[key]:,} {what}{'' if data[key] == 1 else 's'}"
        return out


def write(path: Path, summary: Summary) -> None:
    from .article import NewslintError
    try:
        path.write_text(json.dumps(summary.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise NewslintError(f"cannot write the summary: {exc.strerror or exc}", str(path)) from None


def load(path: Path) -> dict:
    from .article import NewslintError
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION or not isinstance(data.get("months"), dict) \
                or not isinstance(data.get("rules"), dict):
            raise ValueError(f"expected version {VERSION} with months and rules")
        return data
    except OSError as exc:
        raise NewslintError(f"cannot read the summary: {exc.strerror or exc}", str(path)) from None
    except (ValueError, AttributeError) as exc:
        raise NewslintError(f"not a summary of 'newslint archive' ({exc})", str(path)) from None


def families(data: dict) -> list[str]:
    """The families that have findings, in the usual order."""
    present = {info["family"] for info in data["rules"].values()}
    return [f for f in FAMILIES if f in present] + sorted(present - set(FAMILIES))


def rule_table(data: dict) -> list[list]:
    """Per rule: findings, articles, per 1,000 words, and the month of its highest rate."""
    words = data["words"]
    rows: list[list] = [["rule", "findings", "articles", "per 1,000 words", "peak month", "peak per 1,000 words"]]
    ranked = sorted(data["rules"].items(), key=lambda item: (-item[1]["findings"], item[0]))
    for rule, info in ranked:
        rates = {m: per_1k(n, data["months"].get(m, {}).get("words", 0)) for m, n in info["months"].items()
                 if m != UNKNOWN}
        peak = max(rates, key=lambda m: (rates[m], m), default="")
        rows.append([rule, info["findings"], info["articles"], round(per_1k(info["findings"], words), 3), peak,
                     round(rates[peak], 3) if peak else ""])
    return rows


def month_table(data: dict) -> list[list]:
    """Per month: articles, words, findings, per 1,000 words, and the findings of each family."""
    names = families(data)
    rows: list[list] = [["month", "articles", "words", "findings", "per 1,000 words", *names]]
    for month, info in data["months"].items():
        by_family: Counter[str] = Counter()
        for rule_info in data["rules"].values():
            by_family[rule_info["family"]] += rule_info["months"].get(month, 0)
        rows.append([month, info["articles"], info["words"], info["findings"],
                     round(per_1k(info["findings"], info["words"]), 3), *(by_family[f] for f in names)])
    return rows


def render(data: dict, tables: str = "both", fmt: str = "text") -> str:
    chosen = [t for name, t in (("rule", rule_table), ("month", month_table)) if tables in (name, "both")]
    out = []
    for table in chosen:
        rows = table(data)
        if fmt == "csv":
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(rows)
            out.append(buffer.getvalue())
        else:
            out.append(_aligned(rows))
    return "\n".join(out)


def shown(value) -> str:
    """A table cell: counts with thousands separators, rates to three decimals."""
    return f"{value:,}" if isinstance(value, int) else f"{value:.3f}" if isinstance(value, float) else str(value)


def _aligned(rows: list[list]) -> str:
    cells = [[shown(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()
             for row in cells]
    return "\n".join(lines) + "\n"
