"""Finding rows out, as they come, partition by partition: JSON lines or Parquet (`--output
FILE`), or compiler-style lines on standard output; and findings files read back in.

A file is written under a temporary name beside it and renamed when the run is complete, so a
run that stops half-way never leaves a findings file that looks whole.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from .records import require
from .schema import COLUMNS, PARQUET_SUFFIXES

ROW_GROUP = 50_000  # rows per Parquet row group


def output_format(path: str, given: str | None) -> str:
    """--output-format, or the output file's extension (.parquet/.pq: Parquet; else JSON lines)."""
    if given:
        return given
    return "parquet" if Path(path).suffix.lower() in PARQUET_SUFFIXES else "jsonl"


class _Atomic:
    """A file written under a temporary name and renamed into place by `commit`."""

    def __init__(self, path: str):
        self.path = Path(path)
        self.tmp = self.path.with_name(f".{self.path.name}.tmp")

    def commit(self) -> None:
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        try:
            self.tmp.unlink()
        except OSError:
            pass


class JsonLinesWriter:
    def __init__(self, path: str | None):
        self.file = _Atomic(path) if path else None
        self.stream = open(self.file.tmp, "w", encoding="utf-8") if self.file else sys.stdout

    def write(self, rows: Iterable[dict]) -> None:
        self.stream.write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))

    def close(self, complete: bool = True) -> None:
        if self.file is None:
            self.stream.flush()
            return
        self.stream.close()
        self.file.commit() if complete else self.file.discard()


class ParquetWriter:
    def __init__(self, path: str):
        self.pa = require("pyarrow", "writing Parquet")
        pq = require("pyarrow.parquet", "writing Parquet")
        self.file = _Atomic(path)
        self.schema = row_schema(self.pa)
        self.writer = pq.ParquetWriter(self.file.tmp, self.schema, compression="zstd")
        self.pending: list[dict] = []

    def write(self, rows: Iterable[dict]) -> None:
        self.pending.extend(rows)
        if len(self.pending) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.writer.write_table(self.pa.Table.from_pylist(self.pending, schema=self.schema))
            self.pending = []

    def close(self, complete: bool = True) -> None:
        if complete:
            self._flush()
        self.writer.close()  # a file with no rows still has the schema
        self.file.commit() if complete else self.file.discard()


def row_schema(pa):
    text, number = pa.string(), pa.int64()
    types = {"line": number, "column": number, "end_line": number, "end_column": number, "offset": number,
             "length": number, "suggestions": pa.list_(text)}
    return pa.schema([(name, types.get(name, text)) for name in COLUMNS])


class TextWriter:
    """`id:line:col: level: message [rule]` lines (a headline's findings: `id (headline):...`)."""

    def write(self, rows: Iterable[dict]) -> None:
        out = []
        for row in rows:
            where = row["id"] if row["id"] is not None else row["source"]
            if row["field"] == "headline":
                where = f"{where} (headline)"
            if row["line"] is not None:
                where = f"{where}:{row['line']}:{row['column']}"
            out.append(f"{where}: {row['level']}: {row['message']} [{row['rule']}]\n")
        sys.stdout.write("".join(out))

    def close(self, complete: bool = True) -> None:
        sys.stdout.flush()


def open_output(path: str | None, fmt: str | None):
    """The writer for --output PATH (None: text lines on standard output; '-': JSON lines there)."""
    if path is None:
        return TextWriter()
    if path == "-":
        if fmt == "parquet":
            from .article import NewslintError
            raise NewslintError("Parquet cannot be written to standard output: give --output FILE.parquet")
        return JsonLinesWriter(None)
    try:
        return ParquetWriter(path) if output_format(path, fmt) == "parquet" else JsonLinesWriter(path)
    except OSError as exc:
        from .article import NewslintError
        raise NewslintError(f"cannot write the findings: {exc.strerror or exc}", path) from None


def read_rows(paths: Iterable[str]) -> Iterator[dict]:
    """The rows of findings files (JSON lines or Parquet, by extension), in order."""
    from .article import NewslintError
    for path in paths:
        try:
            if output_format(path, None) == "parquet":
                pq = require("pyarrow.parquet", "reading Parquet")
                for batch in pq.ParquetFile(path).iter_batches(batch_size=ROW_GROUP):
                    yield from batch.to_pylist()
                continue
            with open(path, encoding="utf-8") as stream:
                for number, line in enumerate(stream, 1):
                    if line.strip():
                        row = json.loads(line)
                        if not isinstance(row, dict) or "rule" not in row or "id" not in row:
                            raise ValueError(f"line {number} is not a finding row")
                        yield row
        except OSError as exc:
            raise NewslintError(f"cannot read the findings: {exc.strerror or exc}", path) from None
        except ValueError as exc:
            raise NewslintError(f"not a findings file of 'newslint archive' ({exc})", path) from None
