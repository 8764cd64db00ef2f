#!/usr/bin/env python3
"""The language server's latency: from a change sent to `newslint lsp` to the diagnostics it
publishes for that version, on a 1,000-word document, over standard input and output.

    python benchmarks/lsp_latency.py [FILE] [--changes N] [--debounce MS] [--corpus FOLDER]

Opens the document, waits for its first diagnostics, then sends N changes (default 30), one at
a time, each a word typed into the middle of the text, and times each until publishDiagnostics
with its version arrives. The figure includes the debounce (default 75 ms, as `newslint lsp`
uses; --debounce 0 shows the rest alone). FILE defaults to benchmarks/texts/harbour-article.md
(1,087 words, written for this); with --corpus, the corpus article closest to 1,000 words is
measured too (read at run time, never copied).
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, machine, pct  # noqa: E402
from review_page import ARTICLE, closest_to_1000_words, words  # noqa: E402


async def measure(path: Path, changes: int, debounce: int) -> tuple[float, list[float], int]:
    from lsprotocol import types as lsp
    from pygls.lsp.client import LanguageClient
    from pygls.uris import from_fs_path

    client = LanguageClient("newslint-benchmark", "1")
    arrived: dict[int, float] = {}
    counts: dict[int, int] = {}
    signal = asyncio.Event()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        arrived[params.version] = time.perf_counter()
        counts[params.version] = len(params.diagnostics)
        signal.set()

    async def published(version: int) -> float:
        while version not in arrived:
            signal.clear()
            await asyncio.wait_for(signal.wait(), 60)
        return arrived[version]

    text = path.read_text(encoding="utf-8")
    language = {".md": "markdown", ".html": "html", ".htm": "html"}.get(path.suffix, "plaintext")
    with tempfile.TemporaryDirectory() as folder:  # no .newslint.yaml of the checkout's on the way up
        uri = from_fs_path(str(Path(folder) / f"article{path.suffix}"))
        await client.start_io(sys.executable, "-m", "newslint", "lsp", "--debounce", str(debounce), cwd=folder)
        await client.initialize_async(lsp.InitializeParams(process_id=None, root_uri=from_fs_path(folder),
                                                           capabilities=lsp.ClientCapabilities()))
        client.initialized(lsp.InitializedParams())
        started = time.perf_counter()
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
            uri=uri, language_id=language, version=1, text=text)))
        first = (await published(1) - started) * 1000
        middle = len(text) // 2
        latencies = []
        for version in range(2, changes + 2):
            text = f"{text[:middle]} word{version}{text[middle:]}"  # a word typed in the middle
            sent = time.perf_counter()
            client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))
            latencies.append((await published(version) - sent) * 1000)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return first, sorted(latencies), counts[changes + 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=ARTICLE)
    ap.add_argument("--changes", type=int, default=30)
    ap.add_argument("--debounce", type=int, default=75, metavar="MS")
    ap.add_argument("--corpus", type=Path, nargs="?", const=DEFAULT_CORPUS, default=None,
                    help="also the corpus article closest to 1,000 words (default folder: the project's corpus)")
    args = ap.parse_args()
    articles = [args.file] + ([closest_to_1000_words(args.corpus)] if args.corpus else [])
    results = [(path, asyncio.run(measure(path, max(1, args.changes), args.debounce))) for path in articles]
    print(machine())
    print(f"newslint lsp --debounce {args.debounce} over stdio (pygls client); full-text didChange, "
          "one change at a time; change sent -> publishDiagnostics of that version received")
    for path, (first, latencies, findings) in results:
        print(f"  {path.name} ({words(path.read_text(encoding='utf-8')):,} words, {findings} findings):")
        print(f"    didOpen -> first diagnostics (engine built, lexicon loaded): {first:.0f} ms")
        print(f"    {len(latencies)} changes: median {statistics.median(latencies):.0f} ms, "
              f"p90 {pct(latencies, 0.9):.0f} ms, max {latencies[-1]:.0f} ms  (target: <= 150 ms)")


if __name__ == "__main__":
    main()
