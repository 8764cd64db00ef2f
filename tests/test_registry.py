"""The registry of rule types cannot drift: every `extends:` name is a module of newslint.checks
holding the Check of that NAME, and the reference in docs/ is what the code says today."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

import pytest
from conftest import REPO

import newslint.checks as checks
from newslint.checks import check_class, rule_types
from newslint.checks.shared.check import Check
from newslint.settings.rulebook import builtin_rules_dir, discover, load_rule

MODULES = [m.name for m in pkgutil.iter_modules(checks.__path__) if not m.ispkg and not m.name.startswith("_")]


@pytest.mark.parametrize("module", MODULES)
def test_each_module_holds_the_check_named_after_it(module):
    imported = importlib.import_module(f"newslint.checks.{module}")
    own = [c for c in vars(imported).values()
           if inspect.isclass(c) and issubclass(c, Check) and c.__module__ == imported.__name__]
    assert [c.NAME for c in own] == [module.replace("_", "-")]
    assert check_class(own[0].NAME) is own[0]
    assert own[0].DESCRIPTION, "every type says what it finds (newslint rules --types)"


def test_every_shipped_rule_extends_a_registered_type():
    used = {load_rule(rule_id, path, shipped=True).extends for rule_id, path in discover(builtin_rules_dir())}
    assert used <= set(rule_types())
    assert set(rule_types()) == {m.replace("_", "-") for m in MODULES}


@pytest.mark.parametrize("page, args", [("rules.md", ["rules", "--format", "markdown"]),
                                         ("rule-types.md", ["rules", "--types", "--format", "markdown"])])
def test_the_reference_in_docs_is_current(page, args):
    generated = subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True,
                               cwd=REPO, check=True).stdout
    assert (REPO / "docs" / page).read_text(encoding="utf-8") == generated, \
        f"docs/{page} is out of date: run scripts/docs"
