"""The publishing-check service: the real server (`newslint serve`) on a free loopback port,
spoken to over HTTP."""
from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

STORY = ("Ministers agree budget\n\n"
         "U.S. officials said the U.S. plan was ready. US aid will follow.\n\n"
         "Leave a Reply\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tmp: Path, *args: str, env: dict | None = None):
        self.port = free_port()
        self.log = open(tmp / f"server-{self.port}.log", "w+")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newslint", "serve", "--port", str(self.port), *args],
            cwd=tmp, env={**os.environ, **(env or {})}, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.log.seek(0)
                raise RuntimeError(f"server did not start: {self.log.read()}")
            time.sleep(0.1)

    def request(self, method: str, path: str, body: bytes | str | dict | None = None,
                headers: dict | None = None) -> tuple[int, dict, dict]:
        if isinstance(body, dict):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode("utf-8")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers={"Content-Type": "application/json", **(headers or {})})
            response = conn.getresponse()
            data = response.read()
            return response.status, dict(response.getheaders()), json.loads(data) if data else {}
        finally:
            conn.close()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("service")
    (tmp / ".newslint.yaml").write_text("rules:\n  readability/sentence-length: {max: 12}\n", encoding="utf-8")
    s = Server(tmp, "--max-body", "20000")
    yield s
    s.stop()


def test_serve_says_where_it_listens_and_logs_requests_only_when_asked(tmp_path):
    """`newslint serve` printed nothing on start (issue 14): now the address, where the API is
    described and how to stop, and nothing else of uvicorn's start-up chatter. Access logs are off
    by default (a CMS asks on every save; the proxy in front logs requests already)."""
    for args, logged in (((), False), (("--access-log",), True)):
        server = Server(tmp_path, *args)
        try:
            assert server.request("POST", "/v1/check", {"text": "All is well."})[0] == 200
            assert server.request("GET", "/openapi.json")[0] == 200
            time.sleep(0.2)  # the access line is written after the answer
            log = Path(server.log.name).read_text(encoding="utf-8")
        finally:
            server.stop()
        url = f"http://127.0.0.1:{server.port}"
        assert log.splitlines()[:3] == [
            f"newslint: serving on {url} (POST /v1/check, GET /v1/rules, GET /healthz)",
            f"newslint: the review page is at {url}/ and the API is described at {url}/openapi.json",
            "newslint: press Ctrl+C to stop"], log
        assert ('"POST /v1/check HTTP/1.1" 200' in log) == logged, log
        assert "Uvicorn" not in log and "Waiting for application startup" not in log


def test_check_returns_diagnostics_and_a_verdict(server):
    status, _, body = server.request("POST", "/v1/check", {"text": STORY})
    assert status == 200
    assert body["verdict"] == "fail"  # the boilerplate line is an error
    assert body["summary"] == {"errors": 1, "warnings": 1, "infos": 0, "fail_on": "error"}
    us = next(d for d in body["diagnostics"] if d["rule"] == "consistency/abbreviations")
    assert (us["line"], us["column"], us["end_column"]) == (3, 46, 48)
    assert STORY[us["offset"]:us["offset"] + us["length"]] == "US"
    assert set(us) >= {"rule", "family", "level", "message", "line", "column", "end_line", "end_column",
                       "offset", "length", "suggestions", "related"}


def test_warnings_pass_unless_fail_on_says_otherwise(server):
    text = "U.S. and U.S. officials met. US aid follows."
    assert server.request("POST", "/v1/check", {"text": text})[2]["verdict"] == "pass"
    assert server.request("POST", "/v1/check", {"text": text, "fail_on": "warning"})[2]["verdict"] == "fail"
    status, _, body = server.request("POST", "/v1/check", {"text": STORY, "ignore": ["boilerplate"]})
    assert body["verdict"] == "pass" and all(d["family"] != "boilerplate" for d in body["diagnostics"])
    status, _, body = server.request("POST", "/v1/check", {"text": STORY, "select": "consistency"})
    assert {d["rule"] for d in body["diagnostics"]} == {"consistency/abbreviations"}


def test_the_servers_configuration_defines_the_rules(server):
    text = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen."
    _, _, body = server.request("POST", "/v1/check", {"text": text})
    assert [d["rule"] for d in body["diagnostics"]] == ["readability/sentence-length"]  # max 12 from its config
    status, _, body = server.request("POST", "/v1/check", {"text": text, "rules": {"x": "off"}})
    assert status == 422 and "rules cannot be uploaded" in body["error"]["message"]


def test_html_and_markdown_with_metadata(server):
    html = "<h1>Budget</h1>\n<p>Leave a <b>Reply</b> &amp; go</p>"
    status, _, body = server.request("POST", "/v1/check", {"text": html, "format": "html",
                                                          "metadata": {"date": "2023-06-18", "title": "Budget"}})
    (d,) = body["diagnostics"]
    assert status == 200 and (d["line"], d["column"]) == (2, 4)
    assert html[d["offset"]:d["offset"] + d["length"]] == "Leave a <b>Reply</b> &amp; go"  # the line
    _, _, body = server.request("POST", "/v1/check", {"text": "---\ntitle: x\n---\n\nLeave a Reply\n",
                                                     "format": "markdown"})
    assert [d["line"] for d in body["diagnostics"]] == [5]


def test_offsets_count_into_the_submitted_text_even_with_a_bom(server):
    text = "\ufeffThe Afp said."
    _, _, body = server.request("POST", "/v1/check", {"text": text})
    (d,) = body["diagnostics"]
    assert text[d["offset"]:d["offset"] + d["length"]] == "Afp" and d["column"] == 5


def test_malformed_requests_get_422_with_a_clear_message(server):
    cases = [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "JSON object"),
        ({"format": "text"}, "field 'text': required"),
        ({"text": 42}, "field 'text': expected a string"),
        ({"text": "x", "format": "docx"}, "unknown format 'docx'"),
        ({"text": "x", "fail_on": "fatal"}, "field 'fail_on'"),
        ({"text": "x", "metadata": {"path": "/etc/passwd"}}, "unknown key 'path'"),
        ({"text": "x", "select": ["nope"]}, "field 'select': 'nope' is neither a rule id nor a family"),
        ({"text": "x", "ignore": [1]}, "field 'ignore'"),
        ({"text": "x", "path": "/etc/passwd"}, "unknown field 'path'"),
        (b"\xff\xfe", "not valid JSON"),
        # a front-matter date that is no date was a plain-text 500 (issue 14)
        ({"text": "---\ndate: 2024-02-30\n---\n\nText.\n", "format": "markdown"},
         "line 2, column 7: front matter: not a date: 2024-02-30 (day is out of range for month)"),
        # and a metadata date that is no date was ignored with 200 (issue 14)
        ({"text": "x", "metadata": {"date": "2023-02-30"}},
         "field 'metadata.date': not a date: 2023-02-30 (day is out of range for month)"),
        ({"text": "x", "metadata": {"date": "yesterday"}}, "field 'metadata.date': not a date: 'yesterday'"),
    ]
    for body, message in cases:
        status, headers, answer = server.request("POST", "/v1/check", body)
        assert status == 422, (body, answer)
        assert message in answer["error"]["message"], (body, answer)
        assert headers["content-type"] == "application/json"


def test_bodies_over_the_limit_get_413(server):
    status, _, body = server.request("POST", "/v1/check", {"text": "word " * 5000})
    assert status == 413 and "over the limit of 20,000" in body["error"]["message"]
    # without a Content-Length (chunked), the limit holds while reading
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.request("POST", "/v1/check", body=iter([b'{"text": "', b"x" * 30000, b'"}']),
                 headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"}, encode_chunked=True)
    response = conn.getresponse()
    assert response.status == 413
    conn.close()
    assert server.request("GET", "/healthz")[0] == 200  # still serving


def test_rules_health_and_openapi(server):
    status, _, body = server.request("GET", "/v1/rules")
    rules = {r["id"]: r for r in body["rules"]}
    assert status == 200 and rules["boilerplate/comment-form"]["level"] == "error"
    assert rules["readability/document-grade"]["enabled"] is False
    assert server.request("GET", "/healthz")[2]["status"] == "ok"
    status, _, spec = server.request("GET", "/openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.")
    check = spec["paths"]["/v1/check"]["post"]
    assert check["requestBody"]["content"]["application/json"]["schema"]["required"] == ["text"]
    assert {"200", "413", "422"} <= set(check["responses"])
    assert server.request("GET", "/v1/check")[0] == 405
    assert server.request("GET", "/etc/passwd")[0] == 404


def test_bearer_token_and_time_limit(tmp_path):
    server = Server(tmp_path, "--timeout", "0.000001", env={"NEWSLINT_TOKEN": "s3cret"})
    try:
        assert server.request("POST", "/v1/check", {"text": "x"})[0] == 401
        status, headers, body = server.request("POST", "/v1/check", {"text": "x"},
                                               {"Authorization": "Bearer wrong"})
        assert status == 401 and headers["www-authenticate"].startswith("Bearer")
        assert server.request("GET", "/v1/rules")[0] == 401
        assert server.request("GET", "/healthz")[0] == 200  # liveness stays open
        status, _, body = server.request("POST", "/v1/check", {"text": STORY * 50},
                                         {"Authorization": "Bearer s3cret"})
        assert status == 503 and "time limit" in body["error"]["message"]
    finally:
        server.stop()


def listening_addresses(port: int) -> set[str]:
    """The local addresses listening on `port`, from the kernel's socket table."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_binds_to_loopback_by_default(server):
    assert listening_addresses(server.port) == {"0100007F"}  # 127.0.0.1, little-endian hex
    from newslint.app.cli import build_parser
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8080


def test_config_errors_stop_the_server_with_exit_2(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("rules:\n  nope: off\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "newslint", "serve", "--port", str(free_port())],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "nope" in proc.stderr and "Traceback" not in proc.stderr
