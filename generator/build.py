"""The pipeline, one direction: ingest -> extract -> resolve -> render -> write.

Each stage is a function of plain data; this module only wires them together.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import extract, ingest, pages, render, resolve, write
from .config import BuildConfig, ConfigError
from .diagnostics import Report
from .model import Briefing, Document, WriteSummary


@dataclass
class BuildResult:
    documents: list[Document]
    briefing: Briefing
    written: WriteSummary
    report: Report


def build(config: BuildConfig, report: Report | None = None) -> BuildResult:
    report = report or Report()
    documents = ingest.read_corpus(config.seeds, report)
    curation = pages.read_curation(config.docs, report)
    if curation.blocking:
        raise ConfigError("\n".join(str(d) for d in curation.blocking))
    extractions = extract.extract_all(documents, config, report)
    briefing = resolve.resolve(documents, extractions, curation, report)
    site = render.render_site(briefing)
    written = write.write_site(site, config.docs, curation, report)
    return BuildResult(documents, briefing, written, report)
