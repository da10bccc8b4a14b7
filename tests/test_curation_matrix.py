"""Every kind of human edit x every kind of regeneration: the edit survives, and the build
says what it did.

The first part runs the write stage on sites built by hand (the regenerations are RenderedSite
variants); the second part (marked slow) runs the real pipeline on a copy of seeds/.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.diagnostics import Report
from generator.model import Page, RenderedSite
from generator.pages import parse, read_curation
from generator.write import write_site

# --------------------------------------------------------------------------- the edits


@dataclass(frozen=True)
class Edit:
    kind: str  # the page it is made on: actor | event
    front_matter: str = ""  # a line (or lines) a person adds to the front matter
    body: tuple[str, str] | None = None  # (old, new): a replacement in the page body

    @property
    def evidence(self) -> str:
        """Text that must still be in the file, byte for byte, after any build."""
        return self.front_matter or self.body[1]


EDITS = {
    "text in the human area": Edit("actor", body=("\n[//]: # (generated:begin mentions", "\nAnalyst's note: *check* the 2019 figures.\n\n[//]: # (generated:begin mentions")),
    "title": Edit("actor", front_matter="title: North Atlantic Alliance\n"),
    "name": Edit("actor", front_matter="name: 'NATO (alliance)'   # as the desk writes it\n"),
    "aliases": Edit("actor", front_matter="aliases:\n  - the Alliance\n  - OTAN\n"),
    "type": Edit("actor", front_matter="type: organization\n"),
    "summary": Edit("actor", front_matter="summary: >-\n  A military alliance of\n  North American and European states.\n"),
    "hidden": Edit("actor", front_matter="hidden: true\n"),
    "merge_into": Edit("actor", front_matter="merge_into: actors/other\n"),
    "date": Edit("event", front_matter="date: 2021-06-16\n"),
    "inside a generated block": Edit("actor", body=("- NATO met in Brussels", "- NATO met in Brussels on 14 June (corrected)")),
}
PAGE = {"actor": "actors/nato.md", "event": "events/geneva-summit.md"}

# --------------------------------------------------------------------------- the regenerations


def actor(id_: str, *mentions: str) -> Page:
    return Page(f"actors/{id_}.md", {"tags": ["organization"]}, [("header", f"# {id_}"), ("mentions", "\n".join(mentions))], id=id_, kind="actor")


def event(id_: str, *lines: str) -> Page:
    return Page(f"events/{id_}.md", {"tags": ["event"]}, [("header", f"# {id_}"), ("body", "\n".join(lines))], id=id_, kind="event")


REGENERATIONS = {
    "same sources": lambda: [actor("nato", "- NATO met in Brussels"), event("geneva-summit", "Biden and Putin meet."), actor("other", "- x")],
    "a source added": lambda: [
        actor("nato", "- NATO met in Brussels", "- NATO answered Moscow"),
        event("geneva-summit", "Biden and Putin meet.", "They agree to talk again."),
        actor("other", "- x"),
        actor("new-source-actor", "- y"),
    ],
    "a source removed": lambda: [actor("other", "- x")],  # nothing mentions nato or the summit any more
    "an entity renamed by the extractor": lambda: [
        actor("north-atlantic-treaty-organization", "- NATO met in Brussels"),
        event("geneva-summit-2021", "Biden and Putin meet."),
        actor("other", "- x"),
    ],
}

# What the build does with the edited page, per edit (rows) and regeneration (columns):
#   updated    - the page is regenerated around the edit; no warning
#   block kept - the edited block is kept as the person left it; a warning names the line
#   kept       - the site has no page for it; the file is kept untouched; a warning says so
#   hidden     - the page is kept out of the site as <id>.hidden.md, untouched; no warning
#                  same sources  a source added  a source removed  renamed by the extractor
MATRIX = {
    "text in the human area":   ("updated",    "updated",    "kept",   "kept"),
    "title":                    ("updated",    "updated",    "kept",   "kept"),
    "name":                     ("updated",    "updated",    "kept",   "kept"),
    "aliases":                  ("updated",    "updated",    "kept",   "kept"),
    "type":                     ("updated",    "updated",    "kept",   "kept"),
    "summary":                  ("updated",    "updated",    "kept",   "kept"),
    "hidden":                   ("hidden",     "hidden",     "hidden", "hidden"),
    "merge_into":               ("hidden",     "hidden",     "hidden", "hidden"),
    "date":                     ("updated",    "updated",    "kept",   "kept"),
    "inside a generated block": ("block kept", "block kept", "kept",   "kept"),
}  # fmt: skip
CELLS = [(edit, regeneration, MATRIX[edit][i]) for edit in MATRIX for i, regeneration in enumerate(REGENERATIONS)]


def resolve_like(pages: list[Page], docs: Path) -> RenderedSite:
    """What resolve and render do with curation, reduced to what the writer sees: a hidden or
    merged entity has no page."""
    shelved = {(c.kind, c.id) for c in read_curation(docs, Report()).pages if c.overrides.get("hidden") or c.overrides.get("merge_into")}
    return RenderedSite([p for p in pages if (p.kind, p.id) not in shelved], {})


def write(docs: Path, pages: list[Page]):
    report = Report()
    summary = write_site(resolve_like(pages, docs), docs, read_curation(docs, report), report)
    return report, summary


def apply(edit: Edit, path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    if edit.front_matter:
        text = text.replace("tags:", edit.front_matter + "tags:", 1)
    else:
        old, new = edit.body
        assert old in text
        text = text.replace(old, new, 1)
    path.write_bytes(text.encode("utf-8"))


@pytest.mark.parametrize("edit_name, regeneration, outcome", CELLS, ids=[f"{e} x {r}" for e, r, _ in CELLS])
def test_curation_matrix(tmp_path, edit_name, regeneration, outcome):
    docs = tmp_path / "docs"
    edit = EDITS[edit_name]
    rel = PAGE[edit.kind]
    write(docs, REGENERATIONS["same sources"]())
    apply(edit, docs / rel)
    edited = (docs / rel).read_bytes()

    new_site = REGENERATIONS[regeneration]()
    report, summary = write(docs, new_site)

    hidden_rel = rel.replace(".md", ".hidden.md")
    where = hidden_rel if outcome == "hidden" else rel
    text = (docs / where).read_bytes().decode("utf-8")
    assert edit.evidence in text, "the person's edit was lost"
    said = [(w.file, w.line, w.message) for w in report.warnings]

    if outcome in ("updated", "block kept"):
        generated = {p.path: dict(p.blocks) for p in new_site}[rel]
        blocks = parse(text).blocks
        for block in blocks:
            if outcome == "block kept" and block.name == "mentions":
                assert block.edited and edit.evidence in block.content
            else:
                assert block.content.strip() == generated[block.name].strip() and not block.edited
        if outcome == "updated":
            assert said == []
        else:
            assert [(f, line) for f, line, _ in said] == [(f"docs/{rel}", blocks[1].line)]
            assert "edited by hand" in said[0][2]
    elif outcome == "kept":
        assert (docs / rel).read_bytes() == edited
        assert rel in summary.kept
        assert [(f, "no source mentions" in m) for f, _, m in said] == [(f"docs/{rel}", True)]
    elif outcome == "hidden":
        assert not (docs / rel).exists()
        assert (docs / hidden_rel).read_bytes() == edited
        assert hidden_rel in summary.kept and said == []

    # Building again changes nothing and says the same again.
    again, second = write(docs, new_site)
    assert second.written == [] and second.removed == []
    assert (docs / where).read_bytes().decode("utf-8") == text
    assert [(w.file, w.line, w.message) for w in again.warnings] == said


# =========================================================================== the real pipeline
# The same matrix on a real build of a small copy of seeds/: the edits must survive, and the
# curation must take effect (resolve applies it, render shows it).

BASE_SOURCES = ("geneva-summit-2021-06-17.txt", "strategic-stability-dialogue-2021-07-29.md", "russia-leaves-open-skies-2021-12-18.txt")
ADDED_SOURCE = "us-leaves-open-skies-2020-11-23.md"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
NOTE = "Desk note: confirmed with a second source.\n\n"


@dataclass
class Corpus:
    seeds: Path
    docs: Path
    cache: Path
    removable: str  # a source whose removal leaves the subjects without any mention
    actor: object  # model.Entity mentioned only in `removable`
    event: object
    target: object  # an actor of another source, to merge into


def real_build(seeds: Path, docs: Path, cache: Path):
    from generator import build
    from generator.config import BuildConfig

    report = Report()
    return build.build(BuildConfig(seeds=seeds, docs=docs, cache=cache, progress=False), report), report


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    root = tmp_path_factory.mktemp("corpus")
    (root / "seeds").mkdir()
    for name in BASE_SOURCES:
        shutil.copy(SEEDS / name, root / "seeds" / name)
    result, _ = real_build(root / "seeds", root / "docs", root / "cache")
    by_source: dict[str, set[str]] = {}
    for entity in result.briefing.entities:
        by_source[(entity.kind, entity.id)] = {m.source for m in entity.mentions}
    docs_by_id = {d.id: d.path for d in result.documents}

    def only_in(source_id: str, kind: str) -> list:
        return sorted((e for e in result.briefing.entities if e.kind == kind and by_source[(kind, e.id)] == {source_id}), key=lambda e: (-len(e.mentions), e.id))

    for document in sorted(result.documents, key=lambda d: d.id):
        actors, events = only_in(document.id, "actor"), only_in(document.id, "event")
        others = sorted((e for e in result.briefing.entities if e.kind == "actor" and document.id not in by_source[("actor", e.id)]), key=lambda e: (-len(e.mentions), e.id))
        if actors and events and others:
            return Corpus(root / "seeds", root / "docs", root / "cache", docs_by_id[document.id], actors[0], events[0], others[0])
    pytest.fail("no source of the small corpus has an actor and an event of its own")


def real_edits(corpus: Corpus) -> dict[str, tuple[str, Edit]]:
    """Per edit: the page it is made on and the edit, chosen from what the first build found."""
    actor, event = corpus.actor, corpus.event
    other_type = next(t for t in ("organization", "person", "country", "group") if t != actor.type)
    return {
        "text in the human area": ("actor", Edit("actor", body=("[//]: # (generated:begin body", NOTE + "[//]: # (generated:begin body"))),
        "title": ("actor", Edit("actor", front_matter="title: Renamed By The Desk\n")),
        "name": ("actor", Edit("actor", front_matter="name: Renamed By The Desk\n")),
        "aliases": ("actor", Edit("actor", front_matter="aliases:\n  - Desk Alias\n")),
        "type": ("actor", Edit("actor", front_matter=f"type: {other_type}\n")),
        "summary": ("actor", Edit("actor", front_matter="summary: Written by the desk.\n")),
        "hidden": ("actor", Edit("actor", front_matter="hidden: true\n")),
        "merge_into": ("actor", Edit("actor", front_matter=f"merge_into: actors/{corpus.target.id}\n")),
        "date": ("event", Edit("event", front_matter="date: 1999-01-02\n")),
        "inside a generated block": ("actor", None),  # made below: it depends on the block's text
    }


def edit_inside_body(path: Path) -> str:
    """Change the first text line of the page's body block; return the changed line."""
    text = path.read_bytes().decode("utf-8")
    body = next(b for b in parse(text).blocks if b.name == "body")
    line = next(l for l in body.content.split("\n") if l.strip() and not l.startswith(("<", "#", "|", "-")))
    changed = line + " (corrected by the desk)"
    path.write_bytes(text.replace(body.content, body.content.replace(line, changed, 1), 1).encode("utf-8"))
    return changed


REAL_REGENERATIONS = ("same sources", "a source added", "a source removed")
REAL_CELLS = [(e, r) for e in MATRIX for r in REAL_REGENERATIONS]


@pytest.mark.slow
@pytest.mark.parametrize("edit_name, regeneration", REAL_CELLS, ids=[f"{e} x {r}" for e, r in REAL_CELLS])
def test_curation_matrix_on_the_real_pipeline(corpus, tmp_path, edit_name, regeneration):
    seeds, docs = tmp_path / "seeds", tmp_path / "docs"
    shutil.copytree(corpus.seeds, seeds)
    shutil.copytree(corpus.docs, docs)
    subject_kind, edit = real_edits(corpus)[edit_name]
    subject = corpus.actor if subject_kind == "actor" else corpus.event
    rel = f"{subject_kind}s/{subject.id}.md"
    if edit is None:
        evidence = edit_inside_body(docs / rel)
    else:
        apply(edit, docs / rel)
        evidence = edit.evidence
    if regeneration == "a source added":
        shutil.copy(SEEDS / ADDED_SOURCE, seeds / ADDED_SOURCE)
    if regeneration == "a source removed":
        (seeds / corpus.removable).unlink()

    result, report = real_build(seeds, docs, corpus.cache)

    shelved = edit_name in ("hidden", "merge_into")
    where = docs / (rel.replace(".md", ".hidden.md") if shelved else rel)
    assert evidence in where.read_bytes().decode("utf-8"), "the person's edit was lost"
    entity = result.briefing.by_id().get((subject_kind, subject.id))
    said = {w.file for w in report.warnings}
    if shelved:
        assert entity is None and not (docs / rel).exists()
        links = [p for p in docs.rglob("*.md") if f"{subject.id}.md" in p.read_text(encoding="utf-8") and not p.name.endswith(".hidden.md")]
        assert links == [], "a hidden or merged entity must not be linked"
        if edit_name == "merge_into" and regeneration != "a source removed":  # removed: no source names it any more
            target = result.briefing.by_id()[("actor", corpus.target.id)]
            assert subject.name in target.aliases or subject.name == target.name
        return
    assert (docs / rel).exists()
    if regeneration == "a source removed":
        assert f"docs/{rel}" in said or (entity is not None and entity.stale), "the build must say it kept a page without sources"
    if edit_name == "inside a generated block":
        assert f"docs/{rel}" in said
    if entity is None:
        # only a page whose sources are gone may be kept by the writer alone, untouched
        assert regeneration == "a source removed", f"{rel} lost its entity after '{regeneration}'"
        return
    # The curation takes effect: the resolver applied the person's key.
    keys = yaml.load(edit.front_matter, Loader=yaml.BaseLoader) if edit and edit.front_matter else {}
    for key, value in keys.items():
        if key == "aliases":
            assert set(value) <= set(entity.aliases)
        else:
            assert getattr(entity, {"title": "name"}.get(key, key)) == value, f"'{key}' was not applied"
