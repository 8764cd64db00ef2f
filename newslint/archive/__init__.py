"""Archives at scale: lint millions of stored articles (JSON lines or Parquet records) partition
by partition, in one process or on a Dask cluster, into one row per finding; baselines of
archives, summaries per rule and per month, and an HTML report.

    import dask.bag as db, json
    from newslint.archive import Settings, lint_bag
    rows = lint_bag(db.read_text("news-*.jsonl").map(json.loads), Settings(text_field="body"))

Needs the archive extra for Dask and Parquet: pip install 'newslint[archive]'. The command line
is `newslint archive check` (see newslint.archive.cli); docs/archive.md says more.
"""
from __future__ import annotations

import importlib

_API = {"ArticleSettings": "article", "Settings": "records", "plan": "records", "lint_partition": "records",
        "lint_records": "records", "lint_bag": "run", "run_dask": "run", "run_local": "run", "connect": "run"}
__all__ = list(_API)


def __getattr__(name: str):
    """The API, imported when first used: `newslint check` registers the archive's options
    without loading the linter, Dask or Arrow."""
    if name not in _API:
        raise AttributeError(f"module 'newslint.archive' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
