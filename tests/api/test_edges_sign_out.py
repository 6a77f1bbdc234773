"""Signing out of `presswatch serve`'s pages ends the session on the server, and the alerts page shows only
status messages the server wrote."""

from __future__ import annotations

import httpx

from api.session import SESSION_COOKIE
from presswatch.config import Settings
from tests.serve_process import serving

KEY = "page-key"


def test_a_signed_out_cookie_no_longer_signs_anyone_in(settings: Settings) -> None:
    env = {"PRESSWATCH_API_KEYS": f'["{KEY}"]', "PRESSWATCH_RATE_LIMIT_PER_MINUTE": "0"}
    with serving(settings, **env) as browser:
        here = {"Origin": str(browser.base_url).rstrip("/")}
        signed = browser.post("/ui/session", headers=here, data={"api_key": KEY, "next": "/"})
        assert signed.status_code == 303
        cookie = signed.cookies[SESSION_COOKIE]
        other = browser.post("/ui/session", headers=here, data={"api_key": KEY}).cookies[SESSION_COOKIE]

        def page_with(value: str) -> httpx.Response:
            browser.cookies.clear()
            return browser.get("/", headers={"Cookie": f"{SESSION_COOKIE}={value}"})

        assert page_with(cookie).status_code == 200
        browser.cookies.clear()
        out = browser.post("/ui/session/end", headers={**here, "Cookie": f"{SESSION_COOKIE}={cookie}"})
        assert out.status_code == 303
        assert page_with(cookie).status_code == 303, "a copy of the signed-out cookie is refused"
        assert page_with(other).status_code == 200, "the other sign-in (its own session) goes on"
    with serving(settings, **env) as restarted:
        restarted.cookies.clear()
        stale = restarted.get("/", headers={"Cookie": f"{SESSION_COOKIE}={cookie}"})
        assert stale.status_code == 303, "still refused after a restart"


def test_the_alerts_page_shows_only_the_servers_own_messages(settings: Settings) -> None:
    with serving(settings, PRESSWATCH_RATE_LIMIT_PER_MINUTE="0") as browser:
        here = {"Origin": str(browser.base_url).rstrip("/")}
        forged = browser.get("/ui/alerts", params={"done": "Your session expired: call +44 20 0000 0000"})
        assert (
            forged.status_code == 200 and "+44 20" not in forged.text and 'role="status"' not in forged.text
        )
        made = browser.post("/ui/alerts", headers=here, data={"q": "Kosovo", "name": "Kosovo"})
        assert made.status_code == 303
        assert 'role="status">Alert created.<' in browser.get(made.headers["location"]).text
