"""With API keys and keyed reads, a browser (which cannot send X-API-Key) signs in on a page of its own
and reads the pages with the session cookie; the JSON API still wants the header; signing in never
redirects off the site; a session ends on sign-out, after its lifetime, or when its key is removed."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from api.session import SESSION_COOKIE, SESSION_SECONDS, session_cookie
from presswatch.config import Settings

KEY = "sesame-page-key"
SAME_SITE = {"Origin": "http://testserver"}


@pytest.fixture(scope="module")
def keyed_settings(demo_index: Settings) -> Settings:
    return demo_index.model_copy(update={"api_keys": [SecretStr(KEY)], "api_open_reads": False})


@pytest.fixture
def browser(keyed_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(keyed_settings), follow_redirects=False, headers=SAME_SITE) as client:
        yield client


def test_pages_send_the_browser_to_sign_in_and_back(browser: TestClient) -> None:
    page = browser.get("/", params={"q": "Kosovo"})
    assert page.status_code == 303 and page.headers["location"] == "/ui/sign-in?next=%2F%3Fq%3DKosovo"
    for path in ("/ui/agreements", "/ui/entities/Kosovo", "/ui/export?format=csv&q=Kosovo"):
        assert browser.get(path).status_code == 303, path
    form = browser.get(page.headers["location"])
    assert form.status_code == 200 and 'name="api_key"' in form.text
    assert 'name="next" value="/?q=Kosovo"' in form.text and 'href="/ui/sign-in"' in form.text

    signed = browser.post("/ui/session", data={"api_key": KEY, "next": "/?q=Kosovo"})
    assert signed.status_code == 303 and signed.headers["location"] == "/?q=Kosovo"
    results = browser.get("/?q=Kosovo")
    assert results.status_code == 200 and "Kosovo" in results.text and "Sign out" in results.text
    assert browser.get("/ui/agreements").status_code == 200
    assert 'href="/ui/export?q=Kosovo&amp;format=csv"' in results.text
    export = browser.get("/ui/export", params={"q": "Kosovo", "format": "csv"})
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    assert export.text.startswith("id,url,") and len(export.text.splitlines()) > 1
    assert browser.get("/ui/export", params={"q": "Kosovo", "format": "xml"}).status_code == 422
    assert browser.get("/ui/export", params={"q": '"open', "format": "csv"}).status_code == 400

    # The cookie is for the pages: the JSON API keeps wanting X-API-Key.
    assert browser.get("/search", params={"q": "Kosovo"}).status_code == 401
    assert browser.get("/search", params={"q": "Kosovo"}, headers={"X-API-Key": KEY}).status_code == 200

    out = browser.post("/ui/session/end")
    assert out.status_code == 303 and SESSION_COOKIE not in browser.cookies
    assert browser.get("/").status_code == 303


def test_a_wrong_key_a_forged_or_old_cookie_or_a_removed_key_reads_nothing(
    browser: TestClient, keyed_settings: Settings
) -> None:
    wrong = browser.post("/ui/session", data={"api_key": "guess", "next": "/"})
    assert wrong.status_code == 401 and "not one this server knows" in wrong.text
    assert SESSION_COOKIE not in wrong.cookies
    stale = session_cookie(KEY, issued=int(time.time()) - SESSION_SECONDS - 60)
    future = session_cookie(KEY, issued=int(time.time()) + 3600)
    other = session_cookie("another key")
    for cookie in (stale, future, other, "123.abc", "x.y", "1.f\u00f6rged", ""):
        header = {"Cookie": f"{SESSION_COOKIE}={cookie}".encode()}
        assert browser.get("/", headers=header).status_code == 303, cookie  # type: ignore[arg-type]
    browser.cookies.set(SESSION_COOKIE, session_cookie(KEY))
    assert browser.get("/").status_code == 200
    assert browser.get("/", headers={"X-API-Key": "guess"}).status_code == 401  # a wrong key is never ignored
    rotated = keyed_settings.model_copy(update={"api_keys": [SecretStr("the new key")]})
    with TestClient(create_app(rotated), follow_redirects=False) as after:
        after.cookies.set(SESSION_COOKIE, session_cookie(KEY))
        assert after.get("/").status_code == 303


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "/%0d%0aSet-Cookie:x=y",  # encoded: a harmless path
        "/\r\nLocation: https://evil.example",
        "evil.example",
        "",
    ],
)
def test_sign_in_never_redirects_off_the_site(browser: TestClient, target: str) -> None:
    kept = "/%0d%0aSet-Cookie:x=y" if target.startswith("/%") else "/"
    page = browser.get("/ui/sign-in", params={"next": target})
    assert f'name="next" value="{kept}"' in page.text
    signed = browser.post("/ui/session", data={"api_key": KEY, "next": target})
    assert signed.status_code == 303 and signed.headers["location"] == kept


def test_the_cookie_is_secure_over_https_and_posts_must_come_from_the_site(keyed_settings: Settings) -> None:
    with TestClient(
        create_app(keyed_settings), base_url="https://testserver", follow_redirects=False
    ) as client:
        here = {"Origin": "https://testserver"}
        signed = client.post("/ui/session", data={"api_key": KEY}, headers=here)
        cookie = signed.headers["set-cookie"]
        assert signed.status_code == 303 and "Secure" in cookie and "HttpOnly" in cookie
        assert "SameSite=strict" in cookie and KEY not in cookie
        forged = client.post("/ui/session", data={"api_key": KEY}, headers={"Origin": "https://evil.example"})
        assert forged.status_code == 403 and "set-cookie" not in forged.headers
        assert client.post("/ui/session/end", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
        assert client.get("/").status_code == 200  # still signed in


def test_without_keys_there_is_nothing_to_sign_in_to(demo_index: Settings) -> None:
    with TestClient(create_app(demo_index), follow_redirects=False, headers=SAME_SITE) as client:
        assert client.get("/").status_code == 200
        assert "Sign in" not in client.get("/").text
        refused = client.post("/ui/session", data={"api_key": "anything"})
        assert refused.status_code == 401 and "no API keys" in refused.text
