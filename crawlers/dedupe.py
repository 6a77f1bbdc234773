"""Duplicate and unchanged articles: the same article linked twice in a run, or already indexed as is.

Ids come from canonical URLs, so indexing is an upsert either way; this stage only saves the NLP work
for pages that have not changed since they were indexed.
"""

from __future__ import annotations

from presswatch.document import Document


def same_content(old: Document | None, new: Document) -> bool:
    """Whether `new` would index exactly what `old` holds before NLP runs (same text, title and date)."""
    return (
        old is not None
        and old.body == new.body
        and old.title == new.title
        and old.published == new.published
        and old.kind == new.kind
        and old.source == new.source
    )


class SeenInRun:
    """Ids seen so far in this crawl."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def first_time(self, doc_id: str) -> bool:
        if doc_id in self._seen:
            return False
        self._seen.add(doc_id)
        return True
