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
import functools
import hashlib
import inspect
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from elasticsearch import Elasticsearch, helpers

from bench import corpus
from bench.corpus import Generator
from bench.search_backends import batches, kind_of, percentile, query_mix
from presswatch.document import Document
from search.base import Query
from search.elastic import ElasticsearchBackend, TextAnalysis, choose_analysis, index_template, to_source


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
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="where the bench's own server keeps its data between runs (default: beside the test server's "
        "unpacked copy); ignored with --elasticsearch-url",
    )
    parser.add_argument("--rebuild", action="store_true", help="index the documents again even if cached")
    args = parser.parse_args()
    server = None
    url = args.elasticsearch_url
    if not url:
        from tests import elastic_server
        from tests.elastic_server import ElasticServer

        elastic_server.START_TIMEOUT = 900.0
        data_dir = args.data_dir or elastic_server._cache_root() / "bench-server"
        data_dir.parent.mkdir(parents=True, exist_ok=True)
        server = ElasticServer(workdir=data_dir)
        server.start()  # fails loudly when it cannot: the bench cannot run without a server
        url = server.url
    try:
        with tempfile.TemporaryDirectory() as folder:
            generator = Generator()
            client = Elasticsearch(url, request_timeout=3600)
            alias = cached_index(url, client, generator, docs=args.docs, rebuild=args.rebuild)
            backend = ElasticsearchBackend(
                url=url, index=alias, outbox_path=Path(folder) / "outbox.sqlite3", request_timeout=600.0
            )
            try:
                run(backend, query_mix(generator), args.rounds)
            finally:
                backend.close()
                client.close()
    finally:
        if server is not None:
            server.stop()


def _fingerprint(analysis: TextAnalysis, docs: int) -> str:
    """What the cached index depends on: its template, how a document becomes its source, the corpus."""
    parts = [
        json.dumps(index_template(analysis), sort_keys=True),
        inspect.getsource(to_source),
        Path(corpus.__file__).read_text(encoding="utf-8"),
        str(docs),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def _sources(docs: list[Document], *, analysis: TextAnalysis) -> list[dict[str, Any]]:
    return [to_source(d, analysis=analysis) for d in docs]


def cached_index(url: str, client: Elasticsearch, generator: Generator, *, docs: int, rebuild: bool) -> str:
    """The alias of an index of `docs` generated documents, force-merged to one segment: reused when one
    with the same fingerprint holds them all, else (re)built by bulk requests, the sources made in a pool."""
    from search.elastic import _has_english

    analysis = choose_analysis(_has_english(client))
    alias = f"bench-es-{docs}-{_fingerprint(analysis, docs)}"
    if not rebuild and client.indices.exists_alias(name=alias):
        client.indices.refresh(index=alias)
        if int(client.count(index=alias)["count"]) == docs:
            client.indices.forcemerge(index=alias, max_num_segments=1)  # nothing to do when done before
            print(f"reusing {alias}: {docs:,} documents, {_segments(client, alias)} segment(s)", flush=True)
            return alias
    # Any earlier build of this size (another fingerprint) goes: only the current one is kept on disk.
    client.options(ignore_status=404).indices.delete(index=f"bench-es-{docs}-*")
    client.options(ignore_status=404).indices.delete_index_template(name=f"bench-es-{docs}-*")
    with tempfile.TemporaryDirectory() as folder:  # the backend creates the template and the first index
        made = ElasticsearchBackend(url=url, index=alias, outbox_path=Path(folder) / "o.sqlite3")
        made.text_analysis()
        made.close()
    client.indices.put_settings(index=alias, settings={"index": {"refresh_interval": "-1"}})
    started = time.perf_counter()
    sent = 0
    with multiprocessing.Pool(os.cpu_count() or 1) as pool:
        sources = pool.imap(
            functools.partial(_sources, analysis=analysis), batches(generator.documents(docs))
        )
        actions = ({"_index": alias, "_id": s["id"], "_source": s} for chunk in sources for s in chunk)
        for ok, _ in helpers.streaming_bulk(client, actions, chunk_size=500, raise_on_error=True):
            sent += ok
            if sent % 10_000 == 0:
                print(
                    f"  {sent:,} indexed, {sent / (time.perf_counter() - started):.0f} docs/s "
                    f"(load {os.getloadavg()[0]:.2f})",
                    flush=True,
                )
    client.indices.put_settings(index=alias, settings={"index": {"refresh_interval": None}})
    client.indices.refresh(index=alias)
    client.indices.forcemerge(index=alias, max_num_segments=1)
    print(
        f"indexed {docs:,} documents into {alias} in {time.perf_counter() - started:.0f} s "
        f"(bulk, sources made in {os.cpu_count()} processes, force-merged; load {os.getloadavg()[0]:.2f})",
        flush=True,
    )
    return alias


def _segments(client: Elasticsearch, alias: str) -> int:
    return sum(
        int(s["segments"]["count"])
        for s in client.indices.stats(index=alias)["indices"].values()
        for s in [s["primaries"]]
    )


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
