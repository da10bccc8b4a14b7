"""Time each stage of one build: `python -m bench.stages --seeds S --docs D [--cache C] [--jobs J]`.

The same calls as generator/build.py, one at a time, so that a slow stage shows by name
(the figures the owners of resolve, render and write need). Prints one line per stage.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

T0 = time.perf_counter()

from generator import extract, ingest, pages, render, resolve, write  # noqa: E402
from generator.config import BuildConfig  # noqa: E402
from generator.diagnostics import Report  # noqa: E402


def timed_build(config: BuildConfig) -> dict[str, float]:
    """Seconds per stage of one build (plus the import of the generator)."""
    times = {"import": time.perf_counter() - T0}
    report = Report()

    def stage(name, function, *args):
        start = time.perf_counter()
        result = function(*args)
        times[name] = round(time.perf_counter() - start, 3)
        return result

    documents = stage("ingest", ingest.read_corpus, config.seeds, report)
    curation = stage("read_curation", pages.read_curation, config.docs, report)
    extractions = stage("extract", extract.extract_all, documents, config, report)
    briefing = stage("resolve", resolve.resolve, documents, extractions, curation, report)
    site = stage("render", render.render_site, briefing)
    stage("write", write.write_site, site, config.docs, curation, report)
    times["import"] = round(times["import"], 3)
    times["pages"] = len(site.pages)
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
