"""The analyst's desk in Chromium, at desktop and phone sizes: attention over time with compared queries
(a bar narrows the dates), the document page to check extraction on, filters that add and remove, the
agreements as cards on a phone, and merging two names. axe-core finds no violation of any impact
on any of these pages. Screenshots named in the README go to docs/screenshots/."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser.driver import KEY, arrive, axe_violations, overflow, shoot, sign_in

SIZES = {"desktop": (1280, 1000), "phone": (390, 844)}


def results(browser: WebDriver) -> int:
    return int(browser.find_element(By.ID, "results-title").text.split()[0].rstrip("+"))


@pytest.mark.parametrize("size", SIZES)
def test_compared_queries_over_time_and_a_bar_that_narrows_the_dates(
    site: str, browser: WebDriver, size: str
) -> None:
    browser.set_window_size(*SIZES[size])
    browser.get(site + "/")
    browser.find_element(By.ID, "q").send_keys("agreement")
    browser.find_element(By.ID, "q2").send_keys("Kosovo", Keys.ENTER)  # the plain form, no script
    arrive(browser, "q2=Kosovo")
    legend = browser.find_element(By.CSS_SELECTOR, ".attention .legend").text
    assert "agreement" in legend and "Kosovo" in legend
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar.s1")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar.s2")
    labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "svg.chart text.when")]
    assert {"Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"} == {
        label.split()[0] for label in labels
    }, "every month labelled"
    tick = browser.find_element(By.CSS_SELECTOR, "svg.chart text.tick")
    assert tick.size["height"] >= 11, "axis labels stay readable at this width"
    assert overflow(browser) <= 0
    browser.execute_script("document.getElementById('attention-title').scrollIntoView()")
    shoot(browser, f"search-compare-{size}", docs=True)
    assert axe_violations(browser) == []

    before = results(browser)
    june = browser.find_element(By.CSS_SELECTOR, "svg.chart a.period[aria-label^='Jun 2026']")
    in_june = int(june.get_attribute("aria-label").split("agreement: ")[1].split(",")[0])
    june.click()
    arrive(browser, "from=2026-06-01", "to=2026-06-30")
    assert results(browser) == in_june < before
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chart a.period")) == 30, "one bar per day of June"

    browser.find_element(By.LINK_TEXT, "Share of all documents").click()
    arrive(browser, "per=share")
    assert "%" in browser.find_element(By.CSS_SELECTOR, "svg.chart text.tick").text
    assert axe_violations(browser) == []
    browser.set_window_size(*SIZES["desktop"])


@pytest.mark.parametrize("size", SIZES)
def test_the_document_page_marks_the_search_and_links_evidence_to_its_paragraph(
    site: str, browser: WebDriver, size: str
) -> None:
    browser.set_window_size(*SIZES[size])
    browser.get(site + "/?q=Kosovo&country=XK")
    browser.find_element(By.CSS_SELECTOR, ".hit h3 a").click()
    arrive(browser, "/ui/documents/", "q=Kosovo")
    marks = browser.find_elements(By.CSS_SELECTOR, ".body mark")
    assert marks and all(m.text.lower().startswith("kosovo") for m in marks)
    assert (
        browser.find_element(By.LINK_TEXT, "Jump to the text").get_attribute("href").endswith("#text-title")
    )
    table = browser.find_element(By.XPATH, "//section[h2='Agreements']")
    evidence = table.find_element(By.CSS_SELECTOR, "tbody tr td q").text
    link = table.find_element(By.CSS_SELECTOR, "a.where")
    browser.execute_script("arguments[0].scrollIntoView()", table)
    shoot(browser, f"document-evidence-{size}", docs=True)
    assert axe_violations(browser) == []
    link.click()
    target = browser.find_element(By.CSS_SELECTOR, ".body p:target")
    assert evidence[:40] in " ".join(target.text.split()), "the paragraph the agreement was read from"
    assert target.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)", "highlighted there"
    assert overflow(browser) <= 0
    figure = browser.find_element(By.XPATH, "//section[h2='Figures']//tbody/tr[1]")
    written = figure.find_element(By.XPATH, "td[2]").text
    figure.find_element(By.CSS_SELECTOR, "a.where").click()
    assert written in browser.find_element(By.CSS_SELECTOR, ".body p:target").text
    browser.find_element(By.PARTIAL_LINK_TEXT, "Back to results").click()
    assert arrive(browser, "/?q=Kosovo&country=XK").endswith("/?q=Kosovo&country=XK")
    browser.set_window_size(*SIZES["desktop"])


@pytest.mark.parametrize("size", SIZES)
def test_filters_from_the_form_marked_in_the_facets_and_removed_by_them(
    site: str, browser: WebDriver, size: str
) -> None:
    browser.set_window_size(*SIZES[size])
    browser.get(site + "/?q=agreement")
    total = results(browser)
    statuses = [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "#status option")]
    assert {"planned", "signed", "in_force"} <= set(statuses)
    Select(browser.find_element(By.ID, "country")).select_by_visible_text("Kosovo")
    assert Select(browser.find_element(By.ID, "country")).first_selected_option.text == "Kosovo"
    browser.find_element(By.XPATH, "//button[normalize-space()='Search']").click()
    arrive(browser, "country=XK")
    assert browser.find_element(By.CSS_SELECTOR, ".chips a").text.startswith("country: Kosovo")
    narrowed = results(browser)
    assert 1 <= narrowed < total
    chosen = browser.find_element(By.CSS_SELECTOR, ".facet li.selected a[aria-current='true']")
    assert chosen.text.endswith("Kosovo")
    assert Select(browser.find_element(By.ID, "country")).first_selected_option.text == "Kosovo"
    assert axe_violations(browser) == []
    chosen.click()  # a chosen value takes itself off, instead of adding the same filter again
    WebDriverWait(browser, 10).until(lambda b: "country=" not in b.current_url)
    assert results(browser) == total and not browser.find_elements(By.CSS_SELECTOR, ".chips")

    browser.get(site + "/")
    skips = browser.find_elements(By.CSS_SELECTOR, "body > a.skip")  # the first things a Tab reaches
    assert [s.get_attribute("textContent") for s in skips] == ["Skip to content", "Skip to filters"]
    assert skips[1].get_attribute("href").endswith("#filters")
    assert "newest first" in browser.find_element(By.ID, "sort-hint").text.lower()
    pager = browser.find_element(By.CSS_SELECTOR, ".pager")
    everything = results(browser)
    assert f"1–20 of {everything}" in pager.text and not pager.find_elements(By.LINK_TEXT, "Previous page")
    pager.find_element(By.LINK_TEXT, "Next page").click()
    arrive(browser, "cursor=")
    assert f"21–{everything} of {everything}" in browser.find_element(By.CSS_SELECTOR, ".pager").text
    browser.find_element(By.LINK_TEXT, "Previous page").click()
    WebDriverWait(browser, 10).until(lambda b: "cursor=" not in b.current_url)
    assert f"1–20 of {everything}" in browser.find_element(By.CSS_SELECTOR, ".pager").text
    assert overflow(browser) <= 0
    browser.set_window_size(*SIZES["desktop"])


@pytest.mark.parametrize("size", SIZES)
def test_agreements_read_as_cards_on_a_phone_and_export(site: str, browser: WebDriver, size: str) -> None:
    browser.set_window_size(*SIZES[size])
    browser.get(site + "/ui/agreements?party=Kosovo")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.agreements tbody tr")
    assert rows
    header = browser.find_element(By.CSS_SELECTOR, "table.agreements thead")
    date = rows[0].find_element(By.CSS_SELECTOR, "td.date time")
    assert date.size["height"] < 2 * float(date.value_of_css_property("line-height").rstrip("px")), "one line"
    if size == "phone":
        assert rows[0].value_of_css_property("display") == "block", "a card, not a table row"
        assert header.size["height"] <= 1, "column names read out, not shown"
        label = browser.execute_script(
            "return getComputedStyle(arguments[0], '::before').content",
            rows[0].find_element(By.TAG_NAME, "td"),
        )
        assert label == '"Parties"'
    else:
        assert rows[0].value_of_css_property("display") == "table-row" and header.is_displayed()
    assert overflow(browser) <= 0
    assert browser.find_element(By.LINK_TEXT, "CSV").get_attribute("href").endswith("format=csv")
    shoot(browser, f"agreements-{size}")
    assert axe_violations(browser) == []
    browser.set_window_size(*SIZES["desktop"])


@pytest.mark.parametrize("size", SIZES)
def test_an_entity_lists_its_documents_and_agreements_under_its_chart(
    site: str, browser: WebDriver, size: str
) -> None:
    browser.set_window_size(*SIZES[size])
    browser.get(site + "/ui/entities/Kosovo")
    documents = browser.find_elements(By.CSS_SELECTOR, "section[aria-labelledby='docs-title'] li a")
    mentioned = int(browser.find_element(By.CSS_SELECTOR, "p.meta").text.split("mentioned in ")[1].split()[0])
    assert len(documents) == min(mentioned, 10)
    agreements = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby='agreements-title']").text
    assert "Kosovo" in agreements and "signed" in agreements
    assert axe_violations(browser) == []
    assert overflow(browser) <= 0
    bar = browser.find_element(By.CSS_SELECTOR, "svg.chart a.period[aria-label^='Sep 2026']")
    bar.click()
    arrive(browser, "entity=Kosovo", "from=2026-09-01")
    assert results(browser) == 1
    browser.set_window_size(*SIZES["desktop"])


def facet_names(browser: WebDriver, title: str) -> list[str]:
    links = browser.find_elements(By.XPATH, f"//section[h3='{title}']//li/a")
    return [" ".join(str(a.get_attribute("textContent")).split()) for a in links]


def facet_names_of(browser: WebDriver, site: str) -> list[str]:
    browser.get(site + "/?sort=date&kind=")
    return facet_names(browser, "Organisations")


def test_the_desk_pages_reflow_on_a_320_pixel_screen(site: str, browser: WebDriver) -> None:
    """WCAG 1.4.10 (reflow at 320 CSS px): the country list's longest name held the filters 37 px wider than
    the screen, so the search page scrolled sideways."""
    browser.set_window_size(320, 640)
    for path in (
        "/?q=agreement&q2=Kosovo&q3=Serbia",
        "/ui/agreements?party=Kosovo",
        "/ui/entities/Kosovo",
        "/ui/alerts",
    ):
        browser.get(site + path)
        assert overflow(browser) <= 0, path
    browser.get(site + "/?q=Kosovo")
    browser.find_element(By.CSS_SELECTOR, ".hit h3 a").click()
    arrive(browser, "/ui/documents/")
    assert overflow(browser) <= 0, "the document page"
    assert axe_violations(browser) == []
    browser.set_window_size(*SIZES["desktop"])


MERGES = {"desktop": ("Border Force", "Border Security Command"), "phone": ("Cabinet Office", "Home Office")}
HIDDEN = {"desktop": "National Health Service", "phone": "Parliament"}


@pytest.mark.parametrize("size", SIZES)
def test_merging_two_names_and_hiding_a_noise_name_from_the_page(
    writable_site: str, browser: WebDriver, size: str
) -> None:
    browser.set_window_size(*SIZES[size])
    browser.delete_all_cookies()
    name, into = MERGES[size]
    page = "/ui/entities/" + quote(name)
    browser.get(writable_site + page)
    section = browser.find_element(By.ID, "names-title").find_element(By.XPATH, "..")
    assert "Sign in with an API key" in section.text and not browser.find_elements(By.ID, "into")
    sign_in(browser, writable_site, page)
    assert axe_violations(browser) == []
    assert {name, into} <= set(facet_names_of(browser, writable_site))
    browser.get(writable_site + page)
    browser.find_element(By.ID, "into").send_keys(into)
    browser.find_element(By.XPATH, "//button[normalize-space()='Merge']").click()
    arrive(browser, "/ui/entities/" + quote(into))
    assert f"{name} merged into {into}" in browser.find_element(By.CSS_SELECTOR, ".done").text
    assert axe_violations(browser) == []
    facets = facet_names_of(browser, writable_site)
    assert name not in facets and into in facets
    browser.get(writable_site + page)
    assert "No document mentions" in browser.find_element(By.TAG_NAME, "main").text

    noise = HIDDEN[size]
    assert noise in facet_names_of(browser, writable_site)
    browser.get(writable_site + "/ui/entities/" + quote(noise))
    browser.find_element(By.XPATH, f"//button[starts-with(normalize-space(), 'Hide {noise}')]").click()
    arrive(browser, "done=")
    assert f"{noise} hidden" in browser.find_element(By.CSS_SELECTOR, ".done").text
    assert noise not in facet_names_of(browser, writable_site)
    assert overflow(browser) <= 0
    browser.set_window_size(*SIZES["desktop"])


def test_names_change_only_for_a_signed_in_post_from_this_site(writable_site: str) -> None:
    form = {"action": "hide", "name": "European Union"}
    unsigned = httpx.post(writable_site + "/ui/aliases", data=form, headers={"Origin": writable_site})
    assert unsigned.status_code == 401
    cross = httpx.post(
        writable_site + "/ui/aliases", data=form, headers={"Origin": "https://evil.example", "X-API-Key": KEY}
    )
    assert cross.status_code == 403
    assert (
        httpx.get(writable_site + "/entities/European%20Union", headers={"X-API-Key": KEY}).status_code == 200
    )
