"""What a reader does in the browser, for the tests: search from the header's box, and wait
for a page that instant navigation brings in."""
from __future__ import annotations

import re

RESULT_LINKS = ".md-search-result__item > a"

H1_TEXT = ("() => { const h = document.querySelector('article h1'); if (!h) return null;"
           " const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(e => e.remove());"
           " return c.textContent.trim(); }")


def search(page, query: str) -> list[str]:
    """Type `query` into the search box key by key, as a reader does (the search answers as one
    types), and wait for its results; the pages of the results, best first, without query or
    anchor (under each page come links to its best sections)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    wait_for_results(page, query)
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    return [re.sub(r"[?#].*$", "", href) for href in hrefs]


def wait_for_results(page, query: str) -> None:
    """The results shown are those of `query` (the list says which query they answer)."""
    page.wait_for_function("q => document.getElementById('__search-results').dataset.query === q",
                           arg=query, timeout=15000)


def heading(page) -> str:
    """The page's H1 without its permalink sign."""
    return page.evaluate(H1_TEXT)


def wait_for_heading(page, text: str) -> None:
    """Instant navigation changes the URL before it swaps the content: wait for the content."""
    page.wait_for_function(f"text => ({H1_TEXT})() === text", arg=text, timeout=10000)
