"""What spiders hand to the item pipelines."""

from __future__ import annotations

from dataclasses import dataclass

from crawlers.seen import Fetched
from presswatch.document import Document


@dataclass
class ArticleItem:
    """A crawled article, before NLP; pipelines replace `document` with richer versions. `fetched` is what
    the seen-URL store records once the article is indexed (None when the crawl keeps no state)."""

    document: Document
    fetched: Fetched | None = None
