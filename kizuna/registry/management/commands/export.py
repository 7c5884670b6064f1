"""Export links as open data: `kizuna export --format csv|json|geojson|sqlite FILE`.

`--bom` adds a byte-order mark to CSV for Excel. `sqlite` writes the whole registry (every
table) to one file; the others write links, optionally filtered like `kizuna links` (the
directory's filters: `--nation`, `--prefecture`, `--type`, …).
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...exports import FORMATS, links_csv, links_geojson, links_json, to_sqlite
from ...listings import add_filter_arguments, filtered_links


class Command(BaseCommand):
    help = "Export the registry as CSV, JSON, GeoJSON or a SQLite file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="output file ('-' for standard output; not sqlite)")
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("--bom", action="store_true", help="CSV with a byte-order mark")
        add_filter_arguments(parser)

    def handle(self, *args, file, format, bom, **options):
        if format == "sqlite":
            if file == "-":
                raise CommandError("a SQLite export needs a file name")
            counts = to_sqlite(Path(file))
            self.stdout.write(", ".join(f"{n} {table}" for table, n in counts.items()))
            return
        links = filtered_links(options)
        text = {
            "csv": lambda: links_csv(links, bom),
            "json": lambda: links_json(links),
            "geojson": lambda: links_geojson(links),
        }[format]()
        if file == "-":
            sys.stdout.write(text)
        else:
            Path(file).write_text(text, encoding="utf-8", newline="")
