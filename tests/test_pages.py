"""The page file format: what compose writes and what parse reads back."""
from pathlib import Path

import markdown
import pytest

from generator.diagnostics import Report
from generator.model import Page
from generator.pages import Block, HumanText, compose, content_hash, parse, read_curation


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
        f"<!-- generated:begin header sha256:{content_hash('# Vladimir Putin' + chr(10) + chr(10) + 'President of Russia.' + chr(10))} -->\n"
        "# Vladimir Putin\n"
        "\n"
        "President of Russia.\n"
        "<!-- generated:end header -->\n"
        "\n"
        f"<!-- generated:begin mentions sha256:{content_hash('- said X ([source](../sources/a.md#p3))')} -->\n"
        "- said X ([source](../sources/a.md#p3))\n"
        "<!-- generated:end mentions -->\n"
    )


def test_parse_reads_back_what_compose_wrote():
    page = parse(compose(putin_page()))
    assert page.front_matter == {"id": "vladimir-putin", "kind": "actor", "tags": ["person"], "search": {"boost": 2}}
    assert [(b.name, b.content, b.edited) for b in page.blocks] == [
        ("header", "# Vladimir Putin\n\nPresident of Russia.\n", False),
        ("mentions", "- said X ([source](../sources/a.md#p3))\n", False),
    ]
    assert page.generated and not page.edited() and not page.problems
    assert [k.line for k in page.keys] == [2, 3, 4, 6]
    assert page.blocks[0].line == 10  # after 8 lines of front matter and a blank line


def test_the_markers_pass_through_python_markdown_as_comments():
    html = markdown.markdown(parse(compose(putin_page())).segments[1].text)
    assert html.startswith("<!-- generated:begin header sha256:")
    assert "<h1>Vladimir Putin</h1>" in html


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


def test_text_that_looks_like_a_marker_cannot_close_a_block_early():
    page = Page("x.md", {}, [("body", "quote: <!-- generated:end body -->\nafter")], id="x", kind="actor")
    parsed = parse(compose(page))
    assert [b.name for b in parsed.blocks] == ["body"]
    assert "after" in parsed.blocks[0].content and not parsed.edited()


def test_the_hash_ignores_line_endings_and_trailing_spaces_but_not_words():
    assert content_hash("a\nb\n") == content_hash("a\r\nb  \r\n\n")
    assert content_hash("a\nb\n") != content_hash("a\nc\n")


def test_human_text_is_kept_byte_for_byte_between_blocks():
    text = compose(putin_page()).replace("<!-- generated:begin mentions", "Mine:  *notes*\t\n\n\n<!-- generated:begin mentions")
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
    text = compose(putin_page()).replace("# Vladimir Putin\n\nPresident of Russia.\n", "\n")
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
    text = compose(putin_page()).replace("<!-- generated:end header -->\n", "")
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
