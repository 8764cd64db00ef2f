"""The review page (`GET /` of `newslint serve`) in a real browser: headless Chromium from the
system's packages, driven by Selenium through chromedriver, against the real server.

The article is pasted, its highlights are compared with the offsets /v1/check answers for the
same text, a finding is selected (its related places light up), a suggestion and then all safe
fixes are applied, and a screenshot is kept under $NEWSLINT_ARTIFACTS (default: .artifacts/ in
the checkout). scripts/test installs Chromium where it can (scripts/browser-deps); where it
cannot, these tests skip and say so."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import REPO
from test_service import Server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER):
    pytest.skip("the browser tests need Chromium and chromedriver: run scripts/browser-deps "
                "(apt-get install chromium chromium-driver) or scripts/test, which does", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a test dependency: pip install -e '.[test]'")

# Written for this test: a typo, one name spelt two ways (a finding with related places), an
# agency in the wrong case, web debris, and an emoji (outside the BMP) before all of them, so that
# code-point offsets and the browser's UTF-16 indices differ. Filler paragraphs push the end of
# the article below the fold.
FILLER = ("Ferry operators have asked for longer berths for years, and the quay has flooded twice "
          "since the old sheds were pulled down. ")
ARTICLE = (
    "Harbour board backs new ferry terminal 🚢\n\n"
    "Port commissioner Helena Marchetti said on Tuesday that the harbour board had approved a new "
    "ferry terminal for the east quay, after three years of delays.\n\n"
    "Marchetti told reporters the terminal would open in 2026 and handle twice as many passengers "
    "as the old one. The goverment will pay for half of the work, according to Afp.\n\n"
    + "".join(f"{FILLER * 3}\n\n" for _ in range(6))
    + "Critics say the plan ignores fishing crews. Marchetty said the board would meet them next week.\n\n"
    "The vote by the board was unanimous, Marchetti said.\n\n"
    "Leave a Reply\n"
)

# Where each mark of the highlights starts (in UTF-16 units, as the DOM counts), what it covers
# and which findings it names.
MARKS_JS = """
const marks = [];
let at = 0;
const walk = (node) => {
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) { at += child.data.length; continue; }
    marks.push({start: at, text: child.textContent,
                findings: (child.dataset.findings || '').split(' ').filter(Boolean).map(Number),
                related: child.classList.contains('related')});
    at += child.textContent.length;
  }
};
walk(document.getElementById('highlights'));
return marks;
"""

# A file dropped on the page, as the browser delivers it.
DROP_JS = """
const [name, text, type] = arguments;
const data = new DataTransfer();
data.items.add(new File([text], name, {type}));
for (const kind of ['dragenter', 'dragover', 'drop']) {
  document.dispatchEvent(new DragEvent(kind, {dataTransfer: data, bubbles: true, cancelable: true}));
}
"""

# Each one-line mark against the width its text takes in the textarea's font: a mark that adds
# padding, a border or another font would no longer sit on the text it marks.
MARK_WIDTHS_JS = """
const context = document.createElement('canvas').getContext('2d');
context.font = getComputedStyle(document.getElementById('text')).font;
return [...document.querySelectorAll('#highlights mark')].filter((m) => m.getClientRects().length === 1)
  .map((m) => [m.textContent, m.getBoundingClientRect().width, context.measureText(m.textContent).width]);
"""

CONTRAST_JS = """
const rgb = (css) => css.match(/[\\d.]+/g).slice(0, 3).map(Number);
const luminance = ([r, g, b]) => [r, g, b]
  .map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
  .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
const background = (el) => { for (; el; el = el.parentElement) { const bg = getComputedStyle(el).backgroundColor;
  if (!bg.startsWith('rgba') || !bg.endsWith(', 0)')) return rgb(bg); } return [255, 255, 255]; };
return [...document.querySelectorAll(arguments[0])].filter((el) => el.offsetParent !== null).map((el) => {
  const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(background(el))];
  return [el.className || el.tagName, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
});
"""


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("page"))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1366,768", "--lang=en-US"):  # a laptop's screen
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(os.environ.get("NEWSLINT_ARTIFACTS") or REPO / ".artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def wait_for(condition, what: str, timeout: float = 20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def checks(driver) -> int:
    return int(driver.execute_script("return document.body.dataset.checks || '0'"))


def open_page(driver, server) -> None:
    driver.get(f"http://127.0.0.1:{server.port}/")
    wait_for(lambda: driver.execute_script("return document.readyState") == "complete", "the page")


def paste(driver, text: str) -> None:
    """Through the browser's editing path, as a paste is (the keyboard driver cannot type
    characters outside the BMP)."""
    driver.execute_script("const t = document.getElementById('text'); t.focus(); t.select();"
                          "document.execCommand('insertText', false, arguments[0]);", text)


def api_check(server, text: str, **fields) -> dict:
    status, _, body = server.request("POST", "/v1/check", {"text": text, **fields})
    assert status == 200, body
    return body


def finding_index(diagnostics: list[dict], rule: str) -> int:
    return next(i for i, d in enumerate(diagnostics) if d["rule"] == rule)


def test_highlights_sit_on_the_apis_offsets_and_fixes_apply(server, browser, artifacts):
    open_page(browser, server)
    paste(browser, ARTICLE)
    wait_for(lambda: checks(browser) >= 1, "the check that follows a paste")
    assert browser.find_element("id", "text").get_attribute("value") == ARTICLE
    diagnostics = api_check(server, ARTICLE, statistics=True)["diagnostics"]
    rules = [d["rule"] for d in diagnostics]
    assert {"spelling/unknown-word", "consistency/name-variant", "style/agency-names",
            "boilerplate/comment-form"} <= set(rules)

    marks = browser.execute_script(MARKS_JS)
    for i, d in enumerate(diagnostics):
        mine = [m for m in marks if i in m["findings"]]
        assert mine, f"no highlight for {d['rule']} at {d['line']}:{d['column']}"
        assert mine[0]["start"] == utf16(ARTICLE[:d["offset"]]), d
        assert "".join(m["text"] for m in mine) == ARTICLE[d["offset"]:d["offset"] + d["length"]], d
        assert all(a["start"] + len(a["text"].encode("utf-16-le")) // 2 == b["start"] for a, b in zip(mine, mine[1:]))
    items = browser.find_elements("css selector", "#findings li.finding")
    assert len(items) == len(diagnostics)
    assert [i.find_element("css selector", ".badge").text for i in items] == [d["level"] for d in diagnostics]
    # the highlights under the textarea wrap exactly as its text does
    heights = browser.execute_script("return [document.getElementById('text').scrollHeight,"
                                     " document.getElementById('highlights').offsetHeight]")
    assert abs(heights[0] - heights[1]) <= 1, heights

    # selecting the name variant lights up the three places it contradicts
    variant = finding_index(diagnostics, "consistency/name-variant")
    browser.find_element("css selector", f"#finding-{variant} .finding-go").click()
    assert browser.find_element("id", f"finding-{variant}").get_attribute("aria-current") == "true"
    related = [m for m in browser.execute_script(MARKS_JS) if m["related"]]
    assert [m["text"] for m in related] == ["Marchetti"] * 3
    widths = browser.execute_script(MARK_WIDTHS_JS)
    assert len(widths) >= 6 and all(abs(drawn - measured) <= 1.5 for _, drawn, measured in widths), widths
    announced = browser.find_element("id", "announce").get_attribute("textContent")
    assert "3 other places" in announced and diagnostics[variant]["message"] in announced
    stats = {e.get_attribute("data-stat"): e.find_element("tag name", "dd").text
             for e in browser.find_elements("css selector", "#stats > div")}
    assert stats["errors"] == str(sum(d["level"] == "error" for d in diagnostics)) and int(stats["words"]) > 300
    shot = artifacts / "review-page.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")

    # the debris at the end is below the fold: selecting it scrolls the text to it
    debris = finding_index(diagnostics, "boilerplate/comment-form")
    browser.find_element("css selector", f"#finding-{debris} .finding-go").click()
    top, height, mark_top = browser.execute_script(
        "const t = document.getElementById('text');"
        f"return [t.scrollTop, t.clientHeight, document.querySelector('mark[data-findings~=\"{debris}\"]').offsetTop]")
    assert top > 0 and top <= mark_top <= top + height

    # one suggestion, then every safe fix, with one click each
    typo = finding_index(diagnostics, "spelling/unknown-word")
    browser.find_element("css selector", f"#finding-{typo} button[data-action=fix]").click()
    wait_for(lambda: checks(browser) >= 2, "the check after a fix")
    text = browser.find_element("id", "text").get_attribute("value")
    assert "The government will pay" in text and "goverment" not in text
    fix_all = browser.find_element("id", "fix-all")
    assert fix_all.is_enabled() and fix_all.text == "Apply all safe fixes (2)"  # not the name variant
    fix_all.click()
    wait_for(lambda: checks(browser) >= 3, "the check after the safe fixes")
    text = browser.find_element("id", "text").get_attribute("value")
    assert "according to AFP." in text and "Marchetty" in text and "Leave a Reply" not in text
    remaining = api_check(server, text)["diagnostics"]
    assert not any(d.get("fix", {}).get("safe") for d in remaining)
    assert len(browser.find_elements("css selector", "#findings li.finding")) == len(remaining)
    assert not browser.find_element("id", "fix-all").is_enabled()
    browser.find_element("id", "undo").click()
    wait_for(lambda: checks(browser) >= 4, "the check after undo")
    assert "Leave a Reply" in browser.find_element("id", "text").get_attribute("value")


def test_filters_hide_families_and_levels(server, browser):
    open_page(browser, server)
    paste(browser, ARTICLE)
    wait_for(lambda: checks(browser) >= 1, "the first check")
    diagnostics = api_check(server, ARTICLE)["diagnostics"]
    browser.find_element("css selector", "label[for=filter-family-boilerplate]").click()
    shown = [i.get_attribute("data-index") for i in browser.find_elements("css selector", "#findings li.finding")]
    assert shown == [str(i) for i, d in enumerate(diagnostics) if d["family"] != "boilerplate"]
    marked = {n for m in browser.execute_script(MARKS_JS) for n in m["findings"]}
    assert marked == {i for i, d in enumerate(diagnostics) if d["family"] != "boilerplate"}
    browser.find_element("css selector", "label[for=filter-level-warning]").click()
    levels = {i.find_element("css selector", ".badge").text
              for i in browser.find_elements("css selector", "#findings li.finding")}
    assert levels == {"error"}
    assert browser.find_element("id", "findings-count").text == \
        f"({sum(d['family'] != 'boilerplate' and d['level'] == 'error' for d in diagnostics)} of {len(diagnostics)})"


def test_keyboard_and_contrast(server, browser):
    open_page(browser, server)
    paste(browser, ARTICLE)
    wait_for(lambda: checks(browser) >= 1, "the first check")
    from selenium.webdriver.common.keys import Keys
    browser.find_element("tag name", "body").send_keys(Keys.F8)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "finding-go" and focused.get_attribute("data-index") == "0"
    focused.send_keys(Keys.F8)
    assert browser.switch_to.active_element.get_attribute("data-index") == "1"
    assert browser.find_element("id", "finding-1").get_attribute("aria-current") == "true"
    # every control says what it is
    for element in browser.find_elements("css selector", "button, select, textarea, input"):
        name = (element.get_attribute("aria-label") or element.text or element.get_attribute("textContent")
                or browser.execute_script(
                    "return arguments[0].labels.length ? arguments[0].labels[0].textContent : ''", element))
        assert name.strip(), element.get_attribute("outerHTML")
    ratios = browser.execute_script(CONTRAST_JS, ".badge, .where, .rule, .status, .finding-go .message, "
                                                 "#check, legend, dt, .hint, button.link, .tag")
    assert ratios and all(ratio >= 4.5 for _, ratio in ratios), [r for r in ratios if r[1] < 4.5]


def test_open_or_drop_a_file(server, browser, tmp_path):
    open_page(browser, server)
    story = tmp_path / "story.md"
    story.write_text("\ufeff# Harbour vote\n\nThe goverment agreed.\n", encoding="utf-8")
    browser.find_element("id", "file").send_keys(str(story))
    wait_for(lambda: checks(browser) >= 1, "the check of the opened file")
    assert browser.find_element("id", "format").get_attribute("value") == "markdown"
    assert browser.find_element("id", "text").get_attribute("value") == "# Harbour vote\n\nThe goverment agreed.\n"
    assert [m["text"] for m in browser.execute_script(MARKS_JS)] == ["goverment"]

    html = "<h1>Vote</h1>\n<p>The board agreed.</p>\n<p>Leave a Reply</p>\n"
    browser.execute_script(DROP_JS, "story.html", html, "text/html")
    wait_for(lambda: checks(browser) >= 2, "the check of the dropped file")
    assert browser.find_element("id", "format").get_attribute("value") == "html"
    (d,) = api_check(server, html, format="html")["diagnostics"]
    (mark,) = browser.execute_script(MARKS_JS)
    assert mark["start"] == d["offset"] and mark["text"] == html[d["offset"]:d["offset"] + d["length"]]
    browser.execute_script(DROP_JS, "notes.docx", "x", "application/octet-stream")
    assert "reads .txt, .md and .html" in browser.find_element("id", "status").text


def test_the_page_works_offline_and_refuses_other_origins(server):
    """Everything the page loads comes from the server itself, and the server says so."""
    import http.client
    import re
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.request("GET", "/")
    response = conn.getresponse()
    page = response.read().decode()
    assert response.status == 200 and response.getheader("content-type").startswith("text/html")
    assert "default-src 'none'" in response.getheader("content-security-policy")
    references = re.findall(r'(?:src|href)="([^"#]+)"', page)
    assert references and all(not re.match(r"[a-z]+:|//", r) for r in references), references
    for asset in references:
        conn.request("GET", "/" + asset)
        answer = conn.getresponse()
        body = answer.read().decode()
        assert answer.status == 200, asset
        assert not re.search(r"https?://", body.replace("http://www.w3.org", "")), asset
    conn.request("GET", "/web/../service.py")
    assert conn.getresponse().status == 404
    conn.close()
