"""Which blocks are the article's prose and which are page furniture.

Scraped news carries the page around the story: section labels, bylines, date lines,
photo captions and credits, share and newsletter prompts, embed shortcodes, "Related"
boxes of other articles' headlines. Each rule below names one general pattern of such
furniture; the first rule that recognises a block gives its kind, and a block no rule
recognises is prose. The rules look at the shape of the text (length, closing
punctuation, capitalisation, a small vocabulary of page furniture), never at one
site's exact lines. A dateline ("PARIS — France recalled ...") is the first sentence
of the story and stays prose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .blocks import Block
from .dates import date_line

# ---------------------------------------------------------------- shapes of text

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]*_]*$")
_TRAILING_MARKS = re.compile(r"[\s:|›»>→.…-]+$")


def word_count(text: str) -> int:
    """Words in `text`, counted up to 100: every rule asks about short text, and a 20 MB
    paragraph must not be split into words once per rule."""
    return len(text.split(None, 100))


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()[-10:]))


def match_key(text: str) -> str:
    """Text reduced to lowercase words, for comparing a line with the title."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def strip_site_suffix(title: str, publisher: str | None = None) -> str:
    """ "Headline | The Publisher" -> "Headline": page titles carry the site's name."""
    if publisher:
        pattern = rf"\s+[|–—:·•-]\s+{re.escape(publisher)}\s*$"
        title = re.sub(pattern, "", title, flags=re.I)
    parts = re.split(r"\s+\|\s+", title)
    return parts[0] if len(parts) > 1 and word_count(parts[0]) >= 2 else title


# ---------------------------------------------------------------- furniture vocabulary

# Embed shortcodes of content systems: WordPress [tag attr="x"] ... [/tag], Hugo {{< x >}},
# Liquid/Jinja {% x %}.
_SHORTCODE = re.compile(
    r"""^(?:\[/?[a-z][\w-]*(?:\s+[^\]]*=[^\]]*)?\](?:.*\[/[a-z][\w-]*\])?
          |\{\{[<%].*?[>%]\}\}
          |\{%.*?%\})$""",
    re.X,
)
# Labels of page furniture: a short line that is nothing but one of these (so that the
# headline "Twitter bans Russian state media" is not taken for a share button).
_SHARE_TARGET = r"(?:facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|e-?mail|print|copy\s+link)"
_FURNITURE_LABEL = re.compile(
    rf"""(?:(?:view|show|read|add|post|\d+)\s+)?comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:comment|reply)
    |tags?|topics?|keywords|categories|filed\s+under|related(?:\s+\w+){{0,2}}|(?:read|see)\s+(?:more|next|also)|also\s+read
    |recommended(?:\s+for\s+you)?|trending(?:\s+now)?|most\s+(?:read|popular|viewed|shared|emailed)|popular\s+now
    |editor'?s\s+picks?|top\s+stories|latest(?:\s+(?:news|stories|headlines))?|you\s+(?:may|might)\s+also\s+like|don'?t\s+miss
    |(?:back|scroll)\s+to\s+top(?:\s+button)?|skip\s+to(?:\s+main)?\s+content
    |share(?:\s+(?:this|the|on|via|full))?(?:\s+(?:article|story|page|post|{_SHARE_TARGET}))?
    |{_SHARE_TARGET}(?:[\s,|/·•]+{_SHARE_TARGET})*|(?:e-?mail|print)\s+this(?:\s+(?:article|story|page))?
    |advertisement|advertising|advert|ad|sponsored(?:\s+content)?|paid\s+(?:content|post)|promoted(?:\s+content)?
    |newsletters?|subscribe(?:\s+(?:now|today))?|subscription|sign\s+(?:up|in)(?:\s+now)?|log\s*(?:in|out)|register
    |create\s+an?\s+account|my\s+account|join\s+the\s+(?:conversation|discussion)|follow\s+us(?:\s+on\s+\w+)?
    |cookies?(?:\s+(?:policy|settings|notice|preferences))?|privacy(?:\s+(?:policy|notice|settings))?
    |terms\s+(?:of\s+(?:use|service)|and\s+conditions)|about\s+us|contact(?:\s+us)?|continue\s+reading
    |story\s+continues(?:\s+below)?|loading|listen\s+to\s+this\s+article|(?:next|previous)\s+(?:article|story)
    |(?:photo|view|image|video)\s+gallery|menu|search|home""",
    re.I | re.X,
)
# Headings that open a box of links to other articles (or tags): what follows under them
# is not this article's prose.
_OPENS_LINK_BOX = re.compile(
    r"""^(?:related|read\s+(?:more|next|also)|also\s+read|see\s+also|more\s+(?:from|on|in|about|stories|news|like\s+this)
    |recommended|trending|most\s+(?:read|popular|viewed|shared|emailed)|editor'?s\s+picks?|top\s+stories|latest
    |you\s+(?:may|might)\s+also\s+like|don'?t\s+miss|tags|topics|keywords|filed\s+under|categories)\b""",
    re.I | re.X,
)
# A label and a colon in front of a link or a list: "Read more: ...", "Tags: ...".
_FURNITURE_PREFIX = re.compile(
    r"""^(?:read\s+(?:more|also|next)|see\s+also|also\s+read|related(?:\s+\w+)?|more|watch|listen|recommended
    |tags|topics|keywords|filed\s+under|categories|trending|editor'?s\s+note|correction|clarification)\s*[:|›»>]""",
    re.I | re.X,
)
# The page talking to its reader, at any length a prompt runs to.
_READER_ADDRESS = re.compile(
    r"""\b(?:our\s+(?:free\s+|daily\s+|weekly\s+)?newsletters?|your\s+inbox|your\s+e-?mail\s+address
    |we\s+use\s+cookies|(?:site|website)\s+uses\s+cookies|accept\s+(?:all\s+)?cookies|cookie\s+(?:policy|settings|preferences)
    |click\s+here|tap\s+here|all\s+rights\s+reserved|subscribe\s+(?:now|today|to\s+(?:our|the))
    |support\s+(?:our|independent)\s+journalism|download\s+(?:our|the)\s+app|follow\s+us\s+on
    |you\s+(?:may|might)\s+also\s+like|(?:story|article)\s+continues\s+below|continue\s+reading\s+(?:below|the\s+main\s+story)
    |listen\s+to\s+this\s+article|on\s+your\s+(?:device|browser)|enable\s+javascript)\b
    |^(?:sign\s+up|subscribe|register)\s+(?:for|to|now|today|here)\b
    |^this\s+(?:story|article|report)\s+(?:was|has\s+been|first|originally|is\s+republished)\b""",
    re.I | re.X,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|©\s*\d{4}", re.I)
# Lines that are only links: a bare URL, or an embedded post's signature
# ("— Ana Ruiz (@anaruiz) June 17, 2021").
_LINK_ONLY = re.compile(r"^(?:(?:https?://|www\.|pic\.twitter\.com/)\S+\s*)+$|\(@\w{1,15}\)\s+\w+\.?\s+\d{1,2},\s+\d{4}$")
_TIMESTAMP = re.compile(
    r"""^(?:(?:updated|published|posted|last\s+(?:updated|modified)|first\s+published)\b.*\d.*
    |\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+(?:ago|read)\b.*
    |\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,5})?\.?)$""",
    re.I | re.X,
)

# ---------------------------------------------------------------- bylines and captions

_CREDIT_ROLE = r"(?:(?:additional\s+)?(?:reporting|writing|editing|research|words|story|text|compiled|written|produced)\s+by|by)"
_BYLINE_LEAD = re.compile(rf"^\(?{_CREDIT_ROLE}\s+(?=\S)", re.I)
_MORE_CREDITS = re.compile(rf"\b{_CREDIT_ROLE}\b", re.I)  # "...; additional reporting by B; editing by C"
# The agencies' credit line: "Jane Doe in Moscow contributed to this report."
_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:reporting\s+)?to\s+(?:this|the)\s+(?:report|story|article)\b", re.I)
# Lower-case words that occur inside names and credit lines ("Ursula von der Leyen",
# "Reporting by A in Moscow; Editing by B").
_NAME_PARTICLES = {
    "and", "&", "de", "da", "del", "della", "der", "den", "van", "von", "al", "el", "bin", "ibn", "la", "le",
    "du", "dos", "das", "di", "y", "of", "the", "in", "for", "at", "with", "by", "from",
}  # fmt: skip
_NAME_SEPARATORS = re.compile(r"[\s,|/·•;:()–—-]+")
_CAPTION_LABEL = re.compile(
    r"""^(?:photo(?:graph)?s?|pictured?|pictures?|images?|(?:photo\s+|image\s+)?captions?|file\s+photo
    |(?:photo\s+|image\s+)?credits?|illustration|graphic|video|watch)\s*[:|]\s*\S
    |(?:image|media)\s+(?:source|caption)\b""",
    re.I | re.X,
)
# Agency style for an archive picture: "FILE - In this Sept. 16, 2020 file photo, ...".
_FILE_PHOTO = re.compile(r"^FILE\s*[-–—]\s")
# A credit trailing the caption: "... at the White House. Photograph: Ana Ruiz/Lantern Gazette".
_CREDIT_TRAILER = re.compile(r"\b(?:photograph|photo|picture|image|illustration)\s*:\s*[^.:]{2,60}$", re.I)
# A parenthesised credit closing a caption: "(AP Photo/Evan Vucci)", "(Publisher/Pool)",
# "(Getty Images)", or the publisher's own name.
_CREDIT_SUFFIX = re.compile(r"\((?P<credit>[^()]{2,80})\)[\s*_]*$")
_CREDIT_WORDS = re.compile(
    r"\b(?:photo|photograph|getty|images?|pool|file|handout|reuters|afp|ap|epa|efe|shutterstock|courtesy|alamy|anadolu|xinhua|tass|sputnik|via)\b",
    re.I,
)
_AGENCY_CREDIT = re.compile(r"\b(?:getty\s+images|shutterstock|ap\s+photo|alamy|afp\s+via\s+getty)\b", re.I)


def name_like(text: str) -> bool:
    """Only names and their separators: "Rafael Okonjo, The Cedar Courier"."""
    tokens = [t for t in _NAME_SEPARATORS.split(text.strip(" .")) if t]
    return bool(tokens) and all(t[0].isupper() or t.lower() in _NAME_PARTICLES for t in tokens)


def byline_names(text: str) -> str | None:
    """What follows "By" in a byline ("Rafael Okonjo, The Cedar Courier"), or None when
    `text` is not a byline."""
    lead = _BYLINE_LEAD.match(text)
    if not lead or word_count(text) > 20:
        return None
    names = text[lead.end() :].rstrip(" )")
    return names if name_like(_MORE_CREDITS.sub(",", names)) else None


def is_shortcode(text: str) -> bool:
    return bool(_SHORTCODE.match(text))


def is_furniture_label(text: str) -> bool:
    """A short label of page furniture: "Advertisement", "Share this article", "Tags"."""
    return word_count(text) <= 6 and bool(_FURNITURE_LABEL.fullmatch(_TRAILING_MARKS.sub("", text)))


def is_caption_label(text: str) -> bool:
    return bool(_CAPTION_LABEL.match(text))


def _is_credit(credit: str, publisher: str | None) -> bool:
    return "/" in credit or bool(_CREDIT_WORDS.search(credit)) or bool(publisher and match_key(credit) == match_key(publisher))


# ---------------------------------------------------------------- the rules


@dataclass(frozen=True)
class Page:
    """What is known about the document when its blocks are classified."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None


@dataclass
class Position:
    """Where the reading has got to: the head (above the first prose) and link boxes."""

    in_head: bool = True
    in_link_box: bool = False


Rule = Callable[[Block, Page, Position], "str | None"]


def shortcode(block: Block, page: Page, at: Position) -> str | None:
    return "boilerplate" if is_shortcode(block.text) else None


def repeated_title(block: Block, page: Page, at: Position) -> str | None:
    if page.title and match_key(strip_site_suffix(block.text, page.publisher)) == match_key(page.title):
        return "heading"
    return None


def link_box_item(block: Block, page: Page, at: Position) -> str | None:
    """Headlines listed under "Related coverage", "Trending", "Tags": other articles."""
    if at.in_link_box and (block.hint == "list" or not ends_sentence(block.text) and word_count(block.text) <= 20):
        return "boilerplate"
    return None


def furniture(block: Block, page: Page, at: Position) -> str | None:
    text, words = block.text, word_count(block.text)
    if is_furniture_label(text):
        return "boilerplate"
    if words <= 8 and not ends_sentence(_TRAILING_MARKS.sub("", text)) and _OPENS_LINK_BOX.match(text):
        return "boilerplate"
    if words <= 40 and (_FURNITURE_PREFIX.match(text) or _COPYRIGHT.search(text)):
        return "boilerplate"
    if words <= 30 and (_READER_ADDRESS.search(text) or _LINK_ONLY.search(text)):
        return "boilerplate"
    return None


def timestamp(block: Block, page: Page, at: Position) -> str | None:
    """A line that is only a date or a time: "June 17, 2021", "Updated 3:45 PM ET"."""
    if word_count(block.text) <= 15 and (date_line(block.text) or _TIMESTAMP.match(block.text)):
        return "boilerplate"
    return None


def byline(block: Block, page: Page, at: Position) -> str | None:
    if byline_names(block.text) or (word_count(block.text) <= 30 and _CONTRIBUTED.search(block.text)):
        return "byline"
    return None


def caption(block: Block, page: Page, at: Position) -> str | None:
    """Photo captions and credits: "Photo: ...", "... (Publisher/Pool)", "Getty Images"."""
    text, words = block.text, word_count(block.text)
    if words > 80:
        return None
    if is_caption_label(text) or _FILE_PHOTO.match(text) or _CREDIT_TRAILER.search(text):
        return "caption"
    credit = _CREDIT_SUFFIX.search(text)
    if credit and _is_credit(credit["credit"], page.publisher):
        return "caption"
    if words <= 8 and _AGENCY_CREDIT.search(text):
        return "caption"
    return None


def head_byline(block: Block, page: Page, at: Position) -> str | None:
    """Under the title, a byline without "By": "Corinne Adeyemi, Harwick Daily Report",
    the publisher's name alone, or a line that names the known author."""
    if not at.in_head or ends_sentence(block.text) or word_count(block.text) > 10:
        return None
    names = [match_key(n) for n in (page.author, page.publisher) if n and match_key(n)]
    if any(re.search(rf"\b{re.escape(n)}\b", match_key(block.text)) for n in names):
        return "byline"
    if re.search(r"[,|]", block.text) and name_like(block.text):
        return "byline"
    return None


def is_label(text: str) -> bool:
    """One or two words without closing punctuation: "Business", "World News". (Headlines
    have three words or more.)"""
    return word_count(text) <= 2 and not ends_sentence(text)


def head_label(block: Block, page: Page, at: Position) -> str | None:
    """A label in the head, such as the section above the title ("Analysis")."""
    return "boilerplate" if at.in_head and block.hint is None and is_label(block.text) else None


def markup(block: Block, page: Page, at: Position) -> str | None:
    """What the source's markup says: a heading, a list item, a figure caption."""
    return block.hint


def headline(block: Block, page: Page, at: Position) -> str | None:
    """A line without closing punctuation: a headline or a subheading. Prose ends its
    sentences; a long unpunctuated block is taken as prose all the same (a scrape may
    have cut its end), except in the head, where headlines run to 30 words."""
    limit = 30 if at.in_head else 12
    return "heading" if not ends_sentence(block.text) and word_count(block.text) <= limit else None


RULES: list[Rule] = [
    shortcode,
    repeated_title,
    link_box_item,
    furniture,
    timestamp,
    byline,
    caption,
    head_byline,
    head_label,
    markup,
    headline,
]


def classify(blocks: list[Block], page: Page) -> list[str]:
    """The kind of each block: prose | heading | byline | caption | boilerplate | list."""
    at, kinds = Position(), []
    for block in blocks:
        kind = next((k for k in (rule(block, page, at) for rule in RULES) if k), "prose")
        opens_box = kind == "boilerplate" and bool(_OPENS_LINK_BOX.match(block.text))
        at.in_link_box = opens_box or (at.in_link_box and kind == "boilerplate")
        at.in_head = at.in_head and kind != "prose"
        kinds.append(kind)
    return kinds
