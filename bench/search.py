"""Time to the first search result in real headless Chromium, on a built site.

`python -m bench.search SITE QUERY [--runs 3]`: serve SITE on a local port; in a fresh
browser context (nothing cached) open the home page, type QUERY into the search box as soon
as the page is ready, and time until the first result is shown. That is what a reader who
lands on the site and searches at once waits: the download of the search index, the index
the browser builds from it, then the query. Prints JSON: every run, and the median.
"""
from __future__ import annotations

import argparse
import http.server
import json
import statistics
import threading
import time
from functools import partial
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RESULT = ".md-search-result__item"
TIMEOUT_MS = 300_000


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def first_result(site: Path, query: str, runs: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    times = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url, wait_until="domcontentloaded")
                page.click("input.md-search__input")
                page.keyboard.type(query)
                typed = time.perf_counter()
                page.wait_for_selector(RESULT, timeout=TIMEOUT_MS)
                shown = time.perf_counter()
                count = page.locator(RESULT).count()
                times.append({"from_typing": round(shown - typed, 3), "from_navigation": round(shown - start, 3), "results": count})
                context.close()
            browser.close()
    finally:
        server.shutdown()
    index = site / "search" / "search_index.json"
    return {
        "query": query,
        "runs": times,
        "median_from_typing": statistics.median(t["from_typing"] for t in times),
        "median_from_navigation": statistics.median(t["from_navigation"] for t in times),
        "index_mb": round(index.stat().st_size / 1e6, 2) if index.exists() else None,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("site", type=Path)
    p.add_argument("query")
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    print(json.dumps(first_result(args.site, args.query, args.runs)))


if __name__ == "__main__":
    main()
