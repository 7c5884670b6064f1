"""`markdown`: text people type (link stories) as safe HTML.

CommonMark with raw HTML off (markdown-it-py), then sanitised (nh3) to a few inline and block
tags, so no input can add script, styles, images or attributes; links keep only http(s) and
mailto targets and get rel="nofollow noopener"."""

import nh3
from django import template
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

register = template.Library()

_MARKDOWN = MarkdownIt("commonmark", {"html": False})
TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "br"}


@register.filter(is_safe=True)
def markdown(text: str) -> str:
    html = _MARKDOWN.render(text or "")
    return mark_safe(
        nh3.clean(
            html,
            tags=TAGS,
            attributes={"a": {"href"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="nofollow noopener",
        )
    )
