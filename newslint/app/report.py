"""The report half of `newslint check`: what a run found, written out, and the exit status.

The run half (app/cli.py) hands over the results in input order; nothing here lints. Standard
output carries the report (or the diff); standard error the notes: findings kept back by the
baseline, fixes applied, LanguageTool outages (and with --verbose, that LanguageTool is off).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Literal

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def report_check(args: argparse.Namespace, linter, results: list, mode: str | None, known: int) -> int:
    """Write the results of a check run as `args` asks, and return the exit status."""
    if known:
        _note(f"{known} finding{_s(known)} in the baseline not reported")
    if mode == "diff":
        return _report_diff(args, results)
    if mode == "fix":
        fixes = sum(r.fixed for r in results)
        files = sum(1 for r in results if r.fixed)
        _note(f"fixed {fixes} finding{_s(fixes)} in {files} file{_s(files)}")
    _render(args, linter, results)
    notices = _notices(linter, results, args.verbose)
    if args.require_languagetool and (any(kind.startswith("languagetool") for kind, _ in notices)
                                      or not linter.uses("languagetool")):
        print("newslint: error: --require-languagetool: LanguageTool grammar checks did not run", file=sys.stderr)
        return EXIT_ERROR
    if args.strict and any(r.error for r in results):
        return EXIT_ERROR
    return exit_status(results, args.fail_on or linter.config().fail_on or "error")


def exit_status(results: list, fail_on: str) -> int:
    """EXIT_FINDINGS when a finding reaches the level `fail_on`, else EXIT_OK."""
    from ..core.diagnostic import Level
    threshold = Level(fail_on).rank
    failing = any(d.level.rank >= threshold for r in results for d in r.diagnostics)
    return EXIT_FINDINGS if failing else EXIT_OK


def _report_diff(args: argparse.Namespace, results: list) -> int:
    """--diff: the fixes as one unified diff on standard output; exit 1 when there is one."""
    changed = [r for r in results if r.diff]
    with writing():
        for r in changed:
            sys.stdout.write(r.diff)
        sys.stdout.flush()
    fixes = sum(r.fixed for r in results)
    _note(f"{fixes} fix{'' if fixes == 1 else 'es'} would be applied to {len(changed)} file{_s(len(changed))}")
    if args.strict and any(r.error for r in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if changed else EXIT_OK


def _render(args: argparse.Namespace, linter, results: list) -> None:
    from ..formats import NEEDS_RULES, OutputOptions, renderer
    stdout_tty = sys.stdout.isatty()
    color = args.color == "always" or (args.color == "auto" and stdout_tty and not os.environ.get("NO_COLOR"))
    show_source = stdout_tty if args.show_source is None else args.show_source
    options = OutputOptions(show_source, color, args.statistics)
    if args.format in NEEDS_RULES:
        from ..run.engine import all_rules
        options.rules = all_rules(linter.config())
    with writing():
        renderer(args.format)(results, options, sys.stdout)
        sys.stdout.flush()


# notes said only with --verbose: that LanguageTool is off when nobody configured it was noise on
# every run and in every failed pre-commit hook (an outage of a configured server is always said)
VERBOSE_NOTICES = ("languagetool-off",)


def _notices(linter, results: list, verbose: bool) -> list[tuple[str, str]]:
    """The run's notes (e.g. a LanguageTool outage), each said once on standard error."""
    notices = list({m: (k, m) for k, m in linter.notices() + [n for r in results for n in r.notices]}.values())
    for kind, message in notices:
        if message and (verbose or kind not in VERBOSE_NOTICES):
            _note(message)
    return notices


def _note(message: str) -> None:
    print(f"newslint: {message}", file=sys.stderr)


def _s(count: int) -> str:
    return "" if count == 1 else "s"


class writing:
    """Around writes to standard output: a write that fails (a full disk, a closed descriptor)
    is a one-line error, exit 2, and nothing more is written there (a broken pipe stays quiet:
    see cli.main)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> Literal[False]:  # never swallows: returns False or raises
        if exc is None or isinstance(exc, BrokenPipeError) or not isinstance(exc, (OSError, UnicodeEncodeError)):
            return False
        try:  # the buffered rest would fail again when Python flushes it at exit
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass
        from ..core.errors import NewslintError
        reason = exc.reason if isinstance(exc, UnicodeEncodeError) else exc.strerror or exc
        raise NewslintError(f"cannot write the report to standard output: {reason}") from None
