"""Every code block of the README runs as written: commands are run in a folder holding the
files they name, Python is executed, YAML is loaded as the configuration, rule or pre-commit file
it is. A newcomer pastes them; so does this test."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
BLOCKS = [(lang, body) for lang, body in BLOCK.findall(README)]
ARTICLE = "Council backs the plan\n\nThe council voted on Tuesday to back the the plan.\n\nLeave a Reply\n"
LONG_RUNNING = ("newslint serve", "newslint lsp")  # started, seen alive, stopped


def commands() -> list[str]:
    """The command lines of the README's plain blocks, without the comment after them."""
    out = []
    for lang, body in BLOCKS:
        if lang:
            continue
        joined = body.replace("\\\n", " ")
        for line in joined.splitlines():
            line = re.split(r"\s{2,}(?=[a-z#])", line.strip(), maxsplit=1)[0].strip()
            if line.startswith(("newslint ", "cat ", "python3 ", "scripts/")):
                out.append(line)
    return out


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A folder with every file and folder the README's commands name."""
    for name in ("article.txt", "story.txt", "drafts/one.txt", "site/a.txt", "site/b.md", "archive/c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "article.md").write_text("---\ndate: 2023-06-18\n---\n\n" + ARTICLE, encoding="utf-8")
    records = [{"id": f"a{i}", "date": "2023-06-18", "body": ARTICLE} for i in range(3)]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return tmp_path


def test_the_readme_has_the_commands_a_newcomer_needs():
    found = commands()
    assert "python3 -m pip install . && newslint check article.txt" in found
    assert "scripts/test" in found and (REPO / ".ci" / "run").read_text().count("scripts/test") == 1
    assert len(found) >= 12


@pytest.mark.parametrize("command", [c for c in commands() if c.startswith(("newslint", "cat"))])
def test_each_command_runs_as_written(command, newsroom):
    env = {**os.environ, "NO_COLOR": "1", "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    if command.startswith(LONG_RUNNING):
        proc = subprocess.Popen(command, shell=True, cwd=newsroom, env=env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        time.sleep(3)
        alive = proc.poll() is None
        if alive:
            os.killpg(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        assert alive, f"{command} stopped within 3 s: {err.decode()}"
        return
    proc = subprocess.run(command, shell=True, cwd=newsroom, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), f"{command}\n{proc.stdout}\n{proc.stderr}"  # 2 would be a usage error
    assert "Traceback" not in proc.stderr


def test_the_install_command_works_in_a_fresh_environment(tmp_path):
    """`python3 -m pip install . && newslint check article.txt`, in a new virtual environment,
    from a copy of the checkout (what a newcomer does after cloning)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    install = subprocess.run(["python3", "-m", "pip", "install", "-q", str(REPO)], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    proc = subprocess.run(["newslint", "check", "article.txt"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 1 and "article.txt:5:1: error:" in proc.stdout, proc.stdout + proc.stderr


def test_the_python_block_runs(newsroom, monkeypatch, capsys):
    (code,) = [body for lang, body in BLOCKS if lang == "python"]
    monkeypatch.chdir(newsroom)
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert any("boilerplate/comment-form" in line for line in printed)
    assert any("spelling/doubled-word" in line for line in printed)


def test_the_yaml_blocks_are_what_they_say(tmp_path):
    from newslint.settings.config import load_config
    from newslint.settings.rulebook import load_rule
    hooks = {hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    kinds = set()
    for lang, body in BLOCKS:
        if lang != "yaml":
            continue
        data = yaml.safe_load(body)
        if "repos" in data:  # a .pre-commit-config.yaml
            (repo,) = data["repos"]
            assert {h["id"] for h in repo["hooks"]} <= hooks and re.fullmatch(r"[0-9a-f]{40}", repo["rev"])
            kinds.add("pre-commit")
        elif "extends" in data:  # a rule file, named by its first line
            name = re.match(r"# (\S+)", body).group(1)
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
            rule = load_rule(f"{path.parent.name}/{path.stem}", path)
            assert rule.example["fail"] and rule.example["pass"]
            kinds.add("rule")
        else:  # a .newslint.yaml
            (tmp_path / "house-rules").mkdir(exist_ok=True)
            config = tmp_path / ".newslint.yaml"
            config.write_text(body, encoding="utf-8")
            assert load_config(config).accept
            kinds.add("configuration")
    assert kinds == {"pre-commit", "rule", "configuration"}


def test_the_editor_settings_start_the_language_server():
    from newslint.app.cli import build_parser
    lua = [body for lang, body in BLOCKS if lang == "lua"]
    assert lua and all("cmd = { 'newslint', 'lsp' }" in body for body in lua)
    assert '"glspc.server.command": "newslint"' in README and '"glspc.server.commandArguments": ["lsp"]' in README
    assert build_parser().parse_args(["lsp"]).command == "lsp"


def test_the_links_of_the_readme_lead_somewhere():
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README):
        if not target.startswith("http"):
            assert (REPO / target).exists(), target
