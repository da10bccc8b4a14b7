"""The rendered pages through the real `mkdocs build --strict`: they build, every citation
anchor exists (mkdocs.yml validates anchors), and no source text turns into script."""
from __future__ import annotations

import json
import html
import os
import posixpath
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from generator.model import Entity, Paragraph, Reference, Source
from generator.pages import compose
from generator.render import render_site

sys.path.insert(0, str(Path(__file__).parent))
from briefing_samples import sample_briefing  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_NAME = "</title><script>alert('name')</script>"
HOSTILE_TEXT = ('Officials said <script>alert("text")</script> and <img src=x onerror=alert(1)> then '
                '<iframe src="https://evil.example/"></iframe> [click](javascript:alert(2)) {: onclick="alert(3)" }')


def hostile_briefing():
    """The sample briefing plus a source and an actor made of hostile text."""
    briefing = sample_briefing()
    text = f"{HOSTILE_NAME} met envoys. {HOSTILE_TEXT}"
    briefing.sources.append(Source(
        id="hostile", path="hostile.html", title=f"Report {HOSTILE_NAME}", date="2022-01-09",
        paragraphs=[Paragraph(1, text, 1), Paragraph(2, "<div onmouseover=alert(4)>caption</div>", 3, kind="caption")],
        url="javascript:alert(5)", publisher="<b>Publisher</b>", author="\"><svg onload=alert(6)>",
        links=[(1, 0, len(HOSTILE_NAME), "actor", "hostile-actor")],
    ))
    briefing.entities.append(Entity(
        id="hostile-actor", kind="actor", name=HOSTILE_NAME, type="group",
        aliases=["<img src=x onerror=alert(7)>", "{{ config }}", "| a | b |"], roles=["[x](javascript:alert(8))"],
        mentions=[Reference("hostile", 1, f"{HOSTILE_NAME} met envoys.")],
    ))
    russia = next(e for e in briefing.entities if e.id == "russia")
    russia.mentions.append(Reference("hostile", 1, HOSTILE_TEXT))  # co-mentioned: in the graph
    # A name with no ASCII form keeps a Unicode slug: links to it are percent-encoded.
    briefing.entities.append(Entity(id="сергей-лавров", kind="actor", name="Сергей Лавров", type="person",
                                    mentions=[Reference("hostile", 1, HOSTILE_TEXT)]))
    briefing.sources[-1].links.append((1, len(HOSTILE_NAME) + 1, len(HOSTILE_NAME) + 4, "actor", "сергей-лавров"))
    return briefing


class Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.elements: list[tuple[str, dict]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def scan(path: Path) -> Scan:
    parsed = Scan()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def script_signature(attrs: dict, text: str) -> tuple:
    """A script without its base URL: `../../assets`, `assets` and, on the 404 page,
    `/repo/assets` are the same script."""
    def strip(value: str | None) -> str:
        value = re.sub(r"(?:/repo/|(?:\.\./)+|\./)(?=assets/)", "", value or "")
        value = re.sub(r'"base": "[^"]*"', '"base": BASE', value)
        return re.sub(r'new URL\("[^"]*",location\)', "new URL(BASE,location)", value)
    return tuple(sorted((k, strip(v)) for k, v in attrs.items())), strip(text)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("site")
    docs = work / "docs"
    site = render_site(hostile_briefing())
    for page in site.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(compose(page), encoding="utf-8")
    for name, text in site.files.items():
        (docs / name).write_text(text, encoding="utf-8")
    # A person's front matter title reaches the theme as it is (the generator refuses to use it,
    # but the key stays in the file): the theme must escape it.
    page = next(p for p in site.pages if p.kind == "actor" and p.id not in ("hostile-actor", "wendy-sherman"))
    text = (docs / page.path).read_text(encoding="utf-8")
    (docs / page.path).write_text(text.replace("---\n", '---\ntitle: "</title><script>alert(1)</script><b>"\n', 1), encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs}", config, flags=re.M)
    config = re.sub(r"^site_dir: .*$", f"site_dir: {work / 'site'}", config, flags=re.M)
    config = re.sub(r"^(\s*custom_dir:) (\S+)$", lambda m: f"{m[1]} {ROOT / m[2]}", config, flags=re.M)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "SITE_URL": "https://org.github.io/repo/", "REPO_URL": "https://github.com/example/briefing",
           "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "mkdocs", "build", "--strict", "-f",
                          str(work / "mkdocs.yml")], capture_output=True, text=True, timeout=600, env=env, cwd=ROOT)
    return run, work / "site"


pytestmark = pytest.mark.slow


def test_the_site_builds_under_strict(built):
    run, site = built
    assert run.returncode == 0, run.stdout + run.stderr
    assert "WARNING" not in run.stderr
    assert (site / "actors" / "wendy-sherman" / "index.html").is_file()
    assert (site / "briefing.json").is_file() and (site / "assets" / "briefing.css").is_file()


def test_no_script_but_materials_own_and_no_handlers_frames_or_script_links(built):
    _, site = built
    material = {script_signature(*s) for s in scan(site / "404.html").scripts}
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parsed = scan(page)
        assert {script_signature(*s) for s in parsed.scripts} <= material, page
        assert len(parsed.scripts) == len(material), page
        for tag, attrs in parsed.elements:
            assert tag not in ("iframe", "object", "embed"), page
            assert not [a for a in attrs if a.startswith("on")], (page, tag, attrs)
            for key in ("href", "src", "action", "formaction"):
                assert not (attrs.get(key) or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")), page
    hostile = (site / "actors" / "hostile-actor" / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(7)&gt;" in hostile  # shown as text


def test_every_graph_link_reaches_a_built_page_without_leaving_the_sub_path(built):
    _, site = built
    checked = 0
    for page in site.rglob("index.html"):
        url_dir = page.parent.relative_to(site).as_posix()
        html = page.read_text(encoding="utf-8")
        for svg in re.findall(r"<svg.*?</svg>", html, re.S):
            for href in re.findall(r'<a xlink:href="([^"]+)"', svg):
                assert not href.startswith("/") and "://" not in href
                target = posixpath.normpath(posixpath.join(url_dir, unquote(href)))
                assert not target.startswith(".."), (page, href)
                assert (site / target / "index.html").is_file(), (page, href)
                checked += 1
    assert checked >= 10


def article_tag(site: Path, page: str) -> str:
    return re.search(r"<article\b[^>]*>", (site / page / "index.html").read_text(encoding="utf-8"))[0]


def test_every_page_offers_its_article_to_the_search_index_and_sources_weigh_less(built):
    """The site's search is Pagefind, which `make site` runs on the built site; the theme marks
    what it indexes: each page's article, with its kind, at half weight on source pages (so
    that a name finds its entity's page before the sources; tests/browser/test_search.py)."""
    _, site = built
    assert not (site / "search").exists()  # Material's search plugin is off
    russia = article_tag(site, "actors/russia")
    assert "data-pagefind-body" in russia and 'data-pagefind-meta="kind:Actor"' in russia
    assert "data-pagefind-weight" not in russia
    source = article_tag(site, "sources/talks-2022-01-08")
    assert 'data-pagefind-meta="kind:Source"' in source and 'data-pagefind-weight="0.5"' in source
    assert "data-pagefind-body" in article_tag(site, "timeline")
    assert "data-pagefind-body" not in (site / "404.html").read_text(encoding="utf-8")
    html = (site / "actors" / "russia" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "Kremlin, Moscow, the Kremlin" in article  # the names Pagefind finds it by


def test_pagefind_indexes_every_page_but_the_404_page(built, tmp_path):
    _, site = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    run = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "pagefind", "--site", str(copy)], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    entry = json.loads((copy / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = [p for p in copy.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert entry["languages"]["en"]["page_count"] == len(pages) == len(list(copy.rglob("index.html")))
    assert (copy / "pagefind" / "pagefind.js").is_file()


def test_page_titles_come_from_the_h1(built):
    _, site = built
    sherman = (site / "actors" / "wendy-sherman" / "index.html").read_text(encoding="utf-8")
    assert "<title>Wendy Sherman - Briefing</title>" in sherman
    assert "generated:begin" not in sherman
    hostile = (site / "actors" / "hostile-actor" / "index.html").read_text(encoding="utf-8")
    title = html.unescape(re.search(r"<title>(.*?)</title>", hostile, re.S)[1])
    assert title.startswith("\u2039/title>\u2039script>alert('name')\u2039/script>")  # a look-alike, not a tag


def test_citations_land_on_paragraph_anchors(built):
    _, site = built
    source = (site / "sources" / "talks-2022-01-08" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<p[^>]*\bid="p3"', source)
    sherman = (site / "actors" / "wendy-sherman" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../sources/talks-2022-01-08/#p3"' in sherman
    lavrov = (site / "actors" / "сергей-лавров" / "index.html").read_text(encoding="utf-8")
    assert "<title>Сергей Лавров - Briefing</title>" in lavrov and 'href="../../sources/hostile/#p1"' in lavrov


def test_the_tags_page_lists_pages_by_tag(built):
    _, site = built
    tags = (site / "tags" / "index.html").read_text(encoding="utf-8")
    assert "Person" in tags and "Country" in tags and "wendy-sherman/" in tags


class Links(HTMLParser):
    """Every link target and element id of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for key in ("href", "src", "xlink:href"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.targets.append(attrs[key])


def test_no_broken_link_when_served_from_a_sub_path(built):
    """Built with site_url on a sub-path (https://org.github.io/repo/): every relative link
    and asset of every page reaches a file of the site, and every #anchor an id on it."""
    _, site = built
    parsed: dict[Path, Links] = {}

    def links(page: Path) -> Links:
        if page not in parsed:
            parsed[page] = Links()
            parsed[page].feed(page.read_text(encoding="utf-8"))
        return parsed[page]

    broken, checked = [], 0
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # served for any path, so it links from the site root
            continue
        for target in links(page).targets:
            if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
                continue  # external: the edit button, the repository, source URLs
            assert not target.startswith("/"), (page, target)  # would leave the sub-path
            path, _, anchor = unquote(target).partition("#")
            resolved = (page.parent / path.split("?")[0]).resolve() if path else page
            if resolved.is_dir():
                resolved = resolved / "index.html"
            checked += 1
            if not resolved.is_file() or not resolved.is_relative_to(site):
                broken.append((str(page.relative_to(site)), target))
            elif anchor and resolved.suffix == ".html" and anchor not in links(resolved).ids:
                broken.append((str(page.relative_to(site)), target))
    assert checked > 1000
    assert not broken, broken[:20]


def test_an_entity_pages_edit_button_opens_its_file_in_docs(built):
    _, site = built
    sherman = (site / "actors" / "wendy-sherman" / "index.html").read_text(encoding="utf-8")
    edit = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', sherman)[1]
    assert edit == "https://github.com/example/briefing/edit/main/docs/actors/wendy-sherman.md"
