"""The installed package (not the checkout) must find its built-in rules and run offline."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from newslint.settings.rulebook import builtin_rules_dir, discover


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """`pip install --no-deps .` of a freshly built wheel into an empty target folder."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(work / "dist"), str(REPO)], check=True, timeout=300)
    (wheel,) = (work / "dist").glob("newslint-*.whl")
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, timeout=300)
    return target


def run_installed(target: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(target)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_wheel_ships_the_rules(installed, tmp_path):
    code = ("import newslint, newslint.settings.rulebook as r; print(newslint.__file__); print(r.builtin_rules_dir());"
            "print(sorted(i for i, _ in r.discover(r.builtin_rules_dir())))")
    proc = run_installed(installed, "-c", code, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    module_file, rules_dir, ids = proc.stdout.splitlines()
    assert module_file.startswith(str(installed))
    assert rules_dir == str(installed / "newslint" / "rules")
    assert ids == str(sorted(i for i, _ in discover(builtin_rules_dir())))


def test_installed_cli_lints(installed, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Title\n\nThe plan could also possibly pass.\n\nLeave a Reply\n", encoding="utf-8")
    proc = run_installed(installed, "-m", "newslint", "check", "story.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "story.txt:5:1: error:" in proc.stdout and "[style/stacked-hedges]" in proc.stdout


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare is not installed")
def test_runs_without_network_and_never_downloads(tmp_path):
    """Under `unshare -n` (no network at all), statistics still come out, from installed data."""
    story = FIXTURES / "articles" / "trip-story.txt"
    env = {**os.environ, "HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "nltk"), "NO_COLOR": "1"}
    probe = ("import sys, newslint.app.cli as c; code = c.main(['check', sys.argv[1], '--statistics']);"
             "print('nltk loaded' if 'nltk' in sys.modules else 'no nltk'); sys.exit(code)")
    proc = subprocess.run(["unshare", "-n", sys.executable, "-c", probe, str(story)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert "Operation not permitted" not in proc.stderr, "unshare -n needs privileges here"
    assert proc.returncode == 1, proc.stderr
    assert "flesch kincaid grade" in proc.stdout and "no nltk" in proc.stdout
    assert not (tmp_path / "nltk").exists()


def test_wheel_ships_the_type_marker(installed):
    """The API is typed (PEP 561) for the projects that call it."""
    assert (installed / "newslint" / "py.typed").is_file()


def test_wheel_ships_the_review_page(installed, tmp_path):
    """The page's files are package data: `newslint serve` from the wheel finds them."""
    code = ("import newslint.app.page as p; print(p.WEB);"
            "print(sorted(f.name for f in p.WEB.iterdir()))")
    proc = run_installed(installed, "-c", code, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    folder, names = proc.stdout.splitlines()
    assert folder == str(installed / "newslint" / "app" / "web")
    assert names == str(sorted(["index.html", "app.js", "style.css"]))
    assert (installed / "newslint" / "app" / "lsp.py").is_file()
