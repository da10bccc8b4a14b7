"""The built site in real headless Chromium.

The site is built once per session the way a user builds it (the real pipeline on seeds/,
then `mkdocs build --strict` and Pagefind's index) with `site_url` on a sub-path, and served on 127.0.0.1 under
that sub-path, as GitHub Pages serves a project site. `site_url` names the local server
(port included) because Material's instant navigation and link previews only handle links
to the URLs of its sitemap, as they do on the published site. Requests outside the local server are
recorded, and refused, so that a test can see them.

Chromium is Debian's (`apt-get install chromium`); Playwright's own browser downloads do not
work here. Without Chromium the tests are skipped, unless BRIEFING_REQUIRE_BROWSER=1 (CI).
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
SUB_PATH = "/briefing-repo/"  # the site is served here, as on https://org.github.io/briefing-repo/
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
REQUIRE = os.environ.get("BRIEFING_REQUIRE_BROWSER") == "1"


def chromium_path() -> str | None:
    configured = os.environ.get("BRIEFING_CHROMIUM")
    for candidate in ([configured] if configured else []) + list(CHROMIUM_CANDIDATES):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def pytest_collection_modifyitems(config, items):
    """Every test here is a browser test: skipped with the reason when Chromium or Playwright
    is missing, except in CI (BRIEFING_REQUIRE_BROWSER=1) where that is a failure."""
    here = Path(__file__).parent
    ours = [item for item in items if Path(str(item.fspath)).is_relative_to(here)]
    for item in ours:
        item.add_marker(pytest.mark.browser)
        item.add_marker(pytest.mark.slow)
    missing = _missing_tools()
    if missing and not REQUIRE:
        skip = pytest.mark.skip(reason=f"browser tests skipped: {missing} "
                                       "(apt-get install chromium; set BRIEFING_REQUIRE_BROWSER=1 to fail instead)")
        for item in ours:
            item.add_marker(skip)


def _missing_tools() -> str | None:
    if chromium_path() is None:
        return f"no Chromium at {' or '.join(CHROMIUM_CANDIDATES)} (or $BRIEFING_CHROMIUM)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (make test installs it)"
    return None


# ------------------------------------------------------------------ the site


@pytest.fixture(scope="session")
def port() -> int:
    """A free port on 127.0.0.1 for the site's server (the build needs it first)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, port) -> Path:
    """docs/ generated from seeds/ and built as `make site` builds it (mkdocs, then Pagefind's
    index), in a temporary folder."""
    missing = _missing_tools()
    if missing:
        pytest.fail(f"BRIEFING_REQUIRE_BROWSER=1 but {missing}")
    work = tmp_path_factory.mktemp("browser-site")
    docs = work / "docs"
    generate = subprocess.run([PYTHON, "-m", "generator", "build", "--seeds", str(ROOT / "seeds"), "--docs", str(docs)],
                              cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert generate.returncode == 0, generate.stdout + generate.stderr
    return build_site(docs, work, f"http://127.0.0.1:{port}{SUB_PATH}")


def build_site(docs: Path, work: Path, site_url: str) -> Path:
    """docs/ (with the project's assets) through `mkdocs build --strict` with the project's
    mkdocs.yml and theme, then Pagefind with the project's pagefind.yml, as `make site` runs
    them; the site is work/site."""
    site = work / "site"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs}", config, flags=re.M)
    config = re.sub(r"^site_dir: .*$", f"site_dir: {site}", config, flags=re.M)
    config = re.sub(r"^(\s*custom_dir:) (\S+)$", lambda m: f"{m[1]} {ROOT / m[2]}", config, flags=re.M)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "SITE_URL": site_url, "REPO_URL": "https://github.com/example/briefing", "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(work / "mkdocs.yml")],
                           cwd=ROOT, capture_output=True, text=True, timeout=900, env=env)
    assert build.returncode == 0, build.stdout + build.stderr
    index = subprocess.run([PYTHON, "-m", "pagefind", "--site", str(site)], cwd=ROOT, capture_output=True, text=True,
                           timeout=900)
    assert index.returncode == 0 and (site / "pagefind" / "pagefind.js").is_file(), index.stdout + index.stderr
    return site


@pytest.fixture(scope="session")
def briefing(built_site) -> dict:
    return json.loads((built_site / "briefing.json").read_text(encoding="utf-8"))


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH only, as a project's GitHub Pages site."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_PATH):
            return super().translate_path("/__outside_the_sub_path__")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def log_message(self, format, *args):  # the tests read requests from the browser, not the log
        pass


def serve(site: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """A local server for `site` under SUB_PATH, in a thread; stop it with .shutdown()."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_SubPathHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def base_url(built_site, port):
    server = serve(built_site, port)
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()
    server.server_close()


# ------------------------------------------------------------------ the browser


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """A browser tab on the local site that records every request to another host (and
    refuses it, as a machine without network would)."""

    page: object
    base_url: str
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str = ""):
        self.page.goto(self.base_url + path, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def screenshot(self, name: str, max_height: int = 2400, *, window_only: bool = False) -> Path:
        """The page from the top, at most `max_height` pixels of it (a long timeline would
        make a picture nobody can read); or what the window shows, where it is scrolled to."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        target = ARTIFACTS / f"{name}.png"
        if window_only:
            self.page.screenshot(path=str(target))
            return target
        viewport = self.page.viewport_size
        height = self.page.evaluate("document.documentElement.scrollHeight")
        # A window as tall as the picture, left to settle: Material animates its tabs when
        # the window changes size, as a full-page capture would do halfway through.
        self.page.set_viewport_size({"width": viewport["width"], "height": min(height, max_height)})
        self.page.wait_for_timeout(500)
        self.page.screenshot(path=str(target))
        self.page.set_viewport_size(viewport)
        return target


def _visit(browser, base_url: str, scheme: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme,
                                  service_workers="block")
    page = context.new_page()
    visit = Visit(page, base_url)
    origin = base_url[: base_url.index("/", len("http://"))]

    def route(request_route):
        url = request_route.request.url
        if url.startswith(origin + "/") or url.startswith(("data:", "blob:", "about:")):
            request_route.continue_()
        else:
            visit.outside.append(url)
            request_route.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    return context, visit


@pytest.fixture()
def visit(browser, base_url):
    context, visit = _visit(browser, base_url, "light")
    yield visit
    context.close()


@pytest.fixture(params=["light", "dark"])
def visit_in_scheme(request, browser, base_url):
    context, visit = _visit(browser, base_url, request.param)
    visit.scheme = request.param
    yield visit
    context.close()
