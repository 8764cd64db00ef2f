"""Readers: bytes to text, and one reader per format turning the text into a prose view.

    decode(data, path)      UTF-8 text, or an InputError that says why not (with the byte offset)
    format_for_path(path)   text, markdown or html, from the extension
    reader_for(format)      the function that reads that format into a Reading
"""
from __future__ import annotations

from typing import Callable

from ...core.errors import InputError, SkippedInput
from ..reading import Reading

FORMATS = ("text", "markdown", "html")
EXTENSION_FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                     ".html": "html", ".htm": "html"}


def format_for_path(path: str | None, default: str = "text") -> str:
    if path:
        dot = path.rfind(".")
        if dot != -1:
            return EXTENSION_FORMATS.get(path[dot:].lower(), default)
    return default


def reader_for(fmt: str) -> Callable[[str], Reading]:
    """The reader of a format, imported when first needed (a run may see one format only)."""
    if fmt == "markdown":
        from .markdown import read_markdown
        return read_markdown
    if fmt == "html":
        from .html import read_html
        return read_html
    from .text import read_text
    return read_text


def decode(data: bytes, path: str | None = None) -> str:
    """Bytes of a file to text, with a precise error for anything that is not UTF-8 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("UTF-16 text: newslint reads UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)", path)
    if b"\x00" in data[:8192]:
        raise SkippedInput("binary file, skipped", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start}"
                         f" cannot be decoded ({exc.reason})", path) from None
