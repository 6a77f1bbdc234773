"""Browser test helpers: the page served by uvicorn on loopback over an index, Debian's headless Chromium
driven by Selenium, screenshots, and axe-core (vendored) run inside a page. Importing this module skips the
importing test module when chromium or chromedriver is missing (and fails under CI)."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from api.app import create_app
from presswatch.config import Settings
from tests.demo_process import free_port

KEY = "browser-sesame"

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
DOC_SCREENSHOTS = ROOT / "docs" / "screenshots"
AXE = Path(__file__).with_name("vendor") / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")

if not (CHROMIUM and CHROMEDRIVER):
    if os.environ.get("CI") == "true":
        raise RuntimeError("chromium and chromedriver are missing: .ci/browser-prereqs installs them")
    pytest.skip(
        "chromium/chromedriver not installed (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402


def serve(settings: Settings) -> Iterator[str]:
    """The API and page over `settings`' index, served by uvicorn on loopback in a thread."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def chromium(*, width: int = 1280, height: int = 1000) -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER or ""))
    driver.implicitly_wait(2)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return driver


def shoot(driver: WebDriver, name: str, *, docs: bool = False) -> None:
    """A screenshot in test-artifacts/ (gitignored); the README's own (`docs=True`) go to docs/screenshots/
    when PRESSWATCH_UPDATE_SCREENSHOTS=1, so a test run leaves the committed files alone."""
    folder = (
        DOC_SCREENSHOTS if docs and os.environ.get("PRESSWATCH_UPDATE_SCREENSHOTS") == "1" else SCREENSHOTS
    )
    folder.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(folder / f"{name}.png"))


def overflow(driver: WebDriver) -> int:
    """How far the page scrolls sideways (more than zero: not readable on a phone without panning)."""
    return int(driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth"))


def axe_violations(driver: WebDriver) -> list[dict[str, Any]]:
    """Every rule axe-core finds broken on the page, whatever its impact (minor ones too)."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result: dict[str, Any] = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r)).catch(e => done({error: String(e)}));"
    )
    assert "error" not in result, result
    assert result["testEngine"]["name"] == "axe-core" and result["passes"], "axe ran its rules"
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def arrive(browser: WebDriver, *parts: str) -> str:
    """The URL once the navigation a click started has reached a page whose address holds `parts`."""
    WebDriverWait(browser, 10).until(lambda b: all(p in b.current_url for p in parts))
    return str(browser.current_url)


def sign_in(browser: WebDriver, site: str, path: str) -> None:
    """Signs in with the test key through the sign-in page, which then goes on to `path`."""
    browser.get(site + "/ui/sign-in?next=" + path)
    browser.find_element(By.ID, "api_key").send_keys(KEY, Keys.ENTER)
    arrive(browser, path)
