"""POST /ingest of a URL does not decode a Brotli body: httpx decodes a network read in one piece, so 841 bytes
of Brotli became 1 GiB in the API's memory before the page limit was checked (a decompression bomb, the page's
or its robots.txt's). Only gzip and deflate are asked for and read (a read of 64 KiB expands to at most about
64 MB); another Content-Encoding is a 502 that names it, its body never decoded."""

from __future__ import annotations

import pytest

from presswatch.config import Settings
from tests.api.ingest_settings import fetching, ingest_url
from tests.fixture_site import FixtureSite, Reply

brotli = pytest.importorskip("brotli")  # httpx decodes Brotli only when it is installed
BOMB = brotli.compress(b"\0" * (32 << 20), quality=11, lgwin=24)  # 32 MiB of page in a few hundred bytes


def test_a_brotli_page_is_refused_undecoded(settings: Settings) -> None:
    allowed = fetching(settings)
    site = FixtureSite(
        extra_routes={"/story": lambda: Reply(BOMB, "text/html", 200, {"Content-Encoding": "br"})}
    ).start()
    try:
        response = ingest_url(allowed, site.base_url + "/story")
    finally:
        site.close()
    assert response.status_code == 502, response.text
    assert "Content-Encoding br" in response.json()["detail"]
    [asked] = [{k.lower(): v for k, v in a.headers.items()} for a in site.answers if a.path == "/story"]
    assert asked["accept-encoding"].replace(" ", "").split(",") == ["gzip", "deflate"], asked
