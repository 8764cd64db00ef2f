#!/usr/bin/env python3
"""The review page's first check: from the click on Check to the findings highlighted, in
headless Chromium against the real `newslint serve` on loopback.

    python benchmarks/review_page.py [FILE] [--loads N] [--corpus FOLDER]

Each of N page loads (default 10) pastes the article into a freshly loaded page and clicks
Check; the page times its own check (the request to /v1/check, the answer, the highlights, the
list and the statistics drawn) and the figure is read from it. The first load is the first
check after the server started (it warms its engines before it answers). FILE defaults to the
1,087-word article written for this (benchmarks/texts/harbour-article.md); with --corpus, the
corpus article closest to 1,000 words is measured too (read at run time, never copied). Needs
Chromium and chromedriver (scripts/browser-deps) and selenium (the test dependencies).
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, corpus_files, machine, pct, server  # noqa: E402

HERE = Path(__file__).resolve().parent
ARTICLE = HERE / "texts" / "harbour-article.md"
PASTE_AND_CHECK = """
const text = document.getElementById('text');
text.focus();
document.execCommand('insertText', false, arguments[0]);
document.getElementById('format').value = arguments[1];
document.getElementById('check').click();
"""


def words(text: str) -> int:
    return len(text.split())


def closest_to_1000_words(folder: Path) -> Path:
    return min(corpus_files(folder), key=lambda p: (abs(words(p.read_text(encoding="utf-8")) - 1000), p.name))


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    chromium, driver = shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")
    if not (chromium and driver):
        sys.exit("review_page.py needs Chromium and chromedriver: run scripts/browser-deps")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1366,768"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(executable_path=driver))


def first_check_ms(driver, port: int, text: str, fmt: str) -> tuple[float, int]:
    """One fresh page load: paste, click Check, wait for the page to say it has drawn the findings."""
    driver.get(f"http://127.0.0.1:{port}/")
    driver.execute_script(PASTE_AND_CHECK, text, fmt)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        done = driver.execute_script("return [document.body.dataset.checks, document.body.dataset.checkMs,"
                                     " document.querySelectorAll('#findings li.finding').length]")
        if done[0] == "1":
            return float(done[1]), done[2]
        time.sleep(0.005)
    sys.exit("the page did not finish its check within 30 s")


def api_ms(port: int, text: str, fmt: str, repeat: int) -> list[float]:
    """The same request from Python: the server's share of the figure."""
    import http.client
    body = json.dumps({"text": text, "format": fmt, "statistics": True}).encode()
    times = []
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(repeat):
        started = time.perf_counter()
        conn.request("POST", "/v1/check", body=body, headers={"Content-Type": "application/json"})
        conn.getresponse().read()
        times.append((time.perf_counter() - started) * 1000)
    conn.close()
    return sorted(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=ARTICLE)
    ap.add_argument("--loads", type=int, default=10)
    ap.add_argument("--corpus", type=Path, nargs="?", const=DEFAULT_CORPUS, default=None,
                    help="also the corpus article closest to 1,000 words (default folder: the project's corpus)")
    args = ap.parse_args()
    articles = [args.file] + ([closest_to_1000_words(args.corpus)] if args.corpus else [])
    driver = browser()
    rows = []
    try:
        with server() as (_, port):
            for path in articles:
                text = path.read_text(encoding="utf-8")
                fmt = {".md": "markdown", ".html": "html", ".htm": "html"}.get(path.suffix, "text")
                runs = [first_check_ms(driver, port, text, fmt) for _ in range(max(1, args.loads))]
                rows.append((path, words(text), runs, api_ms(port, text, fmt, 20)))
    finally:
        driver.quit()
    print(machine())
    print("newslint serve (default rules, no LanguageTool); headless Chromium 1366x768; "
          "click on Check -> findings drawn, as the page times it")
    for path, count, runs, api in rows:
        times = sorted(ms for ms, _ in runs)
        print(f"  {path.name} ({count:,} words, {runs[0][1]} findings), {len(runs)} page loads:")
        print(f"    first check after the server started: {runs[0][0]:.0f} ms")
        print(f"    first check of a fresh page: median {statistics.median(times):.0f} ms, "
              f"p90 {pct(times, 0.9):.0f} ms, max {times[-1]:.0f} ms  (target: <= 200 ms)")
        print(f"    the same /v1/check from Python: median {statistics.median(api):.1f} ms")


if __name__ == "__main__":
    main()
