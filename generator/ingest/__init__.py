"""Ingest: source files in seeds/ to `Document`s of numbered, classified paragraphs.

    read_corpus(seeds, report) -> list[Document]   the whole folder, sorted by path
    read_document(path, root, report) -> Document | None   one file

Modules: corpus (walking, ids, assembly), decode (bytes to text), readers (the registry
by extension) with text_reader and html_reader, front_matter, classify (prose or page
furniture), metadata (title, date, byline), dates (date formats), blocks (shared types).
"""
from .corpus import read_corpus, read_document

__all__ = ["read_corpus", "read_document"]
