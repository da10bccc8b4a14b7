"""Searching the briefing in headless Chromium: Pagefind's index (built into site/pagefind/ by
`make site`) behind Material's search box, on the site served under a sub-path. A name finds
its page first, another name of an entity finds the entity above the sources that mention it,
the keyboard does everything, the search goes on working after instant navigation, the index
holds the articles' text and nothing else, and page text never turns into markup."""
from __future__ import annotations

import re
import subprocess

import pytest
from conftest import PYTHON, ROOT, SUB_PATH, build_site, serve
from reading import RESULT_LINKS, search, wait_for_heading, wait_for_results
from site_pages import ANCHOR_ACTOR


def is_open(page) -> bool:
    return page.evaluate("document.getElementById('__search').checked")


def focused(page) -> str:
    """What has the focus: the search box, a result (its URL) or something else (its tag)."""
    return page.evaluate("(() => { const e = document.activeElement;"
                         " return e.matches('input.md-search__input') ? 'box' : e.href || e.tagName; })()")


def test_searching_sherman_shows_her_page_first(visit):
    page = visit.open()
    results = search(page, "Sherman")
    assert results and results[0] == visit.base_url + ANCHOR_ACTOR, results[:5]  # under the sub-path
    page.click(f"{RESULT_LINKS} >> nth=0")
    page.wait_for_url(visit.base_url + ANCHOR_ACTOR)
    wait_for_heading(page, "Wendy Sherman")
    assert not is_open(page)
    assert not visit.outside and not visit.errors


def test_search_finds_entities_by_another_name_above_the_sources_that_mention_them(visit, briefing):
    """For the most-mentioned actors and treaties with a name that shares no word with their
    own ("Kremlin" for Russia, "INF" for the treaty), that name finds the entity's page, and
    ranks it above every source page."""
    page = visit.open()
    checked = []
    for alias, entity in other_names(briefing)[:3]:
        results = search(page, alias)
        entity_page = visit.base_url + entity["page"][: -len(".md")] + "/"
        assert entity_page in results, (alias, results[:8])
        sources = [i for i, url in enumerate(results) if "/sources/" in url]
        assert not sources or results.index(entity_page) < min(sources), (alias, results[:8])
        checked.append(alias)
    assert len(checked) == 3
    assert not visit.outside and not visit.errors


def other_names(briefing: dict) -> list[tuple[str, dict]]:
    """(alias, entity) pairs whose alias is one word or acronym not in the entity's name."""
    found = []
    for e in briefing["entities"]:
        if e["kind"] not in ("actor", "treaty"):
            continue
        words = set(re.findall(r"\w+", e["name"].lower()))
        for alias in e["aliases"]:
            if re.fullmatch(r"[A-Z][\w-]{2,}", alias) and alias.lower() not in words and alias.lower() != "the":
                found.append((len({m["source"] for m in e["mentions"]}), alias, e))
    owners: dict[str, int] = {}
    for _, alias, _ in found:
        owners[alias] = owners.get(alias, 0) + 1
    pairs, seen = [], set()
    for _, alias, entity in sorted(found, key=lambda f: (-f[0], f[1])):
        if owners[alias] == 1 and entity["id"] not in seen:  # an alias two entities share finds either
            seen.add(entity["id"])
            pairs.append((alias, entity))
    return pairs


def test_the_search_keeps_working_after_instant_navigation(visit):
    """Material swaps pages without reloading them; the search box is in the header, which
    stays: a search, a result followed, another search, its first result opened with Enter."""
    page = visit.open()
    page.evaluate("window.stillTheSamePage = true")
    search(page, "Sherman")
    page.click(f"{RESULT_LINKS} >> nth=0")
    wait_for_heading(page, "Wendy Sherman")
    results = search(page, "Russia")
    assert results[0] != visit.base_url + ANCHOR_ACTOR
    title = page.inner_text(f"{RESULT_LINKS} >> nth=0 >> h1")
    page.keyboard.press("Enter")
    page.wait_for_url(results[0])
    wait_for_heading(page, title)
    assert search(page, "Sherman")[0] == visit.base_url + ANCHOR_ACTOR
    assert page.evaluate("window.stillTheSamePage === true")  # never reloaded
    assert not visit.outside and not visit.errors


def test_the_keyboard_opens_moves_through_and_closes_the_search(visit):
    page = visit.open(ANCHOR_ACTOR)
    assert not is_open(page)
    page.keyboard.press("/")
    assert is_open(page) and focused(page) == "box"
    page.keyboard.type("Kremlin")
    wait_for_results(page, "Kremlin")
    links = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    page.keyboard.press("ArrowDown")
    assert focused(page) == links[0]
    page.keyboard.press("ArrowDown")
    assert focused(page) == links[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert focused(page) == "box"
    stops = []
    for _ in range(3):  # the results are links: Tab reaches them too (after the reset button and the scroll area)
        page.keyboard.press("Tab")
        stops.append(focused(page))
    assert stops[-1] == links[0], stops
    page.keyboard.press("Escape")
    assert not is_open(page) and focused(page) != "box"
    page.keyboard.press("s")  # Material's other shortcuts open it too, with the last query
    assert is_open(page) and page.input_value("input.md-search__input") == "Kremlin"
    page.keyboard.press("Escape")
    page.keyboard.press("f")
    assert is_open(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.sub(r"#.*", "", links[0]) + "*")
    assert not is_open(page)
    assert not visit.outside and not visit.errors


def test_the_index_holds_the_article_text_only(visit):
    """Pagefind indexes each page's article: not the header, navigation or footer, and not the
    permalinks, tags, edit button, graphs or the fact sheet's header row inside it."""
    page = visit.open()
    data = page.evaluate("""async () => {
        const pagefind = await import(new URL('pagefind/pagefind.js', location.href).href);
        const search = await pagefind.search('Sherman');
        return Promise.all(search.results.map(result => result.data()));
    }""")
    sherman = next(d for d in data if d["url"].endswith(SUB_PATH + ANCHOR_ACTOR))
    text = sherman["content"]
    assert text.startswith("Wendy Sherman") and "Also known as" in text
    for noise in ("Edit this page", "Made with", "Skip to content", "Fact Detail", "Switch to dark mode",
                  "Timeline Relations Actors", "most often mentioned with it", "thicker lines"):
        assert noise not in text, noise
    assert not re.search(r"¶(?!\d)", text)  # headings' permalinks; "¶4" cites a paragraph
    assert "¶4" in text
    assert sherman["meta"] == {"kind": "Actor", "title": "Wendy Sherman"}
    assert not visit.outside


# ------------------------------------------------------------------ page text as markup

HOSTILE = 'Officials said <img src=x onerror="window.hit=1"> and <script>window.hit=2</script> at the harbour.'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A one-article briefing built the same way (generator, mkdocs, Pagefind), whose article
    has text that looks like markup."""
    work = tmp_path_factory.mktemp("hostile-search")
    seeds, docs = work / "seeds", work / "docs"
    seeds.mkdir()
    (seeds / "report.txt").write_text(f"Report <b>on talks</b>\n\n8 January 2022\n\n{HOSTILE}\n\n"
                                      "The talks in Geneva went on for a second day.\n", encoding="utf-8")
    generate = subprocess.run([PYTHON, "-m", "generator", "build", "--seeds", str(seeds), "--docs", str(docs)],
                              cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert generate.returncode == 0, generate.stdout + generate.stderr
    site = build_site(docs, work, f"http://127.0.0.1:1{SUB_PATH}")
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()
    server.server_close()


def test_page_text_that_looks_like_markup_stays_text_in_the_results(browser, hostile_site):
    context = browser.new_context()
    page = context.new_page()
    errors, dialogs = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_site, wait_until="load")
    results = search(page, "harbour")
    assert results and all("/sources/report" in url for url in results), results
    result = page.locator(".md-search-result__item").first
    assert "b>on talks" in result.locator("h1").inner_text()  # the title as text (the generator's look-alike "<")
    assert "<img src=x" in result.inner_text() and "<script>" in result.inner_text()
    assert result.locator("mark").first.inner_text().startswith("harbour")
    assert result.locator("img, script, b").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.hit") is None and not dialogs and not errors
    context.close()
