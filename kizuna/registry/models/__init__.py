"""The registry: authorities on both sides, the links between them, and their exchanges."""

from .agreement import Agreement, AgreementKind
from .authority import Authority, AuthorityKind, Country
from .exchange import Direction, Exchange, ExchangeKind
from .link import Confidence, Link, LinkStatus, LinkType, Reason
from .source import Source
from .version import DataVersion

__all__ = [
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
