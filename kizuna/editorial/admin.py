from django.contrib import admin

from .models import Officer, Suggestion


@admin.register(Officer)
class OfficerAdmin(admin.ModelAdmin):
    list_display = ("user", "authority", "invited_by", "created")
    autocomplete_fields = ("authority",)
    raw_id_fields = ("user", "invited_by")
    search_fields = ("user__email", "authority__name_en", "authority__name_ja")


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    """Read-only: suggestions are decided on the moderation pages, which apply them with history."""

    list_display = ("__str__", "kind", "status", "link", "authority", "created")
    list_filter = ("status", "kind")
    raw_id_fields = ("link", "authority", "user", "decided_by")
    search_fields = ("message", "name", "email", "source_url")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
