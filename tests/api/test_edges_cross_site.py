"""A keyless `presswatch serve` (the single local user) against a page elsewhere: every state-changing JSON
route refuses what the browser marks as cross-site, while curl-like clients and this site's pages pass."""

from __future__ import annotations

from presswatch.config import Settings
from tests.serve_process import serving

ELSEWHERE = (
    {"Origin": "https://evil.example"},
    {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
    {"Sec-Fetch-Site": "same-site"},
    {"Referer": "https://evil.example/page"},
)


def test_cross_site_changes_are_refused_without_keys(settings: Settings) -> None:
    with serving(settings, PRESSWATCH_RATE_LIMIT_PER_MINUTE="0") as api:
        made = api.post(
            "/alerts", json={"name": "frigates", "query": {"text": "frigates"}}
        )  # curl: no headers
        assert made.status_code == 201, made.text
        search_id = made.json()["id"]
        here = {"Origin": str(api.base_url).rstrip("/"), "Sec-Fetch-Site": "same-origin"}
        for headers in ELSEWHERE:
            answers = {
                "create": api.post("/alerts", headers=headers, json={"query": {"text": "x"}}).status_code,
                "retry": api.post("/alerts/dead-letters/1/retry", headers=headers).status_code,
                "pause": api.post(f"/alerts/{search_id}/pause", headers=headers).status_code,
                "resume": api.post(f"/alerts/{search_id}/resume", headers=headers).status_code,
                "delete": api.delete(f"/alerts/{search_id}", headers=headers).status_code,
            }
            assert answers == dict.fromkeys(answers, 403), headers
        assert api.get("/alerts", headers=ELSEWHERE[0]).status_code == 200, "reads are not changes"
        assert api.post(f"/alerts/{search_id}/pause", headers=here).json()["paused"] is True
        assert api.post("/alerts/dead-letters/1/retry", headers=here).status_code == 404
        assert api.delete(f"/alerts/{search_id}").status_code == 204
