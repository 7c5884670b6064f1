"""Fill a benchmark database with synthetic links: `kizuna generate-scale-data --links 100000`.

For benchmarks only, in a database of their own (bench/ scripts set DATABASE_URL): it refuses a
database that holds real links, and everything it writes is marked synthetic (slugs start with
"synthetic-", every link cites the "Synthetic benchmark data" source, stories say so). Links
join random pairs of the authorities already imported (run import-registers first).
"""

import datetime as dt
import random

from django.core.management.base import BaseCommand, CommandError

from ...changes import bulk_change
from ...models import Authority, Exchange, Link, LinkStatus, LinkType, Source

SYNTHETIC = "synthetic-"
SOURCE = {
    "url": "",
    "title": "Synthetic benchmark data (not real links)",
    "publisher": "kizuna generate-scale-data",
}


class Command(BaseCommand):
    help = "Create synthetic links for benchmarks, in a database without real links."

    def add_arguments(self, parser):
        parser.add_argument("--links", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=1988)

    def handle(self, *args, links, seed, **options):
        if Link.objects.exclude(slug__startswith=SYNTHETIC).exists():
            raise CommandError(
                "this database holds real links: use a separate benchmark "
                "database (DATABASE_URL) for synthetic data"
            )
        # In name order, so a seed makes the same links as it always has.
        uk = list(Authority.objects.filter(country="GB").by_name().values_list("id", flat=True))
        jp = list(Authority.objects.filter(country="JP").by_name().values_list("id", flat=True))
        if len(uk) * len(jp) * len(LinkType) < links:
            raise CommandError("import the registers first: not enough authorities to pair")
        rng = random.Random(seed)
        with bulk_change():
            Link.objects.filter(slug__startswith=SYNTHETIC).delete()
            source, _ = Source.objects.get_or_create(url="", title=SOURCE["title"], defaults=SOURCE)
            created = Link.objects.bulk_create(self.links(rng, uk, jp, links), batch_size=5000)
            Link.sources.through.objects.bulk_create(
                [Link.sources.through(link_id=link.pk, source_id=source.pk) for link in created],
                batch_size=5000,
            )
            Exchange.objects.bulk_create(
                [
                    Exchange(
                        link=link,
                        date=link.formed,
                        kind="civic",
                        description_en="Synthetic exchange for benchmarks.",
                    )
                    for link in created[::10]
                ],
                batch_size=5000,
            )
        self.stdout.write(f"{len(created)} synthetic links created")

    def links(self, rng, uk, jp, count):
        pairs = set()
        while len(pairs) < count:
            pairs.add((rng.choice(uk), rng.choice(jp), rng.choice(LinkType.values)))
        for n, (uk_id, jp_id, kind) in enumerate(sorted(pairs)):
            yield Link(
                slug=f"{SYNTHETIC}{n}",
                uk_authority_id=uk_id,
                jp_authority_id=jp_id,
                type=kind,
                status=LinkStatus.ACTIVE,
                formed=dt.date(rng.randint(1980, 2025), 1, 1),
                confidence="low",
                story_en="Synthetic link for benchmarks, not a real link.",
            )
