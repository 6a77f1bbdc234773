"""Where Elasticsearch's search time goes, and what the backend's choices cost: the query mix of
`bench/search_backends.py` over `--docs` generated documents (default 100,000), nothing else indexing.

One command: `python bench/elastic_search.py`. The index is built once by bulk requests (no NLP: the
documents are generated; their sources made in a process pool, refresh off, force-merged to one segment)
into the data dir of the bench's own server, and reused by later runs while the template, `to_source` and
the corpus are unchanged (`--rebuild` to force; `--elasticsearch-url` for a server of your own).

Each query runs through `ElasticsearchBackend.search` as it is now (`sampled`: facets count the newest 500
matches, as SQLite's do, in requests of their own) and as before (`every`: facets over every match, in the
page's request), interleaved (A B A B ... per query, `--rounds` times): the wall time of the whole search.
On a shared machine wall time is mostly waiting for a core, so the server's CPU time per search is measured
too (the JVM's CPU time over `--cpu-repeats` runs of each query): on an idle core a search takes about that
long. Then the profile API on the slowest page requests splits their time into query, collectors and each
aggregation. The load average is printed beside every figure.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import inspect
import json
import multiprocessing
import os
import re
import statistics
import subprocess
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
from search.base import FACET_SAMPLE, Query
from search.elastic import ElasticsearchBackend, TextAnalysis, choose_analysis, index_template, to_source

VARIANTS = ("every", "sampled")


def request_body(backends: dict[str, ElasticsearchBackend], query: Query, variant: str) -> dict[str, Any]:
    """The page request of `query` as `variant` sends it (`every`: with the facets of every match)."""
    return backends[variant].search_body(query)


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
    parser.add_argument("--cpu-repeats", type=int, default=4, help="runs of each query for its CPU time")
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
            backends = {
                variant: ElasticsearchBackend(
                    url=url,
                    index=alias,
                    outbox_path=Path(folder) / f"outbox-{variant}.sqlite3",
                    request_timeout=600.0,
                    facet_sample=None if variant == "every" else FACET_SAMPLE,
                )
                for variant in VARIANTS
            }
            try:
                run(
                    backends,
                    query_mix(generator),
                    rounds=args.rounds,
                    repeats=args.cpu_repeats,
                    pid=_pid(url),
                )
            finally:
                for backend in backends.values():
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


def _pid(url: str) -> int | None:
    """The process listening on the server's port on this machine (`ss`), for its CPU time; else None."""
    port = url.rstrip("/").rsplit(":", 1)[-1]
    try:
        out = subprocess.run(["ss", "-ltnp", f"( sport = :{port} )"], capture_output=True, text=True).stdout
    except OSError:
        return None
    found = re.search(r"pid=(\d+)", out)
    return int(found.group(1)) if found else None


def _cpu_ms(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def run(
    backends: dict[str, ElasticsearchBackend],
    queries: list[Query],
    *,
    rounds: int,
    repeats: int,
    pid: int | None,
) -> None:
    wall: dict[str, list[float]] = {v: [] for v in VARIANTS}
    by_kind: dict[tuple[str, str], list[float]] = {}
    for query in queries:  # warm every query once: the first run of each reads from disk
        for backend in backends.values():
            backend.search(query)
    load = os.getloadavg()[0]
    for _ in range(rounds):
        for query in queries:
            for variant in VARIANTS:
                start = time.perf_counter()
                backends[variant].search(query)
                wall[variant].append(1000 * (time.perf_counter() - start))
                by_kind.setdefault((variant, kind_of(query)), []).append(wall[variant][-1])
    report(
        f"{len(queries)} queries x {rounds} rounds, interleaved, wall time of a whole search",
        "wall",
        wall,
        by_kind,
        load=load,
    )
    print(
        "ratio of p95, sampled / every: "
        f"{percentile(wall['sampled'], 0.95) / percentile(wall['every'], 0.95):.2f}; median of per-query "
        f"ratios {statistics.median(o / e for o, e in zip(wall['sampled'], wall['every'], strict=True)):.2f}"
    )
    slowest = sorted(
        zip(wall["every"], queries * rounds, strict=True), key=lambda item: item[0], reverse=True
    )
    if pid is None:
        print("\nthe server's CPU time cannot be read (not a process on this machine): skipped")
    else:
        server_cpu(backends, queries, repeats=repeats, pid=pid)
    print(
        "\n## profile API, the five slowest page requests, with the facets of every match, then as sent now"
    )
    for _, query in slowest[:5]:
        for variant in VARIANTS:
            body = request_body(backends, query, variant)
            result = backends[variant].client.search(index=backends[variant].alias, profile=True, **body)
            print(
                f"{variant:8s} {query.model_dump(exclude_defaults=True)}: took {result['took']} ms; "
                + profile_summary(result["profile"])
            )


def server_cpu(
    backends: dict[str, ElasticsearchBackend], queries: list[Query], *, repeats: int, pid: int
) -> None:
    """The server's CPU time per search: each query `repeats` times in a row per variant, the JVM's CPU time
    read before and after (the clock ticks are 10 ms, hence the repeats)."""
    cpu: dict[str, list[float]] = {v: [] for v in VARIANTS}
    by_kind: dict[tuple[str, str], list[float]] = {}
    load = os.getloadavg()[0]
    for query in queries:
        for variant in VARIANTS:
            before = _cpu_ms(pid)
            for _ in range(repeats):
                backends[variant].search(query)
            cpu[variant].append((_cpu_ms(pid) - before) / repeats)
            by_kind.setdefault((variant, kind_of(query)), []).append(cpu[variant][-1])
    report(f"the server's CPU time per search ({repeats} runs of each query)", "CPU", cpu, by_kind, load=load)


def report(
    title: str,
    what: str,
    figures: dict[str, list[float]],
    by_kind: dict[tuple[str, str], list[float]],
    *,
    load: float,
) -> None:
    """Each variant's p50 / p95 / p99 and mean, then its p95 by kind of query; the load before and after."""
    print(f"\n## {title}; load average {load:.2f} -> {os.getloadavg()[0]:.2f}")
    for variant in VARIANTS:
        f = figures[variant]
        print(
            f"{variant:8s} {what} p50 {percentile(f, 0.5):6.1f} ms  p95 {percentile(f, 0.95):6.1f} ms  "
            f"p99 {percentile(f, 0.99):6.1f} ms  mean {statistics.mean(f):6.1f} ms"
        )
    kinds = sorted({k for _, k in by_kind})
    print(f"p95 {what} by kind: " + ", ".join(kinds))
    for variant in VARIANTS:
        print(f"{variant:8s} " + "  ".join(f"{percentile(by_kind[(variant, k)], 0.95):6.1f}" for k in kinds))


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
