"""The alerts pages through TestClient: "Alert me" creates a saved search (seen by the JSON API too), the
list pauses, resumes and deletes it and links its feed; bad input says why and saves nothing; cross-site
posts are refused; with API keys the browser signs in with one and the cookie does not hold it. And the
document page lists similar documents, or says there are none when the document has no embedding."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from api.session import SESSION_COOKIE
from presswatch.config import Settings
from presswatch.document import Document
from search.sqlite import SQLiteBackend

KEY = "sesame-web-key"


SAME_SITE = {"Origin": "http://testserver"}  # what a browser sends with a form posted from the page


@pytest.fixture(scope="module")
def client(demo_index: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(demo_index), follow_redirects=False, headers=SAME_SITE) as client:
        yield client


@pytest.fixture(scope="module")
def keyed(demo_index: Settings) -> Iterator[TestClient]:
    settings = demo_index.model_copy(update={"api_keys": [SecretStr(KEY)], "api_open_reads": True})
    with TestClient(create_app(settings), follow_redirects=False, headers=SAME_SITE) as client:
        yield client


def mine(client: TestClient, name: str, **headers: str) -> list[dict[str, object]]:
    alerts = client.get("/alerts", headers=headers).json()
    return [a for a in alerts if a["spec"]["name"] == name]


def test_alert_me_from_a_search_creates_lists_pauses_and_deletes(client: TestClient) -> None:
    form = client.get("/ui/alerts", params={"q": "agreement", "country": "Kosovo"})
    assert form.status_code == 200
    assert "words: agreement" in form.text and "country: XK" in form.text
    assert 'name="q" value="agreement"' in form.text and '<label for="webhook_url">' in form.text

    fields = {"q": "agreement", "country": "Kosovo", "name": "Kosovo deals", "email": "desk@news.example"}
    created = client.post("/ui/alerts", data=fields)
    assert created.status_code == 303 and created.headers["location"].startswith("/ui/alerts?done=")
    [saved] = mine(client, "Kosovo deals")
    assert saved["spec"]["query"]["text"] == "agreement"  # type: ignore[index]
    assert saved["spec"]["query"]["countries"] == ["XK"]  # type: ignore[index]
    assert saved["spec"]["email"] == "desk@news.example" and not saved["paused"]  # type: ignore[index]

    listed = client.get(created.headers["location"]).text
    assert "Kosovo deals" in listed and 'role="status"' in listed
    feed = re.search(rf'href="(http://testserver/alerts/{saved["id"]}/feed\.atom\?token=[0-9a-f]+)"', listed)
    assert feed, "the list links the alert's Atom feed"
    atom = client.get(feed.group(1))
    assert atom.status_code == 200 and atom.headers["content-type"].startswith("application/atom+xml")

    assert client.post(f"/ui/alerts/{saved['id']}/pause").status_code == 303
    assert mine(client, "Kosovo deals")[0]["paused"] is True
    assert "(paused)" in client.get("/ui/alerts").text
    assert client.post(f"/ui/alerts/{saved['id']}/resume").status_code == 303
    assert mine(client, "Kosovo deals")[0]["paused"] is False
    assert client.post(f"/ui/alerts/{saved['id']}/delete").status_code == 303
    assert mine(client, "Kosovo deals") == []
    assert client.post(f"/ui/alerts/{saved['id']}/delete").status_code == 404
    assert client.post(f"/ui/alerts/{saved['id']}/explode").status_code == 404


def test_alert_me_from_an_entity_page(client: TestClient) -> None:
    entity = client.get("/ui/entities/Kosovo").text
    assert 'href="/ui/alerts?entity=Kosovo"' in entity
    assert client.post("/ui/alerts", data={"entity": "Kosovo", "name": "Kosovo mentions"}).status_code == 303
    [saved] = mine(client, "Kosovo mentions")
    assert saved["spec"]["query"]["entities"] == ["Kosovo"]  # type: ignore[index]
    client.post(f"/ui/alerts/{saved['id']}/delete")


def test_bad_alert_input_says_why_and_saves_nothing(client: TestClient) -> None:
    before = len(client.get("/alerts").json())
    no_search = client.post("/ui/alerts", data={"name": "Everything"})
    assert no_search.status_code == 400 and "needs text or at least one filter" in no_search.text
    bad_mail = client.post("/ui/alerts", data={"q": "Kosovo", "name": "Bad mail", "email": "nobody"})
    assert bad_mail.status_code == 400 and "email: String should match pattern" in bad_mail.text
    assert 'value="Bad mail"' in bad_mail.text, "the form keeps what was typed"
    loopback = client.post("/ui/alerts", data={"q": "Kosovo", "webhook_url": "http://127.0.0.1:9/hook"})
    assert loopback.status_code == 400 and 'role="alert"' in loopback.text
    bad_syntax = client.post("/ui/alerts", data={"q": '"open', "name": "Broken"})
    assert bad_syntax.status_code == 400
    no_party = client.post("/ui/alerts", data={"watch": "agreement", "q": "energy", "name": "Deals"})
    assert no_party.status_code == 400 and "an agreement watch needs a party" in no_party.text
    offered = client.get("/ui/alerts", params={"watch": "agreement", "q": "energy"}).text
    assert 'role="alert">an agreement watch needs a party' in offered, "said before the form is filled in"
    unknown = client.post("/ui/alerts", data={"watch": "figure", "party": "Kosovo", "name": "Deals"})
    assert unknown.status_code == 400 and "no such watch on this page" in unknown.text
    told = "Your session has expired: call 0800 555 0100"  # a link's own words are never shown, even on save
    worded = client.post("/ui/alerts", data={"watch": told, "party": "Kosovo", "name": "Deals"})
    assert worded.status_code == 400 and "no such watch on this page" in worded.text
    assert "0800 555 0100" not in re.sub(r'<input type="hidden"[^>]*>', "", worded.text)
    assert len(client.get("/alerts").json()) == before


def test_an_agreement_watch_from_the_form_keeps_the_rest_of_the_search(client: TestClient) -> None:
    """The party's new agreements (planned to signed unless a status is chosen), narrowed by what else the
    search said; the list says it is a watch. Chromium and POST /ingest firing it: tests/browser."""
    form = client.get("/ui/alerts", params={"watch": "agreement", "party": "Kosovo", "status": "signed"})
    assert "Alert me about new agreements" in form.text and "watch: new agreements (signed)" in form.text
    assert 'id="name" name="name" maxlength="200" value="new agreements of Kosovo"' in form.text  # whose
    fields = {"watch": "agreement", "party": ["Kosovo", "Serbia"], "q": "returns", "name": "Kosovo returns"}
    assert client.post("/ui/alerts", data=fields).status_code == 303
    [saved] = mine(client, "Kosovo returns")
    spec = saved["spec"]
    assert (spec["kind"], spec["party"], spec["statuses"]) == ("agreement", "Kosovo", [])  # type: ignore[index]
    assert spec["query"]["agreement_parties"] == ["Serbia"] and spec["query"]["text"] == "returns"  # type: ignore[index]
    assert "watch: new agreements (planned, in negotiation, agreed, signed)" in client.get("/ui/alerts").text
    client.post(f"/ui/alerts/{saved['id']}/delete")


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"  # a form post's


def test_a_cross_site_form_post_is_refused_with_a_page_and_a_tool_gets_json(client: TestClient) -> None:
    """A browser showed the raw JSON body of the 403; a tool asking for JSON (or anything) still gets it."""
    data = {"q": "Kosovo", "name": "Forged"}
    forged = {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}
    for path in ("/ui/alerts", "/ui/alerts/some-id/pause", "/ui/session/end"):
        page = client.post(path, data=data, headers={**forged, "Accept": BROWSER_ACCEPT})
        assert page.status_code == 403, path
        assert page.headers["content-type"].startswith("text/html"), path
        assert "<h1>Refused: sent from another site</h1>" in page.text
        assert '<nav aria-label="Main">' in page.text  # the page's own look, as its other errors
        for accept in ("application/json", "*/*"):
            tool = client.post(path, data=data, headers={**forged, "Accept": accept})
            assert tool.status_code == 403
            assert tool.json()["detail"].startswith("form posts must come from this site"), (path, accept)
    assert (
        client.post("/alerts", json={"query": {"text": "x"}}, headers=forged | {"Accept": BROWSER_ACCEPT})
        .headers["content-type"]
        .startswith("application/json")
    ), "the JSON API answers JSON whatever the Accept header says"


def test_cross_site_posts_are_refused(client: TestClient) -> None:
    before = len(client.get("/alerts").json())
    data = {"q": "Kosovo", "name": "Forged"}
    assert client.post("/ui/alerts", data=data, headers={"Origin": "https://evil.example"}).status_code == 403
    assert client.post("/ui/alerts", data=data, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    bare = client.build_request("POST", "/ui/alerts", data=data)
    del bare.headers["Origin"]  # no Origin, Referer nor Sec-Fetch-Site: nothing shows where it comes from
    assert client.send(bare).status_code == 403
    referred = client.build_request("POST", "/ui/alerts", data=data)
    del referred.headers["Origin"]
    referred.headers["Referer"] = "https://evil.example/ui/alerts"
    assert client.send(referred).status_code == 403
    assert len(client.get("/alerts").json()) == before
    referred.headers["Referer"] = "http://testserver/ui/alerts?q=Kosovo"
    assert client.send(referred).status_code == 303
    [saved] = mine(client, "Forged")
    # Behind a TLS proxy the Origin (https) differs from what the app sees (http); the browser's own
    # Sec-Fetch-Site still says same-origin, and it decides when present.
    proxied = {"Origin": "https://news.example", "Sec-Fetch-Site": "same-origin"}
    assert client.post(f"/ui/alerts/{saved['id']}/delete", headers=proxied).status_code == 303


def test_with_api_keys_the_browser_signs_in_and_owns_the_keys_alerts(keyed: TestClient) -> None:
    page = keyed.get("/ui/alerts", params={"q": "Kosovo"})
    assert page.status_code == 200 and 'name="api_key"' in page.text and "Create alert" not in page.text
    assert keyed.post("/ui/alerts", data={"q": "Kosovo", "name": "Keyed"}).status_code == 401
    assert 'name="next" value="/ui/alerts?q=Kosovo"' in page.text
    wrong = keyed.post("/ui/session", data={"api_key": "guess", "next": "/ui/alerts?q=Kosovo"})
    assert wrong.status_code == 401 and SESSION_COOKIE not in wrong.cookies

    signed = keyed.post("/ui/session", data={"api_key": KEY, "next": "/ui/alerts?q=Kosovo"})
    assert signed.status_code == 303 and signed.headers["location"] == "/ui/alerts?q=Kosovo"
    cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and KEY not in cookie
    assert "Path=/;" in cookie and "Secure" not in cookie  # plain http here; https: see test_web_session
    assert "Create alert" in keyed.get(signed.headers["location"]).text
    assert keyed.post("/ui/alerts", data={"q": "Kosovo", "name": "Keyed"}).status_code == 303
    [saved] = mine(keyed, "Keyed", **{"X-API-Key": KEY})  # the same owner as the key's API calls
    assert keyed.get("/alerts").status_code == 401, "nobody else sees it, open reads or not"

    out = keyed.post("/ui/session/end")
    assert out.status_code == 303 and SESSION_COOKIE not in keyed.cookies
    assert keyed.post(f"/ui/alerts/{saved['id']}/delete").status_code == 401
    for forged in ("forged", "f\u00f6rged"):  # not one of ours, nor ASCII: still just signed out
        cookie_header = {"Cookie": f"{SESSION_COOKIE}={forged}".encode()}
        assert 'name="api_key"' in keyed.get("/ui/alerts", headers=cookie_header).text  # type: ignore[arg-type]
    keyed.cookies.clear()
    keyed.delete(f"/alerts/{saved['id']}", headers={"X-API-Key": KEY})


def test_document_page_lists_similar_documents(client: TestClient) -> None:
    hit = client.get("/search", params={"q": '"Serbia, North Macedonia and Kosovo"'}).json()["hits"][0]
    page = client.get(f"/ui/documents/{hit['id']}").text
    similar = page[page.index('id="similar"') : page.index('id="text-title"')]
    links = re.findall(r'href="/ui/documents/([^"]+)"', similar)
    assert 1 <= len(links) <= 5 and hit["id"] not in links


def test_document_without_embedding_has_no_similar_documents(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", sources_file=tmp_path / "sources.toml")
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index(
        [Document(id="plain", url="https://news.example/plain", source="s", title="Plain", body="x")]
    )
    backend.close()
    with TestClient(create_app(settings)) as client:
        page = client.get("/ui/documents/plain")
    assert page.status_code == 200 and "No similar documents" in page.text


def test_the_form_saves_chat_targets_and_a_digest(client: TestClient) -> None:
    """Chat targets (one Apprise URL a line) and the digest choice from the form; a URL Apprise cannot read is
    a 400 that says so and saves nothing; the list masks the targets' tokens."""
    form = client.get("/ui/alerts", params={"q": "agreement"}).text
    assert '<label for="apprise_urls">' in form and '<select id="delivery" name="delivery">' in form
    fields = {"q": "agreement", "name": "Chat desk", "delivery": "daily"}
    refused = client.post(
        "/ui/alerts", data={**fields, "apprise_urls": "ntfy://ntfy.example/desk\nnonsense://x"}
    )
    assert refused.status_code == 400 and "not a chat URL presswatch can send to" in refused.text
    assert mine(client, "Chat desk") == []
    urls = "ntfy://ntfy.example/desk\r\ndiscord://1234/sekrit-webhook-token\r\n"
    created = client.post("/ui/alerts", data={**fields, "apprise_urls": urls})
    assert created.status_code == 303, created.text
    [saved] = mine(client, "Chat desk")
    spec = saved["spec"]
    assert spec["apprise_urls"] == ["ntfy://ntfy.example/desk", "discord://1234/sekrit-webhook-token"]  # type: ignore[index]
    assert spec["delivery"] == "daily"  # type: ignore[index]
    listed = client.get("/ui/alerts").text
    assert "(daily digest)" in listed and "chat ntfy://" in listed
    assert "sekrit-webhook-token" not in listed
    assert client.delete(f"/alerts/{saved['id']}").status_code == 204


def test_a_watch_takes_every_name_the_page_searches_for(client: TestClient) -> None:
    """A watch's party and entity take the names a filter takes (300 characters, it took 200: a party the
    agreements page searched for could not be watched); the name offered fits the alert's 200; one character
    more is refused with why, by the JSON API and the form."""
    party = ("Joint Committee " + "of the Parties " * 19).strip()
    assert len(party) == 300
    unknown = client.post("/alerts", json={"kind": "agreement", "party": party})
    assert unknown.status_code == 400 and "is unknown" in unknown.text  # past the length check
    unknown = client.post("/alerts", json={"kind": "mention", "entity": party})
    assert unknown.status_code in (201, 400) and "at most" not in unknown.text
    too_long = client.post("/alerts", json={"kind": "agreement", "party": party + "s"})
    assert too_long.status_code == 422 and "at most 300 characters" in too_long.text  # not "300 items"
    for field, limit in (("name", 200), ("story_id", 200), ("webhook_url", 2000)):
        refused_field = client.post("/alerts", json={"kind": "story", field: "s" * (limit + 1)})
        assert refused_field.status_code == 422 and f"at most {limit} characters" in refused_field.text, field
    form = client.get("/ui/alerts", params={"watch": "agreement", "party": party}).text
    offered = re.search(r'id="name" name="name" maxlength="200" value="([^"]*)"', form)
    assert offered and len(offered.group(1)) == 200 and offered.group(1).endswith("…")
    refused = client.post("/ui/alerts", data={"watch": "agreement", "party": party + "s", "name": "long"})
    assert refused.status_code == 400 and "300" in refused.text
