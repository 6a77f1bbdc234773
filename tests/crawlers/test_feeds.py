"""The feed reader: every format, the defects the old reader had, hostile XML, and feedparser's corpus."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from crawlers.feeds import FeedError, parse_feed, read_feed
from tests.conftest import SHARED_EVAL, require_shared

CORPUS = SHARED_EVAL / "feeds-feedparser"
BASE = "https://ministry.example/feed"


def rss(items: str, *, namespaces: str = "") -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"{namespaces}><channel><title>t</title>{items}</channel></rss>'.encode()


def test_an_undeclared_namespace_prefix_loses_nothing() -> None:
    body = rss(
        "<item><title>A</title><link>https://ministry.example/a</link><itunes:subtitle>x</itunes:subtitle></item>"
    )
    assert [e.url for e in parse_feed(body, base_url=BASE)] == ["https://ministry.example/a"]


def test_xml_base_resolves_relative_links() -> None:
    body = b"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://ministry.example/news/">
      <entry xml:base="2026/"><title>A</title><link href="a.html"/><id>tag:x,2026:a</id>
      <updated>2026-03-03T09:00:00Z</updated></entry></feed>"""
    [entry] = parse_feed(body, base_url="https://elsewhere.example/feed")
    assert entry.url == "https://ministry.example/news/2026/a.html"


def test_an_item_with_only_a_guid_is_kept_and_an_atom_id_is_not_a_link() -> None:
    body = rss(
        "<item><title>Guid</title><guid>https://ministry.example/g</guid></item>"
        '<item><title>Not a permalink</title><guid isPermaLink="false">https://ministry.example/n</guid></item>'
    )
    [entry] = parse_feed(body, base_url=BASE)
    assert (entry.url, entry.guid) == ("https://ministry.example/g", "https://ministry.example/g")
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><id>https://ministry.example/id</id>
      <updated>2026-03-03T09:00:00Z</updated></entry></feed>"""
    assert parse_feed(atom, base_url=BASE) == []
    assert [item.title for item in read_feed(atom, base_url=BASE)] == ["A"]


def test_atom_03_issued_and_modified() -> None:
    body = b"""<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>Old atom</title>
      <link rel="alternate" type="text/html" href="https://ministry.example/old"/>
      <issued>2004-01-01T19:48:21+01:00</issued><modified>2004-01-02T08:00:00Z</modified></entry></feed>"""
    [entry] = parse_feed(body, base_url=BASE)
    assert entry.published == datetime(2004, 1, 1, 19, 48, 21, tzinfo=timezone(timedelta(hours=1)))
    assert entry.published.utcoffset() == timedelta(hours=1)  # the publisher's own offset is kept
    assert entry.updated == datetime(2004, 1, 2, 8, tzinfo=UTC)


def test_dcterms_dates() -> None:
    body = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
      xmlns:dcterms="http://purl.org/dc/terms/"><channel rdf:about="https://ministry.example/"><title>t</title></channel>
      <item rdf:about="https://ministry.example/rdf"><title>RDF</title><link>https://ministry.example/rdf</link>
      <dcterms:issued>2026-03-03T09:00:00+02:00</dcterms:issued><dcterms:modified>2026-03-04T10:00:00+02:00</dcterms:modified>
      </item></rdf:RDF>"""
    [entry] = parse_feed(body, base_url=BASE)
    plus_two = timezone(timedelta(hours=2))
    assert (entry.published, entry.updated) == (
        datetime(2026, 3, 3, 9, tzinfo=plus_two),
        datetime(2026, 3, 4, 10, tzinfo=plus_two),
    )


@pytest.mark.parametrize(
    ("written", "offset"),
    [
        ("Tue, 15 Sep 2020 10:01:41 EDT", -4),
        ("Tue, 15 Sep 2020 10:01:41 CEST", 2),
        ("Tue, 15 Sep 2020 10:01:41 BST", 1),
    ],
)
def test_named_time_zones(written: str, offset: int) -> None:
    body = rss(f"<item><link>https://ministry.example/a</link><pubDate>{written}</pubDate></item>")
    [entry] = parse_feed(body, base_url=BASE)
    assert entry.published == datetime(2020, 9, 15, 10, 1, 41, tzinfo=timezone(timedelta(hours=offset)))


def test_html_entities_in_titles_become_text() -> None:
    body = rss(
        "<item><title>Minister&amp;#39;s visit &amp;amp; talks in Mal&amp;eacute;</title>"
        "<link>https://ministry.example/a</link></item>"
    )
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">&lt;b&gt;Caf&amp;eacute;&lt;/b&gt; talks</title>
      <link href="https://ministry.example/b"/><updated>2026-03-03T09:00:00Z</updated></entry></feed>"""
    assert parse_feed(body, base_url=BASE)[0].title == "Minister's visit & talks in Malé"
    assert parse_feed(atom, base_url=BASE)[0].title == "Café talks"


def test_rss_091_and_json_feed() -> None:
    old = b"""<rss version="0.91"><channel><title>t</title><item><title>Old</title>
      <link>https://ministry.example/old</link></item></channel></rss>"""
    assert [e.url for e in parse_feed(old, base_url=BASE)] == ["https://ministry.example/old"]
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Ministry",
            "items": [
                {
                    "id": "1",
                    "url": "/news/a",
                    "title": "A &amp; B",
                    "date_published": "2026-03-02T09:00:00+01:00",
                },
                {
                    "id": "2",
                    "url": "https://ministry.example/news/b",
                    "date_modified": "2026-03-03T09:00:00Z",
                },
                {"id": "3", "content_text": "no link"},
            ],
        }
    ).encode()
    entries = parse_feed(body, base_url=BASE)
    assert [e.url for e in entries] == ["https://ministry.example/news/b", "https://ministry.example/news/a"]
    assert entries[1].title == "A &amp; B"  # JSON Feed titles are plain text already
    assert entries[0].published == entries[0].updated == datetime(2026, 3, 3, 9, tzinfo=UTC)
    with pytest.raises(FeedError, match="not a JSON Feed"):
        parse_feed(b'{"items": []}', base_url=BASE)


def test_a_date_far_in_the_future_is_no_date() -> None:
    """Else the entry would sort (and its page, without a date of its own, be searched) as newest for ever."""
    for written in ("Mon, 01 Jan 2999 00:00:00 GMT", "01 Jan 2999 00:00 +0000"):
        body = rss(f"<item><link>https://ministry.example/a</link><pubDate>{written}</pubDate></item>")
        assert parse_feed(body, base_url=BASE)[0].published is None, written


def test_a_json_feed_nested_too_deep_is_refused_clearly() -> None:
    deep = (
        b'{"version": "https://jsonfeed.org/version/1.1", "items": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    )
    with pytest.raises(FeedError, match="nested too deep"):
        parse_feed(deep, base_url=BASE)


def test_bytes_naming_a_file_are_not_read_as_a_path(tmp_path: Path) -> None:
    """feedparser opens a path or URL given as bytes or str; we hand it a file object only."""
    secret = tmp_path / "secret.xml"
    secret.write_bytes(rss("<item><link>https://ministry.example/leak</link></item>"))
    with pytest.raises(FeedError):
        parse_feed(str(secret).encode(), base_url=BASE)


class _CountingHandler(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = b'<!ENTITY leak "FETCHED-OVER-HTTP">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def entity_server() -> Iterator[str]:
    _CountingHandler.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_billion_laughs_does_not_expand() -> None:
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    one_per_line = lol.replace(">", ">\n")
    for layout in (f"<!DOCTYPE rss [{lol}]>", f"<!-- <x --><!DOCTYPE rss [\n{one_per_line}\n]>"):
        body = f'<?xml version="1.0"?>{layout}<rss version="2.0"><channel><item><title>&lol9;</title><link>https://ministry.example/a</link></item></channel></rss>'
        items = read_feed(body.encode(), base_url=BASE)
        assert [item.url for item in items] == ["https://ministry.example/a"], "the feed itself is not lost"
        assert all(len(item.title or "") < 1000 for item in items)


def test_external_entities_and_dtds_are_never_fetched_or_expanded(entity_server: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-FILE")
    declarations = [
        f'<!ENTITY ext SYSTEM "{secret.as_uri()}">',
        f'<!ENTITY web SYSTEM "{entity_server}/entity">',
        f'<!ENTITY % param SYSTEM "{entity_server}/param"> %param;',
    ]
    layouts = [
        "<!DOCTYPE rss [{decls}]>",
        "<!DOCTYPE rss [\n{decls}\n]>",
        "<!-- <x --><!DOCTYPE rss [\n{decls}\n]>",
        f'<!DOCTYPE rss SYSTEM "{entity_server}/dtd">',
    ]
    for layout in layouts:
        doctype = layout.format(decls="\n".join(declarations))
        body = (
            f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>t</title><item>'
            "<title>a &ext; b &web; c &leak;</title><description>&ext;</description>"
            "<link>https://ministry.example/a</link></item></channel></rss>"
        )
        try:
            items = read_feed(body.encode(), base_url=BASE)
        except FeedError:
            items = []
        text = " ".join(f"{item.title} {item.summary}" for item in items)
        assert "TOP-SECRET-FILE" not in text
        assert "FETCHED-OVER-HTTP" not in text
    assert _CountingHandler.requests == []


def test_every_file_of_feedparsers_corpus_reads_or_is_refused_clearly() -> None:
    require_shared(CORPUS)
    files = [p for p in sorted(CORPUS.rglob("*")) if p.is_file() and p.name not in ("README.md", "LICENSE")]
    assert len(files) > 2000
    read = 0
    for path in files:
        try:
            read_feed(path.read_bytes(), base_url="http://127.0.0.1:8097/tests/" + path.name)
        except FeedError:
            continue
        read += 1
    assert read > 2000
