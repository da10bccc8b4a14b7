"""The render stage on a small briefing written by hand: what each page says and links to."""
from __future__ import annotations

import copy
import json
import os
import posixpath
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.model import Briefing, Entity, Page, Quote, Reference, UnchangedPage
from generator.render import render_pages, render_site

sys.path.insert(0, str(Path(__file__).parent))
from briefing_samples import TALKS, WITHDRAWAL, sample_briefing  # noqa: E402

HUMAN_KEYS = {"title", "name", "aliases", "type", "summary", "hidden", "merge_into", "date"}
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.fixture(scope="module")
def site():
    return render_site(sample_briefing())


def page(site, path):
    return next(p for p in site.pages if p.path == path)


def block(site, path, name):
    return dict(page(site, path).blocks)[name]


def text(site, path):
    return "\n".join(markdown for _, markdown in page(site, path).blocks)


# ------------------------------------------------------------------ the site as a whole


def test_every_entity_and_source_has_a_page_and_every_section_an_index(site):
    assert [p.path for p in site.pages] == sorted([
        "actors/nato.md", "actors/russia.md", "actors/sergei-ryabkov.md", "actors/united-states.md",
        "actors/wendy-sherman.md", "places/geneva.md", "treaties/inf-treaty.md",
        "events/inf-signed.md", "events/kremlin-asks-guarantees.md", "events/last-meeting.md",
        "events/sherman-meets-ryabkov.md", "events/us-leaves-inf.md",
        f"sources/{TALKS}.md", f"sources/{WITHDRAWAL}.md",
        "index.md", "timeline.md", "graph.md", "tags.md",
        "actors/index.md", "places/index.md", "treaties/index.md", "events/index.md", "sources/index.md",
    ])
    assert set(site.files) == {"briefing.json"}


def test_pages_have_a_header_and_a_body_block(site):
    for p in site.pages:
        assert [name for name, _ in p.blocks] == ["header", "body"], p.path
        assert p.blocks[0][1].startswith("# "), p.path


def test_front_matter_holds_only_generator_keys_and_boosts_entities_over_sources(site):
    sherman = page(site, "actors/wendy-sherman.md")
    assert sherman.front_matter == {"id": "wendy-sherman", "kind": "actor", "tags": ["Actor", "Person", "United States"],
                                    "search": {"boost": 2}}
    assert (sherman.id, sherman.kind) == ("wendy-sherman", "actor")
    source = page(site, f"sources/{TALKS}.md")
    assert source.front_matter["kind"] == "source"
    assert source.front_matter["search"]["boost"] < sherman.front_matter["search"]["boost"]
    assert all(not HUMAN_KEYS & set(p.front_matter) for p in site.pages)


def test_every_link_reaches_a_page_and_every_paragraph_link_an_anchor(site):
    paths = {p.path for p in site.pages}
    anchors = {p.path: set(re.findall(r"\{: #(p\d+) ", text(site, p.path))) for p in site.pages}
    checked = 0
    for p in site.pages:
        for target in LINK.findall(text(site, p.path)):
            if target.startswith("http"):
                continue
            file, _, anchor = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(p.path), file))
            assert resolved in paths, (p.path, target)
            assert not anchor or anchor in anchors[resolved], (p.path, target)
            checked += 1
    assert checked > 100


def test_no_section_is_empty(site):
    for p in site.pages:
        lines = [line for line in text(site, p.path).splitlines() if line.strip()]
        for here, after in zip(lines, lines[1:] + ["# end"]):
            if here.startswith("## "):
                assert not after.startswith("## ") and after != "# end", (p.path, here)


def test_markdown_is_clean(site):
    for p in site.pages:
        for name, markdown in p.blocks:
            assert markdown.endswith("\n") and not markdown.endswith("\n\n"), (p.path, name)
            assert "\n\n\n" not in markdown and not re.search(r"[ \t]+$", markdown, re.M), (p.path, name)
            assert not re.search(r"\bNone\b|\{\{|\{%|\[\]\(", markdown), (p.path, name)
            for heading in re.finditer(r"^#+ .*$", markdown, re.M):  # headings stand apart
                before = markdown[:heading.start()]
                assert before == "" or before.endswith("\n\n"), (p.path, heading[0])


def test_rendering_is_deterministic_whatever_the_input_order(site):
    shuffled = sample_briefing()
    random.Random(7).shuffle(shuffled.entities)
    random.Random(7).shuffle(shuffled.sources)
    for e in shuffled.entities:
        random.Random(e.id).shuffle(e.mentions)
    again = render_site(shuffled)
    assert again == site
    assert render_site(sample_briefing()) == site


def test_rendering_does_not_change_the_briefing():
    briefing = sample_briefing()
    before = copy.deepcopy(briefing)
    render_site(briefing)
    assert briefing == before


# ------------------------------------------------------------------ actor pages


def test_an_actor_header_has_summary_and_fact_sheet_with_every_alias(site):
    header = block(site, "actors/wendy-sherman.md", "header")
    assert header.startswith("# Wendy Sherman\n\n**Person** · Deputy Secretary of State · [United States](united-states.md)\n")
    assert "| Type | Person |" in header
    assert "| Roles | Deputy Secretary of State |" in header
    assert "| Country | [United States](united-states.md) |" in header
    assert "| Also known as | Deputy Secretary of State Wendy Sherman, Sherman |" in header
    assert "| Mentioned in | 1 source, 8 Jan 2022 |" in header
    russia = block(site, "actors/russia.md", "header")
    assert "| Also known as | Kremlin, Moscow, the Kremlin |" in russia  # found by search as "Kremlin"


def test_aliases_that_differ_only_in_case_or_accents_are_listed_once():
    briefing = sample_briefing()
    russia = next(e for e in briefing.entities if e.id == "russia")
    russia.aliases += ["kremlin", "MOSCOW", "Moskvá", "Moskva", "russia"]
    header = dict(next(p for p in render_site(briefing).pages if p.path == "actors/russia.md").blocks)["header"]
    assert "| Also known as | Kremlin, Moscow, Moskvá, the Kremlin |" in header


def test_an_actor_lists_its_events_in_date_order_at_their_precision(site):
    body = block(site, "actors/russia.md", "body")
    events = re.findall(r'^- (?:<time class="event-date" datetime="[-0-9]+">(.+?)</time> · )?\[(.+?)\]\(\.\./events/', body, re.M)
    assert events == [
        ("1987", "INF Treaty signed"),
        ("July 2019", "Washington and Moscow last meet"),
        ("", "Kremlin asks for guarantees"),  # undated: last, without a date
    ]
    sherman = block(site, "actors/wendy-sherman.md", "body")
    assert ('- <time class="event-date" datetime="2022-01-10">Mon 10 Jan 2022</time> · '
            "[Sherman meets Ryabkov in Geneva](../events/sherman-meets-ryabkov.md)"
            " · with [Sergei Ryabkov](sergei-ryabkov.md) · at [Geneva](../places/geneva.md)\n") in sherman


def test_an_actor_lists_its_treaties_and_quotes_with_links_to_the_paragraph(site):
    body = block(site, "actors/united-states.md", "body")
    assert "## Treaties\n\n- [Intermediate-Range Nuclear Forces Treaty](../treaties/inf-treaty.md) (1987)\n" in body
    sherman = block(site, "actors/wendy-sherman.md", "body")
    assert ("## Quotes\n\n> “We are ready to talk,”\n>\n> — Sat 8 Jan 2022 · "
            f"[Envoys to meet in Geneva as tensions rise, ¶3](../sources/{TALKS}.md#p3)\n") in sherman


def test_co_mentioned_actors_are_ranked_by_shared_paragraphs_with_a_graph_and_a_text_list(site):
    body = block(site, "actors/russia.md", "body")
    listed = re.findall(r"^\| \[(.+?)\]\(.+?\) \| (\d+) \| (\d+) \|$", body, re.M)
    assert listed == [("United States", "3", "3"), ("Wendy Sherman", "2", "0"), ("Sergei Ryabkov", "1", "0")]
    graph = body[body.index("<figure"): body.index("</figure>")]
    assert re.findall(r'<a xlink:href="([^"]+)"', graph) == ["./", "../united-states/", "../wendy-sherman/", "../sergei-ryabkov/"]
    assert "\n\n" not in graph  # a blank line would end the raw HTML block


def test_mentioned_in_gives_each_source_with_its_sentences_and_paragraph_links(site):
    body = block(site, "actors/united-states.md", "body")
    mentioned = body[body.index("## Mentioned in"):]
    assert mentioned == (
        "## Mentioned in\n\n"
        f"**[United States leaves the INF Treaty](../sources/{WITHDRAWAL}.md)** · Fri 2 Aug 2019 · Example Post\n\n"
        f"- [¶1](../sources/{WITHDRAWAL}.md#p1) The United States left the INF Treaty in 2019, and Russia followed.\n"
        f"- [¶2](../sources/{WITHDRAWAL}.md#p2) The treaty was signed in 1987 by Washington and Moscow.\n\n"
        f"**[Envoys to meet in Geneva as tensions rise](../sources/{TALKS}.md)** · Sat 8 Jan 2022 · Example Wire\n\n"
        f"- [¶3](../sources/{TALKS}.md#p3) Washington and Moscow last met in July 2019.\n"
    )


def test_a_stale_entity_says_so_and_shows_no_empty_sections(site):
    header = block(site, "actors/nato.md", "header")
    assert '!!! warning "No current source mentions this"' in header
    assert "Mentioned in" not in header
    assert block(site, "actors/nato.md", "body") == "\n"
    assert "No current source" not in text(site, "actors/russia.md")
    assert "| [NATO](nato.md) (no current source) | Organisation | 0 |  |  |" in block(site, "actors/index.md", "body")


# ------------------------------------------------------------------ treaties, events, places


def test_a_treaty_has_a_fact_sheet_with_parties_and_dated_milestones(site):
    header = block(site, "treaties/inf-treaty.md", "header")
    assert "**Treaty** · 1987 · withdrawn" in header
    assert "| Also known as | INF, INF Treaty, the treaty |" in header
    assert "| Parties | [United States](../actors/united-states.md), [Russia](../actors/russia.md) |" in header
    assert "| Signed | 1987 ([INF Treaty signed](../events/inf-signed.md)) |" in header
    assert "| Withdrawn | 2019 ([United States leaves the INF Treaty](../events/us-leaves-inf.md)) |" in header
    body = block(site, "treaties/inf-treaty.md", "body")
    assert body.index("[INF Treaty signed]") < body.index("[United States leaves the INF Treaty]")
    assert "## Actors around it" in body and "## Mentioned in" in body


def test_an_event_shows_its_date_precision_and_words_and_its_evidence(site):
    header = block(site, "events/last-meeting.md", "header")
    assert "**Event** · July 2019\n" in header
    assert "| Date | July 2019 (to the month) |" in header
    assert "| Date as written | “in July 2019” |" in header
    assert "| Participants | [United States](../actors/united-states.md), [Russia](../actors/russia.md) |" in header
    body = block(site, "events/last-meeting.md", "body")
    assert f"- [¶3](../sources/{TALKS}.md#p3) Washington and Moscow last met in July 2019." in body
    meeting = block(site, "events/sherman-meets-ryabkov.md", "header")
    assert "| Date | Mon 10 Jan 2022 (to the day) |" in meeting and "| Place | [Geneva](../places/geneva.md) |" in meeting
    undated = block(site, "events/kremlin-asks-guarantees.md", "header")
    assert "**Event** · date unknown" in undated and "Date as written" not in undated


def test_a_place_lists_the_events_there(site):
    body = block(site, "places/geneva.md", "body")
    assert body.startswith('## Events here\n\n- <time class="event-date" datetime="2022-01-10">Mon 10 Jan 2022</time>'
                           " · [Sherman meets Ryabkov in Geneva]")
    assert "at [Geneva]" not in body  # the place does not repeat itself


# ------------------------------------------------------------------ sources


def test_a_source_page_shows_its_details_and_only_web_urls_as_links(site):
    header = block(site, f"sources/{TALKS}.md", "header")
    assert "| Date | Sat 8 Jan 2022 |" in header and "| Author | A. Writer |" in header
    assert "| Original | [https://news.example.org/2022/01/08/envoys](https://news.example.org/2022/01/08/envoys) |" in header
    hostile = block(site, f"sources/{WITHDRAWAL}.md", "header")
    assert "| Original | javascript:alert(1) (not a web address) |" in hostile


def test_a_source_gives_every_paragraph_an_anchor_and_links_names(site):
    body = block(site, f"sources/{TALKS}.md", "body")
    assert re.findall(r"\{: #p(\d+) ", body) == ["1", "2", "3", "4", "5"]
    assert (
        "[Deputy Secretary of State Wendy Sherman](../actors/wendy-sherman.md) will meet "
        "[Sergei Ryabkov](../actors/sergei-ryabkov.md) in [Geneva](../places/geneva.md) on Monday. "
        "The [Kremlin](../actors/russia.md) has asked for guarantees.\n{: #p2 .para data-n=\"2\" }\n"
    ) in body
    # "Moscow last" points to no entity: "Moscow" keeps its own link
    assert "[Moscow](../actors/russia.md) last met in July 2019." in body


def test_names_win_over_event_phrases_that_cross_them(site):
    body = block(site, f"sources/{WITHDRAWAL}.md", "body")
    assert body.startswith(
        "## Text\n\nThe [United States](../actors/united-states.md) left the [INF Treaty](../treaties/inf-treaty.md)"
        " in 2019, and [Russia](../actors/russia.md) followed.\n{: #p1 .para data-n=\"1\" }\n"
    )


def test_furniture_is_kept_but_marked(site):
    body = block(site, f"sources/{TALKS}.md", "body")
    assert "Diplomacy\n{: #p1 .para .furniture .furniture-heading data-n=\"1\" }" in body
    assert "Subscribe to our newsletter for more.\n{: #p4 .para .furniture .furniture-boilerplate data-n=\"4\" }" in body
    assert "Key points:<br>\n\\- talks on Monday<br>\n\\- a NATO meeting on Wednesday\n{: #p5 " in body


def test_a_source_lists_what_it_names(site):
    body = block(site, f"sources/{WITHDRAWAL}.md", "body")
    assert "- **Treaties:** [Intermediate-Range Nuclear Forces Treaty](../treaties/inf-treaty.md)" in body
    assert "Places" not in body  # no place is named in it


# ------------------------------------------------------------------ home, timeline, indexes


def test_the_home_page_tells_what_the_briefing_covers(site):
    header = block(site, "index.md", "header")
    assert "2 sources published from Fri 2 Aug 2019 to Sat 8 Jan 2022" in header
    assert "5 actors, 5 events, 1 treaty and 1 place" in header
    body = block(site, "index.md", "body")
    latest = re.findall(r'^- <time class="event-date" datetime="([-0-9]+)">(.+?)</time> · \[', body, re.M)
    assert latest == [("2022-01-10", "Mon 10 Jan 2022"), ("2019-07", "July 2019"), ("2019", "2019"), ("1987", "1987")]
    assert body.index("| [Russia](actors/russia.md) | Country | 2 | 4 |") < body.index("[Sergei Ryabkov](actors/sergei-ryabkov.md) | Person | 1 | 1 |")
    assert "[NATO]" not in body  # stale, mentioned nowhere
    for section in ("actors", "events", "treaties", "places", "sources"):
        assert f"]({section}/index.md)" in body


def test_the_timeline_groups_dated_events_by_year_and_month(site):
    body = block(site, "timeline.md", "body")
    headings = re.findall(r"^(#+) (.+)$", body, re.M)
    assert headings == [("##", "1987"), ("##", "2019"), ("###", "July 2019"), ("##", "2022"), ("###", "January 2022")]
    assert "Kremlin asks for guarantees" not in body  # undated
    assert (f'- <time class="event-date" datetime="2019-07">July 2019</time> · '
            f"[Washington and Moscow last meet](events/last-meeting.md) · with "
            f"[United States](actors/united-states.md), [Russia](actors/russia.md) · source: "
            f"[Envoys to meet in Geneva as tensions rise, ¶3](sources/{TALKS}.md#p3)") in body
    assert "1 event has no known date; see the [list of events](events/index.md)." in block(site, "timeline.md", "header")


def test_section_indexes_list_every_entity_in_a_table_sorted_by_name(site):
    body = block(site, "actors/index.md", "body")
    rows = [r for r in body.splitlines() if r.startswith("| [")]
    assert [re.match(r"\| \[(.+?)\]", r)[1] for r in rows] == ["NATO", "Russia", "Sergei Ryabkov", "United States", "Wendy Sherman"]
    assert "| [Russia](russia.md) | Country | 2 | 2 Aug 2019 | 8 Jan 2022 |" in rows
    events = block(site, "events/index.md", "body")
    assert "| 10 Jan 2022 | [Sherman meets Ryabkov in Geneva](sherman-meets-ryabkov.md) | [Geneva](../places/geneva.md) | 1 |" in events
    sources = block(site, "sources/index.md", "body")
    assert sources.index(TALKS) < sources.index(WITHDRAWAL)  # newest first
    assert "<!-- material/tags -->" in block(site, "tags.md", "body")


def test_a_briefing_without_anything_still_renders():
    empty = render_site(Briefing(sources=[], entities=[]))
    assert "This briefing draws on 0 sources." in dict(page(empty, "index.md").blocks)["header"]
    assert dict(page(empty, "timeline.md").blocks)["body"] == "\n"
    assert dict(page(empty, "actors/index.md").blocks)["body"] == "\n"


def test_references_to_missing_sources_and_entities_are_left_out():
    briefing = sample_briefing()
    ghost = Reference("no-such-source", 1, "A sentence from nowhere.")
    sherman = next(e for e in briefing.entities if e.id == "wendy-sherman")
    sherman.mentions.append(ghost)
    sherman.quotes.append(Quote("Lost words.", "wendy-sherman", ghost))
    sherman.country = "atlantis"
    briefing.entities.append(Entity(id="ghost-event", kind="event", name="Ghost meeting", date="2022-01-11",
                                    participants=["wendy-sherman", "nobody"], place="nowhere", treaties=["none"]))
    site = render_site(briefing)
    sherman_page = text(site, "actors/wendy-sherman.md")
    assert "no-such-source" not in sherman_page and "Lost words" not in sherman_page and "atlantis" not in sherman_page
    assert "| Participants | [Wendy Sherman](../actors/wendy-sherman.md) |" in text(site, "events/ghost-event.md")


def test_milestones_of_the_same_kind_share_one_row_by_date():
    briefing = sample_briefing()
    briefing.entities.append(Entity(id="russia-leaves-inf", kind="event", name="Russia withdraws from the INF Treaty",
                                    date="2019", participants=["russia"], treaties=["inf-treaty"]))
    header = dict(page(render_site(briefing), "treaties/inf-treaty.md").blocks)["header"]
    assert ("| Withdrawn | 2019 ([Russia withdraws from the INF Treaty](../events/russia-leaves-inf.md), "
            "[United States leaves the INF Treaty](../events/us-leaves-inf.md)) |") in header
    assert header.count("| Withdrawn |") == 1


def test_the_relations_page_draws_the_most_mentioned_actors_and_lists_the_same_ties(site):
    header, body = block(site, "graph.md", "header"), block(site, "graph.md", "body")
    assert header.startswith("# Relations\n")
    graph = body[body.index("<figure"): body.index("</figure>")]
    assert "\n\n" not in graph  # a blank line would end the raw HTML block
    drawn = re.findall(r'<a xlink:href="([^"]+)"', graph)
    # graph.md is served as graph/, so the picture's raw links climb one level.
    assert drawn[:2] == ["../actors/russia/", "../actors/united-states/"]  # most sources first
    assert "../actors/nato/" not in drawn  # stale: mentioned nowhere
    table = body[body.index("| Actor |"):]
    assert "| [Russia](actors/russia.md) | Country | 2 | [United States](actors/united-states.md) (" in table
    for href in drawn:  # every node of the picture is a row of the table
        assert f"]({href[len('../'):-1]}.md) |" in table


def test_treaty_and_place_pages_have_a_graph_of_the_actors_around_them(site):
    for path in ("treaties/inf-treaty.md", "places/geneva.md"):
        body = block(site, path, "body")
        assert '<figure class="relation-graph"' in body and "| Actor | Shared paragraphs |" in body, path


# ------------------------------------------------------------------ not rendering a page again


def keys_of(site) -> dict[str, str]:
    return {p.path: p.render_key for p in site.pages}


def test_a_page_whose_data_is_what_it_was_is_not_rendered_again(site):
    again = list(render_pages(sample_briefing(), keys_of(site)))
    assert again and all(isinstance(p, UnchangedPage) for p in again)
    assert [p.path for p in again] == [p.path for p in site.pages]


def test_a_renamed_entity_renders_again_the_pages_that_show_its_name_and_only_those(site):
    briefing = sample_briefing()
    next(e for e in briefing.entities if e.id == "geneva").name = "Genève"
    again = {p.path: p for p in render_pages(briefing, keys_of(site))}
    rendered = {path for path, p in again.items() if isinstance(p, Page)}
    assert {"places/geneva.md", "events/sherman-meets-ryabkov.md", "places/index.md"} <= rendered
    assert "Genève" in "".join(markdown for _, markdown in again["places/geneva.md"].blocks)
    assert "treaties/inf-treaty.md" not in rendered and "events/inf-signed.md" not in rendered
    for path, p in again.items():  # a page that is rendered again is one whose text changes
        if isinstance(p, Page):
            assert p.blocks != page(site, path).blocks, path


def test_render_keys_are_the_same_in_every_build():
    """Keys are compared across builds, each its own process with its own string hashing.
    (Within one long-lived process, links made for an earlier briefing may share their text
    otherwise, which changes a key: the page is rendered again, nothing worse.)"""
    script = ("import sys, json; sys.path.insert(0, 'tests'); from briefing_samples import sample_briefing; "
              "from generator.render import render_site; "
              "print(json.dumps({p.path: p.render_key for p in render_site(sample_briefing()).pages}))")
    root = Path(__file__).resolve().parent.parent
    keys = [json.loads(subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True,
                                      env={**os.environ, "PYTHONHASHSEED": seed}).stdout)
            for seed in ("1", "2")]
    assert keys[0] == keys[1] and len(keys[0]) > 20 and all(keys[0].values())
