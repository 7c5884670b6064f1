"""Reading register CSV files with the checks every importer needs: encoding, header, lines."""

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from .errors import ImportDataError


def read_rows(
    path: Path, required: set[str], encoding: str = "utf-8-sig", *, comments: bool = False
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row, after checking encoding and header.

    With `comments`, the lines starting with "#" before the header (a licence, an attribution)
    are skipped; line numbers still count them, so errors point at the line in the file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportDataError(f"cannot read the file ({exc.strerror})", path=path) from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportDataError(
            f"not valid {encoding.upper()} text (byte {exc.start}); save the file as UTF-8",
            path=path,
            line=line,
        ) from None
    lines = text.splitlines()
    skipped = 0
    while comments and skipped < len(lines) and lines[skipped].startswith("#"):
        skipped += 1
    reader = csv.DictReader(lines[skipped:])
    header = set(reader.fieldnames or [])
    missing = sorted(required - header)
    if missing:
        raise ImportDataError(
            f"missing column(s): {', '.join(missing)}", path=path, line=skipped + 1
        )
    for row in reader:
        line = skipped + reader.line_num
        if None in row:
            raise ImportDataError("more cells than the header has columns", path=path, line=line)
        yield line, {key: (value or "").strip() for key, value in row.items()}


def parse_float(
    value: str, *, path: Path, line: int, field: str, low: float, high: float
) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise ImportDataError(
            f"{value!r} is not a number", path=path, line=line, field=field
        ) from None
    if not low <= number <= high:
        raise ImportDataError(
            f"{number} is outside {low}..{high}", path=path, line=line, field=field
        )
    return number


def parse_date(value: str, *, path: Path, line: int, field: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ImportDataError(
            f"{value!r} is not a date (YYYY-MM-DD)", path=path, line=line, field=field
        ) from None
