"""The `newslint` command: check, baseline, serve, lsp, rules, explain, vocab.

Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for usage, configuration
and rule errors (and for unreadable files with --strict). Imports stay lazy: a one-file run
loads only what its rules need.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.version import package_version
from .report import EXIT_ERROR, EXIT_OK

CACHE_HELP = """\
cache:   the word lists are built once (a few seconds) into $NEWSLINT_CACHE_DIR,
         else $XDG_CACHE_HOME/newslint, else ~/.cache/newslint: set either variable to move
         it; old builds are pruned, and the folder is safe to delete
"""
CHECK_EPILOG = """\
examples:
  newslint check article.md                 lint one file
  newslint check archive/                   lint every .txt/.md/.html file under a folder (all cores)
  cat story.txt | newslint check - --stdin-filename story.txt
  newslint check --format json site/ > report.json
  newslint check --select spelling,consistency --fail-on warning drafts/
  newslint check --ignore readability --statistics article.txt
  newslint check --fix drafts/              apply the safe fixes (--diff to only show them)
  newslint check --format sarif . > out.sarif   also github, rdjsonl, junit
  newslint check --baseline .newslint-baseline.json archive/   only findings not in the baseline

output:  path:line:col: level: message [family/rule]
exit:    0 clean, 1 findings at or above --fail-on, 2 usage, configuration or rule errors
config:  the nearest .newslint.yaml or pyproject.toml [tool.newslint], from each file upward
""" + CACHE_HELP


def _names(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _date(value: str):
    import datetime
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint",
        description="A data-quality linter for published news text: typos, contradictions, "
                    "web debris and readability, reported like a compiler.",
        epilog="Run 'newslint COMMAND --help' for the options of a command.\n\n" + CACHE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-V", "--version", action=_VersionAction, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint files, folders or standard input",
                           description="Lint news articles (.txt, .md, .html) and report findings.",
                           epilog=CHECK_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or folders to lint, or - for standard input (default: .)")
    from ..formats import FORMATS
    check.add_argument("--format", choices=tuple(FORMATS), default="text",
                       help="output format (default: text): " + ", ".join(FORMATS))
    check.add_argument("--fail-on", choices=("error", "warning", "info"),
                       help="exit 1 when a finding reaches this level (default: error, or the config's fail_on)")
    check.add_argument("--select", type=_names, action="extend", default=[], metavar="RULES",
                       help="only these rule ids or families, comma-separated (e.g. spelling,style/agency-names)")
    check.add_argument("--ignore", type=_names, action="extend", default=[], metavar="RULES",
                       help="leave out these rule ids or families, comma-separated")
    check.add_argument("--statistics", action="store_true",
                       help="also print per-file word counts and readability figures")
    source = check.add_mutually_exclusive_group()
    source.add_argument("--show-source", dest="show_source", action="store_true", default=None,
                        help="show the source line with a caret under each finding (default on a terminal)")
    source.add_argument("--no-show-source", dest="show_source", action="store_false",
                        help="never show source lines")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text output (auto: on a terminal unless NO_COLOR is set)")
    check.add_argument("--config", type=Path, metavar="FILE",
                       help="use this configuration file instead of searching for one")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="the name to report for standard input; its extension picks the format")
    check.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                       help="the articles' publication date, for rules that check weekdays and years "
                            "(default: front matter 'date', or a dateline)")
    check.add_argument("--max-bytes", type=int, default=10 * 1024 * 1024, metavar="N",
                       help="refuse files larger than N bytes (default: 10 MiB)")
    check.add_argument("--page", action="store_true", default=None,
                       help="the files are text extracted from whole web pages: report page furniture as blocks "
                            "(one finding each, whose fix deletes it) and count lines repeated across the files "
                            "(docs/pages.md; also `page: true` in the configuration)")
    check.add_argument("--strict", action="store_true",
                       help="exit 2 when a file cannot be read or decoded (default: report it and go on)")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true",
                        help="apply the fixes the rules mark safe, rewriting files in place (atomically)")
    fixing.add_argument("--diff", action="store_true",
                        help="print the safe fixes as a unified diff instead of writing them")
    check.add_argument("--baseline", type=Path, metavar="FILE",
                       help="report only findings not recorded in this baseline (see 'newslint baseline')")
    _jobs_option(check)
    check.add_argument("--require-languagetool", action="store_true",
                       help="exit 2 when LanguageTool's grammar checks cannot run (no server, or it fails)")
    check.add_argument("-v", "--verbose", action="store_true",
                       help="also print notes, such as that LanguageTool's grammar checks are off because "
                            "no server is configured")
    from ..archive import cli as archive
    archive.add_record_options(check)
    archive.add_archive_commands(sub, check)

    baseline = sub.add_parser("baseline", help="record today's findings so that only new ones fail",
                              description="Lint files and record their findings in a baseline file; "
                                          "'newslint check --baseline FILE' then reports only new findings. "
                                          "Entries match on rule, flagged text and context, not line numbers.")
    baseline.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    baseline.add_argument("-o", "--output", type=Path, default=Path(".newslint-baseline.json"), metavar="FILE",
                          help="the baseline file to write (default: .newslint-baseline.json)")
    baseline.add_argument("--config", type=Path, metavar="FILE", help="use this configuration file")
    baseline.add_argument("--select", type=_names, action="extend", default=[], metavar="RULES")
    baseline.add_argument("--ignore", type=_names, action="extend", default=[], metavar="RULES")
    baseline.add_argument("--max-bytes", type=int, default=10 * 1024 * 1024, metavar="N")
    baseline.add_argument("--page", action="store_true", default=None,
                          help="page mode (see check --page); the lines many files share are recorded too")
    _jobs_option(baseline)

    serve = sub.add_parser("serve", help="run the HTTP publishing-check service",
                           description="Serve POST /v1/check, GET /v1/rules, GET /healthz and "
                                       "GET /openapi.json. Rules come from the server's configuration only. "
                                       "Set NEWSLINT_TOKEN to require 'Authorization: Bearer <token>'.")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    serve.add_argument("--port", type=int, default=8080, help="port (default: 8080)")
    serve.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    serve.add_argument("--config", type=Path, metavar="FILE",
                       help="the configuration that defines the rules (default: found from the working directory)")
    serve.add_argument("--max-body", type=int, default=1024 * 1024, metavar="BYTES",
                       help="refuse larger request bodies with 413 (default: 1048576, 1 MiB)")
    serve.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                       help="per-request time limit for linting (default: 10)")
    serve.add_argument("--access-log", action="store_true",
                       help="log every request on standard output (default: off; a proxy in front "
                            "usually logs them already)")

    lsp = sub.add_parser("lsp", help="run the language server for editors (LSP over standard input and output)",
                         description="A Language Server Protocol server on standard input and output: "
                                     "diagnostics as you type, code actions for fixes and suggestions, "
                                     "configuration from the nearest .newslint.yaml above each file.")
    lsp.add_argument("--stdio", action="store_true",
                     help="accepted for editors that pass it (stdio is the only transport)")
    lsp.add_argument("--debounce", type=int, default=75, metavar="MS",
                     help="lint this long after the last change (default: 75 ms)")

    rules = sub.add_parser("rules", help="list every rule with its id, level and description",
                           description="List the rules (built-in and the configuration's rule packs), or with "
                                       "--types the rule types a YAML rule can extend, with their options.")
    rules.add_argument("--types", action="store_true", help="list the rule types and their options instead")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                       help="text (default), json, or markdown (the reference in docs/ is this output)")
    rules.add_argument("--config", type=Path, metavar="FILE", help="configuration whose rule packs to list")

    explain = sub.add_parser("explain", help="show a rule's YAML, an example and how to turn it off")
    explain.add_argument("rule", metavar="RULE", help="a rule id, e.g. style/agency-names")
    explain.add_argument("--config", type=Path, metavar="FILE", help="configuration whose rule packs to search")

    vocab = sub.add_parser("vocab", help="the house vocabulary: newslint vocab add WORD...",
                           description="Manage the project's house vocabulary (vocabulary.accept).")
    vocab_sub = vocab.add_subparsers(dest="vocab_command", metavar="ACTION", required=True)
    vocab_add = vocab_sub.add_parser("add", help="append words to the accept list of the nearest .newslint.yaml",
                                     description="Append words to vocabulary.accept in the nearest .newslint.yaml "
                                                 "(created here if there is none): the spelling rules accept them.")
    vocab_add.add_argument("words", nargs="+", metavar="WORD")
    vocab_add.add_argument("--config", type=Path, metavar="FILE", help="edit this configuration file")
    return parser


class _VersionAction(argparse.Action):
    """-V/--version, looked up only when asked for (importlib.metadata is slow to import), on
    standard output like argparse's own version action."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"newslint {package_version()}")
        parser.exit()


def _jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                        help="processes for large runs (default: 0, one per core; 1 to stay in one process)")


def cmd_vocab(args: argparse.Namespace) -> int:
    from .vocab import add_words
    path, added = add_words(args.words, Path.cwd(), args.config)
    if added:
        print(f"{path}: added {', '.join(added)} to vocabulary.accept")
    else:
        print(f"{path}: already in vocabulary.accept")
    return EXIT_OK



def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    from ..core.errors import NewslintError
    try:
        return {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain, "baseline": cmd_baseline,
                "serve": cmd_serve, "lsp": cmd_lsp, "vocab": cmd_vocab, "archive": cmd_archive}[args.command](args)
    except NewslintError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK


def cmd_archive(args: argparse.Namespace) -> int:
    from ..archive.cli import main as archive_main
    return archive_main(args)


def cmd_check(args: argparse.Namespace) -> int:
    if args.input_format:  # an archive of records: rows, not files
        from ..archive.cli import check_records
        return check_records(args)
    """Run (lint, fix or diff every input), then report (output, notes, exit status)."""
    from ..core.errors import NewslintError
    from ..run.linter import Linter
    from .report import report_check

    if sys.stdout is None:  # started with standard output closed (>&-)
        raise NewslintError("standard output is closed: there is nowhere to write the report "
                            "(redirect it to a file, or to /dev/null)")
    linter = Linter(config_file=args.config, select=args.select, ignore=args.ignore,
                    statistics=args.statistics, max_bytes=args.max_bytes,
                    metadata={"date": args.date} if args.date else None, page=args.page)
    baseline = None
    if args.baseline is not None:
        from ..run.baseline import Baseline
        baseline = Baseline(args.baseline)  # read before the run: a bad baseline fails fast
        linter.repeated = baseline.furniture
    mode = "diff" if args.diff else "fix" if args.fix else None
    results = lint_inputs(args, linter, mode)
    known = sum(baseline.filter(r) for r in results) if baseline is not None else 0
    return report_check(args, linter, results, mode, known)


def lint_inputs(args: argparse.Namespace, linter, mode: str | None = None) -> list:
    """Every input through Linter.process, in order (all cores for large runs), with a progress
    bar on a terminal for runs that take a while. Inputs that could not be read are said on
    standard error; binary files get a note there and are left out of the results."""
    from ..core.errors import NewslintError
    from ..run.pool import run
    from .progress import Progress
    items = list(_inputs(args, linter))
    if linter.page or (linter.page is None and linter.config().page):
        from ..checks.shared.page import run_furniture
        linter.repeated = linter.repeated | run_furniture(item for item in items if isinstance(item, Path))
    if mode == "fix" and any(not isinstance(item, Path) for item in items):
        raise NewslintError("--fix cannot rewrite standard input; use --diff to see its fixes")
    progress = Progress(len(items))
    try:
        results = run(linter, items, mode=mode, jobs=args.jobs, on_result=progress.update)
    finally:
        progress.close()
    return _reported(results)


def _reported(results: list) -> list:
    """The results of the inputs that were linted (or could not be), each one that could not be
    read said on standard error; files that are not text (binary) get a note there and are left
    out of the report, the summary and the exit status."""
    from ..core.errors import SkippedInput
    kept = []
    for result in results:
        if isinstance(result.error, SkippedInput):
            print(f"{result.error.path or result.path}: note: {result.error.message}", file=sys.stderr)
            continue
        if result.error is not None:
            print(str(result.error), file=sys.stderr)
        kept.append(result)
    return kept


def cmd_baseline(args: argparse.Namespace) -> int:
    from ..run.baseline import write
    from ..run.linter import Linter
    linter = Linter(config_file=args.config, select=args.select, ignore=args.ignore, max_bytes=args.max_bytes,
                    page=args.page)
    results = lint_inputs(args, linter)
    count = write(args.output, results, linter.repeated)
    files = sum(1 for r in results if r.diagnostics)
    print(f"newslint: recorded {count} finding{'' if count == 1 else 's'} in {files} "
          f"file{'' if files == 1 else 's'} in {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .service import serve
    return serve(host=args.host, port=args.port, workers=args.workers, config=args.config,
                 max_body=args.max_body, timeout=args.timeout, access_log=args.access_log)


def cmd_lsp(args: argparse.Namespace) -> int:
    from .lsp import serve
    return serve(debounce_ms=max(0, args.debounce))


def _inputs(args: argparse.Namespace, linter):
    """The inputs in order: files (folders walked), and standard input as a TextInput."""
    from ..core.errors import NewslintError
    from ..settings.paths import walk
    paths = args.paths or ["."]
    if paths.count("-") > 1:
        raise NewslintError("'-' (standard input) may be given only once")
    for raw in paths:
        if raw == "-":
            yield _standard_input(getattr(args, "stdin_filename", None) or "-")
            continue
        path = Path(raw)
        if path.is_dir():
            config = linter.config(path)
            yield from walk(path, config.root, config.include, config.exclude)
        elif path.exists():
            yield path
        else:
            raise NewslintError(f"no such file or folder: {raw}")


def _standard_input(name: str):
    """Standard input as bytes, decoded like a file's (not valid UTF-8 is an error with its byte
    offset); a text stream without bytes (a caller's StringIO) is read as text."""
    from ..core.errors import InputError
    from ..document.readers import decode
    from ..run.linter import TextInput
    stream = getattr(sys.stdin, "buffer", None)
    try:
        return TextInput(name, decode(stream.read(), name) if stream is not None else sys.stdin.read())
    except InputError as exc:
        return TextInput(name, error=exc)


def _rules_for(args: argparse.Namespace):
    from ..run.engine import all_rules
    from ..settings.config import config_for
    return all_rules(config_for(Path.cwd(), args.config))


def cmd_rules(args: argparse.Namespace) -> int:
    from . import reference
    if args.types:
        from ..checks import check_class, rule_types
        from ..settings.rulebook import COMMON_KEYS
        types = {name: check_class(name) for name in rule_types()}
        output = {"text": lambda: reference.types_text(types), "json": lambda: _json(reference.types_json(types)),
                  "markdown": lambda: reference.types_markdown(types, COMMON_KEYS)}[args.format]()
    else:
        rules = _rules_for(args)
        output = {"text": lambda: reference.rules_text(rules), "json": lambda: _json(reference.rules_json(rules)),
                  "markdown": lambda: reference.rules_markdown(rules)}[args.format]()
    print(output.rstrip("\n"))
    return EXIT_OK


def _json(data) -> str:
    import json
    return json.dumps(data, indent=2)


def cmd_explain(args: argparse.Namespace) -> int:
    from ..core.errors import NewslintError
    rules = _rules_for(args)
    rule = rules.get(args.rule)
    if rule is None:
        close = [r for r in rules if args.rule.split("/")[-1] in r]
        hint = f"; did you mean {', '.join(close[:3])}?" if close else "; `newslint rules` lists them"
        raise NewslintError(f"no rule '{args.rule}'{hint}")
    out = [f"{rule.id}  ({rule.level.value}, type {rule.extends}{'' if rule.enabled else ', off by default'})",
           "", rule.description, "", f"# {rule.path}",
           Path(rule.path).read_text(encoding="utf-8").rstrip(), ""]
    for kind, label in (("fail", "Flagged"), ("pass", "Not flagged")):
        for text in rule.example.get(kind, []):
            out.append(f"{label}:  {text.strip()}")
    if rule.example:
        out.append("")
    out += ["To turn it off, in .newslint.yaml:", "  rules:", f"    {rule.id}: off",
            f"or for one run: newslint check --ignore {rule.id} ...",
            f"or in the text: <!-- newslint-disable-next-line {rule.id} -->"]
    print("\n".join(out))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
