"""A document's title, date, publisher, author and URL: what the file states (front
matter, HTML head) first, else what its text shows, else its file name, with a warning
where nothing says.

A date must be a real calendar day that is not after today. A publication date in the
future is a typo (2032 for 2023) far more often than an embargoed text, and a wrong
date would place every "last week" and "on Monday" of the document on the wrong day of
the timeline; so it is reported and the next source of a date (the text, the file
name) is used instead, as with a date that cannot be read at all."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from .blocks import Block, Metadata
from .classify import byline_names, match_key, word_count
from .dates import date_in_file_name, date_line, parse_date

Warn = Callable[[str, "int | None"], None]

# Words of a job title, not of a publisher's name: "By X, Staff Writer".
_ROLE_WORDS = {"writer", "correspondent", "reporter", "editor", "contributor", "columnist", "analyst",
               "chief", "staff", "special", "freelance", "producer", "journalist", "bureau"}  # fmt: skip
_HEAD_DATE_BLOCKS = 8  # a date line further down is a date in the story, not the page's


@dataclass
class Described:
    title: str
    date: date | None
    date_source: str  # front matter | meta | text | file name | none
    url: str | None
    publisher: str | None
    author: str | None


def _head(blocks: list[Block], kinds: list[str]) -> list[tuple[Block, str]]:
    """The blocks above the first paragraph of prose, with their kinds."""
    prose = kinds.index("prose") if "prose" in kinds else len(kinds)
    return list(zip(blocks[:prose], kinds[:prose]))


def derive_title(blocks: list[Block], kinds: list[str]) -> str | None:
    """The first heading above the prose: a Markdown/HTML heading if there is one, else
    the first unpunctuated line of three words or more (one or two words are a label)."""
    head = _head(blocks, kinds)
    marked = [b.text for b, k in head if k == "heading" and b.hint == "heading"]
    lines = [b.text for b, k in head if k == "heading" and word_count(b.text) >= 3]
    return next(iter(marked + lines), None)


def title_from_file_name(stem: str) -> str:
    """ "geneva-summit-2021-06-17" -> "Geneva summit 2021 06 17": a last resort."""
    words = re.sub(r"[-_.]+", " ", stem).strip() or stem
    return words[:1].upper() + words[1:]


def split_byline(names: str, lines: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(author, publisher) of a byline's names: "Helena Marsh, Northbridge Wire",
    "Marek Lindqvist | Kestrel News Service", or a name with the publisher on the next
    line. A job title after the comma ("Staff Writer") is not a publisher."""
    parts = re.split(r"\s*[,|/·•]\s*|\s+[–—-]\s+", names, maxsplit=1)
    if len(parts) == 1 and len(lines) > 1:  # the publisher on a line of its own
        parts = [names.removesuffix(lines[-1]).strip(), lines[-1]]
    author = parts[0].strip(" .,") or None
    publisher = parts[1].strip(" .,") if len(parts) > 1 else None
    if publisher and _ROLE_WORDS & set(publisher.lower().split()):
        publisher = None
    return author, publisher


def _byline_of(blocks: list[Block], kinds: list[str], publisher: str | None) -> tuple[str | None, str | None]:
    """Author and publisher from the first byline above the prose (a line that is only
    the known publisher's name names no author)."""
    for block, kind in _head(blocks, kinds):
        if kind == "byline" and not (publisher and match_key(block.text) == match_key(publisher)):
            names = byline_names(block.text)
            lines = block.lines if names else (block.text,)
            return split_byline(names or block.text, lines)
    return None, None


def _checked(value: date | None, written: str, where: str, line: int | None, warn: Warn, today: date) -> date | None:
    if value is None:
        warn(f"cannot read the {where} date '{written}' (write it as YYYY-MM-DD): not used", line)
        return None
    if value > today:
        warn(f"the {where} date {value.isoformat()} is in the future, most likely a typo: not used", line)
        return None
    return value


def choose_date(stated: Metadata, blocks: list[Block], kinds: list[str], stem: str,
                warn: Warn, today: date) -> tuple[date | None, str]:  # fmt: skip
    """The first usable date of: the file's own metadata, a date line above the prose,
    the file name. Returns (date, where it came from)."""
    if stated.date:
        value = _checked(parse_date(stated.date), stated.date, stated.stated_in, stated.date_line, warn, today)
        if value:
            return value, stated.stated_in
    for block, _ in _head(blocks, kinds)[:_HEAD_DATE_BLOCKS]:
        if (value := date_line(block.text)) and _checked(value, block.text, "text", block.line, warn, today):
            return value, "text"
    if value := date_in_file_name(stem):
        if _checked(value, stem, "file name", None, warn, today):
            return value, "file name"
    warn("no publication date found (front matter 'date:', a date line under the title, or YYYY-MM-DD in the file name); "
         "relative dates in this document cannot be placed on the timeline", None)  # fmt: skip
    return None, "none"


def describe(stated: Metadata, blocks: list[Block], kinds: list[str], stem: str, warn: Warn, today: date) -> Described:
    """Everything about the document besides its paragraphs. `stated` is what the file
    says about itself, with the title derived from the text already filled in."""
    title = stated.title
    if not title:
        title = title_from_file_name(stem)
        warn(f"no title found (front matter 'title:', a heading, or a headline line at the top); using '{title}'", None)
    author, publisher = _byline_of(blocks, kinds, stated.publisher)
    when, date_source = choose_date(stated, blocks, kinds, stem, warn, today)
    return Described(
        title=title,
        date=when,
        date_source=date_source,
        url=stated.url,
        publisher=stated.publisher or publisher,
        author=stated.author or author,
    )
