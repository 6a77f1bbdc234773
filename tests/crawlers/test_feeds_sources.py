from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawlers.feeds import FeedError, parse_feed
from crawlers.sources import SourceError, load_sources
from tests.conftest import FIXTURES


def test_rss_entries_are_absolute_and_newest_first() -> None:
    entries = parse_feed(
        (FIXTURES / "feeds" / "rss2.xml").read_bytes(), base_url="https://ministry.example/feed"
    )
    assert [e.url for e in entries] == [
        "https://ministry.example/news/newer",
        "https://ministry.example/news/older",
    ]
    assert entries[0].published == datetime(2026, 3, 3, 9, tzinfo=UTC)


def test_atom_takes_the_alternate_link_and_resolves_relative_ones() -> None:
    entries = parse_feed(
        (FIXTURES / "feeds" / "atom-relative.xml").read_bytes(), base_url="https://site.example/feed"
    )
    assert [e.url for e in entries] == ["https://other.example/b", "https://site.example/news/a"]
    assert entries[1].summary == "Summary A"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html><body>not a feed</body></html>", "not an RSS, Atom or JSON feed"),
        (b"", "not XML"),
        (b"\xff\xfe\x00", "not XML"),
    ],
)
def test_non_feeds_are_refused_clearly(body: bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        parse_feed(body, base_url="http://x.test/")


def test_sources_file(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[source]]\nname = "home-office"\nurl = "https://gov.example/feed.atom"\nkind = "press_release"\n'
    )
    [source] = load_sources(path)
    assert (source.name, source.type, source.kind) == ("home-office", "feed", "press_release")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no \\[\\[source\\]\\] entries"),
        ("[[source]\n", "not valid TOML"),
        ('[[source]]\nname = "a"\nurl = "not a url"\n', "source #1 \\(url\\)"),
        (
            '[[source]]\nname = "a"\nurl = "http://x.test/f"\ntype = "carrier-pigeon"\n',
            "source #1 \\(type\\)",
        ),
        (
            '[[source]]\nname = "a"\nurl = "http://x.test/f"\n[[source]]\nname = "a"\nurl = "http://x.test/g"\n',
            "repeated: a",
        ),
    ],
)
def test_bad_sources_files_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(text)
    with pytest.raises(SourceError, match=message):
        load_sources(path)


def test_missing_sources_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such sources file"):
        load_sources(tmp_path / "nope.toml")
