"""One demo index for the API view tests: the demo newsroom's articles, extracted and indexed once per
session exactly as the crawler does (reads only: tests that write use their own index)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.extract import extract_page
from nlp.pipeline import Extractor
from presswatch.config import Settings
from presswatch.demo.server import NewsroomServer
from search.sqlite import SQLiteBackend


def index_demo_newsroom(settings: Settings, extractor: Extractor) -> None:
    server = NewsroomServer()  # not started: its pages are rendered directly
    documents = []
    for article in server.articles:
        page = extract_page(server.reply(article.path).body, url=server.base_url + article.path)
        documents.append(page.to_document(source="demo-newsroom", default_kind="news"))
    backend = SQLiteBackend(path=settings.sqlite_path)
    backend.index(extractor.enrich_many(documents))
    backend.close()
    server.close()


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Settings:
    root: Path = tmp_path_factory.mktemp("demo-index")
    settings = Settings(data_dir=root / "data", sources_file=root / "sources.toml", rate_limit_per_minute=0)
    index_demo_newsroom(settings, extractor)
    return settings
