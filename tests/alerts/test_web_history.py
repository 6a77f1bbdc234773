"""Issue 20, item 6, through the real app (TestClient): the alerts page lists what each alert fired, newest
first, a bounded number with the count of the rest, each linked to presswatch's document page; deleting asks
first; an e-mail target warns when no mail server is set; the Atom entry links the document page too."""

from __future__ import annotations

import re
from collections.abc import Iterator

import feedparser
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from presswatch.config import Settings
from tests.alerts.helpers import doc, index_and_match

SAME_SITE = {"Origin": "http://testserver"}  # what a browser sends with a form posted from the page


@pytest.fixture
def client(alert_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(alert_settings), follow_redirects=False, headers=SAME_SITE) as opened:
        yield opened


def create(client: TestClient, **fields: str) -> str:
    assert client.post("/ui/alerts", data=fields).status_code == 303
    [saved] = [a for a in client.get("/alerts").json() if a["spec"]["name"] == fields["name"]]
    return str(saved["id"])


def section(page: str, search_id: str) -> str:
    start = page.index(f'id="alert-{search_id}"')
    return page[start : page.index('<div class="actions">', start)]


def test_the_alerts_page_lists_what_each_alert_fired_newest_first(
    client: TestClient, alert_settings: Settings
) -> None:
    boats = create(client, q="smugglers", name="Smugglers")
    quiet = create(client, q="lighthouses", name="Lighthouses")
    older = [
        doc(f"boats-{n}", f"Smugglers report {n}", f"Smugglers were stopped, report {n}.") for n in range(21)
    ]
    assert index_and_match(alert_settings, older) == 21
    latest = doc("boats-latest", "Smugglers: the latest", "Smugglers were stopped again.")
    assert index_and_match(alert_settings, [latest]) == 1

    page = client.get("/ui/alerts").text
    fired = section(page, boats)
    assert "What it fired (22)" in fired
    linked = re.findall(r'<li><time[^>]*>[^<]*</time> <a href="/ui/documents/([^"]+)">([^<]+)</a>', fired)
    assert len(linked) == 20, "a bounded number is listed"
    assert linked[0] == (latest.id, latest.title), "newest first"
    assert {title for _, title in linked} <= {d.title for d in [latest, *older]}
    assert "And 2 earlier, not shown" in fired
    assert f'href="{latest.url}"' in fired, "the source is linked as well"
    assert "Nothing has fired yet." in section(page, quiet)

    document = client.get(f"/ui/documents/{linked[0][0]}")
    assert document.status_code == 200 and latest.title in document.text


def test_deleting_from_the_page_asks_first(client: TestClient) -> None:
    search_id = create(client, q="smugglers", name="To delete")
    page = client.get("/ui/alerts").text
    listed = page[page.index(f'id="alert-{search_id}"') :]
    confirm = re.search(
        r"<details class=\"confirm\">\s*<summary>Delete…</summary>(.*?)</details>", listed, re.S
    )
    assert confirm, "the delete form sits behind a confirmation step"
    assert f'action="/ui/alerts/{search_id}/delete"' in confirm.group(1)
    assert "cannot be undone" in confirm.group(1)
    assert listed.count(f'action="/ui/alerts/{search_id}/delete"') == 1, "and nowhere outside it"
    cross_site = {"Origin": "https://evil.example"}
    assert client.post(f"/ui/alerts/{search_id}/delete", headers=cross_site).status_code == 403
    assert client.post(f"/ui/alerts/{search_id}/delete").status_code == 303
    assert "To delete" not in client.get("/ui/alerts").text


def test_an_email_target_warns_when_no_mail_server_is_set(
    client: TestClient, alert_settings: Settings
) -> None:
    form = client.get("/ui/alerts", params={"q": "smugglers"}).text
    assert 'id="no-mail"' in form and 'aria-describedby="delivery-help no-mail"' in form
    created = client.post(
        "/ui/alerts", data={"q": "smugglers", "name": "Mailed", "email": "desk@news.example"}
    )
    landed = client.get(created.headers["location"]).text
    assert "Alert created, but no mail server is configured" in landed
    [saved] = [a for a in client.get("/alerts").json() if a["spec"]["name"] == "Mailed"]
    assert "E-mail to desk@news.example is not sent" in section(landed, saved["id"])
    feed_only = create(client, q="boats", name="Feed only")
    assert "is not sent" not in section(client.get("/ui/alerts").text, feed_only)

    configured = alert_settings.model_copy(update={"smtp_host": "127.0.0.1"})
    with TestClient(create_app(configured), follow_redirects=False, headers=SAME_SITE) as mail_ready:
        page = mail_ready.get("/ui/alerts", params={"q": "smugglers"}).text
        assert "E-mail to desk@news.example" not in page and 'id="no-mail"' not in page
        again = mail_ready.post("/ui/alerts", data={"q": "ships", "name": "Ships", "email": "d@news.example"})
        assert "no mail server" not in mail_ready.get(again.headers["location"]).text


@pytest.mark.parametrize(
    ("public_url", "site"),
    [("https://desk.example/presswatch/", "https://desk.example/presswatch"), (None, "http://testserver")],
)
def test_the_feed_entry_links_the_document_page_and_the_source(
    alert_settings: Settings, public_url: str | None, site: str
) -> None:
    settings = alert_settings.model_copy(update={"public_url": public_url})
    with TestClient(create_app(settings), follow_redirects=False, headers=SAME_SITE) as client:
        create(client, q="smugglers", name="Fed")
        [saved] = client.get("/alerts").json()
        smugglers = doc("boats-feed", "Smugglers stopped", "Smugglers were stopped at sea.")
        assert index_and_match(settings, [smugglers]) == 1
        assert saved["feed_url"].startswith(f"{site}/alerts/")  # a proxy at the public URL strips its path
        [entry] = feedparser.parse(client.get(saved["feed_url"].removeprefix(site)).content).entries
    page = f"{site}/ui/documents/{smugglers.id}"
    links = {link["rel"]: link["href"] for link in entry.links}
    assert links == {"alternate": smugglers.url, "related": page}
    assert entry.link == smugglers.url, "a reader's main link is still the story itself"
    assert f"In presswatch: {page}" in entry.summary
