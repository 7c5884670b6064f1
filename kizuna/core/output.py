"""Rows of dicts printed as a table, CSV or JSON: the CLI listings' output formats."""

import csv
import json
from collections.abc import Iterable, Sequence
from typing import TextIO

FORMATS = ("table", "csv", "json")


def write_rows(rows: Iterable[dict], columns: Sequence[str], fmt: str, out: TextIO) -> None:
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif fmt == "json":
        # One write: Django's OutputWrapper would end every chunk of json.dump with a newline.
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=1) + "\n")
    else:
        _write_table(list(rows), columns, out)


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _write_table(rows: list[dict], columns: Sequence[str], out: TextIO) -> None:
    widths = {c: max([_width(c)] + [_width(_cell(r[c])) for r in rows]) for c in columns}
    out.write("  ".join(_pad(c, widths[c]) for c in columns).rstrip() + "\n")
    for row in rows:
        out.write("  ".join(_pad(_cell(row[c]), widths[c]) for c in columns).rstrip() + "\n")


def _width(text: str) -> int:
    # CJK characters take two terminal columns.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
