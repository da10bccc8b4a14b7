"""The briefing indexed for rendering: lookups by id, the relations between entities that
pages show (who took part in what, who is mentioned with whom), and page paths and links.

Everything is computed once per render from the Briefing alone; every list is sorted with
a stable tie-break so that pages come out byte-identical from the same data.
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..model import Briefing, Entity, Reference, Source
from . import dates
from .escape import link_target

SECTIONS = {"actor": "actors", "place": "places", "treaty": "treaties", "event": "events", "source": "sources"}
Key = tuple[str, str]  # (kind, id)


def page_path(kind: str, id: str) -> str:
    return f"{SECTIONS[kind]}/{id}.md"


@lru_cache(maxsize=65536)
def relative_path(to: str, start: str) -> str:
    """`posixpath.relpath` for paths inside the site, without asking the file system."""
    target, base = [p for p in to.split("/") if p], [p for p in start.split("/") if p]
    common = 0
    while common < min(len(target), len(base)) and target[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "."


@lru_cache(maxsize=1 << 18)
def link_from_folder(folder: str, to_page: str, anchor: str | None = None) -> str:
    """A relative `.md` link from any page of `folder` (MkDocs checks it under --strict and
    rewrites it for its URLs). The pages of one folder link a page with the same target, so
    it is computed once per folder."""
    return link_target(relative_path(to_page, folder), anchor)


def directory_url(page: str) -> str:
    """The URL of a page under `use_directory_urls`, relative to the site root."""
    stem = page[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_href(from_page: str, to_page: str) -> str:
    """A relative URL for raw HTML links (MkDocs does not rewrite those): computed for
    `use_directory_urls` and never starting with `/`, so a site served from a sub-path works."""
    rel = relative_path(directory_url(to_page), directory_url(from_page))
    return link_target("./" if rel == "." else rel + "/")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Sort key for names: accents and case do not change the order."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def entity_order(entity: Entity) -> tuple:
    return (name_key(entity.name), entity.name, entity.kind, entity.id)


def event_order(event: Entity) -> tuple:
    return (dates.sort_key(event.date), name_key(event.name), event.id)


def reference_order(ref: Reference) -> tuple:
    return (ref.source, ref.paragraph, ref.offset, ref.sentence)


@dataclass(frozen=True)
class CoMention:
    """Another actor named in the same source paragraphs as an entity."""

    actor: Entity
    paragraphs: int  # shared source paragraphs
    sentences: int  # shared sentences (a closer tie; breaks ties between equal paragraphs)


class Catalog:
    def __init__(self, briefing: Briefing):
        self.briefing = briefing
        self.entities: dict[Key, Entity] = {(e.kind, e.id): e for e in briefing.entities}
        self.sources: dict[str, Source] = {s.id: s for s in briefing.sources}
        self._co_mentions: dict[Key, list[CoMention]] = {}
        self._co_mention_counts: dict[Key, dict[str, int]] = {}
        self._sources_of: dict[Key, list[Source]] = {}
        self._participants: dict[Key, list[Entity]] = {}
        self._mentions: dict[Key, list[Reference]] = {}
        # What many pages show alike (views.py: links, citations, event items), made once per render.
        self.memo: dict[tuple, object] = {}

    # ------------------------------------------------------------------ lookups

    def of_kind(self, kind: str) -> list[Entity]:
        return list(self._by_kind.get(kind, ()))

    @cached_property
    def _by_kind(self) -> dict[str, list[Entity]]:
        """Each kind's entities in name order, sorted once (pages ask for them again and again)."""
        by_kind: dict[str, list[Entity]] = defaultdict(list)
        for entity in self.briefing.entities:
            by_kind[entity.kind].append(entity)
        return {kind: sorted(entities, key=entity_order) for kind, entities in by_kind.items()}

    def find(self, id: str | None, *kinds: str) -> Entity | None:
        """The entity with this id, trying `kinds` in order (ids are unique within a kind)."""
        for kind in kinds:
            entity = self.entities.get((kind, id or ""))
            if entity is not None:
                return entity
        return None

    def participants(self, event: Entity) -> list[Entity]:
        key = (event.kind, event.id)
        if key not in self._participants:  # an event is listed on the page of each participant
            found = (self.find(p, "actor", "place", "treaty") for p in event.participants)
            self._participants[key] = _unique(e for e in found if e is not None)
        return self._participants[key]

    def parties(self, treaty: Entity) -> list[Entity]:
        return _unique(e for e in (self.find(p, "actor") for p in treaty.parties) if e is not None)

    def treaties_of_event(self, event: Entity) -> list[Entity]:
        return _unique(e for e in (self.find(t, "treaty") for t in event.treaties) if e is not None)

    def place_of(self, event: Entity) -> Entity | None:
        return self.find(event.place, "place", "actor")

    def country_of(self, actor: Entity) -> Entity | None:
        return self.find(actor.country, "actor", "place")

    # ------------------------------------------------------------------ relations

    @cached_property
    def _events_naming(self) -> dict[Key, list[Entity]]:
        naming: dict[Key, list[Entity]] = defaultdict(list)
        for event in self.of_kind("event"):
            related = [*self.participants(event), *self.treaties_of_event(event)]
            place = self.place_of(event)
            if place is not None:
                related.append(place)
            for entity in _unique(related):
                naming[(entity.kind, entity.id)].append(event)
        return {key: sorted(events, key=event_order) for key, events in naming.items()}

    def events_of(self, entity: Entity) -> list[Entity]:
        """Events the entity takes part in, happen at it or concern it: oldest first, undated last."""
        return self._events_naming.get((entity.kind, entity.id), [])

    def treaties_of(self, actor: Entity) -> list[Entity]:
        """Treaties the actor is a party to or that concern events it took part in."""
        treaties = [t for t in self.of_kind("treaty") if actor.id in t.parties and actor.kind == "actor"]
        for event in self.events_of(actor):
            treaties.extend(self.treaties_of_event(event))
        return sorted(_unique(treaties), key=entity_order)

    @cached_property
    def _actors_in(self) -> tuple[dict, dict]:
        by_paragraph: dict[tuple[str, int], set[str]] = defaultdict(set)
        by_sentence: dict[tuple[str, int, str], set[str]] = defaultdict(set)
        for actor in self.briefing.entities:
            if actor.kind != "actor":
                continue
            for ref in actor.mentions:
                by_paragraph[(ref.source, ref.paragraph)].add(actor.id)
                by_sentence[(ref.source, ref.paragraph, ref.sentence)].add(actor.id)
        return by_paragraph, by_sentence

    def co_mentions(self, entity: Entity) -> list[CoMention]:
        """Actors named in the same paragraphs as `entity`, most shared paragraphs first."""
        key = (entity.kind, entity.id)
        if key not in self._co_mentions:
            self._co_mentions[key] = self._rank_co_mentions(entity)
        return self._co_mentions[key]

    def co_mention_counts(self, entity: Entity) -> dict[str, int]:
        """Shared paragraphs by actor id, for the actors named with `entity`."""
        key = (entity.kind, entity.id)
        if key not in self._co_mention_counts:
            self._co_mention_counts[key] = {c.actor.id: c.paragraphs for c in self.co_mentions(entity)}
        return self._co_mention_counts[key]

    def _rank_co_mentions(self, entity: Entity) -> list[CoMention]:
        by_paragraph, by_sentence = self._actors_in
        paragraphs: Counter[str] = Counter()
        sentences: Counter[str] = Counter()
        for where in sorted({(r.source, r.paragraph) for r in entity.mentions}):
            paragraphs.update(by_paragraph.get(where, ()))
        for where in sorted({(r.source, r.paragraph, r.sentence) for r in entity.mentions}):
            sentences.update(by_sentence.get(where, ()))
        if entity.kind == "actor":
            paragraphs.pop(entity.id, None)
        ranked = [CoMention(self.entities[("actor", id)], count, sentences[id]) for id, count in paragraphs.items()]
        return sorted(ranked, key=lambda c: (-c.paragraphs, -c.sentences, *entity_order(c.actor)))

    # ------------------------------------------------------------------ sources

    def mentions(self, entity: Entity) -> list[Reference]:
        """Distinct references to sources that exist, in source and paragraph order."""
        key = (entity.kind, entity.id)
        if key not in self._mentions:  # an event's are cited on the page of each participant
            self._mentions[key] = sorted({r for r in entity.mentions if r.source in self.sources}, key=reference_order)
        return self._mentions[key]

    def sources_of(self, entity: Entity) -> list[Source]:
        """Sources that mention the entity, oldest first."""
        key = (entity.kind, entity.id)
        if key not in self._sources_of:
            ids = {r.source for r in self.mentions(entity)}
            self._sources_of[key] = sorted((self.sources[i] for i in ids), key=source_order)
        return self._sources_of[key]

    def first_last(self, entity: Entity) -> tuple[str | None, str | None]:
        """Dates of the oldest and newest dated source that mentions the entity."""
        key = ("first_last", entity.kind, entity.id)
        if key not in self.memo:  # on the entity's page and in its section's index
            dated = [s.date for s in self.sources_of(entity) if dates.parse(s.date)]
            self.memo[key] = (min(dated), max(dated)) if dated else (None, None)
        return self.memo[key]

    @cached_property
    def _named_in(self) -> dict[str, list[Entity]]:
        named: dict[str, set[Key]] = defaultdict(set)
        for entity in self.briefing.entities:
            for ref in entity.mentions:
                named[ref.source].add((entity.kind, entity.id))
        return {s: sorted((self.entities[k] for k in keys), key=entity_order) for s, keys in named.items()}

    def named_in(self, source: Source) -> list[Entity]:
        return self._named_in.get(source.id, [])


def source_order(source: Source) -> tuple:
    return (dates.sort_key(source.date), name_key(source.title), source.id)


def _unique(entities) -> list[Entity]:
    seen: set[Key] = set()
    out = []
    for e in entities:
        if (e.kind, e.id) not in seen:
            seen.add((e.kind, e.id))
            out.append(e)
    return out
