"""`make bench` (python -m bench.run): the generator at the scale of a real crisis.

For each corpus size N (default 10, 100, 1000 articles of about 1,000 words, bench/corpus.py)
it measures, each step a fresh process as a user would run it:
- plain spaCy: the model's default pipeline over the same texts through `nlp.pipe`, in one
  process: what a script that only runs spaCy costs (bench/plain_spacy.py);
- generation: `python -m generator build` from an empty cache and an empty docs/;
- unchanged: the same command again (the build manifest finds nothing to do);
- unchanged without the manifest: the same, after deleting the manifest (the whole pipeline);
- one change: one sentence added to one article, then the same command;
- mkdocs: `mkdocs build` of the generated docs/ with the project's mkdocs.yml (bench/site.py);
and the peak memory of each (bench/measure.py). The ratios generation / plain spaCy,
unchanged / generation and one change / generation are computed within one run, so that a
busy machine slows both sides of each ratio.

`--site` (make bench-site) builds the sites for the search measurement instead: corpora of
about 1,000 and 5,000 pages, mkdocs build time and size, and the time to the first search
result in headless Chromium (bench/search.py).

Results: bench/results.json (or --out) and a Markdown table on stdout.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.config import available_cpus

from . import measure
from .corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STATIC = ("assets",)  # files of docs/ kept in the repository, not generated (the stylesheet)
MANIFEST = "build-manifest.json"  # generator/manifest.py: deleting it makes the next build take the whole pipeline


# --------------------------------------------------------------------------- steps


def generate(work: Path, jobs: int) -> measure.Measured:
    command = [PYTHON, "-m", "generator", "build", "--seeds", str(work / "seeds"), "--docs", str(work / "docs"),
               "--cache", str(work / "cache"), "--jobs", str(jobs), "--quiet"]
    result = measure.run(command, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"the build failed ({' '.join(command)}):\n{result.stderr[-3000:]}")
    return result


def change_one_article(seeds: Path) -> Path:
    """Add a sentence to the article in the middle of the corpus (a correction, an update)."""
    files = sorted(p for p in seeds.iterdir() if p.is_file())
    article = files[len(files) // 2]
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\nUpdate: Officials in Geneva said on Monday that the talks would resume next week.\n", encoding="utf-8")
    return article


def mkdocs(work: Path) -> tuple[measure.Measured, dict]:
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    result = measure.run([PYTHON, "-m", "bench.site", str(work / "docs"), str(site)], cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs failed:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    index = site / "search" / "search_index.json"
    report.update({
        "site_mb": round(folder_bytes(site) / 1e6, 1),
        "search_index_mb": round(index.stat().st_size / 1e6, 2) if index.exists() else None,
        "html_pages": sum(1 for _ in site.rglob("index.html")),
    })
    return result, report


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def plain_spacy(seeds: Path) -> tuple[measure.Measured, dict]:
    result = measure.run([PYTHON, "-m", "bench.plain_spacy", str(seeds)], cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"the plain spaCy pass failed:\n{result.stderr[-3000:]}")
    return result, json.loads(result.stdout.strip().splitlines()[-1])


def site_counts(docs: Path) -> dict:
    """Pages and entities of the generated site (from briefing.json)."""
    export = json.loads((docs / "briefing.json").read_text(encoding="utf-8"))
    entities = export.get("entities", [])
    counts = {kind: sum(1 for e in entities if e.get("kind") == kind) for kind in ("actor", "place", "treaty", "event")}
    counts["sources"] = len(export.get("sources", []))
    counts["pages"] = sum(1 for p in docs.rglob("*.md") if not p.name.endswith(".hidden.md"))
    return counts


def prepare(work: Path, n: int, seed: int) -> None:
    for name in ("docs", "cache", "site"):
        shutil.rmtree(work / name, ignore_errors=True)
    write_corpus(work / "seeds", n, seed)
    for folder in STATIC:
        if (ROOT / "docs" / folder).is_dir():
            shutil.copytree(ROOT / "docs" / folder, work / "docs" / folder)


# --------------------------------------------------------------------------- one corpus size


def bench_size(work: Path, n: int, jobs: int, seed: int) -> dict:
    prepare(work, n, seed)
    row: dict = {"n": n, "jobs": jobs, "load_before": os.getloadavg()[0]}
    say(f"N={n}: plain spaCy pass")
    spacy_run, spacy_report = plain_spacy(work / "seeds")
    row.update(words=spacy_report["words"], plain_spacy=spacy_run.json() | {"pipe_seconds": spacy_report["pipe_seconds"]})
    say(f"N={n}: full generation ({jobs} jobs)")
    row["generation"] = generate(work, jobs).json()
    row["counts"] = site_counts(work / "docs")
    stamps = mtimes(work / "docs")
    say(f"N={n}: unchanged rebuild")
    row["unchanged"] = generate(work, jobs).json()
    row["unchanged"]["files_touched"] = sum(1 for p, t in mtimes(work / "docs").items() if stamps.get(p) != t)
    say(f"N={n}: unchanged rebuild without the build manifest (the whole pipeline)")
    (work / "cache" / MANIFEST).unlink(missing_ok=True)
    row["unchanged_full_path"] = generate(work, jobs).json()
    row["unchanged_full_path"]["files_touched"] = sum(1 for p, t in mtimes(work / "docs").items() if stamps.get(p) != t)
    say(f"N={n}: one article changed")
    change_one_article(work / "seeds")
    row["one_change"] = generate(work, jobs).json()
    say(f"N={n}: mkdocs build ({row['counts']['pages']} pages)")
    mkdocs_run, mkdocs_report = mkdocs(work)
    row["mkdocs"] = mkdocs_run.json() | mkdocs_report
    row["load_after"] = os.getloadavg()[0]
    row["ratios"] = ratios(row)
    return row


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def ratios(row: dict) -> dict:
    full = row["generation"]["seconds"]
    return {
        "generation_over_plain_spacy": round(full / row["plain_spacy"]["seconds"], 3),
        "unchanged_over_full": round(row["unchanged"]["seconds"] / full, 3),
        "unchanged_full_path_over_full": round(row["unchanged_full_path"]["seconds"] / full, 3),
        "one_change_over_full": round(row["one_change"]["seconds"] / full, 3),
        "mkdocs_ms_per_page": round(1000 * row["mkdocs"]["seconds"] / max(1, row["counts"]["pages"]), 1),
    }


# --------------------------------------------------------------------------- sites for search


def bench_site(work: Path, n: int, jobs: int, seed: int, runs: int) -> dict:
    from .search import VARIANTS, first_result

    prepare(work, n, seed)
    say(f"site of N={n} articles: generation")
    generation = generate(work, jobs)
    counts = site_counts(work / "docs")
    say(f"site of N={n} articles: mkdocs build ({counts['pages']} pages)")
    mkdocs_run, mkdocs_report = mkdocs(work)
    query = search_query(work / "docs")
    search = {}
    for variant in VARIANTS:  # pagefind last: it adds its bundle to the site
        if variant == "pagefind" and importlib.util.find_spec("pagefind") is None:
            say("pagefind is not installed (pip install 'pagefind[extended]==1.5.2'): its variant is skipped")
            continue
        say(f"site of N={n} articles: first search result for {query!r} in Chromium ({variant})")
        search[variant] = first_result(work / "site", query, runs, variant)
    return {"n": n, "counts": counts, "generation": generation.json(), "mkdocs": mkdocs_run.json() | mkdocs_report, "search": search}


def search_query(docs: Path) -> str:
    """The surname of the most mentioned person: a search a reader of this crisis would make."""
    export = json.loads((docs / "briefing.json").read_text(encoding="utf-8"))
    people = [e for e in export["entities"] if e.get("kind") == "actor" and e.get("type") == "person"]
    return max(people, key=lambda e: (len(e.get("mentions", [])), e["id"]))["name"].split()[-1]


# --------------------------------------------------------------------------- output


def machine() -> dict:
    def version(package: str) -> str:
        from importlib.metadata import version as installed

        return installed(package)

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return {"cpus": available_cpus(), "python": platform.python_version(), "spacy": version("spacy"), "mkdocs": version("mkdocs"),
            "mkdocs_material": version("mkdocs-material"), "commit": commit, "date": time.strftime("%Y-%m-%d")}


def table(rows: list[dict]) -> str:
    lines = [
        "| N | words | pages | plain spaCy | generation | gen / spaCy | unchanged | unch. / gen | unchanged, no manifest | / gen | one change | one / gen | mkdocs | ms / page | peak memory |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        q = r["ratios"]
        peak = max(r[k]["peak_pss_mb"] for k in ("generation", "unchanged", "unchanged_full_path", "one_change"))
        lines.append(
            f"| {r['n']:,} | {r['words']:,} | {r['counts']['pages']:,} | {r['plain_spacy']['seconds']:.1f} s | {r['generation']['seconds']:.1f} s "
            f"| {q['generation_over_plain_spacy']:.2f}x | {r['unchanged']['seconds']:.1f} s | {100 * q['unchanged_over_full']:.1f} % "
            f"| {r['unchanged_full_path']['seconds']:.1f} s | {100 * q['unchanged_full_path_over_full']:.1f} % "
            f"| {r['one_change']['seconds']:.1f} s | {100 * q['one_change_over_full']:.1f} % | {r['mkdocs']['seconds']:.1f} s "
            f"| {q['mkdocs_ms_per_page']:.1f} | {peak:.0f} MB |"
        )
    return "\n".join(lines)


def site_table(rows: list[dict]) -> str:
    lines = ["| N | pages | mkdocs | ms / page | site | search | index | first result (from typing) | from navigation |",
             "|---:|---:|---:|---:|---:|---|---:|---:|---:|"]
    for r in rows:
        m = r["mkdocs"]
        for variant, s in r["search"].items():
            size = s.get("bundle_mb", s["index_mb"])
            lines.append(f"| {r['n']:,} | {r['counts']['pages']:,} | {m['seconds']:.1f} s | {1000 * m['seconds'] / r['counts']['pages']:.1f} "
                         f"| {m['site_mb']:.0f} MB | {variant} | {size} MB | {s['median_from_typing']:.2f} s | {s['median_from_navigation']:.2f} s |")
    return "\n".join(lines)


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default=None, help="corpus sizes, comma-separated (default 10,100,1000; with --site 35,250: about 1,000 and 5,000 pages)")
    p.add_argument("--jobs", type=int, default=available_cpus(), help="processes for the generator (default: the CPUs available)")
    p.add_argument("--work", type=Path, default=ROOT / ".cache" / "bench", help="where corpora and sites are built (default .cache/bench)")
    p.add_argument("--out", type=Path, default=None, help="results file (default bench/results.json; bench/site-results.json with --site)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--site", action="store_true", help="build the sites for the search measurement (make bench-site)")
    p.add_argument("--runs", type=int, default=3, help="browser runs per site (--site)")
    args = p.parse_args(argv)
    sizes = [int(s) for s in (args.sizes or ("35,250" if args.site else "10,100,1000")).split(",")]
    out = args.out or ROOT / "bench" / ("site-results.json" if args.site else "results.json")
    rows = []
    for n in sizes:
        work = args.work / f"n{n}"
        rows.append(bench_site(work, n, args.jobs, args.seed, args.runs) if args.site else bench_size(work, n, args.jobs, args.seed))
        out.write_text(json.dumps({"machine": machine(), "results": rows}, indent=2) + "\n", encoding="utf-8")
    print(site_table(rows) if args.site else table(rows))


if __name__ == "__main__":
    main()
