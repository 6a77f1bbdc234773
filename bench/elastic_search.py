"""Where Elasticsearch's search time goes, and what the backend's choices cost: the query mix of
`bench/search_backends.py` over `--docs` generated documents, nothing else indexing.

Each query of the mix runs as the backend sends it now (`ours`: matches counted up to 10,000, as SQLite
counts them) and as it was sent before (`exact`: every match counted, `track_total_hits: true`), interleaved
(A B A B ... per query, `--rounds` times); its latency is the server's `took` and the client's wall time.
Then the profile API on the slowest queries splits the time into query, collectors and each aggregation.
The index is force-merged to one segment first, so runs do not differ by merges in the background.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import Generator
from bench.search_backends import batches, kind_of, percentile, query_mix
from search.base import Query
from search.elastic import ElasticsearchBackend


def request_body(backend: ElasticsearchBackend, query: Query, variant: str) -> dict[str, Any]:
    body = backend.search_body(query)
    if variant == "exact":
        body["track_total_hits"] = True
    return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--elasticsearch-url", default=os.environ.get("PRESSWATCH_ELASTICSEARCH_URL"))
    args = parser.parse_args()
    server = None
    url = args.elasticsearch_url
    if not url:
        from tests import elastic_server
        from tests.elastic_server import ElasticServer

        elastic_server.START_TIMEOUT = 900.0
        server = ElasticServer()
        server.start()  # fails loudly when it cannot: the bench cannot run without a server
        url = server.url
    alias = f"bench-es-{os.getpid()}"
    with tempfile.TemporaryDirectory() as folder:
        backend = ElasticsearchBackend(
            url=url, index=alias, outbox_path=Path(folder) / "outbox.sqlite3", request_timeout=600.0
        )
        try:
            generator = Generator()
            started = time.perf_counter()
            for batch in batches(generator.documents(args.docs)):
                backend.index(batch)
            backend.refresh_now()
            backend.client.options(request_timeout=3600).indices.forcemerge(index=alias, max_num_segments=1)
            print(f"indexed {args.docs:,} documents in {time.perf_counter() - started:.0f} s (force-merged)")
            run(backend, query_mix(generator), args.rounds)
        finally:
            backend.client.options(ignore_status=404).indices.delete(index=f"{alias}-*")
            backend.client.options(ignore_status=404).indices.delete_index_template(name=alias)
            backend.close()
            if server is not None:
                server.remove()


VARIANTS = ("exact", "ours")


def run(backend: ElasticsearchBackend, queries: list[Query], rounds: int) -> None:
    took: dict[str, list[float]] = {v: [] for v in VARIANTS}
    wall: dict[str, list[float]] = {v: [] for v in VARIANTS}
    by_kind: dict[tuple[str, str], list[float]] = {}
    slowest: list[tuple[float, Query]] = []
    for query in queries:  # warm every query once: the first run of each reads from disk
        backend.client.search(index=backend.alias, **request_body(backend, query, "exact"))
    load = os.getloadavg()[0]
    for _ in range(rounds):
        for query in queries:
            for variant in VARIANTS:
                body = request_body(backend, query, variant)
                start = time.perf_counter()
                result = backend.client.search(index=backend.alias, **body)
                wall[variant].append(1000 * (time.perf_counter() - start))
                took[variant].append(float(result["took"]))
                by_kind.setdefault((variant, kind_of(query)), []).append(wall[variant][-1])
                if variant == "exact":
                    slowest.append((float(result["took"]), query))
    print(
        f"\n## {len(queries)} queries x {rounds} rounds, interleaved; load average {load:.2f} -> "
        f"{os.getloadavg()[0]:.2f}"
    )
    for variant in VARIANTS:
        w, t = wall[variant], took[variant]
        print(
            f"{variant:7s} wall p50 {percentile(w, 0.5):6.1f} ms  p95 {percentile(w, 0.95):6.1f} ms  "
            f"p99 {percentile(w, 0.99):6.1f} ms   server took p50 {percentile(t, 0.5):6.1f}  "
            f"p95 {percentile(t, 0.95):6.1f} ms"
        )
    kinds = sorted({k for _, k in by_kind})
    print("p95 wall by kind: " + ", ".join(kinds))
    for variant in VARIANTS:
        print(f"{variant:7s} " + "  ".join(f"{percentile(by_kind[(variant, k)], 0.95):6.1f}" for k in kinds))
    print(
        "ratio of p95, ours / exact: "
        f"{percentile(wall['ours'], 0.95) / percentile(wall['exact'], 0.95):.2f}; median of per-query "
        f"ratios {statistics.median(o / e for o, e in zip(wall['ours'], wall['exact'], strict=True)):.2f}"
    )
    slowest.sort(key=lambda item: item[0], reverse=True)
    print("\n## profile API, the five slowest queries as sent before (exact), then as sent now")
    for _, query in slowest[:5]:
        for variant in ("exact", "ours"):
            body = request_body(backend, query, variant)
            result = backend.client.search(index=backend.alias, profile=True, **body)
            print(
                f"{variant:6s} {query.model_dump(exclude_defaults=True)}: took {result['took']} ms; "
                + profile_summary(result["profile"])
            )


def profile_summary(profile: dict[str, Any]) -> str:
    """Milliseconds in the query (rewrite + scoring), the collectors, and each aggregation, summed over shards."""
    query_ns = collector_ns = 0
    aggs: dict[str, int] = {}
    for shard in profile["shards"]:
        for search in shard["searches"]:
            query_ns += sum(q["time_in_nanos"] for q in search["query"]) + search["rewrite_time"]
            collector_ns += sum(c["time_in_nanos"] for c in search["collector"])
        for agg in shard.get("aggregations", []):
            aggs[agg["description"]] = aggs.get(agg["description"], 0) + agg["time_in_nanos"]
    parts = [f"query {query_ns / 1e6:.1f}", f"collectors {collector_ns / 1e6:.1f}"]
    parts += [f"{name} {ns / 1e6:.1f}" for name, ns in sorted(aggs.items(), key=lambda kv: -kv[1])]
    return ", ".join(parts)


if __name__ == "__main__":
    main()
