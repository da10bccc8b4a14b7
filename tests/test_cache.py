"""The extraction cache and the parallel extractor: a rebuild analyses only what changed, gets
exactly what a fresh analysis would, and survives bad entries, kills and odd folders."""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from generator import cache, extract, ingest
from generator.extract import pipeline
from generator.cache import ExtractionCache, code_files, document_key, pipeline_version
from generator.config import BuildConfig, ConfigError, model_package
from generator.diagnostics import Report
from generator.model import DateValue, Document, Extraction, Mention, from_json, to_json

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def documents(seeds: Path = SEEDS):
    return ingest.read_corpus(seeds, Report())


def run(seeds: Path, cache_folder: Path, jobs: int = 1, report: Report | None = None) -> list[Extraction]:
    config = BuildConfig(seeds=seeds, docs=cache_folder.parent / "docs", cache=cache_folder, jobs=jobs, progress=False)
    return extract.extract_all(documents(seeds), config, report or Report())


def entries(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if cache.ENTRY.match(p.name)}


@pytest.fixture(scope="module")
def seed_extractions(tmp_path_factory) -> list[Extraction]:
    """The seeds analysed once, in one process, with an empty cache."""
    return run(SEEDS, tmp_path_factory.mktemp("seeds-cache") / "cache")


# --------------------------------------------------------------------------- the entry format


@pytest.mark.slow
def test_every_seed_extraction_round_trips_exactly_through_json(seed_extractions):
    for found in seed_extractions:
        data = json.loads(json.dumps(to_json(found)))
        assert from_json(Extraction, data) == found


def test_from_json_reads_every_shape_of_the_model():
    data = {"doc_id": "d", "sentences": [{"paragraph": 1, "start": 0, "end": 3, "text": "Hi."}],
            "mentions": [{"text": "NATO's", "name": "NATO", "kind": "actor", "type": None, "sentence": 0, "start": 0, "end": 6,
                          "key": "org:nato"}],
            "dates": [{"text": "in 1987", "sentence": 0, "start": 0, "end": 7, "value": {"start": "1987-01-01", "end": "1987-12-31", "precision": "year"}},
                      {"text": "someday", "sentence": 0, "start": 0, "end": 7, "value": None}],
            "events": [{"name": "x", "trigger": "meet", "sentence": 0, "date": None, "place": 0, "participants": [0, 1]}],
            "acronyms": {"INF": "Intermediate-Range Nuclear Forces"}}
    extraction = from_json(Extraction, data)
    assert extraction.mentions[0] == Mention("NATO's", "NATO", "actor", None, 0, 0, 6, key="org:nato")
    assert extraction.mentions[0].role is None and extraction.mentions[0].parties == []  # fields the entry lacks take their defaults
    assert extraction.dates[0].value == DateValue("1987-01-01", "1987-12-31", "year") and extraction.dates[1].value is None
    assert extraction.events[0].participants == [0, 1] and extraction.events[0].treaties == []
    assert extraction.acronyms == {"INF": "Intermediate-Range Nuclear Forces"}
    assert to_json(extraction) == to_json(from_json(Extraction, to_json(extraction)))
    document = from_json(Document, {"id": "a", "path": "a.md", "title": "A", "date": "2022-01-08", "paragraphs": [], "content_hash": "0"})
    assert document.date == date(2022, 1, 8)


# --------------------------------------------------------------------------- the key


def test_the_key_changes_with_the_text_the_date_the_file_name_and_the_version():
    document = documents()[0]
    key = document_key(document, "v1")
    paragraph = document.paragraphs[-1]
    edited = dataclasses.replace(document, paragraphs=document.paragraphs[:-1] + [dataclasses.replace(paragraph, text=paragraph.text + " More.")])
    assert document_key(edited, "v1") != key
    assert document_key(dataclasses.replace(document, date=None), "v1") != key  # relative dates hang on it
    assert document_key(dataclasses.replace(document, id="renamed"), "v1") != key
    assert document_key(document, "v2") != key
    assert document_key(dataclasses.replace(document), "v1") == key


def test_the_version_covers_every_module_the_extractor_imports_and_nothing_else(tmp_path):
    package = tmp_path / "generator"
    files = {
        "__init__.py": "",
        "extract/__init__.py": "from ..cache import Cache\nfrom . import steps\n\ndef later():\n    from generator import lazy\n",
        "extract/steps.py": "import json\nfrom .. import gazetteer\ntry:\n    from ..optional import thing\nexcept ImportError:\n    pass\n",
        "cache.py": "from .model import X\n", "model.py": "", "gazetteer.py": "", "lazy.py": "", "optional.py": "",
        "render.py": "from .model import X\n",  # not reached from extract/
        "data/countries.yml": "- a\n",
    }
    for rel, text in files.items():
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text(text)
    names = {f.relative_to(package).as_posix() for f in code_files(package)}
    assert names == {"__init__.py", "extract/__init__.py", "extract/steps.py", "cache.py", "model.py", "gazetteer.py", "lazy.py", "optional.py"}

    version = pipeline_version(None, package)
    (package / "render.py").write_text("# another template helper\n")
    assert pipeline_version(None, package) == version
    for rel in ("lazy.py", "optional.py", "data/countries.yml", "extract/steps.py"):
        (package / rel).write_text((package / rel).read_text() + "\n# changed\n")
        assert pipeline_version(None, package) != version, rel
        version = pipeline_version(None, package)


def test_the_model_is_identified_without_loading_it_and_as_the_pipeline_loads_it():
    from generator.extract import pipeline

    meta = cache.model_meta(model_package(None))
    nlp = pipeline.load(None)
    assert (meta["name"], meta["version"]) == (nlp.meta["name"], nlp.meta["version"])
    with pytest.raises(ConfigError, match="not installed"):
        model_package("en_no_such_model")


# --------------------------------------------------------------------------- builds


@pytest.mark.slow
def test_a_rebuild_analyses_only_new_or_changed_documents(tmp_path, seed_extractions):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    folder = tmp_path / "cache"
    first = run(seeds, folder)
    assert first == seed_extractions
    stored = entries(folder)
    assert len(stored) == len(first)

    # unchanged: every document from the cache, no file rewritten
    stamps = {name: os.stat(folder / name).st_mtime_ns for name in stored}
    assert run(seeds, folder) == first
    assert {name: os.stat(folder / name).st_mtime_ns for name in entries(folder)} == stamps

    # a front matter date changes (relative dates hang on it), another file is renamed: two new entries
    changed = seeds / "aukus-france-recalls-ambassadors-2021-09-18.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("date: 2021-09-18", "date: 2021-09-25"), encoding="utf-8")
    os.rename(seeds / "geneva-summit-2021-06-17.txt", seeds / "summit-in-geneva.txt")
    again = run(seeds, folder)
    assert len(entries(folder) - stored) == 2 and len(stored - entries(folder)) == 2  # the old entries are pruned
    fresh = run(seeds, tmp_path / "fresh-cache")
    assert again == fresh
    aukus = next(e for e in again if e.doc_id.startswith("aukus"))
    assert aukus != next(e for e in first if e.doc_id.startswith("aukus"))  # its dates moved a week


@pytest.mark.slow
def test_results_do_not_depend_on_processes_or_on_which_documents_are_analysed_together(tmp_path, seed_extractions):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    write_corpus(tmp_path / "bench", 12, seed=7)
    for path in (tmp_path / "bench").iterdir():
        shutil.copy(path, seeds)
    together = run(seeds, tmp_path / "one", jobs=1)
    assert run(seeds, tmp_path / "two", jobs=2) == together
    by_id = {e.doc_id: e for e in together}
    assert [by_id[e.doc_id] for e in seed_extractions] == seed_extractions  # next to other documents
    alone = [found for document in documents(seeds) for _, found in extract.analyse([document], None)]
    assert {e.doc_id: e for e in alone} == by_id


@pytest.mark.slow
def test_bad_entries_are_misses_that_the_build_repairs(tmp_path, seed_extractions):
    folder = tmp_path / "cache"
    first = run(SEEDS, folder)
    names = sorted(entries(folder))
    (folder / names[0]).write_bytes((folder / names[0]).read_bytes()[:100])  # truncated (a power cut)
    (folder / names[1]).write_text("not json at all")
    other = json.loads((folder / names[3]).read_text())
    other["key"] = "0" * 32
    (folder / names[2]).write_text(json.dumps(other))  # another document's entry under this name
    (folder / names[3]).write_text(json.dumps({"format": cache.FORMAT, "key": names[3][:-5], "extraction": {"sentences": 3}}))
    report = Report()
    assert run(SEEDS, folder, report=report) == first
    assert report.items == []
    for name in names[:4]:
        assert json.loads((folder / name).read_text())["key"] == name[:-5]


@pytest.mark.slow
def test_the_cache_keeps_only_this_builds_entries_and_never_other_files(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    stale = folder / ("f" * 32 + ".json")
    stale.write_text("{}")
    leftover = folder / f"{cache.TEMP_PREFIX}abc"
    leftover.write_text("half an entry")
    mine = folder / "notes.json"
    mine.write_text("a person's file")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "russia-leaves-open-skies-2021-12-18.txt", seeds)
    run(seeds, folder)
    assert not stale.exists() and not leftover.exists() and mine.exists()
    assert len(entries(folder)) == 1


def test_a_cache_inside_docs_or_seeds_is_refused(tmp_path):
    for inside in (tmp_path / "docs" / ".cache", tmp_path / "seeds" / "cache", tmp_path / "docs"):
        config = BuildConfig(seeds=tmp_path / "seeds", docs=tmp_path / "docs", cache=inside)
        with pytest.raises(ConfigError, match="--cache"):
            ExtractionCache.for_build(config)


@pytest.mark.slow
def test_an_unwritable_cache_is_a_warning_and_the_build_completes(tmp_path, seed_extractions):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    report = Report()
    assert run(SEEDS, blocked, report=report) == seed_extractions
    assert [d.file for d in report.warnings] == [blocked.as_posix()]
    assert "analyse every document again" in report.warnings[0].message


@pytest.mark.slow
def test_a_document_that_breaks_the_analysis_is_an_error_naming_it_and_the_others_are_kept(tmp_path, seed_extractions):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "long.txt").write_text("Long\n\n" + "Sentence of a long paragraph. " * 300 + "\n", encoding="utf-8")
    nlp = pipeline.load(None)
    limit = nlp.max_length
    nlp.max_length = 5_000  # spaCy refuses a text longer than this: a real way for the analysis to fail
    try:
        report = Report()
        found = run(seeds, tmp_path / "cache", report=report)
    finally:
        nlp.max_length = limit
    assert [(d.level, d.file) for d in report.items if "analysed" in d.message] == [("error", (seeds / "long.txt").as_posix())]
    assert next(e for e in found if e.doc_id == "long") == Extraction(doc_id="long")
    assert [e for e in found if e.doc_id != "long"] == seed_extractions
    assert len(entries(tmp_path / "cache")) == len(seed_extractions)  # the failure is not cached


def test_a_paragraph_too_long_to_be_prose_is_left_out_with_a_warning_and_the_rest_is_analysed(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "dump.txt").write_text("Dump\n\nThe delegations met in Geneva on Monday.\n\n" + "word " * 10_000 + "\n", encoding="utf-8")
    report = Report()
    [found] = run(seeds, tmp_path / "cache", report=report)
    [warning] = [d for d in report.items if "not analysed" in d.message]
    assert (warning.level, warning.file, warning.line) == ("warning", (seeds / "dump.txt").as_posix(), 5)
    assert [m.name for m in found.mentions] == ["Geneva"]


@pytest.mark.slow
def test_a_killed_build_leaves_only_whole_entries_and_the_next_build_finishes_the_work(tmp_path):
    seeds, folder = tmp_path / "seeds", tmp_path / "cache"
    write_corpus(seeds, 40, seed=3)
    command = [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"),
               "--cache", str(folder), "--quiet", "--jobs", "1"]
    build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while (not folder.is_dir() or len(entries(folder)) < 3) and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.05)
    build.send_signal(signal.SIGKILL)
    build.wait()
    written = entries(folder)
    assert 3 <= len(written) < 40
    for name in written:
        assert json.loads((folder / name).read_text())["key"] == name[:-5]
    finished = run(seeds, folder)
    assert written <= entries(folder) and len(entries(folder)) == 40
    assert finished == run(seeds, tmp_path / "fresh")


@pytest.mark.slow
def test_an_unchanged_rebuild_loads_no_model_and_touches_no_page(tmp_path):
    """The whole build, twice, in fresh processes: the second reads every extraction from the
    cache (no spaCy pipeline, no extraction step imported) and rewrites nothing in docs/."""
    docs = tmp_path / "docs"
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from generator.build import build\n"
        "from generator.config import BuildConfig\n"
        f"result = build(BuildConfig(seeds=Path({str(SEEDS)!r}), docs=Path({str(docs)!r}), cache=Path({str(tmp_path / 'cache')!r}), progress=False))\n"
        "print(json.dumps({'written': len(result.written.written), 'unchanged': len(result.written.unchanged),\n"
        "                  'modules': sorted(m for m in sys.modules if m.startswith('generator.extract'))}))\n"
    )

    def build_once() -> dict:
        out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    first = build_once()
    assert first["written"] > 0 and "generator.extract.pipeline" in first["modules"]
    stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    time.sleep(0.05)
    second = build_once()
    assert second["written"] == 0 and second["unchanged"] == first["written"]
    assert second["modules"] == ["generator.extract"]  # neither the pipeline nor any step was imported
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()} == stamps
