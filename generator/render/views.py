"""Plain view data for the templates, one function per page kind.

A view holds raw text (names, sentences, titles) and links computed for the page it is on;
the templates escape the text and write the Markdown. Nothing here writes Markdown, except
source paragraphs (source_text) and the SVG graph (graph.py), which own their escaping.
"""
from __future__ import annotations

import dataclasses
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

from .. import graph
from ..model import Entity, Paragraph, Reference, Source
from . import dates
from .catalog import (SECTIONS, Catalog, entity_order, event_order, link_from_folder, name_key, page_path,
                      relative_href, source_order)
from .escape import url
from .source_text import paragraph_markdown

TYPE_LABELS = {"person": "Person", "organization": "Organisation", "country": "Country", "group": "Group"}
KIND_LABELS = {"actor": "Actor", "place": "Place", "treaty": "Treaty", "event": "Event", "source": "Source"}
SECTION_TITLES = {"actor": "Actors", "place": "Places", "treaty": "Treaties", "event": "Events", "source": "Sources"}
SECTION_CONTENTS = {  # the home page's list of sections, in reading order
    "actor": "people, organisations, countries and groups",
    "event": "events, dated where the sources allow",
    "treaty": "treaties and agreements",
    "place": "places where events happen or that the sources name",
    "source": "source documents, each with its full text",
}
GRAPH_NEIGHBOURS = 12  # nodes around an entity in its graph
NETWORK_ACTORS = 40  # most-mentioned actors in the whole-briefing graph
NETWORK_LISTED = 5  # ties listed per actor under the whole-briefing graph
LISTED_NEIGHBOURS = 20  # co-mentioned actors listed under the graph
HOME_ITEMS = 10  # latest events and most-mentioned actors on the home page
SHORT_TITLE = 48  # characters of a source title in a citation

# Events whose names say what happened to a treaty fill its fact sheet ("Signed: 1987").
# General English verb forms, not words of any one source.
TREATY_MILESTONES = tuple((label, re.compile(pattern)) for label, pattern in (
    ("Drafted", r"\bdraft(s|ed|ing)?\b"),
    ("Signed", r"\bsign(s|ed|ing)?\b"),
    ("Ratified", r"\b(ratif(y|ies|ied|ying|ication))\b"),
    ("Entered into force", r"\b(enter(s|ed|ing)?|entry) into force\b"),
    ("Extended", r"\b(extend(s|ed|ing)?|extension|renew(s|ed|al)?)\b"),
    ("Suspended", r"\bsuspen(d|ds|ded|ding|sion)\b"),
    ("Withdrawn", r"\b(withdr(aw|aws|ew|awn|awal|awing)|leav(e|es|ing)|left|exit(s|ed|ing)?|quit(s)?"
                  r"|pull(s|ed|ing)? out|abandon(s|ed|ing)?|de-?ratif[a-z]*|revok(e|es|ed|ing))\b"),
))


@dataclass(frozen=True)
class Link:
    name: str
    href: str


@dataclass(frozen=True)
class Citation:
    """A sentence of a source paragraph, linked to the paragraph's anchor."""

    source: str  # short source title
    paragraph: int
    href: str
    sentence: str
    date: str  # the source's date, long form


@dataclass(frozen=True)
class SourceGroup:
    source: Link
    date: str
    publisher: str
    citations: list[Citation]


@dataclass(frozen=True)
class EventItem:
    link: Link
    date: str  # long form at the event's precision, "" when undated
    datetime: str = ""  # the date as ISO, for a machine-readable <time>; "" when not a calendar date
    place: Link | None = None
    participants: list[Link] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


@dataclass(frozen=True)
class QuoteItem:
    text: str
    date: str
    citation: Citation


@dataclass(frozen=True)
class EntityFacts:
    """What a page shows of its own entity beyond the lists the view builds (its mentions and
    quotes come as citations)."""

    id: str
    name: str
    roles: list[str]
    stale: bool
    summary: str | None
    status: str | None
    year: int | None
    date_text: str | None

    @classmethod
    def of(cls, entity: Entity) -> "EntityFacts":
        return cls(entity.id, entity.name, entity.roles, entity.stale, entity.summary, entity.status, entity.year,
                   entity.date_text)


@dataclass(frozen=True)
class SourceFacts:
    """What a source's page shows of it besides its paragraphs."""

    id: str
    path: str
    title: str | None
    publisher: str | None
    author: str | None
    url: str | None

    @classmethod
    def of(cls, source: Source) -> "SourceFacts":
        return cls(source.id, source.path, source.title, source.publisher, source.author, source.url)


@dataclass(frozen=True)
class EgoGraph:
    """An entity's graph as data. Drawn only when its page is rendered (a page that is not,
    because its data did not change, costs no layout): the template writes str(graph), the SVG."""

    center: graph.Node
    nodes: tuple[graph.Node, ...]
    edges: tuple[graph.Edge, ...]
    title: str

    def __bool__(self) -> bool:
        return bool(self.nodes)

    def __str__(self) -> str:
        return graph.ego_graph(self.center, self.nodes, self.edges, title=self.title, limit=GRAPH_NEIGHBOURS)


@dataclass(frozen=True)
class SourceText:
    """A source's paragraphs and the links to put into them (by paragraph number), written as
    Markdown only when the page is rendered: iterating gives each paragraph that has text."""

    paragraphs: tuple[Paragraph, ...]
    targets: dict[int, list[tuple[int, int, str, bool]]]

    def __iter__(self) -> Iterator[dict]:
        for p in self.paragraphs:
            markdown = paragraph_markdown(p, self.targets.get(p.number, []))
            if markdown:
                yield {"number": p.number, "kind": p.kind, "prose": p.prose, "markdown": markdown}


@dataclass(frozen=True)
class Neighbour:
    link: Link
    paragraphs: int
    sentences: int


@dataclass(frozen=True)
class Milestone:
    """A fact sheet row ("Withdrawn"): each date with the events that tell of it."""

    label: str
    dates: list[tuple[str, list[Link]]]


class PageViews:
    """Builds the views of one page: every link in it is relative to `path`."""

    def __init__(self, catalog: Catalog, path: str):
        self.catalog = catalog
        self.path = path
        self.folder = posixpath.dirname(path)

    # ------------------------------------------------------------------ pieces

    def link(self, entity: Entity) -> Link:
        key = ("link", self.folder, entity.kind, entity.id)
        if key not in self.catalog.memo:  # an entity is linked from many pages of each folder
            self.catalog.memo[key] = Link(entity.name.strip() or entity.id, link_from_folder(self.folder, page_path(entity.kind, entity.id)))
        return self.catalog.memo[key]

    def links(self, entities: list[Entity]) -> list[Link]:
        return [self.link(e) for e in entities]

    def source_link(self, source: Source) -> Link:
        return Link(source.title or source.id, link_from_folder(self.folder, page_path("source", source.id)))

    def citation(self, ref: Reference) -> Citation:
        key = ("citation", self.folder, ref)
        if key not in self.catalog.memo:  # a sentence is cited on the page of each entity it names
            source = self.catalog.sources[ref.source]
            self.catalog.memo[key] = Citation(
                source=_shorten(source.title or source.id, SHORT_TITLE),
                paragraph=ref.paragraph,
                href=link_from_folder(self.folder, page_path("source", source.id), f"p{ref.paragraph}"),
                sentence=ref.sentence,
                date=dates.long_date(source.date),
            )
        return self.catalog.memo[key]

    def citations(self, refs: list[Reference]) -> list[Citation]:
        return [self.citation(r) for r in refs if r.source in self.catalog.sources]

    def mentioned_in(self, entity: Entity) -> list[SourceGroup]:
        """The entity's mentions grouped by source, oldest source first."""
        by_source: dict[str, list[Reference]] = defaultdict(list)
        for ref in self.catalog.mentions(entity):
            by_source[ref.source].append(ref)
        groups = []
        for source in self.catalog.sources_of(entity):
            cited = by_source[source.id]
            groups.append(SourceGroup(self.source_link(source), dates.long_date(source.date),
                                      source.publisher or "", self.citations(cited)))
        return groups

    def event_item(self, event: Entity, *, with_evidence: bool = False, without: Entity | None = None) -> EventItem:
        """An event on a list; `without` is the entity whose page the list is on (not named
        again as a participant or place)."""
        key = ("event", self.folder, event.id, with_evidence)
        if key not in self.catalog.memo:  # an event is listed on the page of each participant
            place = self.catalog.place_of(event)
            self.catalog.memo[key] = (EventItem(
                link=self.link(event),
                date=dates.long_date(event.date) if event.date else "",
                datetime=event.date if dates.parse(event.date) else "",
                place=self.link(place) if place is not None else None,
                participants=self.links(self.catalog.participants(event)),
                citations=self.citations(self.catalog.mentions(event)) if with_evidence else [],
            ), place, self.catalog.participants(event))
        item, place, participants = self.catalog.memo[key]
        if without is None or not (place is without or any(p is without for p in participants)):
            return item
        return dataclasses.replace(
            item, place=None if place is without else item.place,
            participants=[link for p, link in zip(participants, item.participants) if p is not without])

    def neighbours(self, entity: Entity) -> list[Neighbour]:
        return [Neighbour(self.link(c.actor), c.paragraphs, c.sentences)
                for c in self.catalog.co_mentions(entity)[:LISTED_NEIGHBOURS]]

    def graph(self, entity: Entity) -> "EgoGraph":
        """The graph of the entity and its most co-mentioned actors (false without any)."""
        ranked = self.catalog.co_mentions(entity)[:GRAPH_NEIGHBOURS]
        nodes = [graph.Node(c.actor.name, relative_href(self.path, page_path("actor", c.actor.id)),
                            c.actor.type, c.paragraphs, _count(c.paragraphs, "shared paragraph"))
                 for c in ranked]
        center = graph.Node(entity.name, relative_href(self.path, self.path), entity.type)
        edges = []
        for i, a in enumerate(ranked):
            shared = self.catalog.co_mention_counts(a.actor)
            edges.extend(graph.Edge(i, j, shared[b.actor.id]) for j, b in enumerate(ranked)
                         if j > i and b.actor.id in shared)
        title = f"{entity.name} and the actors most often mentioned with it (listed below)"
        return EgoGraph(center, tuple(nodes), tuple(edges), title)

    def network(self) -> dict:
        """The most-mentioned actors of the briefing and who is named with whom: a picture and,
        for readers who cannot see it, the same ties as a table."""
        actors = self.ranked_actors()[:NETWORK_ACTORS]
        index = {a.id: i for i, a in enumerate(actors)}
        nodes, edges, rows = [], [], []
        for i, actor in enumerate(actors):
            sources = len(self.catalog.sources_of(actor))
            nodes.append(graph.Node(actor.name, relative_href(self.path, page_path("actor", actor.id)), actor.type,
                                    len(self.catalog.mentions(actor)), _count(sources, "source")))
            ties = [c for c in self.catalog.co_mentions(actor) if c.actor.id in index]
            edges.extend(graph.Edge(i, index[c.actor.id], c.paragraphs) for c in ties if index[c.actor.id] > i)
            rows.append((self.link(actor), TYPE_LABELS.get(actor.type or "", ""), sources,
                         [Neighbour(self.link(c.actor), c.paragraphs, c.sentences) for c in ties[:NETWORK_LISTED]]))
        title = (f"The {len(actors)} actors the sources mention most, each tied to those it is most often "
                 "mentioned with (listed below)")
        return {"graph": graph.network_graph(nodes, edges, title=title), "rows": rows,
                "actor_count": len(self.catalog.of_kind("actor")), "shown": len(actors)}

    def ranked_actors(self) -> list[Entity]:
        """Actors by how many sources mention them, then how often; unmentioned ones left out."""
        actors = [a for a in self.catalog.of_kind("actor") if self.catalog.mentions(a)]
        return sorted(actors, key=lambda a: (-len(self.catalog.sources_of(a)), -len(self.catalog.mentions(a)),
                                             *entity_order(a)))

    # ------------------------------------------------------------------ entity pages

    def entity_page(self, entity: Entity) -> dict:
        first, last = self.catalog.first_last(entity)
        return {
            "entity": EntityFacts.of(entity),
            "kind_label": KIND_LABELS[entity.kind],
            "type_label": TYPE_LABELS.get(entity.type or "", (entity.type or "").capitalize()),
            "aliases": _aliases(entity),
            "source_count": len(self.catalog.sources_of(entity)),
            "first": dates.short_date(first) if first else "",
            "last": dates.short_date(last) if last else "",
            "mentioned_in": self.mentioned_in(entity),
        }

    def actor(self, actor: Entity) -> dict:
        country = self.catalog.country_of(actor)
        quotes = sorted(actor.quotes, key=lambda q: (dates.sort_key(q.date), q.reference.source,
                                                     q.reference.paragraph, q.text))
        return {
            **self.entity_page(actor),
            "country": self.link(country) if country is not None and country != actor else None,
            "events": [self.event_item(e, without=actor) for e in self.catalog.events_of(actor)],
            "treaties": [(self.link(t), t.year) for t in self.catalog.treaties_of(actor)],
            "quotes": [QuoteItem(q.text, dates.long_date(q.date) if q.date else "", self.citation(q.reference))
                       for q in quotes if q.reference.source in self.catalog.sources],
            "neighbours": self.neighbours(actor),
            "graph": self.graph(actor),
        }

    def place(self, place: Entity) -> dict:
        return {
            **self.entity_page(place),
            "events": [self.event_item(e, without=place) for e in self.catalog.events_of(place)],
            "neighbours": self.neighbours(place),
            "graph": self.graph(place),
        }

    def treaty(self, treaty: Entity) -> dict:
        events = self.catalog.events_of(treaty)
        return {
            **self.entity_page(treaty),
            "parties": self.links(self.catalog.parties(treaty)),
            "milestones": self.milestones(events),
            "events": [self.event_item(e, without=treaty) for e in events],
            "neighbours": self.neighbours(treaty),
            "graph": self.graph(treaty),
        }

    def milestones(self, events: list[Entity]) -> list[Milestone]:
        found = []
        for label, pattern in TREATY_MILESTONES:
            matching = [e for e in events if e.date and pattern.search(name_key(e.name))]  # in date order
            if matching:
                by_date = groupby(matching, key=lambda e: dates.long_date(e.date))
                found.append(Milestone(label, [(date, self.links(list(group))) for date, group in by_date]))
        return found

    def event(self, event: Entity) -> dict:
        place = self.catalog.place_of(event)
        return {
            **self.entity_page(event),
            "date": dates.long_date(event.date) if event.date else "",
            "precision": dates.precision(event.date) or event.date_precision or "",
            "participants": self.links(self.catalog.participants(event)),
            "place": self.link(place) if place is not None else None,
            "treaties": self.links(self.catalog.treaties_of_event(event)),
            "evidence": self.citations(self.catalog.mentions(event)),
        }

    # ------------------------------------------------------------------ other pages

    def source(self, source: Source) -> dict:
        targets: dict[int, list[tuple[int, int, str, bool]]] = {}
        for paragraph, start, end, kind, id in source.links:
            if (kind, id) in self.catalog.entities:
                target = link_from_folder(self.folder, page_path(kind, id))
                targets.setdefault(paragraph, []).append((start, end, target, kind == "event"))
        named = self.catalog.named_in(source)
        return {
            "source": SourceFacts.of(source),
            "date": dates.long_date(source.date) if source.date else "",
            "url": url(source.url),
            "paragraphs": SourceText(tuple(sorted(source.paragraphs, key=lambda p: p.number)), targets),
            "named": [(SECTION_TITLES[kind], self.links([e for e in named if e.kind == kind]))
                      for kind in ("actor", "place", "treaty", "event")],
        }

    def home(self) -> dict:
        sources = sorted(self.catalog.sources.values(), key=source_order)
        dated = [s.date for s in sources if dates.parse(s.date)]
        events = [e for e in self.catalog.of_kind("event") if dates.parse(e.date)]
        latest = sorted(events, key=event_order, reverse=True)[:HOME_ITEMS]
        actors = self.ranked_actors()
        return {
            "source_count": len(sources),
            "first": dates.long_date(min(dated)) if dated else "",
            "last": dates.long_date(max(dated)) if dated else "",
            "counts": {kind: len(self.catalog.of_kind(kind)) for kind in ("actor", "place", "treaty", "event")},
            "latest": [self.event_item(e) for e in latest],
            "top_actors": [(self.link(a), TYPE_LABELS.get(a.type or "", ""), len(self.catalog.sources_of(a)),
                            len(self.catalog.mentions(a)))
                           for a in actors[:HOME_ITEMS]],
            "sections": [(Link(SECTION_TITLES[k], link_from_folder(self.folder, f"{SECTIONS[k]}/index.md")),
                          len(self.catalog.sources) if k == "source" else len(self.catalog.of_kind(k)), nouns)
                         for k, nouns in SECTION_CONTENTS.items()],
        }

    def timeline(self) -> dict:
        """Dated events by year, then month; events known only to the year come first in it."""
        dated = [e for e in self.catalog.of_kind("event") if dates.parse(e.date)]
        years = []
        for year, in_year in groupby(sorted(dated, key=event_order), key=lambda e: dates.parse(e.date)[0]):
            in_year = list(in_year)
            months = []
            for month, in_month in groupby([e for e in in_year if dates.parse(e.date)[1]],
                                           key=lambda e: dates.parse(e.date)[1]):
                months.append((dates.month_heading(year, month),
                               [self.event_item(e, with_evidence=True) for e in in_month]))
            year_only = [self.event_item(e, with_evidence=True) for e in in_year if not dates.parse(e.date)[1]]
            years.append({"year": year, "year_only": year_only, "months": months})
        undated = len(self.catalog.of_kind("event")) - len(dated)
        return {"years": years, "count": len(dated), "undated": undated,
                "events_index": link_from_folder(self.folder, "events/index.md")}

    def section(self, kind: str) -> dict:
        if kind == "source":
            sources = sorted(self.catalog.sources.values(), key=source_order, reverse=True)
            rows = [{"link": self.source_link(s), "date": dates.short_date(s.date) if s.date else "",
                     "publisher": s.publisher or "", "names": len(self.catalog.named_in(s))} for s in sources]
            return {"kind": kind, "title": SECTION_TITLES[kind], "rows": rows}
        entities = self.catalog.of_kind(kind)
        if kind == "event":
            entities = sorted(entities, key=event_order)
        rows = []
        for e in entities:
            first, last = self.catalog.first_last(e)
            place = self.catalog.place_of(e) if kind == "event" else None
            rows.append({
                "link": self.link(e),
                "type": TYPE_LABELS.get(e.type or "", (e.type or "").capitalize()),
                "sources": len(self.catalog.sources_of(e)),
                "first": dates.short_date(first) if first else "",
                "last": dates.short_date(last) if last else "",
                "date": dates.short_date(e.date) if e.date else "",
                "year": e.year or "",
                "status": e.status or "",
                "events": len(self.catalog.events_of(e)),
                "place": self.link(place) if place is not None else None,
                "stale": e.stale,
            })
        return {"kind": kind, "title": SECTION_TITLES[kind], "rows": rows}


def _aliases(entity: Entity) -> list[str]:
    """Other names of the entity, each once whatever its case or accents: "America", not also
    "america" or "AMERICA" (a shouted word is not a name; a short acronym is). The search
    index finds them."""
    seen = {name_key(entity.name)}
    out = []
    for alias in sorted(entity.aliases, key=lambda a: (name_key(a), *_form_rank(a))):
        if alias.strip() and name_key(alias) not in seen:
            seen.add(name_key(alias))
            out.append(alias)
    return out


def _form_rank(name: str) -> tuple:
    """Which of the forms of one name to show: capitalised before lower case, then not in
    capitals unless short (NATO), then without accents lost (Moskvá before Moskva)."""
    shouted = name.isupper() and len(name) > 5
    return (not name[:1].isupper(), shouted, -len(name.encode("utf-8")), name)


@lru_cache(maxsize=4096)  # a source's title is shortened for each of its citations
def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:-") + "\u2026"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
