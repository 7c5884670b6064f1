"""Write data/curated/authorities/uk-councils.yaml from the mySociety register.

    kizuna write-council-entries --uk uk_local_authorities_current.csv

For maintainers of the curated dataset. The bundled UK register (ISO 3166-2) lacks GSS codes and
shire districts, so the curated data carries, for every UK council a link or an authority entry
names by GSS code (and for their counties), the register's facts: code, ISO code, name, kind,
nation and region. Run it after adding links; review the diff like code.
"""

from pathlib import Path

import yaml
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...importers import uk_mysociety
from ...importers.curated import read_file
from ...importers.errors import ImportDataError

HEADER = (
    "# UK councils that curated links name, with facts from mySociety's register (CC BY 4.0):\n"
    "# names, codes, kinds, regions and centres.\n"
    "# They let links load on the bundled register too.\n"
    "# Written by `kizuna write-council-entries`; review changes like code.\n"
)


class Command(BaseCommand):
    help = "Write the curated entries of the UK councils that links need (maintainers)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--uk", metavar="FILE", required=True, help="mySociety uk_local_authorities_current.csv"
        )

    def handle(self, *args, uk, **options):
        directory = Path(settings.KIZUNA_CURATED_DIR)
        try:
            records = {r.code: r for r in uk_mysociety.load(uk)}
            wanted = referenced_codes(sorted(directory.glob("links/*.yaml")))
        except ImportDataError as error:
            raise CommandError(str(error)) from None
        codes = set()
        for code in wanted & records.keys():
            while code and code not in codes:
                codes.add(code)
                code = records[code].parent_code
        entries = [entry(records[code]) for code in sorted(codes)]
        out = directory / "authorities" / "uk-councils.yaml"
        out.parent.mkdir(exist_ok=True)
        out.write_text(
            HEADER + yaml.safe_dump({"authorities": entries}, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        self.stdout.write(f"{len(entries)} councils written to {out}")


def referenced_codes(paths: list[Path]) -> set[str]:
    codes = set()
    for path in paths:
        curated = read_file(path)
        codes |= {link.uk for link in curated.links}
        for entry in curated.authorities:
            if entry.country == "GB":
                codes |= {entry.code, entry.parent, entry.replaced_by} - {None}
    return codes


def entry(record) -> dict:
    values = {
        "country": "GB",
        "code": record.code,
        "iso_code": record.iso_code,
        "name": record.name_en,
        "kind": record.kind.value,
        "nation": record.nation,
        "region": record.region,
        "latitude": record.latitude,
        "longitude": record.longitude,
        "parent": record.parent_code,
        "sources": [{**uk_mysociety.SOURCE, "accessed": "2026-11-24"}],
    }
    return {k: v for k, v in values.items() if v}
