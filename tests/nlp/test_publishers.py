"""The publishing government read from a page's URL."""

import pytest

from nlp.publishers import publishing_government


@pytest.mark.parametrize(
    ("url", "government"),
    [
        ("https://www.gov.uk/government/news/x", "United Kingdom"),
        ("https://www.state.gov/briefings/y", "United States"),
        ("https://pib.gov.in/PressReleasePage.aspx", "India"),
        ("https://ec.europa.eu/commission/presscorner/detail/en/ip_1", "European Union"),
        ("https://vlada.mk/node/1?ln=en-gb", "North Macedonia"),
        ("https://www.gov.me/en/article/x", "Montenegro"),
        ("https://vlada.gov.hr/news/x", "Croatia"),
        ("https://www.president.go.ke/news/x", "Kenya"),
        ("https://statehouse.gov.ng/news/x", "Nigeria"),
        ("https://www.mof.gov.sg/news/x", "Singapore"),
        ("https://news.ontario.ca/en/release/1001/x", "Canada"),
        ("https://news.gov.bc.ca/releases/2026FIN0001-000001", "Canada"),
        ("https://www.quebec.ca/en/news/x", "Canada"),
        ("https://www.govmu.org/EN/news/x", "Mauritius"),
        ("https://www.gov.bb/Press-Releases/x", "Barbados"),
        ("https://www.theguardian.com/politics/x", None),
        ("https://www.cbc.ca/news/x", None),
        ("https://notontario.ca/x", None),
        ("https://gov.pl/web/x", None),
        ("not a url", None),
    ],
)
def test_publishing_government(url: str, government: str | None) -> None:
    assert publishing_government(url) == government
