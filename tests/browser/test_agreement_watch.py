"""An agreement watch made from the page, in Chromium: from the agreements page filtered by a party, "Alert me
about new agreements" saves a watch of that party's new agreements (planned to signed), not a search; a
release sent to POST /ingest that signs an agreement with the party fires it, with why, and one about an
agreement long in force does not. axe-core finds no violation on the form or the list."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait

from presswatch.config import Settings
from tests.browser.driver import KEY, arrive, axe_violations, sign_in
from tests.serve_process import serving

SIGNED = (
    "Kosovo and Albania signed a memorandum of understanding on energy cooperation in Pristina on Tuesday. "
    "The two governments said the memorandum would open a shared power market."
)
IN_FORCE = (
    "The readmission agreement between Kosovo and Serbia has been in force since 2015, officials said on "
    "Wednesday. Border crossings rose by a tenth last year."
)
WATCH = "//li[@class='alert'][h3='Kosovo agreements']"


@pytest.fixture(scope="module")
def desk(demo_index: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """`presswatch serve` (its own process, with its ingester) on a keyed copy of the demo index: the watch
    and the releases change it."""
    data = tmp_path_factory.mktemp("agreement-watch") / "data"
    shutil.copytree(demo_index.data_dir, data)
    keyed = demo_index.model_copy(update={"data_dir": data})
    env = {"PRESSWATCH_API_KEYS": json.dumps([KEY]), "PRESSWATCH_RATE_LIMIT_PER_MINUTE": "0"}
    with serving(keyed, **env) as api:
        api.headers["X-API-Key"] = KEY
        api.timeout = httpx.Timeout(120)
        yield api


def ingest(api: httpx.Client, slug: str, title: str, text: str) -> None:
    made = api.post(
        "/ingest", json={"url": f"https://www.rks-gov.net/news/{slug}", "title": title, "text": text}
    )
    assert made.is_success, made.text


def test_a_watch_of_a_partys_new_agreements_made_from_the_page(
    desk: httpx.Client, browser: WebDriver
) -> None:
    site = str(desk.base_url).rstrip("/")
    browser.set_window_size(1280, 1000)
    browser.delete_all_cookies()
    sign_in(browser, site, "/ui/agreements?party=Kosovo")
    browser.find_element(By.LINK_TEXT, "Alert me about new agreements").click()
    arrive(browser, "/ui/alerts?", "watch=agreement", "party=Kosovo")
    assert browser.find_element(By.ID, "new-title").text == "Alert me about new agreements"
    chips = browser.find_element(By.CSS_SELECTOR, "#new-title ~ ul.chips").text
    assert "watch: new agreements (planned, in negotiation, agreed, signed)" in chips
    assert "agreement party: Kosovo" in chips
    assert axe_violations(browser) == []
    name = browser.find_element(By.ID, "name")
    name.clear()
    name.send_keys("Kosovo agreements")
    browser.find_element(By.XPATH, "//button[normalize-space()='Create alert']").click()
    arrive(browser, "done=created")
    listed = browser.find_element(By.XPATH, WATCH).text
    assert "watch: new agreements" in listed and "Nothing has fired yet." in listed

    ingest(desk, "readmission-in-force", "Readmission agreement in force", IN_FORCE)
    ingest(desk, "energy-memorandum", "Kosovo and Albania sign energy memorandum", SIGNED)

    def fired(b: WebDriver) -> str | None:
        b.get(site + "/ui/alerts")
        found = b.find_elements(By.XPATH, WATCH + "//ol[@class='fired']")
        return str(found[0].text) if found else None

    history = str(WebDriverWait(browser, 30, poll_frequency=0.5).until(fired))
    assert "Kosovo and Albania sign energy memorandum" in history
    assert "agreement" in history.split("why:", 1)[1].casefold()
    assert "Readmission agreement in force" not in history
    assert browser.find_element(By.XPATH, WATCH + "//h4").text == "What it fired (1)"
    assert axe_violations(browser) == []
