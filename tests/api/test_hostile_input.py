"""The API and the page against hostile input: markup in a document's title, body, entities and URL is
shown as text (never run, never a javascript: link); a flood of filter values is a 422 or a 400 saying so,
not a 503 blaming the index; a name with a slash is still a page; a refused value tens of kilobytes long is not
repeated whole, by the API's 422 nor by the page."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.filters import MAX_VALUES
from api.routes.web import marked
from presswatch.config import Settings
from presswatch.document import Agreement, Document, Mention
from search.sqlite import SQLiteBackend

EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>"
RAW = ("<script>alert", "<img src=x", 'href="javascript:')


def _mention(name: str, label: str) -> Mention:
    return Mention(text=name, label=label, normalized=name, start=0, end=1)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Document]:
    root = tmp_path_factory.mktemp("hostile")
    settings = Settings(data_dir=root, rate_limit_per_minute=0)
    document = Document.from_page(
        url="javascript:alert(document.cookie)//x",
        title=f"Kosovo {EVIL}",
        body=f"Kosovo and Serbia {EVIL} agree on the Kosovo crossing.",
        source="ministry",
        kind="news",
        published=datetime(2026, 1, 1, tzinfo=UTC),
        entities=(_mention("AC/DC", "ORG"), _mention(EVIL, "PERSON")),
        agreements=(Agreement(text=EVIL, parties=("AC/DC", EVIL), status="signed", start=0, end=1),),
    )
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index([document])
    backend.close()
    return settings, document


@pytest.fixture(scope="module")
def client(hostile: tuple[Settings, Document]) -> Iterator[TestClient]:
    with TestClient(create_app(hostile[0]), raise_server_exceptions=False) as client:
        yield client


def test_markup_in_documents_is_shown_as_text_on_every_page(
    client: TestClient, hostile: tuple[Settings, Document]
) -> None:
    document = hostile[1]
    pages = {
        "search": client.get("/", params={"q": "Kosovo"}),
        "document": client.get(f"/ui/documents/{document.id}"),
        "entity": client.get("/ui/entities/AC/DC"),
        "agreements": client.get("/ui/agreements"),
        "alert me": client.get("/ui/alerts", params={"q": EVIL}),
    }
    assert {name: page.status_code for name, page in pages.items()} == dict.fromkeys(pages, 200)
    for name, page in pages.items():
        assert [raw for raw in RAW if raw in page.text] == [], name
    for name, page in pages.items():
        policy = page.headers["content-security-policy"]
        assert "script-src 'none'" in policy and "frame-ancestors 'none'" in policy, name
    assert "<mark>Kosovo</mark>" in pages["search"].text and "&lt;script&gt;" in pages["search"].text
    assert "Source: javascript:alert(document.cookie)//x" in pages["document"].text  # shown, not linked


def test_a_snippet_can_hold_nothing_but_text_and_marks() -> None:
    assert marked("<mark>Kosovo</mark> &lt;b&gt;") == "<mark>Kosovo</mark> &lt;b&gt;"
    assert marked('<img src=x onerror="alert(1)"> <mark>a</mark>') == (
        "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; <mark>a</mark>"
    )


def test_an_entity_with_a_slash_has_its_page_and_its_json(client: TestClient) -> None:
    assert client.get("/entities/AC%2FDC").json()["name"] == "AC/DC"
    assert client.get("/ui/entities/AC%2FDC").status_code == 200


@pytest.mark.parametrize("path", ["/search", "/entities", "/figures", "/agreements"])
def test_a_flood_of_filter_values_is_refused_as_such(client: TestClient, path: str) -> None:
    assert client.get(path, params={"entity": ["Kosovo"] * MAX_VALUES}).status_code == 200
    for params in (
        {"entity": ["x"] * (MAX_VALUES + 1)},
        {"country": ["RS"] * 2000},
        {"source": ["s" * 301]},
    ):
        answer = client.get(path, params=params)
        assert answer.status_code == 422, (params, answer.text[:300])
    if path in ("/search", "/agreements"):
        assert client.get(path, params={"party": ["x"] * 2000}).status_code == 422


@pytest.mark.parametrize("path", ["/", "/ui/agreements"])
def test_a_flood_of_filter_values_on_a_page_says_why(client: TestClient, path: str) -> None:
    page = client.get(path, params={"entity": ["x"] * 2000})
    assert page.status_code == 400 and f"at most {MAX_VALUES} entity filters" in page.text


def test_a_link_cannot_fill_in_where_alerts_are_delivered(client: TestClient) -> None:
    link = {
        "q": "Kosovo",
        "name": "Mine",
        "webhook_url": "https://evil.example/hook",
        "email": "spy@evil.example",
    }
    form = client.get("/ui/alerts", params=link)
    assert form.status_code == 200 and 'value="Mine"' in form.text and "words: Kosovo" in form.text
    assert "evil.example" not in form.text


LONG = "x" * 60_000  # a 100,000-character one as well, but the test client's URLs stop at 65,536


@pytest.mark.parametrize("path", ["/search", "/entities", "/figures", "/agreements"])
def test_a_refused_long_query_is_not_repeated_whole_by_the_api(client: TestClient, path: str) -> None:
    """The 422 repeated the whole 60,000 characters in its `input`."""
    refused = client.get(path, params={"q": LONG})
    assert refused.status_code == 422
    assert len(refused.content) < 2_000
    [error] = refused.json()["detail"]
    assert error["msg"] == "String should have at most 1000 characters"
    assert error["input"] == "x" * 200 + "… (the first 200 of 60,000 characters)"


def test_a_refused_long_body_value_is_not_repeated_whole_by_the_api(client: TestClient) -> None:
    refused = client.post("/alerts", json={"name": LONG, "query": {"text": "Kosovo"}})
    assert refused.status_code == 422
    assert len(refused.content) < 2_000 and "x" * 201 not in refused.text


def test_a_refused_body_that_is_not_json_is_not_repeated_whole_by_the_api(client: TestClient) -> None:
    """A body sent as text/plain reached the 422 as bytes, which it repeated whole (a 500 KB `POST /ingest`
    came back as a 500 KB answer)."""
    refused = client.post("/alerts", content=LONG, headers={"Content-Type": "text/plain"})
    assert refused.status_code == 422
    assert len(refused.content) < 2_000 and "x" * 201 not in refused.text
    [error] = refused.json()["detail"]
    assert error["input"] == "x" * 200 + "… (the first 200 of 60,000 characters)"


@pytest.mark.parametrize("path", ["/", "/ui/agreements"])
@pytest.mark.parametrize("key", ["q", "party", "from", "unknown"])
def test_a_refused_long_query_is_not_repeated_whole_by_the_page(
    client: TestClient, path: str, key: str
) -> None:
    """The search page's 400 repeated it in its title, its search box and every link that keeps the search:
    140 KB for 60,000 characters."""
    plain = client.get(path)
    page = client.get(path, params={key: LONG})
    assert page.status_code in (200, 400)
    assert "x" * 1_001 not in page.text
    assert len(page.content) < len(plain.content) + 6 * 1_000


def test_the_page_says_how_much_of_a_long_search_it_shows(client: TestClient) -> None:
    page = client.get("/", params={"q": LONG})
    assert page.status_code == 400
    assert (
        "the search is 60,000 characters long, and one takes at most 1,000: its first 1,000 are shown"
        in page.text
    )
    assert f'value="{"x" * 1_000}"' in page.text  # to shorten and send again


def test_a_long_search_sent_with_spaces_around_it_is_kept_whole_in_the_pages_links(
    client: TestClient,
) -> None:
    """The page searches for the text without its spaces (998 characters: within the 1,000), but its links
    (export, next page) repeated the value as sent, cut to 1,000 characters: another search, its end lost."""
    text = "kosovo" + "x" * 992
    page = client.get("/", params={"q": f"   {text}"})
    assert page.status_code == 200
    links = [html.unescape(href) for href in re.findall(r'href="(/(?:ui/export)?\?[^"]*)"', page.text)]
    searched = [parse_qs(urlsplit(link).query)["q"][0] for link in links if "q=" in link]
    assert searched and all(q.strip() == text for q in searched), [len(q) for q in searched]


@pytest.mark.parametrize("field", ["email", "webhook_url", "apprise_urls"])
def test_a_refused_long_delivery_value_is_not_repeated_whole_by_the_alerts_page(
    client: TestClient, field: str
) -> None:
    """The alerts form's 400 repeated a refused e-mail address, webhook URL or chat targets whole in its fields:
    a 64 KB page for a 60,000-character address. Each is repeated up to the longest its field takes."""
    sent = {"name": "Kosovo", "q": "Kosovo", field: LONG}
    page = client.post(
        "/ui/alerts", data=sent, headers={"Origin": "http://testserver", "Accept": "text/html"}
    )
    assert page.status_code == 400
    assert "x" * 2_001 not in page.text
    assert len(page.content) < 12_000
