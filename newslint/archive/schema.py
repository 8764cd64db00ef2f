"""What the archive's modules agree on, importable without loading the linter: the inputs'
formats, the finding row's columns and the run's own rule ids."""
from __future__ import annotations

INPUT_FORMATS = ("jsonl", "parquet")
OUTPUT_FORMATS = ("jsonl", "parquet")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
PARQUET_SUFFIXES = (".parquet", ".pq")
EXTRA = "pip install 'newslint[archive]'"

COLUMNS = ("id", "date", "field", "rule", "family", "level", "message", "line", "column", "end_line",
           "end_column", "offset", "length", "flagged", "context_before", "context_after", "suggestions",
           "source")
BAD_RECORD = "archive/bad-record"  # a record not linted: not JSON or UTF-8, no id or text, too large
BAD_FIELD = "archive/bad-field"  # a headline or date not usable: the article linted without it
FAILED_PARTITION = "archive/failed-partition"  # a partition that failed every attempt
