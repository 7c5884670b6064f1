"""Staff admin for the registry: search and filters on every model. The editorial workflow
(suggestions, review, history) comes with its own issue."""

from django.contrib import admin

from .models import Agreement, Authority, Exchange, Link, Reason, Source


class ExchangeInline(admin.TabularInline):
    model = Exchange
    extra = 0
    fields = ("date", "date_precision", "kind", "direction", "participants", "description_en")
    ordering = ("date",)
    show_change_link = True


class AgreementInline(admin.TabularInline):
    model = Agreement
    extra = 0
    fields = ("date", "date_precision", "kind", "signatories", "note_en", "note_ja")
    autocomplete_fields = ("signatories",)
    show_change_link = True


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_ja", "kind", "code", "country", "parent", "end_date")
    ordering = ("country", "name_en")
    list_filter = (
        "country",
        "kind",
        "name_ja_machine",
        "nation",
        "region",
        ("end_date", admin.EmptyFieldListFilter),
    )
    search_fields = (
        "name_en",
        "name_ja",
        "kana",
        "romaji",
        "romaji_plain",
        "code",
        "iso_code",
        "slug",
    )
    list_select_related = ("parent",)
    autocomplete_fields = ("parent", "replaced_by", "population_source", "sources")
    readonly_fields = ("created", "updated")


@admin.register(Link)
class LinkAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "type",
        "status",
        "formed",
        "formed_precision",
        "confidence",
        "clair_criteria",
    )
    ordering = ("formed", "uk_authority__name_en")
    list_filter = (
        "type",
        "status",
        "confidence",
        "clair_criteria",
        "formed_precision",
        "uk_authority__nation",
        "reasons",
    )
    search_fields = (
        "uk_authority__name_en",
        "jp_authority__name_en",
        "jp_authority__name_ja",
        "uk_authority__name_ja",
        "story_en",
        "story_ja",
    )
    list_select_related = ("uk_authority", "jp_authority")
    autocomplete_fields = ("uk_authority", "jp_authority", "sources")
    filter_horizontal = ("reasons",)
    readonly_fields = ("created", "updated")
    inlines = [AgreementInline, ExchangeInline]
    date_hierarchy = "formed"


@admin.register(Exchange)
class ExchangeAdmin(admin.ModelAdmin):
    list_display = ("link", "date", "kind", "direction", "participants")
    ordering = ("link__formed", "link__uk_authority__name_en", "date")
    list_filter = ("kind", "direction", "date_precision")
    search_fields = (
        "description_en",
        "description_ja",
        "link__uk_authority__name_en",
        "link__jp_authority__name_en",
    )
    list_select_related = ("link__uk_authority", "link__jp_authority")
    autocomplete_fields = ("link", "sources")
    date_hierarchy = "date"


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ("link", "date", "kind")
    ordering = ("link__formed", "link__uk_authority__name_en", "date", "id")
    list_filter = ("kind", "date_precision")
    search_fields = ("signatories__name_en", "signatories__name_ja", "note_en", "note_ja")
    list_select_related = ("link__uk_authority", "link__jp_authority")
    autocomplete_fields = ("link", "signatories", "sources")


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title", "publisher", "url", "accessed")
    list_filter = ("publisher", "accessed")
    search_fields = ("title", "publisher", "url")


@admin.register(Reason)
class ReasonAdmin(admin.ModelAdmin):
    list_display = ("slug", "name_en", "name_ja")
    search_fields = ("slug", "name_en", "name_ja")
