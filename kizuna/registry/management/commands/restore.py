"""Load a `kizuna dump` file into an empty registry: `kizuna restore FILE`.

The whole file is checked first; nothing is written unless every line is good."""

from pathlib import Path

from ...dump import restore
from ..importing import ImportCommand


class Command(ImportCommand):
    help = "Restore a `kizuna dump` file into an empty database."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("file", type=Path)

    def run_import(self, *, file, **options):
        yield f"{restore(file)} rows restored from {file}"
