"""Helpers for the extraction and resolution tests: small documents written in the test,
run through the real spaCy pipeline and the real stages."""
from __future__ import annotations

import hashlib
from datetime import date

from generator import extract, resolve
from generator.diagnostics import Report
from generator.extract import pipeline
from generator.model import Briefing, Curation, Document, Entity, Extraction, Mention, Paragraph


def document(*paragraphs: str, doc_id: str = "doc", published: date | None = date(2022, 1, 8)) -> Document:
    """A source document whose prose is the given paragraphs (published on a Saturday by default)."""
    items = [Paragraph(number=i, text=text, line=i * 2) for i, text in enumerate(paragraphs, 1)]
    digest = hashlib.sha256("\n\n".join(paragraphs).encode()).hexdigest()
    return Document(id=doc_id, path=f"{doc_id}.txt", title=doc_id, date=published, paragraphs=items, content_hash=digest)


def extract_documents(*documents: Document) -> list[Extraction]:
    nlp = pipeline.load()
    return [extract.extract_document(text) for text in extract.parse(documents, nlp)]


def extraction(*paragraphs: str, published: date | None = date(2022, 1, 8)) -> Extraction:
    return extract_documents(document(*paragraphs, published=published))[0]


def mention(found: Extraction, text: str) -> Mention:
    """The mention whose surface form is `text` (or whose name is, failing that)."""
    for item in found.mentions:
        if item.text == text:
            return item
    for item in found.mentions:
        if item.name == text:
            return item
    raise AssertionError(f"no mention {text!r} in {[m.text for m in found.mentions]}")


def names(found: Extraction, kind: str | None = None) -> set[str]:
    return {m.name for m in found.mentions if kind is None or m.kind == kind}


def briefing(*documents: Document, curation: Curation | None = None) -> Briefing:
    return resolve.resolve(list(documents), extract_documents(*documents), curation or Curation(), Report())


def entity(result: Briefing, kind: str, name: str) -> Entity:
    found = [e for e in result.entities if e.kind == kind and (e.name == name or name in e.aliases)]
    assert len(found) == 1, f"{len(found)} {kind} entities named {name!r}: {[e.name for e in result.entities if e.kind == kind]}"
    return found[0]
