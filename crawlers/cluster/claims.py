"""Which source fetches a URL that several sources list: the first to claim it, in PostgreSQL.

Crawl work is split by source, and two sources often list the same article. Each listing is recorded
(document id, source); the first source to claim a document fetches it, every later one only adds itself
to the document's sources (the index task reads them here under the document's lock), so the site sees
one request per article however many sources list it. Keys are document ids (hashes of canonical URLs),
so two spellings of one URL are one claim.
"""

from __future__ import annotations

from collections.abc import Sequence

from presswatch.database import apply_schema, pool_for
from presswatch.document import InvalidURLError, document_id

STORE = "cluster_claims"
MIGRATIONS = (
    """
    CREATE TABLE cluster_claims (
        doc_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        claimed_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE cluster_listed (
        doc_id TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (doc_id, source)
    );
    """,
)


def claim_key(url: str) -> str:
    """The document id of `url`, or the URL itself when it cannot name a page (never fetched anyway)."""
    try:
        return document_id(url)
    except InvalidURLError:
        return url


class Claims:
    """The claims of one process, on its connection pool."""

    def __init__(self, database_url: str) -> None:
        self._pool = pool_for(database_url)
        apply_schema(self._pool, store=STORE, migrations=MIGRATIONS)

    def claim(self, *, url: str, source: str) -> bool:
        """Record that `source` lists `url`; True when `source` is the one that fetches it (it claimed it
        first, now or in an earlier crawl)."""
        key = claim_key(url)
        with self._pool.connection() as conn, conn.transaction():
            conn.execute(
                "INSERT INTO cluster_listed (doc_id, source) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (key, source),
            )
            conn.execute(
                "INSERT INTO cluster_claims (doc_id, source) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (key, source),
            )
            row = conn.execute("SELECT source FROM cluster_claims WHERE doc_id = %s", (key,)).fetchone()
        return row is not None and row[0] == source

    def sources_of(self, doc_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """Every source that listed each document, in the order they did (by source name within a tie)."""
        if not doc_ids:
            return {}
        with self._pool.connection() as conn:
            rows = conn.execute(
                "SELECT doc_id, source FROM cluster_listed WHERE doc_id = ANY(%s) ORDER BY doc_id, source",
                (list(doc_ids),),
            ).fetchall()
        found: dict[str, tuple[str, ...]] = {}
        for doc_id, source in rows:
            found[doc_id] = (*found.get(doc_id, ()), source)
        return found
