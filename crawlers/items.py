"""What spiders hand to the item pipelines."""

from __future__ import annotations

from dataclasses import dataclass

from presswatch.document import Document


@dataclass
class ArticleItem:
    """A crawled article, before NLP; pipelines replace `document` with richer versions."""

    document: Document
