"""Write data/registers/uk-authorities.csv, Kizuna's UK register, from mySociety's register.

    kizuna write-uk-register --uk uk_local_authorities_current.csv [--out FILE]

For maintainers: download the newest upstream file (README, "Importing the full upstream
registers"), run this, review the diff like code and commit it. Every upstream row is written,
current and former; kizuna/registry/importers/uk_register.py describes the columns and the
choices made (start dates not kept as such, end dates as the last day, several successors).
The file names the upstream file's SHA-256, so a diff shows which download it came from.
"""

import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...importers import uk_mysociety, uk_register
from ...importers.errors import ImportDataError


class Command(BaseCommand):
    help = "Write Kizuna's UK register file from mySociety's register (maintainers)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--uk", metavar="FILE", required=True, help="mySociety uk_local_authorities_current.csv"
        )
        parser.add_argument(
            "--out",
            metavar="FILE",
            default=str(uk_register.DEFAULT_PATH),
            help="where to write (default: data/registers/uk-authorities.csv)",
        )

    def handle(self, *args, uk, out, **options):
        try:
            councils = uk_mysociety.read(uk)
        except ImportDataError as error:
            raise CommandError(str(error)) from None
        digest = hashlib.sha256(Path(uk).read_bytes()).hexdigest()
        upstream = f"uk_local_authorities_current.csv (sha256 {digest})"
        uk_register.write(councils, Path(out), upstream)
        former = sum(1 for c in councils if c.end_date)
        self.stdout.write(
            f"{len(councils)} councils ({len(councils) - former} current, {former} former) "
            f"written to {out}"
        )
