"""A Python-Markdown extension for the site build (listed in mkdocs.yml): it drops the
writer's `<!-- generated:begin/end ... -->` marker lines before anything reads the page.

MkDocs takes a page's title from its H1 only when the H1 is the first element; a marker
comment in front of it would make every title fall back to the file name ("Wendy sherman").
The markers are bookkeeping for the writer and mean nothing in the HTML either.
"""
from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..pages import BEGIN, END


class DropBlockMarkers(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return [line for line in lines if not (BEGIN.match(line) or END.match(line))]


class BlockMarkersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace normalisation (30), before raw HTML is stashed (20, MkDocs: 21).
        md.preprocessors.register(DropBlockMarkers(md), "briefing_block_markers", 25)


def makeExtension(**kwargs) -> BlockMarkersExtension:  # noqa: N802 (the name Python-Markdown looks up)
    return BlockMarkersExtension(**kwargs)
