"""Resolve: mentions from several documents become one entity per real-world thing, ids stay
stable across builds, and people's curation is applied."""
from __future__ import annotations

from datetime import date

from generator.model import Curation, Entity, PageCuration
from tests.extraction import briefing, document, entity

FIRST = document("President Vladimir Putin met Chancellor Olaf Brandt in Moscow on Monday.",
                 "The U.S. said it would not take part.", doc_id="first")
SECOND = document("Putin told reporters on Friday that the United States had ignored Russia's demands.",
                  "The Kremlin said America would answer in writing.", doc_id="second")


def test_a_surname_and_a_full_name_in_two_documents_are_one_person():
    result = briefing(FIRST, SECOND)
    putin = entity(result, "actor", "Vladimir Putin")
    assert {"Putin", "President Vladimir Putin"} <= set(putin.aliases)
    assert {r.source for r in putin.mentions} == {"first", "second"}
    assert putin.roles == ["President"]


def test_country_variants_and_metonyms_are_one_country():
    result = briefing(FIRST, SECOND)
    us = entity(result, "actor", "United States")
    assert {"U.S.", "United States", "America"} <= set(us.aliases)
    russia = entity(result, "actor", "Russia")
    assert "Kremlin" in russia.aliases


def test_two_people_sharing_a_surname_across_documents_stay_apart():
    result = briefing(document("National security adviser Peter Quarles spoke on Monday.", doc_id="a"),
                      document("Ambassador Thomas Quarles left Moscow in April.", doc_id="b"),
                      document("Quarles said the talks were useful.", doc_id="c"))
    people = sorted(e.name for e in result.entities if e.kind == "actor" and "Quarles" in e.name)
    assert people == ["Peter Quarles", "Quarles", "Thomas Quarles"]
    # "Quarles" alone, in a document that names neither, is not given to one of them
    assert "Quarles" not in entity(result, "actor", "Peter Quarles").aliases
    assert "Quarles" not in entity(result, "actor", "Thomas Quarles").aliases


def test_every_mention_links_to_its_source_paragraph():
    result = briefing(FIRST)
    source = next(s for s in result.sources if s.id == "first")
    putin = entity(result, "actor", "Vladimir Putin")
    assert (1, "actor", putin.id) in {(p, kind, i) for p, _, _, kind, i in source.links}
    assert putin.mentions[0].paragraph == 1
    assert putin.mentions[0].sentence.startswith("President Vladimir Putin met")


def test_ids_are_kept_from_the_previous_build():
    previous = [Entity(id="putin-page", kind="actor", name="V. Putin", aliases=["Vladimir Putin"])]
    result = briefing(FIRST, curation=Curation(previous=previous))
    assert entity(result, "actor", "Vladimir Putin").id == "putin-page"


def test_curation_renames_adds_aliases_and_types():
    first = briefing(FIRST)
    brandt = entity(first, "actor", "Olaf Brandt")
    page = PageCuration(path=f"actors/{brandt.id}.md", kind="actor", id=brandt.id, edited=True,
                        overrides={"title": "Olaf B. Brandt", "aliases": ["The Chancellor"], "summary": "Head of government."})
    result = briefing(FIRST, curation=Curation(pages=[page]))
    renamed = entity(result, "actor", "Olaf B. Brandt")
    assert renamed.id == brandt.id
    assert {"The Chancellor", "Olaf Brandt"} <= set(renamed.aliases)
    assert renamed.summary == "Head of government."


def test_curation_hides_and_merges():
    first = briefing(FIRST, SECOND)
    moscow = entity(first, "place", "Moscow")
    brandt = entity(first, "actor", "Olaf Brandt")
    putin = entity(first, "actor", "Vladimir Putin")
    pages = [PageCuration(path="places/x.md", kind="place", id=moscow.id, overrides={"hidden": True}, edited=True),
             PageCuration(path="actors/y.md", kind="actor", id=brandt.id, overrides={"merge_into": putin.id}, edited=True)]
    result = briefing(FIRST, SECOND, curation=Curation(pages=pages))
    assert not [e for e in result.entities if e.kind == "place" and e.id == moscow.id]
    assert all(e.place != moscow.id for e in result.entities)
    merged = entity(result, "actor", "Vladimir Putin")
    assert "Olaf Brandt" in merged.aliases
    assert not [e for e in result.entities if e.kind == "actor" and e.id == brandt.id]


def test_an_edited_page_without_sources_stays_as_stale():
    page = PageCuration(path="actors/gone.md", kind="actor", id="gone", edited=True, overrides={"aliases": ["Gone"]})
    previous = [Entity(id="gone", kind="actor", name="Somebody Gone", aliases=["Somebody"], type="person")]
    result = briefing(FIRST, curation=Curation(pages=[page], previous=previous))
    stale = entity(result, "actor", "Somebody Gone")
    assert stale.stale and stale.type == "person"
    assert {"Somebody", "Gone"} <= set(stale.aliases)


def test_an_undated_document_keeps_absolute_dates_only():
    result = briefing(document("The treaty was signed in 1992 and the talks resumed last month.", doc_id="u", published=None))
    assert {e.date for e in result.entities if e.kind == "event"} == {"1992"}


def test_a_rebuild_gives_every_entity_the_id_it_had():
    # two different events of one day with one name: the case where ids could swap
    documents = (document("Relations deteriorated in 2009, officials in Oslo said.", doc_id="a"),
                 document("Relations deteriorated in 2009 after the talks in Lima failed.", "Lima said so.", doc_id="b"))
    first = briefing(*documents)
    again = briefing(*documents, curation=Curation(previous=first.entities))
    assert [(e.kind, e.id, e.name) for e in again.entities] == [(e.kind, e.id, e.name) for e in first.entities]
    assert {(e.id, tuple(e.mentions)) for e in again.entities} == {(e.id, tuple(e.mentions)) for e in first.entities}


def test_an_event_renamed_by_a_new_source_keeps_its_page():
    # a second source calls the treaty by its acronym's expansion more often, so the event's
    # name changes with it; the sentence that tells the event is the same, and so is its id
    told = document("The Treaty on Open Skies was signed in Helsinki in 1992.", doc_id="a")
    first = briefing(told)
    event = next(e for e in first.entities if e.kind == "event" and e.date == "1992")
    renamed = Entity(id="1992-the-page-it-had", kind="event", name="Something else entirely", aliases=["Something else entirely"],
                     date=event.date, mentions=event.mentions)
    again = briefing(told, curation=Curation(previous=[renamed]))
    assert next(e for e in again.entities if e.kind == "event" and e.date == "1992").id == "1992-the-page-it-had"
    # the same words on another date are another event
    moved = Entity(id="other-page", kind="event", name="Something else", aliases=[], date="1993", mentions=event.mentions)
    assert "other-page" not in {e.id for e in briefing(told, curation=Curation(previous=[moved])).entities}
