"""Load the curated links dataset (data/curated/links/*.yaml; format in data/curated/README.md).

    kizuna import-links              # the repository's dataset (KIZUNA_CURATED_DIR)
    kizuna import-links DIR          # another checkout of the dataset
    kizuna import-links --dry-run    # check and report, then roll back

Run after import-registers: links name their authorities by register code. Every file is
checked before anything is saved, and the whole load is one transaction.
"""

from pathlib import Path

from django.conf import settings

from ...importers.curated import load_directory
from ...importers.machine_names import fill_machine_names
from ..importing import ImportCommand


class Command(ImportCommand):
    help = "Load the curated UK–Japan links, their sources and exchanges."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "directory",
            nargs="?",
            type=Path,
            help="dataset folder holding links/*.yaml (default: the repository's data/curated)",
        )

    def run_import(self, *, directory=None, **options):
        yield from load_directory(directory or settings.KIZUNA_CURATED_DIR)
        yield fill_machine_names()  # UK authorities the curated data adds without a sourced name
