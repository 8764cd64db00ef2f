"""Many files: all cores with deterministic output, a progress bar only on a terminal, baselines."""
from __future__ import annotations

import io
import json

from conftest import run_cli

from newslint.app.progress import Progress
from newslint.run.linter import Linter
from newslint.run.pool import PARALLEL_MIN, run

ARTICLE = ("Headline number {i}\n\n"
           "U.S. officials said the U.S. plan was ready. US aid will follow, Afp said.\n\n"
           "{extra}\n")


def quiet(stderr: str) -> bool:
    """Nothing on stderr but the note that grammar checks are off (no LanguageTool server)."""
    return all(line.startswith("newslint: note: LanguageTool grammar checks are off") for line in stderr.splitlines())


def make_archive(tmp_path, n):
    for i in range(n):
        extra = "Leave a Reply" if i % 7 == 0 else "The minister spoke on Tuesday."
        (tmp_path / "archive" / f"d{i % 5}").mkdir(parents=True, exist_ok=True)
        (tmp_path / "archive" / f"d{i % 5}" / f"story{i:03}.txt").write_text(ARTICLE.format(i=i, extra=extra),
                                                                            encoding="utf-8")


def test_parallel_output_is_identical_to_one_process(tmp_path):
    make_archive(tmp_path, PARALLEL_MIN * 3)
    one = run_cli("check", "archive", "--format", "json", "-j", "1", cwd=tmp_path)
    two = run_cli("check", "archive", "--format", "json", "-j", "2", cwd=tmp_path)
    again = run_cli("check", "archive", "--format", "json", "-j", "2", cwd=tmp_path)
    assert one == two == again
    report = json.loads(one[1])
    paths = [f["path"] for f in report["files"]]
    assert paths == sorted(paths) and len(paths) == PARALLEL_MIN * 3
    assert one[0] == 1 and quiet(one[2])  # errors found; nothing on stderr: no progress bar in a pipe


def test_runner_keeps_order_and_results_in_process(tmp_path):
    make_archive(tmp_path, PARALLEL_MIN + 5)
    paths = sorted((tmp_path / "archive").rglob("*.txt"))
    seen = []
    parallel = run(Linter(), paths, jobs=2, on_result=seen.append)
    single = run(Linter(), paths, jobs=1)
    assert [r.path for r in parallel] == [str(p) for p in paths]
    assert [[d.to_dict() for d in r.diagnostics] for r in parallel] == \
        [[d.to_dict() for d in r.diagnostics] for r in single]
    assert seen == list(range(1, len(paths) + 1))


def test_parallel_fix_rewrites_every_file(tmp_path):
    make_archive(tmp_path, PARALLEL_MIN * 2)
    code, _, err = run_cli("check", "archive", "--fix", "-j", "2", "--select", "style", cwd=tmp_path)
    assert code == 0 and f"fixed {PARALLEL_MIN * 2} findings in {PARALLEL_MIN * 2} files" in err
    assert all("AFP said" in p.read_text() for p in (tmp_path / "archive").rglob("*.txt"))


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_shows_only_after_a_second_on_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    now = [0.0]
    stream = FakeTerminal()
    bar = Progress(10, stream, clock=lambda: now[0])
    bar.update(1)
    assert stream.getvalue() == ""  # a quick run shows nothing
    now[0] = 1.5
    bar.update(5)
    assert "5/10 files" in stream.getvalue() and "[###############" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r")
    monkeypatch.setenv("CI", "true")
    quiet = FakeTerminal()
    bar = Progress(10, quiet, clock=lambda: now[0] + 10)
    bar.update(5)
    assert quiet.getvalue() == ""
    monkeypatch.delenv("CI")
    piped = io.StringIO()
    bar = Progress(10, piped, clock=lambda: now[0] + 10)
    bar.update(5)
    assert piped.getvalue() == ""


def test_baseline_reports_only_new_findings_and_survives_line_shifts(write, tmp_path):
    story = write("news/story.txt", "Headline\n\nLeave a Reply\n\nThe Afp report came out.\n")
    write("news/other.txt", "Leave a Reply\n")
    code, _, err = run_cli("baseline", "news", "-o", "baseline.json", cwd=tmp_path)
    assert code == 0 and "recorded 3 findings in 2 files" in err
    entries = json.loads((tmp_path / "baseline.json").read_text())["entries"]
    assert {(e["path"], e["rule"], e["text"]) for e in entries} >= {
        ("news/story.txt", "boilerplate/comment-form", "Leave a Reply"),
        ("news/story.txt", "style/agency-names", "Afp")}
    assert all("line" not in e for e in entries)

    code, out, err = run_cli("check", "news", "--baseline", "baseline.json", cwd=tmp_path)
    assert code == 0 and out.strip() == "no problems in 2 files" and "3 findings in the baseline" in err

    # lines added above, and one new finding: only the new one is reported
    story.write_text("Headline\n\nA new first paragraph.\n\nMore text.\n\nLeave a Reply\n\n"
                     "The Afp report came out.\n\nShare this article\n", encoding="utf-8")
    code, out, _ = run_cli("check", "news", "--baseline", "baseline.json", "--format", "json", cwd=tmp_path)
    found = [(d["rule"], d["line"]) for f in json.loads(out)["files"] for d in f["diagnostics"]]
    assert code == 1 and found == [("boilerplate/share-prompts", 11)]

    # a second copy of an old finding is new: counts are kept
    story.write_text("Headline\n\nLeave a Reply\n\nLeave a Reply\n\nThe Afp report came out.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "news/story.txt", "--baseline", "baseline.json", cwd=tmp_path)
    assert code == 1 and out.splitlines()[0].startswith("news/story.txt:")
    assert len([line for line in out.splitlines() if "comment-form" in line]) == 1

    # run from another folder: paths are relative to the baseline file
    code, out, _ = run_cli("check", "story.txt", "--baseline", "../baseline.json", cwd=tmp_path / "news")
    assert len([line for line in out.splitlines() if "comment-form" in line]) == 1


def test_bad_baseline_file_is_a_usage_error(write, tmp_path):
    write("a.txt", "Leave a Reply\n")
    write("bad.json", "{\"version\": 7}")
    code, _, err = run_cli("check", "a.txt", "--baseline", "bad.json", cwd=tmp_path)
    assert code == 2 and "not a newslint baseline" in err and "Traceback" not in err
    code, _, err = run_cli("check", "a.txt", "--baseline", "missing.json", cwd=tmp_path)
    assert code == 2 and "cannot read baseline" in err


def test_runner_without_fork_builds_linters_in_the_workers(tmp_path, monkeypatch):
    """Where fork is not available (Windows, macOS defaults) workers build their own Linter."""
    import multiprocessing
    make_archive(tmp_path, PARALLEL_MIN + 2)
    paths = sorted((tmp_path / "archive").rglob("*.txt"))
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    used = []
    real_get_context = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context",
                        lambda method=None: used.append(method) or real_get_context(method))
    spawned = run(Linter(select=["boilerplate"]), paths, jobs=2)
    single = run(Linter(select=["boilerplate"]), paths, jobs=1)
    assert [[d.to_dict() for d in r.diagnostics] for r in spawned] == \
        [[d.to_dict() for d in r.diagnostics] for r in single]
    assert {d.rule for r in spawned for d in r.diagnostics} == {"boilerplate/comment-form"}
    assert used == ["spawn"]


def test_cli_draws_the_bar_on_a_real_terminal(tmp_path):
    """End to end in a pseudo-terminal; the one-second delay is set to zero for the test."""
    import os
    import pty
    import select
    import sys
    make_archive(tmp_path, 30)
    code = ("import newslint.app.progress as p\np.Progress.__init__.__kwdefaults__['delay'] = 0.0\n"
            "from newslint.app.cli import main\nraise SystemExit(main(['check', 'archive', '-j', '1']))\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["TERM"] = "xterm"
    pid, fd = pty.fork()
    if pid == 0:  # the child: stdout and stderr are the terminal
        os.chdir(tmp_path)
        os.execve(sys.executable, [sys.executable, "-c", code], env)
    out = b""
    while select.select([fd], [], [], 60)[0]:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
    os.waitpid(pid, 0)
    text = out.decode("utf-8", "replace")
    assert "newslint [" in text and "30/30 files" in text
    # and not through a pipe
    proc = __import__("subprocess").run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                                        text=True, env=env, timeout=60)
    assert "newslint [" not in proc.stderr and quiet(proc.stderr)


def test_a_bad_configuration_in_a_folder_ends_a_parallel_run_with_its_message(tmp_path):
    make_archive(tmp_path, PARALLEL_MIN * 2)
    (tmp_path / "archive" / "d3" / ".newslint.yaml").write_text("rule_paths: [house]\nrules:\n  house/banned: off\n",
                                                                    encoding="utf-8")
    for jobs in ("1", "2"):
        code, _, err = run_cli("check", "archive", "-j", jobs, cwd=tmp_path)
        assert code == 2, err
        assert "d3/.newslint.yaml:1:" in err and "rule directory" in err and "does not exist" in err
        assert "Traceback" not in err
