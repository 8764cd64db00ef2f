"""Page mode (issue 18): a whole web page's furniture as blocks, the article left alone.

Every page here is made up for the test: a site's menu, the article, other stories' headlines,
bylines, bios, ad labels, a cookie banner, a pager and a footer, around an article that has its
own traps (a subhead, a spec list, a one-line prose paragraph).
"""
from __future__ import annotations

import json

import pytest
from conftest import lint, run_cli

from newslint.checks.shared.page import normalized, page_score, run_furniture
from newslint.document.model import Document
from newslint.run.linter import Linter

RULE = "boilerplate/page-furniture"

MENU = ["Search", "News", "About", "Business", "Close", "Video", "Sports", "More", "Opinion", "Podcasts", "Jobs",
        "Weather", "Obituaries"]
HEADLINE = "Harbour town votes to rebuild its flooded sea wall"
ARTICLE = [
    "The people of Port Alder voted on Tuesday to rebuild the sea wall that failed during the winter floods, "
    "ending a year of argument about who should pay for it.",
    "The new wall will be two metres higher than the old one, and the council says the harbour will stay open "
    "while the work goes on.",
    "What the wall will cost",
    "Engineers put the price of the sea wall at twelve million pounds, most of it to come from a national flood "
    "fund that the town applied to in the spring.",
    "The plans list:",
    "Height: 6.5 metres",
    "Length: 1.2 kilometres",
    "Material: reinforced concrete",
    "The harbour master welcomed the vote.",
    "Work on the sea wall is due to begin in March, and the council expects it to take two years to finish, "
    "weather permitting, according to the plans it published.",
]
OTHER_STORIES = ["Ferry timetable changes for the winter season", "Local bakery wins national bread award",
                 "School choir to sing at cathedral concert", "New cycle path opens along the old railway"]
BEFORE = [*MENU, "Advertisement", HEADLINE, "By Mary Holt", "Published 12 March 2024, 09:14", "Share", "Facebook",
          "Twitter", "Email"]
AFTER = ["Follow Mary Holt on Twitter", "Paid Program", "More from the Gazette", *OTHER_STORIES,
         "Mary Holt is the Gazette's coast reporter and has covered the harbour for ten years",
         "We use cookies and other tracking technologies to improve your browsing experience on our site",
         "Accept", "1", "2", "3", "4", "Next", "Contact Us", "Terms of Use", "Privacy Policy", "© 2024 The Gazette"]
PAGE_LINES = [*BEFORE, *ARTICLE, *AFTER]
PAGE = "\n".join(PAGE_LINES) + "\n"


def flagged_lines(text: str, diagnostics) -> set[str]:
    lines = text.split("\n")
    return {lines[n - 1] for d in diagnostics if d.rule.startswith("boilerplate/")
            for n in range(d.line, d.end_line + 1)}


def page_mode(text: str, **kwargs):
    return lint(text, config={"page": True}, **kwargs)


def test_page_mode_flags_the_furniture_and_leaves_the_article():
    found = page_mode(PAGE)
    flagged = flagged_lines(PAGE, found)
    assert not flagged & {HEADLINE, *ARTICLE}, flagged & {HEADLINE, *ARTICLE}
    for line in [*MENU, *OTHER_STORIES, "Follow Mary Holt on Twitter", "Paid Program", "1", "2", "3", "4",
                 "Contact Us", "Accept"]:
        assert line in flagged, line


def test_one_finding_per_block_at_its_lines():
    found = [d for d in page_mode(PAGE) if d.rule == RULE]
    assert found, "no block"
    # the blocks do not overlap, each starts and ends on a line of furniture, and the menu is one block
    spans = sorted((d.line, d.end_line) for d in found)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))
    menu = next(d for d in found if d.line == 1)
    assert (menu.column, menu.end_line) >= (1, len(MENU))
    lines = PAGE.split("\n")
    for d in found:
        assert lines[d.line - 1] not in ARTICLE and lines[d.end_line - 1] not in ARTICLE
        assert d.end_column == len(lines[d.end_line - 1]) + 1
    # no finding of the family inside a block but the block's own
    others = [d for d in page_mode(PAGE) if d.rule.startswith("boilerplate/") and d.rule != RULE]
    assert not [d for d in others if any(a <= d.line <= b for a, b in spans)]


def test_page_mode_fix_deletes_the_blocks_and_keeps_the_article(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    code, _, err = run_cli("check", "--page", "--fix", "--select", "boilerplate", str(path), cwd=tmp_path)
    fixed = path.read_text(encoding="utf-8")
    kept = [line for line in fixed.split("\n") if line]
    for line in [HEADLINE, *ARTICLE]:
        assert line in kept, (line, err)
    assert not set(kept) & {*MENU, *OTHER_STORIES, "Paid Program", "Follow Mary Holt on Twitter"}, kept


def test_outside_page_mode_an_article_gets_nothing_from_the_rule():
    article = "\n\n".join([HEADLINE, *ARTICLE]) + "\n"
    assert not [d for d in lint(article) if d.rule == RULE]
    assert not [d for d in page_mode(article) if d.rule == RULE]


def test_a_whole_page_is_recognised_without_page_mode():
    found = lint(PAGE, select=[RULE])  # alone: the family's other rules claim no line
    assert found and all(d.fix is not None and not d.fix.safe for d in found)  # reviewed, not applied
    assert not flagged_lines(PAGE, found) & {HEADLINE, *ARTICLE}
    assert all(d.fix.safe for d in page_mode(PAGE) if d.rule == RULE)


def test_other_families_skip_furniture_in_page_mode():
    text = PAGE.replace("Terms of Use", "Terms of usse")  # a misspelt menu item
    misspelt = text.split("\n").index("Terms of usse") + 1
    assert [d for d in lint(text, select=["spelling"]) if d.line == misspelt]
    assert not [d for d in page_mode(text) if d.line == misspelt and not d.rule.startswith("boilerplate/")]


@pytest.mark.parametrize("trap", [
    "STAFF",  # a one-word line between menus is debris ...
])
def test_a_one_word_label_in_the_menu_is_furniture(trap):
    text = PAGE.replace("Video\n", f"Video\n{trap}\n")
    assert trap in flagged_lines(text, page_mode(text))


def test_a_short_prose_line_inside_the_article_is_not():
    # ... but a short line of prose inside the article is the article's
    assert "The harbour master welcomed the vote." not in flagged_lines(PAGE, page_mode(PAGE))


def test_the_score_reads_the_prose_span_and_the_headline():
    doc = Document(PAGE)
    score = page_score(doc)
    lines = [line.text for line in score.layout.lines]
    assert score.span is not None
    first, last = score.span
    assert lines[first] == ARTICLE[0] and lines[last] == ARTICLE[-1]
    assert lines.index(HEADLINE) in score.article_lines
    assert all(not score.furniture[lines.index(text)] for text in ARTICLE)
    assert all(score.furniture[lines.index(text)] for text in OTHER_STORIES)


def test_a_table_is_not_a_menu():
    table = ["Player", "Goals", "Minutes", "Ames", "12", "87%", "Brook", "9", "64%", "Cole", "7", "21%"]
    text = "\n".join([*MENU, HEADLINE, ARTICLE[0], ARTICLE[1], *table, ARTICLE[3], *AFTER]) + "\n"
    flagged = flagged_lines(text, page_mode(text))
    assert not flagged & set(table), flagged & set(table)


def test_lines_repeated_across_the_files_of_a_run(tmp_path):
    """A line that many files of the run hold is furniture: the run counts them (and a baseline
    written in page mode keeps them)."""
    masthead = "Gazette Extra Weekend Edition"
    body = ("Volunteers cleared the beach after the storm on Sunday morning, and the council thanked them "
            "for giving up their weekend to help the town.")
    files = []
    for i in range(4):
        path = tmp_path / f"story{i}.txt"
        path.write_text(f"{masthead}\n{body} Story number {i} has its own ending.\n{body}\n", encoding="utf-8")
        files.append(path)
    repeated = run_furniture(files)
    assert normalized(masthead) in repeated
    alone = Linter(page=True).lint_file(files[0])
    assert masthead not in flagged_lines(files[0].read_text(), alone.diagnostics)
    together = Linter(page=True, repeated=repeated).lint_file(files[0])
    assert masthead in flagged_lines(files[0].read_text(), together.diagnostics)
    # through the CLI, and through a baseline
    code, out, _ = run_cli("check", "--page", "--format", "json", *map(str, files), cwd=tmp_path)
    report = json.loads(out)
    assert all(any(d["rule"] == RULE and d["line"] == 1 for d in f["diagnostics"]) for f in report["files"])
    baseline = tmp_path / "base.json"
    run_cli("baseline", "--page", "-o", str(baseline), *map(str, files), cwd=tmp_path)
    assert normalized(masthead) in json.loads(baseline.read_text())["furniture"]
    new = tmp_path / "new.txt"
    new.write_text(f"{masthead}\n{body}\n{body} A new ending.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--page", "--format", "json", "--baseline", str(baseline), str(new), cwd=tmp_path)
    assert any(d["rule"] == RULE and d["line"] == 1 for d in json.loads(out)["files"][0]["diagnostics"])


def test_page_mode_through_the_python_api_and_the_configuration(tmp_path):
    import newslint
    assert [d for d in newslint.check_text(PAGE, page=True) if d.rule == RULE]
    config = tmp_path / ".newslint.yaml"
    config.write_text("page: true\n", encoding="utf-8")
    assert [d for d in newslint.check_text(PAGE, config=config) if d.rule == RULE and d.fix.safe]
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("page: maybe\n", encoding="utf-8")
    with pytest.raises(newslint.NewslintError, match="page"):
        newslint.check_text(PAGE, config=wrong)


def test_positions_map_back_to_the_file():
    text = "\ufeff" + PAGE.replace("\n", "\r\n")
    for d in page_mode(text):
        if d.rule == RULE:
            lines = text.lstrip("\ufeff").split("\r\n")
            assert lines[d.line - 1].startswith(d.message.split("'")[1].rstrip("…")[:10])


HTML_PAGE = ("<html><head><title>Harbour town votes</title></head><body>"
             "<nav><ul>" + "".join(f"<li><a href='/{w.lower()}'>{w}</a></li>" for w in MENU) + "</ul></nav>"
             f"<article><h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article>"
             "<aside><ul>" + "".join(f"<li><a href='/s{i}'>{h}</a></li>" for i, h in enumerate(OTHER_STORIES))
             + "</ul></aside><footer><p>Contact Us</p><p>Privacy Policy</p></footer></body></html>\n")


def test_trafilatura_extraction_is_a_signal_on_html():
    """newslint[pages] (installed with the test extra): trafilatura's extraction keeps the
    article's paragraphs and leaves the menu out, and the score moves with it."""
    from newslint.checks.shared.page import EXTRACTED, extracted_lines
    extracted = extracted_lines(HTML_PAGE)
    assert normalized(ARTICLE[0]) in extracted and normalized("Podcasts") not in extracted
    doc = Document(HTML_PAGE, format="html")
    score = page_score(doc)
    lines = [line.text for line in score.layout.lines]
    plain = page_score(Document("\n".join(lines) + "\n"))
    assert score.scores[lines.index("Podcasts")] == pytest.approx(plain.scores[lines.index("Podcasts")] + EXTRACTED)
    # the menu's block, its offsets in the HTML as written: from the first item to the last
    found = [d for d in lint(HTML_PAGE, format="html", config={"page": True}) if d.rule == RULE]
    first, last = HTML_PAGE.index(f">{MENU[0]}<") + 1, HTML_PAGE.index(f">{MENU[-1]}<") + 1 + len(MENU[-1])
    assert any(d.offset == first and d.offset + d.length == last for d in found), [(d.offset, d.length) for d in found]


def test_a_hard_wrapped_article_is_prose_not_a_run_of_short_lines():
    """Paragraphs wrapped at a fixed width, blank lines between them: their lines are the
    article's, while the menu above (one item a paragraph) is still furniture."""
    import textwrap
    wrapped = "\n\n".join(textwrap.fill(p, 40) for p in ARTICLE if len(p.split()) > 8)
    text = "\n\n".join(MENU) + "\n\n" + HEADLINE + "\n\n" + wrapped + "\n\n" + "\n\n".join(AFTER) + "\n"
    flagged = flagged_lines(text, page_mode(text))
    article_lines = [line for line in wrapped.split("\n") if line]
    assert not flagged & set(article_lines), flagged & set(article_lines)
    # menu items the article does not use itself ("weather permitting" pulls "Weather" back)
    assert {item for item in MENU if item.lower() not in " ".join(ARTICLE).lower()} <= flagged


def test_other_stories_between_blank_lines_are_not_a_wrapped_paragraph():
    """Whole pages keep blank lines between some blocks only: a group of other stories' headlines
    that ends on a sentence (a newsletter prompt under them) was not filled to a width, so it is no
    hard-wrapped paragraph of prose: the headlines stay furniture."""
    prompt = "Get these stories in your inbox every day."
    text = ("\n".join([*MENU, HEADLINE, *ARTICLE]) + "\n\n" + "\n".join([*OTHER_STORIES, prompt]) + "\n\n"
            + "\n".join(AFTER[-8:]) + "\n")
    score = page_score(Document(text))
    lines = [line.text for line in score.layout.lines]
    assert score.span is not None and lines[score.span[1]] == ARTICLE[-1]
    assert set(OTHER_STORIES) <= flagged_lines(text, page_mode(text))


def test_the_headline_over_its_byline_is_the_articles():
    """A headline that shares few words with the prose and stands several lines above it (byline,
    date, a share bar and a photo credit between) is still the article's: a byline or a date
    stands under it. Other stories' headlines above it, and a breadcrumb over a date, are not."""
    headline = "Harbour vote ends long row"  # one content word of four in the prose
    top = [*MENU, "Home > News > Coast", "Monday 11 March 2024", *OTHER_STORIES, headline, "By Mary Holt",
           "Published 12 March 2024, 09:14", "Share", "Facebook", "Twitter", "Email", "Photo: Gazette staff"]
    text = "\n".join([*top, *ARTICLE, *AFTER]) + "\n"
    flagged = flagged_lines(text, page_mode(text))
    assert headline not in flagged
    assert {"Home > News > Coast", *OTHER_STORIES} <= flagged, {"Home > News > Coast", *OTHER_STORIES} - flagged
    score = page_score(Document(text))
    lines = [line.text for line in score.layout.lines]
    assert score.article_lines & {lines.index(headline)}


def test_a_short_headline_glued_to_its_standfirst_is_not_a_stray_line_on_a_page():
    """On a page every line is glued to the next, so boilerplate/stray-lines' shape alone does not
    make the article's short headline furniture: its findings stand where the score leans to
    furniture (`doubted`), as the menu above it does."""
    headline = "Sea Wall Win"
    top = [*MENU, "Mon, March 11, 2024", headline, "Voters back a higher barrier after the winter floods",
           "By Gazette Staff"]
    text = "\n".join([*top, *ARTICLE, *AFTER]) + "\n"
    flagged = flagged_lines(text, page_mode(text))
    assert headline not in flagged
    assert set(MENU) <= flagged and set(OTHER_STORIES) <= flagged
    loose = flagged_lines(text, lint(text, config={"page": True, "rules": {RULE: {"doubted": []}}}))
    assert headline in loose  # without the doubt, the stray line joins the menu's block


def test_a_list_of_blocks_the_article_introduces_is_the_articles():
    """An article that ends by introducing a list whose items are blocks of lines between blank
    lines (a date, a place, an address, the hours) keeps the whole list, however its items' lines
    vary in length; the furniture after it is still flagged."""
    clinics = [["Tuesday, March 12, 2024", "St Anne's Hall", "66 Main Street South", "3:30 - 8:00 pm"],
               ["Saturday, March 16, 2024", "Harbour Wellness Centre", "995 Quay Road", "10:00 am - 3:00 pm"],
               ["Monday, March 18, 2024", "Bramley Baptist Church", "9050 Dixie Road", "2:00 - 8:00 pm"],
               ["Wednesday, March 20, 2024", "Sheridan College Main Gym", "7899 Mill Lane", "11:00 am - 3:00 pm"]]
    intro = "Residents can give blood at one of the following clinics:"
    blocks = [*BEFORE, *ARTICLE[:2], *ARTICLE[3:4], intro]
    text = "\n\n".join(["\n".join(blocks), *("\n".join(c) for c in clinics), "\n".join(AFTER)]) + "\n"
    flagged = flagged_lines(text, page_mode(text))
    items = {line for clinic in clinics for line in clinic}
    assert not items & flagged, items & flagged
    assert set(OTHER_STORIES) <= flagged and "Privacy Policy" in flagged


def test_a_list_of_fields_inside_the_article_is_the_articles():
    """Lines the same separators split ('Name (Group): value', 'Company, City, State') in a row
    inside the article are a list of fields, not other stories' headlines nor a menu."""
    roster = ["Alder (Group A): Third appearance", "Bramley Town (Group A): First appearance",
              "Coldharbour (Group B): Ninth appearance", "Dunmore (Group C): Fifth appearance",
              "East Ferring (Group C): Second appearance", "Fallowfield (Group D): Tenth appearance",
              "Glenrock (Group D): Sixth appearance"]
    text = "\n".join([*BEFORE, *ARTICLE[:2], "Qualified clubs", *roster, *ARTICLE[3:4], *ARTICLE[-1:], *AFTER]) + "\n"
    flagged = flagged_lines(text, page_mode(text))
    assert not flagged & set(roster), flagged & set(roster)
    assert set(OTHER_STORIES) <= flagged and set(MENU) <= flagged


def test_a_list_of_fields_the_article_introduces_keeps_its_separator():
    """The items of a list the article introduces ('Label: value') are its own however their
    values vary (commas, brackets, length); what follows them is not."""
    specs = ["Processor: 1.6GHz quad-core", "Display: 13-inch (2560 x 1600)", "Memory: 16GB",
             "Storage: 512GB, 1TB or 2TB solid state", "Battery: up to 18 hours of video playback with the lid open",
             "Weight: 1.3kg"]
    intro = "The laptop's specifications:"
    text = "\n".join([*BEFORE, *ARTICLE[:2], *ARTICLE[3:4], intro, *specs, *AFTER]) + "\n"
    flagged = flagged_lines(text, page_mode(text))
    assert not flagged & set(specs), flagged & set(specs)
    assert set(OTHER_STORIES) <= flagged


def test_the_headline_over_its_deck_over_a_byline_is_the_articles():
    """A headline right above the deck that stands over the byline is the article's too; a list of
    other stories' headlines ending above it is not (the kept lines stop where headlines go on)."""
    headline, deck = "Sea wall vote settles harbour row", "Council backs a higher barrier after winter floods"
    top = [*MENU, headline, deck, "By Mary Holt", "Published 12 March 2024, 09:14", "Share", "Facebook"]
    text = "\n".join([*top, *ARTICLE, *AFTER]) + "\n"
    flagged = flagged_lines(text, page_mode(text))
    assert not {headline, deck} & flagged, {headline, deck} & flagged
    listed = "\n".join([*MENU, *OTHER_STORIES, "Harbour wall plans go on show in the town hall", *top[len(MENU):],
                        *ARTICLE, *AFTER]) + "\n"
    flagged = flagged_lines(listed, page_mode(listed))
    assert deck not in flagged
    assert {*OTHER_STORIES, "Harbour wall plans go on show in the town hall"} <= flagged


def test_a_menu_naming_a_year_twice_is_no_table():
    """A menu that names the same figures more than once ('2024', '45') is no table: a table's
    figures differ."""
    menu = ["News", "2024", "Congress", "45", "Courts", "Elections", "Edition", "World", "2024", "Congress", "45",
            "Courts", "Business", "Markets", "2024", "Tech", "45", "Media"]
    text = "\n".join([*menu, HEADLINE, *ARTICLE, *AFTER]) + "\n"
    score = page_score(Document(text))
    assert all(score.furniture[:len(menu)]), [m for m, f in zip(menu, score.furniture) if not f]


def test_a_table_with_longer_cells_of_figures_is_not_a_menu():
    """A table whose rows end in a longer cell of figures ('7 tackles, 3 assists') is still one
    table, not runs of short lines broken by them."""
    table = ["Position", "Pos", "Player", "Plays", "Stats", "LB", "Ames Carter", "74", "100%",
             "7 tackles, 3 assists (10 combined). 1 sack, 2 TFL.", "LB", "Brook Dale", "6", "8%",
             "1 tackle (1 combined).", "CB", "Cole Evans", "63", "85%", "2 tackles, 1 assist (3 combined).", "CB",
             "Dean Ford", "49", "66%"]
    text = "\n".join([*MENU, HEADLINE, ARTICLE[0], ARTICLE[1], *table, ARTICLE[3], *AFTER]) + "\n"
    flagged = flagged_lines(text, page_mode(text))
    assert not flagged & set(table), flagged & set(table)


def test_a_schedule_right_after_the_article_is_the_articles():
    """A list of fields that starts right after the article's last paragraph (a schedule of games,
    a day over its games) is the article's; the other stories' headlines after it are not."""
    games = ["Saturday", "Alder at Bramley, 4:30 p.m. (Channel 4)", "Coldharbour at Dunmore, 8 p.m. (BBC Two)",
             "Sunday", "East Ferring at Glenrock, 1 p.m. (Channel 4)", "Fallowfield at Harwich, 4:30 p.m. (Sky)"]
    text = "\n".join([*BEFORE, *ARTICLE[:2], *ARTICLE[3:4], *ARTICLE[-1:], "Weekend games", *games, *AFTER]) + "\n"
    flagged = flagged_lines(text, page_mode(text))
    assert not flagged & {g for g in games if "," in g}, flagged & set(games)
    assert set(OTHER_STORIES) <= flagged
