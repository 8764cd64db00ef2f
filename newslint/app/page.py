"""The review page served at `GET /`: plain HTML, CSS and JavaScript shipped in the package
(newslint/app/web/), with no build step and nothing fetched from elsewhere, so that it works
offline. It calls POST /v1/check like any other client."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

WEB = Path(__file__).resolve().parent / "web"
ASSETS = {"app.js": "text/javascript; charset=utf-8", "style.css": "text/css; charset=utf-8"}
# Only this server's own files run or load: no inline script, no other origin, not framed.
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; img-src 'self' data:; form-action 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


@lru_cache(maxsize=None)
def _read(name: str) -> bytes:
    return (WEB / name).read_bytes()


def page_routes() -> list:
    """The routes of the page and its two assets, for the service's app."""
    from starlette.exceptions import HTTPException
    from starlette.responses import Response
    from starlette.routing import Route

    async def index(request) -> Response:
        return Response(_read("index.html"), media_type="text/html; charset=utf-8", headers=HEADERS)

    async def asset(request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            raise HTTPException(404, f"no such file: /web/{name}")
        return Response(_read(name), media_type=ASSETS[name], headers=HEADERS)

    return [Route("/", index, methods=["GET"]), Route("/web/{name}", asset, methods=["GET"])]
