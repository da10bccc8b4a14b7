"""The pipeline, one direction: ingest -> extract -> resolve -> render -> write.

Each stage is a function of plain data; this module only wires them together, with the build
manifest (manifest.py): a build with nothing to do stops after ingest, and the others do not
read again the pages nobody touched since the last build.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from . import extract, heap, ingest, pages, render, resolve, write
from .config import BuildConfig, ConfigError
from .diagnostics import Report
from .manifest import Manifest, code_version, record
from .model import Briefing, Diagnostic, Document, WriteSummary


@dataclass
class BuildResult:
    documents: list[Document]
    # On an up-to-date build, the entities as docs/briefing.json holds them (sources not read).
    briefing: Briefing
    written: WriteSummary
    report: Report
    up_to_date: bool = False  # nothing to do: the pipeline after ingest did not run


def build(config: BuildConfig, report: Report | None = None, use_manifest: bool = True) -> BuildResult:
    """Build the site. `use_manifest=False` runs the whole pipeline and leaves no manifest
    (`check` builds into a throwaway copy of docs/)."""
    report = report or Report()
    version = code_version(config) if use_manifest else ""
    last = Manifest.read(config) if use_manifest else None
    ingested = Report()  # told once it is known whether the last build's report is told instead
    documents = ingest.read_corpus(config.seeds, ingested, jobs=config.jobs)
    if last is not None and last.up_to_date(version, documents, config.docs):
        tell(report, last.diagnostics)
        previous = pages.read_previous(config.docs / "briefing.json", Report())
        return BuildResult(documents, Briefing(sources=[], entities=previous), last.next_summary(), report, up_to_date=True)
    if use_manifest:
        Manifest.forget(config)  # before anything changes: a build killed from here on leaves none
    tell(report, ingested.items)
    with heap.stages_kept() as settle:
        found = pages.scan_pages(config.docs, last.page_facts(version) if last else None)
        rendered_before = last.render_keys(version, found) if last else {}
        curation = pages.read_curation(config.docs, report, found)
        if curation.blocking:
            raise ConfigError("\n".join(str(d) for d in curation.blocking))
        settle()
        extractions = extract.extract_all(documents, config, report)
        settle()
        briefing = resolve.resolve(documents, extractions, curation, report)
        del extractions  # the briefing holds what the pages need; the rest is memory the write stage can use
        settle()
        # Each page is rendered, written and dropped in turn; briefing.json once the pages are written.
        writer = write.write_stream(render.render_pages(briefing, rendered_before), partial(render.site_files, briefing),
                                    config.docs, curation, report, found)
    if use_manifest:
        record(config, version, documents, found, writer.written, writer.files, report, writer.summary,
               writer.render_keys).write(config)
    return BuildResult(documents, briefing, writer.summary, report)


def tell(report: Report, items: list[Diagnostic]) -> None:
    for item in items:
        report.add(item)
