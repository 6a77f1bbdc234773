"""Cluster mode's counts per source of what the index and crawl tasks did (indexed, retried, quarantined,
...), in PostgreSQL: the workers add to them, `GET /metrics` of any API process reads them."""

from __future__ import annotations

from collections.abc import Mapping

from presswatch.database import apply_schema, pool_for

STORE = "cluster_task_counts"
MIGRATIONS = (
    """
    CREATE TABLE cluster_task_counts (
        source TEXT NOT NULL,
        outcome TEXT NOT NULL,
        count BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (source, outcome)
    );
    """,
    """
    CREATE TABLE cluster_redeliveries (
        task_id TEXT PRIMARY KEY,
        deliveries INTEGER NOT NULL,
        first_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    """,
)


def add_counts(database_url: str, counts: Mapping[tuple[str, str], int]) -> None:
    """Add `counts` ((source, outcome) → n) in one transaction."""
    if not any(counts.values()):
        return
    pool = pool_for(database_url)
    apply_schema(pool, store=STORE, migrations=MIGRATIONS)
    with pool.connection() as conn, conn.transaction():
        for (source, outcome), count in sorted(counts.items()):  # one order: no deadlock between workers
            if count:
                conn.execute(
                    "INSERT INTO cluster_task_counts (source, outcome, count) VALUES (%s, %s, %s)"
                    " ON CONFLICT (source, outcome) DO UPDATE"
                    " SET count = cluster_task_counts.count + EXCLUDED.count",
                    (source, outcome, count),
                )


def count_redelivery(database_url: str, task_id: str) -> int:
    """Count one more redelivery of task `task_id` (its worker died while on it); the total so far. The
    broker's redelivered flag says only "at least once before", so the count is kept here, across workers."""
    pool = pool_for(database_url)
    apply_schema(pool, store=STORE, migrations=MIGRATIONS)
    with pool.connection() as conn, conn.transaction():
        row = conn.execute(
            "INSERT INTO cluster_redeliveries (task_id, deliveries) VALUES (%s, 1)"
            " ON CONFLICT (task_id) DO UPDATE SET deliveries = cluster_redeliveries.deliveries + 1"
            " RETURNING deliveries",
            (task_id,),
        ).fetchone()
    return int(row[0]) if row else 1


def read_counts(database_url: str) -> dict[tuple[str, str], int]:
    pool = pool_for(database_url)
    apply_schema(pool, store=STORE, migrations=MIGRATIONS)
    with pool.connection() as conn:
        rows = conn.execute("SELECT source, outcome, count FROM cluster_task_counts").fetchall()
    return {(str(source), str(outcome)): int(count) for source, outcome, count in rows}
