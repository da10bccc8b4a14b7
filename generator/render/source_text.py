"""A source paragraph as Markdown: its text faithfully, with entity names linked.

`Source.links` gives (paragraph, start, end, kind, id) spans. Spans can overlap or nest
("President Joe Biden" and "Joe Biden"); a link cannot hold another link, so one of them
wins: names (actors, places, treaties) before event phrases, which tend to span several
names, then the longer, then the earlier. Spans that overlap a winner are dropped, and spans
pointing outside the text or to an entity without a page are not linked.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..model import Paragraph
from .escape import escape_inline, protect_line_start, strip_controls

Span = tuple[int, int, str, int]  # (start, end, link target, rank: lower wins an overlap)
Piece = tuple[str, str | None]  # (text, link target or None)
_NEWLINE = re.compile(r"\r\n|\r|\n")


def choose_spans(spans: Iterable[Span], length: int) -> list[Span]:
    """Non-overlapping spans in text order, the winners of every overlap."""
    chosen: list[Span] = []
    for span in sorted(set(spans), key=lambda s: (s[3], s[0] - s[1], s[0], s[2])):
        start, end = span[0], span[1]
        if 0 <= start < end <= length and not any(start < c[1] and c[0] < end for c in chosen):
            chosen.append(span)
    return sorted(chosen)


def paragraph_markdown(paragraph: Paragraph, spans: Iterable[Span]) -> str:
    """The paragraph as Markdown. Line breaks are kept in lists (as <br>, each line escaped
    as a line of its own); elsewhere a line break in the text is a soft wrap."""
    text = paragraph.text
    pieces: list[Piece] = []
    position = 0
    for start, end, target, _ in choose_spans(spans, len(text)):
        pieces += [(text[position:start], None), (text[start:end], target)]
        position = end
    pieces.append((text[position:], None))
    lines: list[list[Piece]] = [[]]
    for piece, target in pieces:
        if target is None and paragraph.kind == "list":
            first, *rest = _NEWLINE.split(piece)
            lines[-1].append((first, None))
            lines.extend([(line, None)] for line in rest)
        else:
            lines[-1].append((piece, target))
    rendered = (_line(line) for line in lines)
    return "<br>\n".join(line for line in rendered if line)


def _line(pieces: list[Piece]) -> str:
    out = []
    for piece, target in pieces:
        words = _one_line(strip_controls(piece))
        if target is None or not words.strip():
            out.append(escape_inline(words))
        else:
            lead = " " if words.startswith(" ") else ""
            trail = " " if words.endswith(" ") else ""
            out.append(f"{lead}[{escape_inline(words.strip())}]({target}){trail}")
    return protect_line_start("".join(out).strip())


def _one_line(text: str) -> str:
    """Whitespace runs as single spaces, keeping one at either end where there was any."""
    if not text:
        return ""
    inner = " ".join(text.split())
    if not inner:
        return " "
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")
