"""Optional YAML front matter at the top of a Markdown or text file, read with
python-frontmatter's YAML handler. Nothing is lost: front matter that cannot be read is
reported with its line and the whole file is then read as text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from frontmatter.default_handlers import YAMLHandler

from .blocks import Metadata

KEYS = ("title", "date", "url", "publisher", "author")


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as the text written: "2021-02-30" must become a warning
    about the date, not a failure of the whole front matter."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_HANDLER = YAMLHandler()


@dataclass
class FrontMatter:
    metadata: Metadata
    body: str
    body_line: int  # line of the file where `body` starts
    warnings: list[tuple[str, int | None]] = field(default_factory=list)
    unread_until: int = 0  # last line of front matter that could not be read (kept as text)


def _as_text(value: object) -> str | None:
    """A scalar or a list of scalars as one string ("A, B" for two authors)."""
    if isinstance(value, list):
        return ", ".join(filter(None, map(_as_text, value))) or None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    return None


def _key_line(front: str, key: str) -> int | None:
    """The file line of `key:`. `front` starts with the rest of the opening '---' line, so
    its line i (from 0) is line i + 1 of the file."""
    match = re.search(rf"^\s*{key}\s*:", front, flags=re.M | re.I)
    return front.count("\n", 0, match.start()) + 1 if match else None


def split_front_matter(text: str) -> FrontMatter:
    whole = FrontMatter(Metadata(), text, 1)
    if not _HANDLER.detect(text):
        return whole
    try:
        front, body = _HANDLER.split(text)
    except ValueError:
        whole.warnings.append(("front matter opened with '---' on line 1 is never closed: the whole file is read as text", 1))
        blank = re.search(r"\n\s*\n", text)
        whole.unread_until = text.count("\n", 0, blank.start()) + 1 if blank else 1
        return whole
    whole.unread_until = text.count("\n", 0, len(text) - len(body)) + 1
    try:
        data = _HANDLER.load(front, Loader=_Loader)
    except yaml.YAMLError as error:
        # Where the broken construct began ("[" never closed) beats where the parser gave up.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        whole.warnings.append((f"malformed front matter ({problem}): the whole file is read as text", line))
        return whole
    if data is not None and not isinstance(data, dict):
        whole.warnings.append(("front matter is not a list of 'key: value' lines: the whole file is read as text", 2))
        return whole
    values = {str(k).lower(): v for k, v in (data or {}).items()}  # unknown keys are ignored
    metadata = Metadata(**{key: _as_text(values.get(key)) for key in KEYS})
    metadata.date_line = _key_line(front, "date") if metadata.date else None
    warnings = [
        (f"front matter '{key}' is not text and is ignored", _key_line(front, key))
        for key in KEYS
        if values.get(key) not in (None, "") and _as_text(values[key]) is None
    ]
    return FrontMatter(metadata, body, text[: len(text) - len(body)].count("\n") + 1, warnings)
