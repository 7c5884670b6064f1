from django.contrib import admin

from .models import Officer


@admin.register(Officer)
class OfficerAdmin(admin.ModelAdmin):
    list_display = ("user", "authority", "invited_by", "created")
    autocomplete_fields = ("authority",)
    raw_id_fields = ("user", "invited_by")
    search_fields = ("user__email", "authority__name_en", "authority__name_ja")
