"""factory_boy factories for the registry models."""

import datetime as dt

import factory

from ..models import Authority, AuthorityKind, Country, Exchange, Link, LinkType, Source


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    url = factory.Sequence(lambda n: f"https://council.test/twinning/{n}")
    title = factory.Sequence(lambda n: f"Twinning page {n}")
    publisher = "Test Council"
    accessed = dt.date(2026, 11, 24)


def cite(obj, create, extracted, **kwargs):
    """Every link and exchange has a source: the given ones, or a new one."""
    if create:
        obj.sources.set(extracted or [SourceFactory()])


class UKAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authority

    country = Country.GB
    kind = AuthorityKind.NON_METROPOLITAN_DISTRICT
    name_en = factory.Sequence(lambda n: f"Testshire {n}")
    slug = factory.Sequence(lambda n: f"gb-testshire-{n}")
    code = factory.Sequence(lambda n: f"E07{n:06d}")
    nation = "England"


class JPAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authority

    country = Country.JP
    kind = AuthorityKind.TOWN
    name_en = factory.Sequence(lambda n: f"Machi{n}")
    name_ja = factory.Sequence(lambda n: f"テスト{n}町")
    slug = factory.Sequence(lambda n: f"jp-test-{n}")
    code = factory.Sequence(lambda n: f"9{n:05d}")


class LinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Link
        skip_postgeneration_save = True

    uk_authority = factory.SubFactory(UKAuthorityFactory)
    jp_authority = factory.SubFactory(JPAuthorityFactory)
    type = LinkType.SISTER
    formed = dt.date(1991, 1, 1)

    sources = factory.PostGeneration(cite)


class ExchangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exchange
        skip_postgeneration_save = True

    link = factory.SubFactory(LinkFactory)
    date = factory.Sequence(lambda n: dt.date(1992 + n, 1, 1))
    kind = "school_youth"
    description_en = "Pupils visited their partner town."

    sources = factory.PostGeneration(cite)
