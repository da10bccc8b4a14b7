"""Relationship graphs as inline SVG, drawn at build time: no JavaScript, no CDN.

An ego graph shows one entity in the middle and its strongest neighbours on an ellipse
around it, strongest first, clockwise from the top. The layout depends only on the order
of the neighbours, so the same data gives the same bytes. However many neighbours an
entity has, only the top `limit` are drawn, which keeps a graph of a 100-node corpus
readable; the page lists the same relations as text for screen readers.

Every node is an SVG link. Its href is computed by the caller for `use_directory_urls`
and is relative, so the site works when served from a sub-path.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from .render.escape import html_attr, html_text

WIDTH, HEIGHT = 720, 440
RING_X, RING_Y = 230, 155  # radii of the ellipse the neighbours sit on
CENTER_RADIUS = 16
LABEL_CHARS = 24
DEFAULT_LIMIT = 12


@dataclass(frozen=True)
class Node:
    label: str
    href: str  # relative URL, already fit for an HTML attribute value
    type: str | None = None  # actor type, for the colour (a CSS class)
    weight: int = 0  # strength of the tie to the centre (shared paragraphs)
    detail: str = ""  # tooltip text after the label


@dataclass(frozen=True)
class Edge:
    """A tie between two neighbours (indices into the neighbour list)."""

    a: int
    b: int
    weight: int


def ego_graph(center: Node, neighbours: Sequence[Node], edges: Sequence[Edge] = (),
              *, title: str, limit: int = DEFAULT_LIMIT) -> str:
    """The SVG (one element per line, no blank line) of `center` and its first `limit`
    neighbours, with ties between kept neighbours drawn faintly. "" without neighbours."""
    kept = list(neighbours[:limit])
    if not kept:
        return ""
    strongest = max(n.weight for n in kept) or 1
    points = [_ring_point(i, len(kept)) for i in range(len(kept))]
    cx, cy = WIDTH / 2, HEIGHT / 2
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="relation-graph" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' role="img" aria-labelledby="relation-graph-title" font-size="13" font-family="sans-serif">',
        f'<title id="relation-graph-title">{html_text(title)}</title>',
        '<g class="edges" stroke="currentColor" stroke-linecap="round">',
    ]
    for edge in sorted(edges, key=lambda e: (min(e.a, e.b), max(e.a, e.b))):
        if edge.a < len(kept) and edge.b < len(kept) and edge.a != edge.b:
            (x1, y1), (x2, y2) = points[edge.a], points[edge.b]
            lines.append(f'<line class="edge edge-side" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
                         f' stroke-width="{_stroke(edge.weight, strongest) / 2:.1f}" stroke-opacity="0.15"/>')
    for node, (x, y) in zip(kept, points):
        lines.append(f'<line class="edge" x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}"'
                     f' stroke-width="{_stroke(node.weight, strongest):.1f}" stroke-opacity="0.35"/>')
    lines.append("</g>")
    lines.append('<g class="nodes" fill="currentColor">')
    lines.append(_node(center, cx, cy, CENTER_RADIUS, "middle", cy + CENTER_RADIUS + 16, central=True))
    for node, (x, y) in zip(kept, points):
        radius = 5 + 7 * math.sqrt(node.weight / strongest) if node.weight > 0 else 5
        anchor, lx, ly = _label_place(x, y, radius)
        lines.append(_node(node, x, y, radius, anchor, ly, label_x=lx))
    lines.append("</g>")
    lines.append("</svg>")
    return "\n".join(lines)


def _ring_point(index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return WIDTH / 2 + RING_X * math.cos(angle), HEIGHT / 2 + RING_Y * math.sin(angle)


def _stroke(weight: int, strongest: int) -> float:
    return 1 + 5 * max(weight, 0) / strongest


def _label_place(x: float, y: float, radius: float) -> tuple[str, float, float]:
    """Labels go outwards: right of nodes on the right, left on the left, above or below
    near the vertical axis."""
    dx = (x - WIDTH / 2) / RING_X
    if dx > 0.3:
        return "start", x + radius + 4, y + 4
    if dx < -0.3:
        return "end", x - radius - 4, y + 4
    return "middle", x, (y - radius - 6) if y < HEIGHT / 2 else (y + radius + 15)


def _node(node: Node, x: float, y: float, radius: float, anchor: str, label_y: float,
          *, label_x: float | None = None, central: bool = False) -> str:
    label = node.label if len(node.label) <= LABEL_CHARS else node.label[: LABEL_CHARS - 1].rstrip() + "\u2026"
    tooltip = f"{node.label}: {node.detail}" if node.detail else node.label
    classes = "node node-center" if central else "node"
    if node.type:
        classes += " node-" + re.sub(r"[^a-z]", "", node.type.lower())
    bold = ' font-weight="bold"' if central else ""
    return (f'<a href="{html_attr(node.href)}" class="{classes}"><title>{html_text(tooltip)}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="#7986cb"/>'
            f'<text x="{(x if label_x is None else label_x):.1f}" y="{label_y:.1f}" text-anchor="{anchor}"{bold}>'
            f'{html_text(label)}</text></a>')
