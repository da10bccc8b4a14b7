"""Treaties and agreements: named, described, drafted, with acronyms and parties."""
from __future__ import annotations

import pytest

from generator.extract.acronyms import long_form
from generator.resolve.names import treaty_forms
from tests.extraction import briefing, document, entity, extraction, mention, names


@pytest.mark.parametrize("sentence, name", [
    ("The Open Skies Treaty lets members fly over each other's territory.", "Open Skies Treaty"),
    ("The Abraham Accords were signed on the South Lawn.", "Abraham Accords"),
    ("Russia ceased to be a party to the Treaty on Open Skies on Saturday.", "Treaty on Open Skies"),
    ("The Vienna Document requires observers to be invited.", "Vienna Document"),
])
def test_named_instruments_are_treaties(sentence, name):
    assert name in names(extraction(sentence), "treaty")


def test_a_treaty_organisation_is_an_organisation():
    found = extraction("The Comprehensive Nuclear-Test-Ban Treaty Organization runs the monitoring stations.")
    assert "Comprehensive Nuclear-Test-Ban Treaty Organization" in names(found, "actor")
    assert not names(found, "treaty")


def test_a_calendar_word_does_not_extend_a_treaty_name():
    assert "Treaty on Open Skies" in names(extraction("Russia left the Treaty on Open Skies on Saturday."), "treaty")


@pytest.mark.parametrize("acronym, words, expected", [
    ("CTBT", "the Comprehensive Nuclear-Test-Ban Treaty", "Comprehensive Nuclear-Test-Ban Treaty"),
    ("New START", "the New Strategic Arms Reduction Treaty", "New Strategic Arms Reduction Treaty"),
    ("UAE", "Israel and the United Arab Emirates", "United Arab Emirates"),
    ("XYZ", "the Open Skies Treaty", None),
])
def test_acronym_long_forms(acronym, words, expected):
    assert long_form(acronym, words) == expected


def test_the_acronym_forms_of_a_treaty_name_are_one_key():
    assert set(treaty_forms("Intermediate-Range Nuclear Forces (INF) Treaty")) == {
        "intermediate range nuclear forces treaty", "inf", "inf treaty"}
    assert treaty_forms("Treaty on Open Skies")[0] == treaty_forms("Open Skies Treaty")[0]


def test_a_year_description_is_the_treaty_named_before_it():
    found = extraction("In 2019 the United States left the Intermediate-Range Nuclear Forces (INF) Treaty.",
                       "The 1987 treaty had banned a whole class of missiles.")
    described = mention(found, "1987 treaty")
    assert described.name == "Intermediate-Range Nuclear Forces (INF) Treaty"
    assert described.year == 1987


def test_a_year_description_with_nothing_named_before_stays_itself():
    found = extraction("The 1994 treaty with Jordan ended the state of war.")
    treaty = mention(found, "1994 treaty with Jordan")
    assert treaty.name == "treaty with Jordan"
    assert treaty.year == 1994
    assert treaty.parties == ["country:JO"]
    assert "Jordan" in names(found, "actor")  # the country inside the description is still mentioned


def test_a_vague_plural_is_no_treaty():
    assert not names(extraction("The allies may forge diplomatic agreements with Russia on several issues."), "treaty")


def test_drafts_are_named_by_their_author():
    found = extraction("Last month the Russian Foreign Ministry published two draft agreements on security guarantees.")
    treaty = mention(found, "two draft agreements")
    assert treaty.name == "Russian draft agreements"
    assert treaty.parties == ["country:RU"]


def test_a_shorter_description_is_the_longer_one_before_it():
    found = extraction("Last month the Russian Foreign Ministry published two draft treaties.",
                       "The draft treaties call for an end to the alliance's expansion.")
    assert {m.name for m in found.mentions if m.kind == "treaty"} == {"Russian draft treaties"}


def test_a_description_with_the_same_parties_is_the_named_treaty():
    found = extraction("They signed a Treaty of Peace and Full Normalization between Israel and the United Arab Emirates.",
                       "The Emirati-Israeli agreement was announced last month.")
    assert mention(found, "Emirati-Israeli agreement").name == "Treaty of Peace and Full Normalization"


def test_a_description_in_apposition_to_a_named_treaty_is_that_treaty():
    found = extraction("The Vienna Document, the main confidence-building agreement of the OSCE, requires observers.")
    assert names(found, "treaty") == {"Vienna Document"}


def test_a_named_partnership_is_a_treaty():
    assert "TRILAT" in names(extraction("The partnership, named TRILAT after its three members, was unveiled on Wednesday."), "treaty")


def test_treaty_names_merge_across_documents():
    result = briefing(document("Washington left the Intermediate-Range Nuclear Forces (INF) Treaty in 2019.", doc_id="a"),
                      document("Talks on the INF treaty could resume, officials said on Friday.", doc_id="b"))
    treaty = entity(result, "treaty", "Intermediate-Range Nuclear Forces Treaty")
    assert {"INF treaty", "Intermediate-Range Nuclear Forces (INF) Treaty"} <= set(treaty.aliases)
    assert {r.source for r in treaty.mentions} == {"a", "b"}


def test_a_party_phrase_ends_with_its_parties():
    found = extraction("Caracas says the award came from a deal between Britain and Russia, whose judges sat on the tribunal.")
    assert names(found, "treaty") == {"deal between Britain and Russia"}


def test_a_name_that_goes_on_after_an_instrument_word_is_no_instrument():
    found = extraction("Ministers met at the Cape Town International Convention Centre on Thursday.")
    assert not names(found, "treaty")
    assert "Cape Town International Convention Centre" in names(found, "place")


def test_a_year_said_before_a_treaty_name_dates_it():
    treaty = mention(extraction("Guyana's case rests on the 1899 Paris Arbitral Award, which fixed the border."), "1899 Paris Arbitral Award")
    assert (treaty.name, treaty.year) == ("Paris Arbitral Award", 1899)


def test_a_length_is_not_a_name():
    found = extraction("Ukraine ended the transit of Russian gas under a five-year transit agreement.")
    assert not any("year" in n.lower() for n in names(found, "treaty"))


def test_a_year_and_a_subject_describe_another_treaty_than_the_one_named_before():
    found = extraction("Moldova signed the EU-Moldova Association Agreement in 2014.",
                       "The 1992 ceasefire agreement still governs the security zone.")
    assert mention(found, "1992 ceasefire agreement").name == "ceasefire agreement"


@pytest.mark.parametrize("sentence, name, year", [
    ("The pipeline closed when a five-year transit agreement signed in 2019 expired.", "transit agreement", 2019),
    ("The fighting ended with a ceasefire agreement signed in Geneva that July.", "ceasefire agreement", None),
    ("The court relented after the two governments signed a reciprocal agreement.", "reciprocal agreement", None),
])
def test_an_instrument_the_text_says_was_signed_is_a_particular_one(sentence, name, year):
    found = mention(extraction(sentence), name)
    assert (found.kind, found.year) == ("treaty", year)


@pytest.mark.parametrize("sentence", [
    "They signed an agreement on Monday.",  # nothing says which
    "Officials signed a new agreement.",
    "The envoy wants a better understanding of the issue.",
    "Both sides hope to reach a broader arrangement.",
])
def test_an_instrument_that_nothing_identifies_is_not_a_treaty(sentence):
    assert not [m for m in extraction(sentence).mentions if m.kind == "treaty"]


def test_an_arrangement_with_a_party_is_a_treaty():
    found = extraction("The troops deployed under a bilateral arrangement with Mozambique.")
    (treaty,) = [m for m in found.mentions if m.kind == "treaty"]
    assert treaty.parties == ["country:MZ"]
