"""Titles and row labels of the statistics tables, in the visitor's language."""

from django.utils.translation import gettext_lazy as _

from kizuna.registry.models import LinkStatus, LinkType, Reason

TABLE_TITLES = {
    "year": _("Links formed per year"),
    "decade": _("Links formed per decade"),
    "nation": _("Links by UK nation"),
    "region": _("Links by UK region"),
    "prefecture": _("Links by prefecture"),
    "type": _("Links by type"),
    "reason": _("Links by reason"),
    "status": _("Links by status"),
}
PLACE_NAMES = {
    "England": _("England"),
    "Scotland": _("Scotland"),
    "Wales": _("Wales"),
    "Northern Ireland": _("Northern Ireland"),
    "Hokkaido": _("Hokkaido"),
    "Tohoku": _("Tohoku"),
    "Kanto": _("Kanto"),
    "Chubu": _("Chubu"),
    "Kinki": _("Kinki"),
    "Chugoku": _("Chugoku"),
    "Shikoku": _("Shikoku"),
    "Kyushu-Okinawa": _("Kyushu-Okinawa"),
}


def label(table: str, key: str) -> str:
    if table == "type":
        return str(LinkType(key).label)
    if table == "status":
        return str(LinkStatus(key).label)
    if table == "reason":
        from django.utils.translation import get_language

        reason = Reason.objects.filter(slug=key).first()
        if reason:
            return reason.name_ja if get_language() == "ja" else reason.name_en
    return str(PLACE_NAMES.get(key, key))
