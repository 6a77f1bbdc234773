"""Keys at the edge, against `presswatch serve`: open reads never open alerts, an unknown key is a 401 on
every route, and a made-up key is no fresh rate-limit budget."""

from __future__ import annotations

import secrets

from presswatch.config import Settings
from tests.serve_process import serving

KEY = {"X-API-Key": "the-real-key"}
KEYS_ENV = {"PRESSWATCH_API_KEYS": '["the-real-key"]', "PRESSWATCH_RATE_LIMIT_PER_MINUTE": "0"}


def test_open_reads_leave_alerts_behind_a_key_and_refuse_unknown_keys(settings: Settings) -> None:
    with serving(settings, PRESSWATCH_API_OPEN_READS="true", **KEYS_ENV) as api:
        made = api.post("/alerts", headers=KEY, json={"name": "frigates", "query": {"text": "frigates"}})
        assert made.status_code == 201, made.text
        search_id = made.json()["id"]
        made_up = {"X-API-Key": "made-up"}
        for headers in ({}, made_up):
            refused = {
                "create": api.post("/alerts", headers=headers, json={"query": {"text": "x"}}).status_code,
                "list": api.get("/alerts", headers=headers).status_code,
                "one": api.get(f"/alerts/{search_id}", headers=headers).status_code,
                "fired": api.get(f"/alerts/{search_id}/alerts", headers=headers).status_code,
                "dead letters": api.get("/alerts/dead-letters", headers=headers).status_code,
                "retry": api.post("/alerts/dead-letters/1/retry", headers=headers).status_code,
                "pause": api.post(f"/alerts/{search_id}/pause", headers=headers).status_code,
                "delete": api.delete(f"/alerts/{search_id}", headers=headers).status_code,
            }
            assert refused == dict.fromkeys(refused, 401), headers
        assert api.get("/search", params={"q": "x"}).status_code == 200, "reads stay open without a key"
        assert api.get("/search", params={"q": "x"}, headers=made_up).status_code == 401
        assert api.get("/entities", headers=made_up).status_code == 401
        for page in ("/", "/ui/alerts", "/ui/sign-in", f"/alerts/{search_id}/feed.atom?token=x"):
            assert api.get(page, headers=made_up).status_code == 401, page
        assert api.get("/search", params={"q": "x"}, headers=KEY).status_code == 200
        assert [s["id"] for s in api.get("/alerts", headers=KEY).json()] == [search_id], "nothing was lost"
        schema = api.get("/openapi.json").json()
        assert schema["paths"]["/alerts"]["get"].get("security"), "the schema says alerts need a key"


def test_made_up_keys_count_against_the_client_address(settings: Settings) -> None:
    limited = {**KEYS_ENV, "PRESSWATCH_RATE_LIMIT_PER_MINUTE": "3"}
    with serving(settings, **limited) as api:
        answers = [
            api.get("/search", params={"q": "x"}, headers={"X-API-Key": secrets.token_hex(8)}).status_code
            for _ in range(5)
        ]
        assert answers[:3] == [401] * 3 and answers[3:] == [429] * 2, answers
        assert api.get("/search", params={"q": "x"}, headers=KEY).status_code == 200, "a real key its own"
