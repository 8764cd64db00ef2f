"""The installed version, looked up only when asked for (importlib.metadata is slow to import)."""
from __future__ import annotations


def package_version() -> str:
    """The installed distribution's version ("unknown" when run from a tree never installed)."""
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("newslint")
    except PackageNotFoundError:
        return "unknown"
