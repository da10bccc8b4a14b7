"""Events: dated happenings with their participants, place and a readable name."""
from __future__ import annotations

from datetime import date

import pytest

from generator.model import Extraction
from tests.extraction import briefing, document, entity, extraction


def events(found: Extraction) -> list[tuple[str, str, set[str], str | None]]:
    """(name, date, participant names, place name) for each event mention."""
    return [(e.name, found.dates[e.date].value.iso, {found.mentions[i].name for i in e.participants},
             found.mentions[e.place].name if e.place is not None else None) for e in found.events]


def test_a_dated_meeting_is_an_event_with_participants_and_place():
    # published Saturday 8 January 2022: "on Monday ... will meet" is the coming Monday
    found = extraction("On Monday, Deputy Secretary of State Karen Holloway will meet Russian Deputy Foreign Minister "
                       "Oleg Vasnetsov in Geneva.")
    [(name, when, participants, place)] = events(found)
    assert when == "2022-01-10"
    assert {"Karen Holloway", "Oleg Vasnetsov"} <= participants
    assert place == "Geneva"
    assert name == "Karen Holloway meets Oleg Vasnetsov in Geneva"


def test_a_past_happening_without_a_date_is_dated_to_the_report():
    # published Saturday 8 January 2022: what the report tells happened that month, by then
    found = extraction("Karen Holloway met Oleg Vasnetsov in Geneva.")
    [event] = found.events
    assert found.dates[event.date].value.iso == "2022-01"
    assert found.dates[event.date].text == ""  # no words in the source: the date is the report's


def test_what_nobody_known_did_is_no_event():
    assert not extraction("A senior official met reporters in Geneva.").events


def test_a_present_or_future_sentence_without_a_date_is_no_event():
    assert not extraction("Karen Holloway will meet Oleg Vasnetsov in Geneva.").events


def test_a_state_is_not_an_event():
    assert not extraction("Karen Holloway was in Geneva on Monday.").events


def test_two_dates_on_one_verb_are_two_events():
    found = extraction("Moscow invaded Georgia in 2008 and Ukraine in 2014.")
    by_date = {when: participants for _, when, participants, _ in events(found)}
    assert set(by_date) == {"2008", "2014"}
    assert "Georgia" in by_date["2008"] and "Ukraine" not in by_date["2008"]
    assert "Ukraine" in by_date["2014"]


def test_a_passive_event_is_named_in_the_passive():
    found = extraction("Signed in Helsinki in 1992, the Open Skies Treaty allows unarmed flights.")
    [(name, when, _, place)] = events(found)
    assert when == "1992"
    assert name.startswith("Open Skies Treaty signed")
    assert place == "Helsinki"


def test_a_pronoun_subject_is_the_people_named_before():
    found = extraction("The formula was first adopted by Ronald Carver and Mikhail Orlov when they met in this city in 1985.")
    [(name, when, participants, _)] = [e for e in events(found) if e[1] == "1985"]
    assert {"Ronald Carver", "Mikhail Orlov"} <= participants
    assert name.startswith("Ronald Carver and Mikhail Orlov meet")


def test_the_following_day_is_the_day_after_the_date_before():
    found = extraction("On Monday the delegations will meet in Geneva.", "The following day, NATO ministers will gather in Brussels.")
    assert [when for _, when, _, _ in events(found)] == ["2022-01-10", "2022-01-11"]


def test_quoted_words_are_not_participants():
    found = extraction('"Russia is not the aggressor," a senior official told reporters on Saturday.')
    [(name, when, participants, _)] = events(found)
    assert when == "2022-01-08"
    assert "Russia" not in participants
    assert name == "Senior official tells reporters: “Russia is not the aggressor”"  # the words said name the statement


def test_the_same_event_told_by_two_documents_is_one_event():
    first = document("President Maria Lindqvist and President Tomas Berg met in Geneva on Wednesday.", doc_id="a",
                     published=date(2021, 6, 17))
    second = document("Maria Lindqvist held talks with Tomas Berg in Geneva on Wednesday.", doc_id="b",
                      published=date(2021, 6, 18))
    result = briefing(first, second)
    meetings = [e for e in result.entities if e.kind == "event" and e.date == "2021-06-16"]
    assert len(meetings) == 1
    assert {r.source for r in meetings[0].mentions} == {"a", "b"}
    assert entity(result, "actor", "Maria Lindqvist").id in meetings[0].participants


@pytest.mark.parametrize("sentence, name, year", [
    ("The two states still argue under the 1972 Harbour Agreement.", "Harbour Agreement concluded", "1972"),
    ("The treaty builds on the 1991 Lakeside Declaration.", "Lakeside Declaration adopted", "1991"),
    ("Both governments cite the 1972 Port Communiqué to this day.", "Port Communiqué issued", "1972"),
])
def test_a_year_said_with_an_instrument_s_name_dates_its_conclusion(sentence, name, year):
    found = extraction(sentence)
    (event,) = [e for e in found.events if e.name == name]
    assert found.dates[event.date].value.iso == year and found.mentions[event.treaties[0]].kind == "treaty"


def test_an_instrument_s_year_told_by_the_sentence_makes_one_event():
    found = extraction("Reagan and Gorbachev signed the 1987 INF Treaty in Washington in 1987.")
    assert [found.dates[e.date].value.iso for e in found.events] == ["1987"]


def test_the_body_in_a_speaker_s_title_is_not_a_second_speaker():
    found = extraction("Central bank governor Ana Lopes of the Harbour Reserve Bank said on Monday that rates would hold. "
                       "Harbour Reserve Bank governor Ana Lopes said on Tuesday that rates would rise.")
    names = [e.name for e in found.events]
    assert any(n.startswith("Ana Lopes says") for n in names) and not any(n.startswith("Harbour Reserve Bank and") for n in names)


def test_an_object_the_parse_hangs_from_a_particle_is_named():
    found = extraction("The upper house voted down ratification in 1999.")
    assert [e.name for e in found.events] == ["Upper house votes down ratification"]


def test_the_treaty_with_a_clause_after_a_comma_is_the_treaty_named_before():
    found = extraction("Ministers discussed the Harbour Access Treaty on Monday.",
                       "Both states are signatories of the treaty, which was opened for signature in 1996.")
    event = next(e for e in found.events if found.dates[e.date].value.iso == "1996")
    assert event.name.startswith("Harbour Access Treaty") and found.mentions[event.treaties[0]].name == "Harbour Access Treaty"


@pytest.mark.parametrize("sentence, name", [
    ("The ransomware attack that shut down a major US fuel pipeline in May was discussed.", "Ransomware attack shuts down major US fuel pipeline"),
    ("Envoy Ana Lopes will lead the U.S. delegation in Geneva on Monday.", "Ana Lopes leads U.S. delegation in Geneva"),
    ("The US ambassador, John Sullivan, left Moscow on Monday.", "John Sullivan leaves Moscow"),
])
def test_a_name_that_only_modifies_a_word_does_not_replace_it(sentence, name):
    assert [e.name for e in extraction(sentence).events] == [name]


def test_a_spokesperson_for_a_person_is_not_that_person():
    found = extraction("In the capital, a spokesperson for Foreign Minister Ana Lopes said on Saturday that the talks failed.")
    assert [e.name for e in found.events] == ["Spokesperson for Ana Lopes says the talks failed"]


def test_a_length_of_time_is_no_one_doing_anything():
    found = extraction("The pact was extended for five years, which leaves negotiators until early 2026 to agree on what comes next.")
    assert not [e for e in found.events if found.dates[e.date].value.iso.startswith("2026")]


def test_a_date_the_parse_took_for_a_subject_makes_no_event():
    found = extraction("The envoy said the following day that both governments remained bound by the accord reached in Geneva in February 2023.")
    assert not [e for e in found.events if e.name.lower().startswith("following day")]
