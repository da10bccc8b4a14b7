"""`briefing.json`: the machine-readable export of the briefing (what the site shows, as data).

Every entity is written with the fields of its kind, named as in `model.Entity`, plus `page`
(its path relative to docs/), so a later build can read it back with `model.from_json`.
Sorted, non-ASCII kept, one record per line (a change shows as the lines of the records it
changes), trailing newline: the same briefing gives the same bytes.
"""
from __future__ import annotations

import json

from ..model import Briefing, Entity, Source, to_json
from .catalog import page_path, reference_order

# Fields written for every entity, then per kind (empty optional values are left out).
COMMON_FIELDS = ("id", "kind", "name", "aliases", "mentions", "summary", "stale")
KIND_FIELDS = {
    "actor": ("type", "roles", "country", "quotes"),
    "place": (),
    "treaty": ("year", "status", "parties"),
    "event": ("date", "date_precision", "date_text", "participants", "place", "treaties"),
}
ALWAYS = {"id", "kind", "name", "aliases", "mentions", "type", "roles", "date", "date_precision",
          "date_text", "participants", "place", "year"}  # written even when empty (schema)


def export_entity(entity: Entity) -> dict:
    data = {"page": page_path(entity.kind, entity.id)}
    for name in COMMON_FIELDS + KIND_FIELDS.get(entity.kind, ()):
        value = getattr(entity, name)
        if name == "summary" and not value and entity.kind == "event" and entity.mentions:
            # An event without a person's summary is summed up by the sentence that tells it.
            value = sorted(set(entity.mentions), key=reference_order)[0].sentence
        if name == "mentions":
            value = sorted(set(value), key=reference_order)
        elif name == "quotes":
            value = sorted(value, key=lambda q: (reference_order(q.reference), q.text, q.date or ""))
        if name in ALWAYS or value not in (None, False, [], ""):
            data[name] = to_json(value)
    return data


def export_source(source: Source) -> dict:
    return {
        "id": source.id,
        "title": source.title,
        "date": source.date,
        "url": source.url,
        "publisher": source.publisher,
        "author": source.author,
        "page": page_path("source", source.id),
    }


def briefing_json(briefing: Briefing) -> str:
    """The export, one record at a time: the whole export as dicts at once would cost several
    times the memory of its text."""
    sections = {
        "entities": (export_entity(e) for e in sorted(briefing.entities, key=lambda e: (e.kind, e.id))),
        "sources": (export_source(s) for s in sorted(briefing.sources, key=lambda s: s.id)),
    }
    parts = [_json_list(name, records) for name, records in sorted(sections.items())]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _json_list(name: str, records) -> str:
    """` "name": [...]` at the export's first level, each record on a line of its own (json's
    C encoder writes a record without indentation, several times faster; a JSON string holds
    no raw newline)."""
    items = [json.dumps(record, ensure_ascii=False, sort_keys=True) for record in records]
    key = json.dumps(name)
    return f" {key}: [\n  " + ",\n  ".join(items) + "\n ]" if items else f" {key}: []"
