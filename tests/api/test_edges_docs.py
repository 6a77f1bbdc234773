"""`presswatch serve`'s /docs and /redoc load every script and style sheet from the server itself: they work
without internet, and no third-party script runs where people type their API keys."""

from __future__ import annotations

import re

from presswatch.config import Settings
from tests.serve_process import serving


def test_docs_pages_load_their_assets_from_the_server(settings: Settings) -> None:
    with serving(settings, PRESSWATCH_RATE_LIMIT_PER_MINUTE="0") as api:
        for page in ("/docs", "/redoc"):
            html = api.get(page)
            assert html.status_code == 200, page
            assets = re.findall(r"""(?:src|href)\s*[=:]\s*['"]([^'"]+)['"]""", html.text)
            scripts = [a for a in assets if a.endswith(".js")]
            assert scripts, f"{page} loads no script?"
            for asset in assets:
                assert asset.startswith("/") and not asset.startswith("//"), (page, asset)
                loaded = api.get(asset)
                assert loaded.status_code == 200 and len(loaded.content) > 1000, (page, asset)
            assert "cdn." not in html.text and "fonts.googleapis" not in html.text, page
        assert api.get("/openapi.json").json()["info"]["title"] == "presswatch"
