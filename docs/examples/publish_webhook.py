#!/usr/bin/env python3
"""A publishing webhook between a CMS and `newslint serve`: the CMS posts an article before it
publishes it, and this answers whether to go ahead.

    NEWSLINT_URL=http://127.0.0.1:8080 [NEWSLINT_TOKEN=...] python publish_webhook.py [--port 9000] [--fail-closed]

The CMS posts {"title": "...", "body": "<p>...</p>", "format": "html", "date": "2024-03-14"}
(format and date optional) and gets

    200 {"allow": true,  "warnings": ["6:50 the agency is written 'AFP', not 'Afp' [style/agency-names]"]}
    409 {"allow": false, "errors": ["10:4 'Leave a Reply' is comment-form text ... [boilerplate/comment-form]"],
         "warnings": [...]}

409 blocks publishing: the server's fail_on level was reached (default: an error). When newslint
cannot be reached the article goes through with a warning that says so, or, with
--fail-closed, gets 503. Standard library only; a sketch to adapt, not a product.
"""
from __future__ import annotations

import argparse
import json
import os
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NEWSLINT_URL = os.environ.get("NEWSLINT_URL", "http://127.0.0.1:8080").rstrip("/")
NEWSLINT_TOKEN = os.environ.get("NEWSLINT_TOKEN", "")


def check(article: dict) -> dict:
    """POST the article to /v1/check; its answer (diagnostics, verdict, summary)."""
    metadata = {key: article[key] for key in ("title", "date", "url") if article.get(key)}
    body = json.dumps({"text": article["body"], "format": article.get("format", "html"), "metadata": metadata})
    headers = {"Content-Type": "application/json"}
    if NEWSLINT_TOKEN:
        headers["Authorization"] = f"Bearer {NEWSLINT_TOKEN}"
    request = urllib.request.Request(f"{NEWSLINT_URL}/v1/check", data=body.encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def one_line(d: dict) -> str:
    return f"{d['line']}:{d['column']} {d['message']} [{d['rule']}]"


def decide(answer: dict) -> tuple[int, dict]:
    errors = [one_line(d) for d in answer["diagnostics"] if d["level"] == "error"]
    warnings = [one_line(d) for d in answer["diagnostics"] if d["level"] == "warning"]
    if answer["verdict"] == "fail":
        return 409, {"allow": False, "errors": errors, "warnings": warnings}
    return 200, {"allow": True, "warnings": errors + warnings}  # errors here only when fail_on is above them


class Webhook(BaseHTTPRequestHandler):
    fail_closed = False

    def do_POST(self) -> None:
        try:
            article = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            if not isinstance(article, dict) or not isinstance(article.get("body"), str):
                raise ValueError("expected a JSON object with a 'body' string")
        except ValueError as exc:
            return self.answer(400, {"allow": False, "errors": [f"bad request: {exc}"]})
        try:
            status, verdict = decide(check(article))
        except urllib.error.HTTPError as exc:  # newslint refused the request: say why
            return self.answer(502, {"allow": False, "errors": [f"newslint: {json.load(exc)['error']['message']}"]})
        except OSError as exc:
            if self.fail_closed:
                return self.answer(503, {"allow": False, "errors": [f"newslint is unavailable: {exc}"]})
            status, verdict = 200, {"allow": True, "warnings": [f"not checked: newslint is unavailable ({exc})"]}
        self.answer(status, verdict)

    def answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=9000)
    ap.add_argument("--fail-closed", action="store_true", help="503 (block) when newslint cannot be reached")
    args = ap.parse_args()
    Webhook.fail_closed = args.fail_closed
    ThreadingHTTPServer((args.host, args.port), Webhook).serve_forever()


if __name__ == "__main__":
    main()
