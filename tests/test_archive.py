"""Archives of records (issue 17): JSON lines and Parquet in, finding rows out, the same rows from
one process and from a Dask cluster of two worker processes on loopback, retries, bad records,
baselines, summaries and the HTML report.

The archive is generated here from sentences written for these tests (a few thousand records),
some with debris, doubled words or misspellings put in, some broken on purpose.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import run_cli
from distributed import Client, LocalCluster

import newslint
from newslint.archive import ArticleSettings, Settings, lint_bag, lint_records, plan, run_dask, run_local
from newslint.archive.schema import BAD_FIELD, BAD_RECORD, COLUMNS, FAILED_PARTITION

NAMES = ["Maria Alvarez", "Tom Becker", "Aisha Khan", "Peter Novak", "Lena Ortiz", "Sam Okafor", "Ruth Lindqvist"]
PLACES = ["Riverton", "Eastport", "Hollow Creek", "Marlow", "Stanfield", "Brockley"]
THINGS = ["library", "bridge", "bus depot", "swimming pool", "school", "clinic", "market hall"]
HEADLINES = ["{place} council approves new {thing}", "{name} to lead new {place} {thing} review",
             "Delays hit {thing} project in {place}", "{place} residents vote on new {thing} plans"]
SENTENCES = [
    "{name}, {age}, said the {thing} would open next spring.",
    "The council in {place} approved the plan by {n} votes to {m}.",
    "Work on the {thing} is expected to cost about {n} million dollars.",
    "Residents of {place} have waited years for a new {thing}.",
    "{name} told reporters that the budget was tight but fair.",
    "The {thing} will employ {n} people when it opens, officials said.",
    "Critics argued that the money should go to roads instead.",
    "A public meeting on the plans is planned for next month in {place}.",
]
DEBRIS = ["Leave a Reply", "Articles You May Like", "Share this article on Facebook"]
TYPOS = [("would open", "would would open"), ("residents", "residants"), ("approved", "aproved")]
RECORDS = 3000


def compose(rng: random.Random, number: int) -> dict:
    fill = {"name": rng.choice(NAMES), "place": rng.choice(PLACES), "thing": rng.choice(THINGS),
            "age": rng.randint(30, 70), "n": rng.randint(3, 90), "m": rng.randint(1, 2)}
    paragraphs = []
    for _ in range(rng.randint(2, 4)):
        paragraphs.append(" ".join(rng.choice(SENTENCES).format(**fill) for _ in range(rng.randint(1, 3))))
    body = "\n\n".join(paragraphs)
    roll = rng.random()
    if roll < 0.08:
        body += "\n\n" + rng.choice(DEBRIS)
    elif roll < 0.2:
        plain, broken = rng.choice(TYPOS)
        body = body.replace(plain, broken, 1)
    day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
    record = {"id": f"story-{number:05d}", "headline": rng.choice(HEADLINES).format(**fill), "body": body,
              "date": day.isoformat(), "url": f"https://example.org/{number}"}
    if rng.random() < 0.05:
        record["headline"] = record["headline"].replace("new", "nwe").replace("Delays", "Deleys")  # in the headline
    return record


# a few records that cannot be linted, or not whole, at fixed places
BROKEN = {
    17: b'{"id": "story-00017", "body": 42, "date": "2022-03-01"}',
    450: b'{"headline": "No id here", "body": "An article without an id."}',
    901: b'{"id": "story-00901", "body": "cut off',
    1333: b'{"id": "story-01333", "body": "bad \xff byte in the text"}',
    2100: b'{"id": "story-02100", "body": "a lone \\ud800 surrogate"}',
    2222: b'{"id": "story-02222", "body": "The vote was close.", "date": "the day after"}',
    2500: b'["not", "an", "object"]',
}


def records(count: int = RECORDS, seed: int = 17) -> list[dict]:
    rng = random.Random(seed)
    return [compose(rng, i) for i in range(count)]


def write_jsonl(path: Path, rows: list[dict], broken: dict[int, bytes] | None = None) -> Path:
    with open(path, "wb") as out:
        for i, record in enumerate(rows):
            out.write((broken or {}).get(i, json.dumps(record).encode()) + b"\n")
    return path


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("archive") / "news.jsonl", records(), BROKEN)


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread each, on loopback."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as local, Client(local) as client:
        yield client


SETTINGS = Settings(ArticleSettings(), text_field="body", id_field="id", date_field="date", title_field="headline")
FIELDS = ["--text-field", "body", "--id-field", "id", "--date-field", "date", "--title-field", "headline"]


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def single(archive, tmp_path_factory) -> Path:
    """The rows of the one-process run (`newslint check --input-format jsonl`), with its summary
    (summary.json) and report (report.html) beside them."""
    folder = tmp_path_factory.mktemp("single")
    out = folder / "findings.jsonl"
    code, _, err = run_cli("check", "--input-format", "jsonl", *FIELDS, str(archive), "--output", str(out),
                           "--summary", str(folder / "summary.json"), "--report", str(folder / "report.html"))
    assert code == 1, err  # the bad records are errors
    return out


@pytest.fixture(scope="module")
def partitions(archive) -> tuple[list, list]:
    """The archive's partitions of 256 KB, and their results in this process."""
    parts = plan([str(archive)], None, SETTINGS, 256 * 1024)
    results: list = []
    run_local(parts, SETTINGS, results.append)
    return parts, results


# one process --------------------------------------------------------------------------------

def test_rows_point_at_the_flagged_text_of_their_field(archive, single):
    texts = {r["id"]: r for r in records()}
    rows = rows_of(single)
    assert [list(row) for row in rows[:1]] == [list(COLUMNS)]
    checked = {"body": 0, "headline": 0}
    for row in rows:
        if row["family"] == "archive":
            continue
        text = texts[row["id"]][row["field"]]
        assert " ".join(text[row["offset"]:row["offset"] + row["length"]].split()) == row["flagged"], row
        lines = text.splitlines()
        start = sum(len(line) + 1 for line in lines[:row["line"] - 1]) + row["column"] - 1
        assert start == row["offset"], row
        assert row["date"] == texts[row["id"]]["date"]
        checked[row["field"]] += 1
    assert checked["body"] > 300 and checked["headline"] > 50, checked


def test_rows_are_what_the_api_finds_in_the_article_put_in_field_coordinates(single):
    """The headline is linted as the article's first line, a blank line above the body: the
    rows are the API's diagnostics of that text, moved into the coordinates of their field."""
    rows = rows_of(single)
    for i, record in list(enumerate(records()))[:300:3]:
        headline, body = record["headline"], record["body"]
        if i in BROKEN:
            continue
        expected = []
        for d in newslint.check_text(f"{headline}\n\n{body}", metadata={"date": record["date"]}):
            in_body = d.offset >= len(headline) + 2
            expected.append((d.rule, "body" if in_body else "headline", d.line - 2 if in_body else d.line, d.column,
                             d.offset - (len(headline) + 2 if in_body else 0), d.length, d.message))
        got = [(r["rule"], r["field"], r["line"], r["column"], r["offset"], r["length"], r["message"])
               for r in rows if r["id"] == record["id"]]
        assert got == expected, record["id"]


def test_bad_records_are_rows_of_their_own_and_the_run_goes_on(archive, single):
    rows = rows_of(single)
    bad = {row["source"]: row for row in rows if row["family"] == "archive"}
    offsets = {}
    at = 0
    for i, line in enumerate(archive.read_bytes().split(b"\n")):
        offsets[i] = at
        at += len(line) + 1
    messages = {i: bad[f"{archive}, byte {offsets[i]}"] for i in BROKEN}
    assert messages[17]["rule"] == BAD_RECORD and messages[17]["id"] == "story-00017"
    assert "field 'body' must be a string, not int" in messages[17]["message"]
    assert messages[450]["id"] is None and "'id' (the id) is missing" in messages[450]["message"]
    assert messages[901]["message"].startswith("not JSON")
    assert "not valid UTF-8: byte 0xff" in messages[1333]["message"]
    assert "cannot be encoded" in messages[2100]["message"]
    assert messages[2222]["rule"] == BAD_FIELD and messages[2222]["level"] == "warning"
    assert "not a date: 'the day after'; linted without it" in messages[2222]["message"]
    assert messages[2500]["message"] == "not a JSON object"
    assert len(bad) == len(BROKEN)
    linted = {row["id"] for row in rows}
    assert "story-02999" in linted or any(r["id"] == "story-02998" for r in rows)  # it read to the end


def test_parquet_in_and_out_give_the_same_rows(archive, single, tmp_path):
    good = [r for i, r in enumerate(records()) if i not in BROKEN]
    table = pa.Table.from_pylist(good)
    source = tmp_path / "news.parquet"
    pq.write_table(table, source, row_group_size=400)  # several row groups, several partitions
    out = tmp_path / "findings.parquet"
    code, _, err = run_cli("check", "--input-format", "parquet", *FIELDS, str(source), "--output", str(out))
    assert code == 1, err
    from_parquet = pq.read_table(out).to_pylist()
    expected = [r for r in rows_of(single) if r["family"] != "archive" and r["id"] not in
                {"story-00017", "story-01333", "story-02100", "story-02222", "story-00901"}]
    assert from_parquet == expected
    assert pq.read_table(out).schema.names == list(COLUMNS)


def test_parquet_text_that_is_not_utf8_is_a_bad_record(tmp_path):
    table = pa.table({"id": ["a", "b"], "body": pa.array([b"Fine words here.", b"broken \xfe text"], pa.binary())})
    pq.write_table(table, tmp_path / "bin.parquet")
    code, out, err = run_cli("check", "--input-format", "parquet", str(tmp_path / "bin.parquet"), "--output", "-")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1, err
    assert [(r["id"], r["rule"]) for r in rows] == [("b", BAD_RECORD)]
    assert "not valid UTF-8: byte 0xfe at byte 7" in rows[0]["message"] and rows[0]["source"].endswith("row 1")


def test_a_misspelt_field_is_one_error_not_a_row_per_record(archive, tmp_path):
    code, _, err = run_cli("check", "--input-format", "jsonl", "--text-field", "text", str(archive))
    assert code == 2
    assert "the first record has no field 'text' (--text-field)" in err and "body" in err


def test_file_options_are_refused_with_records(archive):
    code, _, err = run_cli("check", "--input-format", "jsonl", "--format", "sarif", str(archive))
    assert code == 2 and "--format cannot be used with --input-format" in err


# the cluster --------------------------------------------------------------------------------

def test_the_cluster_gives_the_rows_of_one_process(archive, single, cluster, tmp_path):
    out = tmp_path / "findings.jsonl"
    code, _, err = run_cli("archive", "check", "--scheduler", cluster.scheduler.address, *FIELDS, str(archive),
                           "--partition-size", "64KB", "--output", str(out))
    assert code == 1, err
    assert len(plan([str(archive)], None, SETTINGS, 64 * 1024)) > 8  # many partitions, both workers busy
    assert out.read_bytes() == single.read_bytes()
    assert "2,994 articles" in err


@dataclass(frozen=True)
class Flaky:
    """A partition whose first attempt fails (an exception, or its worker process dies)."""

    part: Any
    marker: str
    crash: bool = False

    def describe(self) -> str:
        return self.part.describe()

    def records(self):
        if not os.path.exists(self.marker):
            Path(self.marker).write_text("failed once", encoding="utf-8")
            if self.crash:
                os._exit(1)
            raise OSError("the share went away for a moment")
        return self.part.records()


@dataclass(frozen=True)
class Broken:
    part: Any

    def describe(self) -> str:
        return self.part.describe()

    def records(self):
        raise OSError("this partition cannot be read")


def test_a_failed_partition_is_retried(partitions, cluster, tmp_path):
    parts, expected = partitions
    flaky = list(parts)
    flaky[1] = Flaky(parts[1], str(tmp_path / "raised"))
    flaky[3] = Flaky(parts[3], str(tmp_path / "crashed"), crash=True)
    got: list = []
    run_dask(cluster, flaky, SETTINGS, got.append, retries=2)
    assert (tmp_path / "raised").exists() and (tmp_path / "crashed").exists()  # both failed once
    assert got == expected


def test_a_partition_that_fails_every_attempt_is_a_row_and_the_rest_is_linted(partitions, cluster):
    parts, expected = partitions
    got: list = []
    run_dask(cluster, [parts[0], Broken(parts[1]), *parts[2:]], SETTINGS, got.append, retries=1)
    assert got[0] == expected[0] and got[2:] == expected[2:]
    (row,), = got[1].articles
    assert got[1].failed and row["rule"] == FAILED_PARTITION and row["source"] == parts[1].describe()
    assert row["message"] == "partition not linted after 2 attempts: OSError: this partition cannot be read"


def test_lint_bag_of_records(cluster):
    import dask.bag as db
    sample = records(400, seed=5)
    got = cluster.compute(lint_bag(db.from_sequence(sample, npartitions=5), SETTINGS)).result()
    expected = lint_records(((str(i), r) for i, r in enumerate(sample)), SETTINGS)
    assert got == [row for rows in expected.articles for row in rows]
    assert len(got) > 20


# baselines, summaries, the report -----------------------------------------------------------

def test_an_archive_baseline_leaves_out_what_it_recorded(archive, single, tmp_path):
    baseline = tmp_path / "baseline.json"
    code, _, err = run_cli("archive", "baseline", str(single), "-o", str(baseline))
    assert code == 0 and "recorded" in err
    later = records()
    later[5]["body"] += "\n\nArticles You May Like"  # new debris in an old article
    later[6]["body"] = "Leave a Reply\n\n" + later[6]["body"]  # and lines above the old findings
    edited = write_jsonl(tmp_path / "later.jsonl", later, BROKEN)
    out = tmp_path / "new.jsonl"
    code, _, err = run_cli("check", "--input-format", "jsonl", *FIELDS, str(edited), "--baseline", str(baseline),
                           "--output", str(out))
    new = rows_of(out)
    assert {(r["id"], r["flagged"]) for r in new if r["id"] is not None} == {
        ("story-00005", "Articles You May Like"), ("story-00006", "Leave a Reply")}
    without_id = [r for r in rows_of(single) if r["id"] is None]  # no id: nothing to match them on
    assert len(without_id) == 4
    assert [r["message"] for r in new if r["id"] is None] == [r["message"] for r in without_id]
    assert f"{len(rows_of(single)) - 4:,} findings in the baseline not reported" in err
    code, _, err = run_cli("check", "--input-format", "jsonl", str(edited), "--baseline", str(tmp_path / "nope.json"))
    assert code == 2


def test_a_file_baseline_is_refused_for_an_archive(archive, tmp_path, write):
    write("story.txt", "Leave a Reply\n")
    assert run_cli("baseline", str(tmp_path / "story.txt"), "-o", str(tmp_path / "files.json"))[0] == 0
    code, _, err = run_cli("check", "--input-format", "jsonl", str(archive), "--baseline", str(tmp_path / "files.json"))
    assert code == 2 and "a baseline of files" in err


def test_summary_counts_and_rates_per_rule_and_month(single):
    summary, out = single.parent / "summary.json", single
    data = json.loads(summary.read_text(encoding="utf-8"))
    rows = [r for r in rows_of(out) if r["family"] != "archive"]
    dated = [r for i, r in enumerate(records()) if i not in BROKEN]
    assert data["records"] == RECORDS and data["bad_records"] == 6 and data["bad_fields"] == 1
    assert data["articles"] == RECORDS - 6
    assert data["months"]["unknown"]["articles"] == 1  # story-02222, linted without its date
    for month in ("2021-01", "2022-07", "2023-12"):
        assert data["months"][month]["articles"] == sum(r["date"][:7] == month for r in dated)
        assert data["months"][month]["findings"] == sum(r["date"][:7] == month for r in rows)
    rule = "boilerplate/comment-form"
    assert data["rules"][rule]["findings"] == sum(r["rule"] == rule for r in rows) > 10
    assert data["rules"][rule]["articles"] == len({r["id"] for r in rows if r["rule"] == rule})
    words = data["words"]
    assert 30 * data["articles"] < words < 200 * data["articles"]
    code, text, _ = run_cli("archive", "summary", str(summary))
    assert code == 0
    line = next(row for row in text.splitlines() if row.startswith(rule))
    assert line.split()[1] == f"{data['rules'][rule]['findings']:,}"
    assert line.split()[3] == f"{1000 * data['rules'][rule]['findings'] / words:.3f}"
    code, csv_text, _ = run_cli("archive", "summary", str(summary), "--by", "month", "--format", "csv")
    head, *body = csv_text.splitlines()
    assert head.startswith('month,articles,words,findings,"per 1,000 words"')
    assert len(body) == len(data["months"])


def test_the_report_is_one_page_with_a_chart_over_time(single, tmp_path):
    summary, report = single.parent / "summary.json", tmp_path / "report.html"
    code, _, err = run_cli("archive", "report", str(summary), "-o", str(report), "--title", "Riverton Gazette")
    page = report.read_text(encoding="utf-8")
    assert code == 0, err
    assert "<svg" in page and "<title>Riverton Gazette</title>" in page
    assert (single.parent / "report.html").read_text(encoding="utf-8") == page.replace(
        "Riverton Gazette", "newslint: archive report")  # --report on the run writes the same page
    for remote in ("<script", "src=", "http://", "https://", "@import", "url("):
        assert remote not in page, remote
    data = json.loads(summary.read_text(encoding="utf-8"))
    count = data["rules"]["boilerplate/comment-form"]["months"]
    month = max(count, key=count.get)
    family_total = sum(info["months"].get(month, 0) for info in data["rules"].values()
                       if info["family"] == "boilerplate")
    assert f"{month} · boilerplate: {family_total:,} finding" in page
    assert f"{month}: {data['months'][month]['articles']:,} articles" in page
    assert page.count('class="spark"') == len(data["rules"])


# packaging ----------------------------------------------------------------------------------

def test_without_the_extra_the_error_names_it(archive, tmp_path):
    code = ("import sys\nsys.modules['distributed'] = None\nsys.modules['pyarrow'] = None\n"
            "from newslint.app.cli import main\n"
            f"a = main(['archive', 'check', {str(archive)!r}])\n"
            f"b = main(['check', '--input-format', 'parquet', {str(archive)!r}])\n"
            "sys.exit(10 * a + b)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 22, proc.stderr
    assert proc.stderr.count("pip install 'newslint[archive]'") == 2, proc.stderr
    assert "newslint archive needs the 'distributed' package" in proc.stderr
    assert "reading Parquet needs the 'pyarrow' package" in proc.stderr


def test_the_check_command_does_not_load_the_archive(write, tmp_path):
    write("story.txt", "Council approves budget\n\nThe council approved the budget on Tuesday.\n")
    registered = ("newslint.archive.cli", "newslint.archive.schema")  # what the parser needs
    code = ("import sys\nfrom newslint.app.cli import main\nmain(['check', 'story.txt'])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pyarrow')"
            f" or m.startswith('newslint.archive.') and m not in {registered!r}))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr
