"""A document's parsed prose, as the extraction steps see it."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Document, Sentence


@dataclass
class ParsedParagraph:
    paragraph: "Paragraph"  # noqa: F821 - generator.model.Paragraph
    doc: Doc


@dataclass
class DocumentText:
    document: Document
    paragraphs: list[ParsedParagraph]
    # filled on construction: every sentence of the prose, in order
    sentences: list[tuple[ParsedParagraph, Span]] = field(default_factory=list, init=False)
    _index: dict[tuple[int, int], int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for parsed in self.paragraphs:
            for sent in parsed.doc.sents:
                self._index[(parsed.paragraph.number, sent.start)] = len(self.sentences)
                self.sentences.append((parsed, sent))

    def sentence_of(self, parsed: ParsedParagraph, token: Token) -> int:
        return self._index[(parsed.paragraph.number, token.sent.start)]

    def sentence_records(self) -> list[Sentence]:
        return [Sentence(p.paragraph.number, s.start_char, s.end_char, s.text) for p, s in self.sentences]
