"""POST /ingest: keys, the crawler's network rules on the URL it fetches (after DNS, on every redirect),
and the extracted, indexed document it answers with."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from crawlers.ingest import PageIngester
from crawlers.trust import IPAddress, LinkPolicy, Refusal
from nlp.pipeline import Extractor
from presswatch.config import Settings
from presswatch.demo.server import NewsroomServer
from tests.api.ingest_settings import WRITER_KEY as KEY


@pytest.fixture
def keyed(settings: Settings) -> Settings:
    return settings.model_copy(update={"api_keys": [SecretStr("writer")], "rate_limit_per_minute": 0})


def fake_dns(table: dict[str, list[str]]) -> Any:
    """Stands in for the internet's DNS: names the test controls."""

    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError(f"unknown host {host}")
        return table[host]

    return resolve


@dataclass(frozen=True, kw_only=True)
class LoopbackIsThePublicInternet(LinkPolicy):
    """Treats 127.0.0.1 as a public site (the test server stands in for one); every other rule as is."""

    def check_address(self, address: str | IPAddress) -> Refusal | None:
        return None if str(address) == "127.0.0.1" else super().check_address(address)


class Redirector(ThreadingHTTPServer):
    """A real HTTP server on loopback answering each path with a redirect to `targets[path]`."""

    def __init__(self, targets: dict[str, str]) -> None:
        self.requested: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/robots.txt":  # none: read before each fetch, and allows everything
                    self.send_response(404)
                    self.end_headers()
                    return
                outer.requested.append(self.path)
                self.send_response(302)
                self.send_header("Location", targets.get(self.path, "/"))
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def redirector() -> Iterator[Redirector]:
    server = Redirector(
        {
            "/to-intranet": "http://intranet.test/admin",
            "/to-metadata": "http://169.254.169.254/latest/meta-data/",
            "/to-loopback": "http://127.0.0.2/",
            "/to-file": "file:///etc/passwd",
        }
    )
    yield server
    server.shutdown()
    server.server_close()


def test_writes_need_a_key_and_are_off_without_keys(settings: Settings) -> None:
    with TestClient(create_app(settings, ingester=PageIngester(settings))) as client:
        off = client.post("/ingest", json={"url": "https://gov.example/a", "text": "Hello"})
        assert off.status_code == 403 and "PRESSWATCH_API_KEYS" in off.json()["detail"]
    locked = settings.model_copy(update={"api_keys": [SecretStr("writer")]})
    with TestClient(create_app(locked, ingester=PageIngester(locked))) as client:
        assert client.post("/ingest", json={"url": "https://gov.example/a", "text": "Hi"}).status_code == 401
        wrong = client.post("/ingest", json={"url": "https://gov.example/a"}, headers={"X-API-Key": "nope"})
        assert wrong.status_code == 401


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:9/page", "loopback address 127.0.0.1"),
        ("http://[::1]:9/page", "loopback address ::1"),
        ("http://10.0.0.7/page", "private address 10.0.0.7"),
        ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
        ("http://[2002:7f00:1::]/page", "loopback address 127.0.0.1"),  # 6to4 of 127.0.0.1
        ("http://[2002:a00:7::]/page", "private address 10.0.0.7"),
        ("http://[fec0::1]/page", "site-local address fec0::1"),
        ("http://localhost.test/page", "resolves to a loopback address 127.0.0.1"),
        ("http://intranet.test/page", "resolves to a private address 192.168.1.20"),
        ("file:///etc/passwd", "scheme 'file' is not http(s)"),
        ("gopher://gov.example/", "scheme 'gopher' is not http(s)"),
    ],
)
def test_urls_on_private_networks_are_refused(keyed: Settings, url: str, reason: str) -> None:
    dns = fake_dns({"localhost.test": ["127.0.0.1"], "intranet.test": ["192.168.1.20"]})
    with TestClient(create_app(keyed, ingester=PageIngester(keyed, resolve=dns))) as client:
        response = client.post("/ingest", json={"url": url}, headers=KEY)
    assert response.status_code == 400, response.text
    assert reason in response.json()["detail"]
    assert "PRESSWATCH_CRAWL_ALLOW_PRIVATE_NETWORKS" in response.json()["detail"] or "scheme" in reason


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/to-intranet", "intranet.test resolves to a private address 10.9.8.7"),
        ("/to-metadata", "link-local address 169.254.169.254"),
        ("/to-loopback", "loopback address 127.0.0.2"),
        ("/to-file", "scheme 'file' is not http(s)"),
    ],
)
def test_every_redirect_is_checked(keyed: Settings, redirector: Redirector, path: str, reason: str) -> None:
    ingester = PageIngester(keyed, resolve=fake_dns({"intranet.test": ["10.9.8.7"]}))
    ingester.policy = LoopbackIsThePublicInternet()
    with TestClient(create_app(keyed, ingester=ingester)) as client:
        response = client.post("/ingest", json={"url": redirector.base + path}, headers=KEY)
    assert redirector.requested == [path], "the redirect's target was never requested"
    assert response.status_code == 400, response.text
    assert reason in response.json()["detail"]


def test_text_and_html_are_extracted_indexed_and_idempotent(keyed: Settings, extractor: Extractor) -> None:
    text = (
        "UK and Norway sign frigate deal\n"
        "The United Kingdom and Norway signed an agreement on Tuesday to build eight frigates worth £10bn."
    )
    with TestClient(create_app(keyed, ingester=PageIngester(keyed, extractor=extractor))) as client:
        body = {
            "url": "https://gov.example/news/frigates?utm_source=x",
            "text": text,
            "kind": "press_release",
        }
        first = client.post("/ingest", json=body, headers=KEY)
        assert first.status_code == 200, first.text
        document = first.json()["document"]
        assert first.json()["outcome"] == "indexed_new"
        assert document["url"] == "https://gov.example/news/frigates"
        assert document["title"] == "UK and Norway sign frigate deal"
        assert "10,000,000,000 GBP" in [f["normalized"] for f in document["figures"]]
        assert "Norway" in {m["normalized"] for m in document["entities"]}
        again = client.post("/ingest", json=body, headers=KEY)
        assert again.json()["outcome"] == "unchanged" and again.json()["document"]["id"] == document["id"]
        assert client.get(f"/documents/{document['id']}", headers=KEY).status_code == 200
        assert client.get("/search", params={"q": "frigates"}, headers=KEY).json()["total"] == 1
        server = NewsroomServer()
        article = server.articles[0]
        html = server.reply(article.path).body.decode()
        made = client.post(
            "/ingest", json={"url": server.base_url + article.path, "html": html}, headers=KEY
        ).json()
        server.close()
        assert made["outcome"] == "indexed_new" and made["document"]["title"] == article.title
        empty = client.post(
            "/ingest", json={"url": "https://gov.example/x", "html": "<html></html>"}, headers=KEY
        )
        assert empty.status_code == 422
        both = client.post(
            "/ingest", json={"url": "https://gov.example/x", "html": "a", "text": "b"}, headers=KEY
        )
        assert both.status_code == 422
        metrics = client.get("/metrics").text  # open: Prometheus scrapes it without a key
        assert 'presswatch_ingested_total{outcome="indexed_new"} ' in metrics


def test_a_url_is_fetched_when_private_networks_are_allowed(settings: Settings, extractor: Extractor) -> None:
    allowed = settings.model_copy(
        update={"api_keys": [SecretStr("writer")], "crawl_allow_private_networks": True}
    )
    server = NewsroomServer().start()
    try:
        article = server.articles[1]
        with TestClient(create_app(allowed, ingester=PageIngester(allowed, extractor=extractor))) as client:
            response = client.post("/ingest", json={"url": server.base_url + article.path}, headers=KEY)
            missing = client.post("/ingest", json={"url": server.base_url + "/no-such-page"}, headers=KEY)
    finally:
        server.close()
    assert response.status_code == 200, response.text
    assert response.json()["document"]["title"] == article.title
    assert missing.status_code == 502 and "404" in missing.json()["detail"]


def test_serving_with_an_ingester_does_not_import_spacy_until_something_is_ingested() -> None:
    code = (
        "import sys\n"
        "from presswatch.config import Settings\n"
        "from api.app import create_app\n"
        "from crawlers.ingest import PageIngester\n"
        "settings = Settings()\n"
        "create_app(settings, ingester=PageIngester(settings))\n"
        "print(sorted(m for m in ('spacy', 'nlp.pipeline', 'scrapy', 'twisted') if m in sys.modules))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert run.stdout.strip() == "[]"


def test_a_bare_dollar_or_rupee_is_the_publishing_government_s_own_currency(
    keyed: Settings, extractor: Extractor
) -> None:
    """A province's release (news.ontario.ca) and Mauritius's (govmu.org): '$' is CAD and 'Rs' MUR, in the
    document POST /ingest answers with, in GET /documents/{id} and in the currency filter of GET /search."""
    releases = {
        "https://news.ontario.ca/en/release/1001/new-schools": (
            "Ontario is investing $40 million to build 12 new schools in the north.",
            "CAD",
        ),
        "https://www.govmu.org/EN/news/budget-ports": (
            "Government has earmarked Rs 500 million for the upgrade of Port Louis harbour.",
            "MUR",
        ),
    }
    with TestClient(create_app(keyed, ingester=PageIngester(keyed, extractor=extractor))) as client:
        for url, (text, currency) in releases.items():
            made = client.post("/ingest", json={"url": url, "text": text}, headers=KEY)
            assert made.status_code == 200, made.text
            doc_id = made.json()["document"]["id"]
            stored = client.get(f"/documents/{doc_id}", headers=KEY).json()
            assert [(f["kind"], f["currency"]) for f in stored["figures"] if f["kind"] == "money"] == [
                ("money", currency)
            ]
            hits = client.get("/search", params={"currency": currency}, headers=KEY).json()["hits"]
            assert [h["id"] for h in hits] == [doc_id]
        assert client.get("/search", params={"currency": "USD"}, headers=KEY).json()["total"] == 0


def test_a_body_filters_and_is_watched_by_the_acronym_a_release_writes(
    keyed: Settings, extractor: Extractor
) -> None:
    """The extractor files 'JICA' under its full name; `party=JICA`, `entity=JICA`, the page and a watch for
    the party's new agreements read it so, and a name that no mention stores is kept as given."""
    text = (
        "The Japan International Cooperation Agency (JICA) signed a grant agreement with the Government of "
        "Malawi on Monday. JICA will fund a new water system in Lilongwe."
    )
    page_html = (
        '<html><head><title>JICA and Malawi sign grant</title><meta property="article:published_time" '
        f'content="2026-11-30T09:00:00Z"></head><body><article><h1>JICA and Malawi sign grant</h1><p>{text}</p>'
        "</article></body></html>"
    )
    full = "Japan International Cooperation Agency"
    with TestClient(create_app(keyed, ingester=PageIngester(keyed, extractor=extractor))) as client:
        made = client.post(
            "/ingest",
            json={"url": "https://www.jica.go.jp/english/news/malawi", "html": page_html},
            headers=KEY,
        )
        document = made.json()["document"]
        assert [a["parties"] for a in document["agreements"]] == [[full, "Malawi"]]
        for params in ({"party": "JICA"}, {"entity": "JICA"}, {"party": full}, {"party": "jica"}):
            assert client.get("/search", params=params, headers=KEY).json()["total"] == 1, params
        listed = client.get("/agreements", params={"party": "JICA"}, headers=KEY).json()["items"]
        assert [i["agreement"]["parties"] for i in listed] == [[full, "Malawi"]]
        page = client.get("/", params={"party": "JICA"}, headers=KEY).text
        assert f"/ui/documents/{document['id']}" in page
        listed_page = client.get("/ui/agreements", params={"party": "JICA"}, headers=KEY).text
        assert f"/ui/documents/{document['id']}" in listed_page
        # the page's export buttons and chart read it as the page does
        exported = client.get("/ui/export", params={"party": "JICA", "format": "csv"}, headers=KEY).text
        assert document["id"] in exported
        counted = client.get("/ui/attention.csv", params={"entity": "JICA"}, headers=KEY).text
        assert "2026-11-30,2026-11-30,all matches,1," in counted, counted
        watch = client.post(
            "/alerts",
            json={"kind": "agreement", "party": "JICA"},
            headers=KEY,
        )
        assert watch.is_success, watch.text
        assert watch.json()["spec"]["party"] == full
        assert client.get("/entities/JICA", headers=KEY).json()["name"] == full
        assert client.get("/search", params={"party": "Lilongwe Water"}, headers=KEY).json()["total"] == 0
