"""List links, one row per link: `kizuna links [--nation N] [--prefecture P] [--format F]`.

Columns (a public contract, see kizuna/registry/listings.py): uk_code, uk_name, jp_code,
jp_name, jp_name_ja, type, status, formed (at its known precision), uk_nation, jp_prefecture,
confidence, sources.
"""

from django.core.management.base import BaseCommand, CommandError

from kizuna.core.output import FORMATS, write_rows

from ...listings import LINK_COLUMNS, filtered_links, link_rows
from ...models import Authority


class Command(BaseCommand):
    help = "List UK–Japan links as a table, CSV or JSON."

    def add_arguments(self, parser):
        parser.add_argument(
            "--nation", help="UK nation: England, Scotland, Wales, Northern Ireland"
        )
        parser.add_argument("--prefecture", help="prefecture by code, English or Japanese name")
        parser.add_argument("--format", choices=FORMATS, default="table")

    def handle(self, *args, nation=None, prefecture=None, format="table", **options):
        nations = set(
            Authority.objects.filter(country="GB")
            .exclude(nation="")
            .values_list("nation", flat=True)
        )
        if nation and nation.lower() not in {n.lower() for n in nations}:
            raise CommandError(f"unknown nation {nation!r}; known: {', '.join(sorted(nations))}")
        if prefecture and not Authority.objects.prefectures_named(prefecture).exists():
            raise CommandError(
                f"unknown prefecture {prefecture!r}: give its code, English or "
                "Japanese name (e.g. Ishikawa, 石川県)"
            )
        rows = link_rows(filtered_links(nation, prefecture))
        write_rows(rows, LINK_COLUMNS, format, self.stdout)
