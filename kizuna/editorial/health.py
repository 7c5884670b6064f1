"""Link health: links with no exchange recorded for KIZUNA_DORMANT_YEARS years are *possibly*
dormant. Only staff see the flag; calling a link dormant or ended is a staff decision from a
source (the link's status), never this rule's."""

import datetime as dt

from django.conf import settings
from django.db.models import Max, Q
from django.utils import timezone

from kizuna.registry.models import Link, LinkStatus


def dormancy_cutoff() -> dt.date:
    today = timezone.localdate()
    years = settings.KIZUNA_DORMANT_YEARS
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def dormant_links():
    """Links still called active whose last exchange is older than the cutoff, or which have
    none and were formed before it (a link of unknown date is never flagged)."""
    cutoff = dormancy_cutoff()
    return (
        Link.objects.filter(status=LinkStatus.ACTIVE)
        .annotate(last_exchange=Max("exchanges__date"))
        .filter(Q(last_exchange__lt=cutoff) | Q(last_exchange__isnull=True, formed__lt=cutoff))
    )


def quiet_since(link: Link) -> str | None:
    """For a possibly dormant link, the date ('2009', '2009-06') since which nothing is
    recorded: its last exchange, or its forming; None for a link that is not flagged."""
    if not dormant_links().filter(pk=link.pk).exists():
        return None
    last = max(link.exchanges.all(), key=lambda e: e.date, default=None)
    return last.date_display if last else link.formed_display
