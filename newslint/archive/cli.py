"""The archive's commands: `newslint check --input-format jsonl|parquet ...` (one process) and
`newslint archive check|baseline|summary|report` (a Dask cluster, baselines, summaries).

The main CLI only registers these (add_record_options, add_archive_commands) and hands the
parsed arguments over (check_records, main); nothing here is imported before it is used.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# the options of `newslint check` that `newslint archive check` takes as they are
LINTER_OPTIONS = ("config", "select", "ignore", "fail_on", "baseline", "max_bytes", "date")

ARCHIVE_EPILOG = """\
examples:
  newslint archive check --text-field body --id-field id --date-field date news.jsonl --output findings.parquet
  newslint archive check --scheduler tcp://10.0.0.5:8786 --summary summary.json --report report.html s3://bucket/news/
  newslint archive baseline findings.parquet -o archive-baseline.json
  newslint archive check --baseline archive-baseline.json ... news.parquet     only findings not in the baseline
  newslint archive summary summary.json                                       per rule and per month
  newslint archive report summary.json -o report.html                         the chart over time

rows:  id, date, field, rule, family, level, message, line, column, end_line, end_column, offset,
       length, flagged, context_before, context_after, suggestions, source
needs: pip install 'newslint[archive]' (dask[distributed], pyarrow)
"""


def add_record_options(parser: argparse.ArgumentParser) -> None:
    """The options that read an archive's records and write its findings as rows."""
    from .schema import INPUT_FORMATS, OUTPUT_FORMATS
    group = parser.add_argument_group("archives of records (JSON lines or Parquet; see 'newslint archive --help')")
    group.add_argument("--input-format", choices=INPUT_FORMATS,
                       help="read the inputs as records, one article each (archive check: default from the extension)")
    group.add_argument("--text-field", default="body", metavar="NAME",
                       help="the field of the article's text (default: body)")
    group.add_argument("--id-field", default="id", metavar="NAME", help="the field of the article's id (default: id)")
    group.add_argument("--date-field", metavar="NAME", help="the field of its publication date, for the date rules")
    group.add_argument("--title-field", metavar="NAME",
                       help="the field of its headline, linted as the article's first line")
    group.add_argument("--text-format", choices=("text", "markdown", "html"), default="text",
                       help="how the text field is written (default: text)")
    group.add_argument("--output", metavar="FILE",
                       help="write the findings as rows to FILE: .parquet is Parquet, else JSON lines "
                            "('-': JSON lines on standard output; default: text lines there)")
    group.add_argument("--output-format", choices=OUTPUT_FORMATS, help="the format of --output, whatever its extension")
    group.add_argument("--summary", type=Path, metavar="FILE",
                       help="write the summary (per rule and per month, rates per 1,000 words) as JSON")
    group.add_argument("--report", type=Path, metavar="FILE", help="write the HTML report with the chart over time")


def add_archive_commands(sub, check: argparse.ArgumentParser) -> None:
    """`newslint archive ...`; its check takes the linter options of `check` (as they are there)."""
    archive = sub.add_parser("archive", help="lint an archive of records on a Dask cluster; baselines, summaries",
                             description="Lint archives stored as JSON lines or Parquet, partition by partition "
                                         "on a Dask cluster (a local one by default), and summarise them.",
                             epilog=ARCHIVE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = archive.add_subparsers(dest="archive_command", metavar="ACTION", required=True)

    run = actions.add_parser("check", help="lint an archive's records on a Dask cluster",
                             description="Lint the records of JSON-lines or Parquet files (or folders of them) on "
                                         "a Dask cluster and write one row per finding.",
                             epilog=ARCHIVE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("paths", nargs="+", metavar="ARCHIVE", help="JSON-lines or Parquet files, or folders of them")
    for action in check._actions:
        if action.dest in LINTER_OPTIONS:
            run._add_action(action)
    add_record_options(run)
    cluster = run.add_argument_group("the cluster")
    cluster.add_argument("--scheduler", metavar="ADDRESS",
                         help="the Dask scheduler, e.g. tcp://HOST:8786 (default: a local cluster on loopback)")
    cluster.add_argument("--workers", type=int, metavar="N",
                         help="worker processes of the local cluster (default: one per core)")
    cluster.add_argument("--partition-size", type=_size, default="1MB", metavar="SIZE",
                         help="bytes of archive per partition (default: 1MB, some 400 articles); "
                              "a Parquet row group is never split")
    cluster.add_argument("--retries", type=int, default=2, metavar="N",
                         help="attempts after the first for a partition that fails (default: 2)")

    baseline = actions.add_parser("baseline", help="record an archive run's findings as a baseline",
                                  description="Build a baseline from the findings files of an archive run; "
                                              "'newslint archive check --baseline FILE' then reports only new "
                                              "findings. Entries match on article id, rule, flagged text and context.")
    baseline.add_argument("findings", nargs="+", metavar="FINDINGS", help="findings files (.jsonl or .parquet)")
    baseline.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the baseline file to write")

    summary = actions.add_parser("summary", help="show a run's summary as tables",
                                 description="Show the summary written by --summary: per rule and per month, "
                                             "counts and rates per 1,000 words.")
    summary.add_argument("file", type=Path, metavar="SUMMARY", help="the JSON file of --summary")
    summary.add_argument("--by", choices=("rule", "month", "both"), default="both")
    summary.add_argument("--format", choices=("text", "csv"), default="text")

    report = actions.add_parser("report", help="write the HTML report of a run's summary",
                                description="Write a self-contained HTML page: findings per 1,000 words by "
                                            "month and family, and per rule.")
    report.add_argument("file", type=Path, metavar="SUMMARY", help="the JSON file of --summary")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    report.add_argument("--title", default="newslint: archive report")


_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*", re.IGNORECASE)


def _size(value: str) -> int:
    """4MB, 500KB, 1.5GiB or a number of bytes."""
    match = _SIZE.fullmatch(value)
    size = int(float(match[1]) * 1024 ** "_kmg".index(match[2].lower() or "_")) if match else 0
    if size < 1:
        raise argparse.ArgumentTypeError(f"not a size such as 4MB or 500KB: {value!r}")
    return size


def main(args: argparse.Namespace) -> int:
    return {"check": check_records, "baseline": _baseline, "summary": _summary,
            "report": _report}[args.archive_command](args)


FILE_ONLY = (("fix", "--fix"), ("diff", "--diff"), ("statistics", "--statistics"),
             ("stdin_filename", "--stdin-filename"))


def check_records(args: argparse.Namespace) -> int:
    """Lint an archive's records (in this process for `check`, on a cluster for `archive check`)."""
    from .article import ArticleSettings, Level, NewslintError, article_linter, run_config
    from .output import open_output
    from .records import DEFAULT_PARTITION_BYTES, Settings, plan
    from .run import Sink, connect, run_dask, run_local
    from .summary import Summary
    on_cluster = args.command == "archive"
    if not on_cluster:
        given = [option for dest, option in FILE_ONLY if getattr(args, dest, None)]
        if args.format != "text":
            given.append("--format")
        if given:
            raise NewslintError(f"{', '.join(given)} cannot be used with --input-format: the findings of records are "
                                "rows (--output FILE.jsonl or FILE.parquet)")
        if not args.paths:
            raise NewslintError("--input-format: give the archive's files or folders")
    config = run_config(args.config)
    settings = Settings(ArticleSettings(config_file=str(config.path.resolve()) if config.path else None,
                                        select=tuple(args.select), ignore=tuple(args.ignore),
                                        text_format=args.text_format,
                                        date=args.date.isoformat() if args.date else None),
                        text_field=args.text_field, id_field=args.id_field, date_field=args.date_field,
                        title_field=args.title_field, max_bytes=args.max_bytes)
    article_linter(settings.article)  # configuration and rule errors now, before any partition
    baseline = _archive_baseline(args.baseline) if args.baseline else None
    parts = plan(args.paths, args.input_format, settings, getattr(args, "partition_size", DEFAULT_PARTITION_BYTES))
    writer = open_output(args.output, args.output_format)
    summary = Summary()
    sink = Sink(writer, summary, baseline)
    complete = False
    try:
        if on_cluster:
            with connect(args.scheduler, args.workers) as client:
                run_dask(client, parts, settings, sink, retries=args.retries)
        else:
            run_local(parts, settings, sink)
        complete = True
    finally:
        writer.close(complete)
    if args.summary:
        from .summary import write
        write(args.summary, summary)
    if args.report:
        _write_report(args.report, summary.to_dict())
    if sink.known:
        print(f"newslint: {sink.known:,} finding{'' if sink.known == 1 else 's'} in the baseline not reported",
              file=sys.stderr)
    print(f"newslint: {summary.line()}", file=sys.stderr)
    if summary.failed_partitions:
        return EXIT_ERROR
    threshold = Level(args.fail_on or config.fail_on or "error").rank
    return EXIT_FINDINGS if any(Level(level).rank >= threshold for level in sink.levels) else EXIT_OK


def _archive_baseline(path: Path):
    from .article import Baseline, NewslintError
    baseline = Baseline(path)
    if baseline.keys != "article id":
        raise NewslintError("a baseline of files (newslint baseline), not of an archive's articles: build one with "
                            "'newslint archive baseline FINDINGS -o FILE'", str(path))
    return baseline


def _baseline(args: argparse.Namespace) -> int:
    from .article import counted, write_entries
    from .output import read_rows
    from .run import baseline_key
    items = counted(baseline_key(row) for row in read_rows(map(str, args.findings)) if row["id"] is not None)
    count = write_entries(args.output, items, keys="article id")
    articles = len({item["path"] for item in items})
    print(f"newslint: recorded {count:,} finding{'' if count == 1 else 's'} of {articles:,} "
          f"article{'' if articles == 1 else 's'} in {args.output}", file=sys.stderr)
    return EXIT_OK


def _summary(args: argparse.Namespace) -> int:
    from .summary import load, render
    sys.stdout.write(render(load(args.file), args.by, args.format))
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from .summary import load
    _write_report(args.output, load(args.file), args.title)
    print(f"newslint: wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def _write_report(path: Path, data: dict, title: str | None = None) -> None:
    from .article import NewslintError
    from .report import render
    try:
        path.write_text(render(data, title) if title else render(data), encoding="utf-8")
    except OSError as exc:
        raise NewslintError(f"cannot write the report: {exc.strerror or exc}", str(path)) from None
