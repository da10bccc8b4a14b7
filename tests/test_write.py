"""The write stage on sites built by hand: every rule of generator/write.py as an example."""
import os
import re
from pathlib import Path

import pytest

from generator.diagnostics import Report
from generator.model import Page, RenderedSite
from generator.pages import HumanText, compose, content_hash, front_matter_text, generator_front_matter, parse, read_curation
from generator.write import write_site


def actor(id_: str, *blocks: tuple[str, str], **front_matter) -> Page:
    blocks = blocks or (("header", f"# {id_.title()}"), ("mentions", f"- {id_} was mentioned"))
    return Page(f"actors/{id_}.md", {"tags": ["actor"], **front_matter}, list(blocks), id=id_, kind="actor")


def site(*pages: Page, files: dict[str, str] | None = None) -> RenderedSite:
    return RenderedSite(list(pages), files or {})


def build(docs: Path, rendered: RenderedSite) -> tuple[Report, object]:
    """One write, the way generator.build runs it: read the curation first, then write."""
    report = Report()
    curation = read_curation(docs, report)
    return report, write_site(rendered, docs, curation, report)


def read(docs: Path, rel: str) -> str:
    return (docs / rel).read_bytes().decode("utf-8")  # no newline translation: bytes matter here


def edit(docs: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    text = read(docs, rel)
    assert old in text, f"{old!r} not in {rel}"
    (docs / rel).write_text(text.replace(old, new, count), encoding="utf-8")


def warnings(report: Report) -> list[str]:
    return [str(w) for w in report.warnings]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return tmp_path / "docs"


# --------------------------------------------------------------------------- new and unchanged pages


def test_a_new_page_is_composed(docs):
    report, summary = build(docs, site(actor("nato")))
    assert read(docs, "actors/nato.md") == compose(actor("nato"))
    assert summary.written == ["actors/nato.md"] and not report.items


def test_an_unchanged_page_is_not_rewritten(docs):
    build(docs, site(actor("nato")))
    os.utime(docs / "actors/nato.md", ns=(1_000_000_000, 1_000_000_000))
    _, summary = build(docs, site(actor("nato")))
    assert summary.unchanged == ["actors/nato.md"] and summary.written == []
    assert (docs / "actors/nato.md").stat().st_mtime_ns == 1_000_000_000


def test_writing_is_deterministic_byte_for_byte(tmp_path):
    pages = [actor(i) for i in ("b", "a", "c")]
    first, second = tmp_path / "one", tmp_path / "two"
    build(first, site(*pages, files={"briefing.json": "{}\n"}))
    build(second, site(*reversed(pages), files={"briefing.json": "{}\n"}))
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_generated_blocks_are_updated_in_place(docs):
    build(docs, site(actor("nato")))
    _, summary = build(docs, site(actor("nato", ("header", "# NATO"), ("mentions", "- new mention"))))
    assert read(docs, "actors/nato.md") == compose(actor("nato", ("header", "# NATO"), ("mentions", "- new mention")))
    assert summary.written == ["actors/nato.md"]


def test_other_files_are_written_whole(docs):
    build(docs, site(files={"briefing.json": '{"entities": []}\n'}))
    assert read(docs, "briefing.json") == '{"entities": []}\n'


# --------------------------------------------------------------------------- human text and keys


def test_human_text_and_keys_survive_byte_for_byte(docs):
    build(docs, site(actor("nato")))
    edit(docs, "actors/nato.md", "tags:", "title: North Atlantic Treaty Organization  # the full name\nhide:\n  - toc\ntags:")
    edit(docs, "actors/nato.md", "\n[//]: # (generated:begin mentions", "\nAn analyst's note,\r\nwith  odd   spacing.\n\n[//]: # (generated:begin mentions")
    before = read(docs, "actors/nato.md")
    report, _ = build(docs, site(actor("nato", ("header", "# NATO"), ("mentions", "- changed"), search={"boost": 3})))
    after = read(docs, "actors/nato.md")
    assert "title: North Atlantic Treaty Organization  # the full name\nhide:\n  - toc\n---\n" in after
    assert "\nAn analyst's note,\r\nwith  odd   spacing.\n\n[//]: # (generated:begin mentions" in after
    assert "- changed" in after and "- nato was mentioned" not in after
    assert after.index("search:") < after.index("title:")  # generator keys first, refreshed
    assert parse(after).front_matter["search"] == {"boost": 3}
    assert before != after and not report.items


def test_a_comment_in_the_front_matter_is_kept(docs):
    build(docs, site(actor("nato")))
    edit(docs, "actors/nato.md", "kind: actor\n", "kind: actor\n# checked by J. against the charter\n")
    build(docs, site(actor("nato", ("header", "# NATO"))))
    assert "# checked by J. against the charter\n" in read(docs, "actors/nato.md")


def test_a_crlf_page_keeps_its_line_endings(docs):
    build(docs, site(actor("nato")))
    path = docs / "actors/nato.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n").replace(b"[//]: # (generated:begin mentions", b"My note\r\n\r\n[//]: # (generated:begin mentions"))
    report, _ = build(docs, site(actor("nato", ("header", "# NATO"), ("mentions", "- a\n- b"))))
    data = path.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"My note\r\n\r\n" in data and b"- a\r\n- b\r\n" in data
    assert not report.items


# --------------------------------------------------------------------------- edited blocks


def test_an_edited_block_is_kept_and_the_build_says_how_to_take_updates_again(docs):
    build(docs, site(actor("nato")))
    edit(docs, "actors/nato.md", "- nato was mentioned", "- nato was mentioned (and I fixed this line)")
    report, _ = build(docs, site(actor("nato", ("header", "# NATO"), ("mentions", "- a new generated line"))))
    text = read(docs, "actors/nato.md")
    assert "- nato was mentioned (and I fixed this line)" in text and "- a new generated line" not in text
    assert "# NATO" in text  # the unedited block is still updated
    (warning,) = report.warnings
    assert warning.file == "docs/actors/nato.md" and warning.line == parse(text).blocks[1].line
    assert "edited by hand" in warning.message and "leave the block empty" in warning.message
    assert parse(text).blocks[1].edited  # the hash is not refreshed: the edit stays detectable


def test_an_emptied_block_is_filled_again(docs):
    build(docs, site(actor("nato")))
    edit(docs, "actors/nato.md", "- nato was mentioned\n", "")
    report, _ = build(docs, site(actor("nato")))
    assert read(docs, "actors/nato.md") == compose(actor("nato")) and not report.items


def test_a_block_no_longer_generated_is_removed_unless_edited(docs):
    build(docs, site(actor("nato", ("header", "# NATO"), ("old", "old text"), ("gone", "gone text"))))
    edit(docs, "actors/nato.md", "gone text", "gone text, corrected")
    report, _ = build(docs, site(actor("nato", ("header", "# NATO"))))
    text = read(docs, "actors/nato.md")
    assert "old text" not in text and "gone text, corrected" in text
    assert "no longer generated" in report.warnings[0].message


def test_new_blocks_go_where_the_renderer_puts_them(docs):
    build(docs, site(actor("nato", ("header", "# NATO"), ("mentions", "- m"))))
    edit(docs, "actors/nato.md", "\n[//]: # (generated:begin mentions", "\nMy note.\n\n[//]: # (generated:begin mentions")
    build(docs, site(actor("nato", ("header", "# NATO"), ("quotes", "> q"), ("mentions", "- m"), ("footer", "f"))))
    text = read(docs, "actors/nato.md")
    assert [b.name for b in parse(text).blocks] == ["header", "quotes", "mentions", "footer"]
    assert text.index("My note.") < text.index("> q")  # the note stays right below the header
    assert build(docs, site(actor("nato", ("header", "# NATO"), ("quotes", "> q"), ("mentions", "- m"), ("footer", "f"))))[1].unchanged


def test_a_page_whose_markers_were_deleted_gets_its_blocks_back_at_the_end(docs):
    build(docs, site(actor("nato")))
    text = read(docs, "actors/nato.md")
    (docs / "actors/nato.md").write_text("\n".join(l for l in text.split("\n") if not l.startswith("[//]:")), encoding="utf-8")
    mine = read(docs, "actors/nato.md").split("---\n", 2)[2]
    build(docs, site(actor("nato")))
    after = read(docs, "actors/nato.md")
    assert after.split("---\n", 2)[2].startswith(mine)
    assert [b.name for b in parse(after).blocks] == ["header", "mentions"]


# --------------------------------------------------------------------------- pages the site no longer has


def test_a_stale_page_nobody_edited_is_removed(docs):
    build(docs, site(actor("nato"), actor("obsolete")))
    report, summary = build(docs, site(actor("nato")))
    assert not (docs / "actors/obsolete.md").exists()
    assert summary.removed == ["actors/obsolete.md"] and not report.items


def test_a_stale_page_a_person_edited_is_kept_untouched_with_a_warning(docs):
    build(docs, site(actor("nato"), actor("obsolete")))
    edit(docs, "actors/obsolete.md", "[//]: # (generated:begin mentions", "Keep this.\n\n[//]: # (generated:begin mentions")
    before = read(docs, "actors/obsolete.md")
    report, summary = build(docs, site(actor("nato")))
    assert read(docs, "actors/obsolete.md") == before
    assert summary.kept == ["actors/obsolete.md"]
    (warning,) = report.warnings
    assert warning.file == "docs/actors/obsolete.md" and "kept" in warning.message and "no source mentions" in warning.message


# --------------------------------------------------------------------------- hidden and merged pages


@pytest.mark.parametrize("key", ["hidden: true", "merge_into: actors/nato"])
def test_a_hidden_or_merged_page_is_renamed_out_of_the_site_and_back(docs, key):
    build(docs, site(actor("nato"), actor("the-alliance")))
    edit(docs, "actors/the-alliance.md", "tags:", f"{key}\ntags:")
    edit(docs, "actors/the-alliance.md", "[//]: # (generated:begin mentions", "Same thing as NATO.\n\n[//]: # (generated:begin mentions")
    kept = read(docs, "actors/the-alliance.md")
    report, summary = build(docs, site(actor("nato")))  # resolve leaves the hidden entity out
    assert not (docs / "actors/the-alliance.md").exists()
    assert read(docs, "actors/the-alliance.hidden.md") == kept
    assert "actors/the-alliance.hidden.md" in summary.kept and not report.items
    # the next build still knows, and leaves it alone
    report, summary = build(docs, site(actor("nato")))
    assert read(docs, "actors/the-alliance.hidden.md") == kept and not report.items
    # the person removes the key: the page comes back, with their note
    edit(docs, "actors/the-alliance.hidden.md", f"{key}\n", "")
    build(docs, site(actor("nato"), actor("the-alliance")))
    assert not (docs / "actors/the-alliance.hidden.md").exists()
    assert "Same thing as NATO." in read(docs, "actors/the-alliance.md")


def test_a_page_hidden_under_its_public_name_is_never_published(docs):
    build(docs, site(actor("nato")))
    edit(docs, "actors/nato.md", "tags:", "hidden: true\ntags:")
    build(docs, site(actor("nato")))  # even if the renderer still made a page for it
    assert not (docs / "actors/nato.md").exists() and (docs / "actors/nato.hidden.md").exists()


# --------------------------------------------------------------------------- files that are not the generator's


def test_files_without_generator_front_matter_are_never_touched(docs):
    (docs / "assets").mkdir(parents=True)
    (docs / "assets/extra.css").write_text("body{}", encoding="utf-8")
    (docs / "about.md").write_text("# About this briefing\n", encoding="utf-8")
    (docs / "actors").mkdir()
    (docs / "actors/nato.md").write_text("# My own NATO page\n", encoding="utf-8")
    report, summary = build(docs, site(actor("nato")))
    assert read(docs, "about.md") == "# About this briefing\n" and read(docs, "assets/extra.css") == "body{}"
    assert read(docs, "actors/nato.md") == "# My own NATO page\n"
    assert summary.written == [] and "not written by the generator" in report.warnings[0].message


def test_a_page_with_broken_front_matter_is_left_alone(docs):
    build(docs, site(actor("nato")))
    edit(docs, "actors/nato.md", "tags:", "title: [oops\ntags:")
    before = read(docs, "actors/nato.md")
    report, _ = build(docs, site(actor("nato", ("header", "# changed"))))
    assert read(docs, "actors/nato.md") == before
    assert {w.file for w in report.warnings} == {"docs/actors/nato.md"}


# --------------------------------------------------------------------------- safety


@pytest.mark.parametrize("path", ["../escape.md", "/tmp/escape.md", "actors/../../escape.md", "a\\b.md", "actors//x.md", "C:/x.md", "a\0b.md"])
def test_paths_that_leave_docs_are_refused(docs, path):
    report, summary = build(docs, site(Page(path, {}, [("b", "x")], id="x", kind="actor"), files={path.replace(".md", ".json"): "{}"}))
    assert summary.written == [] and len(report.errors) == 2
    assert not (docs.parent / "escape.md").exists() and not Path("/tmp/escape.md").exists()


def test_a_symlink_out_of_docs_is_not_followed(docs, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    docs.mkdir()
    (docs / "actors").symlink_to(outside, target_is_directory=True)
    report, summary = build(docs, site(actor("nato")))
    assert list(outside.iterdir()) == [] and report.errors and summary.written == []


def test_leftover_temp_files_of_a_crashed_build_are_removed(docs):
    build(docs, site(actor("nato")))
    (docs / "actors/.tmp-briefing-abc123").write_text("half a pa", encoding="utf-8")
    build(docs, site(actor("nato")))
    assert sorted(p.name for p in (docs / "actors").iterdir()) == ["nato.md"]


def test_a_section_page_without_front_matter_is_merged_by_its_blocks(docs):
    index = Page("actors/index.md", {}, [("list", "- [NATO](nato.md)")])
    build(docs, site(index))
    assert read(docs, "actors/index.md").startswith("[//]: # (generated:begin list")
    edit(docs, "actors/index.md", "[//]: # (generated:begin", "Actors we follow:\n\n[//]: # (generated:begin")
    build(docs, site(Page("actors/index.md", {}, [("list", "- [NATO](nato.md)\n- [UN](un.md)")])))
    text = read(docs, "actors/index.md")
    assert text.startswith("Actors we follow:\n\n[//]: # (generated:begin list") and "- [UN](un.md)" in text


def test_a_key_written_twice_is_kept_twice(docs):
    build(docs, site(actor("nato")))
    edit(docs, "actors/nato.md", "tags:", "title: First try\ntitle: Second try\ntags:")
    report, _ = build(docs, site(actor("nato", ("header", "# changed"))))
    text = read(docs, "actors/nato.md")
    assert "title: First try\ntitle: Second try\n" in text and parse(text).front_matter["title"] == "Second try"
    assert build(docs, site(actor("nato", ("header", "# changed"))))[1].written == []


def test_a_generated_value_that_looks_like_a_comment_is_not_copied_again_and_again(docs):
    page = actor("nato", search={"note": "line one\n# not a comment\n"})
    build(docs, site(page))
    first = read(docs, "actors/nato.md")
    edit(docs, "actors/nato.md", "kind: actor\n", "kind: actor\n# a real comment\n")
    build(docs, site(page))
    build(docs, site(page))
    text = read(docs, "actors/nato.md")
    assert text.count("# not a comment") == first.count("# not a comment") and text.count("# a real comment") == 1


# --------------------------------------------------------------------------- pages of an earlier build
# Earlier builds wrote the block markers as HTML comments. Such a docs/ keeps working: the
# next write puts the current markers in and keeps every word a person wrote.


def legacy(page: Page) -> str:
    """The file an earlier build composed for `page`: HTML-comment markers, no blank lines inside."""
    blocks = []
    for name, markdown in page.blocks:
        content = markdown.strip("\n") + "\n" if markdown.strip("\n") else ""
        blocks.append(f"<!-- generated:begin {name} sha256:{content_hash(content)} -->\n{content}<!-- generated:end {name} -->\n")
    return front_matter_text(generator_front_matter(page)) + "\n" + "\n".join(blocks)


def persons_words(text: str) -> list[str]:
    """What a person wrote on a page: their text between blocks, their keys, their edited blocks."""
    parsed = parse(text)
    human = [s.text for s in parsed.segments if isinstance(s, HumanText) and s.text.strip()]
    return human + [k.text for k in parsed.keys if k.name in ("title", "aliases")] + [b.content for b in parsed.blocks if b.edited]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_a_page_of_an_earlier_build_gets_the_current_markers_and_loses_nothing(docs, newline):
    old = actor("nato", ("header", "# Nato"), ("mentions", "- nato was mentioned"), ("quotes", "> q"), ("gone", "- old"))
    text = legacy(old).replace("tags:", "title: NATO  # the desk\ntags:", 1)
    text = text.replace("<!-- generated:begin mentions", "A note glued to the marker.\n<!-- generated:begin mentions", 1)
    text = text.replace("> q", "> q, as corrected by the desk", 1).replace("- old", "- old, corrected", 1)
    text = text + "\nClosing note.\n"
    (docs / "actors").mkdir(parents=True)
    (docs / "actors/nato.md").write_bytes(text.replace("\n", newline).encode("utf-8"))
    before = read(docs, "actors/nato.md")

    new = actor("nato", ("header", "# NATO"), ("mentions", "- a new mention"), ("quotes", "> new q"))
    report, summary = build(docs, site(new))
    after = read(docs, "actors/nato.md")

    assert "<!--" not in after and summary.written == ["actors/nato.md"]
    assert all(words in after for words in persons_words(before)), "a person's words were lost"
    assert [(b.name, b.edited) for b in parse(after).blocks] == [("header", False), ("mentions", False), ("quotes", True), ("gone", True)]
    assert "# NATO" in after and "- a new mention" in after  # unedited blocks take the new text
    assert ("\n" in after.replace("\r\n", "")) == (newline == "\n")  # the file keeps its line endings
    lines = {b.name: b.line for b in parse(after).blocks}
    assert [(w.file, w.line) for w in report.warnings] == [("docs/actors/nato.md", lines["quotes"]), ("docs/actors/nato.md", lines["gone"])]
    assert "edited by hand" in report.warnings[0].message and "no longer generated" in report.warnings[1].message
    # The next build finds the page in the current form: nothing to change, the same warnings.
    again, summary = build(docs, site(new))
    assert summary.unchanged == ["actors/nato.md"] and [(w.line, w.message) for w in again.warnings] == [(w.line, w.message) for w in report.warnings]


def test_a_section_page_of_an_earlier_build_keeps_a_persons_intro(docs):
    (docs / "actors").mkdir(parents=True)
    old = Page("actors/index.md", {}, [("list", "# Actors\n\n- [NATO](nato.md)")])
    (docs / "actors/index.md").write_text("Intro by the desk.\n\n" + legacy(old).lstrip("\n"), encoding="utf-8")
    build(docs, site(Page("actors/index.md", {}, [("list", "# Actors\n\n- [NATO](nato.md)\n- [UN](un.md)")])))
    text = read(docs, "actors/index.md")
    assert text.startswith("Intro by the desk.\n\n[//]: # (generated:begin list") and "- [UN](un.md)" in text and "<!--" not in text


# --------------------------------------------------------------------------- properties

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from generator.pages import LOOKS_LIKE_MARKER  # noqa: E402

human_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=200).filter(lambda t: not LOOKS_LIKE_MARKER.search(t))
titles = st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=60).filter(lambda t: t.strip())


@pytest.mark.parametrize("earlier", [compose, legacy], ids=["current markers", "markers of an earlier build"])
@given(note=human_text, title=titles, markdown=st.text(st.characters(exclude_categories=["Cs"]), max_size=100))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_human_text_and_title_survive_any_regeneration(tmp_path_factory, earlier, note, title, markdown):
    import yaml

    docs = tmp_path_factory.mktemp("docs")
    text = earlier(actor("nato"))
    marker = parse(text).blocks[1].begin
    key = yaml.safe_dump({"title": title}, allow_unicode=True, width=1 << 20)
    text = text.replace("tags:", key + "tags:", 1).replace(marker, f"{note}\n{marker}", 1)
    (docs / "actors").mkdir(parents=True)
    (docs / "actors/nato.md").write_bytes(text.encode("utf-8"))
    build(docs, site(actor("nato", ("header", markdown), ("mentions", markdown))))
    after = read(docs, "actors/nato.md")
    assert key in after and f"{note}\n[//]: # (generated:begin mentions" in after
    parsed = parse(after)
    assert parsed.front_matter["title"] == title
    assert [b.name for b in parsed.blocks] == ["header", "mentions"] and not any(b.edited for b in parsed.blocks)


# --------------------------------------------------------------------------- through stock MkDocs

ROOT = Path(__file__).resolve().parent.parent


def site_config(docs: Path, site_dir: Path, nav: list[str]) -> str:
    """A mkdocs.yml with the real site's theme and Markdown extensions (cut from mkdocs.yml) and
    nothing else: no plugin or extension of ours, so the titles are stock MkDocs' doing."""
    real = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = re.search(r"^markdown_extensions:\n(?:(?:[ #].*)?\n)*", real, re.M)[0]
    listed = "".join(f"  - {path}\n" for path in nav)
    return (f"site_name: Test\ndocs_dir: {docs}\nsite_dir: {site_dir}\nstrict: true\nuse_directory_urls: true\n"
            f"theme:\n  name: material\n  font: false\nplugins:\n  - search\nnav:\n{listed}{extensions}")


@pytest.mark.slow
def test_stock_mkdocs_takes_the_h1_as_the_title_of_new_crlf_and_migrated_pages(tmp_path):
    import json
    import subprocess
    import sys

    docs = tmp_path / "docs"
    (docs / "actors").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    migrated = actor("nato", ("header", "# North Atlantic Treaty Organization\n\nAn alliance."), ("mentions", "| a | b |\n|---|---|\n| 1 | 2 |"))
    (docs / "actors/nato.md").write_text(legacy(migrated).replace("tags:", "aliases: [OTAN]\ntags:"), encoding="utf-8")
    crlf = actor("osce", ("header", "# Organization for Security and Co-operation in Europe"), ("notice", '!!! note "Stale"\n    Gone.'))
    build(docs, site(migrated, crlf, actor("un", ("header", "# United Nations"), ("facts", '<div markdown>\n\n**Type**: organization\n\n</div>'))))
    path = docs / "actors/osce.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert "<!--" not in read(docs, "actors/nato.md")

    pages = {"actors/nato.md": "North Atlantic Treaty Organization", "actors/osce.md": "Organization for Security and Co-operation in Europe", "actors/un.md": "United Nations"}
    (tmp_path / "mkdocs.yml").write_text(site_config(docs, tmp_path / "site", ["index.md", *pages]), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "mkdocs.yml")],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stderr

    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    search = {d["location"]: d["title"] for d in json.loads((tmp_path / "site/search/search_index.json").read_text(encoding="utf-8"))["docs"]}
    for rel, title in pages.items():
        url = rel.removesuffix(".md") + "/"
        html = (tmp_path / "site" / url / "index.html").read_text(encoding="utf-8")
        assert f"<title>{title} - Test</title>" in html
        assert "generated:" not in html and 'href="#"' not in html
        assert re.search(rf'href="{url}"[^>]*>\s*<span class="md-ellipsis">\s*{re.escape(title)}\s*</span>', home), f"nav title of {rel}"
        assert search[url] == title
