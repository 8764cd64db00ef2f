"""Rule types: one module per `extends:` name (weekday-date -> weekday_date.py), each holding the
Check subclass of that NAME, which registers itself when its module is imported.

The table of types is the package's own module list, so it cannot drift from the code, and a
module is imported only when a rule of its type is loaded. `shared/` holds what types share.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from .shared.check import Check


@lru_cache(maxsize=1)
def rule_types() -> tuple[str, ...]:
    """Every `extends:` name, from the modules of this package."""
    return tuple(sorted(m.name.replace("_", "-") for m in pkgutil.iter_modules(__path__)
                        if not m.ispkg and not m.name.startswith("_")))


def check_class(name: str) -> type[Check]:
    """The Check class of a rule type; KeyError for a name that is not one (never an import of
    whatever a rule file names)."""
    if name not in rule_types():
        raise KeyError(name)
    importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
    return Check.registered[name]
