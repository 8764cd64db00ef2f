"""The offline speller and newslint.lexicon: the API other rules use, dialects, the house
vocabulary, news articles in both dialects, no network."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES, REPO, lint, run_cli

from newslint.app.vocab import insert_accept
from newslint.resources import lexicon

BRITISH = ("Ministers’ organisation of the programme was criticised.\n\n"
           "The centre’s defence of the colour scheme travelled well, and the labour favourites "
           "realised it. “We didn’t analyse the catalogue,” one said of the theatre’s behaviour.\n")
AMERICAN = ("Ministers’ organization of the program was criticized.\n\n"
            "The center’s defense of the color scheme traveled well, and the labor favorites "
            "realized it. “We didn’t analyze the catalog,” one said of the theater’s behavior.\n")


# the lexicon's API ---------------------------------------------------------------------------

def test_known_is_case_aware():
    assert lexicon.known("previously") and lexicon.known("Previously") and lexicon.known("PREVIOUSLY")
    assert not lexicon.known("previosuly") and not lexicon.known("Blinken")
    assert not lexicon.known("pReviously")                      # odd capitals are not a word form
    assert lexicon.known("didn’t") and lexicon.known("minister's") and lexicon.known("ministers'")
    assert not lexicon.known("recieve")                         # codespell's misspellings are taken out


def test_frequency_and_zipf():
    assert lexicon.frequency("the") > lexicon.frequency("previously") > lexicon.frequency("wizened") > 0
    assert lexicon.frequency("previosuly") == 0.0 and lexicon.zipf("previosuly") == 0.0
    assert 7 < lexicon.zipf("the") < 8


@pytest.mark.parametrize("gb,us", [("organisation", "organization"), ("colour", "color"), ("centre", "center"),
                                   ("defence", "defense"), ("travelled", "traveled"), ("programme", "program"),
                                   ("analyse", "analyze"), ("favourite", "favorite"),
                                   ("realised", "realized"), ("theatres", "theaters"), ("grey", "gray")])
def test_dialect_pairs(gb, us):
    assert lexicon.dialect_of(gb) == "en-GB"
    assert lexicon.counterpart(gb) == us and lexicon.counterpart(us) == gb
    assert lexicon.counterpart(gb.capitalize()) == us.capitalize()


def test_british_forms_american_copy_writes_too_mark_no_dialect():
    # the spelling tables pair them with gage, dialog, busses, cancelation: rare in America
    for word in ("gauge", "dialogue", "buses", "cancellation", "analyses", "monologue", "catalogue"):
        assert lexicon.dialect_of(word) is None, word
        assert lexicon.counterpart(word) is not None  # still a pair for the other direction
    assert lexicon.dialect_of("travelling") == "en-GB" and lexicon.dialect_of("colour") == "en-GB"


def test_words_both_dialects_write_alike_have_no_dialect():
    for word in ("program", "meter", "tire", "check", "story", "practice", "license", "the", "timber",
                 "prize", "filled", "four", "Blinken"):
        assert lexicon.dialect_of(word) is None, word
    assert lexicon.dialect_of("color") == "en-US" and lexicon.dialect_of("organization") == "en-US"
    assert lexicon.is_oxford("organization") and not lexicon.is_oxford("color")


def test_inflections_of_an_l_word_the_dictionary_lacks_are_not_typos():
    # the dictionary has "libel" but neither dialect's inflections; "callled" is a slip
    assert not lexicon.known("libelled") and lexicon.known("libel")
    text = "The court ruled the firm had been libelled, and libelling is costly; he libeled no one.\n"
    assert lint(text, select=["spelling/unknown-word"]) == []
    slipped = "She callled the office.\n"  # "call" has one syllable: its l is no stem's
    slips = lint(slipped, select=["spelling/unknown-word"])
    assert [slipped[d.offset:d.offset + d.length] for d in slips] == ["callled"]


def test_infer_dialect():
    words = BRITISH.replace("’", " ").split()
    assert lexicon.infer_dialect(words) == "en-GB"
    assert lexicon.infer_dialect(AMERICAN.replace("’", " ").split()) == "en-US"
    assert lexicon.infer_dialect(["the", "colour", "color"]) is None


def test_suggestions_rank_keyboard_slips_first():
    assert lexicon.suggestions("previosuly")[0] == "previously"
    assert lexicon.suggestions("recieve") == ["receive"]
    assert lexicon.suggestions("goverment")[0] == "government"


def test_the_cache_is_built_from_installed_packages(tmp_path, monkeypatch):
    from newslint.resources.lexicon import Lexicon, build
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    lex = Lexicon(build.load("words"), lambda: build.load("extra"), lambda: build.load("rare"),
                  lambda: build.load("listed"))
    assert lex.known("previously") and lex.misspelling("recieve") == ["receive"]
    assert not lex.known("testier") and lex.listed("testier") and not lex.listed("testiar")  # the larger list
    assert not lex.listed("previously") and not lex.listed("recieve")  # only what the dictionary lacks
    assert not lex.known("letup") and 1.0 <= lex.observed_zipf("letup") < 2.5   # a rare word, not in the dictionary
    assert lex.observed_zipf("previously") == lex.zipf("previously") and lex.observed_zipf("qzxqzx") == 0.0
    assert sorted(p.name.split("-")[-1] for p in tmp_path.glob("lexicon-*.marshal")) == [
        "extra.marshal", "listed.marshal", "rare.marshal", "words.marshal"]
    again = Lexicon(build.load("words"))  # now from the cache
    assert again.frequency("the") == lex.frequency("the")


def test_a_new_build_prunes_old_ones_but_keeps_recent_ones(tmp_path, monkeypatch):
    """~/.cache/newslint held 11 builds (29 MB) after three installs (issue 14): each install or
    change of a source file is a new build. Writing one now deletes the others except the two
    used last (another install on the machine keeps its cache), and temporary files that a
    crashed writer left, but not one that a writer is filling now."""
    import os
    import time

    from newslint.resources.lexicon import build
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    now = time.time()
    for age, key in enumerate(["recent", "older", "oldest", "ancient"], start=1):
        for part in ("words", "extra"):
            old = tmp_path / f"lexicon-{key}-{part}.marshal"
            old.write_bytes(b"old")
            os.utime(old, (now - age * 86400, now - age * 86400))
    (tmp_path / "people-notalexicon.marshal").write_bytes(b"other")  # not the lexicon's: left alone
    crashed, writing = tmp_path / ".lexicon-crashed", tmp_path / ".lexicon-writing"
    crashed.write_bytes(b"half")
    os.utime(crashed, (now - 86400, now - 86400))
    writing.write_bytes(b"half")
    build.load("words")
    key = build.cache_key()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([
        ".lexicon-writing", f"lexicon-{key}-extra.marshal", f"lexicon-{key}-listed.marshal",
        f"lexicon-{key}-rare.marshal",
        f"lexicon-{key}-words.marshal",
        "lexicon-older-extra.marshal", "lexicon-older-words.marshal", "lexicon-recent-extra.marshal",
        "lexicon-recent-words.marshal", "people-notalexicon.marshal"])


def test_pruning_takes_builds_of_one_file_too(tmp_path):
    import os

    from newslint.resources.lexicon.build import prune
    for age, key in enumerate(["now", "a", "b", "c"]):
        (tmp_path / f"other-{key}.marshal").write_bytes(b"x")
        os.utime(tmp_path / f"other-{key}.marshal", (1000 - age, 1000 - age))
    prune(tmp_path, "other", "c")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-a.marshal", "other-c.marshal", "other-now.marshal"]


def test_builds_in_use_today_are_kept(tmp_path):
    """Five installs at work side by side (checkouts, a venv, a pre-commit env) each ran within the
    hour: pruning by count alone deleted the others' builds on every run, and each run rebuilt its
    own (seconds each). Builds used within the day stay, up to eight; older ones go as before."""
    import os
    import time

    from newslint.resources.lexicon.build import KEEP_ACTIVE_BUILDS, prune
    now = time.time()
    recent = [f"r{i}" for i in range(5)]
    for i, key in enumerate([*recent, "old1", "old2", "old3"]):
        path = tmp_path / f"other-{key}.marshal"
        path.write_bytes(b"x")
        age = 600 * i if key in recent else 86400 * (i + 2)
        os.utime(path, (now - age, now - age))
    prune(tmp_path, "other", "r0")
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"other-{key}.marshal" for key in recent]
    for i in range(KEEP_ACTIVE_BUILDS + 3):
        (tmp_path / f"other-busy{i:02}.marshal").write_bytes(b"x")
    prune(tmp_path, "other", "r0")
    assert len(list(tmp_path.iterdir())) == 1 + KEEP_ACTIVE_BUILDS  # bounded however many installs


def test_loading_a_build_marks_it_used(tmp_path, monkeypatch):
    """The builds kept are those used last, not those built last: a build loaded today is recent."""
    import os

    from newslint.resources.lexicon import build
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    build.load("words")
    path = tmp_path / f"lexicon-{build.cache_key()}-words.marshal"
    os.utime(path, (1, 1))
    build.load("words")
    assert path.stat().st_mtime > 1


def test_a_build_pruned_by_another_process_is_built_again(tmp_path, monkeypatch):
    """Another install's run may prune this one's build between its two parts: the run builds it
    again rather than fail."""
    from newslint.resources.lexicon import build
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    words = build.load("words")
    for path in tmp_path.glob("lexicon-*.marshal"):
        path.unlink()
    misspellings = build.load("extra")[0]
    assert words[0]["the"] == build.load("words")[0]["the"] and misspellings["recieve"] == "receive"
    assert len(list(tmp_path.glob("lexicon-*.marshal"))) == 4  # words, extra, rare and listed, built again


def test_the_cache_folder_follows_xdg_unless_newslint_cache_dir_is_set(tmp_path, monkeypatch):
    from newslint.resources.lexicon import build
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert build.cache_dir() == tmp_path / "xdg" / "newslint"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "own"))
    assert build.cache_dir() == tmp_path / "own"


def test_the_help_says_where_the_cache_is_and_how_to_move_it():
    from conftest import run_cli
    for args in (["--help"], ["check", "--help"]):
        out = run_cli(*args)[1]
        assert "~/.cache/newslint" in out and "XDG_CACHE_HOME" in out and "NEWSLINT_CACHE_DIR" in out, out


# the speller on articles -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [BRITISH, AMERICAN])
def test_neither_dialect_is_flagged_with_auto(text):
    assert [d for d in lint(text) if d.family == "spelling"] == []


def test_the_configured_dialect_flags_the_other():
    found = [d for d in lint(BRITISH, config={"language": "en-US"}) if d.rule == "spelling/dialect"]
    assert {d.suggestions[0] for d in found} >= {"organization", "program", "center", "defense", "color",
                                                 "traveled", "theater", "behavior"}
    assert all(d.fix and d.fix.safe for d in found)
    # the quotation keeps its speaker's spelling: “We didn’t analyse the catalogue,”
    assert not {"analyze", "catalog"} & {d.suggestions[0] for d in found}
    assert [d for d in lint(AMERICAN, config={"language": "en-US"}) if d.family == "spelling"] == []
    flagged = {d.suggestions[0] for d in lint(AMERICAN, config={"language": "en-GB"}) if d.rule == "spelling/dialect"}
    assert "colour" in flagged and "organisation" not in flagged        # Oxford -ize is British too


def test_own_story_typos_are_found_and_names_are_not():
    text = (FIXTURES / "articles" / "trip-story.txt").read_text(encoding="utf-8")
    assert [d for d in lint(text) if d.family == "spelling"] == []
    broken = text.replace("dispute", "dipsute", 1)
    found = [d for d in lint(broken) if d.family == "spelling"]
    assert [(d.rule, d.suggestions) for d in found] == [("spelling/unknown-word", ["dispute"])]


def test_busy_pack_spelling_rules_fire():
    busy = {"rule_paths": [str(FIXTURES / "rulepacks" / "busy")]}
    rules = {d.rule for d in lint("We went to teh the the shop.", config=busy)}
    assert {"spelling/typos", "spelling/doubles"} <= rules


# house vocabulary ---------------------------------------------------------------------------

def test_vocab_add_creates_and_extends_the_config(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("The newsroom said stonks, and the editor agreed.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "s.txt", "--select", "spelling", cwd=tmp_path)
    assert code == 1 and "stonks" in out
    code, out, _ = run_cli("vocab", "add", "stonks", "Xie", cwd=tmp_path)
    assert code == 0 and "added stonks, Xie" in out
    code, out, _ = run_cli("check", "s.txt", "--select", "spelling", cwd=tmp_path)
    assert code == 0, out
    code, out, _ = run_cli("vocab", "add", "stonks", cwd=tmp_path)
    assert code == 0 and "already" in out
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / ".newslint.yaml").stat().st_mode & 0o777 == 0o666 & ~umask  # as any new file, not 0600


def test_vocab_add_leaves_a_configuration_with_a_mistake_as_it_was(tmp_path):
    config = tmp_path / ".newslint.yaml"
    broken = "languag: en-GB\n"  # a mistake the words cannot mend
    config.write_text(broken, encoding="utf-8")
    code, _, err = run_cli("vocab", "add", "zork", cwd=tmp_path)
    assert code == 2 and "languag" in err and "Traceback" not in err
    assert config.read_text(encoding="utf-8") == broken


@pytest.mark.parametrize("before,after", [
    ("", "vocabulary:\n  accept:\n    - zork\n"),
    ("# house\nlanguage: en-GB  # British\n",
     "# house\nlanguage: en-GB  # British\nvocabulary:\n  accept:\n    - zork\n"),
    ("vocabulary: {reject: [alright]}\n", "vocabulary: {accept: [zork], reject: [alright]}\n"),
    ("vocabulary:\n  accept: [a, b]   # names\nfail_on: error\n",
     "vocabulary:\n  accept: [a, b, zork]   # names\nfail_on: error\n"),
    ("vocabulary:\n  accept:\n    - a  # first\n  reject: [x]\n",
     "vocabulary:\n  accept:\n    - a  # first\n    - zork\n  reject: [x]\n"),
    ("vocabulary:\n  reject:\n    - x\n", "vocabulary:\n  accept:\n    - zork\n  reject:\n    - x\n"),
    ("vocabulary:\n  accept: a\n", "vocabulary:\n  accept: [a, zork]\n"),
])
def test_vocab_add_edits_only_the_accept_list(before, after):
    assert insert_accept(before, ["zork"]) == after


def test_vocab_add_quotes_what_yaml_would_misread():
    import yaml
    text = insert_accept("", ["yes", "it's", "on", "C#"])
    assert yaml.safe_load(text)["vocabulary"]["accept"] == ["yes", "it's", "on", "C#"]


# no network -----------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare is not installed")
def test_the_speller_works_without_network(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Blinken was previosuly in Beijing.\n", encoding="utf-8")
    proc = subprocess.run(["unshare", "-n", sys.executable, "-m", "newslint", "check", str(story)],
                          capture_output=True, text=True, cwd=REPO, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"),
                               "HOME": str(tmp_path), "NO_COLOR": "1"})
    assert "Operation not permitted" not in proc.stderr, "unshare -n needs privileges here"
    assert "previously" in proc.stdout and "Blinken" not in proc.stdout.split("previosuly")[0], proc.stderr


# words made from known words ------------------------------------------------------------------

def test_morphology_keeps_the_spelling_rules():
    from newslint.resources.lexicon.morphology import analyses
    lex = lexicon.get()

    def bases(word):
        return {base for base, _ in analyses(word, lex.is_word, lex.prefixes)}

    assert "balk" in bases("balking") and "thorny" in bases("thornier") and "tussle" in bases("tussled")
    assert "crew" in bases("uncrewed") and "classify" in bases("declassifying") and "salvo" in bases("salvoes")
    assert "unforgivable" in bases("unforgivably") and "intimidate" in bases("intimidatory")
    assert "run" not in bases("runing")       # one syllable, one vowel, one consonant: "running"
    assert "hope" not in bases("hopeing")     # the silent e drops: "hoping"
    assert "depress" not in bases("depresssed")  # a double consonant does not double again
    assert not bases("ofer")                  # "of" is too short to be a base


def test_rare_real_words_are_weighed_against_the_slip():
    lex = lexicon.get()
    assert not lex.known("letup") and lex.observed_zipf("letup") > 1.0
    found = lint("No letup, the largesse of the bureaux. The jewerly and the possiblity.\n",
                 select=["spelling/unknown-word"])
    assert [d.suggestions[0] for d in found] == ["jewelry", "possibility"]
