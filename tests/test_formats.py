"""CI formats, each checked against what its consumer expects: SARIF 2.1.0 (GitHub code
scanning), GitHub workflow commands, reviewdog's rdjsonl and JUnit XML."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from conftest import run_cli

from newslint.formats import FORMATS
from newslint.formats.github import escape_data, escape_property

STORY = ("Ministers agree budget\n\n"
         "U.S. officials said the U.S. plan was ready. US aid will follow, Afp said.\n\n"
         "—— Leave a Reply\n")  # a line of comment form, after two non-ASCII list marks

SARIF_LEVELS = {"none", "note", "warning", "error"}


def check_region(region: dict) -> None:
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        assert isinstance(region[key], int) and region[key] >= 1, (key, region)
    assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])


def check_location(location: dict) -> None:
    physical = location["physicalLocation"]
    assert isinstance(physical["artifactLocation"]["uri"], str) and physical["artifactLocation"]["uri"]
    if "region" in physical:
        check_region(physical["region"])


def validate_sarif(log: dict) -> None:
    """The parts of the SARIF 2.1.0 schema that newslint output uses: required properties,
    types, enumerations and the cross-references (ruleIndex) between results and rules."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert isinstance(log["runs"], list) and log["runs"]
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        assert isinstance(driver["name"], str) and driver["name"]
        assert run.get("columnKind") in (None, "utf16CodeUnits", "unicodeCodePoints")
        rules = driver.get("rules", [])
        ids = [r["id"] for r in rules]
        assert len(ids) == len(set(ids))
        for rule in rules:
            assert isinstance(rule["id"], str)
            for key in ("shortDescription", "fullDescription", "help"):
                if key in rule:
                    assert isinstance(rule[key]["text"], str) and rule[key]["text"]
            if "defaultConfiguration" in rule:
                assert rule["defaultConfiguration"]["level"] in SARIF_LEVELS
        for result in run["results"]:
            assert isinstance(result["message"]["text"], str)
            assert result["level"] in SARIF_LEVELS
            assert ids[result["ruleIndex"]] == result["ruleId"]
            for location in result["locations"]:
                check_location(location)
            related_ids = [r["id"] for r in result.get("relatedLocations", [])]
            assert len(related_ids) == len(set(related_ids)) and all(i >= 0 for i in related_ids)
            for location in result.get("relatedLocations", []):
                check_location(location)
                assert isinstance(location["message"]["text"], str)
            for fix in result.get("fixes", []):
                for change in fix["artifactChanges"]:
                    assert change["artifactLocation"]["uri"]
                    for replacement in change["replacements"]:
                        check_region(replacement["deletedRegion"])
                        assert isinstance(replacement["insertedContent"]["text"], str)
        for invocation in run.get("invocations", []):
            assert isinstance(invocation["executionSuccessful"], bool)


def test_every_format_is_offered_by_the_cli(write, tmp_path):
    write("story.txt", STORY)
    for name in FORMATS:
        code, out, err = run_cli("check", "story.txt", "--format", name, cwd=tmp_path)
        assert code == 1 and out and "Traceback" not in err, name


def test_sarif_is_valid_and_complete(write, tmp_path):
    write("news/story.txt", STORY)
    write("news/bad.txt", "")
    (tmp_path / "news" / "bad.txt").write_bytes(b"caf\xe9\n")
    code, out, _ = run_cli("check", "news", "--format", "sarif", cwd=tmp_path)
    log = json.loads(out)
    validate_sarif(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert "style/agency-names" in rules and "readability/document-grade" in rules  # every rule, not only those fired
    agency = rules["style/agency-names"]
    assert agency["defaultConfiguration"]["level"] == "warning"
    assert "AFP" in agency["help"]["text"] and "off" in agency["help"]["text"]
    us = next(r for r in run["results"] if r["ruleId"] == "consistency/abbreviations")
    assert us["level"] == "warning"
    assert us["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/story.txt"
    assert us["locations"][0]["physicalLocation"]["region"] == \
        {"startLine": 3, "startColumn": 46, "endLine": 3, "endColumn": 48}
    assert [loc["physicalLocation"]["region"]["startColumn"] for loc in us["relatedLocations"]] == [1, 25]
    assert "fixes" not in us  # a suggestion, not a safe fix: "US" may belong to a name
    afp = next(r for r in run["results"] if r["ruleId"] == "style/agency-names")
    assert afp["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "AFP"
    quote = next(r for r in run["results"] if r["ruleId"] == "boilerplate/comment-form")
    assert quote["level"] == "error"
    assert quote["locations"][0]["physicalLocation"]["region"]["startColumn"] == 4  # code points, not bytes
    invocation = run["invocations"][0]
    from newslint.formats.sarif import _uri
    assert _uri("odd, name: 1.txt") == "odd,%20name%3A%201.txt"
    assert invocation["executionSuccessful"] is False
    assert "not valid UTF-8" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def parse_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    """What the GitHub runner does with a `::name k=v,k=v::message` line (toolkit unescaping)."""
    def unescape_data(s: str) -> str:
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")

    def unescape_property(s: str) -> str:
        return unescape_data(s.replace("%3A", ":").replace("%2C", ","))

    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    name, _, props = head.partition(" ")
    properties = {}
    for item in props.split(","):
        key, _, value = item.partition("=")
        properties[key] = unescape_property(value)
    return name, properties, unescape_data(message)


def test_github_escaping_matches_the_toolkit():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # the toolkit escapes % first, so an escaped-looking input survives a round trip
    assert escape_data("%0A") == "%250A"


def test_github_annotations_round_trip(write, tmp_path):
    write("odd, name: 1.txt", STORY)
    code, out, _ = run_cli("check", "odd, name: 1.txt", "--format", "github", cwd=tmp_path)
    lines = out.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    parsed = [parse_workflow_command(line) for line in lines]
    name, props, message = next(p for p in parsed if p[1]["title"] == "consistency/abbreviations")
    assert name == "warning"
    assert props == {"file": "odd, name: 1.txt", "line": "3", "col": "46", "endLine": "3", "endColumn": "48",
                     "title": "consistency/abbreviations"}
    assert message.splitlines()[0].startswith("'US' here, but the article writes 'U.S.'")
    assert "note: line 3, column 1: 'U.S.' here" in message.splitlines()
    assert all("\n" not in line and "\r" not in line for line in lines)


def test_rdjsonl_columns_are_utf8_bytes(write, tmp_path):
    write("story.txt", STORY)
    _, out, _ = run_cli("check", "story.txt", "--format", "rdjsonl", cwd=tmp_path)
    entries = [json.loads(line) for line in out.splitlines()]
    assert all(e["source"]["name"] == "newslint" and e["severity"] in ("ERROR", "WARNING", "INFO") for e in entries)
    quote = next(e for e in entries if e["code"]["value"] == "boilerplate/comment-form")
    line5 = STORY.splitlines()[4].encode("utf-8")
    start = quote["location"]["range"]["start"]["column"]
    end = quote["location"]["range"]["end"]["column"]
    assert line5[start - 1:end - 1].decode("utf-8") == "Leave a Reply"
    assert start == 4 + 2 * (len("—".encode()) - 1)
    afp = next(e for e in entries if e["code"]["value"] == "style/agency-names")
    assert afp["suggestions"] == [{"range": afp["location"]["range"], "text": "AFP"}]
    us = next(e for e in entries if e["code"]["value"] == "consistency/abbreviations")
    assert [r["location"]["range"]["start"] for r in us["related_locations"]] == \
        [{"line": 3, "column": 1}, {"line": 3, "column": 25}]


def test_junit_is_well_formed_xml_with_counts(write, tmp_path):
    write("a/story.txt", STORY)
    write("a/clean.txt", "Ministers met on Tuesday.\n")
    write("a/odd.txt", "Leave a Reply \x0b\x01 & <b>\n")
    _, out, _ = run_cli("check", "a", "--format", "junit", cwd=tmp_path)
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"a/clean.txt", "a/odd.txt", "a/story.txt"}
    clean = suites["a/clean.txt"]
    assert clean.get("tests") == "1" and clean.get("failures") == "0"
    assert clean.find("testcase/failure") is None
    story = suites["a/story.txt"]
    failures = story.findall("testcase/failure")
    assert len(failures) == int(story.get("failures")) >= 3
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in suites.values())
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())
    assert any("story.txt:3:46: warning:" in f.text for f in failures)
    assert {f.get("type") for f in failures} <= {"error", "warning", "info"}
