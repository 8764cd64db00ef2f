"""languagetool: LanguageTool's grammar matches as newslint diagnostics (rule family grammar).

    extends: languagetool
    disabled_categories: [TYPOGRAPHY, STYLE, ...]   # sent to the server
    disabled_rules: [EN_UNPAIRED_QUOTES, ...]       # sent to the server
    ignore_rules: ["EN_DIACRITICS_*"]               # dropped on our side (fnmatch patterns)

Each match becomes a diagnostic whose rule is `grammar/<LanguageTool rule id>`
(grammar/HE_VERB_AGR), with LanguageTool's message and replacements. Where the server is and
what happens when it fails: newslint/languagetool.py.

The article's dialect picks the LanguageTool language: `language` from the configuration, or
with `auto` the one the article's spellings show (newslint.lexicon.infer_dialect), else en-US.
LanguageTool's own spelling rule (MORFOLOGIK_RULE_EN_*) goes through the offline speller's
filter: capitalised words (names), words of the house accept list, words newslint's dictionary
knows and spellings of either dialect are not reported. A span that a spelling/* rule reports
too is reported once, by the spelling rule.
"""
from __future__ import annotations

import fnmatch
import re
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..core.rule import Rule
from ..document.model import Document
from .shared.check import BuildContext, Check
from .shared.phrases import occurs_at_least

_SPELLING_RULES = ("MORFOLOGIK_RULE_", "HUNSPELL_")
_DUPLICATES_OF_SPELLING = ("ENGLISH_WORD_REPEAT_RULE",)
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


class LanguageToolCheck(Check):
    NAME = "languagetool"
    DESCRIPTION = "Grammar through a LanguageTool server."
    OPTIONS = {
        "disabled_categories": Option("strings", [], "LanguageTool categories to turn off"),
        "disabled_rules": Option("strings", [], "LanguageTool rule ids to turn off"),
        "ignore_rules": Option("strings", [], "LanguageTool rule ids (fnmatch patterns) to drop"),
        "disabled_rules_en_gb": Option("strings", [], "more rule ids to turn off for British articles"),
        "disabled_rules_en_us": Option("strings", [], "more rule ids to turn off for American articles"),
        "picky": Option("bool", False, "LanguageTool's picky level: more rules, more noise"),
        "max_chars": Option("int", 50_000, "longest text sent in one request; longer ones go in parts",
                            minimum=1000),
    }
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "message", "lt_rule", "suggestion")

    def __init__(self, rule: Rule, context: BuildContext):
        super().__init__(rule, context)
        settings = context.settings
        from ..resources.languagetool_client import Client
        self.client = context.shared("languagetool-client", lambda: Client(settings.get("languagetool")))
        self.language = settings.get("language") or "auto"
        self.accept_lower = {w.replace("’", "'").lower() for w in settings.get("accept") or ()}
        self.ignore = [re.compile(fnmatch.translate(p)) for p in self.options["ignore_rules"]]

    def notices(self) -> list[tuple[str, str]]:
        return self.client.notices()

    @classmethod
    def reports_as(cls, rule: Rule, rule_id: str) -> bool:
        """grammar/<LanguageTool's rule id>, e.g. grammar/EN_A_VS_AN."""
        family, _, name = rule_id.partition("/")
        return family == rule.family and from_languagetool(name)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        view = doc.view
        if not self.client.active or not view.strip():
            self.client.used = True  # for the "grammar checks are off" note
            return
        language = self._language(doc)
        by_dialect = "disabled_rules_en_gb" if language == "en-GB" else "disabled_rules_en_us"
        disabled = self.options["disabled_rules"] + self.options[by_dialect]
        for base, text in self._parts(doc):
            matches = self.client.check(text, language, disabled,
                                        self.options["disabled_categories"], self.options["picky"])
            if matches is None:
                return
            for m in matches:
                rule_id = str(m.rule_id)
                if any(p.match(rule_id) for p in self.ignore):
                    continue
                start = base + int(m.offset)
                end = start + _code_points(text, int(m.offset), int(m.error_length))
                if not (0 <= start < end <= len(view)) or not view[start:end].strip():
                    continue
                flagged = view[start:end]
                if not rule_id.startswith(_SPELLING_RULES) and self._in_heading(doc, start):
                    continue  # headlines are telegraphic: "Unilever shake up as profit slips"
                if rule_id in _DUPLICATES_OF_SPELLING and all(w[:1].isupper() for w in flagged.split()):
                    continue  # a name, not a slip: "the TV series Soldier Soldier"
                replacements = [r for r in list(m.replacements)[:5] if isinstance(r, str)]
                if rule_id.startswith(_SPELLING_RULES) and not self._spelling_wanted(doc, view[start:end],
                                                                                      replacements):
                    continue
                d = self.report(doc, start, end, suggestions=replacements, message=str(m.message),
                                lt_rule=rule_id, suggestion=replacements[0] if replacements else "")
                d.rule = f"{self.rule.family}/{rule_id}"
                yield d

    def refine(self, found: list[Diagnostic], doc: Document) -> list[Diagnostic]:
        """Report each slip once: drop LanguageTool's spelling and repeated-word matches on spans
        a spelling rule reports, and any of its matches on a span that one of newslint's own
        grammar rules reports (grammar/confused-words: "more then"). LanguageTool's rule ids are
        upper case (EN_A_VS_AN); newslint's are the names of rule files."""
        prefix = self.rule.family + "/"
        spelled, own_grammar = [], []
        for d in found:
            if d.family == "spelling":
                spelled.append((d.offset, d.offset + d.length))
            elif d.rule.startswith(prefix) and not from_languagetool(d.rule[len(prefix):]):
                own_grammar.append((d.offset, d.offset + d.length))
        if not spelled and not own_grammar:
            return found

        def duplicate(d: Diagnostic) -> bool:
            if not d.rule.startswith(prefix) or not from_languagetool(lt_rule := d.rule[len(prefix):]):
                return False
            if lt_rule.startswith(_SPELLING_RULES + _DUPLICATES_OF_SPELLING) and _overlaps(d, spelled):
                return True
            return _overlaps(d, own_grammar)

        return [d for d in found if not duplicate(d)]

    def _spelling_wanted(self, doc: Document, word: str, replacements: list[str]) -> bool:
        """The offline speller's filters for LanguageTool's spelling matches: not a name (a
        capital), not a house word, not a word newslint's dictionary knows in either dialect,
        not a word the article uses twice (deliberate), and not a closed compound whose only
        fault is a missing space (gameshow: "game show")."""
        from ..resources import lexicon
        lex = lexicon.get()
        for w in _WORDS.findall(word):
            if not w.islower() or w.replace("’", "'").lower() in self.accept_lower:
                return False
            if lex.known(w) or lex.variant_known(w):  # (variant_known covers the dialect pairs)
                return False
        if not replacements or replacements[0].replace(" ", "").replace("-", "").lower() == word.lower():
            return False
        return not occurs_at_least(doc.lowered, word.lower(), 2)

    @staticmethod
    def _in_heading(doc: Document, offset: int) -> bool:
        return any(b.kind == "heading" and b.start <= offset < b.end for b in doc.blocks)

    def _language(self, doc: Document) -> str:
        if self.language in ("en-US", "en-GB"):
            return self.language
        from ..resources import lexicon
        words = [w for w in _WORDS.findall(doc.view) if w.islower()]
        return lexicon.infer_dialect(words) or "en-US"

    def _parts(self, doc: Document) -> Iterator[tuple[int, str]]:
        """The view in parts of at most max_chars, cut between blocks."""
        view, limit = doc.view, self.options["max_chars"]
        if len(view) <= limit:
            yield 0, view
            return
        start = 0
        for block in doc.blocks:
            if block.end - start > limit and block.start > start:
                yield start, view[start:block.start]
                start = block.start
        while len(view) - start > limit:  # one enormous block: cut at a line break or anywhere
            cut = view.rfind("\n", start, start + limit)
            cut = cut if cut > start else start + limit
            yield start, view[start:cut]
            start = cut
        yield start, view[start:]


def _code_points(text: str, offset: int, length: int) -> int:
    """LanguageTool counts UTF-16 units in a match's length; newslint counts code points.
    (language-tool-python already converts the offset.)"""
    span = text[offset:offset + length]
    astral = sum(1 for ch in span if ord(ch) > 0xFFFF)
    return max(1, length - astral) if astral else length


def from_languagetool(rule_name: str) -> bool:
    """Whether a grammar rule's name (after "grammar/") is LanguageTool's: its ids are in capitals."""
    return rule_name.isupper()


def _overlaps(d: Diagnostic, spans: list[tuple[int, int]]) -> bool:
    return any(s < d.offset + d.length and d.offset < e for s, e in spans)
