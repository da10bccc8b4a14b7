"""The GitHub workflows: actionlint finds nothing wrong, the site is published from main with
the official Pages actions, and pull requests run the same make targets as a developer."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load(name: str) -> dict:
    # PyYAML reads the key `on` as the boolean True (YAML 1.1).
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(job: dict) -> list[dict]:
    return job["steps"]


def runs(job: dict) -> str:
    return "\n".join(s.get("run", "") for s in steps(job))


def uses(job: dict) -> list[str]:
    return [s["uses"].split("@")[0] for s in steps(job) if "uses" in s]


def actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"
    path = str(found) if found.exists() else shutil.which("actionlint")
    if path is None:
        pytest.fail("actionlint is not installed: it comes with the test requirements (make test installs them)")
    return path


def test_actionlint_finds_nothing_wrong_in_the_workflows():
    assert len(WORKFLOWS) >= 2
    run = subprocess.run([actionlint(), "-no-color", *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_actionlint_does_catch_a_broken_workflow(tmp_path):
    """The check above is not vacuous: a typo in an expression and a job that does not exist fail."""
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    needs: missing\n"
                      "    steps:\n      - run: echo ${{ github.sha }\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    run = subprocess.run([actionlint(), "-no-color", str(broken)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode != 0 and "missing" in run.stdout


def test_main_is_built_with_make_and_published_with_the_official_pages_actions():
    workflow = load("pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "make build" in runs(build)  # the pinned requirements, generation, mkdocs build --strict
    assert "actions/upload-pages-artifact" in uses(build)
    assert next(s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact"))["with"]["path"] == "site"
    assert uses(deploy) == ["actions/deploy-pages"] and deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}  # nothing else may write
    # The site URL is the Pages URL, a sub-path for a project site: links are relative anyway.
    env = next(s for s in steps(build) if s.get("run") == "make build")["env"]
    assert "base_url" in env["SITE_URL"] and env["SITE_URL"].endswith("/")


def test_pull_requests_run_make_test_and_make_check_with_the_browser_required():
    workflow = load("test.yml")
    assert "pull_request" in workflow["on"]
    test = workflow["jobs"]["test"]
    assert "make test" in runs(test) and "make check" in runs(test)
    assert test["env"]["BRIEFING_REQUIRE_BROWSER"] == "1"
    assert test["timeout-minutes"] <= 30


def test_zensical_is_tried_without_blocking():
    job = load("test.yml")["jobs"]["zensical"]
    assert job["continue-on-error"] is True
    assert "zensical build" in runs(job) and "make generate" in runs(job)
