"""The render stage: a Briefing in, Markdown pages and the JSON export out. Pure.

Each page kind is a template (generator/templates/*.md.j2) and a view function that
prepares its data. An entity page has two generated blocks, `header` (title and fact
sheet) and `body` (everything else), so that notes a person writes between them stay
right under the header.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Callable

from ..model import Briefing, Entity, Page, RenderedSite, Source
from .catalog import SECTIONS, Catalog, page_path
from .environment import render_blocks
from .escape import tag
from .export import briefing_json
from .views import KIND_LABELS, TYPE_LABELS, PageViews

BLOCKS = ("header", "body")
ENTITY_BOOST = 2  # Material search: entity pages rank above the sources that mention them
SOURCE_BOOST = 0.5


@dataclass(frozen=True)
class EntityPage:
    template: str
    view: Callable[[PageViews, Entity], dict]


ENTITY_PAGES: dict[str, EntityPage] = {
    "actor": EntityPage("actor.md.j2", PageViews.actor),
    "place": EntityPage("place.md.j2", PageViews.place),
    "treaty": EntityPage("treaty.md.j2", PageViews.treaty),
    "event": EntityPage("event.md.j2", PageViews.event),
}


def render_site(briefing: Briefing) -> RenderedSite:
    return RenderedSite(pages=list(render_pages(briefing)), files=site_files(briefing))


def render_pages(briefing: Briefing) -> Iterator[Page]:
    """The pages of the site in path order, each rendered when it is asked for, so that a
    writer taking them one at a time never holds the whole site (render_site holds it)."""
    catalog = Catalog(briefing)
    jobs: list[tuple[str, Callable[[], Page]]] = [
        (page_path(e.kind, e.id), partial(render_entity, e, catalog)) for e in briefing.entities if e.kind in ENTITY_PAGES]
    jobs += [(page_path("source", s.id), partial(render_source, s, catalog)) for s in briefing.sources]
    indexes = [
        ("index.md", "home.md.j2", lambda v: v.home()),
        ("timeline.md", "timeline.md.j2", lambda v: v.timeline()),
        ("graph.md", "graph.md.j2", lambda v: v.network()),
        ("tags.md", "tags.md.j2", lambda v: {}),
    ]
    indexes += [(f"{SECTIONS[kind]}/index.md", "section.md.j2", lambda v, k=kind: v.section(k))
                for kind in ("actor", "place", "treaty", "event", "source")]
    jobs += [(path, partial(render_index, path, template, view, catalog)) for path, template, view in indexes]
    for _, render in sorted(jobs, key=lambda job: job[0]):
        yield render()


def site_files(briefing: Briefing) -> dict[str, str]:
    """The generated files that are not pages: path -> text."""
    return {"briefing.json": briefing_json(briefing)}


def render_entity(entity: Entity, catalog: Catalog) -> Page:
    path = page_path(entity.kind, entity.id)
    kind = ENTITY_PAGES[entity.kind]
    view = kind.view(PageViews(catalog, path), entity)
    country = catalog.country_of(entity) if entity.kind == "actor" else None
    tags = [KIND_LABELS[entity.kind], TYPE_LABELS.get(entity.type or ""), country.name if country else None]
    front_matter = {"id": entity.id, "kind": entity.kind, "tags": _tags(tags), "search": {"boost": ENTITY_BOOST}}
    return Page(path, front_matter, render_blocks(kind.template, BLOCKS, view), id=entity.id, kind=entity.kind)


def render_source(source: Source, catalog: Catalog) -> Page:
    path = page_path("source", source.id)
    view = PageViews(catalog, path).source(source)
    front_matter = {"id": source.id, "kind": "source", "tags": _tags([KIND_LABELS["source"], source.publisher]),
                    "search": {"boost": SOURCE_BOOST}}
    return Page(path, front_matter, render_blocks("source.md.j2", BLOCKS, view), id=source.id, kind="source")


def render_index(path: str, template: str, view: Callable[[PageViews], dict], catalog: Catalog) -> Page:
    return Page(path, {}, render_blocks(template, BLOCKS, view(PageViews(catalog, path))))


def _tags(values: list[str | None]) -> list[str]:
    out: list[str] = []
    for value in values:
        name = tag(value)
        if name and name not in out:
            out.append(name)
    return out


__all__ = ["render_site", "render_pages", "site_files", "render_entity", "render_source"]
