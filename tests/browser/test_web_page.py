"""The web page in Debian's headless Chromium, driven by Selenium: search, narrow by a facet, open a
document, see its similar documents, open an entity, create an alert from a search and see it listed (then
delete it, once confirmed); the keyboard path; a phone-sized screen; signing in when reads need a key (the cookie and the
site's own form posts, as a real browser sends them); and axe-core (vendored)
run inside each page finds no accessibility violation of any impact. Screenshots go to
test-artifacts/screenshots/ (gitignored)."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser.driver import KEY, arrive, axe_violations, shoot


def gone(browser: WebDriver, xpath: str) -> None:
    """Waits for the page a click posted to: the element is no longer there."""
    WebDriverWait(browser, 10).until(lambda b: not b.find_elements(By.XPATH, xpath))


def test_search_filter_document_entity_and_alert(site: str, browser: WebDriver) -> None:
    browser.get(site + "/")
    assert axe_violations(browser) == []
    box = browser.find_element(By.ID, "q")
    box.send_keys("agreement", Keys.ENTER)  # the plain form: no script on the page
    heading = browser.find_element(By.ID, "results-title").text
    total = int(heading.split()[0].rstrip("+"))
    assert total > 1
    assert browser.find_elements(By.CSS_SELECTOR, ".snippet mark")
    shoot(browser, "1-search")
    assert axe_violations(browser) == []

    facet = browser.find_element(By.XPATH, "//section[h3='Countries']//a[normalize-space()='Kosovo']")
    facet.click()
    arrive(browser, "country=XK")
    narrowed = int(browser.find_element(By.ID, "results-title").text.split()[0].rstrip("+"))
    assert 1 <= narrowed < total
    assert browser.find_element(By.CSS_SELECTOR, ".chips a").text.startswith("country: Kosovo")
    shoot(browser, "2-facet")

    browser.find_element(By.CSS_SELECTOR, ".hit h3 a").click()
    arrive(browser, "/ui/documents/")
    assert browser.find_element(By.ID, "agreements-title").text == "Agreements"
    assert "Kosovo" in browser.find_element(By.CSS_SELECTOR, "article.document").text
    assert browser.find_elements(By.CSS_SELECTOR, "#similar li a")
    shoot(browser, "3-document")
    assert axe_violations(browser) == []

    browser.find_element(By.XPATH, "//dl[@class='entities-list']//a[normalize-space()='Kosovo']").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Kosovo"
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar")
    shoot(browser, "4-entity")
    assert axe_violations(browser) == []

    browser.find_element(By.LINK_TEXT, "Alert me").click()
    assert "entity: Kosovo" in browser.find_element(By.CSS_SELECTOR, "#new-title + ul").text
    shoot(browser, "5-alert-entity")

    browser.get(site + "/?q=agreement&country=XK")
    browser.find_element(By.LINK_TEXT, "Alert me").click()
    assert "country: XK" in browser.find_element(By.CSS_SELECTOR, "#new-title + ul").text
    name = browser.find_element(By.ID, "name")
    name.clear()
    name.send_keys("Kosovo agreements")
    browser.find_element(By.XPATH, "//button[normalize-space()='Create alert']").click()
    arrive(browser, "done=created")  # the form's page has gone: its elements would be stale
    assert "created" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    mine = browser.find_element(By.XPATH, "//li[@class='alert'][h3='Kosovo agreements']")
    assert mine.find_element(By.LINK_TEXT, "Atom feed").get_attribute("href")
    shoot(browser, "5-alerts")
    assert axe_violations(browser) == []
    confirm = mine.find_element(By.XPATH, ".//button[normalize-space()='Yes, delete']")
    assert not confirm.is_displayed(), "deleting asks first"
    mine.find_element(By.XPATH, ".//summary[normalize-space()='Delete…']").click()  # no script: <details>
    assert confirm.is_displayed() and "cannot be undone" in mine.find_element(By.CSS_SELECTOR, "details").text
    assert axe_violations(browser) == []
    confirm.click()
    arrive(browser, "done=deleted")
    assert "deleted" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    gone(browser, "//li[@class='alert'][h3='Kosovo agreements']")

    browser.get(site + "/ui/agreements?party=Kosovo")
    assert browser.find_elements(By.CSS_SELECTOR, "table.agreements tbody tr td a")
    shoot(browser, "6-agreements")
    assert axe_violations(browser) == []


def test_keyboard_and_phone(site: str, browser: WebDriver) -> None:
    browser.set_window_size(1280, 1000)
    browser.get(site + "/?q=Kosovo")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.text == "Skip to content"
    skip.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"
    labels = {el.get_attribute("for") for el in browser.find_elements(By.CSS_SELECTOR, "form label")}
    assert {"q", "from", "to", "kind", "sort"} <= labels
    browser.set_window_size(390, 844)
    browser.get(site + "/?q=Kosovo")
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, "no sideways scrolling on a phone"
    shoot(browser, "7-phone-search")
    browser.get(site + "/ui/entities/United%20Kingdom")
    assert browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth") <= 0
    shoot(browser, "8-phone-entity")
    browser.set_window_size(1280, 1000)


def test_signing_in_when_reads_need_a_key(keyed_site: str, browser: WebDriver) -> None:
    browser.get(keyed_site + "/?q=Kosovo")
    assert "/ui/sign-in?next=" in browser.current_url
    assert axe_violations(browser) == []
    browser.find_element(By.ID, "api_key").send_keys(KEY, Keys.ENTER)
    assert arrive(browser, "/?q=Kosovo") == keyed_site + "/?q=Kosovo"
    assert browser.find_elements(By.CSS_SELECTOR, ".snippet mark")
    shoot(browser, "9-signed-in-search")
    browser.find_element(By.LINK_TEXT, "Alert me").click()
    browser.find_element(By.XPATH, "//button[normalize-space()='Create alert']").click()  # a real post
    arrive(browser, "done=created")
    assert "created" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    mine = browser.find_element(By.XPATH, "//li[@class='alert'][h3='Kosovo']")
    mine.find_element(By.XPATH, ".//summary[normalize-space()='Delete…']").click()
    mine.find_element(By.XPATH, ".//button[normalize-space()='Yes, delete']").click()
    arrive(browser, "done=deleted")
    gone(browser, "//li[@class='alert'][h3='Kosovo']")
    browser.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    browser.get(keyed_site + "/")
    assert "/ui/sign-in" in browser.current_url
