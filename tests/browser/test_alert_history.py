"""An alert's history in Chromium (issue 20, item 6): signed in, an analyst creates an alert from the page; a
document indexed as a crawl indexes it (another writer of the same index and alerts store) fires it; the
alerts page lists it, linked to its document page, at desktop and phone sizes; deleting asks first. axe-core
finds no violation of any impact."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait

from presswatch.config import Settings
from tests.alerts.helpers import doc, index_and_match
from tests.browser.driver import KEY, arrive, axe_violations, overflow, serve, shoot, sign_in

TITLE = "Lighthouse keepers stop work on the north coast"
KEEPERS = doc("lighthouse-keepers", TITLE, "Lighthouse keepers on the north coast stopped work over pay.")


@pytest.fixture(scope="module")
def desk(demo_index: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Settings]]:
    """A keyed copy of the demo index, served, and its settings (for the writer that fires the alert)."""
    data = tmp_path_factory.mktemp("history") / "data"
    shutil.copytree(demo_index.data_dir, data)
    settings = demo_index.model_copy(update={"data_dir": data, "api_keys": [SecretStr(KEY)]})
    for site in serve(settings):
        yield site, settings


def history(browser: WebDriver, site: str) -> str:
    """The alert's history, once the page shows it fired (the alert is matched as the document is indexed)."""

    def fired(b: WebDriver) -> str | None:
        b.get(site + "/ui/alerts")
        found = b.find_elements(By.XPATH, "//li[@class='alert'][h3='Lighthouses']//ol[@class='fired']")
        return str(found[0].text) if found else None

    return str(WebDriverWait(browser, 30, poll_frequency=0.5).until(fired))


def test_an_alerts_history_links_its_document_pages(desk: tuple[str, Settings], browser: WebDriver) -> None:
    writable_site, settings = desk
    browser.set_window_size(1280, 1000)
    browser.delete_all_cookies()
    sign_in(browser, writable_site, "/ui/alerts?q=lighthouse%20keepers")
    name = browser.find_element(By.ID, "name")
    name.clear()
    name.send_keys("Lighthouses")
    browser.find_element(By.XPATH, "//button[normalize-space()='Create alert']").click()
    arrive(browser, "done=created")  # the form's page has gone: its elements would be stale
    mine = browser.find_element(By.XPATH, "//li[@class='alert'][h3='Lighthouses']")
    assert "Nothing has fired yet." in mine.text

    assert index_and_match(settings, [KEEPERS]) == 1
    assert TITLE in history(browser, writable_site)
    heading = browser.find_element(By.XPATH, "//li[@class='alert'][h3='Lighthouses']//h4")
    assert heading.text == "What it fired (1)"
    assert axe_violations(browser) == []
    shoot(browser, "alert-history-desktop")

    browser.set_window_size(390, 844)
    browser.get(writable_site + "/ui/alerts")
    assert overflow(browser) <= 0
    assert axe_violations(browser) == []
    shoot(browser, "alert-history-phone")
    browser.find_element(By.XPATH, f"//ol[@class='fired']//a[normalize-space()='{TITLE}']").click()
    arrive(browser, "/ui/documents/" + KEEPERS.id)
    assert browser.find_element(By.TAG_NAME, "h1").text == TITLE
    browser.set_window_size(1280, 1000)

    browser.get(writable_site + "/ui/alerts")
    mine = browser.find_element(By.XPATH, "//li[@class='alert'][h3='Lighthouses']")
    mine.find_element(By.XPATH, ".//summary[normalize-space()='Delete…']").click()
    mine.find_element(By.XPATH, ".//button[normalize-space()='Yes, delete']").click()
    arrive(browser, "done=deleted")
    assert "deleted" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert not browser.find_elements(By.XPATH, "//li[@class='alert'][h3='Lighthouses']")
