"""Plain text and Markdown: blocks split on blank lines, with the line-level structure
both kinds of file share (headings, list items, rules) and the lines that a scrape
glues to their neighbours without a blank line (a date under the title, a byline, an
embed shortcode after a paragraph), which become blocks of their own.

Markdown additionally loses its inline markup (emphasis, links, inline HTML) so that
the words remain; plain text is taken literally."""
from __future__ import annotations

import html
import re

from .blocks import Block, Parsed, make_block
from .classify import byline_names, ends_sentence, is_caption_label, is_furniture_label, is_label, is_shortcode, name_like, word_count
from .dates import date_line
from .front_matter import split_front_matter

_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+•▪◦‣]|\d{1,3}[.)])\s+(?=\S)")
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_=])(?:\s*\1){2,}\s*$")
_QUOTE_MARKER = re.compile(r"^\s{0,3}(?:>\s?)+")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")

# Markdown inline markup. Spans are bounded (1000 characters) so that an unmatched "*"
# in a 20 MB line costs a bounded look-ahead, not a scan to the end of the line.
_INLINE = [
    (re.compile(r"`+([^`]{1,1000}?)`+"), r"\1"),  # code
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image: its alt text
    (re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])"), r"\1"),  # link: its text
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"<!--.*?-->|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>", re.S), ""),  # inline HTML
]
_EMPHASIS = [
    (re.compile(r"(\*\*|__)(?=\S)(.{1,1000}?)(?<=\S)\1"), r"\2"),
    (re.compile(r"~~(?=\S)(.{1,1000}?)(?<=\S)~~"), r"\1"),
    (re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.{1,1000}?)(?<=[^\s*\\])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=[^\s_])(.{1,1000}?)(?<=[^\s_\\])_(?!\w)"), r"\1"),
    (re.compile(r"\\([!-/:-@\[-`{-~])"), r"\1"),  # backslash escapes
]
# A block in italics from end to end: Markdown's usual way of setting a photo caption.
_ITALIC_BLOCK = re.compile(r"^\s*([*_])(?![*_\s]).*[^*_\s]\1\s*$", re.S)
_IMAGE_ONLY = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")


def markdown_inline(raw: str) -> str:
    """The words of a Markdown block without its inline markup; entities decoded."""
    for pattern, replacement in _INLINE:
        raw = pattern.sub(replacement, raw)
    raw = html.unescape(raw)
    for pattern, replacement in _EMPHASIS:
        raw = pattern.sub(replacement, raw)
    return raw


def _line_role(line: str, previous: str | None, first: bool) -> str | None:
    """How a line stands apart from the lines around it: "alone" (a block of one line),
    "byline" / "caption" (opens a block that may go on), or None (ordinary text).
    `first` is true for the first line of the text, where a label ("World News") sits
    above the headline."""
    if is_shortcode(line) or date_line(line) or (first and is_label(line)):
        return "alone"
    if byline_names(line):
        return "byline"
    if is_caption_label(line):
        return "caption"
    # A label such as "Advertisement" only after a finished sentence, so that a wrapped
    # paragraph whose last line is one word ("... went home.") is never split.
    if (previous is None or ends_sentence(previous)) and is_furniture_label(line):
        return "alone"
    return None


def _continues_byline(line: str) -> bool:
    """ "By Dana Whitcombe" may go on with the publisher on the next line."""
    return word_count(line) <= 6 and not ends_sentence(line) and name_like(line)


class _Splitter:
    """Collects (raw text, first line, hint) triples, one per block."""

    def __init__(self) -> None:
        self.found: list[tuple[str, int, str | None]] = []
        self.lines: list[str] = []
        self.size = 0  # characters in `lines`, kept as they come: summing them per line is quadratic
        self.start = 0
        self.hint: str | None = None
        self.mode: str | None = None  # None (paragraph), "item", "byline", "caption"

    def flush(self) -> None:
        if self.lines:
            self.found.append(("\n".join(self.lines), self.start, self.hint))
        self.lines, self.size, self.hint, self.mode = [], 0, None, None

    def open(self, line: str, number: int, hint: str | None = None, mode: str | None = None) -> None:
        self.flush()
        self.lines, self.size, self.start, self.hint, self.mode = [line], len(line) + 1, number, hint, mode

    def alone(self, line: str, number: int, hint: str | None = None) -> None:
        self.open(line, number, hint)
        self.flush()

    def add(self, line: str, number: int) -> None:
        if self.lines and self.mode is None and self.size > LONG_BLOCK and self.lines[-1].rstrip().endswith(SENTENCE_ENDS):
            self.open(line, number)  # a wall of text with no blank lines: paragraphs at its sentence-ending lines
            return
        if not self.lines:
            self.start = number
        self.lines.append(line)
        self.size += len(line) + 1


# Characters after which a block with no blank line in it is cut where a line ends a sentence.
LONG_BLOCK = 3000
SENTENCE_ENDS = (".", "!", "?", '."', ".”", "?”", "!”", ".'", ".’")


def split_blocks(text: str, first_line: int = 1, markdown: bool = False) -> list[tuple[str, int, str | None]]:
    """Blocks of `text` as (raw text, line, hint); `first_line` is the file line of text[0]."""
    out = _Splitter()
    for number, line in enumerate(text.split("\n"), first_line):
        if markdown:
            line = _QUOTE_MARKER.sub("", line)
        stripped = line.strip()
        if not stripped:
            out.flush()
        elif out.lines and out.mode is None and _SETEXT_UNDERLINE.match(line):
            out.hint = "heading"  # the paragraph above is a heading (Title / =====)
            out.flush()
        elif _THEMATIC_BREAK.match(line) or (markdown and _LINK_DEFINITION.match(line)):
            out.flush()  # a rule or a link target: no words to keep
        elif heading := _ATX_HEADING.match(line):
            out.alone(heading[1] or "", number, "heading")
        elif _LIST_ITEM.match(line):
            out.open(_LIST_ITEM.sub("", line), number, "list", "item")
        elif role := _line_role(stripped, out.lines[-1] if out.lines else None, not out.found and not out.lines):
            if role == "alone":
                out.alone(stripped, number)
            else:
                out.open(stripped, number, None, role)
        elif out.mode == "byline" and not _continues_byline(stripped):
            out.open(stripped, number)
        else:
            out.add(line, number)
    out.flush()
    return out.found


def _markdown_block(raw: str, line: int, hint: str | None) -> Block | None:
    if hint is None and (_ITALIC_BLOCK.match(raw) or _IMAGE_ONLY.match(raw)):
        hint = "caption"
    return make_block(markdown_inline(raw), line, hint)


def _read(text: str, markdown: bool) -> Parsed:
    front = split_front_matter(text)
    make = _markdown_block if markdown else make_block
    blocks = []
    for raw, line, hint in split_blocks(front.body, front.body_line, markdown):
        # Lines of front matter that could not be read stay in the text, as furniture:
        # "title: ..." is neither the story nor its headline.
        if block := make(raw, line, "boilerplate" if line <= front.unread_until else hint):
            blocks.append(block)
    return Parsed(blocks, front.metadata, front.warnings)


def read_text(text: str) -> Parsed:
    return _read(text, markdown=False)


def read_markdown(text: str) -> Parsed:
    return _read(text, markdown=True)
