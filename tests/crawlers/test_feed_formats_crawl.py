"""Every feed format, crawled for real: one `presswatch crawl` of six sources on the loopback server (RSS 0.91,
RSS 1.0, RSS 2.0 with a guid-only item, Atom 0.3, Atom 1.0 with xml:base and relative links, JSON Feed), each
linking to its own article of the newsroom; each article must be indexed under its source."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from presswatch.config import Settings
from presswatch.demo.site import Article
from presswatch.document import document_id
from search.sqlite import SQLiteBackend
from tests.conftest import run_crawl
from tests.fixture_site import FixtureSite, Reply

FORMATS = ("rss-091", "rss-10", "rss-20-guid", "atom-03", "atom-10", "json-feed")


def _feed(kind: str, article: Article, base: str) -> Reply:
    url = base + article.path
    if kind == "rss-091":
        body = f'<rss version="0.91"><channel><title>t</title><item><title>a</title><link>{url}</link></item></channel></rss>'
    elif kind == "rss-10":
        body = (
            '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel rdf:about="{base}/"><title>t</title><link>{base}/</link></channel>'
            f'<item rdf:about="{url}"><title>a</title><link>{url}</link><dc:date>2026-11-01T09:00:00Z</dc:date>'
            "</item></rdf:RDF>"
        )
    elif kind == "rss-20-guid":
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            f'<item><title>a</title><guid isPermaLink="true">{url}</guid></item></channel></rss>'
        )
    elif kind == "atom-03":
        body = (
            '<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>'
            f'<entry><title>a</title><link rel="alternate" type="text/html" href="{url}"/>'
            "<issued>2026-11-01T09:00:00Z</issued></entry></feed>"
        )
    elif kind == "atom-10":
        body = (
            f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/news/">'
            f"<title>t</title><id>{base}/</id><updated>2026-11-01T09:00:00Z</updated>"
            f'<entry><title>a</title><id>urn:x:1</id><link href="{article.path.rsplit("/", 1)[-1]}"/>'
            "<updated>2026-11-01T09:00:00Z</updated></entry></feed>"
        )
    else:
        body = json.dumps(
            {"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "1", "url": url}]}
        )
    return Reply(body.encode(), "application/json" if kind == "json-feed" else "application/xml")


@pytest.fixture
def feeds() -> Iterator[tuple[FixtureSite, dict[str, Article]]]:
    server = FixtureSite()
    public = [a for a in server.articles if a.listed and a.path.startswith("/news/")]
    chosen = dict(zip(FORMATS, public, strict=False))
    assert len(chosen) == len(FORMATS)
    for kind, article in chosen.items():
        server.extra_routes[f"/feeds/{kind}"] = lambda kind=kind, article=article: _feed(  # type: ignore[misc]
            kind, article, server.base_url
        )
    with server:
        yield server, chosen


def test_every_feed_format_is_crawled_to_its_article(
    settings: Settings, feeds: tuple[FixtureSite, dict[str, Article]]
) -> None:
    site, chosen = feeds
    settings.sources_file.write_text(
        "".join(f'[[source]]\nname = "{kind}"\nurl = "{site.base_url}/feeds/{kind}"\n\n' for kind in chosen),
        encoding="utf-8",
    )
    crawl = run_crawl(settings)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        for kind, article in chosen.items():
            document = backend.get(document_id(site.base_url + article.path))
            assert document is not None, (kind, crawl.stdout)
            assert document.source == kind
            assert document.title == article.title
    finally:
        backend.close()
