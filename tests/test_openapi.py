"""/openapi.json is a valid OpenAPI 3 document (openapi-spec-validator), and the real server's
answers fit the schemas it gives: what a CMS integration is written against is what it gets."""
from __future__ import annotations

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate
from test_service import STORY, Server

from newslint.app.service import openapi_document


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("openapi"))
    yield s
    s.stop()


def fits(spec: dict, path: str, status: str, body: dict) -> None:
    """`body` against the response schema of POST `path` for `status` (its $refs resolved in `spec`)."""
    schema = spec["paths"][path]["post"]["responses"][status]["content"]["application/json"]["schema"]
    OAS30Validator({**schema, "components": spec["components"]}).validate(body)


def request_fits(spec: dict, body: dict) -> bool:
    schema = spec["paths"]["/v1/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    return OAS30Validator(schema).is_valid(body)


@pytest.mark.parametrize("auth", [False, True])
def test_the_document_is_valid_openapi(auth):
    validate(openapi_document(auth=auth))


def test_the_served_document_describes_the_servers_answers(server):
    status, _, spec = server.request("GET", "/openapi.json")
    assert status == 200
    validate(spec)
    assert set(spec["paths"]) >= {"/v1/check", "/v1/rules", "/healthz", "/openapi.json", "/"}

    request = {"text": STORY, "format": "text", "metadata": {"date": "2023-06-18"}, "statistics": True}
    assert request_fits(spec, request)
    status, _, body = server.request("POST", "/v1/check", request)
    assert status == 200 and body["diagnostics"] and "statistics" in body
    fits(spec, "/v1/check", "200", body)
    assert any(d.get("fix") for d in body["diagnostics"])  # the optional parts were checked too

    bad = {"text": "x", "statistics": "yes"}
    assert not request_fits(spec, bad)
    status, _, body = server.request("POST", "/v1/check", bad)
    assert status == 422 and "field 'statistics'" in body["error"]["message"]
    fits(spec, "/v1/check", "422", body)
    # the validator does reject what does not fit
    with pytest.raises(Exception, match="verdict"):
        fits(spec, "/v1/check", "200", {"diagnostics": [], "summary": {}})
    with pytest.raises(Exception, match="message"):
        fits(spec, "/v1/check", "422", {"error": {"status": 422}})
