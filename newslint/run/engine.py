"""The engine: rules in, checks built once, Diagnostics out.

    Engine.build(config, ...) loads the rule packs, applies the configuration (on/off, levels,
    options), keeps the selected rules and builds one Check per rule, sharing one phrase index.
    engine.lint(document) runs every check and drops what inline comments suppress.

The CLI, the service and the Python API all lint through this class.
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from pathlib import Path
from typing import Callable, Iterable

from ..checks import check_class
from ..checks.shared.check import BuildContext, Check
from ..checks.shared.phrases import PhraseIndex
from ..core.diagnostic import FAMILIES, Diagnostic, Level
from ..core.errors import ConfigError, Errors, NewslintError, closest
from ..core.patterns import end_watch, watch_patterns
from ..core.rule import Rule
from ..document.model import Document
from ..settings.config import Config, RuleSetting
from ..settings.rulebook import apply_settings, builtin_rules_dir, load_rules

_rule_cache: dict[tuple[Path, ...], dict[str, Rule]] = {}
_TYPOS = "spelling"  # the family whose findings hold wherever the text came from
# "nothing have [sic] been done": the writer marks a slip as the quoted source's, on purpose
_SIC = re.compile(r"[\W_]{0,3}[\[(]sic[\])]", re.IGNORECASE)


def all_rules(config: Config) -> dict[str, Rule]:
    """Built-in rules plus the configuration's rule packs (loaded once per process)."""
    dirs = (builtin_rules_dir(), *config.rule_paths)
    if dirs not in _rule_cache:
        _rule_cache[dirs] = load_rules(list(dirs))
    return _rule_cache[dirs]


def configured_rules(rules: dict[str, Rule], layers: list[dict[str, RuleSetting]]) -> dict[str, Rule]:
    """Every rule with the settings of `layers` applied; a ConfigError names every mistake in the
    settings, each once (a family's for all its rules)."""
    errors = Errors()
    for layer in layers:
        for name, setting in layer.items():
            if name not in rules and name not in FAMILIES:
                errors.add(setting.fail(f"no rule or family named '{name}'{_hint(name, rules)}"))
    configured = {}
    for rule_id in sorted(rules):
        with errors.gathered():
            configured[rule_id] = _configured(rules[rule_id], layers)
    errors.raise_any()
    return configured


def with_rule_setting_errors(error: ConfigError) -> NewslintError:
    """A configuration's mistakes under `rules:` and `overrides:` beside its other ones, so that one
    run names them all (they can only be checked against the rules, after the file is read)."""
    partial = error.partial
    if partial is None or not all(p.is_dir() for p in partial.rule_paths):
        return error  # a missing rule pack would make its rules' names look misspelt
    errors = Errors()
    errors.add(error)
    with errors.gathered():
        configured_rules(all_rules(partial), [partial.rules, *(o.rules for o in partial.overrides)])
    try:
        errors.raise_any()
    except NewslintError as combined:
        return combined
    return error


def forget_rules() -> None:
    """Read every rule file again at its next use."""
    _rule_cache.clear()


UNKNOWN_NAME = "newslint/unknown-rule"  # a suppression comment names no rule or family: a typo


def validate_names(names: Iterable[str], rules: dict[str, Rule], what: str) -> None:
    for name in names:
        if name not in rules and name not in FAMILIES and name != UNKNOWN_NAME:
            raise NewslintError(f"{what}: '{name}' is neither a rule id nor a family{_hint(name, rules)}")


def _hint(name: str, rules: dict[str, Rule]) -> str:
    """'; did you mean ...?' for a misspelt rule id or family, else where to find the names."""
    match = closest(name, [*rules, *FAMILIES])
    if match:
        return f"; did you mean '{match}'?"
    return f" (families: {', '.join(FAMILIES)}; `newslint rules` lists the ids)"


def _selected(rule_id: str, names: Iterable[str]) -> bool:
    family = rule_id.split("/", 1)[0]
    return any(n == rule_id or n == family for n in names)


class Engine:
    def __init__(self, checks: list[Check], settings: dict, phrases: PhraseIndex | None = None,
                 known: dict[str, Rule] | None = None, report_unknown_names: bool = True):
        self.checks = checks
        self.report_unknown_names = report_unknown_names  # --select/--ignore newslint/unknown-rule
        self.settings = settings
        self.known = known or {}  # every rule, on or off: the names a suppression comment may give
        # the refine methods of the checks that weed out what others report, and the notices
        # methods of those that leave notes (LanguageTool's), found once (a pack may hold 1,000 rules)
        self._refiners: list[Callable[[list[Diagnostic], Document], list[Diagnostic]]] = [
            refine for c in checks if (refine := getattr(c, "refine", None)) is not None]
        self._templates = {c.rule.id: c.rule.family for c in checks if c.rule.template_text}
        self._noticers: list[Callable[[], list[tuple[str, str]]]] = [
            notices for c in checks if (notices := getattr(c, "notices", None)) is not None]
        # (check, its key in the shared phrase scan's hits if it reports only phrases, else None):
        # a pack of 1,000 phrase rules costs one scan, not 1,000 calls, on an article that has
        # none of its phrases
        self._runs = [(c, getattr(c, "phrase_key", None) if phrases is not None else None) for c in checks]
        self._phrases = phrases if any(key is not None for _, key in self._runs) else None

    @classmethod
    def build(cls, config: Config, path: Path | None = None, select: Iterable[str] = (),
              ignore: Iterable[str] = (), page: bool | None = None,
              repeated: frozenset[str] = frozenset()) -> "Engine":
        """`page` overrides the configuration's page mode; `repeated` holds the lines that many
        files of the run share (see checks/shared/page.py)."""
        rules = all_rules(config)
        select, ignore = list(select), list(ignore)
        validate_names(select, rules, "--select")
        validate_names(ignore, rules, "--ignore")
        _, layers = config.rule_settings(path)
        configured = configured_rules(rules, layers)
        settings = {"language": config.language, "accept": config.accept, "reject": config.reject,
                    "languagetool": config.languagetool, "page": config.page if page is None else page,
                    "repeated": repeated}
        context = BuildContext(PhraseIndex(), settings)
        checks = []
        for rule_id, rule in configured.items():
            if not rule.enabled:
                continue
            if select and not _selected(rule_id, select):
                continue
            if ignore and _selected(rule_id, ignore):
                continue
            checks.append(check_class(rule.extends)(rule, context))
        report_unknown = (not select or _selected(UNKNOWN_NAME, select)) and not _selected(UNKNOWN_NAME, ignore)
        return cls(checks, settings, context.phrases, rules, report_unknown)

    def notices(self) -> list[tuple[str, str]]:
        """(kind, message) notes that checks leave for the user, e.g. a LanguageTool outage."""
        return [notice for notices in self._noticers for notice in notices()]

    @property
    def rules(self) -> list[Rule]:
        return [c.rule for c in self.checks]

    def lint(self, doc: Document) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        timeouts, token = watch_patterns(doc.view)
        try:
            hits = self._phrases.search(doc) if self._phrases is not None else {}
            for check, phrase_key in self._runs:
                if phrase_key is not None and phrase_key not in hits:
                    continue
                try:
                    found.extend(check.check(doc))
                except NewslintError:
                    raise  # a server that cannot be reached, a bad input: the run's to report
                except Exception as exc:  # a bug in one rule must not lose the others' findings, nor the run
                    found.append(_failure_diagnostic(doc, check.rule, exc))
        finally:
            end_watch(token)
        for refine in self._refiners:  # a check may weed out what another reports too (dedup)
            found = refine(found, doc)
        if self._templates:
            found = _outside_templates(found, self._templates)
        if "sic" in doc.text:
            found = [d for d in found if not _SIC.match(doc.text, d.offset + d.length)]
        found += [_timeout_diagnostic(doc, rule, pattern, at) for rule, pattern, at in timeouts.found]
        if "newslint-" in doc.text:
            from ..document.suppression import Suppressions
            suppressions = Suppressions(doc.text, doc.lines)
            found = [d for d in found if not suppressions.suppressed(d.rule, d.line)]
            if self.report_unknown_names:
                found += [self._unknown_name(doc, name, offset) for name, offset in suppressions.names
                          if not self._names_a_rule(name)]
        found.sort(key=Diagnostic.sort_key)
        return found


    def _names_a_rule(self, name: str) -> bool:
        return (name in self.known or name in FAMILIES
                or any(check_class(rule.extends).reports_as(rule, name) for rule in self.known.values()))

    def _unknown_name(self, doc: Document, name: str, offset: int) -> Diagnostic:
        """A warning at a name in a suppression comment that is no rule id or family."""
        match = closest(name, [*self.known, *FAMILIES])
        hint = f"did you mean '{match}'?" if match else "`newslint rules` lists the rule ids"
        (line, column), (end_line, end_column) = doc.lines.position(offset), doc.lines.position(offset + len(name))
        return Diagnostic(
            rule=UNKNOWN_NAME, level=Level.WARNING, line=line, column=column, end_line=end_line,
            end_column=end_column, offset=offset, length=len(name), path=doc.path,
            message=f"'{name}' is neither a rule id nor a family, so this comment does not suppress it; {hint}")


def _outside_templates(found: list[Diagnostic], templates: dict[str, str]) -> list[Diagnostic]:
    """Template text is compared with nothing: another family's finding that overlaps a span a
    `template_text` rule reports ("e-mail" in a newsletter box against the article's "email", a
    name glued to mojibake) is dropped; --fix deletes the span anyway. A typo stays reported (the
    reader sees it wherever it is), and so does all that is wrong in a photo caption, which is
    the newsroom's. `templates`: rule id -> its family."""
    debris = sorted((d.offset, d.offset + d.length) for d in found if d.rule in templates)
    if not debris:
        return found
    families = set(templates.values())
    starts = [s for s, _ in debris]
    reach = list(accumulate((e for _, e in debris), max))  # the furthest end so far

    def overlaps(d: Diagnostic) -> bool:
        i = bisect.bisect_left(starts, d.offset + max(d.length, 1)) - 1  # the last span starting before its end
        return i >= 0 and d.offset < reach[i]

    return [d for d in found if d.family in families or d.family == _TYPOS or not overlaps(d)]


def _failure_diagnostic(doc: Document, rule: Rule, exc: Exception) -> Diagnostic:
    """A rule that failed on this text: said at its start, so that the run goes on (an archive of
    thousands of articles) without passing the text as fully checked."""
    return _unchecked(doc, rule, 0, f"this rule failed on this text ({type(exc).__name__}: {str(exc)[:80]}), so "
                                    "its findings here are missing: a bug in newslint; please report it with the text")


def _timeout_diagnostic(doc: Document, rule: Rule, pattern: str, at: int) -> Diagnostic:
    """A rule pattern ran out of time on this text: say so where its search began."""
    shown = pattern if len(pattern) <= 80 else pattern[:77] + "..."
    return _unchecked(doc, rule, at, f"the pattern {shown!r} of this rule ({rule.path or 'no file'}) ran out of "
                                     "time on this text and was stopped, so the rule's findings here may be "
                                     "incomplete (a pattern with nested repeats such as (a+)+ can backtrack "
                                     "without end: simplify it)")


def _unchecked(doc: Document, rule: Rule, at: int, message: str) -> Diagnostic:
    """A finding of the rule's own, at its level, that says the rule did not check the whole text:
    the run never passes such a text without a word."""
    loc = doc.locate(at, at)
    return Diagnostic(
        rule=rule.id, level=rule.level, line=loc.line, column=loc.column, end_line=loc.end_line,
        end_column=loc.end_column, offset=loc.offset, length=0, path=doc.path, link=rule.link, message=message)


def _configured(rule: Rule, layers: list[dict[str, RuleSetting]]) -> Rule:
    """The rule with the family settings, then the rule's own settings, of each layer applied."""
    for layer in layers:
        for name in (rule.family, rule.id):
            setting = layer.get(name)
            if setting is None:
                continue
            if setting.enabled is not None:
                rule = apply_settings(rule, {"enabled": setting.enabled}, setting.fail)
            if setting.settings:
                if name == rule.family:
                    family_wide = {k: v for k, v in setting.settings.items() if k in ("level", "exclude_quotes")}
                    if len(family_wide) != len(setting.settings):
                        raise setting.fail("a family takes only 'level', 'exclude_quotes' and on/off; "
                                           "set options on a rule id")
                    rule = apply_settings(rule, family_wide, setting.fail)
                else:
                    rule = apply_settings(rule, setting.settings, setting.fail)
    return rule
