"""Load the curated links dataset (data/curated/links/*.yaml; format in data/curated/README.md).

    kizuna import-links              # the repository's dataset (KIZUNA_CURATED_DIR)
    kizuna import-links DIR          # another checkout of the dataset
    kizuna import-links --dry-run    # check and report, then roll back

Run after import-registers: links name their authorities by register code. Every file is
checked before anything is saved, and the whole load is one transaction.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ...importers.curated import load_directory
from ...importers.errors import ImportDataError


class DryRun(Exception):
    """Raised to roll back a --dry-run."""


class Command(BaseCommand):
    help = "Load the curated UK–Japan links, their sources and exchanges."

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            nargs="?",
            type=Path,
            help="dataset folder holding links/*.yaml (default: the repository's data/curated)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report, then roll back"
        )

    def handle(self, *args, directory=None, dry_run=False, **options):
        try:
            with transaction.atomic():
                for summary in load_directory(directory or settings.KIZUNA_CURATED_DIR):
                    self.stdout.write(str(summary))
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was saved.")
        except ImportDataError as error:
            raise CommandError(f"{error}\nNothing was imported.") from None
