"""Time to the first search result in real headless Chromium, on a built site.

`python -m bench.search SITE QUERY [--runs 3] [--variant site|material|entities|titles]`: serve
SITE on a local port; in a fresh browser context (nothing cached) open the home page, type
QUERY into the search box as soon as the page is ready, and time until the first result is
shown. That is what a reader who lands on the site and searches at once waits: the download
of what the search needs, the work the browser does with it, then the query. Prints JSON:
every run, and the median.

Variants:
- site: the site's search as `make site` builds it (Pagefind's index in site/pagefind/,
  searched from Material's search box by assets/search.js; a query downloads only the chunks
  of the index it needs);
- material, entities, titles: Material's own search (lunr: the browser builds the index from
  search/search_index.json, which holds the text of every page), for a site built with
  Material's search plugin, as the site was before Pagefind (bench/README.md says how): as
  built; with the source pages left out of the index (what `search: exclude: true` in their
  front matter does), served from a filtered copy; with page titles only (no text).
`make bench-site` measures the site variant (VARIANTS).
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
    overrides: dict[str, bytes] = {}  # URL path -> body served instead of the file

    def do_GET(self):  # noqa: N802 - the name http.server calls
        body = self.overrides.get(self.path.split("?")[0])
        if body is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "application/json" if self.path.endswith(".json") else "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


def serve(site: Path, overrides: dict[str, bytes]) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = type("Handler", (QuietHandler,), {"overrides": overrides})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def filtered_index(site: Path, variant: str) -> bytes:
    """Material's index without the source pages (whose text the entity pages cite), or with
    page titles only (no text at all: the least Material's search can be given)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    if variant == "entities":
        index["docs"] = [d for d in index["docs"] if not d["location"].startswith("sources/")]
    else:
        index["docs"] = [d | {"text": ""} for d in index["docs"] if "#" not in d["location"]]
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode()


def bundle_mb(site: Path) -> float:
    """The size of Pagefind's bundle (index, fragments, scripts) in the site."""
    return round(sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()) / 1e6, 2)


# name -> (search box, first result); every variant opens the home page
VARIANTS = {"site": ("input.md-search__input", ".md-search-result__item")}
MATERIAL_VARIANTS = {name: ("input.md-search__input", RESULT) for name in ("material", "entities", "titles")}


def first_result(site: Path, query: str, runs: int = 3, variant: str = "site") -> dict:
    from playwright.sync_api import sync_playwright

    extra: dict = {}
    overrides: dict[str, bytes] = {}
    if variant in ("entities", "titles"):
        overrides["/search/search_index.json"] = filtered_index(site, variant)
        extra["index_mb"] = round(len(overrides["/search/search_index.json"]) / 1e6, 2)
    if variant == "site":
        if not (site / "pagefind" / "pagefind.js").is_file():
            raise SystemExit(f"{site} has no search index: build it as `make site` does (bench/site.py)")
        extra["bundle_mb"] = bundle_mb(site)
    box, result = (VARIANTS | MATERIAL_VARIANTS)[variant]
    server, url = serve(site, overrides)
    times = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url, wait_until="domcontentloaded")
                page.click(box)
                page.keyboard.type(query)
                typed = time.perf_counter()
                page.wait_for_selector(result, timeout=TIMEOUT_MS)
                shown = time.perf_counter()
                count = page.locator(result).count()
                times.append({"from_typing": round(shown - typed, 3), "from_navigation": round(shown - start, 3), "results": count})
                context.close()
            browser.close()
    finally:
        server.shutdown()
    index = site / "search" / "search_index.json"
    return {
        "variant": variant,
        "query": query,
        "runs": times,
        "median_from_typing": statistics.median(t["from_typing"] for t in times),
        "median_from_navigation": statistics.median(t["from_navigation"] for t in times),
        "index_mb": round(index.stat().st_size / 1e6, 2) if index.exists() else None,
    } | extra


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("site", type=Path)
    p.add_argument("query")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--variant", choices=sorted(VARIANTS | MATERIAL_VARIANTS), default="site")
    args = p.parse_args()
    print(json.dumps(first_result(args.site, args.query, args.runs, args.variant)))


if __name__ == "__main__":
    main()
