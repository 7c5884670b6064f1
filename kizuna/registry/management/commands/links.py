"""List links, one row per link: `kizuna links [FILTERS] [--format F]`.

The filters are the links directory's and the API's, under the same names: `--nation`,
`--region`, `--uk-kind`, `--prefecture` (code, English or Japanese name), `--jp-region`,
`--type`, `--status`, `--decade`, `--reason`, `--authority` (code or slug, with its area),
`--q`, `--sort`. Rows come in the directory's order.

Columns (a public contract, see kizuna/registry/listings.py): uk_code, uk_name, jp_code,
jp_name, jp_name_ja, type, status, formed (at its known precision), uk_nation, jp_prefecture,
confidence, sources, agreements.
"""

from django.core.management.base import BaseCommand

from kizuna.core.output import FORMATS, write_rows

from ...listings import LINK_COLUMNS, add_filter_arguments, filtered_links, link_rows


class Command(BaseCommand):
    help = "List UK–Japan links as a table, CSV or JSON."

    def add_arguments(self, parser):
        add_filter_arguments(parser)
        parser.add_argument("--format", choices=FORMATS, default="table")

    def handle(self, *args, format="table", **options):
        write_rows(link_rows(filtered_links(options)), LINK_COLUMNS, format, self.stdout)
