"""The extraction cache: a rebuild analyses only the documents that are new or changed.

Extraction is a pure function of a Document and the pipeline, so its result is stored under a
key made of both:
- the document as the extractor sees it: the whole `Document` record (id, date, paragraphs,
  title...). The hash of the raw bytes alone would not do: renaming a file changes its id, and
  a date taken from the file name changes without a byte of the file changing. Since the
  record is what ingest produced, a change to ingest that changes a document changes its key;
- the pipeline version: the spaCy model package (name and version), the spaCy version, the
  code of every generator module the extractor imports (found by reading their import
  statements, so a module added later is covered) and the gazetteer data.

Layout: one JSON file per document, `<cache>/<key>.json`, holding the key and the Extraction
(`model.to_json`). The folder lives outside docs/ (default `.cache/extract`) and is safe to
delete at any time: the next build analyses everything again.

Safety:
- an entry is written to a temporary file and renamed into place (os.replace), so a killed
  build leaves whole entries, or none, and at most a temporary file that the next build
  removes. Entries are not fsynced: an entry lost or truncated by a power cut costs one
  re-analysis, nothing else;
- an entry that cannot be read (truncated, edited by hand, another format, another key) is a
  miss: the document is analysed again and the entry replaced; it never stops a build;
- growth is bounded: at the end of a build every entry the build did not use is deleted, so
  the folder holds the current corpus only (about 45 KB per article). Two seeds folders
  that share a cache folder evict each other's entries: give each its own `--cache`;
- only files named like entries are ever deleted, so a `--cache` pointed at the wrong folder
  loses nothing but old entries; a cache inside docs/ or seeds/ is refused.
"""
from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .config import BuildConfig, ConfigError, model_package
from .model import Document, Extraction, from_json, to_json

FORMAT = 1  # the layout of an entry; part of every key
_PACKAGE = Path(__file__).resolve().parent  # generator/
ENTRY = re.compile(r"^[0-9a-f]{32}\.json$")
TEMP_PREFIX = ".tmp-extract-"
# Where the extractor's code starts, and the data it reads besides code (gazetteers, patterns).
CODE_ROOTS = ("extract",)
DATA = ("data",)
DATA_SUFFIXES = (".yml", ".yaml", ".json", ".txt", ".csv", ".tsv")


# --------------------------------------------------------------------------- the pipeline version


def model_meta(package: str) -> dict:
    """The meta.json of an installed model package, read without loading the model."""
    spec = importlib.util.find_spec(package)
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        meta = Path(folder) / "meta.json"
        if meta.is_file():
            return json.loads(meta.read_text(encoding="utf-8"))
    raise ConfigError(f"the spaCy model package {package!r} has no meta.json; reinstall it (make build)")


def code_files(package: Path = _PACKAGE, roots: tuple[str, ...] = CODE_ROOTS) -> list[Path]:
    """The modules of `roots` and every module of the package they import, transitively."""
    todo = [f for root in roots for f in sorted((package / root).rglob("*.py"))]
    seen: set[Path] = set()
    while todo:
        file = todo.pop()
        if file in seen:
            continue
        seen.add(file)
        todo.extend(f for f in _imported_files(file, package) if f not in seen)
    return sorted(seen)


def _imported_files(file: Path, package: Path) -> list[Path]:
    """The files of `package` that `file` imports: relative imports and `<package>.x` ones."""
    here = list(file.parent.relative_to(package).parts)
    modules: list[list[str]] = []
    for node in _imports(ast.parse(file.read_bytes(), filename=str(file)).body):
        if isinstance(node, ast.Import):
            modules += [parts[1:] for parts in (a.name.split(".") for a in node.names) if parts[0] == package.name]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level - 1 > len(here):
                    continue
                module = here[: len(here) - node.level + 1] + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == package.name:
                module = node.module.split(".")[1:]
            else:
                continue
            modules.append(module)
            modules += [module + [alias.name] for alias in node.names]  # `from . import dates` names modules too
    found = []
    for module in modules:
        path = package.joinpath(*module)
        candidates = ([path.with_suffix(".py")] if module else []) + [path / "__init__.py"]
        found += [c.resolve() for c in candidates if c.is_file()]
    return found


def _imports(statements: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements among `statements` and the blocks inside them (functions, ifs...),
    without walking every expression: a third of the time of `ast.walk`."""
    for node in statements:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            yield from _imports(getattr(node, block, None) or [])


def data_files(package: Path = _PACKAGE, folders: tuple[str, ...] = DATA) -> list[Path]:
    return sorted(f for folder in folders for f in (package / folder).rglob("*") if f.is_file() and f.suffix in DATA_SUFFIXES)


def pipeline_version(model: str | None, package: Path = _PACKAGE) -> str:
    """What the extractor would produce, as a hash: model, spaCy, our code and data."""
    name = model_package(model)
    meta = model_meta(name)
    digest = hashlib.sha256(f"format {FORMAT}\nmodel {name} {meta.get('name')} {meta.get('version')}\n".encode())
    digest.update(f"spacy {importlib.metadata.version('spacy')}\n".encode())
    for file in code_files(package) + data_files(package):
        digest.update(file.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:32]


# --------------------------------------------------------------------------- entries


def document_key(document: Document, version: str) -> str:
    record = json.dumps(to_json(document), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{version}\n{record}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


class ExtractionCache:
    """The entries of one build: `load` and `store` per document, `prune` at the end."""

    def __init__(self, folder: Path, version: str):
        self.folder = folder
        self.version = version
        self.used: set[str] = set()  # keys this build read or wrote
        self._keys: dict[str, str] = {}  # document id -> key

    @classmethod
    def for_build(cls, config: BuildConfig) -> "ExtractionCache":
        refuse_inside(config.cache, config.docs, "docs")
        refuse_inside(config.cache, config.seeds, "seeds")
        return cls(config.cache, pipeline_version(config.model))

    def key(self, document: Document) -> str:
        if document.id not in self._keys:
            self._keys[document.id] = document_key(document, self.version)
        return self._keys[document.id]

    def path(self, document: Document) -> Path:
        return self.folder / f"{self.key(document)}.json"

    def load(self, document: Document) -> Extraction | None:
        """The stored Extraction of this document, or None (never stored, or unreadable)."""
        key = self.key(document)
        try:
            entry = json.loads((self.folder / f"{key}.json").read_bytes())
            if entry.get("format") != FORMAT or entry.get("key") != key:
                return None
            extraction = from_json(Extraction, entry["extraction"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, truncated, edited, or of another shape: analyse again
        if not isinstance(extraction, Extraction) or extraction.doc_id != document.id:
            return None
        self.used.add(key)
        return extraction

    def store(self, document: Document, extraction: Extraction) -> None:
        """Write the entry atomically (OSError when the folder cannot be written)."""
        key = self.key(document)
        text = json.dumps({"format": FORMAT, "key": key, "extraction": to_json(extraction)}, ensure_ascii=False, separators=(",", ":"))
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(text.encode("utf-8", "surrogatepass"))
            os.replace(temp, self.folder / f"{key}.json")
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self.used.add(key)

    def prune(self) -> list[str]:
        """Delete the entries this build did not use and leftover temporary files; their names."""
        removed = []
        try:
            names = sorted(os.listdir(self.folder))
        except OSError:
            return removed
        for name in names:
            stale = (ENTRY.match(name) and name[:-5] not in self.used) or name.startswith(TEMP_PREFIX)
            if stale:
                try:
                    (self.folder / name).unlink()
                    removed.append(name)
                except OSError:
                    pass  # gone already (another build), or read-only: harmless either way
        return removed


def refuse_inside(cache: Path, folder: Path, what: str) -> None:
    """The cache may not live inside docs/ (MkDocs would publish it) or seeds/ (read as sources)."""
    cache_at, folder_at = cache.resolve(), folder.resolve()
    if cache_at == folder_at or folder_at in cache_at.parents:
        raise ConfigError(f"--cache {cache} is inside the {what} folder {folder}; put it elsewhere (default: .cache/extract)")

