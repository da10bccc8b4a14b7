"""Text from sources and names of entities can never become markup on the site.

Every check renders Markdown through Python-Markdown with the extensions mkdocs.yml
configures (read with MkDocs' own config loader), parses the HTML and compares it with
what we meant to produce: the same text, and only the elements and attributes we wrote.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from generator.graph import Node, ego_graph
from generator.model import Briefing, Paragraph
from generator.render import render_site
from generator.render.escape import css_name, html_attr, html_text, md_cell, md_heading, md_link_text, md_text, plain, tag, url
from generator.render.source_text import paragraph_markdown

sys.path.insert(0, str(Path(__file__).parent))
from briefing_samples import sample_briefing  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    "[click](javascript:alert(1))",
    "![img](javascript:alert(1))",
    "<javascript:alert(1)>",
    "Name {: onclick=\"alert(1)\" }",
    "Name {#evil .x}",
    "{{ config.extra }} {% raw %}",
    "a | b | c",
    "*bold* _em_ **strong** __x__",
    "`code` ``more``",
    "# heading",
    "Name #",
    "&amp; &lt;script&gt; &#60;b&#62;",
    "back\\slash\\",
    "line one\n# heading two\n===",
    "first\n\n- item\n\n1. item",
    "\x02wzxhzdk:0\x03 placeholder",
    "<!-- generated:end body -->",
    "1987. The year",
    "- dash",
    "+ plus",
    "!!! danger \"x\"",
    "> quote",
    "---",
    ": definition",
    "    indented code",
    "[^1] footnote *[HTML]: abbr",
    "<div markdown=\"1\">*x*</div>",
    "</title><script>alert(1)</script>",
    "x]: javascript:alert(1)\n[y][x]",
]

# Text made of the pieces of syntax that matter, mixed with arbitrary unicode.
SYNTAX = ["<", ">", "&", "\"", "'", "[", "]", "(", ")", "{", "}", "{:", "{#", "{{", "{%", "|", "*", "_", "`", "#",
          "\\", "!", "-", "+", "=", ":", ".", "1.", "\n", "\t", "  ", "\x02", "\x03", "\x00", "<!--", "-->",
          "javascript:", "<script>", "<a href=x>", "onerror=", "&amp;", "&#60;", "\u2028", "\xa0", "~~~", "```"]
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=4)), max_size=12).map("".join),
)
# Non-blank names, so that a name always shows (blank names are resolve's business).
hostile_name = hostile_text.map(lambda t: f"N{t}e")


@lru_cache(maxsize=1)
def site_markdown() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def to_html(text: str) -> str:
    md = site_markdown()
    md.reset()
    return md.convert(text)


class Elements(HTMLParser):
    """The elements of an HTML fragment, with their attributes and the text inside."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, name, attrs):
        self.elements.append((name, dict(attrs)))

    def handle_startendtag(self, name, attrs):
        self.elements.append((name, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.elements.append(("!--", {}))

    @property
    def tags(self) -> list[str]:
        return [name for name, _ in self.elements]

    @property
    def plain_text(self) -> str:
        return " ".join("".join(self.text).split())


def same_text(html_text_content: str, value: str) -> bool:
    return html_text_content == " ".join(plain(value).split())


# ---------------------------------------------------------------- inline contexts


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_in_a_paragraph_is_text(value):
    html = Elements(to_html(md_text(value)))
    assert html.elements == [("p", {})]
    assert same_text(html.plain_text, value)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_any_text_in_a_paragraph_or_list_item_is_exactly_that_text(value):
    html = Elements(to_html(f"Before {md_text(value)} after\n\n- {md_text(value)}"))
    assert html.tags == ["p", "ul", "li"]
    expected = " ".join(plain(f"Before {plain(value)} after {plain(value)}").split())
    assert html.plain_text == expected


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_a_name_in_a_heading_stays_one_heading(value):
    html = Elements(to_html(f"# {md_heading(value)}\n\n## Events"))
    assert [t for t in html.tags] == ["h1", "a", "h2", "a"]  # the headings and their toc permalinks
    heading_text = html.plain_text.rsplit("¶", 2)[0].strip()
    assert heading_text == " ".join(plain(value).replace("<", "\u2039").split())


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text, hostile_text)
def test_a_table_keeps_its_columns(first, second):
    table = f"| A | B | C |\n|---|---|--:|\n| {md_cell(first)} | {md_cell(second)} | 3 |\n| x | {md_cell(first)} | 4 |\n"
    html = Elements(to_html(table))
    assert Counter(html.tags) == Counter({"table": 1, "thead": 1, "tbody": 1, "tr": 3, "th": 3, "td": 6})
    assert [attrs for _, attrs in html.elements if attrs] == [{"style": "text-align: right;"}] * 3
    cells = [c.strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", to_html(table), re.S)]
    assert [Elements(c).plain_text for c in cells] == ["A", "B", "C", *(" ".join(plain(v).split()) for v in (first, second)),
                                                       "3", "x", " ".join(plain(first).split()), "4"]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_a_link_keeps_its_text_and_its_target(value):
    html = Elements(to_html(f"See [{md_link_text(value)}](../actors/x.md) and more."))
    assert html.elements == [("p", {}), ("a", {"href": "../actors/x.md"})]
    assert same_text(html.plain_text, f"See {plain(value)} and more.")


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_name)
def test_text_next_to_a_paragraph_anchor_cannot_add_attributes(value):
    html = Elements(to_html(f"{md_text(value)}\n{{: #p7 .para data-n=\"7\" }}"))
    assert html.elements == [("p", {"id": "p7", "class": "para", "data-n": "7"})]


# ---------------------------------------------------------------- source paragraphs


@st.composite
def linked_paragraph(draw):
    text = draw(hostile_text.map(lambda t: f"A{t} {t}z"))
    kind = draw(st.sampled_from(["prose", "list", "boilerplate"]))
    bounds = st.integers(min_value=-2, max_value=len(text) + 2)
    spans = draw(st.lists(st.tuples(bounds, bounds, st.integers(0, 1)), max_size=6))
    return Paragraph(number=3, text=text, line=1, kind=kind), [(a, b, f"../actors/e{a}.md", r) for a, b, r in spans]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(linked_paragraph())
def test_a_source_paragraph_keeps_its_text_and_gets_only_our_links(case):
    paragraph, spans = case
    body = paragraph_markdown(paragraph, spans)
    html = Elements(to_html(f"{body}\n{{: #p3 .para }}"))
    assert html.elements[0] == ("p", {"id": "p3", "class": "para"})
    for name, attrs in html.elements[1:]:
        assert name in ("a", "br"), name
        if name == "a":
            assert set(attrs) == {"href"} and re.fullmatch(r"\.\./actors/e-?\d+\.md", attrs["href"])
    assert html.plain_text == plain(paragraph.text)


def test_overlapping_spans_give_one_link_each_and_names_win_over_event_phrases():
    paragraph = Paragraph(1, "President Joe Biden met Putin.", 1)
    spans = [(0, 19, "../actors/biden.md", 0), (10, 19, "../actors/joe.md", 0),
             (0, 23, "../events/meeting.md", 1), (24, 29, "../actors/putin.md", 0)]
    assert paragraph_markdown(paragraph, spans) == (
        "[President Joe Biden](../actors/biden.md) met [Putin](../actors/putin.md)."
    )


def test_a_list_paragraph_keeps_its_lines_and_none_becomes_a_block():
    paragraph = Paragraph(2, "Points:\n- one\n# two\n1. three", 1, kind="list")
    html = Elements(to_html(paragraph_markdown(paragraph, []) + "\n{: #p2 }"))
    assert html.tags == ["p", "br", "br", "br"]
    assert html.plain_text == "Points: - one # two 1. three"


# ---------------------------------------------------------------- HTML, URLs, tags


@settings(max_examples=200)
@given(hostile_text)
def test_html_text_and_attributes_cannot_open_or_close_anything(value):
    fragment = f'<svg xmlns="http://www.w3.org/2000/svg"><a href="{html_attr(value)}" class="x"><text>{html_text(value)}</text></a></svg>'
    root = ElementTree.fromstring(fragment)
    assert [e.tag.split("}")[1] for e in root.iter()] == ["svg", "a", "text"]
    assert root[0].attrib == {"href": plain(value), "class": "x"}
    assert root[0][0].text in (None, plain(value)) and (root[0][0].text or "") == plain(value)


@pytest.mark.parametrize("value", [
    "javascript:alert(1)", " JavaScript:alert(1)", "java\nscript:alert(1)", "java\tscript:x", "data:text/html,<b>",
    "vbscript:x", "//evil.example/x", "/relative", "file:///etc/passwd", "http://", "https:///nohost", "",
    None, "\x00javascript:x", "mailto:a@b.example",
])
def test_only_absolute_http_urls_are_links(value):
    assert url(value) == ""


@settings(max_examples=200)
@given(st.sampled_from(["http", "https", "HTTPS"]), hostile_text)
def test_a_kept_url_cannot_end_the_link_or_the_attribute(scheme, rest):
    kept = url(f"{scheme}://news.example.org/{rest}")
    assert kept.lower().startswith(f"{scheme.lower()}://news.example.org/")
    assert not set(kept) & set(" ()<>\"'`[]{}|\\^*!\n\t")
    html = Elements(to_html(f"[source]({kept})"))
    assert html.elements == [("p", {}), ("a", {"href": kept.replace("&amp;", "&")})]


@given(hostile_text)
def test_tags_and_css_names_hold_nothing_html_reads(value):
    assert not set(tag(value)) & set("<>&\"'`\\{}")
    assert re.fullmatch(r"[a-z0-9-]*", css_name(value))


# ---------------------------------------------------------------- whole pages


def rename(briefing: Briefing, names: dict[str, str]) -> Briefing:
    """The briefing with every entity name, alias, role, quote and sentence swapped."""
    import copy
    twin = copy.deepcopy(briefing)
    for e in twin.entities:
        e.name = names[e.id]
        e.aliases = [f"{names[e.id]} alias {i}" for i, _ in enumerate(e.aliases)]
        e.roles = [f"{names[e.id]} role" for _ in e.roles]
        e.date_text = names[e.id] if e.date_text else None
        e.summary = names[e.id]
        e.status = names[e.id] if e.status else None
        e.mentions = [type(r)(r.source, r.paragraph, f"{names[e.id]} said {r.paragraph}") for r in e.mentions]
        e.quotes = [type(q)(f"{names[e.id]} quote", q.speaker, q.reference, q.date) for q in e.quotes]
    for s in twin.sources:
        s.title, s.publisher, s.author = names[s.id], names[s.id], names[s.id]
    return twin


def structure(site) -> Counter:
    """Every element and attribute name on every page (values aside), counted."""
    counts: Counter = Counter()
    for page in site.pages:
        for _, block in page.blocks:
            for name, attrs in Elements(to_html(block)).elements:
                counts[(page.path, name, tuple(sorted(attrs)))] += 1
    return counts


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_name, min_size=20, max_size=20, unique=True))
def test_hostile_names_give_pages_with_exactly_the_elements_of_plain_names(names):
    briefing = sample_briefing()
    ids = [e.id for e in briefing.entities] + [s.id for s in briefing.sources]
    plain_names = {id: f"Plain name {i}" for i, id in enumerate(ids)}
    hostile_names = {id: names[i % len(names)] + str(i) for i, id in enumerate(ids)}
    assert structure(render_site(rename(briefing, hostile_names))) == structure(render_site(rename(briefing, plain_names)))


def test_hostile_names_reach_the_page_as_text():
    briefing = rename(sample_briefing(), {id: "</title><script>alert(1)</script> {: onclick=x}" for id in
                                          [e.id for e in sample_briefing().entities] + [s.id for s in sample_briefing().sources]})
    for page in render_site(briefing).pages:
        for _, block in page.blocks:
            html = to_html(block)
            assert "<script" not in html and "onclick=" not in html.replace("onclick=x}", "")
            parsed = Elements(html)
            assert all(not a.startswith("on") for _, attrs in parsed.elements for a in attrs)


def test_graph_labels_and_links_are_escaped():
    svg = ego_graph(Node('<script>alert(1)</script>', "./"), [Node('"><img src=x onerror=alert(1)>', '../x"y/', "person", 2)],
                    title="</title><script>")
    root = ElementTree.fromstring(svg)
    names = {e.tag.split("}")[1] for e in root.iter()}
    assert names <= {"svg", "title", "g", "line", "a", "circle", "text"}
    assert all(not k.startswith("on") for e in root.iter() for k in e.attrib)
