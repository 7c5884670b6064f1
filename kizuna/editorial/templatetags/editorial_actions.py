"""What a signed-in user may do on a public page (kizuna.editorial.roles decides). Use only
under `request.user.is_authenticated`: anonymous pages are cached for everyone."""

from django import template

from .. import health, roles

register = template.Library()


@register.filter
def may_edit(user, obj) -> bool:
    return roles.can_edit(user, obj)


@register.filter
def may_record_exchange(user, link) -> bool:
    return roles.can_record_exchange(user, link)


@register.simple_tag
def quiet_since(user, link) -> str | None:
    """Staff only: the date since which a possibly dormant link has no recorded exchange."""
    return health.quiet_since(link) if roles.is_staff_editor(user) else None
