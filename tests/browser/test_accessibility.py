"""axe-core (npm, pinned in package-lock.json) in every page type, in light and dark, and in
the open search dialog with its results: no serious or critical violation. The stock Material
theme has some on every page; we fix them with small theme overrides and CSS."""
from __future__ import annotations

from pathlib import Path

import pytest
from reading import search
from site_pages import ANCHOR_ACTOR, page_types

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make node_modules` (npm ci)")
    return AXE.read_text(encoding="utf-8")


def violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def describe(found: list[dict]) -> str:
    """Each violation with its first three elements and why they fail (a contrast names its colours)."""
    return "\n".join(f"{v['impact']}: {v['id']} ({len(v['nodes'])}x) {v['help']}: "
                      + "; ".join(" ".join(n["target"]) + " " + n.get("failureSummary", "")[-160:] for n in v["nodes"][:3])
                      for v in found)


def test_no_serious_or_critical_violation_on_any_page_type(visit_in_scheme, briefing, axe_source):
    failures = {}
    for name, path in page_types(briefing).items():
        page = visit_in_scheme.open(path)
        expected = "slate" if visit_in_scheme.scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        blocking = [v for v in violations(page, axe_source) if v["impact"] in BLOCKING]
        if blocking:
            failures[f"{name} ({path or 'home'}, {visit_in_scheme.scheme})"] = describe(blocking)
    assert not failures, "\n".join(f"{where}:\n{what}" for where, what in failures.items())


def test_no_serious_or_critical_violation_in_the_open_search_dialog(visit_in_scheme, axe_source):
    page = visit_in_scheme.open(ANCHOR_ACTOR)
    search(page, "Sherman")
    assert page.locator(".md-search-result__item").count() >= 3
    assert page.locator(".md-search-result__more-button").is_visible()
    page.wait_for_timeout(500)  # the dialog's opening transition: axe measures colours as shown
    blocking = [v for v in violations(page, axe_source) if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)
