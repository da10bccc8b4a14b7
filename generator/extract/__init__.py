"""Extract: one Document in, one Extraction out (pure; cached per document and model version).

The prose paragraphs of every document go through spaCy in one stream (`nlp.pipe`); then the
steps below run over each document's parsed paragraphs, in order, each adding to the
Extraction. A step is a function `(DocumentText, Extraction) -> None`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from ..config import BuildConfig
from ..diagnostics import Report
from ..model import Document, Extraction
from . import dates, events, mentions, pipeline, quotes
from .context import DocumentText, ParsedParagraph

STEPS = (mentions.extract, dates.extract, events.extract, quotes.extract)


def extract_document(text: DocumentText) -> Extraction:
    extraction = Extraction(doc_id=text.document.id)
    for step in STEPS:
        step(text, extraction)
    return extraction


def parse(documents: Iterable[Document], nlp: Language, batch_size: int = 64) -> Iterator[DocumentText]:
    """Parse the prose of each document, streaming every paragraph through one `nlp.pipe`."""
    documents = list(documents)
    paragraphs = [(i, p) for i, d in enumerate(documents) for p in d.paragraphs if p.prose]
    parsed: dict[int, list[ParsedParagraph]] = {i: [] for i in range(len(documents))}
    for (i, paragraph), doc in zip(paragraphs, nlp.pipe((p.text for _, p in paragraphs), batch_size=batch_size)):
        parsed[i].append(ParsedParagraph(paragraph, doc))
    for i, document in enumerate(documents):
        yield DocumentText(document, parsed[i])


def extract_all(documents: list[Document], config: BuildConfig, report: Report) -> list[Extraction]:
    nlp = pipeline.load(config.model)
    return [extract_document(text) for text in parse(documents, nlp)]
