"""POST /ingest of a feed (Atom, RSS or JSON Feed) is refused with a 422 that says it is a feed and what to do
with one, fetched (from the loopback fixture site) or sent as the body; it was indexed as one article.

Why refuse rather than ingest the entries: the route answers with the one document it indexed, and a feed is
a list of other pages, each fetched, extracted and indexed on its own; a crawl of a `type = "feed"` source
does exactly that (incrementally, politely, with health records), one request should not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from crawlers.ingest import PageIngester
from nlp.pipeline import Extractor
from presswatch.config import Settings
from tests.api.ingest_settings import WRITER_KEY as KEY
from tests.api.ingest_settings import fetching
from tests.fixture_site import FixtureSite, Reply

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<!-- the newsroom's feed -->
<rss version="2.0"><channel><title>Newsroom</title><link>https://gov.example/</link>
<item><title>UK and Norway sign frigate deal</title><link>https://gov.example/news/frigates</link>
<description>The United Kingdom and Norway signed an agreement on Tuesday to build eight frigates worth
ten billion pounds, ministers said, in the largest defence export deal of the decade.</description></item>
</channel></rss>"""
JSON_FEED = (
    b'{"version": "https://jsonfeed.org/version/1.1", "title": "Newsroom", "items": [{"id": "1", "url":'
    b' "https://gov.example/news/frigates", "title": "UK and Norway sign frigate deal", "content_text":'
    b' "The United Kingdom and Norway signed an agreement to build eight frigates."}]}'
)


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    server = FixtureSite(
        extra_routes={
            "/news.rss": lambda: Reply(RSS, "application/rss+xml"),
            "/feed.xml": lambda: Reply(RSS, "text/xml"),  # a feed served as plain XML
            "/feed.json": lambda: Reply(JSON_FEED, "application/feed+json"),
        }
    ).start()
    yield server
    server.close()


@pytest.fixture
def client(settings: Settings, extractor: Extractor) -> Iterator[TestClient]:
    allowed = fetching(settings)
    with TestClient(create_app(allowed, ingester=PageIngester(allowed, extractor=extractor))) as opened:
        yield opened


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/feed.atom", "an Atom feed"),
        ("/news.rss", "an RSS feed"),
        ("/feed.xml", "an RSS feed"),
        ("/feed.json", "a JSON Feed"),
    ],
)
def test_a_fetched_feed_is_refused_saying_what_it_is(
    client: TestClient, site: FixtureSite, path: str, kind: str
) -> None:
    response = client.post("/ingest", json={"url": site.base_url + path}, headers=KEY)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert f"is {kind}, not an article" in detail and 'type = "feed"' in detail
    assert client.get("/search", params={"q": "frigates OR newsroom"}, headers=KEY).json()["total"] == 0


def test_a_feed_sent_as_the_body_is_refused(client: TestClient) -> None:
    response = client.post(
        "/ingest", json={"url": "https://gov.example/news.rss", "html": RSS.decode()}, headers=KEY
    )
    assert response.status_code == 422 and "is an RSS feed, not an article" in response.json()["detail"]


RSS_1_0 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://gov.example/"><title>Ministry</title><link>https://gov.example/</link></channel>
<item rdf:about="https://gov.example/a"><title>Frigates</title><link>https://gov.example/a</link></item>
</rdf:RDF>"""


def test_an_rss_1_0_feed_is_named_as_one(client: TestClient) -> None:
    """RSS 1.0 is RDF, not the RSS (0.91 to 2.0) of an <rss> root: the message named it as that."""
    response = client.post(
        "/ingest", json={"url": "https://gov.example/index.rdf", "html": RSS_1_0}, headers=KEY
    )
    assert response.status_code == 422, response.text
    assert "is an RSS 1.0 (RDF) feed, not an article" in response.json()["detail"]


def test_an_article_page_is_still_ingested(client: TestClient, site: FixtureSite) -> None:
    article = next(a for a in site.articles if not a.path.startswith("/drafts/"))  # robots.txt: not drafts
    response = client.post("/ingest", json={"url": site.base_url + article.path}, headers=KEY)
    assert response.status_code == 200 and response.json()["document"]["title"] == article.title
