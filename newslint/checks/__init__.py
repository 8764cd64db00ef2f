"""The registry of rule types: the `extends:` name of a YAML rule -> its Check class.

One module per type. Modules are imported only when a rule of that type is loaded.
"""
from __future__ import annotations

import importlib

from .base import Check

REGISTRY: dict[str, str] = {
    "existence": "newslint.checks.existence:Existence",
    "substitution": "newslint.checks.substitution:Substitution",
    "consistency": "newslint.checks.consistency:Consistency",
    "metric": "newslint.checks.metric:Metric",
    "sentence-length": "newslint.checks.sentence_length:SentenceLength",
    "weekday-date": "newslint.checks.weekday:WeekdayDate",
    "anachronism": "newslint.checks.anachronism:Anachronism",
    "quote-balance": "newslint.checks.quotes:QuoteBalance",
    "actor": "newslint.checks.actor:Actor",
    "number": "newslint.checks.numbers:NumberConsistency",
    "title": "newslint.checks.titles:TitleConsistency",
    "spelling": "newslint.checks.spelling:Spelling",
    "doubled-word": "newslint.checks.doubled:DoubledWord",
    "agreement": "newslint.checks.agreement:Agreement",
    "languagetool": "newslint.checks.languagetool:LanguageToolCheck",
    "name-variant": "newslint.checks.name_variant:NameVariant",
    "dialect": "newslint.checks.dialect:DialectMix",
    "boilerplate-block": "newslint.checks.boilerplate_block:BoilerplateBlock",
}


def check_class(name: str) -> type[Check]:
    module, _, attr = REGISTRY[name].partition(":")
    return getattr(importlib.import_module(module), attr)
