"""CSS or XPath selectors as sources.toml writes them: XPath when it starts with `/`, `./` or `(`, else CSS."""

from __future__ import annotations

from lxml import etree
from parsel import Selector, SelectorList
from parsel.csstranslator import HTMLTranslator

_XPATH_STARTS = ("/", "./", "(")


class SelectorError(ValueError):
    """A selector that is neither valid CSS nor valid XPath."""


def is_xpath(selector: str) -> bool:
    return selector.lstrip().startswith(_XPATH_STARTS)


def check_selector(selector: str) -> None:
    """Raise `SelectorError` with the reason when `selector` cannot be used."""
    if not selector.strip():
        raise SelectorError("an empty selector")
    try:
        if is_xpath(selector):
            etree.XPath(selector)
        else:
            HTMLTranslator().css_to_xpath(selector)
    except Exception as exc:  # cssselect and lxml each raise their own kinds
        kind = "XPath" if is_xpath(selector) else "CSS"
        raise SelectorError(f"{selector!r} is not a valid {kind} selector: {exc}") from None


def select(page: Selector, selector: str) -> SelectorList[Selector]:
    return page.xpath(selector) if is_xpath(selector) else page.css(selector)


def hrefs(page: Selector, selector: str) -> list[str]:
    """The link targets the selector picks: an element's href (or its first descendant link's), or the text
    of an attribute or text node selected directly (`a::attr(href)`, `//a/@href`)."""
    found: list[str] = []
    for node in select(page, selector):
        root = node.root
        if isinstance(root, str):
            value: str | None = root
        else:
            value = node.attrib.get("href") or node.xpath(".//a/@href").get()
        if value and value.strip():
            found.append(value.strip())
    return found
