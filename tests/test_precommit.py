"""The pre-commit hooks, run by pre-commit itself in a throwaway content repository.

pre-commit installs a hook from a git repository, so the working tree (committed or not) is
copied into a temporary repository and committed there: the test always sees the current code.
pre-commit then builds the hook's virtualenv with pip, like any user's machine would.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "GIT_CONFIG_NOSYSTEM": "1"}


def git(*args: str, cwd: Path, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, check=check, timeout=600)


@pytest.fixture(scope="module")
def hook_env(tmp_path_factory):
    """A snapshot of this repository as a hook repository, and an environment for pre-commit."""
    env = {**os.environ, **GIT_ENV, "NO_COLOR": "1",
           "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}
    env.pop("PRE_COMMIT", None)
    snapshot = tmp_path_factory.mktemp("hook-repo")
    files = git("ls-files", "-co", "--exclude-standard", "-z", cwd=REPO).stdout.split("\0")
    for name in filter(None, files):
        source = REPO / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git("init", "-q", cwd=snapshot, env=env)
    git("add", "-A", cwd=snapshot, env=env)
    git("commit", "-q", "-m", "snapshot", cwd=snapshot, env=env)
    rev = git("rev-parse", "HEAD", cwd=snapshot, env=env).stdout.strip()
    return env, snapshot, rev


def content_repo(tmp_path: Path, hook_env, hook_id: str) -> Path:
    env, snapshot, rev = hook_env
    repo = tmp_path / "content"
    repo.mkdir()
    git("init", "-q", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {snapshot}\n    rev: {rev}\n    hooks:\n      - id: {hook_id}\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True,
                   capture_output=True, timeout=120)
    git("add", ".pre-commit-config.yaml", cwd=repo, env=env)
    return repo


def commit(repo: Path, env: dict, name: str, text: str) -> subprocess.CompletedProcess:
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text, encoding="utf-8")
    git("add", name, cwd=repo, env=env)
    return git("commit", "-m", f"add {name}", cwd=repo, env=env, check=False)


def test_hook_refuses_a_bad_article_and_accepts_a_clean_one(tmp_path, hook_env):
    env = hook_env[0]
    repo = content_repo(tmp_path, hook_env, "newslint")
    bad = commit(repo, env, "news/story.md", "# Budget agreed\n\nMinisters agreed the budget.\n\nLeave a Reply\n")
    output = bad.stdout + bad.stderr
    assert bad.returncode != 0, output
    assert "news/story.md:5:1: error: 'Leave a Reply' is comment-form text" in output
    assert "[boilerplate/comment-form]" in output
    assert git("rev-list", "--all", cwd=repo, env=env).stdout == ""  # nothing was committed

    git("rm", "-q", "--cached", "news/story.md", cwd=repo, env=env)
    good = commit(repo, env, "news/clean.md", "# Budget agreed\n\nMinisters agreed the budget on Tuesday.\n")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "newslint" in good.stdout + good.stderr and "Passed" in good.stdout + good.stderr
    assert git("log", "--format=%s", cwd=repo, env=env).stdout.strip() == "add news/clean.md"

    ignored = commit(repo, env, "notes.css", "Leave a Reply\n")  # not an article: the hook skips it
    assert ignored.returncode == 0, ignored.stdout + ignored.stderr


@pytest.mark.parametrize("hook_id", ["newslint", "newslint-fix"])
def test_hook_refuses_files_it_cannot_read(tmp_path, hook_env, hook_id):
    """A file the hook cannot read was reported on stderr, which pre-commit hides when a hook
    passes: the commit went through with "Passed" (issue 14). It must fail, with the reason."""
    env = hook_env[0]
    repo = content_repo(tmp_path, hook_env, hook_id)
    body = "Owners of the caf\u00e9 met.\n\nThe the plan was agreed.\n\nLeave a Reply\n"
    (repo / "legacy.txt").write_bytes(body.encode("cp1252"))
    (repo / "draft.md").write_text("---\ntitle: [unclosed\n---\n\n" + body, encoding="utf-8")
    git("add", "legacy.txt", "draft.md", cwd=repo, env=env)
    result = git("commit", "-m", "add unreadable articles", cwd=repo, env=env, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Passed" not in output and "Failed" in output
    assert "legacy.txt: error: not valid UTF-8" in output
    assert "draft.md:2:" in output and "front matter is not valid YAML" in output
    assert git("rev-list", "--all", cwd=repo, env=env).stdout == ""  # nothing was committed


def test_fix_hook_applies_safe_fixes(tmp_path, hook_env):
    env = hook_env[0]
    repo = content_repo(tmp_path, hook_env, "newslint-fix")
    first = commit(repo, env, "story.html", "<p>The Afp report came out.</p>\n")
    assert first.returncode != 0  # files changed by the hook: pre-commit stops the commit for review
    assert "files were modified by this hook" in first.stdout + first.stderr
    assert (repo / "story.html").read_text(encoding="utf-8") == "<p>The AFP report came out.</p>\n"
    git("add", "story.html", cwd=repo, env=env)
    second = git("commit", "-m", "fixed", cwd=repo, env=env, check=False)
    assert second.returncode == 0, second.stdout + second.stderr


def test_hooks_manifest_is_valid_and_matches_articles():
    manifest = REPO / ".pre-commit-hooks.yaml"
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", str(manifest)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    import re

    import yaml
    hooks = {h["id"]: h for h in yaml.safe_load(manifest.read_text())}
    assert set(hooks) == {"newslint", "newslint-fix"}
    assert hooks["newslint"]["entry"] == "newslint check --strict" and hooks["newslint"]["language"] == "python"
    assert all("--strict" in hook["entry"].split() for hook in hooks.values())  # unreadable files fail
    assert "--fix" in hooks["newslint-fix"]["entry"].split()
    for hook in hooks.values():
        pattern = re.compile(hook["files"])
        assert all(pattern.search(n) for n in ("a.md", "b/c.markdown", "d.txt", "e.html", "F.HTM"))
        assert not any(pattern.search(n) for n in ("a.py", "b.mdx", "c.txt.bak", "style.css"))
