"""A saved amount that JSON cannot keep (1e400, Infinity, NaN) is refused by `presswatch serve`: stored, it
would come back as no amount at all, and the watch would fire for every figure."""

from __future__ import annotations

from pathlib import Path

from tests.alerts.serving import serving

AMOUNTS = ("1e400", "-1e400", "Infinity", "NaN")


def test_an_amount_json_cannot_keep_is_refused(tmp_path: Path) -> None:
    with serving(tmp_path / "data") as server:
        api = server.api
        for amount in AMOUNTS:
            for body in (
                f'{{"kind": "figure", "entity": "Border Force", "min_amount": {amount}}}',
                f'{{"kind": "search", "query": {{"q": "smugglers", "figure_min": {amount}}}}}',
                f'{{"kind": "search", "query": {{"q": "smugglers", "figure_max": {amount}}}}}',
            ):
                answer = api.post("/alerts", content=body, headers={"Content-Type": "application/json"})
                assert answer.status_code == 422, (body, answer.text)
        assert api.get("/alerts").json() == [], "nothing was saved"
        kept = api.post("/alerts", json={"kind": "figure", "entity": "Border Force", "min_amount": 1e9})
        assert kept.status_code == 201 and kept.json()["spec"]["min_amount"] == 1e9
