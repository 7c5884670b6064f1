"""Template tags for pages that name links and authorities."""

from django import template
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kizuna.registry.filters import signed_by
from kizuna.registry.models import Authority, Link

register = template.Library()


@register.simple_tag
def link_href(uk_ref: str, jp_ref: str) -> str:
    """The URL of the link between two authorities named by code or slug (prose pages). The UK
    side may be a former council that signed a link its successor now holds. test_history
    checks that every pair the history page names is a link."""

    def named(ref: str):
        return Authority.objects.filter(Q(code=ref) | Q(slug=ref))

    link = (
        Link.objects.filter(
            Q(uk_authority__in=named(uk_ref)) | signed_by(code=uk_ref) | signed_by(slug=uk_ref),
            jp_authority__in=named(jp_ref),
        )
        .order_by("formed")
        .first()
    )
    if link is None:  # links not loaded (yet): the directory, rather than a broken page
        return reverse("website:directory")
    return reverse("website:link", args=(link.slug,))


@register.simple_tag
def names(authority: Authority):
    """Both scripts, the visitor's first: 'Yoichi 余市町' or '余市町 Yoichi'."""
    english = format_html('<span lang="en">{}</span>', authority.name_en)
    if not authority.name_ja:
        return english
    japanese = format_html(
        '<span lang="ja">{}</span>{}', authority.name_ja, machine_mark(authority)
    )
    first, second = (japanese, english) if get_language() == "ja" else (english, japanese)
    return format_html('{} <span class="other-script">{}</span>', first, second)


@register.simple_tag
def machine_mark(authority: Authority):
    """After a machine-made Japanese name (Authority.name_ja_machine): ' 自動表記' on Japanese
    pages, ' automatic transliteration' on English ones; text, not colour, with a title that
    says what it means. Empty for a sourced name."""
    if not (authority.name_ja and authority.name_ja_machine):
        return ""
    return format_html(
        ' <small class="machine-name" title="{}">{}</small>',
        _("Machine transliteration of the English name, not a name taken from a Japanese source."),
        _("automatic transliteration"),
    )


@register.simple_tag
def link_title(link: Link):
    return format_html("{} – {}", names(link.uk_authority), names(link.jp_authority))


@register.filter
def highlight(text: str, query: str):
    """Mark the query in a name, ignoring case and kana script."""
    from kizuna.core.romaji import to_hiragana

    if not query or not text:
        return text
    haystack, needle = to_hiragana(text.lower()), to_hiragana(query.lower().strip())
    start = haystack.find(needle)
    if start < 0:
        return text
    end = start + len(needle)
    return format_html("{}<mark>{}</mark>{}", text[:start], text[start:end], text[end:])


@register.simple_tag(takes_context=True)
def other_language_url(context, language: str) -> str:
    """This page in another language, with its query string (the language switch)."""
    from django.urls import translate_url

    request = context["request"]
    url = translate_url(request.path, language)
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def json_ld(context, obj):
    """schema.org JSON-LD for an authority or a link page."""
    from .. import jsonld

    request = context["request"]

    def url(target) -> str:
        name = "website:link" if isinstance(target, Link) else "website:authority"
        return request.build_absolute_uri(reverse(name, args=(target.slug,)))

    if isinstance(obj, Link):
        return jsonld.script(jsonld.link_event(obj, url))
    return jsonld.script(jsonld.place(obj, url(obj)))
