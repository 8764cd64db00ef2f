"""Shared helpers: lint a text with an in-memory configuration, and run the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.config import parse_config
from newslint.document import Document
from newslint.engine import Engine
from newslint.errors import ConfigError

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_config(data: dict | None = None):
    def fail(message, *keys):
        return ConfigError(message, "<test config>", None, None, ".".join(str(k) for k in keys) or None)
    return parse_config(data or {}, fail, None)


def lint(text: str, *, format: str = "text", select=(), ignore=(), config: dict | None = None,
         metadata: dict | None = None, path: str | None = None):
    engine = Engine.build(make_config(config), None, select=select, ignore=ignore)
    return engine.lint(Document(text, path=path, format=format, metadata=metadata))


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None, env: dict | None = None):
    """The real console entry point in a subprocess: exit status, stdout, stderr."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "newslint", *args], input=input, capture_output=True,
                          text=True, cwd=cwd, env=full_env, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def write(tmp_path: Path):
    """write('a/b.md', text) -> the path, creating folders."""
    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path
    return _write
