"""Dates in news prose: "March 14, 2023", "14 March 2023", "2023-03-14", weekdays, and the
article's own date (metadata, or a dateline near the top)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

MONTHS = {name: i + 1 for i, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")]) for name in names}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
DATE = re.compile(
    rf"\b(?P<m1>{MONTH_NAME}) (?P<d1>{_DAY})\b(?:,? (?P<y1>{_YEAR})\b)?"
    rf"|\b(?P<d2>{_DAY}) (?:of )?(?P<m2>{MONTH_NAME})(?:,? (?P<y2>{_YEAR})\b)?"
    rf"|\b(?P<y3>{_YEAR})-(?P<m3>0[1-9]|1[0-2])-(?P<d3>[0-2]\d|3[01])\b")
# WEEKDAY is r"\b(?:Monday|...|Sunday)\b" and YEAR r"(?<![\d.,$£€-])(?:1[89]\d\d|20\d\d)(?![\d%]|-\d)",
# written so that every alternative starts with a literal character and checks what stands
# before it with a lookbehind afterwards: the regular-expression engine then skips, in C, to
# the characters that can start a match instead of trying the pattern at every position
# (these scans run over every article; 3-4x faster)
WEEKDAY = re.compile("(?:" + "|".join(rf"{d[0]}(?<!\w.){d[1:]}" for d in WEEKDAYS) + r")\b")
_NOT_AFTER_NUMBER = r"(?<![\d.,$£€-].)"
YEAR = re.compile(rf"(?:1{_NOT_AFTER_NUMBER}[89]\d\d|2{_NOT_AFTER_NUMBER}0\d\d)(?![\d%]|-\d)")
_NUMERIC_DATE = re.compile(r"(\d{4})-(\d\d?)-(\d\d?)(?![\d-])")  # as YAML reads a timestamp's date


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    month: int
    day: int
    year: int | None

    def resolve(self, around: dt.date | None) -> dt.date | None:
        """The date, taking a missing year from `around` (the nearest such date to it)."""
        if self.year is not None:
            return _safe_date(self.year, self.month, self.day)
        if around is None:
            return None
        candidates = [d for d in (_safe_date(around.year + k, self.month, self.day) for k in (-1, 0, 1)) if d]
        return min(candidates, key=lambda d: abs((d - around).days), default=None)


_MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH_NAME}),? (?P<year>{_YEAR})\b")


def latest_stated_date(text: str, dates: list[DateMention]) -> dt.date | None:
    """The latest date the text states with its year ("June 15, 2024", "February 2025", the
    month's middle): a year for its dates without one where the article carries no date of
    its own ("on 3 February" in a story that later says "rainfall totals for February 2025")."""
    stated = [r for r in (d.resolve(None) for d in dates) if r is not None]
    stated += [dt.date(int(m.group("year")), MONTHS[m.group("month").rstrip(".").lower()], 15)
               for m in _MONTH_YEAR.finditer(text)]
    return max(stated, default=None)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    out = []
    for m in DATE.finditer(text, start, len(text) if end is None else end):
        g = m.groupdict()
        if g["m1"]:
            month, day, year = g["m1"], g["d1"], g["y1"]
        elif g["m2"]:
            month, day, year = g["m2"], g["d2"], g["y2"]
        else:
            out.append(DateMention(m.start(), m.end(), int(g["m3"]), int(g["d3"]), int(g["y3"])))
            continue
        out.append(DateMention(m.start(), m.end(), MONTHS[month.rstrip(".").lower()],
                               _day_number(day), int(year) if year else None))
    return out


def _day_number(day: str) -> int:
    """The day of the month as written, ordinal or not: "21st" -> 21."""
    return int(day[:-2] if day.endswith(("st", "nd", "rd", "th")) else day)


def read_date(value: Any) -> dt.date:
    """A metadata date: a date, a datetime, or a string such as 2023-06-18, 2023-06-18T10:00+02:00
    or June 18, 2023. ValueError says why anything else is not one ("2023-02-30", "yesterday")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
        numeric = _NUMERIC_DATE.match(text)
        if numeric:
            try:
                return dt.date(*map(int, numeric.groups()))
            except ValueError as exc:
                raise ValueError(f"not a date: {text} ({exc})") from None
        dated = [d for d in find_dates(text) if d.year is not None]
        resolved = dated[0].resolve(None) if dated else None
        if resolved is not None:
            return resolved
    shown = repr(value.strip()) if isinstance(value, str) else f"{value!r:.60}"
    raise ValueError(f"not a date: {shown} (expected a date such as 2023-06-18)")


def parse_date(value: Any) -> dt.date | None:
    """read_date, or None for a value that is no date (an HTML page's meta date is not checked)."""
    try:
        return read_date(value)
    except ValueError:
        return None


# lines that carry the article's own date: a photo caption or credit, a publication stamp
_DATELINE_CUES = re.compile(r"\((?:L|R|C|left|right|centre|center)\)|\s\|\s|Getty Images|Reuters|\bAFP\b|"
                            r"\bAP\b|Photo:|Image:|Published|Updated|Posted|Filed")


_DATELINE_END = re.compile(r"\s*(?:[-–—]|\()")
_AGENCY_DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?,? "
                              r"\((?:AP|Reuters|AFP)\) [—–-] ")
_FILE_PHOTO = re.compile(r"\bfile (?:photo|picture|image)\b|^FILE\b|\([^()]*,\s*[Ff]ile\)")


def article_date(doc) -> dt.date | None:
    """The article's date: metadata `date` (front matter, --date, the API), else a dateline among
    the first three blocks under the headline: a short line holding a full date ("June 18,
    2023", "Published 18 June 2023"), a caption or credit line with one, or a full date opening
    the block ("WASHINGTON, June 18, 2023 -"); of several dates there, the latest, and none
    from a file photo's caption (the picture is older than the news it illustrates). A date
    inside running prose ("born on 5 April 1920") is not the article's. Cached on the document."""
    if "_article_date" in doc.__dict__:
        return doc.__dict__["_article_date"]
    found = parse_date(doc.metadata.get("date"))
    if found is None:
        for b in [b for b in doc.blocks if b.kind != "heading"][:3]:
            for start, end in _lines(doc.view, b.start, b.end):
                if _FILE_PHOTO.search(doc.view, start, end):
                    continue  # "FILE - In this Nov. 30, 2017 file photo": the picture's date, not the news's
                full = [d for d in find_dates(doc.view, start, end) if d.year is not None]
                # "SELMA, Ala. (AP) — John Lewis saw ... on March 7, 1965": a story's first paragraph
                # after its dateline, whose dates are the story's, unless one opens it
                cued = _DATELINE_CUES.search(doc.view, start, end) and not _AGENCY_DATELINE.match(doc.view, start, end)
                if full and (len(doc.view[start:end].split()) <= 12 or cued
                             or (full[0].start - start <= 40 and _DATELINE_END.match(doc.view, full[0].end))):
                    # the latest: a caption of "a rally on Oct. 2, 2019" that says the talks "began Sept. 30, 2019"
                    found = max((r for r in (d.resolve(None) for d in full) if r is not None), default=None)
                    break
            if found is not None:
                break
    doc.__dict__["_article_date"] = found
    return found


def _lines(view: str, start: int, end: int):
    pos = start
    for line in view[start:end].splitlines(keepends=True):
        yield pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
