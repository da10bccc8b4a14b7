"""HTML pages: the story's text as blocks, and what the page's head says about it.

The story is taken from `<article>` (or `<main>`) when the page has one; scripts, menus,
headers, footers, asides, forms and boxes whose class or id names them as ads, cookie
banners, share bars, newsletters, related links or sidebars are dropped before any
text is read. BeautifulSoup decodes entities, so no markup reaches the text."""
from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from .blocks import Block, Metadata, Parsed, make_block, normalise
from .classify import strip_site_suffix

# Never the story's text.
_DROP_TAGS = ["script", "style", "noscript", "iframe", "nav", "footer", "aside", "form", "button", "select",
              "textarea", "input", "svg", "canvas", "template", "dialog", "object", "embed", "video", "audio", "map"]  # fmt: skip
# Landmark roles of page furniture.
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
# Words in a class or id that name page furniture ("ad-slot", "cookie-banner", "share-tools")
# ("ad" only as a whole word: "address", "admin" are not ads; the others also as a prefix:
# "sharedaddy", "relatedposts", "comments-area").
_FURNITURE_NAME = re.compile(
    r"^(?:ads?|adslot|adunit)$"
    r"|^(?:advert|sponsor|promo|banner|cookie|consent|gdpr|shar(?:e|ing)|social|newsletter|subscri|paywall|related"
    r"|sidebar|trending|popular|recommend|outbrain|taboola|comment|breadcrumb|popup|modal|menu|skip|toolbar)\w*$",
    re.I,
)
# Elements that make a new block; the text between them is joined into one.
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "figure", "figcaption", "blockquote", "ul", "ol", "li",
    "dl", "dt", "dd", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "address",
    "details", "summary", "hr", "center", "body", "html", "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
_HINT_OF_TAG = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "li": "list", "dt": "list", "dd": "list", "figcaption": "caption", "caption": "caption",
}  # fmt: skip
_HINT_OF_NAME = [(re.compile(r"^(?:byline|author|authors|contributor)$", re.I), "byline"),
                 (re.compile(r"^(?:caption|credit|photo-?credit)$", re.I), "caption")]  # fmt: skip
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)

_DATE_META = {"date", "pubdate", "publishdate", "publish-date", "publish_date", "article:published_time",
              "og:published_time", "datepublished", "dc.date", "dc.date.issued", "dcterms.date",
              "dcterms.created", "sailthru.date", "parsely-pub-date"}  # fmt: skip
_AUTHOR_META = {"author", "article:author", "dc.creator", "sailthru.author", "parsely-author"}
_PUBLISHER_META = {"og:site_name", "publisher", "dc.publisher", "application-name"}
_URL_META = {"og:url"}


def _name_words(tag: Tag) -> list[str]:
    names = " ".join([*tag.get("class", []), tag.get("id") or ""])
    return [w for w in re.split(r"[\s_-]+", names) if w]


def _is_furniture(tag: Tag) -> bool:
    if tag.get("role") in _DROP_ROLES or tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    return any(_FURNITURE_NAME.match(word) for word in _name_words(tag))


def _text_size(tag: Tag) -> int:
    return len(tag.get_text(" ", strip=True))


def _story_root(soup: BeautifulSoup) -> Tag:
    """The element that holds the story: the longest <article>, else <main>, else body."""
    for selector in ("article", "main", "[role=main]"):
        found = soup.select(selector)
        if found:
            return max(found, key=_text_size)
    return soup.body or soup


def _drop_furniture(root: Tag) -> None:
    for tag in root.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in root.find_all("header"):
        if not tag.find_parent("article") and root.name != "article":
            tag.decompose()  # the site's header; an article's own header holds its headline
    story = _text_size(root)
    for tag in root.find_all(_is_furniture):
        # A box that holds most of the story is a wrapper with an unlucky class
        # ("content ad-free"), not furniture.
        if not tag.decomposed and _text_size(tag) <= story / 2:
            tag.decompose()


def _hint(tag: Tag) -> str | None:
    for word in _name_words(tag):
        for pattern, hint in _HINT_OF_NAME:
            if pattern.match(word):
                return hint
    return _HINT_OF_TAG.get(tag.name)


class _BlockWalker:
    """Text in document order, cut at block elements (and at a blank line made of two
    <br>s); each block starts at the source line of its first words, counted from the
    last tag's line plus the line breaks of the text since."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pieces: list[str] = []
        self.start = 0  # line of the block's first words
        self.cursor = 1  # line reached in the source
        self.hints: list[str | None] = [None]
        self.after_br = False  # only white space since the last <br>

    def flush(self) -> None:
        if block := make_block("".join(self.pieces), self.start, self.hints[-1]):
            self.blocks.append(block)
        self.pieces = []

    def text(self, string: str) -> None:
        if not self.pieces and string.strip():
            self.start = self.cursor + string[: len(string) - len(string.lstrip())].count("\n")
        if self.pieces or string.strip():
            self.pieces.append(string)
        self.cursor += string.count("\n")
        self.after_br = self.after_br and not string.strip()

    def line_break(self) -> None:
        if self.after_br:
            self.flush()  # <br><br>: a paragraph break in pages without <p>
        else:
            self.pieces.append("\n")
        self.after_br = True

    def walk(self, tag: Tag) -> None:
        for child in tag.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, _SKIPPED_STRINGS):
                    self.text(str(child))
                continue
            self.cursor = child.sourceline or self.cursor
            if child.name in ("head", "title"):
                continue  # a page without <body>: its head is metadata, not text
            if child.name == "br":
                self.line_break()
            elif child.name in _BLOCK_TAGS:
                self.after_br = False
                self.flush()
                self.hints.append(_hint(child) or self.hints[-1])  # <li><p>...</p></li> is a list item
                self.walk(child)
                self.flush()
                self.hints.pop()
            else:
                self.walk(child)


def _meta(soup: BeautifulSoup, names: set[str]) -> Tag | None:
    for tag in soup.find_all("meta"):
        name = (tag.get("name") or tag.get("property") or tag.get("itemprop") or "").lower()
        if name in names and (tag.get("content") or "").strip():
            return tag
    return None


def _meta_text(soup: BeautifulSoup, names: set[str]) -> str | None:
    tag = _meta(soup, names)
    return normalise(tag["content"]) if tag else None


def _json_ld(soup: BeautifulSoup) -> dict:
    """The page's schema.org article in JSON-LD: the first object with a headline or a
    publication date."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        queue = data if isinstance(data, list) else [data]
        for item in queue:
            if isinstance(item, dict):
                queue.extend(g for g in item.get("@graph", []) if isinstance(g, dict))
                if item.get("datePublished") or item.get("headline"):
                    return item
    return {}


def _ld_name(value: object) -> str | None:
    """A schema.org Person/Organization (or a list of them, or a plain string) as text."""
    if isinstance(value, list):
        return ", ".join(filter(None, map(_ld_name, value))) or None
    if isinstance(value, dict):
        value = value.get("name")
    return normalise(value) if isinstance(value, str) and value.strip() else None


def _absolute_url(value: str | None) -> str | None:
    return value.strip() if value and re.match(r"https?://", value.strip()) else None


def _metadata(soup: BeautifulSoup, root: Tag, ld: dict) -> Metadata:
    publisher = _meta_text(soup, _PUBLISHER_META) or _ld_name(ld.get("publisher"))
    author = _meta_text(soup, _AUTHOR_META)
    if author and re.match(r"https?://", author):  # article:author is often a profile URL
        author = None
    title_tag = soup.find("title")
    titles = [
        root.find("h1") and root.find("h1").get_text(" ", strip=True),
        _meta_text(soup, {"og:title"}),
        isinstance(ld.get("headline"), str) and ld["headline"],
        title_tag and title_tag.get_text(" ", strip=True),
    ]
    title = next((strip_site_suffix(normalise(t), publisher) for t in titles if t and normalise(t)), None)
    date_tag = _meta(soup, _DATE_META)
    time_tag = root.find("time", datetime=True)
    if date_tag:
        date, date_line = date_tag["content"], date_tag.sourceline
    elif isinstance(ld.get("datePublished"), str):
        date, date_line = ld["datePublished"], None
    elif time_tag:
        date, date_line = time_tag["datetime"], time_tag.sourceline
    else:
        date, date_line = None, None
    canonical = soup.find("link", rel="canonical")
    url = _absolute_url(canonical.get("href") if canonical else None) or _absolute_url(_meta_text(soup, _URL_META))
    return Metadata(
        title=title,
        date=date.strip() if date else None,
        date_line=date_line,
        url=url,
        publisher=publisher,
        author=author or _ld_name(ld.get("author")),
        stated_in="meta",
    )


def read_html(text: str) -> Parsed:
    soup = BeautifulSoup(text, "html.parser")
    ld = _json_ld(soup)  # before the scripts are dropped
    root = _story_root(soup)
    _drop_furniture(root)  # before the title is read: a logo <h1> in a dropped header is no title
    metadata = _metadata(soup, root, ld)
    walker = _BlockWalker()
    walker.walk(root)
    walker.flush()
    return Parsed(walker.blocks, metadata)
