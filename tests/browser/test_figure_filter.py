"""The page's figure filter in Chromium: an analyst types a bound and picks a currency in the form (no
script), the results are those GET /search gives for the same filters, the chips say so, the form keeps the
values, at desktop and phone sizes; axe-core finds no violation."""

from __future__ import annotations

import httpx
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select

from tests.browser.driver import arrive, axe_violations, overflow, shoot


def test_an_analyst_narrows_to_figures_over_ten_million_pounds(site: str, browser: WebDriver) -> None:
    browser.set_window_size(1280, 1000)
    browser.get(site + "/")
    browser.find_element(By.ID, "min_amount").send_keys("10000000")
    Select(browser.find_element(By.ID, "currency")).select_by_visible_text("GBP")
    browser.find_element(By.XPATH, "//button[normalize-space()='Search']").click()
    arrive(browser, "min_amount=10000000", "currency=GBP")
    expected = httpx.get(site + "/search", params={"currency": "GBP", "min_amount": 1e7}).json()["total"]
    heading = browser.find_element(By.ID, "results-title").text
    assert int(heading.split()[0].rstrip("+")) == expected >= 1
    chips = browser.find_element(By.CSS_SELECTOR, "section.active").text
    assert "figure at least: 10,000,000" in chips and "figure in: GBP" in chips
    assert browser.find_element(By.ID, "min_amount").get_attribute("value") == "10000000"
    assert axe_violations(browser) == []
    shoot(browser, "figure-filter-desktop")
    browser.set_window_size(390, 844)
    browser.refresh()
    assert overflow(browser) <= 0
    assert axe_violations(browser) == []
    browser.set_window_size(1280, 1000)
