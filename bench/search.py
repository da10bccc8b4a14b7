"""Time to the first search result in real headless Chromium, on a built site.

`python -m bench.search SITE QUERY [--runs 3] [--variant material|entities|pagefind]`: serve
SITE on a local port; in a fresh browser context (nothing cached) open the home page, type
QUERY into the search box as soon as the page is ready, and time until the first result is
shown. That is what a reader who lands on the site and searches at once waits: the download
of the search index, the index the browser builds from it, then the query. Prints JSON:
every run, and the median.

Variants, to compare ways of searching the same site:
- material: Material's search as built (lunr: the browser builds the index from
  search/search_index.json, which holds the text of every page);
- entities: the same, with the source pages left out of the index (what `search: exclude:
  true` in their front matter does): served from a filtered copy of the index;
- titles: the same, with page titles only (no text: the least Material's search can index);
- pagefind: Pagefind's index (`python -m pagefind`, chunked: a query downloads only the
  chunks it needs) and its default UI on a probe page at /pagefind-probe/.
"""
from __future__ import annotations

import argparse
import http.server
import json
import statistics
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RESULT = ".md-search-result__item"
TIMEOUT_MS = 300_000


PROBE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div><script>new PagefindUI({element: "#search", showSubResults: false});</script></body></html>
"""


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


def pagefind_index(site: Path) -> dict:
    """Index the site with Pagefind (page content only, not Material's navigation)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article.md-content__inner",
                    "--exclude-selectors", "a.headerlink", "--quiet"], check=True)
    bundle = site / "pagefind"
    return {"index_seconds": round(time.perf_counter() - start, 2),
            "bundle_mb": round(sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file()) / 1e6, 2),
            "bundle_files": sum(1 for f in bundle.rglob("*") if f.is_file())}


VARIANTS = {  # name -> (page to open, search box, first result)
    "material": ("", "input.md-search__input", RESULT),
    "entities": ("", "input.md-search__input", RESULT),
    "titles": ("", "input.md-search__input", RESULT),
    "pagefind": ("pagefind-probe/", "input.pagefind-ui__search-input", ".pagefind-ui__result"),
}


def first_result(site: Path, query: str, runs: int = 3, variant: str = "material") -> dict:
    from playwright.sync_api import sync_playwright

    extra: dict = {}
    overrides: dict[str, bytes] = {}
    if variant in ("entities", "titles"):
        overrides["/search/search_index.json"] = filtered_index(site, variant)
        extra["index_mb"] = round(len(overrides["/search/search_index.json"]) / 1e6, 2)
    if variant == "pagefind":
        extra.update(pagefind_index(site))
        overrides["/pagefind-probe/"] = PROBE.encode()
    page_path, box, result = VARIANTS[variant]
    server, url = serve(site, overrides)
    times = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url + page_path, wait_until="domcontentloaded")
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
    p.add_argument("--variant", choices=sorted(VARIANTS), default="material")
    args = p.parse_args()
    print(json.dumps(first_result(args.site, args.query, args.runs, args.variant)))


if __name__ == "__main__":
    main()
