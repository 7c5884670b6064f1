"""The permission rules, in one place (issue 9's matrix):

- a staff editor (`user.is_staff`) may do everything, moderate and revert;
- an authority officer records and edits the exchanges of their own authorities' links, and
  proposes edits to those links and authorities (staff moderate the proposals);
- anyone, signed in or not, may suggest a correction or a new link (with a source).

Views, API endpoints and templates ask these functions; nothing else decides."""

from kizuna.registry.models import Authority, Exchange, Link


def is_staff_editor(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def officer_authority_ids(user) -> set[int]:
    """The authorities a user is an officer of (none for anonymous or inactive users)."""
    if not (user.is_authenticated and user.is_active):
        return set()
    return set(user.officerships.values_list("authority_id", flat=True))


def is_officer_of_link(user, link: Link) -> bool:
    return bool({link.uk_authority_id, link.jp_authority_id} & officer_authority_ids(user))


def can_edit(user, obj) -> bool:
    """Change a registry object directly (with history): staff, or an officer for the exchanges
    of their own authorities' links."""
    if is_staff_editor(user):
        return True
    if isinstance(obj, Exchange):
        return is_officer_of_link(user, obj.link)
    return False


def can_record_exchange(user, link: Link) -> bool:
    return is_staff_editor(user) or is_officer_of_link(user, link)


def can_propose(user, obj) -> bool:
    """Propose an edit to a link or an authority for staff to moderate."""
    if is_staff_editor(user):
        return True
    if isinstance(obj, Link):
        return is_officer_of_link(user, obj)
    if isinstance(obj, Authority):
        return obj.pk in officer_authority_ids(user)
    return False


def can_moderate(user) -> bool:
    return is_staff_editor(user)
