"""The rule for reorganised councils (data/curated/README.md, "Reorganised councils").

A link is one relationship: it is held by the current authorities, and its agreements name every
authority that signed or carried it. These checks say where a link breaks the rule; the curated
loader refuses such a link, and a test runs them over the whole dataset.
"""

from .models import Country, Link, LinkStatus

SIDES = (("uk_authority", Country.GB), ("jp_authority", Country.JP))


def rule_problems(link: Link) -> list[str]:
    """What breaks the rule, in words a curator can act on; [] when the link keeps it.

    Expects the link's agreements with their signatories prefetched or cheap to query."""
    problems = []
    agreements = list(link.agreements.all())
    for field, country in SIDES:
        holder = getattr(link, field)
        if holder.end_date and link.status != LinkStatus.ENDED:
            successor = f" (replaced by {holder.replaced_by.name_en})" if holder.replaced_by else ""
            problems.append(
                f"{holder.name_en} ended on {holder.end_date}{successor}: a current link is held "
                f"by the authority that carries it on, with {holder.name_en} as a signatory"
            )
        steps = [(a, [s for s in a.signatories.all() if s.country == country]) for a in agreements]
        steps = [(a, signatories) for a, signatories in steps if signatories]
        if agreements and not steps:
            problems.append(f"no agreement names a {country.label} party")
        elif steps and holder not in steps[-1][1]:
            latest = steps[-1][0]
            problems.append(
                f"the latest agreement naming a {country.label} party ({latest.date_display}, "
                f"{latest.get_kind_display()}) does not name {holder.name_en}, which holds the link"
            )
    return problems
