"""List authorities, one row per authority: `kizuna authorities --country GB|JP [--format F]`.

Columns (a public contract, see kizuna/registry/listings.py): code, name, name_ja, kana, romaji,
kind, parent_code, lat, lon, population, country, iso_code, slug, end_date.
"""

from django.core.management.base import BaseCommand

from kizuna.core.output import FORMATS, write_rows

from ...listings import AUTHORITY_COLUMNS, authority_rows
from ...models import Authority, Country


class Command(BaseCommand):
    help = "List UK or Japanese authorities as a table, CSV or JSON."

    def add_arguments(self, parser):
        parser.add_argument("--country", choices=Country.values, required=True)
        parser.add_argument("--format", choices=FORMATS, default="table")

    def handle(self, *args, country, format="table", **options):
        authorities = Authority.objects.in_country(country).order_by("code", "slug")
        write_rows(authority_rows(authorities), AUTHORITY_COLUMNS, format, self.stdout)
