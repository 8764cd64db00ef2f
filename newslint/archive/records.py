"""Archives as records: where the partitions of a JSON-lines or Parquet archive are, reading one,
and linting its records into finding rows.

A partition is a small description (a file and a byte range, or a file and row groups) that a
worker opens and reads itself, a batch at a time: nothing but the description travels to it,
and only the finding rows and a few counts come back. The same `lint_partition` runs in one
process (`newslint check --input-format ...`) and on a Dask cluster (`newslint archive check`),
so both give the same rows in the same order.

A record that cannot be linted (not JSON, not UTF-8, its id or text missing or not a string, its
text over --max-bytes) is a row of its own, rule `archive/bad-record`; a headline or date field
that is not usable is an `archive/bad-field` warning and the article is linted without it.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .article import ArticleSettings, NewslintError, article_linter, iso_date
from .schema import BAD_FIELD, BAD_RECORD, COLUMNS, EXTRA, FAILED_PARTITION, JSONL_SUFFIXES, PARQUET_SUFFIXES

DEFAULT_PARTITION_BYTES = 1024 * 1024  # ~400 news articles: about a second of work, little memory
PARQUET_BATCH = 256  # rows decoded at a time inside a Parquet partition


def require(module: str, what: str):
    """Import a module of the `archive` extra, or say which extra to install."""
    import importlib
    try:
        return importlib.import_module(module)
    except ImportError:
        raise NewslintError(f"{what} needs the '{module.split('.')[0]}' package, from the archive extra: "
                            f"{EXTRA}") from None


@dataclass(frozen=True)
class Settings:
    """Everything a partition's linting needs; sent to the workers with each task."""

    article: ArticleSettings = field(default_factory=ArticleSettings)
    text_field: str = "body"
    id_field: str = "id"
    date_field: str | None = None
    title_field: str | None = None
    max_bytes: int = 10 * 1024 * 1024


class BadRecord(Exception):
    """A record that cannot be linted; its message becomes an archive/bad-record row."""


@dataclass
class PartitionResult:
    """What comes back from one partition: rows grouped by article, and the counts the summary
    needs for articles without findings too."""

    index: int
    articles: list[list[dict]] = field(default_factory=list)  # the rows of each article that has any
    months: dict[str, list[int]] = field(default_factory=dict)  # YYYY-MM or "unknown" -> [articles, words]
    records: int = 0
    bad_records: int = 0
    failed: bool = False


# partitions ---------------------------------------------------------------------------------

def _open(path: str):
    if "://" in path:  # s3://, gs://, ... through fsspec (a dependency of dask)
        return require("fsspec", "reading from a URL").open(path, "rb").open()
    return open(path, "rb")


def _size(path: str) -> int:
    if "://" in path:
        return require("fsspec", "reading from a URL").core.url_to_fs(path)[0].size(path)
    return os.path.getsize(path)


@dataclass(frozen=True)
class JsonLinesPart:
    """The lines of a JSON-lines file that start in [start, end)."""

    path: str
    start: int
    end: int

    def describe(self) -> str:
        return f"{self.path}, bytes {self.start}-{self.end}"

    def records(self) -> Iterator[tuple[str, Any]]:
        """(where, record) for each line: a dict, or a BadRecord."""
        with _open(self.path) as stream:
            if self.start:
                stream.seek(self.start - 1)
                stream.readline()  # the end of the line that started in the previous partition
            at = stream.tell()
            while at < self.end:
                line = stream.readline()
                if not line:
                    break
                if line.strip():
                    yield f"{self.path}, byte {at}", _json_record(line)
                at += len(line)


def _json_record(line: bytes) -> Any:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return BadRecord(f"not valid UTF-8: byte 0x{line[exc.start]:02x} at byte {exc.start} of the record")
    try:
        record = json.loads(text)
    except ValueError as exc:
        return BadRecord(f"not JSON: {getattr(exc, 'msg', exc)} at column {getattr(exc, 'colno', '?')}")
    return record if isinstance(record, dict) else BadRecord("not a JSON object")


@dataclass(frozen=True)
class ParquetPart:
    """Row groups of a Parquet file, read PARQUET_BATCH rows at a time."""

    path: str
    row_groups: tuple[int, ...]
    first_row: int  # the file's row number of the first row, for locating bad records
    columns: tuple[str, ...]

    def describe(self) -> str:
        return f"{self.path}, row groups {self.row_groups[0]}-{self.row_groups[-1]}"

    def records(self) -> Iterator[tuple[str, Any]]:
        pq = require("pyarrow.parquet", "reading Parquet")
        row = self.first_row
        with _open(self.path) as stream:
            for batch in pq.ParquetFile(stream).iter_batches(batch_size=PARQUET_BATCH, row_groups=list(self.row_groups),
                                                             columns=list(self.columns)):
                for record in batch.to_pylist():
                    yield f"{self.path}, row {row}", record
                    row += 1


def archive_files(paths: Iterable[str], input_format: str | None) -> list[tuple[str, str]]:
    """(file, format) for each input: files as given, folders walked (in name order) for the
    files of the format; the format from --input-format or the file's extension."""
    out = []
    for raw in paths:
        path = Path(raw)
        if "://" not in raw and path.is_dir():
            suffixes = {"jsonl": JSONL_SUFFIXES, "parquet": PARQUET_SUFFIXES}.get(input_format or "",
                                                                                 JSONL_SUFFIXES + PARQUET_SUFFIXES)
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
            if not found:
                raise NewslintError(f"no {input_format or 'JSON-lines or Parquet'} files in the folder", raw)
            out += [(str(p), input_format or _format_of(str(p))) for p in found]
        elif "://" in raw or path.is_file():
            out.append((raw, input_format or _format_of(raw)))
        else:
            raise NewslintError(f"no such file or folder: {raw}")
    return out


def _format_of(path: str) -> str:
    suffix = Path(path.split("?")[0]).suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    raise NewslintError("cannot tell the archive's format from its name: give --input-format jsonl or parquet",
                        path)


def plan(paths: Iterable[str], input_format: str | None, settings: Settings,
         partition_bytes: int = DEFAULT_PARTITION_BYTES) -> list:
    """The partitions of the archive, in order. Fields are checked where that is cheap (a
    Parquet file's columns, the first record of a JSON-lines file), so that a misspelt
    --text-field is one error rather than a bad-record row for every article."""
    parts: list = []
    for path, fmt in archive_files(paths, input_format):
        if fmt == "parquet":
            parts += _parquet_parts(path, settings, partition_bytes)
        else:
            _check_first_record(path, settings)
            size = _size(path)
            parts += [JsonLinesPart(path, start, min(start + partition_bytes, size))
                      for start in range(0, size, partition_bytes)]
    return parts


def _needed(settings: Settings) -> list[tuple[str, str]]:
    """(field, the option that names it) for each field the records must have."""
    named = ((settings.id_field, "--id-field"), (settings.text_field, "--text-field"),
             (settings.date_field, "--date-field"), (settings.title_field, "--title-field"))
    return [(name, option) for name, option in named if name]


def _check_first_record(path: str, settings: Settings) -> None:
    with _open(path) as stream:
        for line in stream:
            if line.strip():
                record = _json_record(line)
                if isinstance(record, dict):
                    missing = [f"'{name}' ({option})" for name, option in _needed(settings) if name not in record]
                    if missing:
                        raise NewslintError(f"the first record has no field {', '.join(missing)}; its fields: "
                                            f"{', '.join(map(str, record)) or 'none'}", path)
                return


def _parquet_parts(path: str, settings: Settings, partition_bytes: int) -> list[ParquetPart]:
    pq = require("pyarrow.parquet", "reading Parquet")
    with _open(path) as stream:
        meta = pq.ParquetFile(stream).metadata
    names = set(meta.schema.names)
    missing = [f"'{name}' ({option})" for name, option in _needed(settings) if name not in names]
    if missing:
        raise NewslintError(f"no column {', '.join(missing)}; its columns: {', '.join(meta.schema.names)}", path)
    columns = tuple(dict.fromkeys(name for name, _ in _needed(settings)))
    parts: list = []
    group: list[int] = []
    size = first = row = 0
    for i in range(meta.num_row_groups):
        rg = meta.row_group(i)
        if group and size + rg.total_byte_size > partition_bytes:
            parts.append(ParquetPart(path, tuple(group), first, columns))
            group, size, first = [], 0, row
        group.append(i)
        size += rg.total_byte_size
        row += rg.num_rows
    if group:
        parts.append(ParquetPart(path, tuple(group), first, columns))
    return parts


# linting ------------------------------------------------------------------------------------

def lint_partition(part, settings: Settings, index: int = 0) -> PartitionResult:
    """Lint every record of one partition (on a worker, or in this process)."""
    return lint_records(part.records(), settings, index)


def lint_records(records: Iterable[tuple[str, Any]], settings: Settings, index: int = 0) -> PartitionResult:
    """Lint (where, record) pairs: each record's rows, grouped by article, and the counts."""
    linter = article_linter(settings.article)
    result = PartitionResult(index)
    for where, record in records:
        result.records += 1
        rows = _article_rows(linter, where, record, settings, result.months)
        if rows:
            result.articles.append(rows)
            result.bad_records += any(row["rule"] == BAD_RECORD for row in rows)
    return result


def _article_rows(linter, where: str, record: Any, settings: Settings, months: dict) -> list[dict]:
    article_id = None
    try:
        if isinstance(record, BadRecord):
            raise record
        article_id = _identifier(record, settings.id_field)
        body = _string(record, settings.text_field, required=True)
        if len(body) * 4 > settings.max_bytes and len(body.encode("utf-8")) > settings.max_bytes:
            raise BadRecord(f"field '{settings.text_field}' is {len(body.encode('utf-8')):,} bytes, over the "
                            f"limit of {settings.max_bytes:,} (raise it with --max-bytes)")
    except BadRecord as exc:
        return [_bad_row(article_id, None, BAD_RECORD, "error", str(exc), where)]
    rows, headline, date = [], None, None
    if settings.title_field:
        try:
            headline = _string(record, settings.title_field) or None
        except BadRecord as exc:
            rows.append(_bad_row(article_id, None, BAD_FIELD, "warning", f"{exc}; linted without it", where))
    if settings.date_field and record.get(settings.date_field) is not None:
        raw = record[settings.date_field]
        date = iso_date(raw)
        if date is None:
            rows.append(_bad_row(article_id, None, BAD_FIELD, "warning",
                                 f"field '{settings.date_field}' is not a date: {str(raw)[:40]!r}; linted without it",
                                 where))
    try:
        findings, words = linter.lint(body, headline if headline and headline.strip() else None, date)
    except Exception as exc:  # a rule's bug must not end an archive run: the article is reported
        return rows + [_bad_row(article_id, date, BAD_RECORD, "error",
                                f"linting failed: {type(exc).__name__}: {exc}", where)]
    month = date[:7] if date else "unknown"
    counts = months.setdefault(month, [0, 0])
    counts[0] += 1
    counts[1] += words
    for row in rows:
        row["date"] = date
    return rows + [{"id": article_id, "date": date, **f, "source": None} for f in findings]


def _identifier(record: dict, name: str) -> str:
    value = record.get(name)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise BadRecord(f"field '{name}' (the id) is missing" if value is None else
                        f"field '{name}' (the id) must be a string or a number, not {type(value).__name__}")
    return _encodable(str(value), name)


def _string(record: dict, name: str, required: bool = False) -> str:
    value = record.get(name)
    if value is None:
        if required:
            raise BadRecord(f"field '{name}' is missing" if name not in record else f"field '{name}' is null")
        return ""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadRecord(f"field '{name}' is not valid UTF-8: byte 0x{value[exc.start]:02x} at byte "
                            f"{exc.start}") from None
    if not isinstance(value, str):
        raise BadRecord(f"field '{name}' must be a string, not {type(value).__name__}")
    return _encodable(value, name)


def _encodable(value: str, name: str) -> str:
    """`value`, if it can be written as UTF-8 (JSON's \\ud800 escapes give lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadRecord(f"field '{name}' cannot be encoded: {exc.reason} at character {exc.start}") from None
    return value


def _bad_row(article_id: str | None, date: str | None, rule: str, level: str, message: str, where: str) -> dict:
    row = dict.fromkeys(COLUMNS)
    row.update(id=article_id, date=date, rule=rule, family="archive", level=level, message=message,
               suggestions=[], source=where)
    return row


def failed_partition(index: int, part, attempts: int, exc: BaseException) -> PartitionResult:
    """The result of a partition that failed every attempt: one row that says so."""
    message = f"partition not linted after {attempts} attempt{'' if attempts == 1 else 's'}: " \
              f"{type(exc).__name__}: {exc}"
    row = _bad_row(None, None, FAILED_PARTITION, "error", message, part.describe())
    return PartitionResult(index, [[row]], failed=True)
