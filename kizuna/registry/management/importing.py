"""The base of the import commands: one transaction, --dry-run, and errors without traceback."""

from django.core.management.base import BaseCommand, CommandError

from ..changes import bulk_change
from ..importers.errors import ImportDataError


class DryRun(Exception):
    """Raised to roll back a --dry-run."""


class ImportCommand(BaseCommand):
    """Subclasses define `run_import(**options)`, returning (or yielding) Summary objects and
    raising ImportDataError on bad input."""

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check and report what would change, then roll back",
        )

    def handle(self, *args, dry_run=False, **options):
        try:
            with bulk_change():
                for summary in self.run_import(**options):
                    self.stdout.write(str(summary))
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was saved.")
        except ImportDataError as error:
            raise CommandError(f"{error}\nNothing was imported.") from None
