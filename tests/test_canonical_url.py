"""canonical_url: the README's rules, on w3lib's URL functions; ids come from it, so it must be stable."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presswatch.document import InvalidURLError, canonical_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://[::1]:8080/a", "http://[::1]:8080/a"),
        ("http://[::1]:80/a#top", "http://[::1]/a"),
        ("https://[2001:DB8::1]/a", "https://[2001:db8::1]/a"),
        ("HTTPS://WWW.Gov.UK:443/News/A#top", "https://www.gov.uk/News/A"),
        ("http://x.org:8080/a", "http://x.org:8080/a"),
        ("http://x.org:443/a", "http://x.org:443/a"),  # not the default port of http
        ("https://x.org", "https://x.org/"),
        ("http://user:secret@x.org/a", "http://x.org/a"),
        ("http://x.org/a?utm_source=rss&b=2&UTM_Medium=x&a=1&fbclid=9&gclid=1", "http://x.org/a?a=1&b=2"),
        ("http://x.org/a?b=&a=1", "http://x.org/a?a=1&b="),
        ("http://x.org/a%7eb/c d?q=%2f", "http://x.org/a~b/c%20d?q=%2F"),
        ("http://bücher.de/ä", "http://xn--bcher-kva.de/%C3%A4"),
    ],
)
def test_readme_rules(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://x.org:99999/a", "Port out of range"),
        ("http://x.org:-1/a", "Port"),
        ("http://[::1/a", "Invalid IPv6 URL"),
        ("http:///a", "no host"),
    ],
)
def test_unusable_urls_are_a_clear_error(url: str, why: str) -> None:
    with pytest.raises(InvalidURLError, match=why) as raised:
        canonical_url(url)
    assert url in str(raised.value)


URLS = st.builds(
    lambda scheme, host, port, path, query, fragment: f"{scheme}://{host}{port}{path}{query}{fragment}",
    st.sampled_from(["http", "https", "HTTP"]),
    st.sampled_from(["x.org", "WWW.Gov.UK", "[::1]", "[2001:db8::a]", "127.0.0.1", "bücher.de"]),
    st.sampled_from(["", ":80", ":443", ":8080"]),
    st.text(alphabet="/aZ%7e~é -._", max_size=20).map(lambda p: "/" + p),
    st.lists(st.sampled_from(["a=1", "b=", "utm_source=x", "c=%20", "a=2", "é=ü"]), max_size=5).map(
        lambda pairs: "?" + "&".join(pairs) if pairs else ""
    ),
    st.sampled_from(["", "#top"]),
)


@settings(max_examples=300, deadline=None, database=None)
@given(url=URLS)
def test_canonical_form_is_stable(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once  # Document.from_page canonicalises what extraction canonicalised
    assert "#" not in once and "utm_" not in once.lower()
