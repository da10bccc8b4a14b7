"""The plain values a reader hands back: text blocks in source order and the metadata the
file states about itself. Text is normalised here, in one place, for every reader."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Invisible characters that only break words apart for search and matching (soft hyphen,
# zero-width space, word joiner, stray byte-order mark). Zero-width joiners (U+200C,
# U+200D) are kept: some scripts and emoji need them.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
# C0/C1 control codes other than white space: noise from bad conversions, never text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def normalise(text: str) -> str:
    """One line of NFC text with runs of white space collapsed; quotes, apostrophes and
    dashes are left exactly as written."""
    text = _CONTROL.sub(" ", _INVISIBLE.sub("", text))
    return unicodedata.normalize("NFC", " ".join(text.split()))


@dataclass(frozen=True)
class Block:
    """A paragraph-to-be: its text, the source line where it starts, and what the markup
    says it is (`hint`: heading, list, caption, byline, boilerplate, or None for none)."""

    text: str  # normalised, one line
    line: int
    hint: str | None = None
    lines: tuple[str, ...] = ()  # the normalised source lines, for bylines split over lines


def make_block(raw: str, line: int, hint: str | None = None) -> Block | None:
    """A block from raw text, or None when nothing readable is left."""
    lines = tuple(filter(None, map(normalise, raw.split("\n"))))
    return Block(" ".join(lines), line, hint, lines) if lines else None


@dataclass
class Metadata:
    """What a file says about itself (front matter, HTML head). Values as written: dates
    are checked later, together with the other places a date can come from."""

    title: str | None = None
    date: str | None = None
    date_line: int | None = None  # where `date` is written, for warnings
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    stated_in: str = "front matter"  # or "meta" (an HTML page's head): Document.date_source


@dataclass
class Parsed:
    """A reader's result: blocks in source order, stated metadata, and problems found
    (message, line) for the caller to report against the file."""

    blocks: list[Block]
    metadata: Metadata = field(default_factory=Metadata)
    warnings: list[tuple[str, int | None]] = field(default_factory=list)
