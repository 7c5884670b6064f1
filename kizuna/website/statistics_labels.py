"""Titles and row labels of the statistics tables, in the visitor's language."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kizuna.registry.models import Authority, AuthorityKind, LinkStatus, LinkType, Reason

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
    # The English regions (ONS)
    "North East": _("North East"),
    "North West": _("North West"),
    "Yorkshire and The Humber": _("Yorkshire and The Humber"),
    "East Midlands": _("East Midlands"),
    "West Midlands": _("West Midlands"),
    "East of England": _("East of England"),
    "London": _("London"),
    "South East": _("South East"),
    "South West": _("South West"),
}


def labels(table: str, keys: list[str]) -> list[str]:
    """The rows' labels in the visitor's language, with one query at most."""
    japanese = get_language() == "ja"
    if table == "type":
        return [str(LinkType(key).label) for key in keys]
    if table == "status":
        return [str(LinkStatus(key).label) for key in keys]
    if table == "reason":
        names = dict(Reason.objects.values_list("slug", "name_ja" if japanese else "name_en"))
        return [names.get(key, key) for key in keys]
    if table == "prefecture" and japanese:
        prefectures = Authority.objects.filter(kind=AuthorityKind.PREFECTURE)
        names = dict(prefectures.values_list("name_en", "name_ja"))
        return [names.get(key, key) for key in keys]
    return [str(PLACE_NAMES.get(key, key)) for key in keys]
