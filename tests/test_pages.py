"""The page file format: what compose writes and what parse reads back."""
import re
from functools import lru_cache
from pathlib import Path

import markdown
import pytest
from markdown_it import MarkdownIt
from mkdocs.config import load_config

from generator.diagnostics import Report
from generator.model import Page
from generator.pages import HumanText, block_text, compose, content_hash, parse, read_curation


def putin_page(**front_matter) -> Page:
    return Page(
        path="actors/vladimir-putin.md",
        front_matter={"search": {"boost": 2}, "tags": ["person"], **front_matter},
        blocks=[("header", "# Vladimir Putin\n\nPresident of Russia."), ("mentions", "- said X ([source](../sources/a.md#p3))\n")],
        id="vladimir-putin",
        kind="actor",
    )


def test_a_new_page_has_generator_keys_in_a_fixed_order_and_hashed_blocks():
    text = compose(putin_page(extra="kept last"))
    assert text == (
        "---\n"
        "id: vladimir-putin\n"
        "kind: actor\n"
        "tags:\n"
        "- person\n"
        "search:\n"
        "  boost: 2\n"
        "extra: kept last\n"
        "---\n"
        "\n"
        f"[//]: # (generated:begin header sha256:{content_hash('# Vladimir Putin' + chr(10) + chr(10) + 'President of Russia.' + chr(10))})\n"
        "\n"
        "# Vladimir Putin\n"
        "\n"
        "President of Russia.\n"
        "\n"
        "[//]: # (generated:end header)\n"
        "\n"
        f"[//]: # (generated:begin mentions sha256:{content_hash('- said X ([source](../sources/a.md#p3))')})\n"
        "\n"
        "- said X ([source](../sources/a.md#p3))\n"
        "\n"
        "[//]: # (generated:end mentions)\n"
    )


def test_parse_reads_back_what_compose_wrote():
    page = parse(compose(putin_page()))
    assert page.front_matter == {"id": "vladimir-putin", "kind": "actor", "tags": ["person"], "search": {"boost": 2}}
    assert [(b.name, b.content, b.edited) for b in page.blocks] == [
        ("header", "\n# Vladimir Putin\n\nPresident of Russia.\n\n", False),
        ("mentions", "\n- said X ([source](../sources/a.md#p3))\n\n", False),
    ]
    assert page.generated and not page.edited() and not page.problems
    assert [k.line for k in page.keys] == [2, 3, 4, 6]
    assert page.blocks[0].line == 10  # after 8 lines of front matter and a blank line


# --------------------------------------------------------------------------- the markers in Markdown
# A marker is a link-reference definition: Markdown reads it and prints nothing, so a page
# renders exactly as if the marker lines were not there, and its H1 is its first element.

ROOT = Path(__file__).resolve().parent.parent

GENERATED = {
    "an H1 first": "# Vladimir Putin\n\nPresident of Russia.",
    "a table": "| Actor | Shared paragraphs |\n|---|---|\n| [Russia](russia.md) | 3 |",
    "an admonition": '!!! note "No current source"\n    No source in the seeds mentions this page any more.',
    "a div with markdown": '<div class="infobox" markdown>\n\n**Type**\n: person\n\n</div>',
    "a list": "- said X ([source](../sources/a.md#p3))\n- said Y",
    "a heading": "## Quotes\n\n> We will talk again.",
    "nothing": "",
}
HUMAN = {
    "no text": "",
    "a heading": "## Desk notes",
    "a table": "| Checked | By |\n|---|---|\n| yes | J. |",
    "an admonition": "!!! warning\n    Figures disputed.",
    "a div with markdown": '<div markdown>\n*Checked* by the desk.\n</div>',
}


@lru_cache(maxsize=1)
def site_markdown() -> markdown.Markdown:
    """Python-Markdown as the site builds pages: the extensions mkdocs.yml lists, read by MkDocs."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def site_html(text: str) -> str:
    md = site_markdown()
    md.reset()
    return md.convert(text)


def without_markers(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("[//]: # (generated:"))


def two_blocks(first: str, human: str, second: str) -> str:
    """A page body: a generated block, a person's text, another generated block."""
    return block_text("a", first) + ("\n" + human + "\n" if human else "") + "\n" + block_text("b", second)


@pytest.mark.parametrize("human", HUMAN, ids=HUMAN)
@pytest.mark.parametrize("generated", GENERATED, ids=GENERATED)
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_the_markers_make_no_html(generated, human, newline):
    body = two_blocks(GENERATED[generated], HUMAN[human], GENERATED[generated]).replace("\n", newline)
    assert "[//]: # (generated:begin a" in body
    for render in (site_html, markdown.markdown):
        html = render(body)
        assert html == render(without_markers(body))
        assert "generated:" not in html and "//" not in html


@pytest.mark.parametrize("generated", GENERATED, ids=GENERATED)
def test_the_markers_make_no_html_in_commonmark_either(generated):
    """What GitHub shows when a person reviews docs/ in a pull request."""
    html = MarkdownIt("commonmark").enable("table").render(two_blocks(GENERATED[generated], "My note.", GENERATED[generated]))
    assert "generated:" not in html and "//" not in html and "<p>My note.</p>" in html


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_a_page_whose_first_block_starts_with_its_h1_renders_the_h1_first(newline):
    body = compose(putin_page()).split("---\n", 2)[2].replace("\n", newline)
    assert body.startswith(newline + "[//]: # (generated:begin header")
    for html in (site_html(body), markdown.markdown(body), MarkdownIt("commonmark").render(body)):
        assert re.match(r"<h1\b[^>]*>Vladimir Putin", html.lstrip()), html[:80]


def test_the_markers_of_earlier_builds_are_read_too():
    """Earlier builds wrote the markers as HTML comments; their docs/ must keep working."""
    hash_ = content_hash("# NATO\n")
    body = (
        f"<!-- generated:begin header sha256:{hash_} -->\r\n# NATO\r\n<!-- generated:end header -->\r\n"
        "\r\nMy note.\r\n\r\n"
        f"  <!--generated:begin mentions sha256:{content_hash('- edited')}-->\r\n- edited by me\r\n[//]: # (generated:end mentions)\r\n"
    )
    page = parse("---\r\nid: nato\r\nkind: actor\r\n---\r\n" + body)
    assert [(b.name, b.content, b.edited, b.line) for b in page.blocks] == [
        ("header", "# NATO\r\n", False, 5),
        ("mentions", "- edited by me\r\n", True, 11),
    ]
    assert "".join(s.text for s in page.segments) == body and not page.problems


def test_a_kept_block_is_framed_in_the_current_form_with_its_content_and_hash():
    (header, mentions) = parse(f"<!-- generated:begin h sha256:abc -->\n# Mine\n| a |\n|---|\n<!-- generated:end h -->\n"
                               "[//]: # (generated:begin m sha256:def)\n\nalready framed\n\n[//]: # (generated:end m)\n").blocks
    assert header.kept("\r\n") == "[//]: # (generated:begin h sha256:abc)\r\n\r\n# Mine\n| a |\n|---|\n\r\n[//]: # (generated:end h)\r\n"
    assert mentions.kept("\n") == mentions.text  # already in the current form: unchanged
    assert parse(header.kept("\n")).blocks[0].content.strip() == header.content.strip()


def test_a_stray_marker_in_a_persons_text_is_reported_and_kept():
    text = compose(putin_page()) + "\nMy note\n[//]: # (generated:end header)\n"
    page = parse(text)
    assert [b.name for b in page.blocks] == ["header", "mentions"]
    assert page.problems == [(text.count("\n"), "this line looks like a generated-block marker but is not part of a whole block; it is treated as your text")]
    assert page.segments[-1].text == "\nMy note\n[//]: # (generated:end header)\n"


def test_compose_is_deterministic_and_never_wraps_or_aliases():
    shared = ["a", "b"]
    long = "word " * 200
    page = Page("x.md", {"tags": shared, "other": shared, "search": {"text": long}}, [("b", "x")], id="x", kind="actor")
    text = compose(page)
    assert text == compose(page)
    assert "&id" not in text and "*id" not in text
    assert f"text: {long.strip()}" in text or long.strip() in text.splitlines()[text.splitlines().index("search:") + 1]


def test_the_renderer_may_not_write_a_human_key():
    with pytest.raises(ValueError, match="title"):
        compose(Page("x.md", {"title": "X"}, [], id="x", kind="actor"))


@pytest.mark.parametrize("marker", ["[//]: # (generated:end body)", "<!-- generated:end body -->", "  [//]:#(generated:end body)"])
def test_text_that_looks_like_a_marker_cannot_close_a_block_early(marker):
    page = Page("x.md", {}, [("body", f"quote:\n{marker}\nafter")], id="x", kind="actor")
    parsed = parse(compose(page))
    assert [b.name for b in parsed.blocks] == ["body"]
    assert "after" in parsed.blocks[0].content and not parsed.edited()


def test_the_hash_ignores_line_endings_and_trailing_spaces_but_not_words():
    assert content_hash("a\nb\n") == content_hash("a\r\nb  \r\n\n")
    assert content_hash("a\nb\n") != content_hash("a\nc\n")


def test_human_text_is_kept_byte_for_byte_between_blocks():
    text = compose(putin_page()).replace("[//]: # (generated:begin mentions", "Mine:  *notes*\t\n\n\n[//]: # (generated:begin mentions")
    page = parse(text)
    human = [s.text for s in page.segments if isinstance(s, HumanText)]
    assert human == ["\n", "\nMine:  *notes*\t\n\n\n", ""]
    assert page.edited()
    assert "".join(s.text for s in page.segments) == text.split("---\n", 2)[2]


def test_an_edit_inside_a_block_breaks_its_hash():
    text = compose(putin_page()).replace("President of Russia.", "President of the Russian Federation.")
    page = parse(text)
    assert page.blocks[0].edited and not page.blocks[1].edited
    assert page.edited()


def test_an_emptied_block_is_not_an_edit():
    text = compose(putin_page()).replace("# Vladimir Putin\n\nPresident of Russia.\n", "")
    assert not parse(text).blocks[0].edited


def test_crlf_files_are_read_with_their_line_endings():
    text = compose(putin_page()).replace("\n", "\r\n")
    page = parse(text)
    assert page.newline == "\r\n"
    assert page.front_matter["id"] == "vladimir-putin"
    assert [b.name for b in page.blocks] == ["header", "mentions"]
    assert not page.edited()  # an editor that saved with CRLF did not edit anything
    assert "".join(s.text for s in page.segments) == text.split("---\r\n", 2)[2]


def test_a_page_with_no_markers_is_all_human_text():
    page = parse("# My notes\n\nSome text.\n")
    assert not page.has_front_matter and not page.generated and not page.blocks
    assert page.segments == [HumanText("# My notes\n\nSome text.\n", 1)]


def test_a_begin_marker_without_end_is_human_text_with_a_problem():
    text = compose(putin_page()).replace("[//]: # (generated:end header)\n", "")
    page = parse(text)
    assert [b.name for b in page.blocks] == ["mentions"]
    assert page.edited()
    assert page.problems and page.problems[0][0] == 10 and "no end marker" in page.problems[0][1]


def test_malformed_yaml_is_a_problem_with_its_line():
    page = parse("---\nid: x\nkind: actor\ntitle: [unclosed\naliases: y\n---\nbody\n")
    assert page.broken
    (line, message), = page.problems
    assert line in (4, 5) and "not valid YAML" in message


def test_unclosed_front_matter_is_read_as_text():
    page = parse("---\nid: x\n\nno end\n")
    assert not page.has_front_matter and page.problems[0][0] == 1


def test_human_keys_are_cut_out_with_their_exact_lines():
    text = compose(putin_page()).replace("---\n\n", "title: 'Vladimir V. Putin'   # official\naliases:\n  - Putin\n  - V. Putin\n---\n\n", 1)
    text = text.replace("---\n", "---\n", 1)
    page = parse(text)
    keys = {k.name: k.text for k in page.keys}
    assert keys["title"] == "title: 'Vladimir V. Putin'   # official\n"
    assert keys["aliases"] == "aliases:\n  - Putin\n  - V. Putin\n"
    assert page.human_keys() == ["title", "aliases"]


def write(docs: Path, rel: str, text: str) -> None:
    (docs / rel).parent.mkdir(parents=True, exist_ok=True)
    (docs / rel).write_text(text, encoding="utf-8")


def test_read_curation_reports_bad_yaml_with_file_and_line(tmp_path):
    write(tmp_path, "actors/x.md", "---\nid: x\nkind: actor\ntitle: [unclosed\n---\n")
    report = Report()
    curation = read_curation(tmp_path, report)
    assert curation.pages == []
    (warning,) = report.warnings
    assert warning.file == "docs/actors/x.md" and warning.line in (4, 5)


def curated(tmp_path, kind: str, keys: str, body: str = "") -> tuple[list, Report]:
    folder = {"actor": "actors", "event": "events", "place": "places", "treaty": "treaties"}[kind]
    write(tmp_path, f"{folder}/x.md", f"---\nid: x\nkind: {kind}\n{keys}---\n{body}")
    report = Report()
    return read_curation(tmp_path, report).pages, report


@pytest.mark.parametrize(
    "kind, keys, overrides",
    [
        ("actor", "title: Vladimir V. Putin\n", {"title": "Vladimir V. Putin"}),
        ("actor", "name: Putin\n", {"title": "Putin"}),
        ("actor", "aliases: [Putin, V. Putin, Putin]\n", {"aliases": ["Putin", "V. Putin"]}),
        ("actor", "aliases: Vova\n", {"aliases": ["Vova"]}),
        ("actor", "type: country\n", {"type": "country"}),
        ("actor", "summary: >\n  Long\n  text\n", {"summary": "Long text"}),
        ("actor", "hidden: true\n", {"hidden": True}),
        ("actor", "merge_into: vladimir-putin\n", {"merge_into": "vladimir-putin"}),
        ("actor", "merge_into: actors/vladimir-putin\n", {"merge_into": "vladimir-putin"}),
        ("actor", "merge_into: actors/vladimir-putin.md\n", {"merge_into": "vladimir-putin"}),
        ("event", "date: 2021-06-16\n", {"date": "2021-06-16"}),
        ("event", "date: 2021-06\n", {"date": "2021-06"}),
        ("event", "date: 2021\n", {"date": "2021"}),
        ("actor", "hide:\n  - toc\n", {}),
    ],
)
def test_human_keys_become_overrides(tmp_path, kind, keys, overrides):
    (page,), report = curated(tmp_path, kind, keys)
    assert page.overrides == overrides
    assert page.edited
    assert not report.items


@pytest.mark.parametrize(
    "kind, keys, line, says",
    [
        ("actor", "hidden: yes please\n", 4, "hidden: true"),
        ("actor", "type: alien\n", 4, "person, organization, country, group"),
        ("place", "type: country\n", 4, "only actors"),
        ("actor", "aliases:\n  - {a: 1}\n", 4, "list of names"),
        ("actor", "merge_into: events/geneva-summit\n", 4, "another actor"),
        ("actor", "merge_into: x\n", 4, "itself"),
        ("actor", "merge_into: [a, b]\n", 4, "merge_into: some-id"),
        ("event", "date: June 2021\n", 4, "YYYY-MM-DD"),
        ("event", "date: 2021-13\n", 4, "YYYY-MM-DD"),
        ("event", "date: 2021-02-30\n", 4, "YYYY-MM-DD"),
        ("actor", "date: 2021\n", 4, "only events"),
        ("actor", "title: ''\n", 4, "some text"),
        ("actor", "title: </title><script>alert(1)</script>\n", 4, "cannot contain '<', '>', '&'"),
        ("actor", "name: Smith & Sons\n", 4, "write 'and' for '&'"),
        ("event", "name: '<b>Summit</b>'\n", 4, "page header"),
    ],
)
def test_bad_override_values_are_ignored_with_a_warning_naming_file_and_line(tmp_path, kind, keys, line, says):
    (page,), report = curated(tmp_path, kind, keys)
    assert page.overrides == {}
    (warning,) = report.warnings
    assert warning.file.endswith("/x.md") and warning.line == line and says in warning.message


def test_a_page_is_unedited_only_when_it_is_exactly_as_generated(tmp_path):
    write(tmp_path, "actors/plain.md", compose(Page("actors/plain.md", {}, [("b", "text")], id="plain", kind="actor")))
    write(tmp_path, "actors/noted.md", compose(Page("actors/noted.md", {}, [("b", "text")], id="noted", kind="actor")) + "\nMy note.\n")
    write(tmp_path, "notes.md", "# Hand-written page\n")
    pages = {p.id: p for p in read_curation(tmp_path, Report()).pages}
    assert set(pages) == {"plain", "noted"}
    assert not pages["plain"].edited and pages["noted"].edited


def test_hidden_pages_are_read_too(tmp_path):
    write(tmp_path, "actors/x.hidden.md", "---\nid: x\nkind: actor\nhidden: true\n---\n")
    (page,) = read_curation(tmp_path, Report()).pages
    assert page.path == "actors/x.hidden.md" and page.overrides == {"hidden": True}


def test_the_previous_build_is_read_from_briefing_json(tmp_path):
    write(tmp_path, "briefing.json", '{"entities": [{"id": "nato", "kind": "actor", "name": "NATO", "aliases": ["the alliance"]}]}')
    (entity,) = read_curation(tmp_path, Report()).previous
    assert (entity.id, entity.kind, entity.name, entity.aliases) == ("nato", "actor", "NATO", ["the alliance"])


def test_a_corrupt_briefing_json_is_a_warning(tmp_path):
    write(tmp_path, "briefing.json", '{"entities": [')
    report = Report()
    assert read_curation(tmp_path, report).previous == []
    (warning,) = report.warnings
    assert warning.file == "docs/briefing.json" and warning.line == 1


def test_the_previous_build_keeps_every_field_briefing_json_has(tmp_path):
    write(tmp_path, "briefing.json", '{"entities": [{"id": "geneva", "kind": "event", "name": "Summit", "aliases": [], "date": "2021-06-16", '
          '"mentions": [{"source": "a", "paragraph": 3, "sentence": "They met."}], "page": "events/geneva.md"}]}')
    (entity,) = read_curation(tmp_path, Report()).previous
    assert entity.date == "2021-06-16" and entity.mentions[0].paragraph == 3


def test_two_pages_with_one_id_are_reported(tmp_path):
    write(tmp_path, "actors/x.md", "---\nid: x\nkind: actor\n---\n")
    write(tmp_path, "actors/y.md", "---\nid: x\nkind: actor\ntitle: Y\n---\n")
    report = Report()
    (page,) = read_curation(tmp_path, report).pages
    assert page.path == "actors/x.md"
    (warning,) = report.warnings
    assert warning.file == "docs/actors/y.md" and warning.line == 2 and "same id" in warning.message


def test_a_broken_entity_in_briefing_json_is_skipped_with_a_warning(tmp_path):
    write(tmp_path, "briefing.json", '{"entities": [{"bad": 1}, {"id": "un", "kind": "actor", "name": "UN", "aliases": [], "mentions": "oops"}]}')
    report = Report()
    (entity,) = read_curation(tmp_path, report).previous
    assert (entity.id, entity.name) == ("un", "UN")
    assert [w.message.startswith("entity number 1") for w in report.warnings] == [True]
