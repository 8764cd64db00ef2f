"""The HTML report of an archive run: one self-contained page (inline SVG and CSS, no script,
nothing fetched) that an editor can open or mail.

It shows findings per 1,000 words month by month, stacked by family, over the articles
published each month (so that a month of few articles does not look like a clean one); then
each rule with a small line of its monthly rate, and the table of months.
"""
from __future__ import annotations

import math
from html import escape

from .summary import UNKNOWN, families, month_table, per_1k, rule_table, shown

# Okabe-Ito: told apart with the common colour-vision deficiencies
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 960, 300, 56, 28, 12
STRIP = 60  # height of the articles-per-month strip


def month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last (a month without articles is a gap, not skipped)."""
    dated = sorted(m for m in months if m != UNKNOWN)
    if not dated:
        return []
    year, month = map(int, dated[0].split("-"))
    last = tuple(map(int, dated[-1].split("-")))
    out = []
    while (year, month) <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _axis(value: float) -> tuple[float, int]:
    """The top of the y axis (the smallest of 1, 2, 2.5 or 5 times a power of ten that is at
    least `value`) and the number of steps that give round labels."""
    if value <= 0:
        return 1.0, 4
    power = 10 ** math.floor(math.log10(value))
    step = next(step for step in (1, 2, 2.5, 5, 10) if step * power >= value)
    return step * power, {1: 5, 2: 4, 2.5: 5, 5: 5, 10: 5}[step]


def chart(data: dict) -> str:
    """Stacked bars of findings per 1,000 words by family, per month, over a strip of articles."""
    months = month_range(list(data["months"]))
    if not months:
        return "<p>No article has a date, so there is nothing to draw over time.</p>"
    names = families(data)
    rates: dict[str, list[tuple[str, int, float]]] = {m: [] for m in months}  # (family, findings, rate)
    for month in months:
        words = data["months"].get(month, {}).get("words", 0)
        for family in names:
            count = sum(info["months"].get(month, 0) for info in data["rules"].values() if info["family"] == family)
            rates[month].append((family, count, per_1k(count, words)))
    top, steps = _axis(max((sum(r for _, _, r in rates[m]) for m in months), default=0))
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    step = plot_w / len(months)
    bar = max(1.0, step * 0.8)
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT + STRIP + 24}" role="img" '
             f'aria-label="Findings per 1,000 words by month and family">']
    for i in range(steps + 1):  # grid and y axis labels
        value = top * i / steps
        y = TOP + plot_h - plot_h * i / steps
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - 8}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4:.1f}" class="axis" text-anchor="end">{value:g}</text>')
    middle = TOP + plot_h / 2
    parts.append(f'<text x="12" y="{middle:.0f}" class="axis" transform="rotate(-90 12 {middle:.0f})" '
                 'text-anchor="middle">per 1,000 words</text>')
    most = max((data["months"].get(m, {}).get("articles", 0) for m in months), default=0) or 1
    label_every = max(1, round(len(months) / 12))
    for i, month in enumerate(months):
        x = LEFT + i * step + (step - bar) / 2
        y = TOP + plot_h
        for j, (family, count, rate) in enumerate(rates[month]):
            if not count:
                continue
            h = plot_h * rate / top
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                         f'fill="{COLOURS[j % len(COLOURS)]}"><title>{month} · {escape(family)}: {count:,} '
                         f'finding{"" if count == 1 else "s"}, {rate:.2f} per 1,000 words</title></rect>')
        articles = data["months"].get(month, {}).get("articles", 0)
        h = (STRIP - 8) * articles / most
        base = HEIGHT + STRIP
        parts.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" class="strip">'
                     f'<title>{month}: {articles:,} article{"" if articles == 1 else "s"}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{LEFT + i * step + step / 2:.1f}" y="{HEIGHT - 10}" class="axis" '
                         f'text-anchor="middle">{month if label_every < 12 else month[:4]}</text>')
    parts.append(f'<text x="{LEFT}" y="{HEIGHT + 8}" class="axis">articles published</text>')
    parts.append("</svg>")
    legend = "".join(f'<span><i style="background:{COLOURS[j % len(COLOURS)]}"></i>{escape(f)}</span>'
                     for j, f in enumerate(names))
    return f'<div class="legend">{legend}</div>' + "".join(parts)


def sparkline(data: dict, rule: str, months: list[str]) -> str:
    """The rule's monthly rate as a small line on its own scale (its shape over time is the
    point; the table gives the sizes)."""
    if len(months) < 2:
        return ""
    info = data["rules"][rule]
    rates = [per_1k(info["months"].get(m, 0), data["months"].get(m, {}).get("words", 0)) for m in months]
    top = max(rates) or 1
    w, h = 160, 28
    points = " ".join(f"{w * i / (len(months) - 1):.1f},{h - 2 - (h - 4) * rate / top:.1f}"
                      for i, rate in enumerate(rates))
    peak = months[rates.index(max(rates))]
    return (f'<svg class="spark" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img">'
            f'<title>{escape(rule)}: {months[0]} to {months[-1]}, highest {max(rates):.2f} per 1,000 words '
            f'in {peak}</title><polyline points="{points}"/></svg>')


def _table(rows: list[list], extra: list[str] | None = None) -> str:
    head = "".join(f"<th>{escape(str(c))}</th>" for c in rows[0]) + ("<th>by month</th>" if extra else "")
    body = []
    for i, row in enumerate(rows[1:]):
        cells = "".join(f'<td class="{"n" if isinstance(c, (int, float)) else ""}">{escape(shown(c))}</td>'
                        for c in row)
        body.append(f"<tr>{cells}{f'<td>{extra[i]}</td>' if extra else ''}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render(data: dict, title: str = "newslint: archive report") -> str:
    months = month_range(list(data["months"]))
    rules = rule_table(data)
    sparks = [sparkline(data, row[0], months) for row in rules[1:]]
    undated = data["months"].get(UNKNOWN, {}).get("articles", 0)
    facts = [f"{data['articles']:,} articles", f"{data['words']:,} words", f"{data['findings']:,} findings",
             f"{per_1k(data['findings'], data['words']):.2f} per 1,000 words"]
    if months:
        facts.append(f"{months[0]} to {months[-1]}")
    notes = []
    if undated:
        notes.append(f"{undated:,} articles have no date: they count in the totals and the tables, not in the chart.")
    for key, what in (("bad_records", "records could not be linted (archive/bad-record rows)"),
                      ("bad_fields", "headline or date fields were not usable (archive/bad-field rows)"),
                      ("failed_partitions", "partitions failed every attempt (archive/failed-partition rows)")):
        if data.get(key):
            notes.append(f"{data[key]:,} {what}.")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1000px; padding: 0 1rem; color: #222; }}
h1 {{ font-size: 1.5rem; margin-bottom: .2rem; }} .facts {{ color: #555; margin-top: 0; }}
.chart {{ width: 100%; height: auto; }} .grid {{ stroke: #e4e4e4; }} .axis {{ font-size: 11px; fill: #666; }}
.strip {{ fill: #bbb; }} .legend span {{ margin-right: 1rem; font-size: 13px; }}
.legend i {{ display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -1px; }}
table {{ border-collapse: collapse; margin: 1rem 0; font-size: 13px; }}
th, td {{ padding: .25rem .6rem; border-bottom: 1px solid #eee; text-align: left; }} td.n {{ text-align: right; }}
.spark polyline {{ fill: none; stroke: #0072B2; stroke-width: 1.2; }}
</style></head><body>
<h1>{escape(title)}</h1>
<p class="facts">{" · ".join(facts)}</p>
<h2>Findings over time</h2>
<p>Findings per 1,000 words each month, by family; the grey bars below are the articles published that month.</p>
{chart(data)}
{"".join(f"<p>{escape(n)}</p>" for n in notes)}
<h2>By rule</h2>
{_table(rules, sparks)}
<details><summary><h2 style="display:inline">By month</h2></summary>
{_table(month_table(data))}
</details>
</body></html>
"""
