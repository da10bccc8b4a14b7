"""Extract: one Document in, one Extraction out (pure; cached per document and pipeline version).

The prose paragraphs of the documents go through spaCy in a stream (`nlp.pipe`); then the
steps below run over each document's parsed paragraphs, in order, each adding to the
Extraction. A step is a function `(DocumentText, Extraction) -> None`.

`extract_all` analyses only what the cache (generator/cache.py) does not hold, so an
unchanged rebuild neither loads the spaCy pipeline nor imports the steps (which import spaCy).
The documents to analyse are cut into small chunks; each chunk is parsed and extracted whole
(spaCy and the steps) in one process, so that several processes share the work. A document's result
does not depend on the chunk it is in, nor on the number of processes (tests check both).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import heap, parallel
from ..cache import ExtractionCache
from ..config import BuildConfig
from ..diagnostics import Report
from ..model import Document, Extraction, Paragraph

if TYPE_CHECKING:
    from spacy.language import Language

    from .context import DocumentText

# Documents per unit of work, at most: small enough to balance the processes at the end of a
# run and to hold few parsed paragraphs in memory, big enough that spaCy batches well.
CHUNK = 4
# Paragraphs per spaCy batch (measured: 16 to 256 run within 4 % of each other; memory grows with it).
BATCH_SIZE = 64
# What is analysed: the story's paragraphs, its lists and its photo captions (they name real
# people and places; a credit like "(Wire/Pool)" is no name). Headings, bylines and page
# furniture are shown on the source page but not analysed.
ANALYSED_KINDS = ("prose", "list", "caption")
# Bounds that keep one pathological document from taking the build with it: a "paragraph" this
# long is a dump, not prose, and a document is analysed up to this many characters. Whatever
# is left out stays on the source page; the build says so.
MAX_PARAGRAPH = 20_000
MAX_DOCUMENT = 2_000_000


def analysed(document: Document) -> tuple[list[Paragraph], list[tuple[int, str]]]:
    """The paragraphs of a document that extraction reads, and (line, why) for those it skips."""
    kept, skipped, size = [], [], 0
    for paragraph in document.paragraphs:
        if paragraph.kind not in ANALYSED_KINDS:
            continue
        if len(paragraph.text) > MAX_PARAGRAPH:
            skipped.append((paragraph.line, f"a paragraph of {len(paragraph.text):,} characters is not analysed (more than {MAX_PARAGRAPH:,}); it is on the source page"))
            continue
        if size + len(paragraph.text) > MAX_DOCUMENT:
            skipped.append((paragraph.line, f"the document is analysed up to here ({MAX_DOCUMENT:,} characters); the rest is on the source page"))
            break
        kept.append(paragraph)
        size += len(paragraph.text)
    return kept, skipped


@lru_cache(maxsize=1)
def steps() -> tuple[Callable[["DocumentText", Extraction], None], ...]:
    """The extraction steps, in order (imported on first use: they import spaCy)."""
    from . import dates, events, mentions, quotes

    return (mentions.extract, dates.extract, events.extract, quotes.extract)


def extract_document(text: "DocumentText") -> Extraction:
    extraction = Extraction(doc_id=text.document.id)
    for step in steps():
        step(text, extraction)
    return extraction


def parse(documents: Iterable[Document], nlp: "Language", batch_size: int = BATCH_SIZE) -> Iterator["DocumentText"]:
    """Parse the prose of each document, streaming every paragraph through one `nlp.pipe`;
    a document is yielded as soon as its last paragraph is parsed (memory stays flat)."""
    from .context import DocumentText, ParsedParagraph

    documents = list(documents)
    paragraphs = ((p.text, (i, p)) for i, d in enumerate(documents) for p in analysed(d)[0])
    parsed: list[ParsedParagraph] = []
    done = 0
    for doc, (i, paragraph) in nlp.pipe(paragraphs, as_tuples=True, batch_size=batch_size):
        while done < i:
            yield DocumentText(documents[done], parsed)
            parsed, done = [], done + 1
        parsed.append(ParsedParagraph(paragraph, doc))
    while done < len(documents):
        yield DocumentText(documents[done], parsed)
        parsed, done = [], done + 1


# --------------------------------------------------------------------------- the whole corpus


class Failure(str):
    """Why a document could not be analysed (an exception in spaCy or a step)."""


def extract_all(documents: list[Document], config: BuildConfig, report: Report) -> list[Extraction]:
    cache = ExtractionCache.for_build(config)
    for document in documents:
        for line, why in analysed(document)[1]:
            report.warn((config.seeds / document.path).as_posix(), why, line=line)
    with heap.collection_paused():
        found = {d.id: cache.load(d) for d in documents}
    todo = [d for d in documents if found[d.id] is None]
    writable = True
    for document, outcome in analyse(todo, config.model, config.jobs, config.progress):
        if isinstance(outcome, Failure):
            report.error((config.seeds / document.path).as_posix(), f"could not be analysed, so nothing from it is on the site: {outcome}")
            outcome = Extraction(doc_id=document.id)
        elif writable:
            try:
                cache.store(document, outcome)
            except OSError as error:
                writable = False
                report.warn(config.cache.as_posix(), f"cannot write the extraction cache ({error.strerror or error}); this build is complete, but the next one will analyse every document again")
        found[document.id] = outcome
    cache.prune()
    return [found[d.id] for d in documents]


def analyse(documents: list[Document], model: str | None, jobs: int = 1, progress: bool = False) -> Iterator[tuple[Document, Extraction | Failure]]:
    """Each document with its Extraction (or the Failure that stopped it), in order."""
    if not documents:
        return
    from tqdm import tqdm

    from . import pipeline

    pipeline.load(model)  # before any fork: worker processes start with the pipeline loaded
    # Forked from the loaded pipeline, a second process pays off from two documents (measured:
    # 0.90 s in one process, 0.57 s in two), so every process gets work as soon as there is some.
    processes = min(jobs, len(documents))
    work = [(model, chunk) for chunk in parallel.chunks(documents, processes, CHUNK)]
    with parallel.ordered_map(processes) as mapper:
        bar = tqdm(total=len(documents), desc="analysing", unit="doc", disable=not progress, leave=False)
        for (_, chunk), outcomes in zip(work, mapper(analyse_chunk, work)):
            for document, outcome in zip(chunk, outcomes):
                bar.update()
                yield document, outcome
        bar.close()


def analyse_chunk(work: tuple[str | None, list[Document]]) -> list[Extraction | Failure]:
    """Parse and extract a few documents, in order (in a worker process, or in the build's own)."""
    from . import pipeline

    model, documents = work
    nlp = pipeline.load(model)
    try:
        return [extract_document(text) for text in parse(documents, nlp)]
    except Exception as error:  # noqa: BLE001 - one bad document must not stop the others
        if len(documents) == 1:
            return [Failure(_describe(error))]
    return [outcome for document in documents for outcome in analyse_chunk((model, [document]))]  # which one failed?


def _describe(error: Exception) -> str:
    """The error and where it happened, for a bug report."""
    frame = error.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    where = f" (at {os.path.basename(frame.tb_frame.f_code.co_filename)}:{frame.tb_lineno})" if frame else ""
    return f"{type(error).__name__}: {error}{where}"
