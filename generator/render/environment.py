"""The Jinja2 environment for Markdown pages: autoescape off (the output is Markdown, not
HTML), so templates pipe every data value through the filters of `escape`."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2

from .escape import FILTERS

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_BLANK_RUNS = re.compile(r"\n{3,}")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(FILTERS)
    # The macros every template uses; a global because blocks are rendered one by one.
    env.globals["m"] = env.get_template("partials/macros.md.j2").module
    return env


def render_blocks(template_name: str, names: tuple[str, ...], view: dict) -> list[tuple[str, str]]:
    """Render the named {% block %}s of a template separately (a page's generated blocks);
    the template sees the view as `page`."""
    template = environment().get_template(template_name)
    context = template.new_context({"page": view})
    return [(name, tidy("".join(template.blocks[name](context)))) for name in names]


def tidy(markdown: str) -> str:
    """No trailing spaces, at most one blank line in a row, one final newline: templates
    stay readable with their conditionals while the Markdown stays clean."""
    lines = "\n".join(line.rstrip() for line in markdown.splitlines())
    return _BLANK_RUNS.sub("\n\n", lines).strip("\n") + "\n"
