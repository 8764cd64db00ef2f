"""`newslint lsp`: a language server (the Language Server Protocol over standard input and
output, on pygls) for articles in Markdown, plain text and HTML.

Diagnostics follow the text as it is typed, debounced, with their related places; code actions
make a finding's fix or one of its suggestions, or every safe fix at once (source.fixAll).
The configuration is newslint's own: the nearest .newslint.yaml (or pyproject.toml) above each
file, read again when a configuration or rule file is saved or changes on disk.

newslint counts positions in code points; a client counts them in the encoding agreed at
initialize (UTF-16 unless both sides support another), so every position goes through
`Positions`. Lines end at \\r\\n, \\r or \\n, as in both newslint and the protocol.
"""
from __future__ import annotations

import asyncio
import logging
import re
from bisect import bisect_right
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Sequence

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

import newslint

from ..core.diagnostic import Diagnostic, Level
from ..core.errors import NewslintError
from ..core.version import package_version

DEFAULT_DEBOUNCE_MS = 75
LANGUAGE_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
# Saving or changing one of these re-reads the configuration (and the house rules it names).
CONFIGURATION_FILES = re.compile(r"(^|/)(\.?newslint\.ya?ml|pyproject\.toml)$|\.ya?ml$")
SEVERITY = {Level.ERROR: lsp.DiagnosticSeverity.Error, Level.WARNING: lsp.DiagnosticSeverity.Warning,
            Level.INFO: lsp.DiagnosticSeverity.Information}
FIX_ALL = f"{lsp.CodeActionKind.SourceFixAll.value}.newslint"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# The linter, reached in two places only ----------------------------------------------------

def document_format(path: str | None, language_id: str | None) -> str:
    """text, markdown or html: from the editor's language id, else from the file's extension."""
    from ..document import format_for_path
    return LANGUAGE_FORMATS.get(language_id or "") or format_for_path(path)


def lint(text: str, path: str | None, fmt: str) -> list[Diagnostic]:
    """The findings for an editor's text, through the public API: the configuration is the one
    found from `path` upward (the working directory's for an unsaved document)."""
    return newslint.check_text(text, format=fmt, path=path)  # type: ignore[arg-type]


def apply_safe_fixes(text: str, diagnostics: list[Diagnostic], fmt: str) -> str:
    """The text with every safe fix that does not clash with another, as one pass of
    `newslint check --fix` takes them (adapted to the format: HTML replacements are escaped)."""
    from ..run.fix import apply_safe_fixes as apply
    return apply(text, diagnostics, fmt)[0]


# Positions -------------------------------------------------------------------------------------

class Positions:
    """Code-point offsets into one text <-> the client's (line, character) positions."""

    def __init__(self, text: str, encoding: str = lsp.PositionEncodingKind.Utf16):
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        units_of: dict[str, Callable[[str], int]] = {lsp.PositionEncodingKind.Utf8: _utf8_units,
                                                     lsp.PositionEncodingKind.Utf32: len}
        self.units = units_of.get(encoding, _utf16_units)

    def position(self, offset: int) -> lsp.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return lsp.Position(line=line, character=self.units(self.text[self.starts[line]:offset]))

    def range(self, offset: int, length: int) -> lsp.Range:
        return lsp.Range(start=self.position(offset), end=self.position(offset + length))

    def offset(self, position: lsp.Position) -> int:
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self.starts[position.line + 1] if position.line + 1 < len(self.starts) else len(self.text)
        units = 0
        for index in range(start, end):
            if units >= position.character or self.text[index] in "\r\n":
                return index
            units += self.units(self.text[index])
        return end


def _utf16_units(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def _utf8_units(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


# The server ------------------------------------------------------------------------------------

@dataclass
class Linted:
    """One document's findings, for the code actions of the version they belong to."""

    version: int | None
    text: str
    diagnostics: list[Diagnostic]
    shift: int  # 1 when the text starts with a byte-order mark, which newslint's offsets leave out
    format: str


class NewslintLanguageServer(LanguageServer):
    def __init__(self, debounce_ms: int = DEFAULT_DEBOUNCE_MS):
        super().__init__("newslint", package_version(), text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.debounce = debounce_ms / 1000
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.languages: dict[str, str] = {}
        self.errors_shown: set[str] = set()
        # linting is CPU-bound and the linter is not shared across threads: one worker, so that
        # the event loop keeps reading changes while it runs
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lsp")

    def positions(self, text: str) -> Positions:
        return Positions(text, self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)

    def schedule(self, uri: str, delay: float) -> None:
        """Lint `uri` after `delay` seconds, unless another change comes first."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.ensure_future(self.lint_later(uri, delay))

    async def lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        path = to_fs_path(uri) if uri.startswith("file:") else None
        fmt = document_format(path, self.languages.get(uri))
        try:
            diagnostics = await asyncio.get_running_loop().run_in_executor(self.worker, lint, text, path, fmt)
        except NewslintError as exc:
            self.show_error(str(exc))
            diagnostics = []
        except Exception as exc:  # a bug must not leave the editor silent: say it once, keep serving
            logging.getLogger(__name__).exception("linting %s failed", uri)
            self.show_error(f"internal error while linting: {exc!r}")
            diagnostics = []
        if self.workspace.get_text_document(uri).version != version:
            return  # changed meanwhile: the newer text's lint is on its way
        shift = 1 if text.startswith("\ufeff") else 0
        self.linted[uri] = Linted(version, text, diagnostics, shift, fmt)
        positions = self.positions(text)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[to_lsp(d, uri, positions, shift) for d in diagnostics]))

    def show_error(self, message: str) -> None:
        """A configuration or rule error, said once (not on every keystroke)."""
        if message not in self.errors_shown:
            self.errors_shown.add(message)
            self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"newslint: {message}"))

    def reload(self) -> None:
        self.worker.submit(newslint.reload_configuration)  # on the worker: never while a lint reads the caches
        self.errors_shown.clear()
        for uri in list(self.linted):
            self.schedule(uri, 0)

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        linted = self.linted.get(uri)
        if linted is None or self.workspace.get_text_document(uri).version != linted.version:
            return []  # the findings belong to an older text; fresh ones are on their way
        positions = self.positions(linted.text)
        wanted = _kinds(params.context.only)
        first = positions.offset(params.range.start) - linted.shift
        last = positions.offset(params.range.end) - linted.shift
        actions: list[lsp.CodeAction] = []
        if lsp.CodeActionKind.QuickFix in wanted:
            for d in linted.diagnostics:
                if d.offset <= last and first <= d.offset + d.length:
                    actions += quick_fixes(d, uri, positions, linted.shift)
        safe = [d for d in linted.diagnostics if d.fix is not None and d.fix.safe]
        if safe and FIX_ALL in wanted:
            body = linted.text[linted.shift:]
            edit = minimal_edit(body, apply_safe_fixes(body, safe, linted.format), positions, linted.shift)
            if edit is not None:
                actions.append(lsp.CodeAction(
                    title=f"Apply every safe newslint fix ({len(safe)})", kind=FIX_ALL,
                    edit=lsp.WorkspaceEdit(changes={uri: [edit]})))
        return actions


def _kinds(only: Sequence[str] | None) -> set[str]:
    """The kinds of action the client asked for (all of ours when it did not say)."""
    ours = {lsp.CodeActionKind.QuickFix, FIX_ALL}
    if not only:
        return ours
    return {kind for kind in ours if any(kind == o or kind.startswith(f"{o}.") for o in only)}


def to_lsp(d: Diagnostic, uri: str, positions: Positions, shift: int) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=positions.range(d.offset + shift, d.length),
        severity=SEVERITY[d.level],
        code=d.rule,
        code_description=lsp.CodeDescription(href=d.link) if d.link else None,
        source="newslint",
        message=d.message,
        related_information=[
            lsp.DiagnosticRelatedInformation(
                location=lsp.Location(uri=uri, range=positions.range(r.offset + shift, r.length)), message=r.message)
            for r in d.related] or None,
    )


def quick_fixes(d: Diagnostic, uri: str, positions: Positions, shift: int) -> list[lsp.CodeAction]:
    """The finding's fix (preferred when safe), then each suggestion that it does not already make."""
    diagnostic = to_lsp(d, uri, positions, shift)
    actions = []
    made = None
    if d.fix is not None and d.fix.edits:
        edits = d.fix.edits
        if len(edits) == 1 and (edits[0].offset, edits[0].length) == (d.offset, d.length):
            made = edits[0].replacement
        title = ("Delete it" if made == "" else f"Replace with '{made}'" if made is not None
                 else f"Apply the fix ({len(edits)} edits)")
        actions.append(lsp.CodeAction(
            title=f"{title} [{d.rule}]", kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic],
            is_preferred=d.fix.safe or None,
            edit=lsp.WorkspaceEdit(changes={uri: [
                lsp.TextEdit(range=positions.range(e.offset + shift, e.length), new_text=e.replacement)
                for e in sorted(set(edits), key=lambda e: e.offset)]})))
    if d.length:
        for suggestion in d.suggestions:
            if suggestion != made:
                actions.append(lsp.CodeAction(
                    title=f"Replace with '{suggestion}' [{d.rule}]", kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic], edit=lsp.WorkspaceEdit(changes={uri: [
                        lsp.TextEdit(range=positions.range(d.offset + shift, d.length), new_text=suggestion)]})))
    return actions


def minimal_edit(old: str, new: str, positions: Positions, shift: int) -> lsp.TextEdit | None:
    """One edit that turns `old` into `new`: the stretch between what they share at both ends
    (so that the editor keeps its cursor and folds elsewhere)."""
    if old == new:
        return None
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return lsp.TextEdit(range=positions.range(start + shift, len(old) - end - start),
                        new_text=new[start:len(new) - end])


def create_server(debounce_ms: int = DEFAULT_DEBOUNCE_MS) -> NewslintLanguageServer:
    server = NewslintLanguageServer(debounce_ms)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: NewslintLanguageServer, params: lsp.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace
        if watch and watch.did_change_watched_files and watch.did_change_watched_files.dynamic_registration:
            await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[lsp.Registration(
                id="newslint-configuration", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=[
                    lsp.FileSystemWatcher(glob_pattern=pattern)
                    for pattern in ("**/.newslint.yaml", "**/.newslint.yml", "**/pyproject.toml",
                                    "**/*.yaml", "**/*.yml")]))]))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintLanguageServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.languages[params.text_document.uri] = params.text_document.language_id
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintLanguageServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintLanguageServer, params: lsp.DidSaveTextDocumentParams) -> None:
        if CONFIGURATION_FILES.search(params.text_document.uri):
            ls.reload()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NewslintLanguageServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        if any(CONFIGURATION_FILES.search(change.uri) for change in params.changes):
            ls.reload()

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintLanguageServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.linted.pop(uri, None)
        ls.languages.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: NewslintLanguageServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    return server


def serve(debounce_ms: int = DEFAULT_DEBOUNCE_MS) -> int:
    """Speak LSP on standard input and output until the client says exit."""
    create_server(debounce_ms).start_io()
    return 0

