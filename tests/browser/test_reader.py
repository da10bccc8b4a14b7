"""What a reader does with the briefing, in headless Chromium against the built site served
under a sub-path: read the home page, follow an actor to an event to the source paragraph,
read the timeline in order, see the graphs, print a page (searching: test_search.py).
Nothing may load from another host, and no page may throw a script error."""
from __future__ import annotations

import re

from reading import search, wait_for_heading
from site_pages import ANCHOR_ACTOR, first_page, page_types

RAW_MARKDOWN = re.compile(r"\]\(|\*\*|^#{1,6} |\{: |<!--", re.M)


def visible_text(page) -> str:
    return page.inner_text("article")


def test_the_home_page_says_what_the_briefing_covers_and_links_every_section(visit):
    page = visit.open()
    assert page.title().startswith("Briefing")
    text = visible_text(page)
    assert re.search(r"draws on \d+ sources? published", text)
    for heading in ("Latest events", "Most mentioned actors", "Sections"):
        assert page.locator("article h2", has_text=heading).count() == 1, heading
    for section in ("timeline/", "graph/", "actors/", "events/", "treaties/", "places/", "sources/"):
        assert page.locator(f"article a[href$='/{section}']").count() >= 1, section  # instant navigation makes hrefs absolute
    assert page.locator("article time.event-date").count() >= 3  # latest events, dated
    assert not RAW_MARKDOWN.search(text)
    visit.screenshot("reader-home")
    assert not visit.outside and not visit.errors


def test_from_an_actor_to_an_event_to_the_source_paragraph(visit):
    page = visit.open(ANCHOR_ACTOR)
    event_link = page.locator("article li a[href*='events/']").first
    event_name = event_link.inner_text()
    event_link.click()
    page.wait_for_url(re.compile(r".*/events/[^/]+/$"))
    wait_for_heading(page, event_name)
    visit.screenshot("reader-event", window_only=True)
    citation = page.locator("article a[href*='sources/'][href*='#p']").first
    anchor = citation.get_attribute("href").split("#")[1]
    citation.click()
    page.wait_for_url(re.compile(rf".*/sources/[^/]+/#{anchor}$"))
    paragraph = page.locator(f"[id='{anchor}']")
    paragraph.wait_for(state="visible")
    page.wait_for_function(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight / 2; }", arg=anchor, timeout=5000)
    assert "para" in paragraph.get_attribute("class")
    visit.screenshot("reader-source-paragraph", window_only=True)
    assert not visit.outside and not visit.errors


def test_the_timeline_is_in_date_order_under_year_headings(visit):
    page = visit.open("timeline/")
    dates = page.eval_on_selector_all("article time.event-date", "ts => ts.map(t => t.getAttribute('datetime'))")
    assert len(dates) >= 10
    keys = [tuple(int(part) for part in d.split("-")) for d in dates]
    assert keys == sorted(keys), "timeline out of order"
    years = [int(h) for h in page.eval_on_selector_all("article h2", "hs => hs.map(h => h.id)") if h.isdigit()]
    assert years == sorted(years) and len(years) >= 3
    # A screen reader reads the same order: each date sits in a list item, under its year.
    first = page.locator("article ul > li time.event-date").first
    assert first.get_attribute("datetime") == dates[0]
    visit.screenshot("reader-timeline")
    assert not visit.outside and not visit.errors


def test_the_graphs_render_as_svg_with_links_and_a_text_list(visit, briefing):
    for path in (ANCHOR_ACTOR, "graph/", first_page(briefing, "treaty")):
        page = visit.open(path)
        svg = page.locator("article figure.relation-graph svg")
        assert svg.count() == 1, path
        box = svg.bounding_box()
        assert box["width"] > 300 and box["height"] > 150, (path, box)
        nodes = page.locator("article figure.relation-graph svg a")
        assert nodes.count() >= 3, path
        labelled = page.eval_on_selector("article figure.relation-graph svg",
                                         "s => document.getElementById(s.getAttribute('aria-labelledby')).textContent")
        assert labelled, path
        table_links = page.locator("article table a[href*='actors/']").count()
        assert table_links >= nodes.count() - 1, path  # every node is also in the table
    visit.screenshot("reader-graph")
    assert not visit.outside and not visit.errors


def test_no_page_type_requests_another_host_or_throws(visit, briefing):
    for name, path in page_types(briefing).items():
        visit.open(path)
    search(visit.page, "Russia")
    assert not visit.outside, visit.outside
    assert not visit.errors, visit.errors


def test_the_edit_button_opens_the_pages_file(visit, briefing):
    page = visit.open(ANCHOR_ACTOR)
    assert page.get_attribute("a.md-content__button[rel='edit']", "href").endswith("/edit/main/docs/actors/wendy-sherman.md")


def test_an_entity_page_prints_without_navigation_and_with_its_links(visit):
    page = visit.open(ANCHOR_ACTOR)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"):
        hidden = page.eval_on_selector(chrome, "e => getComputedStyle(e).display === 'none' || !e.offsetParent")
        assert hidden, chrome
    shown = page.eval_on_selector("article a[href*='sources/']", "a => getComputedStyle(a, '::after').content")
    assert "sources/" in shown
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_links_open_without_reloading_the_page_and_preview_on_hover(visit):
    """Material's instant navigation (no full reload: a script variable survives) and its
    previews of internal links (hovering an entity shows its fact sheet)."""
    page = visit.open(ANCHOR_ACTOR)
    country = page.locator("article .infobox a[href*='/actors/']").first
    country.hover()
    preview = page.locator(".md-tooltip2--active")
    preview.wait_for(state="visible", timeout=10000)
    assert "Type" in preview.inner_text()
    page.evaluate("window.stillTheSamePage = true")
    target, name = country.get_attribute("href"), country.inner_text()
    country.click()
    page.wait_for_url(target)
    wait_for_heading(page, name)
    assert page.evaluate("window.stillTheSamePage === true")
    assert not visit.outside and not visit.errors
