"""The importers' one error type: what is wrong, and where (file, line, field)."""

from pathlib import Path


class ImportDataError(Exception):
    """Bad input for an importer. Raised before anything is written, or inside the transaction
    that is then rolled back, so stored data is never half-written."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        field: str | None = None,
    ):
        self.message, self.path, self.line, self.field = message, path, line, field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.path, self.line) if part is not None)
        field = f" field {self.field!r}:" if self.field else ""
        return f"{where}:{field} {self.message}" if where else f"{field} {self.message}".strip()
