"""Applying fixes: all edits in one pass, never two on the same characters; atomic writes.

    apply_edits(text, edits)        the edits that do not overlap, in one pass
    apply_fixes(text, fixes)        whole fixes (all their edits or none) that do not conflict
    apply_safe_fixes(text, diagnostics, fmt)   the safe fixes of a lint, adapted to the file, applied
    write_atomic(path, data, original)  temp file in the same folder, then rename; refuses a file
                                    that changed on disk since `original` was read
    unified_diff(old, new, name)    what --diff prints
"""
from __future__ import annotations

import os
import re
import signal
from pathlib import Path
from typing import Iterable

from ..core.diagnostic import Diagnostic, Edit, Fix
from ..core.errors import InputError

MAX_PASSES = 10  # a fix that makes another finding fixable is applied in the next pass


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """`text` with the edits applied, and how many were. Edits are taken by offset; one that
    overlaps an edit already taken is left out (run again to apply it to the new text)."""
    out: list[str] = []
    pos = 0
    applied = 0
    for edit in sorted(edits, key=lambda e: (e.offset, e.length)):
        if edit.offset < pos or edit.offset + edit.length > len(text):
            continue
        out.append(text[pos:edit.offset])
        out.append(edit.replacement)
        pos = edit.offset + edit.length
        applied += 1
    out.append(text[pos:])
    return "".join(out), applied


def _conflict(a: Edit, b: Edit) -> bool:
    """Whether two edits touch the same characters (or insert at the same point)."""
    if a == b:
        return False
    a_end, b_end = a.offset + a.length, b.offset + b.length
    if a.length == 0 and b.length == 0:
        return a.offset == b.offset
    if a.length == 0:
        return b.offset < a.offset < b_end
    if b.length == 0:
        return a.offset < b.offset < a_end
    return a.offset < b_end and b.offset < a_end


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """`text` with every fix applied that does not conflict with one taken before it, and how
    many fixes were taken. A fix is taken whole or not at all; the same edit proposed by two
    findings is made once. Fixes are taken in text order, so the result is deterministic."""
    taken: list[Edit] = []
    count = 0
    ordered = sorted((f for f in fixes if f.edits),
                     key=lambda f: min((e.offset, e.length, e.replacement) for e in f.edits))
    for fix in ordered:
        edits = sorted(set(fix.edits), key=lambda e: (e.offset, e.length))
        if any(e.offset < 0 or e.length < 0 or e.offset + e.length > len(text) for e in edits):
            continue
        if any(_conflict(a, b) for i, a in enumerate(edits) for b in edits[i + 1:]):
            continue
        if any(_conflict(e, t) for e in edits for t in taken):
            continue
        taken.extend(e for e in edits if e not in taken)
        count += 1
    new, _ = apply_edits(text, taken)
    return new, count


def newline_of(text: str) -> str:
    """The file's line ending: the most common of \\r\\n, \\r and \\n (\\n if none)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"


_ANY_NEWLINE = re.compile(r"\r\n|\r|\n")
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def for_file(fixes: Iterable[Fix], text: str, fmt: str) -> list[Fix]:
    """Fixes adapted to the file they go into: replacements take the file's line endings, and
    in HTML they are escaped and may not cut through markup (such fixes are left out)."""
    newline = newline_of(text)
    out = []
    for fix in fixes:
        edits = []
        for e in fix.edits:
            replacement = e.replacement
            if newline != "\n":
                replacement = _ANY_NEWLINE.sub(newline, replacement)
            if fmt == "html":
                if "<" in text[e.offset:e.offset + e.length] or ">" in text[e.offset:e.offset + e.length]:
                    break
                import html
                replacement = html.escape(replacement, quote=False)
            edits.append(Edit(e.offset, e.length, replacement))
        else:
            out.append(Fix(tuple(edits), fix.safe))
    return out


def apply_safe_fixes(text: str, diagnostics: Iterable[Diagnostic], fmt: str = "text") -> tuple[str, int]:
    """`text` with the safe fixes of its diagnostics applied (see apply_fixes), and how many were.
    One pass: the Linter lints the new text and applies again until nothing is left to fix."""
    return apply_fixes(text, for_file((d.fix for d in diagnostics if d.fix is not None and d.fix.safe), text, fmt))


def write_atomic(path: Path, data: bytes, original: bytes) -> None:
    """Replace the file's content with `data`: a temp file in the same folder, then a rename,
    keeping the file's permissions. Refuses (InputError) if the file no longer holds `original`."""
    import stat
    import tempfile
    target = Path(os.path.realpath(path))  # write through a symlink, do not replace it
    try:
        st = target.stat()
        if target.read_bytes() != original:
            raise InputError("changed on disk since it was read; not fixed (run again)", str(path))
    except OSError as exc:
        raise InputError(f"cannot fix: {exc.strerror or exc}", str(path)) from None
    with _signals_deferred():
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".newslint")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass
            if target.read_bytes() != original:  # a last look, just before the rename
                raise InputError("changed on disk since it was read; not fixed (run again)", str(path))
            os.replace(tmp, target)
        except BaseException as exc:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            if isinstance(exc, OSError):  # a full disk, a read-only folder: this file is not fixed, the run goes on
                raise InputError(f"cannot fix: {exc.strerror or exc}; the file is unchanged", str(path)) from None
            raise


class _signals_deferred:
    """Ctrl-C (SIGINT) and SIGTERM (a pool being terminated) wait until the file is replaced or
    left alone and the temp file is gone: delivered inside, they could strike between creating
    the temp file and removing it, and leave it behind. The Python handlers are swapped for ones
    that only record the signal, then restored and the signal raised again. (A signal mask would
    not do: the kernel hands a process signal to any thread that leaves it unblocked, and Python
    then runs the handler in the main thread at once.) Outside the main thread handlers cannot be
    swapped; the except clause above still cleans up."""

    _NAMES = ("SIGINT", "SIGTERM", "SIGHUP")

    def __enter__(self) -> None:
        self.saved: dict[int, object] = {}
        self.received: list[int] = []
        import threading
        if threading.current_thread() is not threading.main_thread():
            return
        for name in self._NAMES:
            signum = getattr(signal, name, None)
            if signum is not None:
                self.saved[signum] = signal.signal(signum, self._record)

    def _record(self, signum: int, frame: object) -> None:
        self.received.append(signum)

    def __exit__(self, *exc) -> None:
        for signum, handler in self.saved.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        for signum in dict.fromkeys(self.received):  # what came meanwhile is delivered now
            signal.raise_signal(signum)


def unified_diff(old: str, new: str, name: str) -> str:
    """A unified diff of two versions of a file, in `git diff` style (a/ and b/ prefixes)."""
    import difflib
    out = []
    for line in difflib.unified_diff(_LINES.findall(old), _LINES.findall(new),
                                     fromfile=f"a/{name}", tofile=f"b/{name}"):
        if line.endswith(("\n", "\r")):
            out.append(line if line.endswith("\n") else line + "\n")
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
