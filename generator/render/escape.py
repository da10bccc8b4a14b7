"""Every escape the render stage needs, in one place, as Jinja2 filters.

Text from sources and entity names is data, never markup. The templates write Markdown with
autoescape off, so every value from the briefing must pass through one of these filters:

- `md_text`       Markdown inline text (paragraphs, list items, headings, link text, cells)
- `md_cell`       a table cell (the same guarantees; named for the reader of the template)
- `md_link_text`  the text inside `[...]` of a Markdown link
- `md_heading`    the text of an H1 (also becomes the page <title>, see below)
- `html_text`     text inside raw HTML (the SVG graphs)
- `html_attr`     a quoted attribute value inside raw HTML
- `url`           an external URL: kept only for absolute http(s), percent-encoded
- `tag`           a value for Material's `tags` front matter

Markdown escaping is written for Python-Markdown with the extensions in mkdocs.yml
(attr_list, md_in_html, tables, admonition, toc); tests/test_escape.py renders hostile text
through exactly those extensions and checks that only our own elements come out.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

# Characters Python-Markdown (with the tables extension) unescapes after a backslash and that
# start inline syntax: code, emphasis, attr_list braces, images (`!` before a link we write
# next to the text would make it an image), headings' closing hashes, table cells.
_BACKSLASHED = set("\\`*_{}!#|")
# Characters that are syntax wherever they are and that a backslash does not make safe: HTML,
# entities, and brackets, because Python-Markdown finds reference definitions
# (`[id]: url "title"`, which swallow the line) before it looks at backslash escapes.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "&#91;", "]": "&#93;"}
# Block syntax that only matters at the start of a line: lists, admonitions, setext
# underlines, definition lists, fences and block directives of extensions people often add.
_LINE_START_BACKSLASH = set("-+")
_LINE_START_ENTITY = {"=": "&#61;", ":": "&#58;", "?": "&#63;", "/": "&#47;", "~": "&#126;", "%": "&#37;"}
_ORDERED_LIST = re.compile(r"^(\d+)([.)])")

# Control characters: Python-Markdown uses STX/ETX (\x02, \x03) to mark stashed raw HTML,
# so a source text that carries them could pull a stashed fragment into its own place.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")

EXTERNAL_SCHEMES = ("http", "https")
# Characters kept as they are in an external URL; everything else is percent-encoded, so a
# URL can end neither a Markdown link target (`)`, space, `>`) nor an attribute (`"`, `'`).
_URL_SAFE = ":/?#@$&+,;=%-._~"
_ENTITY_LIKE = re.compile(r"(&#?[0-9A-Za-z]+);")


def strip_controls(text: str) -> str:
    return _CONTROL.sub("", text)


def plain(value: object) -> str:
    """`value` as one line of text: control characters dropped, whitespace runs (newlines
    included) made single spaces, ends stripped. None is the empty string."""
    if value is None:
        return ""
    text = _CONTROL.sub("", str(value))
    return " ".join(text.split())


# Each character's replacement, for str.translate (one pass in C instead of a loop in Python).
_INLINE = str.maketrans({**{c: "\\" + c for c in _BACKSLASHED}, **_ENTITIES})


def escape_inline(text: str) -> str:
    """Escape Markdown and HTML syntax in one line of text, keeping its spaces as they are
    (for pieces that are joined to others, such as the words between links)."""
    return _CONTROL.sub("", text).translate(_INLINE)


def protect_line_start(markdown: str) -> str:
    """Make an escaped line safe to begin a block: it cannot open a list, an admonition,
    a definition or a fence, whatever template line it ends up on."""
    ordered = _ORDERED_LIST.match(markdown)
    if ordered:
        return f"{ordered[1]}\\{ordered[2]}{markdown[ordered.end():]}"
    if markdown[:1] in _LINE_START_BACKSLASH:
        return "\\" + markdown
    if markdown[:1] in _LINE_START_ENTITY:
        return _LINE_START_ENTITY[markdown[:1]] + markdown[1:]
    return markdown


def md_text(value: object) -> str:
    """Any value as Markdown text that renders as exactly that text, on one line."""
    return _md_string(value) if type(value) is str else protect_line_start(escape_inline(plain(value)))


@lru_cache(maxsize=1 << 16)
def _md_string(value: str) -> str:
    """md_text of a string, once per string: names and cited sentences recur on many pages."""
    return protect_line_start(escape_inline(plain(value)))


md_cell = md_text  # `|` is escaped, newlines are gone: a cell stays one cell
md_link_text = md_text  # brackets are entities: the link keeps its text and its target


def md_heading(value: object) -> str:
    """Text for an H1. MkDocs turns the H1 into the page title and Material writes it into
    <title> through Jinja's `striptags`, which unescapes entities without escaping again; a
    `<` there could close <title>. So a `<` in a heading is shown as the look-alike `‹`."""
    return md_text(plain(value).replace("<", "\u2039"))


def html_text(value: object) -> str:
    """Text for an element's content in raw HTML (the SVG graphs)."""
    return html.escape(plain(value), quote=False)


def html_attr(value: object) -> str:
    """A value for a double- or single-quoted HTML attribute."""
    return html.escape(plain(value), quote=True)


def url(value: object) -> str:
    """An external URL fit for a link, or "" when it is not an absolute http(s) URL
    (`javascript:`, `data:`, relative paths and garbage are never linked)."""
    text = "".join(plain(value).split())  # browsers drop tabs and newlines inside URLs
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in EXTERNAL_SCHEMES or not parts.hostname:
        return ""
    # Python-Markdown leaves `&name;` and `&#60` in an attribute as entities, which the
    # browser would decode: encode what makes them entities so the URL stays the URL.
    quoted = quote(text, safe=_URL_SAFE).replace("&#", "%26#")
    return _ENTITY_LIKE.sub(r"\1%3B", quoted)


def link_target(path: str, anchor: str | None = None) -> str:
    """A site-relative path (and anchor) as a Markdown link target."""
    target = quote(path, safe="/.-_~")
    return f"{target}#{quote(anchor, safe='-_')}" if anchor else target


def tag(value: object) -> str:
    """A tag name. Material writes tag names into HTML unescaped, so only characters that
    mean nothing to HTML are kept."""
    return plain(re.sub(r"[<>&\"'`\\{}]", " ", plain(value)))[:60].strip()


def css_name(value: object) -> str:
    """A value as a CSS class name or attr_list word: lowercase letters, digits and dashes."""
    return re.sub(r"[^a-z0-9-]+", "-", plain(value).lower()).strip("-")


FILTERS = {
    "md_text": md_text,
    "md_cell": md_cell,
    "md_link_text": md_link_text,
    "md_heading": md_heading,
    "html_text": html_text,
    "html_attr": html_attr,
    "url": url,
    "tag": tag,
    "css_name": css_name,
}
