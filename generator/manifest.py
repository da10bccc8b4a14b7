"""The build manifest: what the last successful build read and wrote, so that a rebuild does
only the work its changes call for.

`<cache>/build-manifest.json` (next to the extraction cache's entries, outside docs/) records:
- the version of everything besides the inputs that makes the pages: the extraction pipeline
  (spaCy model and version, the extractor's code and data: cache.pipeline_version), every
  file of generator/ (code, templates, data), Python, PyYAML, Jinja2 and MarkupSafe;
- the seeds and docs folders it is for;
- each source document as ingest read it: id, path and the sha256 of its bytes;
- each file the build left in docs/: its stat (pages.stamp: size, mtime, ctime, inode) and
  sha256 and, for a page, its facts (pages.PageFacts: curation, edits, problems);
- the warnings and errors the build reported, and what it wrote.

Two uses:
1. Nothing to do: same version, same documents, and docs/ holds exactly the files the last
   build left, each with the stat it had then (a file a person edited, touched, added,
   renamed or deleted is a difference). Then a build would write nothing (a rebuild is a
   fixed point: ids do not move, unchanged pages are not rewritten), so it stops after ingest
   and reports the last build's warnings again.
2. Anything else takes the whole pipeline, but a page whose stat is the recorded one is not
   read again: its facts are the recorded ones, and the writer compares the new page with the
   recorded hash (write.py). Each page's render key (a hash of the data it was rendered from,
   render.render_key) is recorded too: a page nobody edited or touched since, whose data is
   the same now, is not even rendered again.

Safety: the manifest is deleted before a build changes anything and written, atomically, only
after its write stage finished; a killed or failed build leaves none, and the next build takes
the whole pipeline. Deleting the file at any time is safe: it only costs that.
"""
from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import pages
from .cache import pipeline_version
from .config import BuildConfig
from .diagnostics import Report
from .model import Diagnostic, Document, WriteSummary
from .pages import PageFacts

FORMAT = 2
NAME = "build-manifest.json"
TEMP_PREFIX = ".tmp-manifest-"
_PACKAGE = Path(__file__).resolve().parent  # generator/
# Libraries whose output is part of the pages' bytes (YAML front matter, templates, escaping).
LIBRARIES = ("PyYAML", "Jinja2", "MarkupSafe")


def code_version(config: BuildConfig, package: Path = _PACKAGE) -> str:
    """Everything besides the inputs that decides what a build writes, as a hash."""
    digest = hashlib.sha256(f"manifest {FORMAT}\npython {sys.version}\n".encode())
    digest.update(f"pipeline {pipeline_version(config.model)}\n".encode())
    for library in LIBRARIES:
        digest.update(f"{library} {importlib.metadata.version(library)}\n".encode())
    for file in sorted(package.rglob("*")):
        if file.is_file() and "__pycache__" not in file.parts and not file.name.startswith("."):
            digest.update(file.relative_to(package).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:32]


def documents_record(documents: list[Document]) -> list[list[str]]:
    """What identifies the documents ingest read. A Document is a function of its file's path
    and bytes, of the other files' names (ids are unique), of ingest's code (in the version)
    and of today's date (a publication date in the future is not used: the day it is no
    longer in the future, the document changes), so equal records mean equal documents."""
    return [[d.id, d.path, d.content_hash, d.date.isoformat() if d.date else ""] for d in documents]


@dataclass
class Manifest:
    version: str
    seeds: str  # resolved folders
    docs: str
    documents: list[list[str]]
    pages: dict[str, PageFacts]  # every Markdown page of docs/ (pages.page_files)
    files: dict[str, list]  # the other files the build writes (briefing.json): path -> [stamp, sha256]
    renders: dict[str, str] = field(default_factory=dict)  # page path -> render key of what it holds
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: WriteSummary = field(default_factory=WriteSummary)

    # ----------------------------------------------------------------------- reading

    @staticmethod
    def path(config: BuildConfig) -> Path:
        return config.cache / NAME

    @classmethod
    def read(cls, config: BuildConfig) -> "Manifest | None":
        """The manifest of the last build with these folders, or None (none, unreadable, or of
        other folders: all of them mean "do everything")."""
        try:
            data = json.loads(cls.path(config).read_bytes())
            if data.get("format") != FORMAT:
                return None
            manifest = cls(
                version=data["version"], seeds=data["seeds"], docs=data["docs"], documents=data["documents"],
                pages={rel: _facts(item) for rel, item in data["pages"].items()},
                files={rel: [tuple(item[0]), item[1]] for rel, item in data["files"].items()},
                renders=dict(data["renders"]),
                diagnostics=[Diagnostic(*item) for item in data["diagnostics"]],
                summary=WriteSummary(**data["summary"]),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None
        if (manifest.seeds, manifest.docs) != _folders(config):
            return None
        return manifest

    def up_to_date(self, version: str, documents: list[Document], docs: Path) -> bool:
        """True when a build would write nothing: see the module's docstring."""
        if version != self.version or documents_record(documents) != self.documents:
            return False
        if pages.page_files(docs) != sorted(self.pages):
            return False
        recorded = [(rel, facts.stamp) for rel, facts in self.pages.items()] + [(rel, item[0]) for rel, item in self.files.items()]
        for rel, stamp in recorded:
            try:
                if pages.stamp((docs / rel).stat()) != stamp:
                    return False
            except OSError:
                return False
        return True

    def page_facts(self, version: str) -> dict[str, PageFacts]:
        """The recorded facts of the pages, for a build of the same version (other code may
        read a page otherwise)."""
        return self.pages if version == self.version else {}

    def render_keys(self, version: str, found: dict[str, PageFacts]) -> dict[str, str]:
        """The render keys of the pages whose file is the one the last build left (same stat
        and hash), the generator's (front matter or blocks of its own) with nobody's edits,
        published (not hidden or merged) and without a hidden twin: a page whose key is the
        same now would be written as it is (render.render_pages)."""
        if version != self.version:
            return {}
        keys = {}
        for rel, key in self.renders.items():
            facts, recorded = found.get(rel), self.pages.get(rel)
            if facts is None or recorded is None or (facts.stamp, facts.sha256) != (recorded.stamp, recorded.sha256):
                continue
            ours = facts.readable and not facts.broken and (facts.generated or facts.blocks)
            if ours and not (facts.edited or facts.shelved) and pages.hidden_path(rel) not in found:
                keys[rel] = key
        return keys

    def next_summary(self) -> WriteSummary:
        """What a build over the files this build left writes: nothing; every page it put is
        unchanged, the pages it kept are kept."""
        return WriteSummary(unchanged=self.summary.written + self.summary.unchanged, kept=list(self.summary.kept))

    # ----------------------------------------------------------------------- writing

    @staticmethod
    def forget(config: BuildConfig) -> None:
        """Delete the manifest before a build changes anything. One that cannot be deleted (a
        read-only cache) is harmless: the files this build writes no longer match it."""
        try:
            Manifest.path(config).unlink(missing_ok=True)
        except OSError:
            pass

    def write(self, config: BuildConfig) -> None:
        """Write the manifest atomically (temp file and rename): whole or not at all. A cache
        folder that cannot be written costs the next build its shortcut, nothing else (the
        extraction cache warns about it)."""
        try:
            self._write(config)
        except OSError:
            pass

    def _write(self, config: BuildConfig) -> None:
        data = {
            "format": FORMAT, "version": self.version, "seeds": self.seeds, "docs": self.docs,
            "documents": self.documents,
            # vars, not dataclasses.asdict: the same JSON, without a deep copy of 18,000 pages' facts
            "pages": {rel: vars(facts) for rel, facts in sorted(self.pages.items())},
            "files": dict(sorted(self.files.items())),
            "renders": dict(sorted(self.renders.items())),
            "diagnostics": [[d.level, d.file, d.message, d.line] for d in self.diagnostics],
            "summary": dataclasses.asdict(self.summary),
        }
        target = self.path(config)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"))
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def record(config: BuildConfig, version: str, documents: list[Document], found: dict[str, PageFacts],
           written: dict[str, PageFacts], files: list[str], report: Report, summary: WriteSummary,
           renders: dict[str, str] | None = None) -> Manifest:
    """The manifest of a build that just finished writing: every page of docs/ with its facts
    (those of the pages written now, else those read before writing when the file is the one
    read, else read again), the other files it writes (`files`, paths in docs/) and the render
    keys of the pages it put (`renders`)."""
    docs = config.docs
    now: dict[str, PageFacts] = {}
    for rel in pages.page_files(docs):
        try:
            status = pages.stamp((docs / rel).stat())
            facts = written.get(rel) or found.get(rel)
            if facts is None or facts.stamp != status:
                facts = pages.page_facts(rel, (docs / rel).read_bytes(), status)  # renamed, or changed meanwhile
            now[rel] = facts
        except OSError:
            continue
    outputs = {}
    for rel in files:
        try:
            status = pages.stamp((docs / rel).stat())
            outputs[rel] = [status, hashlib.sha256((docs / rel).read_bytes()).hexdigest()]
        except OSError:
            continue
    seeds_at, docs_at = _folders(config)
    keys = {rel: key for rel, key in (renders or {}).items() if rel in now}
    return Manifest(version, seeds_at, docs_at, documents_record(documents), now, outputs, keys, list(report.items), summary)


def _folders(config: BuildConfig) -> tuple[str, str]:
    return str(config.seeds.resolve()), str(config.docs.resolve())


def _facts(item: dict) -> PageFacts:
    facts = PageFacts(**item)
    facts.stamp = tuple(facts.stamp) if facts.stamp is not None else None
    facts.problems = [tuple(p) for p in facts.problems]
    facts.override_warnings = [tuple(p) for p in facts.override_warnings]
    facts.blocking = [tuple(p) for p in facts.blocking]
    return facts
