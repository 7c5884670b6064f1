"""Who may change what: an authority officer is a user bound to the authorities they work for.

Staff editors are Django staff users (`is_staff`); everyone else is a public visitor. The rules
that follow from these roles live in roles.py, the one place views, the API and tests ask."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Officer(models.Model):
    """A user's standing as an officer of one authority (a user may hold several)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="officerships"
    )
    authority = models.ForeignKey(
        "registry.Authority", on_delete=models.CASCADE, related_name="officers"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("authority officer")
        constraints = [
            models.UniqueConstraint(fields=["user", "authority"], name="officer_unique_authority")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.authority}"


class ApiToken(models.Model):
    """A secret that lets a program write through the API as its owner (tokens.py issues and
    checks them). Only a digest is stored; the secret is shown once, when it is made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, help_text="The secret's start, to tell tokens apart.")
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class SuggestionKind(models.TextChoices):
    LINK = "link", _("correction to a link")
    AUTHORITY = "authority", _("correction to an authority")
    NEW_LINK = "new_link", _("new link")


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class SuggestionQuerySet(models.QuerySet):
    def queue(self) -> "SuggestionQuerySet":
        """The moderation queue's order: pending first, then oldest first."""
        pending_first = models.Case(models.When(status=SuggestionStatus.PENDING, then=0), default=1)
        return self.order_by(pending_first, "created", "pk")


class Suggestion(models.Model):
    """A correction or a new link proposed by a visitor or an officer, waiting for staff.

    `changes` maps fields of a public allow-list (kizuna/editorial/moderation.py) to proposed
    values, as JSON; `revision` is the target's revision when it was suggested, so accepting it
    over a later edit is a conflict, never a silent overwrite. Accepting applies it through
    kizuna/editorial/editing.py, so the registry's history records it, crediting the suggester."""

    kind = models.CharField(max_length=20, choices=SuggestionKind.choices)
    link = models.ForeignKey(
        "registry.Link",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="suggestions",
        help_text="The link corrected, or the link an accepted new-link suggestion created.",
    )
    authority = models.ForeignKey(
        "registry.Authority",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="suggestions",
    )
    changes = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    revision = models.PositiveIntegerField(null=True, blank=True)
    message = models.TextField(_("what is wrong"), blank=True)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    source_description = models.CharField(_("source"), max_length=300, blank=True)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
    )
    name = models.CharField(_("your name"), max_length=100, blank=True)
    email = models.EmailField(_("your e-mail address"), blank=True)
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")

    status = models.CharField(
        max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)
    applied_summary = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("suggestion")
        indexes = [models.Index(fields=["status", "created"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=SuggestionKind.values), name="suggestion_kind_known"
            ),
            models.CheckConstraint(
                condition=~Q(kind=SuggestionKind.LINK)
                | Q(link__isnull=False, authority__isnull=True),
                name="suggestion_link_correction_has_link",
            ),
            models.CheckConstraint(
                condition=~Q(kind=SuggestionKind.AUTHORITY)
                | Q(authority__isnull=False, link__isnull=True),
                name="suggestion_authority_correction_has_authority",
            ),
            models.CheckConstraint(
                condition=~Q(kind=SuggestionKind.NEW_LINK)
                | Q(authority__isnull=True)
                & (Q(link__isnull=True) | Q(status=SuggestionStatus.ACCEPTED)),
                name="suggestion_new_link_has_no_target",
            ),
            models.CheckConstraint(
                condition=~Q(source_url="", source_description=""),
                name="suggestion_has_source",
                violation_error_message=_("Give a source: a web address or a description."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=SuggestionStatus.values), name="suggestion_status_known"
            ),
            models.CheckConstraint(
                condition=Q(status=SuggestionStatus.PENDING, decided_at__isnull=True)
                | ~Q(status=SuggestionStatus.PENDING) & Q(decided_at__isnull=False),
                name="suggestion_decided_when_not_pending",
            ),
            models.CheckConstraint(
                condition=~Q(status=SuggestionStatus.REJECTED) | ~Q(reason=""),
                name="suggestion_rejection_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def target(self):
        """The link or authority corrected (None for a new link not yet accepted)."""
        return self.authority if self.kind == SuggestionKind.AUTHORITY else self.link

    @property
    def reply_address(self) -> str:
        """Where to tell the suggester the decision: the address they left, or their account's."""
        return self.email or (self.user.email if self.user else "")
