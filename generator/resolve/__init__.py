"""Resolve: every document's extraction merged into one briefing, and people's curation
applied.

1. Mentions become actors, places and treaties (entities.py): one per real-world thing.
2. Each gets a stable id: the id it had in the previous build when it shares a name or alias
   with an entity of that build (so pages and links survive a new source), else a slug.
3. Curation from the pages' front matter: `merge_into` and `hidden` first (they change what
   the events are about), then events are grouped (events.py), then the overrides (`title`,
   `aliases`, `type`, `summary`, `date`), and pages a person edited whose entity is gone stay
   as `stale` entities.
4. Quotes go to their speakers, events give treaties their parties, persons get the country
   their titles name; each source lists the spans of text that name an entity.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from .. import gazetteer
from ..diagnostics import Report
from ..model import Briefing, Curation, Document, Entity, Extraction, Mention, PageCuration, Quote, Reference, Source
from ..slugs import unique_slug
from . import entities as clustering
from . import events as event_grouping
from .names import fold

SECTION_OF = {"actor": "actors", "place": "places", "treaty": "treaties", "event": "events"}
MentionKey = tuple[str, int]  # (document id, index in its extraction's mentions)


class _Draft:
    """The briefing while it is being resolved: entities and which mention belongs to which."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.owner: dict[MentionKey, Entity] = {}
        self.mention_keys: dict[int, list[MentionKey]] = defaultdict(list)  # id(entity) -> its mentions

    def add(self, entity: Entity, keys: list[MentionKey]) -> None:
        self.entities.append(entity)
        for key in keys:
            self.owner[key] = entity
        self.mention_keys[id(entity)] = list(keys)

    def remove(self, entity: Entity, into: Entity | None = None) -> None:
        """Drop an entity; its mentions go to `into` when given (a merge), else nowhere."""
        self.entities.remove(entity)
        for key in self.mention_keys.pop(id(entity), []):
            if into is None:
                self.owner.pop(key, None)
            else:
                self.owner[key] = into
                self.mention_keys[id(into)].append(key)
        if into is not None:
            into.mentions = _unique_references(into.mentions + entity.mentions)
            into.aliases = sorted(set(into.aliases) | set(entity.aliases) | {entity.name})
            into.roles = list(dict.fromkeys(into.roles + entity.roles))
            into.quotes += entity.quotes

    def find(self, kind: str, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.kind == kind and e.id == entity_id), None)


def resolve(documents: list[Document], extractions: list[Extraction], curation: Curation, report: Report) -> Briefing:
    draft = _Draft()
    for cluster in clustering.cluster_mentions(documents, extractions):
        draft.add(_entity_of(cluster), [(r.document.id, r.index) for r in cluster.records])
    pages = {(p.kind, p.id): p for p in curation.pages}
    reserved = {key for key, page in pages.items() if page.edited}
    _assign_ids(list(draft.entities), curation.previous, reserved)
    _apply_structural_curation(draft, pages, ("actor", "place", "treaty"), report)
    _add_events(draft, documents, extractions, curation, reserved)
    _apply_structural_curation(draft, pages, ("event",), report)
    _add_quotes(draft, documents, extractions)
    _add_facts(draft)
    _add_stale_pages(draft, pages, curation, report)
    _apply_overrides(draft, pages)
    entities = sorted(draft.entities, key=lambda e: (e.kind, e.id))
    return Briefing(sources=[_source(d, x, draft) for d, x in zip(documents, extractions)], entities=entities)


# --------------------------------------------------------------------------- entities


def _entity_of(cluster: clustering.Cluster) -> Entity:
    mentions = cluster.mentions
    entity = Entity(
        id="",
        kind=cluster.kind,
        name=clustering.best_name(cluster),
        aliases=sorted({n for m in mentions for n in (m.text, m.name) if not clustering.generic_form(n)}),
        mentions=_unique_references([r.reference for r in cluster.records]),
    )
    if cluster.kind == "actor":
        entity.type = clustering.actor_type(cluster)
        entity.roles = clustering.roles(cluster) if entity.type == "person" else []
        entity.country = clustering.affiliation(cluster)  # a gazetteer key until _add_facts
    elif cluster.kind == "treaty":
        entity.year = clustering.treaty_year(cluster)
    return entity


def _unique_references(references):
    return sorted(set(references), key=lambda r: (r.source, r.paragraph, r.offset, r.sentence))


def _names(entity: Entity) -> set[str]:
    return {fold(n) for n in [entity.name, *entity.aliases] if fold(n)}


def _canonical(entity: Entity) -> tuple:
    """A total order: two events of one day with one name ("Relations deteriorate") are told
    apart by what cites them, so each gets the same id in every build."""
    first = entity.mentions[0] if entity.mentions else None
    return (entity.kind, _id_base(entity), entity.name, -len(entity.mentions),
            (first.source, first.paragraph, first.offset) if first else ("", 0, 0))


def _assign_ids(entities: list[Entity], previous: list[Entity], reserved: set[tuple[str, str]]) -> None:
    """Ids that stay what they were: an entity keeps the id the previous build gave to an entity
    sharing a name or alias with it (an event: on the same date too, since names like "Talks
    begin" recur; or told by the same sentence, since an event's name changes with the names
    in it when a new source calls a treaty otherwise), preferring the id it would get anyway;
    the rest get a slug of their name. The same inputs give the same ids whether or not a
    previous build is there, so a rebuild renames nothing. `reserved` ids (pages people
    edited) are never given to another entity."""
    old_by_key = {(old.kind, old.id): old for old in previous}
    by_name: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    by_sentence: dict[tuple, list[Entity]] = defaultdict(list)
    for old in previous:
        for name in _names(old):
            by_name[(old.kind, name)].append(old)
        if old.kind == "event":
            for reference in {(r.source, r.paragraph, r.sentence) for r in old.mentions}:
                by_sentence[reference].append(old)

    def related(entity: Entity) -> Counter:
        if entity.kind != "event":
            return Counter(old.id for name in _names(entity) for old in by_name.get((entity.kind, name), []))
        same = [old for name in _names(entity) for old in by_name.get(("event", name), [])]
        same += [old for reference in {(r.source, r.paragraph, r.sentence) for r in entity.mentions}
                 for old in by_sentence.get(reference, [])]
        return Counter(old.id for old in same if old.date == entity.date)

    fresh_taken: dict[str, set[str]] = defaultdict(set)
    fresh = {id(e): unique_slug(_id_base(e), fresh_taken[e.kind]) for e in sorted(entities, key=_canonical)}
    assigned: dict[str, set[str]] = defaultdict(set)
    pending = []
    for entity in sorted(entities, key=_canonical):  # 1. the id it would get anyway, when it had it
        candidate = fresh[id(entity)]
        had_it = (entity.kind, candidate) in old_by_key and candidate in related(entity)
        if had_it or ((entity.kind, candidate) in reserved and not previous):  # no previous build to ask: the page's name says
            entity.id = candidate
            assigned[entity.kind].add(candidate)
        else:
            pending.append(entity)
    rest = []
    for entity in sorted(pending, key=lambda e: (-len(e.mentions), _canonical(e))):  # 2. the id of the same thing before
        overlap = related(entity)
        best = sorted(((n, old_id) for old_id, n in overlap.items() if old_id not in assigned[entity.kind]), key=lambda t: (-t[0], t[1]))
        if best:
            entity.id = best[0][1]
            assigned[entity.kind].add(entity.id)
        else:
            rest.append(entity)
    for entity in sorted(rest, key=_canonical):  # 3. new things, never on the page of another
        taken = assigned[entity.kind] | {old_id for kind, old_id in reserved if kind == entity.kind}
        entity.id = unique_slug(_id_base(entity), taken)
        assigned[entity.kind].add(entity.id)


def _id_base(entity: Entity) -> str:
    return f"{entity.date} {entity.name}" if entity.kind == "event" and entity.date else entity.name


# --------------------------------------------------------------------------- events


def _add_events(draft: _Draft, documents: list[Document], extractions: list[Extraction], curation: Curation,
                reserved: set[tuple[str, str]]) -> None:
    records = []
    for document, extraction in zip(documents, extractions):
        for event in extraction.events:
            participants = _owned_ids(draft, document.id, event.participants, "actor")
            place = _owned_ids(draft, document.id, [event.place] if event.place is not None else [], "place")
            treaties = _owned_ids(draft, document.id, event.treaties, "treaty")
            records.append(event_grouping.EventRecord(document, extraction, event, participants, place[0] if place else None, treaties))
    actor_types = {e.id: e.type for e in draft.entities if e.kind == "actor"}
    in_sentence: dict[tuple[str, int], list[tuple[int, Mention]]] = defaultdict(list)  # the mentions of each sentence
    for document, extraction in zip(documents, extractions):
        for index, mention in enumerate(extraction.mentions):
            in_sentence[(document.id, mention.sentence)].append((index, mention))
    new_events = []
    for group in event_grouping.group_events(records, actor_types):
        lead = event_grouping.headline(group)
        date = lead.date
        names = {id(r): _canonical_words(draft, r, in_sentence) for r in group}
        event = Entity(
            id="", kind="event", name=names[id(lead)],
            aliases=sorted(set(names.values())),
            mentions=_unique_references([r.reference for r in group]),
            date=date.iso, date_precision=date.iso_precision, date_text=lead.date_text,
            participants=sorted({p for r in group for p in r.participants}),
            place=next((r.place for r in group if r.place), None),
            treaties=sorted({t for r in group for t in r.treaties}),
        )
        new_events.append(event)
        draft.add(event, [])
    _assign_ids(new_events, curation.previous, reserved)


def _canonical_words(draft: _Draft, record: event_grouping.EventRecord,
                     in_sentence: dict[tuple[str, int], list[tuple[int, Mention]]]) -> str:
    """An event's name with each name in it as the briefing writes it: "Trump withdraws from
    the Intermediate-Range Nuclear Forces Treaty", whatever variant the sentence used."""
    name = record.event.name
    for index, mention in in_sentence.get((record.document.id, record.event.sentence), []):
        owner = draft.owner.get((record.document.id, index))
        if owner is not None and mention.name != owner.name and len(mention.name) > 3:
            name = re.sub(rf"(?<!\w){re.escape(mention.name)}(?!\w)", owner.name, name)
    return name


def _owned_ids(draft: _Draft, document_id: str, indices: list[int], kind: str) -> list[str]:
    ids = []
    for index in indices:
        owner = draft.owner.get((document_id, index))
        if owner is not None and owner.kind == kind and owner.id not in ids:
            ids.append(owner.id)
    return ids


# --------------------------------------------------------------------------- quotes and facts


def _add_quotes(draft: _Draft, documents: list[Document], extractions: list[Extraction]) -> None:
    for document, extraction in zip(documents, extractions):
        for quote in extraction.quotes:
            speaker = draft.owner.get((document.id, quote.speaker)) if quote.speaker is not None else None
            if speaker is None or speaker.kind != "actor":
                continue
            sentence = extraction.sentences[quote.sentence]
            speaker.quotes.append(Quote(quote.text, speaker.id, Reference(document.id, sentence.paragraph, sentence.text, sentence.start),
                                        document.date.isoformat() if document.date else None))
    for entity in draft.entities:
        entity.quotes = sorted(set(entity.quotes), key=lambda q: (q.date or "", q.reference.source, q.reference.paragraph, q.text))


def _add_facts(draft: _Draft) -> None:
    """Persons get the country their titles name; treaties get the parties of their events."""
    countries = {e.name: e.id for e in draft.entities if e.kind == "actor" and e.type == "country"}
    for entity in draft.entities:
        if entity.kind != "actor":
            continue
        key = entity.country
        entity.country = None
        if key and key.startswith("country:"):
            known = gazetteer.entity(key)
            entity.country = countries.get(known.name) if known else None
        elif key and key.startswith("org:"):
            known = gazetteer.entity(key)
            country_key = getattr(known, "country", None)
            country = gazetteer.entity(country_key) if country_key else None
            entity.country = countries.get(country.name) if country else None
    country_ids = set(countries.values())
    parties: dict[str, set[str]] = defaultdict(set)  # treaty id -> the countries of its events
    for event in (e for e in draft.entities if e.kind == "event"):
        for treaty_id in event.treaties:
            parties[treaty_id].update(p for p in event.participants if p in country_ids)
    for treaty in (e for e in draft.entities if e.kind == "treaty"):
        treaty.parties = sorted(parties.get(treaty.id, ()))
        if "draft" in fold(treaty.name).split():
            treaty.status = "draft"


# --------------------------------------------------------------------------- curation


def _apply_structural_curation(draft: _Draft, pages: dict[tuple[str, str], PageCuration], kinds: tuple[str, ...], report: Report) -> None:
    """`merge_into` moves an entity's mentions and aliases to another; `hidden` drops it."""
    for (kind, entity_id), page in sorted(pages.items()):
        if kind not in kinds or not (page.overrides.get("merge_into") or page.overrides.get("hidden")):
            continue
        entity = draft.find(kind, entity_id)
        if entity is None:
            continue
        target_id = page.overrides.get("merge_into")
        if target_id:
            target_kind, _, bare_id = target_id.rpartition("/")
            target_kind = next((k for k, section in SECTION_OF.items() if section == target_kind), kind) if target_kind else kind
            target = draft.find(target_kind, bare_id)
            if target is None or target is entity:
                report.warn(f"docs/{page.path}", f"merge_into: {target_id} names no other {kind} of this build; the page stays as it is")
                continue
            draft.remove(entity, into=target)
            _repoint(draft, entity.id, target.id, kind)
        elif page.overrides.get("hidden"):
            draft.remove(entity)
            _repoint(draft, entity.id, None, kind)


def _repoint(draft: _Draft, old: str, new: str | None, kind: str) -> None:
    """References to an entity that was merged (new id) or hidden (None) are updated."""
    def swap(ids: list[str]) -> list[str]:
        out = [new if i == old else i for i in ids]
        return sorted({i for i in out if i})
    for entity in draft.entities:
        if kind == "actor":
            entity.participants = swap(entity.participants)
            entity.parties = swap(entity.parties)
            if entity.country == old:
                entity.country = new
        elif kind == "place" and entity.place == old:
            entity.place = new
        elif kind == "treaty":
            entity.treaties = swap(entity.treaties)


def _apply_overrides(draft: _Draft, pages: dict[tuple[str, str], PageCuration]) -> None:
    for entity in draft.entities:
        page = pages.get((entity.kind, entity.id))
        if page is None:
            continue
        overrides = page.overrides
        if overrides.get("title"):
            if entity.name not in entity.aliases:
                entity.aliases = sorted(set(entity.aliases) | {entity.name})
            entity.name = str(overrides["title"])
        if overrides.get("aliases"):
            entity.aliases = sorted(set(entity.aliases) | {str(a) for a in overrides["aliases"]})
        if overrides.get("type") and entity.kind == "actor":
            entity.type = str(overrides["type"])
        if overrides.get("summary"):
            entity.summary = str(overrides["summary"])
        if overrides.get("date") and entity.kind == "event":
            entity.date = str(overrides["date"])
            entity.date_precision = {10: "day", 7: "month", 4: "year"}[len(entity.date)]


def _add_stale_pages(draft: _Draft, pages: dict[tuple[str, str], PageCuration], curation: Curation, report: Report) -> None:
    """A page a person edited whose entity no source mentions any more stays, marked stale."""
    present = {(e.kind, e.id) for e in draft.entities}
    previous = {(e.kind, e.id): e for e in curation.previous}
    for (kind, entity_id), page in sorted(pages.items()):
        if kind not in SECTION_OF or (kind, entity_id) in present or not page.edited:
            continue
        if page.overrides.get("hidden") or page.overrides.get("merge_into"):
            continue
        old = previous.get((kind, entity_id))
        entity = Entity(id=entity_id, kind=kind, name=str(page.overrides.get("title") or (old.name if old else entity_id)),
                        aliases=sorted(old.aliases) if old else [], type=old.type if old else None,
                        roles=list(old.roles) if old else [], stale=True)
        if old is not None and kind == "event":
            entity.date, entity.date_precision, entity.date_text = old.date, old.date_precision, old.date_text
        entity.summary = page.overrides.get("summary")
        draft.add(entity, [])
        report.warn(f"docs/{page.path}", "no source mentions this entity any more; the page is kept because a person edited it (delete the page to drop it)")


# --------------------------------------------------------------------------- sources


def _source(document: Document, extraction: Extraction, draft: _Draft) -> Source:
    links = []
    for index, mention in enumerate(extraction.mentions):
        owner = draft.owner.get((document.id, index))
        if owner is None:
            continue
        paragraph = extraction.sentences[mention.sentence].paragraph
        links.append((paragraph, mention.start, mention.end, owner.kind, owner.id))
    return Source(
        id=document.id, path=document.path, title=document.title,
        date=document.date.isoformat() if document.date else None,
        paragraphs=document.paragraphs, url=document.url, publisher=document.publisher, author=document.author,
        links=sorted(set(links)),
    )
