"""Screenshots of the pages an analyst would show and of the search, in light and dark, saved as test
artifacts in test-artifacts/screenshots/ (`make screenshots` runs only this file). Each page
must look finished: no raw Markdown, no empty section, no script error, and the content
column as wide as the theme makes it in both colour schemes."""
from __future__ import annotations

import re

from reading import search
from site_pages import ANCHOR_ACTOR, first_page

RAW_MARKDOWN = re.compile(r"\]\(|\*\*|^#{1,6} |\{: |<!--", re.M)


def test_screenshots_of_home_actor_timeline_treaty_and_graph(visit_in_scheme, briefing):
    pages = {"home": "", "actor": ANCHOR_ACTOR, "timeline": "timeline/", "treaty": first_page(briefing, "treaty"),
             "graph": "graph/"}
    for name, path in pages.items():
        page = visit_in_scheme.open(path)
        text = page.inner_text("article")
        assert not RAW_MARKDOWN.search(text), (name, RAW_MARKDOWN.search(text))
        empty = page.eval_on_selector_all(
            "article h2", "hs => hs.filter(h => !h.nextElementSibling || /^H[12]$/.test(h.nextElementSibling.tagName))"
                          ".map(h => h.textContent)")
        assert not empty, (name, empty)
        width = page.eval_on_selector("article", "a => a.getBoundingClientRect().width")
        assert width > 500, (name, width)
        target = visit_in_scheme.screenshot(f"{name}-{visit_in_scheme.scheme}")
        assert target.stat().st_size > 20_000
    assert not visit_in_scheme.outside and not visit_in_scheme.errors


def test_screenshot_of_the_search_dialog(visit_in_scheme):
    page = visit_in_scheme.open(ANCHOR_ACTOR)
    search(page, "Kremlin")
    page.wait_for_timeout(500)  # the dialog's opening transition
    target = visit_in_scheme.screenshot(f"search-{visit_in_scheme.scheme}", window_only=True)
    assert target.stat().st_size > 20_000
    assert not visit_in_scheme.outside and not visit_in_scheme.errors
