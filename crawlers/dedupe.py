"""Unchanged articles: already indexed as they are now.

Ids come from canonical URLs, so indexing is an upsert either way; this check only saves the NLP work
for pages that have not changed since they were indexed. (Duplicates within a run: `crawlers.indexer`.)
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
