"""The publishing-check service: newslint over HTTP, for a CMS (`newslint serve`).

    POST /v1/check   {text, format?, metadata?, select?, ignore?, fail_on?, page?}
                     -> {diagnostics, verdict: pass|fail, summary}
    GET  /v1/rules   the rules this server runs
    GET  /healthz    liveness
    GET  /openapi.json
    GET  /           the review page (newslint/app/web/), which calls /v1/check

A Starlette app on uvicorn, imported only by `newslint serve`. The server's configuration
alone defines the rules: a request may narrow them (select, ignore) but cannot add any, and
nothing in a request names a file. Bodies over `max_body` bytes get 413; malformed JSON,
unknown fields or formats and bad values get 422 with a message that says what is wrong;
linting longer than `timeout` seconds gets 503. With NEWSLINT_TOKEN set, /v1/ requires
`Authorization: Bearer <token>` (401 otherwise).
"""
from __future__ import annotations

import asyncio
import hmac
import json
import logging
import os
import re
import sys
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..core.diagnostic import LEVEL_NAMES, Level
from ..core.errors import NewslintError
from ..core.version import package_version
from ..document.readers import FORMATS

DEFAULT_MAX_BODY = 1024 * 1024
DEFAULT_TIMEOUT = 10.0
FIELDS = ("text", "format", "metadata", "select", "ignore", "fail_on", "statistics", "page")
METADATA_FIELDS = ("date", "title", "url")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
_ENV = {"config": "NEWSLINT_SERVE_CONFIG", "max_body": "NEWSLINT_SERVE_MAX_BODY",
        "timeout": "NEWSLINT_SERVE_TIMEOUT"}


class RequestError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)


class Checker:
    """Linters per (select, ignore), built from the server's configuration. Everything runs on
    its one worker thread: linting is CPU-bound, and the linters are not shared across threads."""

    def __init__(self, config: Path | None, cache_size: int = 32):
        self.config = config
        self.cache_size = cache_size
        self.linters: OrderedDict[tuple, Any] = OrderedDict()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-check")

    def linter(self, select: tuple[str, ...], ignore: tuple[str, ...], statistics: bool = False,
               page: bool | None = None):
        from ..run.linter import Linter
        key = (select, ignore, statistics, page)
        linter = self.linters.get(key)
        if linter is None:
            from ..run.engine import all_rules, validate_names
            linter = Linter(config_file=self.config, select=select, ignore=ignore, statistics=statistics, page=page)
            try:
                rules = all_rules(linter.config())
                validate_names(select, rules, "field 'select'")  # named as the request names them
                validate_names(ignore, rules, "field 'ignore'")
                linter.engine(None)
            except NewslintError as exc:
                raise RequestError(422, exc.message) from None
            self.linters[key] = linter
            while len(self.linters) > self.cache_size:
                self.linters.popitem(last=False)
        else:
            self.linters.move_to_end(key)
        return linter

    def rules(self) -> list[dict[str, Any]]:
        from ..run.engine import all_rules
        linter = self.linter((), ())
        active = {r.id for r in linter.engine(None).rules}
        return [{"id": r.id, "family": r.family, "type": r.extends, "level": r.level.value,
                 "enabled": r.id in active, "description": r.description,
                 "link": r.link}
                for r in sorted(all_rules(linter.config()).values(), key=lambda r: r.id)]

    def check(self, request: dict[str, Any]) -> dict[str, Any]:
        linter = self.linter(request["select"], request["ignore"], request["statistics"], request["page"])
        result = linter.lint_text(request["text"], format=request["format"], metadata=request["metadata"])
        if result.error is not None:
            error = result.error
            where = f"line {error.line}{f', column {error.column}' if error.column else ''}: " if error.line else ""
            raise RequestError(422, where + error.message)
        fail_on = request["fail_on"] or linter.config().fail_on or "error"
        shift = 1 if request["text"].startswith("\ufeff") else 0  # offsets into the text as sent
        diagnostics = [_shifted(d.to_dict(), shift) for d in result.diagnostics]
        from ..formats import summary
        counts = summary([result])
        threshold = Level(fail_on).rank
        failing = any(d.level.rank >= threshold for d in result.diagnostics)
        response = {
            "diagnostics": diagnostics,
            "verdict": "fail" if failing else "pass",
            "summary": {"errors": counts["errors"], "warnings": counts["warnings"], "infos": counts["infos"],
                        "fail_on": fail_on},
        }
        if result.statistics is not None:
            response["statistics"] = result.statistics
        return response


def _shifted(d: dict, shift: int) -> dict:
    if shift:
        d["offset"] += shift
        for edit in d.get("fix", {}).get("edits", []):
            edit["offset"] += shift
    return d


def parse_request(body: bytes) -> dict[str, Any]:
    """The validated fields of a /v1/check body; RequestError(422) says what is wrong."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RequestError(422, f"the body is not valid JSON: {exc}") from None
    except RecursionError:
        raise RequestError(422, "the body is not valid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise RequestError(422, "the body must be a JSON object with a 'text' field")
    _refuse_surrogates(data)
    for key in data:
        if key not in FIELDS:
            hint = ("; rules cannot be uploaded: the server's configuration defines them"
                    if key in ("rules", "config", "rule_paths", "vocabulary", "path") else "")
            raise RequestError(422, f"unknown field '{key}' (fields: {', '.join(FIELDS)}){hint}")
    text = data.get("text")
    if not isinstance(text, str):
        raise RequestError(422, "field 'text': required, a string" if text is None
                           else f"field 'text': expected a string, got {type(text).__name__}")
    fmt = data.get("format", "text")
    if fmt not in FORMATS:
        raise RequestError(422, f"field 'format': unknown format {fmt!r} (formats: {', '.join(FORMATS)})")
    metadata = data.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise RequestError(422, "field 'metadata': expected an object with date, title and url")
    for key, value in metadata.items():
        if key not in METADATA_FIELDS:
            raise RequestError(422, f"field 'metadata': unknown key '{key}' (keys: {', '.join(METADATA_FIELDS)})")
        if value is not None and not isinstance(value, str):
            raise RequestError(422, f"field 'metadata.{key}': expected a string")
    if metadata.get("date") is not None:
        from ..document.dates import read_date
        try:
            read_date(metadata["date"])
        except ValueError as exc:
            raise RequestError(422, f"field 'metadata.date': {exc}") from None
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in LEVEL_NAMES:
        raise RequestError(422, f"field 'fail_on': expected one of {', '.join(LEVEL_NAMES)}, got {fail_on!r}")
    statistics = data.get("statistics", False)
    if not isinstance(statistics, bool):
        raise RequestError(422, "field 'statistics': expected true or false")
    page = data.get("page")
    if page is not None and not isinstance(page, bool):
        raise RequestError(422, "field 'page': expected true or false")
    return {"text": text, "format": fmt, "metadata": metadata or None, "fail_on": fail_on,
            "select": _names(data, "select"), "ignore": _names(data, "ignore"), "statistics": statistics,
            "page": page}


_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_surrogates(data: dict) -> None:
    """JSON may escape a lone surrogate ("\\ud800"), which is no character: such text cannot be
    published, nor answered in UTF-8. 422, with where it is."""
    for key, value in data.items():
        values = value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) else [value]
        for item in [key, *values]:
            bad = _SURROGATE.search(item) if isinstance(item, str) else None
            if bad:
                at = f" at offset {bad.start()}" if item is value and key == "text" else ""
                raise RequestError(422, f"field '{key.encode('utf-8', 'backslashreplace').decode()}': "
                                        f"a lone surrogate (U+{ord(bad.group()):04X}){at} is not a character: "
                                        "the text must be valid Unicode")


def _names(data: dict, key: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RequestError(422, f"field '{key}': expected a list of rule ids or families")
    return tuple(v.strip() for v in value if v.strip())


def create_app(*, config: Path | str | None = None, max_body: int = DEFAULT_MAX_BODY,
               timeout: float = DEFAULT_TIMEOUT, token: str | None = None) -> Starlette:
    checker = Checker(Path(config) if config else None)
    token = token or None

    def authorized(request: Request) -> JSONResponse | None:
        if token is None:
            return None
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
            return None
        return _error(401, "a valid 'Authorization: Bearer <token>' header is required",
                      {"WWW-Authenticate": 'Bearer realm="newslint"'})

    async def read_body(request: Request) -> bytes:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > max_body:
            raise RequestError(413, f"the body is {int(length):,} bytes, over the limit of {max_body:,}")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_body:
                raise RequestError(413, f"the body is over the limit of {max_body:,} bytes")
        return bytes(body)

    async def check(request: Request) -> JSONResponse:
        denied = authorized(request)
        if denied is not None:
            return denied
        try:
            fields = parse_request(await read_body(request))
            loop = asyncio.get_running_loop()
            work = loop.run_in_executor(checker.executor, checker.check, fields)
            try:
                response = await asyncio.wait_for(work, timeout)
            except asyncio.TimeoutError:
                raise RequestError(503, f"linting took longer than the time limit of {timeout:g} s") from None
        except RequestError as exc:
            return _error(exc.status, exc.message)
        except NewslintError as exc:  # e.g. select names a rule that does not exist
            return _error(422, exc.message)
        return JSONResponse(response)

    async def rules(request: Request) -> JSONResponse:
        denied = authorized(request)
        if denied is not None:
            return denied
        listing = await asyncio.get_running_loop().run_in_executor(checker.executor, checker.rules)
        return JSONResponse({"rules": listing})

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "version": package_version()})

    async def openapi(request: Request) -> JSONResponse:
        return JSONResponse(openapi_document(max_body, token is not None))

    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, exc.detail or "error", getattr(exc, "headers", None))

    async def warm_up(app):  # build the default engines (the page asks for statistics) and load lazy resources
        # (a word outside the pronouncing dictionary makes the readability figures load the hyphenator)
        for body in (b'{"text": "A warm-up sentence."}',
                     b'{"text": "A warm-up sentence by Qorvath.", "statistics": true}'):
            await asyncio.get_running_loop().run_in_executor(checker.executor, checker.check, parse_request(body))
        yield
        checker.executor.shutdown(wait=False, cancel_futures=True)

    from .page import page_routes
    return Starlette(
        routes=[Route("/v1/check", check, methods=["POST"]), Route("/v1/rules", rules, methods=["GET"]),
                Route("/healthz", healthz, methods=["GET"]), Route("/openapi.json", openapi, methods=["GET"]),
                *page_routes()],
        # Starlette types every handler as taking any Exception, though it passes each one only
        # the exceptions of its key (Kludex/starlette#2403 would make the type generic)
        exception_handlers={HTTPException: http_error},  # type: ignore[dict-item]
        lifespan=_lifespan(warm_up),
    )


def _lifespan(generator):
    from contextlib import asynccontextmanager
    return asynccontextmanager(generator)


def app_from_env() -> Starlette:
    """The app as `newslint serve` configures it (through the environment, for every worker)."""
    return create_app(config=os.environ.get(_ENV["config"]) or None,
                      max_body=int(os.environ.get(_ENV["max_body"], DEFAULT_MAX_BODY)),
                      timeout=float(os.environ.get(_ENV["timeout"], DEFAULT_TIMEOUT)),
                      token=os.environ.get("NEWSLINT_TOKEN") or None)


def serve(*, host: str = "127.0.0.1", port: int = 8080, workers: int = 1, config: Path | None = None,
          max_body: int = DEFAULT_MAX_BODY, timeout: float = DEFAULT_TIMEOUT, access_log: bool = False) -> int:
    """Run the service until Ctrl+C. It says where it listens once it does; uvicorn's warnings and
    errors show, its other start-up lines do not, and requests are logged with `access_log`
    (off by default: a CMS asks on every save, and the proxy in front logs requests already)."""
    from unittest.mock import patch

    import uvicorn

    from ..run.linter import Linter
    Linter(config_file=config).engine(None)  # configuration and rule errors stop here, exit 2
    if max_body < 1 or timeout <= 0 or workers < 1:
        raise NewslintError("--max-body, --timeout and --workers must be positive")
    if host not in LOOPBACK and not os.environ.get("NEWSLINT_TOKEN"):
        print(f"newslint: warning: serving on {host} without NEWSLINT_TOKEN: anyone who can reach "
              "this address can use the service", file=sys.stderr)
    os.environ[_ENV["config"]] = str(config.resolve()) if config else ""
    os.environ[_ENV["max_body"]] = str(max_body)
    os.environ[_ENV["timeout"]] = str(timeout)
    bind = uvicorn.Config.bind_socket
    with patch.object(uvicorn.Config, "bind_socket", lambda self: tcp_listener(bind(self))):  # see tcp_listener
        uvicorn.run("newslint.app.service:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="info", log_config=_log_config(), access_log=access_log, server_header=False)
    return 0


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, with its "Uvicorn running on ..." line turned into newslint's start-up
    message (StartedMessage) and its other informational lines left out."""
    import copy

    from uvicorn.config import LOGGING_CONFIG
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"started": {"()": StartedMessage}}
    config["formatters"]["plain"] = {"format": "%(message)s"}
    config["handlers"]["default"]["level"] = "WARNING"
    config["handlers"]["started"] = {"class": "logging.StreamHandler", "stream": "ext://sys.stderr",
                                     "formatter": "plain", "filters": ["started"]}
    config["loggers"]["uvicorn"]["handlers"] = ["default", "started"]
    return config


_ADDRESS = re.compile(r"https?://\S+")


class StartedMessage(logging.Filter):
    """Lets through only uvicorn's "running on <address>" line, written as newslint's message:
    logged once the socket is bound (after the warm-up, with one worker), so it is true."""

    def filter(self, record: logging.LogRecord) -> bool:
        address = _ADDRESS.search(record.getMessage()) if record.levelno == logging.INFO else None
        if address is None or "running on" not in record.getMessage():
            return False
        url = address.group()
        record.msg = (f"newslint: serving on {url} (POST /v1/check, GET /v1/rules, GET /healthz)\n"
                      f"newslint: the review page is at {url}/ and the API is described at {url}/openapi.json\n"
                      "newslint: press Ctrl+C to stop")
        record.args = ()
        return True


def tcp_listener(sock):
    """The listening socket that uvicorn binds itself for --workers N, marked as TCP.

    uvicorn creates it without a protocol number; accepted connections inherit that, and asyncio
    turns Nagle's algorithm off (TCP_NODELAY) only on sockets that say they are TCP. With Nagle
    on, every keep-alive request after the first waited for the client's delayed ACK: ~45 ms
    instead of ~3 ms for one client (benchmarks/service_latency.py --workers 2; uvicorn issue
    3149). One worker is not affected: asyncio binds that socket itself."""
    import socket
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto != socket.IPPROTO_TCP:
        sock = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
    return sock



def openapi_document(max_body: int = DEFAULT_MAX_BODY, auth: bool = False) -> dict[str, Any]:
    error = {"$ref": "#/components/schemas/Error"}
    position = {"type": "integer", "minimum": 1}
    diagnostic = {
        "type": "object",
        "required": ["rule", "family", "level", "message", "line", "column", "end_line", "end_column",
                     "offset", "length", "suggestions", "related"],
        "properties": {
            "rule": {"type": "string", "example": "consistency/abbreviations"},
            "family": {"type": "string"},
            "level": {"type": "string", "enum": list(LEVEL_NAMES)},
            "message": {"type": "string"},
            "path": {"type": "string", "nullable": True},
            "line": position, "column": position, "end_line": position, "end_column": position,
            "offset": {"type": "integer", "minimum": 0,
                       "description": "offset into the submitted text, in Unicode code points"},
            "length": {"type": "integer", "minimum": 0},
            "suggestions": {"type": "array", "items": {"type": "string"}},
            "related": {"type": "array", "items": {"type": "object", "properties": {
                "line": position, "column": position, "end_line": position, "end_column": position,
                "message": {"type": "string"}}}},
            "fix": {"type": "object", "properties": {
                "safe": {"type": "boolean"},
                "edits": {"type": "array", "items": {"type": "object", "properties": {
                    "offset": {"type": "integer"}, "length": {"type": "integer"},
                    "replacement": {"type": "string"}}}}}},
            "link": {"type": "string"},
        },
    }
    responses_error = {
        "413": {"description": f"body over {max_body:,} bytes", "content": {"application/json": {"schema": error}}},
        "422": {"description": "malformed JSON, unknown field or format, bad value",
                "content": {"application/json": {"schema": error}}},
        "503": {"description": "linting exceeded the time limit", "content": {"application/json": {"schema": error}}},
    }
    if auth:
        responses_error["401"] = {"description": "missing or wrong bearer token",
                                  "content": {"application/json": {"schema": error}}}
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "newslint publishing check", "version": package_version(),
                 "description": "Lint a news article before it is published: block on errors, warn on warnings."},
        "paths": {
            "/v1/check": {"post": {
                "summary": "Lint one article",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["text"], "additionalProperties": False,
                    "properties": {
                        "text": {"type": "string"},
                        "format": {"type": "string", "enum": list(FORMATS), "default": "text"},
                        "metadata": {"type": "object", "additionalProperties": False, "properties": {
                            "date": {"type": "string", "example": "2023-06-18"},
                            "title": {"type": "string"}, "url": {"type": "string"}}},
                        "select": {"type": "array", "items": {"type": "string"}},
                        "ignore": {"type": "array", "items": {"type": "string"}},
                        "fail_on": {"type": "string", "enum": list(LEVEL_NAMES), "default": "error"},
                        "statistics": {"type": "boolean", "default": False,
                                       "description": "also answer the article's word and sentence counts "
                                                      "and readability figures"},
                        "page": {"type": "boolean", "description": "the text is extracted from a whole web page: "
                                 "page furniture as blocks (default: the server's configuration)"},
                    }}}}},
                "responses": {"200": {"description": "the findings and the verdict", "content": {
                    "application/json": {"schema": {
                        "type": "object", "required": ["diagnostics", "verdict", "summary"],
                        "properties": {
                            "diagnostics": {"type": "array", "items": diagnostic},
                            "verdict": {"type": "string", "enum": ["pass", "fail"]},
                            "summary": {"type": "object", "properties": {
                                "errors": {"type": "integer"}, "warnings": {"type": "integer"},
                                "infos": {"type": "integer"}, "fail_on": {"type": "string"}}},
                            "statistics": {"type": "object", "description": "with statistics: true",
                                           "additionalProperties": {"type": "number"}}}}}}},
                    **responses_error},
            }},
            "/v1/rules": {"get": {"summary": "The rules this server runs",
                                  "responses": {"200": {"description": "rules"}}}},
            "/healthz": {"get": {"summary": "Liveness", "security": [],
                                 "responses": {"200": {"description": "ok"}}}},
            "/openapi.json": {"get": {"summary": "This document", "security": [],
                                      "responses": {"200": {"description": "OpenAPI 3"}}}},
            "/": {"get": {"summary": "The review page (HTML), which calls /v1/check", "security": [],
                          "responses": {"200": {"description": "text/html"}}}},
        },
        "components": {"schemas": {"Error": {"type": "object", "required": ["error"], "properties": {"error": {
            "type": "object", "required": ["status", "message"],
            "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}}}},
    }
    if auth:
        doc["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        doc["security"] = [{"bearer": []}]
    return doc
