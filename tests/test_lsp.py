"""`newslint lsp` spoken to by a real LSP client (pygls's) over standard input and output:
initialize, didOpen, publishDiagnostics, codeAction, didChange, watched configuration files.

Positions are checked against an independent count of UTF-16 code units, on lines with
emoji (outside the BMP) before the findings, where code points and UTF-16 units differ."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from newslint.app.lsp import Positions

# Written for this test: a typo, a name spelt two ways, an agency in the wrong case and web
# debris, with emoji before the findings on their lines.
ARTICLE = ("Harbour vote 🚢\n\n"
           "🚢🚢 Port commissioner Helena Marchetti said the goverment would pay, according to Afp.\n\n"
           "Marchetti said the vote was close. 🗳️ Marchetty thanked the board.\n\n"
           "Marchetti left at noon. It could also possibly rain.\n\n"
           "Leave a Reply\n")


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def lsp_range(text: str, fragment: str, occurrence: int = 0) -> tuple[int, int, int, int]:
    """(line, start, line, end) of a fragment, counted in UTF-16 units here, independently."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(fragment, at + 1)
    line = text.count("\n", 0, at)
    start = units(text[text.rfind("\n", 0, at) + 1:at])
    return line, start, line, start + units(fragment)


def as_tuple(r: lsp.Range) -> tuple[int, int, int, int]:
    return r.start.line, r.start.character, r.end.line, r.end.character


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """The client's side of a WorkspaceEdit, in UTF-16 units."""
    lines = text.split("\n")
    data = text.encode("utf-16-le")

    def index(p: lsp.Position) -> int:
        return 2 * (sum(units(line) + 1 for line in lines[:p.line]) + p.character)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        data = data[:index(edit.range.start)] + edit.new_text.encode("utf-16-le") + data[index(edit.range.end):]
    return data.decode("utf-16-le")


class Session:
    """A client on a real `python -m newslint lsp` process, collecting what the server says."""

    def __init__(self, root: Path, *args: str):
        self.root = root
        self.args = args
        self.client = LanguageClient("newslint-tests", "1")
        self.published: list[lsp.PublishDiagnosticsParams] = []
        self.messages: list[lsp.ShowMessageParams] = []
        self.registrations: list[lsp.Registration] = []
        self.arrived = asyncio.Event()

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params):
            self.published.append(params)
            self.arrived.set()

        @self.client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def on_message(params):
            self.messages.append(params)
            self.arrived.set()

        @self.client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
        def on_register(params):
            self.registrations.extend(params.registrations)

    async def start(self, encodings: list[str] | None = None) -> lsp.InitializeResult:
        await self.client.start_io(sys.executable, "-m", "newslint", "lsp", *self.args, cwd=str(self.root))
        result = await self.client.initialize_async(lsp.InitializeParams(
            process_id=None, root_uri=from_fs_path(str(self.root)),
            capabilities=lsp.ClientCapabilities(
                general=lsp.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
                workspace=lsp.WorkspaceClientCapabilities(did_change_watched_files=lsp.DidChangeWatchedFilesClientCapabilities(
                    dynamic_registration=True)))))
        self.client.initialized(lsp.InitializedParams())
        return result

    async def wait(self, condition, what: str, timeout: float = 30):
        async def until():
            while not condition():
                self.arrived.clear()
                await self.arrived.wait()
        try:
            await asyncio.wait_for(until(), timeout)
        except asyncio.TimeoutError:
            raise AssertionError(f"timed out waiting for {what}; published: {self.published}") from None

    async def diagnostics(self, uri: str, version: int) -> list[lsp.Diagnostic]:
        await self.wait(lambda: any(p.uri == uri and p.version == version for p in self.published),
                        f"diagnostics of {uri} version {version}")
        return next(p for p in reversed(self.published) if p.uri == uri and p.version == version).diagnostics

    def open(self, path: Path, text: str, language: str = "markdown") -> str:
        uri = from_fs_path(str(path))
        self.client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    def change(self, uri: str, version: int, text: str) -> None:
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))

    async def actions(self, uri: str, r: lsp.Range, diagnostics: list[lsp.Diagnostic], only=None):
        return await self.client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=r,
            context=lsp.CodeActionContext(diagnostics=diagnostics, only=only)))

    async def stop(self) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), 30)
        self.client.exit(None)
        await self.client.stop()


def run(coroutine):
    return asyncio.run(coroutine)


def test_positions_count_utf16_utf8_and_code_points():
    text = "a😀b\r\nc🗳️d\re\nf"
    utf16, utf8, utf32 = (Positions(text, e) for e in ("utf-16", "utf-8", "utf-32"))
    assert as_tuple(utf16.range(2, 1)) == (0, 3, 0, 4)  # 'b' after one emoji: 2 code units
    assert as_tuple(utf8.range(2, 1)) == (0, 5, 0, 6)
    assert as_tuple(utf32.range(2, 1)) == (0, 2, 0, 3)
    d = text.index("d")
    assert as_tuple(utf16.range(d, 1)) == (1, 4, 1, 5)  # U+1F5F3 and a variation selector
    assert utf16.position(text.index("e")) == lsp.Position(2, 0)  # a lone \r ends a line
    assert utf16.position(len(text)) == lsp.Position(3, 1)
    for positions in (utf16, utf8, utf32):
        assert [positions.offset(positions.position(o)) for o in range(len(text) + 1)] == \
            [o if text[o - 1:o + 1] != "\r\n" else o - 1 for o in range(len(text) + 1)]
    assert utf16.offset(lsp.Position(0, 2)) == 2  # inside a surrogate pair: after the whole character
    assert utf16.offset(lsp.Position(0, 99)) == 3 and utf16.offset(lsp.Position(9, 0)) == len(text)


def test_diagnostics_actions_changes_and_configuration(tmp_path):
    workspace = tmp_path / "site"
    workspace.mkdir()
    config = workspace / ".newslint.yaml"
    config.write_text("rules:\n  style/stacked-hedges: off\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    async def scenario():
        session = Session(workspace, "--debounce", "300")
        result = await session.start()
        assert result.capabilities.position_encoding in (None, "utf-16")
        assert result.capabilities.text_document_sync.change == lsp.TextDocumentSyncKind.Full
        try:
            uri = session.open(workspace / "story.md", ARTICLE)
            found = await session.diagnostics(uri, 1)
            by_code = {d.code: d for d in found}
            assert set(by_code) == {"spelling/unknown-word", "style/agency-names", "consistency/name-variant",
                                    "boilerplate/comment-form"}  # stacked hedges: off in .newslint.yaml
            typo = by_code["spelling/unknown-word"]
            assert as_tuple(typo.range) == lsp_range(ARTICLE, "goverment")
            assert typo.severity == lsp.DiagnosticSeverity.Error and typo.source == "newslint"
            variant = by_code["consistency/name-variant"]
            assert as_tuple(variant.range) == lsp_range(ARTICLE, "Marchetty")
            assert [as_tuple(r.location.range) for r in variant.related_information] == \
                [lsp_range(ARTICLE, "Marchetti", k) for k in range(3)]
            assert all(r.location.uri == uri and r.message == "'Marchetti' here" for r in variant.related_information)
            assert as_tuple(by_code["style/agency-names"].range) == lsp_range(ARTICLE, "Afp")

            # the same text outside the workspace: no configuration, the hedges are found
            other = session.open(elsewhere / "story.md", ARTICLE)
            assert "style/stacked-hedges" in {d.code for d in await session.diagnostics(other, 1)}

            actions = await session.actions(uri, typo.range, [typo])
            quick = [a for a in actions if a.kind == lsp.CodeActionKind.QuickFix]
            assert [a.title for a in quick] == ["Replace with 'government' [spelling/unknown-word]"]
            assert quick[0].is_preferred and quick[0].diagnostics[0].code == "spelling/unknown-word"
            (edit,) = quick[0].edit.changes[uri]
            assert as_tuple(edit.range) == as_tuple(typo.range) and edit.new_text == "government"
            (fix_all,) = [a for a in actions if a.kind == "source.fixAll.newslint"]
            fixed = apply_edits(ARTICLE, fix_all.edit.changes[uri])
            # the name variant is a suggestion, not a safe fix: Marchetty stays for review
            assert fixed == (ARTICLE.replace("goverment", "government").replace("Afp", "AFP")
                             .replace("\n\nLeave a Reply\n", "\n"))  # the line and its blank line
            only_fix_all = await session.actions(uri, typo.range, [typo], only=[lsp.CodeActionKind.SourceFixAll])
            assert [a.kind for a in only_fix_all] == ["source.fixAll.newslint"]

            # typing: each change waits for the next; only the last text is linted and published
            text = ARTICLE
            for version in range(2, 7):
                text = text.replace("goverment", "government") + "x" * (version - 2)
                session.change(uri, version, text)
            found = await session.diagnostics(uri, 6)
            assert [p.version for p in session.published if p.uri == uri] == [1, 6]
            assert "spelling/unknown-word" not in {d.code for d in found}
            assert as_tuple(next(d for d in found if d.code == "style/agency-names").range) == lsp_range(text, "Afp")

            # the configuration changes on disk: the server registered a watcher, and reads it again
            assert any(r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in session.registrations)
            config.write_text("rules:\n  style/agency-names: off\n", encoding="utf-8")
            session.client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(changes=[
                lsp.FileEvent(uri=from_fs_path(str(config)), type=lsp.FileChangeType.Changed)]))
            await session.wait(lambda: len([p for p in session.published if p.uri == uri]) >= 3, "a new lint")
            codes = {d.code for d in [p for p in session.published if p.uri == uri][-1].diagnostics}
            assert "style/agency-names" not in codes and "style/stacked-hedges" in codes

            # a broken configuration is said once, as a message, not as a crash
            config.write_text("rules:\n  no-such-rule: off\n", encoding="utf-8")
            session.client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(changes=[
                lsp.FileEvent(uri=from_fs_path(str(config)), type=lsp.FileChangeType.Changed)]))
            await session.wait(lambda: session.messages, "an error message")
            (message,) = session.messages
            assert message.type == lsp.MessageType.Error and "no-such-rule" in message.message

            session.client.text_document_did_close(lsp.DidCloseTextDocumentParams(
                text_document=lsp.TextDocumentIdentifier(uri=other)))
            await session.wait(lambda: session.published[-1].uri == other and not session.published[-1].diagnostics,
                               "the closed document's diagnostics cleared")
        finally:
            await session.stop()

    run(scenario())


def test_a_client_that_counts_in_utf8_gets_utf8_positions(tmp_path):
    async def scenario():
        session = Session(tmp_path)
        result = await session.start(encodings=["utf-8", "utf-16"])
        assert result.capabilities.position_encoding == "utf-8"
        try:
            uri = session.open(tmp_path / "story.txt", "🚢 The goverment met.\n", language="plaintext")
            (typo,) = await session.diagnostics(uri, 1)
            assert as_tuple(typo.range) == (0, len("🚢 The ".encode()), 0, len("🚢 The goverment".encode()))
            (action,) = await session.actions(uri, typo.range, [typo], only=[lsp.CodeActionKind.QuickFix])
            assert as_tuple(action.edit.changes[uri][0].range) == as_tuple(typo.range)
        finally:
            await session.stop()

    run(scenario())
