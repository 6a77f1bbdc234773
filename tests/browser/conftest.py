"""Fixtures of the browser tests: the demo index served on loopback (open, and keyed) and one Chromium per
module. The driver module is imported inside them: it skips when Chromium is missing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from pydantic import SecretStr

from presswatch.config import Settings

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver


@pytest.fixture(scope="module")
def site(demo_index: Settings) -> Iterator[str]:
    """The indexed demo newsroom, open to read."""
    from tests.browser.driver import serve

    yield from serve(demo_index)


@pytest.fixture(scope="module")
def keyed_site(demo_index: Settings) -> Iterator[str]:
    """The same, with API keys and keyed reads: a browser must sign in."""
    from tests.browser.driver import KEY, serve

    yield from serve(demo_index.model_copy(update={"api_keys": [SecretStr(KEY)], "api_open_reads": False}))


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    from tests.browser.driver import chromium

    driver = chromium()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def writable_site(demo_index: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A copy of the demo index, keyed, for tests that change it (the shared one stays as it is)."""
    from tests.browser.driver import KEY, serve

    data = tmp_path_factory.mktemp("writable") / "data"
    shutil.copytree(demo_index.data_dir, data)
    keyed = {"data_dir": data, "api_keys": [SecretStr(KEY)], "api_open_reads": True}
    yield from serve(demo_index.model_copy(update=keyed))
