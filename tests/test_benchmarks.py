"""The benchmark scripts run and print their figures (on a few articles written here, with the
smallest bounds they take). Nothing here looks at a time: speed is what the scripts report,
not what a test asserts."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"

ARTICLE = """Council approves budget after long debate

The city council approved its budget on Tuesday after a debate that ran past midnight.
Councillor Maria Alvarez, 52, said the plan would fund 1,200 new school places.

"We listened to every neighbourhood," Alvarez said. The vote was seven to two.
"""


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for i in range(30):  # enough for a run on all cores (runner.PARALLEL_MIN)
        (folder / f"story-{i:02d}.txt").write_text(ARTICLE.replace("seven", ["seven", "eight", "six"][i % 3]),
                                                   encoding="utf-8")
    return folder


def bench(script: str, *args: str, timeout: float = 240, env: dict | None = None) -> str:
    env = env or {k: v for k, v in os.environ.items() if k != "NEWSLINT_LANGUAGETOOL_URL"}
    proc = subprocess.run([sys.executable, str(BENCHMARKS / script), *args], capture_output=True, text=True,
                          env=env, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.startswith("machine: "), proc.stdout
    return proc.stdout


def test_peers(articles):
    out = bench("peers.py", str(articles), "--repeat", "1", "--no-harper")
    assert "articles: 30 in" in out
    for line in ("newslint -j1", "codespell", "scaling of the command", "linting phase, 1 process"):
        assert line in out, out
    assert "MiB" in out


def test_precommit_latency(articles):
    out = bench("precommit_latency.py", str(articles / "story-00.txt"), "--runs", "2")
    assert "one-file run, 2 runs" in out and "inside one run" in out


def test_service_latency(articles):
    out = bench("service_latency.py", str(articles / "story-00.txt"), "--requests", "20", "--clients", "1,4")
    assert out.count("errors 0;") == 2, out


def test_load(articles):
    out = bench("load.py", str(articles / "story-00.txt"), "--clients", "4", "--seconds", "1")
    assert "errors 0;" in out and "server memory (PSS)" in out


def test_scaling(articles):
    out = bench("scaling.py", str(articles), "--sizes", "1,4", "--articles", "3", "--repeat", "1")
    for line in ("article length", "x1 ", "x10 ", "+1000 phrase rules"):
        assert line in out, out


def test_spelling(articles):
    out = bench("spelling.py", str(articles), "--repeat", "1")
    assert "articles: 30 from" in out and "spelling adds" in out and "one-file CLI run" in out, out


def test_languagetool(articles, languagetool_url):
    out = bench("languagetool.py", str(articles), "--count", "5", "--repeat", "1",
                env={**os.environ, "NEWSLINT_LANGUAGETOOL_URL": languagetool_url})
    assert f"server: {languagetool_url}; articles: 5 from" in out, out
    for line in ("bare server (/v2/check)", "newslint, LanguageTool rule only", "overhead over the bare server"):
        assert line in out, out


def test_lsp_latency(articles):
    out = bench("lsp_latency.py", str(articles / "story-00.txt"), "--changes", "2")
    assert "2 changes: median" in out and "didOpen -> first diagnostics" in out


@pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                    reason="the review page's benchmark needs Chromium and chromedriver: run scripts/browser-deps")
def test_review_page(articles):
    out = bench("review_page.py", str(articles / "story-00.txt"), "--loads", "1")
    assert "first check after the server started" in out and "the same /v1/check from Python" in out


def test_archive(articles, tmp_path):
    out = bench("archive.py", str(articles), "--records", "120", "--phase-records", "60", "--repeat", "1",
                "--workdir", str(tmp_path))
    for line in ("1. cost per article: 30 articles", "check --input-format jsonl (records)",
                 "archive check --workers 2", "scaling 1 -> 2 workers", "the machine's own ceiling",
                 "worker 2: peak RSS", "expected on 32 cores",
                 "3. memory: 120 records"):
        assert line in out, out
    assert len((tmp_path / f"{articles.name}-30-120-named.jsonl").read_text(encoding="utf-8").splitlines()) == 120


def test_articles_scores_a_folder():
    out = bench("articles.py", "--pending")
    assert "contradictions found: " in out and "alarms on " in out
