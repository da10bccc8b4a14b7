"""The build manifest: a build with nothing to do stops early, any difference takes the whole
pipeline, and a killed build leaves no manifest behind."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import build as pipeline
from generator import pages
from generator.config import BuildConfig
from generator.diagnostics import Report
from generator.manifest import Manifest, code_version
from generator.model import Page, UnchangedPage

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("geneva-summit-2021-06-17.txt", "us-leaves-open-skies-2020-11-23.md")


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory) -> Path:
    """An extraction cache holding the sources' analyses, so each test's builds skip spaCy."""
    root = tmp_path_factory.mktemp("warm")
    config = corpus(root)
    pipeline.build(config)
    return config.cache


def corpus(root: Path, cache: Path | None = None) -> BuildConfig:
    (root / "seeds").mkdir()
    for name in SOURCES:
        shutil.copy(ROOT / "seeds" / name, root / "seeds" / name)
    (root / "seeds" / "notes.docx").write_bytes(b"PK\x03\x04 not a document the generator reads")  # a warning every build
    if cache is not None:
        shutil.copytree(cache, root / "cache")
    return BuildConfig(seeds=root / "seeds", docs=root / "docs", cache=root / "cache", progress=False)


@pytest.fixture
def built(tmp_path, warm_cache):
    """A site built once: (config, its first result)."""
    config = corpus(tmp_path, warm_cache)
    return config, pipeline.build(config, Report())


def stamps(docs: Path) -> dict[str, int]:
    return {p.relative_to(docs).as_posix(): p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}


def a_page(docs: Path, folder: str = "actors") -> Path:
    return sorted((docs / folder).glob("*.md"))[0]


def test_an_unchanged_rebuild_has_nothing_to_do_and_says_what_the_last_build_said(built):
    config, first = built
    before = stamps(config.docs)
    report = Report()
    again = pipeline.build(config, report)
    assert again.up_to_date
    assert stamps(config.docs) == before
    assert report.items == first.report.items and any("notes.docx" in d.file for d in report.items)
    assert again.written.written == [] and sorted(again.written.unchanged) == sorted(first.written.written)
    assert {(e.kind, e.id) for e in again.briefing.entities} == {(e.kind, e.id) for e in first.briefing.entities}
    assert len(again.documents) == len(first.documents)


def test_what_the_shortcut_skips_is_what_the_whole_pipeline_would_do(built):
    """The shortcut relies on a rebuild being a fixed point: without the manifest, the whole
    pipeline over the same inputs writes nothing either."""
    config, _ = built
    before = stamps(config.docs)
    Manifest.path(config).unlink()
    again = pipeline.build(config, Report())
    assert not again.up_to_date and again.written.written == [] and stamps(config.docs) == before


def test_a_page_a_person_edited_takes_the_whole_pipeline_and_keeps_the_edit(built):
    config, _ = built
    page = a_page(config.docs)
    page.write_text(page.read_text(encoding="utf-8") + "\nA note a person wrote.\n", encoding="utf-8")
    result = pipeline.build(config, Report())
    assert not result.up_to_date
    assert page.read_text(encoding="utf-8").endswith("A note a person wrote.\n")
    assert pipeline.build(config, Report()).up_to_date  # and the next one has nothing to do


def test_a_touched_but_identical_page_takes_the_whole_pipeline_which_writes_nothing(built):
    config, _ = built
    page = a_page(config.docs)
    os.utime(page)
    before = stamps(config.docs)
    result = pipeline.build(config, Report())
    assert not result.up_to_date and result.written.written == [] and stamps(config.docs) == before


def test_a_deleted_page_takes_the_whole_pipeline_which_writes_it_again(built):
    config, _ = built
    page = a_page(config.docs, "events")
    text = page.read_text(encoding="utf-8")
    page.unlink()
    result = pipeline.build(config, Report())
    assert not result.up_to_date and page.read_text(encoding="utf-8") == text


def test_a_new_file_in_docs_takes_the_whole_pipeline(built):
    config, _ = built
    (config.docs / "notes.md").write_text("# Our notes\n", encoding="utf-8")
    assert not pipeline.build(config, Report()).up_to_date


def test_a_changed_seed_takes_the_whole_pipeline(built):
    config, first = built
    seed = config.seeds / SOURCES[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nThe talks ended on Thursday, officials said.\n", encoding="utf-8")
    result = pipeline.build(config, Report())
    assert not result.up_to_date and result.written.written  # the source page at least


def test_a_seed_restored_with_its_old_time_is_still_a_change(built):
    config, _ = built
    seed = config.seeds / SOURCES[1]
    status = seed.stat()
    seed.write_bytes(seed.read_bytes().replace(b"Open Skies", b"Open Seas", 1))
    os.utime(seed, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert not pipeline.build(config, Report()).up_to_date


def test_a_changed_template_changes_the_code_version(tmp_path, built):
    config, _ = built
    package = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_version(config, package)
    assert code_version(config, package) == before
    template = package / "templates" / "actor.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert code_version(config, package) != before
    manifest = Manifest.read(config)
    assert manifest is not None and not manifest.up_to_date("another version", pipeline.ingest.read_corpus(config.seeds, Report()), config.docs)


def test_another_docs_folder_does_not_use_the_manifest(built):
    config, _ = built
    other = BuildConfig(seeds=config.seeds, docs=config.docs.parent / "other-docs", cache=config.cache, progress=False)
    assert Manifest.read(other) is None
    result = pipeline.build(other, Report())
    assert not result.up_to_date and (other.docs / "index.md").is_file()


def test_a_killed_build_leaves_no_manifest_and_the_next_build_does_the_work(built, monkeypatch):
    config, first = built
    seed = config.seeds / SOURCES[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nThe talks ended on Thursday, officials said.\n", encoding="utf-8")
    real_put = pipeline.write._SiteWriter._put
    calls = []

    def killed_after_three_files(self, *args, **kwargs):
        if len(calls) == 3:
            raise KeyboardInterrupt  # what Ctrl-C does in the middle of the write stage
        calls.append(args[0])
        return real_put(self, *args, **kwargs)

    monkeypatch.setattr(pipeline.write._SiteWriter, "_put", killed_after_three_files)
    with pytest.raises(KeyboardInterrupt):
        pipeline.build(config, Report())
    assert not Manifest.path(config).exists()
    monkeypatch.undo()
    finished = pipeline.build(config, Report())
    assert not finished.up_to_date and Manifest.path(config).exists()
    assert pipeline.build(config, Report()).up_to_date


def test_a_broken_manifest_is_ignored(built):
    config, _ = built
    Manifest.path(config).write_text('{"format": 1, "version": ', encoding="utf-8")
    result = pipeline.build(config, Report())
    assert not result.up_to_date and Manifest.read(config) is not None


def test_check_leaves_no_manifest(tmp_path, warm_cache):
    from generator.check import check

    config = corpus(tmp_path, warm_cache)
    pipeline.build(config)
    Manifest.path(config).unlink()
    assert check(config, open(os.devnull, "w")) == 0
    assert not Manifest.path(config).exists()


def test_a_page_nobody_touched_is_not_read_again(built):
    config, _ = built
    recorded = Manifest.read(config).pages
    rel = sorted(recorded)[0]
    found = pages.scan_pages(config.docs, recorded)
    assert found[rel] is recorded[rel]
    os.utime(config.docs / rel)
    assert pages.scan_pages(config.docs, recorded)[rel] is not recorded[rel]


def test_the_recorded_facts_are_the_facts_of_the_files(built):
    config, _ = built
    recorded = Manifest.read(config).pages
    assert recorded and recorded == pages.scan_pages(config.docs)


def test_a_cache_that_cannot_be_written_costs_the_shortcut_and_nothing_else(tmp_path, warm_cache):
    config = corpus(tmp_path)
    config.cache.write_text("a file where the cache folder should be\n", encoding="utf-8")
    report = Report()
    result = pipeline.build(config, report)
    assert not result.up_to_date and (config.docs / "index.md").is_file()
    assert any("cache" in d.message for d in report.warnings)  # the extraction cache says why
    assert not pipeline.build(config, Report()).up_to_date


def test_a_document_whose_date_changed_with_the_day_is_another_document():
    # a publication date in the future is left out until that day: same bytes, another Document
    from datetime import date

    from generator.manifest import documents_record
    from generator.model import Document

    before = Document(id="a", path="a.md", title="A", date=None, paragraphs=[], content_hash="0")
    after = Document(id="a", path="a.md", title="A", date=date(2030, 1, 1), paragraphs=[], content_hash="0")
    assert documents_record([before]) != documents_record([after])


# ------------------------------------------------------------------ pages not rendered again


def render_spy(monkeypatch) -> list:
    """What the render stage hands the writer, page by page (the stage itself runs as it is)."""
    handed = []
    real = pipeline.render.render_pages

    def render_pages(*args, **kwargs):
        for page in real(*args, **kwargs):
            handed.append(page)
            yield page

    monkeypatch.setattr(pipeline.render, "render_pages", render_pages)
    return handed


def test_after_a_changed_seed_only_pages_whose_data_changed_are_rendered_and_the_result_is_the_whole_pipelines(built, monkeypatch):
    config, _ = built
    seed = config.seeds / SOURCES[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nThe talks ended on Thursday, officials said.\n", encoding="utf-8")
    handed = render_spy(monkeypatch)
    result = pipeline.build(config, Report())
    rendered = {p.path for p in handed if isinstance(p, Page)}
    assert rendered and any(isinstance(p, UnchangedPage) for p in handed)
    assert {p for p in result.written.written if p.endswith(".md")} <= rendered  # every page written was rendered
    assert "sources/us-leaves-open-skies-2020-11-23.md" not in rendered  # the other source's page: same data
    # The whole pipeline (no manifest, every page rendered) writes nothing over this result.
    before = stamps(config.docs)
    Manifest.path(config).unlink()
    assert pipeline.build(config, Report()).written.written == [] and stamps(config.docs) == before


def test_a_page_a_person_touched_edited_or_hid_is_rendered_again(built):
    config, _ = built
    version = code_version(config)
    manifest = Manifest.read(config)

    def reusable() -> dict[str, str]:
        return manifest.render_keys(version, pages.scan_pages(config.docs, manifest.page_facts(version)))

    touched, edited, hidden = sorted((config.docs / "actors").glob("*.md"))[:3]
    assert {"actors/" + p.name for p in (touched, edited, hidden)} <= set(reusable())
    os.utime(touched)
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA note a person wrote.\n", encoding="utf-8")
    hidden.write_text(hidden.read_text(encoding="utf-8").replace("\n---\n", "\nhidden: true\n---\n", 1), encoding="utf-8")
    keys = reusable()
    assert not {"actors/" + p.name for p in (touched, edited, hidden)} & set(keys)
    missing = set(manifest.renders) - set(keys) - {"actors/" + p.name for p in (touched, edited, hidden)}
    assert not missing, {rel: manifest.pages[rel] for rel in missing}
    assert manifest.render_keys("another version", pages.scan_pages(config.docs)) == {}
