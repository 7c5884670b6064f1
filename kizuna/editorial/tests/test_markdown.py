"""The `markdown` filter: CommonMark to a few safe tags; nothing typed can add script or markup."""

import pytest

from ..templatetags.editorial_text import markdown


def test_emphasis_lists_and_quotes_render():
    html = markdown("Pupils met in *1995*, **twice**.\n\n- Gateshead\n- Komatsu\n\n> A gift")
    assert "<em>1995</em>" in html and "<strong>twice</strong>" in html
    assert "<ul>\n<li>Gateshead</li>" in html
    assert "<blockquote>" in html


def test_links_keep_their_address_and_are_not_followed():
    html = markdown("[The council](https://council.test/twinning)")
    assert html == (
        '<p><a href="https://council.test/twinning" rel="nofollow noopener">The council</a></p>\n'
    )


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("<img src=x onerror=alert(1)>", "<img"),
        ("[x](javascript:alert(1))", 'href="javascript:'),
        ('<a href="https://x.test" onclick="alert(1)">x</a>', "<a"),
        ("![x](https://x.test/x.png)", "<img"),
        ("# Heading", "<h1"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", 'href="data:'),
    ],
)
def test_markup_and_unsafe_links_are_dropped(text, forbidden):
    assert forbidden not in markdown(text)


def test_raw_html_shows_as_text():
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown("<script>alert(1)</script>")


def test_empty_text_is_empty():
    assert markdown("") == ""
