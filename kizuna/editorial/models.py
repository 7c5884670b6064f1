"""Who may change what: an authority officer is a user bound to the authorities they work for.

Staff editors are Django staff users (`is_staff`); everyone else is a public visitor. The rules
that follow from these roles live in roles.py, the one place views, the API and tests ask."""

from django.conf import settings
from django.db import models
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
