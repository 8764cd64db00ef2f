"""The CMS examples of docs/ do what docs/cms.md says: the generic publishing webhook, in front
of the real `newslint serve`, blocks an article with errors, lets one with warnings through
with them, and says when newslint cannot be reached."""
from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time

import pytest
from conftest import REPO
from test_service import Server, free_port

WEBHOOK = REPO / "docs" / "examples" / "publish_webhook.py"
# Written for this test, as WordPress's block editor stores a post: HTML with block comments.
POST = ("<!-- wp:paragraph -->\n<p>The harbour board approved the terminal on Tuesday, according to Afp.</p>\n"
        "<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>Leave a Reply</p>\n<!-- /wp:paragraph -->\n")


class Webhook:
    def __init__(self, newslint_url: str, *args: str):
        self.port = free_port()
        self.proc = subprocess.Popen([sys.executable, str(WEBHOOK), "--port", str(self.port), *args],
                                     env={**os.environ, "NEWSLINT_URL": newslint_url},
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while True:
            try:
                http.client.HTTPConnection("127.0.0.1", self.port, timeout=5).connect()
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the webhook did not start: {self.proc.stderr.read()}") from None
                time.sleep(0.05)

    def post(self, article: dict) -> tuple[int, dict]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request("POST", "/", body=json.dumps(article), headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        answer = response.status, json.loads(response.read())
        conn.close()
        return answer

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)
        self.proc.stderr.close()


@pytest.fixture(scope="module")
def newslint(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("cms"))
    yield s
    s.stop()


def test_the_webhook_blocks_errors_and_passes_warnings(newslint):
    hook = Webhook(f"http://127.0.0.1:{newslint.port}")
    try:
        status, answer = hook.post({"title": "Terminal approved", "body": POST, "date": "2024-03-14"})
        assert status == 409 and answer["allow"] is False
        assert answer["errors"] == ["6:4 'Leave a Reply' is comment-form text from a web page, not part of the "
                                    "article [boilerplate/comment-form]"]
        afp = f"2:{POST.splitlines()[1].index('Afp') + 1}"
        assert [w.split(" ", 1)[0] for w in answer["warnings"]] == [afp]
        assert "[style/agency-names]" in answer["warnings"][0]

        fixed = POST.replace("Afp", "AFP").replace("<p>Leave a Reply</p>", "<p>The vote was unanimous.</p>")
        assert hook.post({"title": "Terminal approved", "body": fixed}) == (200, {"allow": True, "warnings": []})
        status, answer = hook.post({"title": "x", "body": POST.replace("Leave a Reply", "The vote was close.")})
        assert status == 200 and answer["allow"] and "[style/agency-names]" in answer["warnings"][0]
        status, answer = hook.post({"body": POST, "format": "docx"})
        assert status == 502 and "unknown format 'docx'" in answer["errors"][0]
        assert hook.post({"title": "no body"})[0] == 400
    finally:
        hook.stop()


def test_when_newslint_is_down_the_webhook_says_so():
    nowhere = f"http://127.0.0.1:{free_port()}"
    hook, strict = Webhook(nowhere), Webhook(nowhere, "--fail-closed")
    try:
        status, answer = hook.post({"body": POST})
        assert status == 200 and answer["allow"]
        assert answer["warnings"][0].startswith("not checked: newslint is unavailable")
        status, answer = strict.post({"body": POST})
        assert status == 503 and not answer["allow"] and "unavailable" in answer["errors"][0]
    finally:
        hook.stop()
        strict.stop()
