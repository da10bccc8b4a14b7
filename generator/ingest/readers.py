"""The readers, by file extension. To read a new kind of file, write a function from the
file's text to `Parsed` and add it here."""
from __future__ import annotations

from typing import Callable

from .blocks import Parsed
from .html_reader import read_html
from .text_reader import read_markdown, read_text

Reader = Callable[[str], Parsed]

READERS: dict[str, Reader] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
}


def reader_for(suffix: str) -> Reader | None:
    return READERS.get(suffix.lower())
