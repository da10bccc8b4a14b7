"""Relationship graphs as inline SVG, drawn at build time: no JavaScript, no CDN.

Two pictures:
- an ego graph (`ego_graph`) shows one entity in the middle and its strongest neighbours
  on an ellipse around it, strongest first, clockwise from the top;
- the briefing graph (`network_graph`) shows the most-mentioned actors of the whole
  briefing, placed by a force layout so that actors named together sit together.

Both draw a bounded number of nodes and, between neighbours, only each node's strongest
ties, so a graph of a 100-node corpus stays readable; the page lists the same relations as
text for screen readers. Layouts depend only on the order and weights of their input, and
coordinates are rounded, so the same data gives the same bytes.

Every node is an SVG link. Its href is computed by the caller for `use_directory_urls`
and is relative, so the site works when served from a sub-path. It is written as
`xlink:href`: Material's instant navigation re-assigns `element.href` on every `[href]`
element, which throws on an SVG link (its `href` is read-only) and stops the script.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from .render.escape import html_attr, html_text

WIDTH, HEIGHT = 760, 420
RING_X, RING_Y = 200, 150  # radii of the ellipse the neighbours sit on; labels fit beside it
CENTER_RADIUS = 16
LABEL_CHARS = 22
DEFAULT_LIMIT = 12
SIDE_TIES = 1  # ties drawn from each neighbour to other neighbours, strongest first

NETWORK_WIDTH, NETWORK_HEIGHT = 960, 640
NETWORK_MARGIN_X, NETWORK_MARGIN_Y = 150, 30  # room for labels beside and above the outer nodes
NETWORK_STEPS = 300
NETWORK_TIES = 3  # ties drawn per node in the briefing graph, strongest first


@dataclass(frozen=True)
class Node:
    label: str
    href: str  # relative URL, already fit for an HTML attribute value
    type: str | None = None  # actor type, for the colour (a CSS class)
    weight: int = 0  # strength of the tie to the centre (shared paragraphs), or size in a network
    detail: str = ""  # tooltip text after the label


@dataclass(frozen=True)
class Edge:
    """A tie between two nodes (indices into the node list)."""

    a: int
    b: int
    weight: int


def ego_graph(center: Node, neighbours: Sequence[Node], edges: Sequence[Edge] = (),
              *, title: str, limit: int = DEFAULT_LIMIT, id: str = "relation-graph") -> str:
    """The SVG (one element per line, no blank line) of `center` and its first `limit`
    neighbours, with the strongest ties between kept neighbours drawn faintly. "" without
    neighbours."""
    kept = list(neighbours[:limit])
    if not kept:
        return ""
    strongest = max(n.weight for n in kept) or 1
    points = [_ring_point(i, len(kept)) for i in range(len(kept))]
    cx, cy = WIDTH / 2, HEIGHT / 2
    lines = [*_open(id, title, WIDTH, HEIGHT), '<g class="edges" stroke="currentColor" stroke-linecap="round">']
    side = strongest_ties(edges, len(kept), SIDE_TIES)
    side_strongest = max((e.weight for e in side), default=1) or 1
    for edge in side:
        (x1, y1), (x2, y2) = points[edge.a], points[edge.b]
        lines.append(_line("edge edge-side", x1, y1, x2, y2, _stroke(edge.weight, side_strongest) / 2, 0.15))
    for node, (x, y) in zip(kept, points):
        lines.append(_line("edge", cx, cy, x, y, _stroke(node.weight, strongest), 0.35))
    lines.append("</g>")
    lines.append('<g class="nodes" fill="currentColor">')
    lines.append(_node(center, cx, cy, CENTER_RADIUS, "middle", cy + CENTER_RADIUS + 16, central=True, chars=40))
    for node, (x, y) in zip(kept, points):
        radius = 5 + 7 * math.sqrt(node.weight / strongest) if node.weight > 0 else 5
        anchor, lx, ly = _label_place(x, y, radius, WIDTH / 2, HEIGHT / 2, RING_X)
        lines.append(_node(node, x, y, radius, anchor, ly, label_x=lx))
    lines += ["</g>", "</svg>"]
    return "\n".join(lines)


def network_graph(nodes: Sequence[Node], edges: Sequence[Edge], *, title: str,
                  id: str = "briefing-graph") -> str:
    """The SVG of `nodes` (weight: how much the sources say of each) and the strongest ties
    between them, placed by a deterministic force layout. "" with fewer than two nodes."""
    if len(nodes) < 2:
        return ""
    ties = strongest_ties(edges, len(nodes), NETWORK_TIES)
    points = force_layout(len(nodes), ties)
    biggest = max(n.weight for n in nodes) or 1
    strongest = max((e.weight for e in ties), default=1) or 1
    cx, cy = NETWORK_WIDTH / 2, NETWORK_HEIGHT / 2
    lines = [*_open(id, title, NETWORK_WIDTH, NETWORK_HEIGHT), '<g class="edges" stroke="currentColor" stroke-linecap="round">']
    for edge in ties:
        (x1, y1), (x2, y2) = points[edge.a], points[edge.b]
        lines.append(_line("edge", x1, y1, x2, y2, _stroke(edge.weight, strongest), 0.25))
    lines.append("</g>")
    lines.append('<g class="nodes" fill="currentColor">')
    for node, (x, y) in zip(nodes, points):
        radius = 4 + 10 * math.sqrt(max(node.weight, 0) / biggest)
        anchor, lx, ly = _label_place(x, y, radius, cx, cy, NETWORK_WIDTH / 2 - NETWORK_MARGIN_X)
        lines.append(_node(node, x, y, radius, anchor, ly, label_x=lx, chars=20))
    lines += ["</g>", "</svg>"]
    return "\n".join(lines)


def strongest_ties(edges: Sequence[Edge], count: int, per_node: int) -> list[Edge]:
    """The edges among the first `count` nodes that are among the `per_node` strongest of
    either end: every node keeps its closest ties, weak links in crowds are dropped."""
    valid = {}
    for e in edges:
        a, b = min(e.a, e.b), max(e.a, e.b)
        if a != b and b < count and e.weight > 0:
            valid[(a, b)] = max(e.weight, valid.get((a, b), 0))
    by_node: dict[int, list[tuple[int, int, int]]] = {}
    for (a, b), weight in valid.items():
        by_node.setdefault(a, []).append((weight, a, b))
        by_node.setdefault(b, []).append((weight, a, b))
    kept = set()
    for node in sorted(by_node):
        for weight, a, b in sorted(by_node[node], key=lambda t: (-t[0], t[1], t[2]))[:per_node]:
            kept.add((a, b))
    return [Edge(a, b, valid[(a, b)]) for a, b in sorted(kept)]


def force_layout(count: int, edges: Sequence[Edge]) -> list[tuple[float, float]]:
    """Fruchterman-Reingold on a fixed start (a spiral, first node in the middle) with a
    fixed number of cooling steps: the same graph gives the same picture. Points are
    rounded and scaled to fill the picture inside its margins."""
    positions = [_spiral(i) for i in range(count)]
    ideal = math.sqrt(NETWORK_WIDTH * NETWORK_HEIGHT / max(count, 1)) * 0.6
    strongest = max((e.weight for e in edges), default=1) or 1
    for step in range(NETWORK_STEPS):
        temperature = ideal * (1 - step / NETWORK_STEPS) * 0.5 + 0.5
        moves = [[0.0, 0.0] for _ in range(count)]
        for i in range(count):
            xi, yi = positions[i]
            for j in range(i + 1, count):
                dx, dy = xi - positions[j][0], yi - positions[j][1]
                distance = math.hypot(dx, dy) or 0.01
                push = ideal * ideal / distance
                moves[i][0] += dx / distance * push
                moves[i][1] += dy / distance * push
                moves[j][0] -= dx / distance * push
                moves[j][1] -= dy / distance * push
        for e in edges:
            dx = positions[e.a][0] - positions[e.b][0]
            dy = positions[e.a][1] - positions[e.b][1]
            distance = math.hypot(dx, dy) or 0.01
            pull = distance * distance / ideal * (0.5 + 0.5 * e.weight / strongest)
            moves[e.a][0] -= dx / distance * pull
            moves[e.a][1] -= dy / distance * pull
            moves[e.b][0] += dx / distance * pull
            moves[e.b][1] += dy / distance * pull
        for i, (mx, my) in enumerate(moves):
            x, y = positions[i]
            # A gentle pull to the middle keeps nodes without ties from drifting away.
            mx -= x * 0.05 * ideal / 10
            my -= y * 0.05 * ideal / 10
            length = math.hypot(mx, my) or 1
            step_length = min(length, temperature)
            # rounded at every step, so that a last-bit difference of another machine's maths
            # library cannot grow through the steps into another picture (make check compares bytes)
            positions[i] = (round(x + mx / length * step_length, 6), round(y + my / length * step_length, 6))
    return _fit(positions)


def _spiral(index: int) -> tuple[float, float]:
    angle = index * 2.39996  # the golden angle: an even spread without a random start
    radius = 30 * math.sqrt(index)
    return round(radius * math.cos(angle), 6), round(radius * math.sin(angle), 6)


def _fit(positions: list[tuple[float, float]]) -> list[tuple[float, float]]:
    xs, ys = [p[0] for p in positions], [p[1] for p in positions]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    width, height = NETWORK_WIDTH - 2 * NETWORK_MARGIN_X, NETWORK_HEIGHT - 2 * NETWORK_MARGIN_Y
    return [(round(NETWORK_MARGIN_X + (x - min(xs)) / span_x * width, 1),
             round(NETWORK_MARGIN_Y + (y - min(ys)) / span_y * height, 1)) for x, y in positions]


def _open(id: str, title: str, width: int, height: int) -> list[str]:
    # role="group", not "img": an image's content is presentational, and the nodes are links.
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="relation-graph" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' role="group" aria-labelledby="{html_attr(id)}-title" font-size="13" font-family="sans-serif">',
        f'<title id="{html_attr(id)}-title">{html_text(title)}</title>',
    ]


def _line(classes: str, x1: float, y1: float, x2: float, y2: float, width: float, opacity: float) -> str:
    return (f'<line class="{classes}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
            f' stroke-width="{width:.1f}" stroke-opacity="{opacity}"/>')


def _ring_point(index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return WIDTH / 2 + RING_X * math.cos(angle), HEIGHT / 2 + RING_Y * math.sin(angle)


def _stroke(weight: int, strongest: int) -> float:
    return 1 + 5 * max(weight, 0) / strongest


def _label_place(x: float, y: float, radius: float, cx: float, cy: float, spread: float) -> tuple[str, float, float]:
    """Labels go outwards: right of nodes on the right, left on the left, above or below
    near the vertical axis."""
    dx = (x - cx) / spread
    if dx > 0.3:
        return "start", x + radius + 4, y + 4
    if dx < -0.3:
        return "end", x - radius - 4, y + 4
    return "middle", x, (y - radius - 6) if y < cy else (y + radius + 15)


def _node(node: Node, x: float, y: float, radius: float, anchor: str, label_y: float,
          *, label_x: float | None = None, central: bool = False, chars: int = LABEL_CHARS) -> str:
    label = node.label if len(node.label) <= chars else node.label[: chars - 1].rstrip() + "\u2026"
    tooltip = f"{node.label}: {node.detail}" if node.detail else node.label
    classes = "node node-center" if central else "node"
    if node.type:
        classes += " node-" + re.sub(r"[^a-z]", "", node.type.lower())
    bold = ' font-weight="bold"' if central else ""
    return (f'<a xlink:href="{html_attr(node.href)}" class="{classes}"><title>{html_text(tooltip)}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="#7986cb"/>'
            f'<text x="{(x if label_x is None else label_x):.1f}" y="{label_y:.1f}" text-anchor="{anchor}"{bold}>'
            f'{html_text(label)}</text></a>')
