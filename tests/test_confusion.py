"""grammar/confusion: a word of a confusion set where another member is far likelier in context
(the sentences are written for these tests)."""
from __future__ import annotations

import http.server
import json
import threading

import pytest
from conftest import lint, run_cli

from newslint.resources import confusion_model


def confusions(text: str, **config):
    return [(d.column, d.end_column, d.suggestions) for d in lint(text, select=["grammar/confusion"], **config)
            if d.rule == "grammar/confusion"]


@pytest.mark.parametrize("text, slip, suggestion", [
    ("The council said costs were less then forecast last year.", " then ", "than"),
    ("Officials fear the region may effect the wider economy.", " effect ", "affect"),
    ("The players gave there best performance of the year.", " there ", "their"),
    ("Voters said your going to pay more for water.", " your ", "you're"),
    ("The striker has past the test, his coach said.", " past ", "passed"),
    ("He said they where told to leave the building.", " where ", "were"),
])
def test_a_confusion_is_found_with_the_likelier_word(text, slip, suggestion):
    start = text.index(slip) + 2  # 1-based column of the word after the space
    assert confusions(text) == [(start, start + len(slip.strip()), [suggestion])]


@pytest.mark.parametrize("text", [
    "The council said costs were less than forecast, and then it raised the rates.",
    "Officials fear the storm may affect the wider economy, an effect felt for years.",
    "Analysts said their shares would be sold, and there is no buyer yet.",
    "Voters said you're going to pay more for your water.",
    "The striker has passed the test in the past few weeks.",
    "Police got there first. They were told where to go.",
    "Lead Belly sang. The Principal spoke. LESS IS MORE.",  # names, titles, capitals
    "If the titles use the key features then a new market opens.",  # unless_earlier: if ... then
])
def test_correct_uses_are_left_alone(text):
    assert confusions(text) == []


def test_the_message_names_the_word_and_the_fix_is_offered_not_applied():
    found = lint("Prices rose more then expected in March.", select=["grammar/confusion"])
    (d,) = found
    assert "'then'" in d.message and "'than'" in d.message
    assert d.fix is not None and not d.fix.safe and d.fix.edits[0].replacement == "than"


def test_the_model_prefers_the_member_the_neighbours_want():
    model = confusion_model.load(["than", "then"])
    assert model.log_ratio(("then",), ("than",), "more", "expected") > 0
    assert model.log_ratio(("than",), ("then",), "more", "expected") < 0
    # neither pair seen on a side: that side tells nothing (no prior for the rarer word)
    assert model.log_ratio(("then",), ("than",), "qqqq", "zzzz") == 0


def test_an_unseen_pair_of_the_other_member_is_no_evidence_for_it():
    """A rare word's floor over its small count would outscore a common word's seen pair: "the
    blurring of boundaries" is no "oof" ("of boundaries" is seen, "oof boundaries" is not)."""
    model = confusion_model.load(["of", "oof"])
    assert model.log_ratio(("of",), ("oof",), "blurring", "boundaries") <= 0


def test_a_house_adds_its_own_sets_in_yaml(tmp_path):
    rules = tmp_path / "house-rules" / "grammar"
    rules.mkdir(parents=True)
    (rules / "house-confusion.yaml").write_text(
        "extends: confusion\n"
        "message: \"house: '%s' or '{suggestion}'?\"\n"
        "sets: [loath/loathe]\n"
        "min_ratio: 5\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [house-rules]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Officials were loathe to comment on the fees.\n", encoding="utf-8")
    code, out, err = run_cli("check", "a.txt", "--select", "grammar", cwd=tmp_path)
    assert "[grammar/house-confusion]" in out and "'loath'" in out, (out, err)
    (tmp_path / "a.txt").write_text("Officials were loath to comment on the fees.\n", encoding="utf-8")
    code, out, err = run_cli("check", "a.txt", "--select", "grammar", cwd=tmp_path)
    assert "house-confusion" not in out, out


def test_a_set_of_one_word_is_refused(tmp_path):
    rules = tmp_path / "house-rules" / "grammar"
    rules.mkdir(parents=True)
    (rules / "bad.yaml").write_text("extends: confusion\nmessage: x\nsets: [moral]\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [house-rules]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    code, out, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert code == 2 and "joined by '/'" in err, err


def test_a_span_a_handwritten_context_reports_is_reported_once():
    text = "Sales rose more then expected.\n"
    rules = [d.rule for d in lint(text, select=["grammar"]) if d.column == 17]
    assert rules == ["grammar/confused-words"]
    alone = [d.rule for d in lint(text, select=["grammar/confusion"])]
    assert alone == ["grammar/confusion"]


# LanguageTool: a fake server that flags 'then' and a second word --------------------------

TEXT = "Sales rose more then expected. He go home.\n"


class OneMatchLT(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, body: object):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._send([{"name": "English (US)", "code": "en", "longCode": "en-US"}])

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def match(word, rule, fix):
            return {"offset": TEXT.index(word), "length": len(word), "message": f"LanguageTool: {fix}?",
                    "replacements": [{"value": fix}], "context": {"text": TEXT, "offset": TEXT.index(word)},
                    "rule": {"id": rule, "category": {"id": "GRAMMAR"}, "issueType": "grammar"}}
        self._send({"matches": [match("then", "THAN_THEN", "than"), match("go", "HE_VERB_AGR", "goes")]})


@pytest.fixture
def one_match_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OneMatchLT)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_with_languagetool_a_slip_is_reported_once(one_match_server, monkeypatch):
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", one_match_server)
    found = lint(TEXT, select=["grammar/confusion", "grammar/languagetool"])
    on_then = [d.rule for d in found if d.column == 17]
    assert on_then == ["grammar/confusion"], found          # newslint's message, once
    assert [d.rule for d in found if d.column == 35] == ["grammar/HE_VERB_AGR"]  # LanguageTool's own stays


def test_two_confusion_rules_on_one_span_report_it_once(tmp_path):
    rules = tmp_path / "house-rules" / "grammar"
    rules.mkdir(parents=True)
    (rules / "house-confusion.yaml").write_text(
        "extends: confusion\nmessage: \"house: '%s' or '{suggestion}'?\"\nsets: [affect/effect]\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_paths: [house-rules]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Rain will effect the harvest this year.\n", encoding="utf-8")
    code, out, err = run_cli("check", "a.txt", "--select", "grammar/confusion,grammar/house-confusion", cwd=tmp_path)
    assert out.count("[grammar/") == 1 and "[grammar/confusion]" in out, (out, err)
