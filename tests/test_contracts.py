"""The import contracts of pyproject.toml hold, and break on a deliberate violation of each layer rule."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGES = ("presswatch", "crawlers", "nlp", "search", "api", "alerts")
VIOLATIONS = [
    ("api/app.py", "import spacy", "api never loads spaCy"),
    ("api/deps.py", "import crawlers.run", "Dependencies point one way"),
    ("crawlers/run.py", "import api.app", "Dependencies point one way"),
    ("crawlers/spiders/feed.py", "import nlp.pipeline", "the crawl process"),
    ("search/sqlite.py", "import nlp.pipeline", "Dependencies point one way"),
    ("alerts/service.py", "import api.app", "Dependencies point one way"),
    ("alerts/matcher.py", "import crawlers.run", "Dependencies point one way"),
    ("search/base.py", "import alerts.model", "Dependencies point one way"),
    ("presswatch/gazetteer.py", "import search.base", "the shared model depends on nothing of ours"),
    ("presswatch/document.py", "import presswatch.demo.site", "the shared model depends on nothing of ours"),
]


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the copy in `cwd` (the current directory comes first on its import path)."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("contracts")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, target / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", target)
    clean = lint_imports(target)
    assert clean.returncode == 0, clean.stdout[-3000:]
    return target


@pytest.mark.parametrize(("module", "line", "contract"), VIOLATIONS)
def test_a_violation_breaks_its_contract(copy: Path, module: str, line: str, contract: str) -> None:
    path = copy / module
    original = path.read_text(encoding="utf-8")
    path.write_text(original + f"\n{line}  # deliberate violation\n", encoding="utf-8")
    try:
        result = lint_imports(copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode == 1, result.stdout[-3000:]
    broken = [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]
    assert any(contract in line for line in broken), result.stdout[-3000:]
    assert module.removesuffix(".py").replace("/", ".") in result.stdout
