"""A feed's URL carries its token (whoever has the URL reads the feed): `presswatch serve`'s access log keeps
the request, not the token."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.alerts.serving import serving


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_access_log_keeps_no_feed_token(tmp_path: Path, workers: str) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with serving(data_dir, PRESSWATCH_API_WORKERS=workers) as server:
        saved = server.api.post("/alerts", json={"kind": "agreement", "party": "Kosovo"}).json()
        feed = urlsplit(saved["feed_url"])
        [token] = parse_qs(feed.query)["token"]
        assert server.api.get(f"{feed.path}?{feed.query}").status_code == 200
    log = (tmp_path / "serve.log").read_text()
    assert "feed.atom?token=[redacted]" in log, log[-2000:]
    assert token not in log
