"""The registry: authorities on both sides, the links between them, and their exchanges."""

from .agreement import Agreement, AgreementKind
from .authority import KINDS_BY_COUNTRY, Authority, AuthorityKind, Country
from .exchange import Direction, Exchange, ExchangeKind
from .link import Confidence, Link, LinkStatus, LinkType, Reason
from .source import Source
from .version import DataVersion

__all__ = [
    "KINDS_BY_COUNTRY",
    "Agreement",
    "AgreementKind",
    "Authority",
    "AuthorityKind",
    "Confidence",
    "DataVersion",
    "Country",
    "Direction",
    "Exchange",
    "ExchangeKind",
    "Link",
    "LinkStatus",
    "LinkType",
    "Reason",
    "Source",
]
