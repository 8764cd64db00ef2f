"""`newslint vocab add WORD...`: append words to the project's house vocabulary (accept list).

The nearest .newslint.yaml from the working directory upward is edited in place: only the
accept list changes, comments and layout stay as they were. Without a configuration file a
new .newslint.yaml is created here. A pyproject.toml configuration is not edited (the message
says what to add by hand). The result is validated before it is written, atomically.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from ..core.errors import NewslintError
from ..settings.config import CONFIG_NAMES, config_from_text, find_config


def add_words(words: list[str], start: Path, config: Path | None = None) -> tuple[Path, list[str]]:
    """Add `words` to the accept list; returns the file and the words that were new."""
    path = config or find_config(start)
    if path is None:
        path = start / CONFIG_NAMES[0]
        text = ""
    elif path.name == "pyproject.toml":
        raise NewslintError(f"{path}: the configuration is in pyproject.toml; add the words to "
                            "[tool.newslint] vocabulary = {{ accept = [...] }} by hand, or use a .newslint.yaml")
    else:
        text = path.read_text(encoding="utf-8")
    existing = set(_accept_list(text, path))
    new = [w for w in dict.fromkeys(w.strip() for w in words) if w and w not in existing]
    if not new:
        return path, []
    updated = insert_accept(text, new, str(path))
    tmp_check = yaml.safe_load(updated) or {}
    if set(new) - set((tmp_check.get("vocabulary") or {}).get("accept") or []):
        raise NewslintError(f"{path}: could not add the words safely; add them to vocabulary.accept by hand")
    config_from_text(updated, path)  # a mistake elsewhere in the file is reported, and nothing written
    _write(path, updated)
    return path, new


def _accept_list(text: str, path: Path) -> list[str]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise NewslintError(f"{path}: not valid YAML: {exc}") from None
    vocab = data.get("vocabulary") if isinstance(data, dict) else None
    accept = vocab.get("accept") if isinstance(vocab, dict) else None
    return [accept] if isinstance(accept, str) else list(accept or [])


def _quote(word: str) -> str:
    """The word as a YAML flow item: plain when YAML reads it back as itself, else quoted."""
    try:
        if yaml.safe_load(word) == word and not any(c in word for c in ",[]{}#:&*!|>'\"%@`"):
            return word
    except yaml.YAMLError:
        pass
    return "'" + word.replace("'", "''") + "'"


def insert_accept(text: str, words: list[str], where: str = "<config>") -> str:
    """`text` (a YAML configuration) with `words` appended to vocabulary.accept."""
    items = [_quote(w) for w in words]
    root = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    if root is None:
        return text + ("" if not text or text.endswith("\n") else "\n") + \
            "vocabulary:\n  accept:\n" + "".join(f"    - {i}\n" for i in items)
    if not isinstance(root, yaml.MappingNode):
        raise NewslintError(f"{where}: the configuration is not a mapping")
    vocab = _child(root, "vocabulary")
    if vocab is None:
        body = text + ("" if text.endswith("\n") else "\n")
        return body + "vocabulary:\n  accept:\n" + "".join(f"    - {i}\n" for i in items)
    key_node, vocab_node = vocab
    if not isinstance(vocab_node, yaml.MappingNode):
        raise NewslintError(f"{where}: 'vocabulary' is not a mapping")
    accept = _child(vocab_node, "accept")
    lines = text.splitlines(keepends=True)
    if accept is None:
        if vocab_node.flow_style:
            pos = _offset(lines, vocab_node.start_mark) + 1  # just after "{"
            return text[:pos] + f"accept: [{', '.join(items)}], " + text[pos:]
        indent = " " * (vocab_node.start_mark.column if vocab_node.value else key_node.start_mark.column + 2)
        line = key_node.start_mark.line + 1
        lines.insert(line, f"{indent}accept:\n" + "".join(f"{indent}  - {i}\n" for i in items))
        return "".join(lines)
    _, seq = accept
    if isinstance(seq, yaml.ScalarNode):  # accept: Blinken
        s, e = _offset(lines, seq.start_mark), _offset(lines, seq.end_mark)
        return text[:s] + "[" + ", ".join([text[s:e]] + items) + "]" + text[e:]
    if not isinstance(seq, yaml.SequenceNode):
        raise NewslintError(f"{where}: 'vocabulary.accept' is not a list")
    if seq.flow_style:
        end = _offset(lines, seq.end_mark) - 1  # the "]"
        sep = ", " if seq.value else ""
        return text[:end].rstrip() + sep + ", ".join(items) + text[end:]
    last = seq.value[-1]
    indent = " " * seq.start_mark.column
    line = last.end_mark.line + (1 if last.end_mark.column > 0 else 0)
    if line > len(lines) - 1 and lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    lines[line:line] = [f"{indent}- {i}\n" for i in items]
    return "".join(lines)


def _child(node: yaml.MappingNode, name: str):
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == name:
            return k, v
    return None


def _offset(lines: list[str], mark) -> int:
    return sum(len(line) for line in lines[:mark.line]) + mark.column


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".newslint-")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    if path.exists():
        os.chmod(tmp, path.stat().st_mode & 0o777)
    else:  # a new file gets the permissions the user's umask gives (mkstemp's are owner-only)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)
