"""The seeds folder to Documents: walk it, read each file with the reader for its
extension, and report every file that cannot be read without stopping the others."""
from __future__ import annotations

import errno
import hashlib
import itertools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from .. import parallel
from ..diagnostics import Report
from ..model import Diagnostic, Document, Paragraph
from .classify import Page, classify
from .decode import NotText, decode
from .metadata import derive_title, describe
from .readers import READERS, Reader, reader_for

# No news article, statement or report comes near this size as text; a file above it is
# more likely a log, a data dump or several corpora glued together. It is still read in
# full (nothing is lost, and reading stays linear in its size), with a warning, because
# extracting from it will take minutes.
LARGE_FILE_BYTES = 5 * 1024 * 1024
PARALLEL_FROM = 200  # files: below this, starting worker processes costs more than it saves


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: "Café Summit 2021" -> "cafe-summit-2021".
    A name with no Latin letters or digits ("Саммит") gets a short hash of itself, so that
    it is still distinct and the same in every build."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words or "doc-" + hashlib.sha256(text.encode()).hexdigest()[:8]


def _link_problem(path: Path) -> str:
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop: not followed"
        return "broken symbolic link (its target does not exist): skipped"
    return ""


def _files(folder: Path, report: Report, seen: dict[Path, Path]) -> list[Path]:
    """Files under `folder`, sorted, skipping hidden names. Each real folder and file is
    read once, so a symbolic link that loops back (or a second link to the same place)
    is reported instead of followed."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        report.error(folder.as_posix(), f"cannot list this folder ({error.strerror or error}): its files are skipped")
        return []
    found: list[Path] = []
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue  # .git, .DS_Store, editor swap files
        if entry.is_symlink() and (problem := _link_problem(path)):
            report.warn(path.as_posix(), problem)
            continue
        real = path.resolve()
        if real in seen:
            report.warn(path.as_posix(), f"the same {'folder' if entry.is_dir() else 'file'} as {seen[real].as_posix()} (a link to it): read once")
            continue
        seen[real] = path
        if entry.is_dir():
            found += _files(path, report, seen)
        elif entry.is_file():
            found.append(path)
        else:
            report.warn(path.as_posix(), "not a regular file (a pipe, socket or device): skipped")
    return found


def read_document(path: Path, root: Path, report: Report, today: date | None = None) -> Document | None:
    """One source file as a Document, or None (with the reason in `report`) when it
    cannot be read. Never raises for a bad file."""
    shown = path.as_posix()
    reader = reader_for(path.suffix)
    if reader is None:
        kinds = ", ".join(sorted(READERS))
        report.warn(shown, f"unsupported file type '{path.suffix or '(no extension)'}' (readable: {kinds}): skipped")
        return None
    try:
        raw = path.read_bytes()
    except OSError as error:
        report.error(shown, f"cannot read the file ({error.strerror or error}): skipped")
        return None
    try:
        return _document(raw, path, root, reader, report, today or date.today())
    except NotText as error:
        report.error(shown, str(error))
    except Exception as error:  # a pathological file must not stop the other documents
        report.error(shown, f"could not be read ({type(error).__name__}: {error}): skipped")
    return None


def _document(raw: bytes, path: Path, root: Path, reader: Reader, report: Report, today: date) -> Document | None:
    shown = path.as_posix()

    def warn(message: str, line: int | None = None) -> None:
        report.warn(shown, message, line)

    if len(raw) > LARGE_FILE_BYTES:
        warn(f"{len(raw) / 2**20:.1f} MB is far larger than an article ({LARGE_FILE_BYTES // 2**20} MB threshold): "
             "read in full, but check it is the file you meant; extraction will be slow")  # fmt: skip
    decoded = decode(raw)
    for message, line in decoded.warnings:
        warn(message, line)
    if not decoded.text.strip():
        warn("empty file (nothing but white space): skipped")
        return None
    parsed = reader(decoded.text)
    for message, line in parsed.warnings:
        warn(message, line)
    if not parsed.blocks:
        warn("no text besides front matter or markup: skipped")
        return None
    stated, blocks = parsed.metadata, parsed.blocks
    page = Page(stated.title, stated.publisher, stated.author)
    kinds = classify(blocks, page)
    if not stated.title and (title := derive_title(blocks, kinds)):
        stated = replace(stated, title=title)
        kinds = classify(blocks, replace(page, title=title))
    about = describe(stated, blocks, kinds, path.stem, warn, today)
    return Document(
        id=slug(path.stem),
        path=(path.relative_to(root) if path.is_relative_to(root) else Path(path.name)).as_posix(),
        title=about.title,
        date=about.date,
        paragraphs=[Paragraph(n, b.text, b.line, kind) for n, (b, kind) in enumerate(zip(blocks, kinds), 1)],
        content_hash=hashlib.sha256(raw).hexdigest(),
        url=about.url,
        publisher=about.publisher,
        author=about.author,
        date_source=about.date_source,
    )


def _read_documents(work: tuple[list[Path], Path, date]) -> list[tuple[Document | None, list[Diagnostic]]]:
    """read_document for a few files (in a worker process, or in the build's own), each with
    what it had to say."""
    paths, root, today = work
    outcomes = []
    for path in paths:
        said = Report()
        outcomes.append((read_document(path, root, said, today), said.items))
    return outcomes


def _id_candidates(path: Path) -> Iterator[str]:
    yield slug(f"{path.stem}-{path.suffix}")
    yield slug(path.as_posix())
    for number in itertools.count(2):
        yield f"{slug(path.as_posix())}-{number}"


def _unique_ids(documents: list[Document]) -> None:
    """Documents whose file names make the same slug ("a.md", "a.txt", "x/a.md") are
    told apart by extension, then by folder, then by a number, in path order."""
    count = Counter(doc.id for doc in documents)
    taken = {doc.id for doc in documents if count[doc.id] == 1}
    for doc in documents:
        if count[doc.id] > 1:
            doc.id = next(c for c in _id_candidates(Path(doc.path)) if c not in taken)
            taken.add(doc.id)


def read_corpus(seeds: Path, report: Report, today: date | None = None, jobs: int = 1) -> list[Document]:
    """Every readable document under `seeds` (subfolders included), sorted by path.
    `today` bounds publication dates (default: the real today); `jobs` processes read the
    files when there are enough of them to pay for starting the processes."""
    seen = {seeds.resolve(): seeds}
    paths = _files(seeds, report, seen)
    today = today or date.today()
    processes = jobs if len(paths) >= PARALLEL_FROM else 1
    documents = []
    with parallel.ordered_map(processes) as mapper:
        work = [(chunk, seeds, today) for chunk in parallel.chunks(paths, processes, 32)]
        for outcomes in mapper(_read_documents, work):
            for document, diagnostics in outcomes:
                for diagnostic in diagnostics:
                    report.add(diagnostic)
                if document is not None:
                    documents.append(document)
    documents.sort(key=lambda d: d.path)
    _unique_ids(documents)
    first_of: dict[str, Document] = {}
    for doc in documents:
        if original := first_of.get(doc.content_hash):
            report.warn((seeds / doc.path).as_posix(), f"same bytes as {(seeds / original.path).as_posix()}: both are read, so its facts count twice")
        first_of.setdefault(doc.content_hash, doc)
    return documents
