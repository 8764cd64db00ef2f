"""Grammar through LanguageTool: a real server (tests/conftest.py starts one with
scripts/languagetool) and outages from a fake one (down, slow, HTTP 500, garbage)."""
from __future__ import annotations

import http.server
import json
import threading
import time

import pytest
from conftest import lint, make_config, run_cli

from newslint.core.errors import ConfigError
from newslint.document.model import Document
from newslint.resources.languagetool_client import Client
from newslint.run.engine import Engine

STORY = ("He go to the ministry every day.\n\n"
         "It is a long way from a airport, said Blinken, who was previosuly an envoy.\n\n"
         "The the talks ended late.\n")


# the real server ---------------------------------------------------------------------------

@pytest.fixture
def lt(languagetool_url, monkeypatch):
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", languagetool_url)
    return languagetool_url


def test_grammar_matches_become_diagnostics_at_the_right_place(lt):
    found = lint(STORY)
    grammar = {(d.rule, d.line, d.column, d.end_column) for d in found if d.family == "grammar"}
    assert ("grammar/HE_VERB_AGR", 1, 4, 6) in grammar
    assert ("grammar/EN_A_VS_AN", 3, 23, 24) in grammar
    agreement = next(d for d in found if d.rule == "grammar/HE_VERB_AGR")
    assert "goes" in agreement.suggestions and agreement.message


def test_the_same_slip_is_reported_once_by_the_spelling_rules(lt):
    found = lint(STORY)
    on_typo = [d.rule for d in found if d.line == 3 and d.column == 56]
    assert on_typo == ["spelling/unknown-word"]
    on_double = [d.rule for d in found if d.line == 5 and d.column == 1]
    assert on_double == ["spelling/doubled-word"]
    # without the speller, LanguageTool's own spelling rule does report the typo
    alone = lint(STORY, ignore=["spelling"])
    assert any(d.rule.startswith("grammar/MORFOLOGIK") and d.line == 3 for d in alone)


def test_a_confusion_newslint_finds_offline_is_not_reported_again(lt):
    text = "Sales rose more then expected, and he have said so.\n"
    everything = lint(text, select=["grammar"])
    on_then = [d.rule for d in everything if d.column == 17]
    assert on_then == ["grammar/confused-words"], everything
    on_have = [d.rule for d in everything if d.column == 39]
    assert on_have == ["grammar/singular-has"], everything
    # LanguageTool does see both slips: without newslint's own rules it reports them itself
    server_only = lint(text, select=["grammar/languagetool"])
    assert {d.column for d in server_only} >= {17, 39}, server_only
    assert all(d.rule.split("/")[1].isupper() for d in server_only)


def test_names_and_house_words_pass_languagetools_speller(lt):
    text = "Blinken met Qin Gang and Xie Feng in Diaoyutai; the zorbification went on.\n"
    assert not lint(text, select=["grammar"], config={"vocabulary": {"accept": ["zorbification"]}})
    flagged = lint("The wizzardry of the zorbification.\n", select=["grammar"])
    assert any(d.rule.startswith("grammar/MORFOLOGIK") for d in flagged)


def test_positions_hold_with_astral_characters(lt):
    text = "😀 News 😀: he go to school.\n"
    found = [d for d in lint(text, select=["grammar"]) if d.rule == "grammar/HE_VERB_AGR"]
    assert [(d.column, d.end_column) for d in found] == [(14, 16)]
    assert text[found[0].offset:found[0].offset + found[0].length] == "go"


def test_cli_with_the_real_server_gives_no_warning(lt):
    code, out, err = run_cli("check", "-", "--format", "json", "--require-languagetool", input=STORY)
    assert code == 1, err
    rules = {d["rule"] for d in json.loads(out)["files"][0]["diagnostics"]}
    assert "grammar/HE_VERB_AGR" in rules and "spelling/unknown-word" in rules
    assert "LanguageTool" not in err


# outages: a fake server ---------------------------------------------------------------------

class FakeLT(http.server.BaseHTTPRequestHandler):
    behaviour = "ok"

    def log_message(self, *args):
        pass

    def _send(self, status: int, body: bytes, kind: str = "application/json"):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.behaviour == "slow":
            time.sleep(3)
        if self.path.startswith("/v2/languages"):
            langs = [{"name": "English (US)", "code": "en", "longCode": "en-US"},
                     {"name": "English (GB)", "code": "en", "longCode": "en-GB"}]
            self._send(200, json.dumps(langs).encode())
        else:
            self._send(404, b"{}")

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.behaviour == "500":
            self._send(500, b"<html>Internal Server Error</html>", "text/html")
        elif self.behaviour == "garbage":
            self._send(200, b"this is not JSON")
        elif self.behaviour == "wrong-json":
            self._send(200, json.dumps({"matches": [{"offset": "x"}]}).encode())
        else:
            self._send(200, json.dumps({"matches": []}).encode())


@pytest.fixture
def fake_server():
    servers = []

    def start(behaviour: str) -> str:
        handler = type("Handler", (FakeLT,), {"behaviour": behaviour})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _closed_port_url() -> str:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


@pytest.mark.parametrize("behaviour", ["down", "slow", "500", "garbage", "wrong-json"])
def test_an_outage_warns_once_and_the_other_checks_run(behaviour, fake_server, tmp_path):
    url = _closed_port_url() if behaviour == "down" else fake_server(behaviour)
    (tmp_path / ".newslint.yaml").write_text(f"languagetool: {{url: '{url}', timeout: 1}}\n", encoding="utf-8")
    for i in range(3):
        (tmp_path / f"story{i}.txt").write_text("He go home. It was previosuly quiet.\n", encoding="utf-8")
    started = time.monotonic()
    code, out, err = run_cli("check", ".", "--fail-on", "error", cwd=tmp_path)
    elapsed = time.monotonic() - started
    assert err.count("warning: LanguageTool at") == 1 and url in err, err
    assert out.count("[spelling/unknown-word]") == 3          # the other checks still ran
    assert code == 1                                          # the spelling errors, not the outage
    assert elapsed < 30                                       # one time-out, not one per file
    code, _, err = run_cli("check", ".", "--require-languagetool", cwd=tmp_path)
    assert code == 2 and "--require-languagetool" in err


def test_the_environment_overrides_the_configuration(fake_server, tmp_path):
    url = fake_server("ok")
    (tmp_path / ".newslint.yaml").write_text(f"languagetool: {{url: '{_closed_port_url()}'}}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("All is well.\n", encoding="utf-8")
    code, out, err = run_cli("check", "a.txt", "--require-languagetool", cwd=tmp_path,
                             env={"NEWSLINT_LANGUAGETOOL_URL": url})
    assert code == 0 and err == "", err
    code, _, err = run_cli("check", "a.txt", cwd=tmp_path, env={"NEWSLINT_LANGUAGETOOL_URL": "off"})
    assert code == 0 and "LanguageTool" not in err


def test_without_a_server_grammar_is_off_and_says_so_only_when_asked(tmp_path):
    """Nobody asked for LanguageTool: the note that it is off was noise on every run and in every
    failed pre-commit hook (issue 14). It is said once with --verbose; an outage of a server that
    was configured is always said (test_an_outage_warns_once_and_the_other_checks_run)."""
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text("He go home.\n", encoding="utf-8")
    code, out, err = run_cli("check", ".", cwd=tmp_path)
    assert code == 0 and err == ""
    code, out, err = run_cli("check", ".", "--verbose", cwd=tmp_path)
    assert code == 0 and err.count("grammar checks are off") == 1
    assert run_cli("check", ".", "-v", cwd=tmp_path)[2] == err
    (tmp_path / ".newslint.yaml").write_text("languagetool: {mode: 'off'}\n", encoding="utf-8")
    code, out, err = run_cli("check", ".", cwd=tmp_path)
    assert code == 0 and err == ""
    code, out, err = run_cli("check", ".", "--require-languagetool", cwd=tmp_path)
    assert code == 2


def test_never_downloads_unless_mode_local(monkeypatch):
    import language_tool_python.download_lt as download
    import language_tool_python.server as server
    calls = []

    def no_download(*args, **kwargs):
        calls.append(args)
        raise AssertionError("download attempted")

    monkeypatch.setattr(server.LocalLanguageTool, "download", no_download, raising=False)
    monkeypatch.setattr(download, "download_lt", no_download, raising=False)
    for settings in ({}, {"mode": "off"}, {"url": _closed_port_url(), "timeout": 1}):
        client = Client(settings, environ={})
        assert client.check("He go home.", "en-US", [], []) is None
    assert calls == []


def test_languagetool_configuration_is_validated():
    for bad, key in (({"url": "ftp://x"}, "languagetool.url"), ({"mode": False}, "languagetool.mode"),
                     ({"timeout": -1}, "languagetool.timeout"), ({"port": 1}, "languagetool.port")):
        with pytest.raises(ConfigError) as info:
            make_config({"languagetool": bad})
        assert info.value.key == key
    assert make_config({"languagetool": {"url": "http://127.0.0.1:9", "mode": "url", "timeout": 5}}).languagetool


def test_one_client_per_engine_and_checks_serialised(fake_server):
    url = fake_server("ok")
    engine = Engine.build(make_config({"languagetool": {"url": url}}), select=["grammar/languagetool"])
    clients = {id(c.client) for c in engine.checks}
    assert len(clients) == 1
    docs = [Document(f"Story {i} is fine.\n") for i in range(8)]
    results = []
    threads = [threading.Thread(target=lambda d=d: results.append(engine.lint(d))) for d in docs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [[]] * 8 and engine.notices() == []


def test_headlines_and_names_are_not_grammar_errors(lt):
    text = "Unilever shake up as profit slips\n\nHe go to the TV series Soldier Soldier every week.\n"
    found = [(d.rule, d.line) for d in lint(text, select=["grammar"])]
    assert found == [("grammar/HE_VERB_AGR", 3)]


def test_an_outage_in_a_parallel_run_still_warns_once(tmp_path):
    url = _closed_port_url()
    (tmp_path / ".newslint.yaml").write_text(f"languagetool: {{url: '{url}', timeout: 1}}\n", encoding="utf-8")
    for i in range(30):  # enough files for the process pool
        (tmp_path / f"story{i:02d}.txt").write_text("He go home. It was previosuly quiet.\n", encoding="utf-8")
    code, out, err = run_cli("check", ".", "--jobs", "2", cwd=tmp_path)
    assert err.count("warning: LanguageTool at") == 1 and url in err, err
    assert out.count("[spelling/unknown-word]") == 30 and code == 1
    code, _, err = run_cli("check", ".", "--jobs", "2", "--require-languagetool", cwd=tmp_path)
    assert code == 2


def test_a_real_server_that_answers_too_slowly_is_an_outage(languagetool_url, tmp_path):
    (tmp_path / ".newslint.yaml").write_text(f"languagetool: {{url: '{languagetool_url}', timeout: 0.001}}\n",
                                             encoding="utf-8")
    (tmp_path / "a.txt").write_text("He go home. It was previosuly quiet.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("She go home.\n", encoding="utf-8")
    code, out, err = run_cli("check", ".", cwd=tmp_path)
    assert err.count("warning: LanguageTool at") == 1 and languagetool_url in err, err
    assert "[spelling/unknown-word]" in out and "grammar/" not in out and code == 1
