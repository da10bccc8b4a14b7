"""The render stage: a Briefing in, Markdown pages and the JSON export out. Pure.

Each page kind is a template (generator/templates/*.md.j2) and a view function that
prepares its data. An entity page has two generated blocks, `header` (title and fact
sheet) and `body` (everything else), so that notes a person writes between them stay
right under the header.
"""
from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Callable

from ..model import Briefing, Entity, Page, RenderedSite, Source, UnchangedPage
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


@dataclass(frozen=True)
class PagePlan:
    """What one page is rendered from: its template, front matter and view (plain data)."""

    path: str
    template: str
    front_matter: dict
    view: dict
    id: str | None = None
    kind: str | None = None

    def render(self, key: str) -> Page:
        return Page(self.path, self.front_matter, render_blocks(self.template, BLOCKS, self.view),
                    id=self.id, kind=self.kind, render_key=key)


def render_pages(briefing: Briefing, rendered_before: Mapping[str, str] | None = None) -> Iterator[Page | UnchangedPage]:
    """The pages of the site in path order, each rendered when it is asked for, so that a
    writer taking them one at a time never holds the whole site (render_site holds it).

    `rendered_before` maps a page's path to the render key it had in the last build, for the
    files nobody touched since: a page with the same key now comes as an UnchangedPage, not
    rendered (templates and code are the same, or the build would not pass the keys)."""
    catalog = Catalog(briefing)
    plans: list[tuple[str, Callable[[], PagePlan]]] = [
        (page_path(e.kind, e.id), partial(entity_plan, e, catalog)) for e in briefing.entities if e.kind in ENTITY_PAGES]
    plans += [(page_path("source", s.id), partial(source_plan, s, catalog)) for s in briefing.sources]
    indexes = [
        ("index.md", "home.md.j2", lambda v: v.home()),
        ("timeline.md", "timeline.md.j2", lambda v: v.timeline()),
        ("graph.md", "graph.md.j2", lambda v: v.network()),
        ("tags.md", "tags.md.j2", lambda v: {}),
    ]
    indexes += [(f"{SECTIONS[kind]}/index.md", "section.md.j2", lambda v, k=kind: v.section(k))
                for kind in ("actor", "place", "treaty", "event", "source")]
    plans += [(path, partial(index_plan, path, template, view, catalog)) for path, template, view in indexes]
    for _, plan_of in sorted(plans, key=lambda item: item[0]):
        plan = plan_of()
        key = render_key(plan)
        if rendered_before and rendered_before.get(plan.path) == key:
            yield UnchangedPage(plan.path, key)
        else:
            yield plan.render(key)


def render_key(plan: PagePlan) -> str:
    """A hash of everything a page is rendered from, pickled. Pickling is faithful (different
    data never gives the same bytes), so equal keys mean equal pages. The bytes also tell
    which objects are shared, so the same data built otherwise may get another key: the page
    is then rendered again, which costs time and nothing else."""
    data = pickle.dumps((plan.path, plan.template, plan.front_matter, plan.view, plan.id, plan.kind), protocol=5)
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def site_files(briefing: Briefing) -> dict[str, str]:
    """The generated files that are not pages: path -> text."""
    return {"briefing.json": briefing_json(briefing)}


def entity_plan(entity: Entity, catalog: Catalog) -> PagePlan:
    path = page_path(entity.kind, entity.id)
    kind = ENTITY_PAGES[entity.kind]
    view = kind.view(PageViews(catalog, path), entity)
    country = catalog.country_of(entity) if entity.kind == "actor" else None
    tags = [KIND_LABELS[entity.kind], TYPE_LABELS.get(entity.type or ""), country.name if country else None]
    front_matter = {"id": entity.id, "kind": entity.kind, "tags": _tags(tags), "search": {"boost": ENTITY_BOOST}}
    return PagePlan(path, kind.template, front_matter, view, id=entity.id, kind=entity.kind)


def source_plan(source: Source, catalog: Catalog) -> PagePlan:
    path = page_path("source", source.id)
    view = PageViews(catalog, path).source(source)
    front_matter = {"id": source.id, "kind": "source", "tags": _tags([KIND_LABELS["source"], source.publisher]),
                    "search": {"boost": SOURCE_BOOST}}
    return PagePlan(path, "source.md.j2", front_matter, view, id=source.id, kind="source")


def index_plan(path: str, template: str, view: Callable[[PageViews], dict], catalog: Catalog) -> PagePlan:
    return PagePlan(path, template, {}, view(PageViews(catalog, path)))


def _tags(values: list[str | None]) -> list[str]:
    out: list[str] = []
    for value in values:
        name = tag(value)
        if name and name not in out:
            out.append(name)
    return out


__all__ = ["render_site", "render_pages", "render_key", "site_files", "PagePlan"]
