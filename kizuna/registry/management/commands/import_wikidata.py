"""Report how Wikidata's UK–Japan twinnings compare with the registry:
`kizuna import-wikidata result.json` (query and format in registry/importers/wikidata.py).

A report only: new, agreeing, conflicting and unmatched pairs. Nothing is written."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...importers import wikidata
from ...importers.errors import ImportDataError


class Command(BaseCommand):
    help = "Compare a Wikidata P190 SPARQL JSON result with the registry (report only)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        try:
            report = wikidata.compare(wikidata.read(file))
        except ImportDataError as error:
            raise CommandError(str(error)) from None
        for title, rows in (
            ("New (in Wikidata, not in the registry)", report.new),
            ("Conflicts (dates differ)", report.conflict),
            ("Agree", report.agree),
            ("Unmatched (authority not found)", report.unmatched),
        ):
            self.stdout.write(f"{title}: {len(rows)}")
            for row in rows:
                self.stdout.write(f"  {row}")
        self.stdout.write("Nothing was changed: this is a report.")
