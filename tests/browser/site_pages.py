"""Which pages of the built site stand for each page type, chosen from its briefing.json so
the tests do not depend on what extraction found (beyond the stable anchor, Wendy Sherman)."""
from __future__ import annotations

ANCHOR_ACTOR = "actors/wendy-sherman/"


def url_of(page: str) -> str:
    """The directory URL of a docs/ page path ("actors/x.md" -> "actors/x/")."""
    stem = page[: -len(".md")]
    return "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


def first_page(briefing: dict, kind: str, *, dated: bool = False) -> str:
    """The page of the entity of `kind` most sources mention (ties: by id)."""
    entities = [e for e in briefing["entities"] if e["kind"] == kind and not (dated and not e.get("date"))]
    assert entities, f"the sample briefing has no {kind}"
    best = min(entities, key=lambda e: (-len({m["source"] for m in e["mentions"]}), e["id"]))
    return url_of(best["page"])


def page_types(briefing: dict) -> dict[str, str]:
    """One URL per page type the site generates."""
    return {
        "home": "",
        "timeline": "timeline/",
        "graph": "graph/",
        "tags": "tags/",
        "actor index": "actors/",
        "event index": "events/",
        "place index": "places/",
        "treaty index": "treaties/",
        "source index": "sources/",
        "actor": ANCHOR_ACTOR,
        "place": first_page(briefing, "place"),
        "treaty": first_page(briefing, "treaty"),
        "event": first_page(briefing, "event", dated=True),
        "source": url_of(sorted(briefing["sources"], key=lambda s: s["id"])[0]["page"]),
    }
