"""GOV.UK Content API items and search responses, built at test time from the real items in
`../shared/eval/govuk-content`: what we read must be what the item says."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from crawlers.govuk import (
    GovukError,
    content_api_url,
    html_to_text,
    parse_content_item,
    parse_search,
    search_url,
)
from tests.conftest import SHARED_EVAL, require_shared

ITEMS = SHARED_EVAL / "govuk-content"


def real_items() -> list[Path]:
    require_shared(ITEMS)
    return sorted(ITEMS.rglob("*.json"))


def paragraphs_of(html: str) -> list[str]:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return [" ".join(p.text_content().split()) for p in root.iter("p") if p.text_content().strip()]


def titles(item: dict[str, Any], key: str) -> list[str]:
    return [linked["title"] for linked in item.get("links", {}).get(key, [])]


def test_every_real_item_reads_as_it_says() -> None:
    paths = real_items()
    assert len(paths) >= 20
    for path in paths:
        raw = json.loads(path.read_text(encoding="utf-8"))
        item = parse_content_item(path.read_bytes())
        assert item.url == "https://www.gov.uk" + raw["base_path"], path.name
        assert item.title == " ".join(raw["title"].split()), path.name
        assert item.document_type == raw["document_type"]
        assert item.published == datetime.fromisoformat(raw["first_published_at"]), path.name
        assert item.modified == datetime.fromisoformat(raw["public_updated_at"]), path.name
        assert list(item.organisations) == titles(raw, "organisations"), path.name
        assert set(titles(raw, "people")) | set(titles(raw, "speaker")) <= set(item.people), path.name
        for paragraph in paragraphs_of(raw["details"]["body"]):
            assert paragraph in item.body, (path.name, paragraph)
        assert "<" not in item.body.replace("<blink>", "")  # text, not markup
        assert item.withdrawn == bool(raw.get("withdrawn_notice")), path.name
        document = item.to_document(source="govuk")
        assert (document.title, document.withdrawn, document.published, document.organisations) == (
            item.title,
            item.withdrawn,
            item.published,
            item.organisations,
        )


def test_kinds_withdrawn_items_and_speakers() -> None:
    paths = {p.stem: p for p in real_items()}
    press = parse_content_item(paths["news_article_press_release"].read_bytes())
    assert press.kind == "press_release"
    withdrawn = parse_content_item(paths["news_article_withdrawn"].read_bytes())
    assert withdrawn.withdrawn and withdrawn.withdrawn_explanation
    speech = parse_content_item(paths["speech"].read_bytes())
    assert speech.kind == "speech" and speech.people
    statement = parse_content_item(paths["speech-written-statement-parliament"].read_bytes())
    assert statement.kind == "statement"
    without_profile = json.loads(paths["speech-speaker-without-profile"].read_text(encoding="utf-8"))
    speaker = without_profile["details"]["speaker_without_profile"]
    assert speaker and speaker in parse_content_item(without_profile).people


def test_a_search_response_built_from_the_real_items() -> None:
    raws = [json.loads(p.read_text(encoding="utf-8")) for p in real_items()]
    raws.sort(key=lambda raw: raw["public_updated_at"], reverse=True)
    response = {
        "results": [
            {
                "link": raw["base_path"],
                "title": raw["title"],
                "public_timestamp": raw["public_updated_at"],
                "content_store_document_type": raw["document_type"],
            }
            for raw in raws
        ]
        + [{"link": "https://evil.example/x", "title": "off-site"}],
        "total": len(raws),
        "start": 0,
    }
    hits = parse_search(json.dumps(response))
    assert [hit.url for hit in hits] == ["https://www.gov.uk" + raw["base_path"] for raw in raws]
    assert hits[0].content_api_url == "https://www.gov.uk/api/content" + raws[0]["base_path"]
    assert hits[0].published == datetime.fromisoformat(raws[0]["public_updated_at"])


def test_search_url_and_content_api_url() -> None:
    url = search_url(organisations=["home-office"], document_types=["press_release"], count=20)
    assert url.startswith("https://www.gov.uk/api/search.json?order=-public_timestamp&count=20&start=0")
    assert (
        "filter_organisations=home-office" in url
        and "filter_content_store_document_type=press_release" in url
    )
    assert (
        content_api_url("https://www.gov.uk/government/news/a?x=1")
        == "https://www.gov.uk/api/content/government/news/a"
    )


def test_html_to_text_keeps_paragraphs() -> None:
    html = (
        "<h2>Background</h2><p>First  line<br>second</p><ul><li>one</li><li>two</li></ul><script>x()</script>"
    )
    assert html_to_text(html) == "Background\n\nFirst line second\n\none\n\ntwo"


@pytest.mark.parametrize(
    ("body", "message"), [(b"[]", "not a Content API item"), (b"{", "not JSON"), (b"{}", "missing")]
)
def test_bad_items_are_refused_clearly(body: bytes, message: str) -> None:
    with pytest.raises(GovukError, match=message):
        parse_content_item(body)


DEEP_JSON = b'{"a":' * 100_000 + b"1" + b"}" * 100_000


def test_json_nested_too_deep_is_refused_clearly() -> None:
    with pytest.raises(GovukError, match="nested too deep"):
        parse_content_item(DEEP_JSON)
    with pytest.raises(GovukError, match="nested too deep"):
        parse_search(DEEP_JSON)


@pytest.mark.parametrize("base_path", ["//evil.example/news/a", "https://evil.example/news/a", "news/a"])
def test_an_item_cannot_claim_an_address_off_the_site(base_path: str) -> None:
    item = {"base_path": base_path, "title": "t", "document_type": "press_release"}
    with pytest.raises(GovukError, match="is not a path on it"):
        parse_content_item(json.dumps(item))
    search = {"results": [{"link": base_path}, {"link": "/news/b"}]}
    assert [hit.url for hit in parse_search(json.dumps(search))] == ["https://www.gov.uk/news/b"]


def test_odd_shapes_in_an_item_are_ignored_not_crashed_on() -> None:
    item = {
        "base_path": "/news/a",
        "title": "t",
        "document_type": "speech",
        "details": {"body": [1, "x", {"content_type": "text/html", "content": "<p>Body</p>"}]},
        "links": {"people": 5, "organisations": "Home Office", "speaker": [None, {"title": "A Minister"}]},
    }
    parsed = parse_content_item(json.dumps(item))
    assert (parsed.body, parsed.people, parsed.organisations) == ("Body", ("A Minister",), ())
