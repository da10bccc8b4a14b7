"""Relationship graphs: well-formed inline SVG, a bounded number of nodes, the same bytes
for the same data, and links that work from any sub-path."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from xml.etree import ElementTree

from generator.graph import (DEFAULT_LIMIT, NETWORK_TIES, SIDE_TIES, Edge, Node, ego_graph, network_graph,
                             strongest_ties)
from generator.render import render_site
from generator.render.catalog import relative_href

sys.path.insert(0, str(Path(__file__).parent))
from briefing_samples import sample_briefing  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
HREF = "{http://www.w3.org/1999/xlink}href"  # not `href`: Material's scripts cannot handle SVG links with it


def crowd(n: int) -> list[Node]:
    return [Node(f"Actor {i:03d}", f"../actor-{i:03d}/", "person", weight=n - i) for i in range(n)]


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


def test_the_graph_is_well_formed_svg_with_a_title_and_one_link_per_node():
    root = parse(ego_graph(Node("Centre", "./", "country"), crowd(3), [Edge(0, 1, 2)], title="Centre and its neighbours"))
    # A group, not an image: the nodes inside are links (axe: nested-interactive).
    assert root.tag == f"{SVG}svg" and root.get("role") == "group"
    assert root.find(f"{SVG}title").text == "Centre and its neighbours"
    assert root.get("aria-labelledby") == root.find(f"{SVG}title").get("id")
    links = root.findall(f".//{SVG}a")
    assert [a.get(HREF) for a in links] == ["./", "../actor-000/", "../actor-001/", "../actor-002/"]
    assert [a.find(f"{SVG}text").text for a in links] == ["Centre", "Actor 000", "Actor 001", "Actor 002"]
    assert len(root.findall(f".//{SVG}line")) == 3 + 1  # a spoke per neighbour and the tie between two


def test_a_crowded_graph_keeps_only_the_strongest_neighbours():
    svg = ego_graph(Node("Centre", "./"), crowd(150), [Edge(i, i + 1, 1) for i in range(149)], title="t")
    links = parse(svg).findall(f".//{SVG}a")
    assert len(links) == 1 + DEFAULT_LIMIT
    assert links[1].get(HREF) == "../actor-000/" and links[-1].get(HREF) == f"../actor-{DEFAULT_LIMIT - 1:03d}/"
    assert len(parse(ego_graph(Node("C", "./"), crowd(150), title="t", limit=5)).findall(f".//{SVG}a")) == 6


def test_nodes_stay_inside_the_picture_and_do_not_overlap():
    root = parse(ego_graph(Node("Centre", "./"), crowd(40), title="t"))
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    circles = [(float(c.get("cx")), float(c.get("cy")), float(c.get("r"))) for c in root.iter(f"{SVG}circle")]
    for x, y, r in circles:
        assert r <= x <= width - r and r <= y <= height - r
    for i, (x1, y1, r1) in enumerate(circles):
        for x2, y2, r2 in circles[i + 1:]:
            assert (x1 - x2) ** 2 + (y1 - y2) ** 2 > (r1 + r2) ** 2


def test_long_names_are_shortened_on_the_picture_but_whole_in_the_tooltip():
    name = "The Extraordinarily Long Name of an International Organisation"
    root = parse(ego_graph(Node("C", "./"), [Node(name, "../x/", weight=1, detail="3 shared paragraphs")], title="t"))
    node = root.findall(f".//{SVG}a")[1]
    assert node.find(f"{SVG}text").text.endswith("…") and len(node.find(f"{SVG}text").text) <= 24
    assert node.find(f"{SVG}title").text == f"{name}: 3 shared paragraphs"


def test_the_same_data_gives_the_same_bytes_and_no_neighbours_no_graph():
    first = ego_graph(Node("Centre", "./"), crowd(20), [Edge(2, 1, 3), Edge(0, 1, 1)], title="t")
    assert first == ego_graph(Node("Centre", "./"), crowd(20), [Edge(0, 1, 1), Edge(2, 1, 3)], title="t")
    assert ego_graph(Node("Centre", "./"), [], title="t") == ""


def test_links_are_relative_directory_urls_that_work_under_a_sub_path():
    assert relative_href("actors/putin.md", "actors/biden.md") == "../biden/"
    assert relative_href("actors/putin.md", "places/geneva.md") == "../../places/geneva/"
    assert relative_href("actors/putin.md", "actors/putin.md") == "./"
    assert relative_href("index.md", "actors/biden.md") == "actors/biden/"
    assert relative_href("actors/index.md", "treaties/inf.md") == "../treaties/inf/"
    for p in render_site(sample_briefing()).pages:
        for _, markdown in p.blocks:
            for href in re.findall(r'<a xlink:href="([^"]*)"', markdown):
                assert not href.startswith("/") and "://" not in href and href.endswith("/"), (p.path, href)


def test_a_crowd_of_neighbours_draws_only_each_ones_strongest_ties():
    everyone = [Edge(i, j, 1 + (i * j) % 5) for i in range(12) for j in range(i + 1, 12)]
    root = parse(ego_graph(Node("Centre", "./"), crowd(12), everyone, title="t"))
    side = [line for line in root.iter(f"{SVG}line") if "edge-side" in line.get("class")]
    assert len(side) <= 12 * SIDE_TIES < len(everyone)
    kept = strongest_ties(everyone, 12, SIDE_TIES)
    for node in range(12):  # every node keeps its strongest tie
        best = max(e.weight for e in everyone if node in (e.a, e.b))
        assert any(node in (e.a, e.b) and e.weight == best for e in kept)


def test_the_briefing_graph_places_every_node_inside_the_picture_apart_from_the_others():
    nodes = [Node(f"Actor {i:03d}", f"actors/actor-{i:03d}/", "country" if i % 3 else "person", weight=100 - i)
             for i in range(40)]
    edges = [Edge(i, j, 1 + (i + j) % 4) for i in range(40) for j in range(i + 1, 40) if (i * 7 + j) % 5 == 0]
    svg = network_graph(nodes, edges, title="The whole briefing")
    root = parse(svg)
    assert root.get("role") == "group" and root.find(f"{SVG}title").text == "The whole briefing"
    assert [a.get(HREF) for a in root.iter(f"{SVG}a")] == [n.href for n in nodes]
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    centres = [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(f"{SVG}circle")]
    for x, y in centres:
        assert 0 < x < width and 0 < y < height
    closest = min(((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 for i, (x1, y1) in enumerate(centres)
                  for x2, y2 in centres[i + 1:])
    assert closest > 10  # no node hides another
    assert len(list(root.iter(f"{SVG}line"))) <= 40 * NETWORK_TIES
    assert svg == network_graph(nodes, list(reversed(edges)), title="The whole briefing")  # same data, same bytes
    assert network_graph(nodes[:1], [], title="t") == ""
