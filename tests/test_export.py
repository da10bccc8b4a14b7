"""briefing.json: the machine-readable export, read by the scorer and by the next build."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.model import Entity, from_json
from generator.render import render_site

sys.path.insert(0, str(Path(__file__).parent))
from briefing_samples import TALKS, sample_briefing  # noqa: E402

SCORER = Path("/work/shared/eval/score.py")
SEED_GOLD = Path("/work/shared/eval/seed-gold.yml")


@pytest.fixture(scope="module")
def export_text() -> str:
    return render_site(sample_briefing()).files["briefing.json"]


@pytest.fixture(scope="module")
def export(export_text) -> dict:
    return json.loads(export_text)


def entity(export, kind, id):
    return next(e for e in export["entities"] if (e["kind"], e["id"]) == (kind, id))


def test_sources_carry_their_details_and_page(export):
    talks = next(s for s in export["sources"] if s["id"] == TALKS)
    assert talks == {"id": TALKS, "title": "Envoys to meet in Geneva as tensions rise", "date": "2022-01-08",
                     "url": "https://news.example.org/2022/01/08/envoys", "publisher": "Example Wire",
                     "author": "A. Writer", "page": f"sources/{TALKS}.md"}


def test_every_entity_has_the_common_fields_and_a_page(export):
    assert len(export["entities"]) == 12
    for e in export["entities"]:
        assert {"id", "kind", "name", "aliases", "page", "mentions"} <= set(e)
        assert e["page"] == {"actor": "actors", "place": "places", "treaty": "treaties", "event": "events"}[e["kind"]] + f"/{e['id']}.md"
        for m in e["mentions"]:
            assert set(m) == {"source", "paragraph", "sentence", "offset"}  # offset: the sentence's place in the paragraph


def test_actors_events_and_treaties_carry_their_own_fields(export):
    sherman = entity(export, "actor", "wendy-sherman")
    assert sherman["type"] == "person" and sherman["roles"] == ["Deputy Secretary of State"]
    assert sherman["aliases"] == ["Deputy Secretary of State Wendy Sherman", "Sherman", "Wendy Sherman"]
    assert sherman["mentions"][0] == {"source": TALKS, "paragraph": 2, "offset": 0,
                                      "sentence": "Deputy Secretary of State Wendy Sherman will meet Sergei Ryabkov in Geneva on Monday."}
    assert sherman["quotes"][0]["reference"]["paragraph"] == 3
    meeting = entity(export, "event", "last-meeting")
    assert (meeting["date"], meeting["date_precision"], meeting["date_text"]) == ("2019-07", "month", "in July 2019")
    assert meeting["participants"] == ["united-states", "russia"] and meeting["place"] is None
    assert entity(export, "treaty", "inf-treaty")["year"] == 1987
    assert entity(export, "actor", "nato")["stale"] is True
    assert "stale" not in sherman and "year" not in sherman and "type" not in entity(export, "place", "geneva")


def test_the_export_reads_back_as_the_same_entities():
    briefing = sample_briefing()
    exported = json.loads(render_site(briefing).files["briefing.json"])["entities"]
    for original, data in zip(sorted(briefing.entities, key=lambda e: (e.kind, e.id)), exported):
        if original.kind == "event" and original.summary is None and original.mentions:
            # an event nobody summed up is summed up by its evidence sentence (derived, not curated)
            assert data.pop("summary") == min(original.mentions, key=lambda r: (r.source, r.paragraph, r.offset, r.sentence)).sentence
        assert from_json(Entity, data) == original


def test_the_export_is_deterministic_sorted_and_keeps_non_ascii(export_text):
    briefing = sample_briefing()
    briefing.entities.reverse()
    briefing.sources.reverse()
    for e in briefing.entities:
        e.mentions.reverse()
    assert render_site(briefing).files["briefing.json"] == export_text
    next(e for e in briefing.entities if e.id == "geneva").aliases.append("Genève")
    text = render_site(briefing).files["briefing.json"]
    assert '"Genève"' in text and text.endswith("}\n")
    data = json.loads(text)
    assert [(e["kind"], e["id"]) for e in data["entities"]] == sorted((e["kind"], e["id"]) for e in data["entities"])
    lines = text.splitlines()  # one record per line, between the lines that open and close the lists
    records = [line.strip().rstrip(",") for line in lines if line.startswith("  ")]
    assert [json.loads(r) for r in records] == data["entities"] + data["sources"]
    assert records == [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in data["entities"] + data["sources"]]
    assert lines[:2] == ["{", ' "entities": ['] and lines[-1] == "}"


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not on this machine")
def test_the_scorer_reads_the_export(tmp_path, export_text):
    path = tmp_path / "briefing.json"
    path.write_text(export_text, encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCORER), str(SEED_GOLD), str(path), "--json"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout[: run.stdout.rindex("}") + 1])
    assert report["actors"]["output"] == 5 and report["events"]["output"] == 5
    found = {name for kind in report.values() for name in kind["unmatched_output"]}
    assert "Wendy Sherman" not in found and "Russia" not in found  # matched gold actors by name or alias
    assert report["treaties"]["recall"] == 0.5  # the INF Treaty, by its aliases
