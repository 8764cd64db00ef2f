#!/usr/bin/env python3
"""Build the local cache of other publishers' news (not the BBC) that measures precision (issue 11).

    python benchmarks/news_corpus.py SNAPSHOT [SNAPSHOT ...] [--out DIR]

Each SNAPSHOT is the git directory of a fetched public repository (the search tool's `fetch`
puts them under /work/.mirror/OWNER+NAME/repo); the script knows the repositories below by the
commit it reads from them. It writes, under DIR (default $NEWSLINT_EVAL_DIR or /work/evaldata):

    news/<source>/<id>.txt   newslint's plain-text layout: the headline, a blank line, then the
                             paragraphs separated by blank lines
    news/MANIFEST.tsv        id, source, publisher, region, url, date, split, words
    news/SOURCES.md          where every source came from, its commit and licence

The split is fixed by a hash of the id: `tune` (2/3) to look at while fixing rules, `heldout`
(1/3) to report only. The choice of articles is fixed by another hash, so the cache is the same
on every machine. The article texts are the publishers' and are kept out of the repository.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlparse

DEFAULT_OUT = Path(os.environ.get("NEWSLINT_EVAL_DIR", "/work/evaldata"))
MIN_WORDS, MAX_WORDS = 150, 2500

# AllSides publishers taken, with how many articles each: wire services, newspapers,
# broadcasters' sites, business and tech, political magazines; two UK papers that are not the BBC.
ALLSIDES_QUOTA = {
    "Reuters": ("Reuters", "US", 30),
    "Associated Press": ("Associated Press", "US", 30),
    "New York Times - News": ("The New York Times", "US", 20),
    "USA TODAY": ("USA Today", "US", 20),
    "Washington Times": ("The Washington Times", "US", 15),
    "Wall Street Journal - News": ("The Wall Street Journal", "US", 10),
    "Washington Post": ("The Washington Post", "US", 10),
    "New York Post": ("New York Post", "US", 10),
    "Chicago Sun-Times": ("Chicago Sun-Times", "US", 10),
    "NPR Online News": ("NPR", "US", 20),
    "CNN (Web News)": ("CNN", "US", 20),
    "Fox News": ("Fox News", "US", 15),
    "CBS News": ("CBS News", "US", 8),
    "ABC News": ("ABC News", "US", 8),
    "NBC News (Online)": ("NBC News", "US", 8),
    "CNBC": ("CNBC", "US", 12),
    "MarketWatch": ("MarketWatch", "US", 12),
    "Business Insider": ("Business Insider", "US", 10),
    "Bloomberg": ("Bloomberg", "US", 10),
    "Politico": ("Politico", "US", 12),
    "The Hill": ("The Hill", "US", 12),
    "Vox": ("Vox", "US", 8),
    "Christian Science Monitor": ("The Christian Science Monitor", "US", 8),
    "The Atlantic": ("The Atlantic", "US", 6),
    "Breitbart News": ("Breitbart", "US", 6),
    "The Guardian": ("The Guardian", "UK", 25),
    "Daily Mail": ("Daily Mail", "UK", 15),
}

# Extraction-benchmark pages by site: the region of the UK sites (the rest are US unless listed).
NON_US_SITES = {
    "express.co.uk": "UK", "telegraph.co.uk": "UK", "thesun.co.uk": "UK", "news.sky.com": "UK",
    "cityam.com": "UK", "theguardian.com": "UK", "morebikes.co.uk": "UK",
    "aljazeera.com": "other", "ctvnews.ca": "other", "sportsnet.ca": "other", "jpost.com": "other",
    "deccanherald.com": "other", "rt.com": "other", "sputniknews.com": "other",
    "panarmenian.net": "other", "albawaba.com": "other", "indiapost.com": "other",
    "moneycontrol.com": "other", "newsnation.in": "other", "linknaija.com": "other",
    "theparadigmng.com": "other", "pv-magazine.com": "other",
}
EXCLUDED_SITES = ("bbc.com", "bbc.co.uk")  # the material newslint was tuned on
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it on was with as by be at this from have are not".split())


@dataclass
class Article:
    id: str
    source: str
    publisher: str
    region: str
    url: str
    date: str
    headline: str
    body: str

    def text(self) -> str:
        """Headline, blank line, paragraphs separated by blank lines; every line stripped."""
        paragraphs = [p for p in (" ".join(line.split()) for line in self.body.splitlines()) if p]
        return " ".join(self.headline.split()) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def stable_hash(salt: str, key: str) -> int:
    return int(hashlib.sha1(f"{salt}:{key}".encode()).hexdigest(), 16)


def split_of(article_id: str) -> str:
    return "heldout" if stable_hash("newslint-split", article_id) % 3 == 0 else "tune"


class Snapshot:
    """Reads blobs of one commit of a fetched bare repository (no work tree needed)."""

    def __init__(self, git_dir: Path, commit: str):
        self.git_dir, self.commit = git_dir, commit

    def has_commit(self) -> bool:
        return subprocess.run(["git", "--git-dir", str(self.git_dir), "cat-file", "-e", f"{self.commit}^{{commit}}"],
                              capture_output=True).returncode == 0

    def read(self, path: str) -> bytes:
        return subprocess.run(["git", "--git-dir", str(self.git_dir), "show", f"{self.commit}:{path}"],
                              capture_output=True, check=True).stdout

    def blobs(self, folder: str) -> Iterator[tuple[str, bytes]]:
        """(path, content) of every file under `folder`, read in one `git cat-file --batch`."""
        listing = subprocess.run(["git", "--git-dir", str(self.git_dir), "ls-tree", "-r", self.commit, folder],
                                 capture_output=True, text=True, check=True).stdout.splitlines()
        entries = [(line.split("\t", 1)[1], line.split()[2]) for line in listing]
        batch = subprocess.run(["git", "--git-dir", str(self.git_dir), "cat-file", "--batch"],
                               input="\n".join(sha for _, sha in entries).encode() + b"\n",
                               capture_output=True, check=True).stdout
        at = 0
        for path, _ in entries:
            header_end = batch.index(b"\n", at)
            size = int(batch[at:header_end].split()[2])
            yield path, batch[header_end + 1:header_end + 1 + size]
            at = header_end + 1 + size + 1


def words(text: str) -> int:
    return len(text.split())


def allsides(snapshot: Snapshot) -> list[Article]:
    """News articles of the publishers in ALLSIDES_QUOTA, the first of each by a fixed hash."""
    candidates: dict[str, list[tuple[int, Article]]] = {}
    seen_titles: set[str] = set()
    for _, blob in snapshot.blobs("data/jsons"):
        item = json.loads(blob)
        if item["source"] not in ALLSIDES_QUOTA:
            continue
        publisher, region, _ = ALLSIDES_QUOTA[item["source"]]
        body, date = item["content_original"], item["date"]
        year = date[:4]
        if not (MIN_WORDS <= words(body) <= MAX_WORDS) or body.count("\n\n") < 2:
            continue
        if year.isdigit() and int(year) < 2010 or not item["title"].strip():
            continue
        article = Article(f"as-{item['ID']}", "allsides", publisher, region, item["url"], date,
                          item["title"], body)
        candidates.setdefault(item["source"], []).append((stable_hash("newslint-select", item["ID"]), article))
    out = []
    for name, (_, _, quota) in ALLSIDES_QUOTA.items():
        for _, article in sorted(candidates.get(name, []), key=lambda pair: pair[0]):
            title_key = article.headline.lower().strip()
            if title_key in seen_titles:
                continue
            seen_titles.add(title_key)
            out.append(article)
            quota -= 1
            if not quota:
                break
    return out


class _TitleParser(HTMLParser):
    """The page's og:title, else its <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.og_title = ""
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("property") == "og:title" and not self.og_title:
            self.og_title = attributes.get("content") or ""
        self._in_title = tag == "title" and not self.title

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


SITE_SUFFIX = re.compile(r"\s+[|\-–—]\s+(?:(?!\s[|\-–—]\s).){1,40}$")


def page_headline(html: str) -> str:
    parser = _TitleParser()
    parser.feed(html)
    title = " ".join((parser.og_title or parser.title).split())
    while SITE_SUFFIX.search(title) and words(SITE_SUFFIX.sub("", title)) >= 4:
        title = SITE_SUFFIX.sub("", title)  # "Headline | Site" -> "Headline"
    return title


def is_english(text: str) -> bool:
    tokens = re.findall(r"[a-z]+", text.lower())
    return bool(tokens) and sum(t in ENGLISH_FUNCTION_WORDS for t in tokens) / len(tokens) > 0.2


def extraction_benchmark(snapshot: Snapshot) -> list[Article]:
    """The hand-annotated article bodies of the English pages (not the BBC's)."""
    truth = json.loads(snapshot.read("ground-truth.json"))
    out = []
    for key, item in sorted(truth.items()):
        site = urlparse(item["url"]).netloc.removeprefix("www.")
        body = item["articleBody"]
        if site.endswith(EXCLUDED_SITES) or not is_english(body) or not (MIN_WORDS <= words(body) <= MAX_WORDS):
            continue
        html = gzip.decompress(snapshot.read(f"html/{key}.html.gz")).decode("utf-8", "replace")
        headline = page_headline(html)
        if not headline:
            continue
        out.append(Article(f"sh-{key[:16]}", "scrapinghub", site, NON_US_SITES.get(site, "US"),
                           item["url"], "", headline, body))
    return out


@dataclass(frozen=True)
class Source:
    name: str
    repository: str
    commit: str
    licence: str
    description: str
    build: Callable[[Snapshot], list[Article]]


SOURCES = (
    Source("allsides", "ramybaly/Article-Bias-Prediction", "ced8111a720948e6a410e52031ace99c4e53f096",
           "repository: Apache-2.0; the article texts remain the publishers' (collected for research)",
           "37,554 articles crawled from allsides.com in 2020 (Baly et al., EMNLP 2020), body text "
           "as newspaper3k extracted it (`content_original`, paragraphs kept), dated 2012-2020. "
           "Taken: the publishers in ALLSIDES_QUOTA, news desks only, "
           f"{MIN_WORDS}-{MAX_WORDS} words, at least three paragraphs, one article per headline.",
           allsides),
    Source("scrapinghub", "scrapinghub/article-extraction-benchmark", "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010",
           "repository and data: MIT (README, 'License is MIT'); the article texts remain the publishers'",
           "181 pages (2019-2020) with a hand-annotated article body (`ground-truth.json`); the "
           "headline is the page's og:title or <title> without a site-name suffix. Taken: the "
           f"English pages, not the BBC's, of {MIN_WORDS}-{MAX_WORDS} words.",
           extraction_benchmark),
)


def write_cache(articles: list[Article], used: list[Source], out: Path) -> None:
    news = out / "news"
    rows = ["id\tsource\tpublisher\tregion\turl\tdate\tsplit\twords"]
    for article in articles:
        folder = news / article.source
        folder.mkdir(parents=True, exist_ok=True)
        text = article.text()
        (folder / f"{article.id}.txt").write_text(text, encoding="utf-8")
        rows.append("\t".join([article.id, article.source, article.publisher, article.region, article.url,
                               article.date, split_of(article.id), str(words(text))]))
    (news / "MANIFEST.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")

    per_publisher = Counter((a.source, a.publisher, a.region, split_of(a.id)) for a in articles)
    lines = ["# Other publishers' news for newslint's precision measurement",
             "", "Built by benchmarks/news_corpus.py. Research use only; never copy these texts "
             "into the repository.", ""]
    for source in used:
        lines += [f"## {source.name}", "", f"- repository: https://github.com/{source.repository}",
                  f"- commit: {source.commit}", f"- licence: {source.licence}", f"- {source.description}", "",
                  "| publisher | region | tune | heldout |", "|---|---|---|---|"]
        publishers = sorted({(p, r) for s, p, r, _ in per_publisher if s == source.name})
        for publisher, region in publishers:
            lines.append(f"| {publisher} | {region} | {per_publisher[(source.name, publisher, region, 'tune')]} "
                         f"| {per_publisher[(source.name, publisher, region, 'heldout')]} |")
        lines.append("")
    (news / "SOURCES.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("snapshots", nargs="+", type=Path, help="git directories of the fetched repositories")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()

    articles: list[Article] = []
    used: list[Source] = []
    for git_dir in args.snapshots:
        known = [s for s in SOURCES if Snapshot(git_dir, s.commit).has_commit()]
        if not known:
            sys.exit(f"{git_dir}: holds none of the expected commits "
                     + ", ".join(f"{s.repository}@{s.commit[:10]}" for s in SOURCES))
        for source in known:
            taken = source.build(Snapshot(git_dir, source.commit))
            print(f"{source.name}: {len(taken)} articles, {sum(words(a.text()) for a in taken):,} words")
            articles += taken
            used.append(source)
    write_cache(articles, used, args.out)
    by_split = Counter(split_of(a.id) for a in articles)
    print(f"{len(articles)} articles in {args.out / 'news'} (tune {by_split['tune']}, heldout {by_split['heldout']})")


if __name__ == "__main__":
    main()
