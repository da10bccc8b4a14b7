"""Time each stage of one build: `python -m bench.stages --seeds S --docs D [--cache C] [--jobs J]`.

The same calls as generator/build.py, one at a time, so that a slow stage shows by name
(the figures the owners of resolve, render and write need). Prints the seconds per stage as
one JSON line.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

T0 = time.perf_counter()

from generator import extract, heap, ingest, pages, render, resolve, write  # noqa: E402
from generator.config import BuildConfig  # noqa: E402
from generator.diagnostics import Report  # noqa: E402
from generator.manifest import Manifest, code_version, record  # noqa: E402
from generator.model import Page  # noqa: E402


def timed_build(config: BuildConfig) -> dict[str, float]:
    """Seconds per stage of one build (plus the import of the generator). A build with nothing
    to do stops after `up_to_date`, as generator/build.py does."""
    times: dict = {"import": round(time.perf_counter() - T0, 3)}
    report = Report()

    def stage(name, function, *args):
        start = time.perf_counter()
        result = function(*args)
        times[name] = round(time.perf_counter() - start, 3)
        return result

    version = stage("version", code_version, config)
    last = stage("read_manifest", Manifest.read, config)
    documents = stage("ingest", ingest.read_corpus, config.seeds, report, None, config.jobs)
    if last is not None and stage("up_to_date", last.up_to_date, version, documents, config.docs):
        times["pages"] = len(last.pages)
        return times
    Manifest.forget(config)
    with heap.stages_kept() as settle:
        found = stage("scan_pages", pages.scan_pages, config.docs, last.page_facts(version) if last else None)
        rendered_before = last.render_keys(version, found) if last else {}
        curation = stage("read_curation", pages.read_curation, config.docs, report, found)
        stage("settle_curation", settle)
        extractions = stage("extract", extract.extract_all, documents, config, report)
        stage("settle_extract", settle)
        briefing = stage("resolve", resolve.resolve, documents, extractions, curation, report)
        del extractions
        stage("settle_resolve", settle)
        site = stage("render", lambda: list(render.render_pages(briefing, rendered_before)))
        files = stage("export", render.site_files, briefing)
        writer = stage("write", write.write_stream, site, lambda: files, config.docs, curation, report, found)
    manifest = stage("record", record, config, version, documents, found, writer.written, writer.files, report, writer.summary,
                     writer.render_keys)
    stage("write_manifest", manifest.write, config)
    times["pages"] = len(site)
    times["rendered"] = sum(1 for page in site if isinstance(page, Page))
    return times


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--seeds", type=Path, required=True)
    p.add_argument("--docs", type=Path, required=True)
    p.add_argument("--cache", type=Path, default=Path(".cache/extract"))
    p.add_argument("--jobs", type=int, default=1)
    args = p.parse_args()
    config = BuildConfig(seeds=args.seeds, docs=args.docs, cache=args.cache, jobs=args.jobs, progress=False)
    print(json.dumps(timed_build(config)))


if __name__ == "__main__":
    main()
