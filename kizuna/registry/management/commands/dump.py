"""Write the whole registry as JSON Lines: `kizuna dump FILE` (format in registry/dump.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from ...dump import dump


class Command(BaseCommand):
    help = "Dump the whole registry to a JSON Lines file that `kizuna restore` reads back."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        self.stdout.write(f"{dump(file)} rows written to {file}")
