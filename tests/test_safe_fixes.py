"""A safe fix is a certain fix (README: Fixing): --fix on a published-looking article full of
rare but real words, names one letter apart, shared spellings, quotations and deliberate
doubles changes exactly the slips it holds and no correct word."""
from __future__ import annotations

from newslint.run.linter import Linter

# written for this test: an American wire story with every trap the issue-11 articles held
STORY = """Senators balk at spending bill as letup in talks fades

WASHINGTON (AP) - There was no letup on Tuesday in the standoff over the spending bill, as
senators kept balking at the largesse of the regional bureaux and aides tussled over thornier
questions. The uncrewed capsule program and a prebiotic drink maker were named in the bill.

Sen. Jane Doe (R-Texas) said the gauge of support was weak and called for dialogue. "We
analyse every line," she said, quoting a British colleague. School buses and the cancellation
of flights were on the list too, and her opening monologue ran long.

Officials in Kabul and in Zabul province said the money would reach both. The U.S. envoy
and the U.S. Treasury agreed, and the US Open will go ahead in New York.

President Moon Jae-in in Seoul said he gave in in the end. Afp reported that towns will recieve
the money, and the the committee will vote on Thursday. Prices rose 2 per cent, or 3 per cent
in all, the report said; a banker said: "Profit fell 1 percent."

Follow us, the protesters chanted outside the Capitol.
"""

# the certain slips and nothing else: a listed misspelling with one correction, a doubled
# article, the agency's capitals
FIXED = (STORY.replace("Afp reported", "AFP reported")
         .replace("will recieve", "will receive")
         .replace("and the the committee", "and the committee"))


def test_fix_changes_the_slips_and_no_correct_word():
    result = Linter().fix(STORY)
    assert result.text == FIXED
    assert result.fixed == 3


def test_the_doubtful_findings_are_still_shown_for_review():
    remaining = Linter().fix(STORY).diagnostics
    offered = {(d.rule, *d.suggestions[:1]) for d in remaining if d.fix is not None and not d.fix.safe}
    assert ("spelling/doubled-word", "in") in offered            # "gave in in the end" is good English
    assert ("consistency/spelling-variants", "per cent") in offered  # inside a quotation
    assert not any(d.fix is not None and d.fix.safe for d in remaining)
    assert not any(d.rule == "consistency/abbreviations" for d in remaining)  # "the US Open" is a name
