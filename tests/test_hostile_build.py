"""The whole build over a folder that mixes the real seeds with every kind of bad input.

The real command line runs in a subprocess (`python -m generator build`), then the real
`mkdocs build --strict`. Done when: the build does not stop, names each bad file (and line),
gives every readable document its source page, fails only under --strict, and the site holds
no script, handler, frame or script link that MkDocs and Material did not put there
themselves (the site built from the seeds alone is the measure).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.ingest import read_corpus
from generator.model import Document

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BAD = Path(__file__).resolve().parent / "inputs" / "bad"
HUGE = 20 * 2**20  # bytes of the "huge" text file

# Names built to break Markdown links, tables and templates, and markup, inside sentences an
# extractor reads like any other, so that they become entity names and quotes.
HOSTILE_NAMES = "Evil [Corp](javascript:alert(1)) | {{ x }} {% y %} <b>"
HOSTILE_STORY = f"""Ministers of Valdoria and Korvia met in Geneva on Monday to discuss the border treaty.

{HOSTILE_NAMES} Holdings signed the Korvia Pipeline Agreement with Valdoria on Tuesday, Foreign Minister Anna {{{{ config.extra }}}} Petrova said.

"We will not accept <script>alert('quote')</script> terms," said Anna Petrova, the foreign minister of Valdoria.

The | Table | Breaker | Group and the [Front](javascript:alert(2)) for {{% include 'x' %}} Reform met in Korvia City on 3 May 2023.

Officials said <img src=x onerror=alert(3)> the talks at the <iframe src="https://evil.example/"></iframe> ministry would resume next week.
"""
HOSTILE_HTML = """<!doctype html>
<html><head><title>Border talks resume - Valdoria Herald</title>
<meta property="article:published_time" content="2023-05-04T09:00:00Z">
<script>alert('head')</script></head>
<body onload="alert('body')">
<article>
<h1>Border talks resume in Geneva</h1>
<p>Foreign Minister Anna Petrova of Valdoria met Korvian envoys in Geneva on Wednesday, the ministry said.</p>
<p onclick="alert('p')">The <a href="javascript:alert('link')">Korvia Pipeline Agreement</a> was signed by Evil Corp <img src=x onerror="alert('img')"> on Tuesday.</p>
<iframe src="https://evil.example/frame"></iframe>
<p>Officials said &lt;script&gt;alert('entity')&lt;/script&gt; the talks would resume <a href="JaVaScRiPt:alert('case')">next week</a>.</p>
<script>document.write('<p>injected</p>')</script>
<p>"We will sign the treaty only if the border is respected," Petrova told reporters in Geneva.</p>
</article>
</body></html>
"""


@dataclass(frozen=True)
class Bad:
    """A bad input and what the build must say about it: its path, the line where one applies,
    and a word of the message."""

    path: str  # relative to the seeds folder
    line: int | None
    says: str


# tests/inputs/bad (shared with the ingest tests): what tests/test_ingest.py expects ingest to say.
SHARED_BAD = [
    Bad("bad/scanned-page.txt", None, "binary"),
    Bad("bad/invalid-utf8.txt", 3, "UTF-8"),
    Bad("bad/windows-1252.txt", 1, ""),
    Bad("bad/empty.md", None, "empty"),
    Bad("bad/whitespace-only.txt", None, "empty"),
    Bad("bad/malformed-front-matter.md", 2, ""),
    Bad("bad/unclosed-front-matter.md", 1, ""),
    Bad("bad/future-date.md", 3, ""),
    Bad("bad/unparseable-date.md", 3, ""),
    Bad("bad/meeting-notes.pdf", None, "unsupported"),
    Bad("bad/figures.csv", None, "unsupported"),
]
MADE_BAD = [
    Bad("made/huge.txt", None, "far larger"),
    Bad("made/self-loop.md", None, "loop"),
    Bad("made/again", None, "read once"),  # a link to the folder it is in
    Bad("made/invalid-utf8.md", 5, "UTF-8"),
    Bad("made/binary.txt", None, "binary"),
    Bad("made/empty.txt", None, "empty"),
    Bad("made/blank.md", None, "empty"),
    Bad("made/malformed.md", 3, ""),
    Bad("made/future.md", 3, ""),
    Bad("made/no-such-date.md", 3, ""),
    Bad("made/slides.docx", None, "unsupported"),
]
# Readable files (good, or read despite a problem): each must get its source page.
READABLE = [
    "bad/future-date.md", "bad/good-article.md", "bad/invalid-utf8.txt", "bad/malformed-front-matter.md",
    "bad/nested/regional/valley-election-2022-10-09.txt", "bad/old-mac-line-endings.txt", "bad/unclosed-front-matter.md",
    "bad/unparseable-date.md", "bad/utf16-with-bom.txt", "bad/windows-1252.txt", "bad/windows-line-endings.md",
    "made/huge.txt", "made/invalid-utf8.md", "made/malformed.md", "made/future.md", "made/no-such-date.md",
    "made/utf16-bom.txt", "made/hostile.html", "made/hostile-names.md", "made/hostile-names.txt", "made/folder.md/inside.md",
]  # fmt: skip


def make_bad_inputs(folder: Path) -> None:
    """The bad inputs made at test time (the ones too big, or impossible to keep in git)."""
    folder.mkdir(parents=True)
    # A log saved as text by mistake: 20 MB with no blank line, so one 20 MB paragraph.
    line = "2023-05-04T09:00:00Z INFO gateway request id=4f2a path=/briefing status=200 bytes=5120\n"
    (folder / "huge.txt").write_text(line * (HUGE // len(line) + 1), encoding="utf-8")
    (folder / "self-loop.md").symlink_to("self-loop.md")
    (folder / "again").symlink_to(".", target_is_directory=True)
    (folder / "folder.md").mkdir()  # a directory with a document's name: a folder, walked like any other
    (folder / "folder.md" / "inside.md").write_text("# Harbour reopens\n\nThe port of Keston reopened on Monday, officials said.\n", encoding="utf-8")
    (folder / "utf16-bom.txt").write_bytes("Pipeline deal signed\n\n".encode("utf-16") + HOSTILE_STORY.encode("utf-16")[2:])
    (folder / "invalid-utf8.md").write_bytes(b"# Grain talks\n\nMinisters met on Monday.\n\nThe \xff\xfe talks went on.\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b" \n\t\r\n   \n")
    (folder / "malformed.md").write_text('---\ndate: 2023-01-02\ntitle: "unclosed\n---\n\nThe mayor opened the bridge on Monday.\n', encoding="utf-8")
    (folder / "future.md").write_text("---\ntitle: Comet named\ndate: 2999-12-31\n---\n\nAstronomers named the comet on Friday.\n", encoding="utf-8")
    (folder / "no-such-date.md").write_text("---\ntitle: Bridge opens\ndate: the thirty-first of Smarch\n---\n\nThe bridge opened on Saturday.\n", encoding="utf-8")
    (folder / "slides.docx").write_bytes(b"PK\x03\x04 not really a document")
    (folder / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (folder / "hostile-names.md").write_text("---\ntitle: Pipeline agreement signed\ndate: 2023-05-04\n---\n\n" + HOSTILE_STORY, encoding="utf-8")
    (folder / "hostile-names.txt").write_text("Pipeline agreement signed\n\nMay 4, 2023\n\n" + HOSTILE_STORY, encoding="utf-8")


def generate(seeds: Path, docs: Path, cache: Path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--docs", str(docs), "--cache", str(cache), "--quiet", *flags],
        capture_output=True, text=True, timeout=3600, cwd=ROOT,
    )


def mkdocs(docs: Path, work: Path) -> tuple[subprocess.CompletedProcess, Path]:
    """The real site build, with the real mkdocs.yml pointed at `docs`."""
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs}", config, flags=re.M)
    config = re.sub(r"^site_dir: .*$", f"site_dir: {work / 'site'}", config, flags=re.M)
    config = re.sub(r"^(\s+custom_dir:\s*)(\S+)", lambda m: f"{m[1]}{ROOT / m[2]}", config, flags=re.M)  # relative to mkdocs.yml
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(work / "mkdocs.yml")],
                         capture_output=True, text=True, timeout=1800, cwd=work, env=env)
    return run, work / "site"


@dataclass
class Builds:
    seeds: Path
    lenient: subprocess.CompletedProcess
    strict: subprocess.CompletedProcess
    docs: Path
    site_run: subprocess.CompletedProcess
    site: Path
    baseline: Path  # the site of the seeds alone
    documents: dict[str, Document]  # by path: what ingest reads of the seeds (ids name the source pages)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Builds:
    work = tmp_path_factory.mktemp("hostile")
    seeds, cache = work / "seeds", work / "cache"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(BAD, seeds / "bad", symlinks=True)
    make_bad_inputs(seeds / "made")
    lenient = generate(seeds, work / "docs", cache)
    strict = generate(seeds, work / "docs-strict", cache, "--strict")
    site_run, site = mkdocs(work / "docs", work)
    plain = tmp_path_factory.mktemp("plain")
    assert generate(SEEDS, plain / "docs", cache).returncode == 0
    baseline_run, baseline = mkdocs(plain / "docs", plain)
    assert baseline_run.returncode == 0, baseline_run.stderr
    documents = {d.path: d for d in read_corpus(seeds, Report())}
    return Builds(seeds, lenient, strict, work / "docs", site_run, site, baseline, documents)


# --------------------------------------------------------------------------- the generator


def test_the_build_goes_on_and_only_strict_fails(builds):
    assert "Traceback" not in builds.lenient.stderr + builds.strict.stderr
    assert builds.lenient.returncode == 0, builds.lenient.stderr[-3000:]
    assert builds.strict.returncode != 0, builds.strict.stderr[-3000:]


@pytest.mark.parametrize("bad", SHARED_BAD + MADE_BAD, ids=lambda b: b.path)
def test_each_bad_input_is_named_with_its_line(builds, bad):
    where = re.escape((builds.seeds / bad.path).as_posix()) + (f":{bad.line}" if bad.line else "")
    said = re.findall(rf"^{where}: (?:warning|error): (.*)$", builds.lenient.stderr, re.M)
    assert said, f"nothing said about {bad.path}" + (f" at line {bad.line}" if bad.line else "")
    assert any(bad.says in message for message in said), said


def test_every_readable_document_has_its_source_page(builds):
    expected = READABLE + [p.relative_to(SEEDS).as_posix() for p in SEEDS.rglob("*") if p.is_file()]
    assert sorted(builds.documents) == sorted(expected)
    for path, document in builds.documents.items():
        page = builds.docs / "sources" / f"{document.id}.md"
        assert page.is_file() and f"id: {document.id}\n" in page.read_text(encoding="utf-8"), path
        assert (builds.site / "sources" / document.id / "index.html").is_file(), path


# --------------------------------------------------------------------------- the site


class Scan(HTMLParser):
    """The scripts, handler attributes, frames and URLs of an HTML page."""

    URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset")

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[tuple, str]] = []
        self.handlers: list[tuple[str, str, str]] = []
        self.elements: set[str] = set()
        self.frames: list[str] = []
        self.urls: list[str] = []
        self._script: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = [(name, value or "") for name, value in attrs]
        self.elements.add(tag)
        self.handlers += [(tag, name, value) for name, value in attrs if name.startswith("on")]
        self.urls += [value for name, value in attrs if name in self.URL_ATTRIBUTES]
        if tag in ("iframe", "frame", "frameset", "object", "embed"):
            self.frames.append(tag)
        if tag == "script":
            self._script = []
            self.scripts.append((tuple(sorted(attrs)), ""))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def without_base(value: str) -> str:
    """A script's text or source without the page's relative base ('../../assets' is 'assets')."""
    value = re.sub(r"(?:\.\./)+|\./", "", value)
    value = re.sub(r'new URL\("[^"]*",location\)', "new URL(BASE,location)", value)
    return re.sub(r'"base":\s*"[^"]*"', '"base": BASE', value)


def theme_parts(site: Path) -> tuple[set, set, set]:
    """Every script (attributes and text, base removed), handler attribute and kind of element in a site."""
    scripts, handlers, elements = set(), set(), set()
    for page in sorted(site.rglob("*.html")):
        scan = Scan(page.read_text(encoding="utf-8"))
        scripts |= {(tuple((k, without_base(v)) for k, v in attrs), without_base(text)) for attrs, text in scan.scripts}
        handlers |= set(scan.handlers)
        elements |= scan.elements
    return scripts, handlers, elements


def test_the_site_builds_under_strict(builds):
    assert builds.site_run.returncode == 0, builds.site_run.stderr[-3000:]
    assert (builds.site / "index.html").is_file()


def test_the_site_has_only_the_themes_scripts_and_handlers(builds):
    assert builds.site_run.returncode == 0
    scripts, handlers, elements = theme_parts(builds.site)
    theirs, their_handlers, their_elements = theme_parts(builds.baseline)
    assert scripts == theirs and handlers == their_handlers
    assert elements <= their_elements, "an element the seeds' site does not have (<b>, <img>, ... from a source?)"


def test_no_page_has_a_frame_or_a_script_url(builds):
    assert builds.site_run.returncode == 0
    pages = sorted(builds.site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        scan = Scan(page.read_text(encoding="utf-8"))
        assert scan.frames == [], page
        bad = [u for u in scan.urls if re.sub(r"[\s\x00-\x1f]", "", u).lower().startswith(("javascript:", "vbscript:", "data:text/html"))]
        assert bad == [], page


def test_hostile_text_is_shown_as_text_not_lost(builds):
    """The names and sentences built to break the page are on the source page, as words."""
    for path in ("made/hostile-names.md", "made/hostile-names.txt", "made/utf16-bom.txt"):
        page = builds.site / "sources" / builds.documents[path].id / "index.html"
        text = visible_text(page.read_text(encoding="utf-8"))
        for words in ("{{ config.extra }} Petrova", "The | Table | Breaker | Group", "{% include 'x' %} Reform"):
            assert words in text, (path, words)
    text = visible_text((builds.site / "sources" / builds.documents["made/hostile-names.txt"].id / "index.html").read_text(encoding="utf-8"))
    assert "<script>alert('quote')</script>" in text and "Evil [Corp](javascript:alert(1)) | {{ x }} {% y %} <b> Holdings" in text
    text = visible_text((builds.site / "sources" / builds.documents["made/hostile.html"].id / "index.html").read_text(encoding="utf-8"))
    assert "Officials said <script>alert('entity')</script> the talks" in text  # an escaped tag in HTML is text, and stays text
    assert "The Korvia Pipeline Agreement was signed by Evil Corp on Tuesday." in text and "injected" not in text


def visible_text(html: str) -> str:
    """The text of a page as a reader sees it: entities decoded, white space collapsed."""
    texts: list[str] = []
    parser = HTMLParser(convert_charrefs=True)
    parser.handle_data = texts.append
    parser.feed(html)
    parser.close()
    return re.sub(r"\s+", " ", "".join(texts))


def test_hostile_names_reached_the_entity_pages(builds):
    """The hostile names were extracted (else this test proves less than it claims): some
    entity carries one of the characters that break Markdown, tables or templates."""
    entities = json.loads((builds.docs / "briefing.json").read_text(encoding="utf-8"))["entities"]
    names = [n for e in entities for n in [e["name"], *e.get("aliases", [])]]
    assert [n for n in names if re.search(r"[\[\]|{}<>]", n)], sorted(n for n in names if "Corp" in n or "Petrova" in n or "Table" in n)
