"""Alert latency: from a document's ingestion to its webhook's receipt, with 1,000 saved searches active.

200 pre-built documents (NLP bypassed: each already carries its entities, figures and agreements, so the
figure is matching + outbox + delivery, not spaCy) are indexed in batches of 16, as the crawl's index worker
does: queue the ids, write, then match the batch (`AlertService.indexed`). A separate `presswatch alerts
deliver` process sends the webhooks to a receiver on loopback, which notes when each document's first webhook
arrives (another process, as a crawl and `presswatch serve` are: it finds new alerts by polling).
Latency = receipt - the moment the document's batch was handed to the index.

Baseline, measured in the same run: the same ingestion matched by `BruteForceMatcher` (every saved search
run over every batch, one request each), against the default `CandidateMatcher` (a query index picks the
searches that can match; one `_msearch` on Elasticsearch). The ratio is p95 / the baseline's p95. A third
column, one saved search, is the floor: the latency with next to nothing to match. The crawl poll interval
(how often `presswatch crawl` runs; a cron or timer the operator sets) comes on top, and is printed
separately: it is not part of this measure.

Backends: sqlite always; elasticsearch with --elasticsearch-url / PRESSWATCH_ELASTICSEARCH_URL, else a
server started with the tests' machinery (tests/elastic_server.py) when it can, else skipped with the reason.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from alerts.matcher import BruteForceMatcher, CandidateMatcher, Matcher
from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from alerts.store_sqlite import SQLiteAlertStore
from presswatch.config import Settings
from presswatch.document import Agreement, Document, Figure, Mention
from search.base import Query, SearchBackend

DOCUMENTS = 200
SEARCHES = 1000
BATCH = 16  # crawlers.worker.BATCH_SIZE


def documents() -> list[Document]:
    """Doc i: an agreement with party i, a mention of entity i, a figure, and the word topic{i}."""
    out = []
    for i in range(DOCUMENTS):
        party = f"Partyland {i}"
        out.append(
            Document.from_page(
                url=f"https://bench.example/alerts/{uuid.uuid4().hex}",
                source="bench",
                kind="news",
                title=f"Agreement with {party} on topic{i}",
                body=f"The United Kingdom and {party} plan an agreement on topic{i}. It is worth £{i + 1} million."
                " Officials met in the capital to discuss trade, migration and security.",
                published=datetime(2026, 6, 1, tzinfo=UTC),
                entities=(Mention(text=party, label="GPE", normalized=party, start=0, end=1),),
                figures=(
                    Figure(
                        kind="money", text=f"£{i + 1}m", value=(i + 1) * 1e6, currency="GBP", start=0, end=1
                    ),
                ),
                agreements=(
                    Agreement(text="", parties=("United Kingdom", party), status="planned", start=0, end=1),
                ),
            )
        )
    return out


def specs(count: int, webhook: str) -> list[SavedSearchSpec]:
    """A mix: agreement watches, mention watches, text searches and figure watches; each of the 200 documents
    matches four (one of each kind), the other 200 searches never match. One search alone (the baseline):
    a text search every document matches."""
    if count == 1:
        return [SavedSearchSpec(query=Query(text="officials"), webhook_url=webhook)]
    kinds: list[SavedSearchSpec] = []
    for n in range(count):
        i = n // 4
        match n % 4:
            case 0:
                kinds.append(SavedSearchSpec(kind="agreement", party=f"Partyland {i}", webhook_url=webhook))
            case 1:
                kinds.append(SavedSearchSpec(kind="mention", entity=f"Partyland {i}", webhook_url=webhook))
            case 2:
                kinds.append(SavedSearchSpec(query=Query(text=f"topic{i}"), webhook_url=webhook))
            case _:
                kinds.append(
                    SavedSearchSpec(
                        kind="figure",
                        entity=f"Partyland {i}",
                        currency="GBP",
                        min_amount=1e6,
                        webhook_url=webhook,
                    )
                )
    return kinds


class _Server(ThreadingHTTPServer):
    """socketserver's listen backlog is 5: the worker's 8 senders at once overflow it, and a dropped SYN is
    retried after 1 s, which the benchmark would measure as alert latency (a real receiver has a deeper one)."""

    request_queue_size = 128


def receive(log: Path) -> None:
    """The receiver process: prints its URL, then appends `doc_id<TAB>unix time` for each document's first
    webhook to `log`, until it is terminated."""
    first: set[str] = set()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            now = time.time()
            doc_id = json.loads(body)["doc_id"]
            with lock:
                if doc_id not in first:
                    first.add(doc_id)
                    with log.open("a", encoding="utf-8") as out:
                        out.write(f"{doc_id}\t{now}\n")
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    server = _Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"http://127.0.0.1:{server.server_address[1]}/hook", flush=True)
    server.serve_forever()


class Receiver:
    """The webhook receiver on loopback, in its own process as a real one is (in this one, the ingestion and
    matching being measured would hold up its receipts for the GIL)."""

    def __init__(self) -> None:
        handle, name = tempfile.mkstemp(prefix="presswatch-alert-receipts-", suffix=".tsv")
        os.close(handle)
        self.log = Path(name)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.alert_latency", "--receive", str(self.log)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert self.process.stdout is not None
        self.url = self.process.stdout.readline().strip()
        if not self.url:
            raise RuntimeError("the webhook receiver did not start")

    @property
    def first(self) -> dict[str, float]:
        """When each document's first webhook arrived."""
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return {doc_id: float(when) for doc_id, when in (line.split("\t") for line in lines if "\t" in line)}

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.unlink(missing_ok=True)


def run_once(
    open_backend: Callable[[Path], SearchBackend],
    *,
    searches: int,
    matcher: Callable[[SearchBackend], Matcher],
    env: dict[str, str],
) -> tuple[list[float], float]:
    """Latencies (seconds) of every document, and the mean matching time per batch."""
    receiver = Receiver()
    with tempfile.TemporaryDirectory(prefix="presswatch-alert-bench-") as folder:
        data = Path(folder)
        settings = Settings(data_dir=data, alerts_allow_private_networks=True)
        backend = open_backend(data)
        service = AlertService(
            store=SQLiteAlertStore(path=settings.alerts_path),
            backend=backend,
            allow_private_networks=True,
            matcher=matcher(backend),
        )
        for spec in specs(searches, receiver.url):
            service.create(owner="bench", spec=spec)
        worker = subprocess.Popen(
            [sys.executable, "-m", "presswatch", "alerts", "deliver"],
            env={
                **os.environ,
                **env,
                "PRESSWATCH_DATA_DIR": str(data),
                "PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS": "true",
            },
        )
        try:
            warm_up(service, backend, receiver)  # the worker's start-up is not part of the latency
            docs = documents()
            started: dict[str, float] = {}
            matching: list[float] = []
            for start in range(0, len(docs), BATCH):
                batch = docs[start : start + BATCH]
                moment = time.time()
                for d in batch:
                    started[d.id] = moment
                service.will_index([d.id for d in batch])
                backend.index(batch)
                t = time.perf_counter()
                service.indexed([d.id for d in batch])
                matching.append(time.perf_counter() - t)
            deadline = time.monotonic() + 120
            while len(receiver.first) < len(docs) + 1 and time.monotonic() < deadline:  # + the warm-up's
                time.sleep(0.05)
            received = receiver.first
        finally:
            worker.terminate()
            worker.wait(timeout=30)
            service.close()
            backend.close()
            receiver.close()
    missing = len(docs) - len(set(received) & set(started))
    if missing:
        print(f"  warning: {missing} document(s) got no webhook within 120 s", file=sys.stderr)
    return [received[i] - started[i] for i in received if i in started], statistics.mean(matching)


def warm_up(service: AlertService, backend: SearchBackend, receiver: Receiver) -> None:
    """One alert end to end before the clock starts: the delivery process is up and polling."""
    first = Document.from_page(
        url="https://bench.example/warm-up", source="warm-up", title="Warm-up", body="Warm-up."
    )
    watch = service.create(
        owner="bench", spec=SavedSearchSpec(query=Query(sources=("warm-up",)), webhook_url=receiver.url)
    )
    service.will_index([first.id])
    backend.index([first])
    service.indexed([first.id])
    deadline = time.monotonic() + 120
    while first.id not in receiver.first and time.monotonic() < deadline:
        time.sleep(0.05)
    service.delete(owner="bench", search_id=watch.id)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def sqlite_backend(folder: Path) -> SearchBackend:
    from search.sqlite import SQLiteBackend

    return SQLiteBackend(path=folder / "index.sqlite3")


@contextmanager
def elasticsearch(url: str | None) -> Iterator[tuple[str | None, str]]:
    """A server URL and how it was found, or None and why not."""
    url = url or os.environ.get("PRESSWATCH_ELASTICSEARCH_URL")
    if url:
        yield url, "given"
        return
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from tests.elastic_server import ElasticServer

        server = ElasticServer()
        server.start()
    except Exception as exc:
        yield None, f"could not start one ({exc})"
        return
    try:
        yield server.url, f"started {server.version} on loopback"
    finally:
        server.stop()
        server.remove()


def elastic_backend(url: str, alias: str) -> Callable[[Path], SearchBackend]:
    from search.elastic import ElasticsearchBackend

    def opened(folder: Path) -> SearchBackend:
        return ElasticsearchBackend(url=url, index=alias, outbox_path=folder / "outbox.sqlite3")

    return opened


def drop(url: str, alias: str) -> None:
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url)
    try:
        client.options(ignore_status=404).indices.delete(index=f"{alias}-*")
        client.options(ignore_status=404).indices.delete_index_template(name=alias)
    finally:
        client.close()


def candidates(backend: SearchBackend) -> Matcher:
    return CandidateMatcher(backend=backend)


def brute_force(backend: SearchBackend) -> Matcher:
    return BruteForceMatcher(backend=backend)


def measure(name: str, open_backend: Callable[[Path], SearchBackend], env: dict[str, str]) -> None:
    ours, our_match = run_once(open_backend, searches=SEARCHES, matcher=candidates, env=env)
    base, base_match = run_once(open_backend, searches=SEARCHES, matcher=brute_force, env=env)
    floor, floor_match = run_once(open_backend, searches=1, matcher=candidates, env=env)
    columns = [
        ("query index", ours, our_match),
        ("brute force", base, base_match),
        ("1 search", floor, floor_match),
    ]
    print(
        f"\n## alert latency, {name}: ingestion → webhook receipt, {DOCUMENTS} documents, batches of {BATCH},"
        f" {SEARCHES} saved searches (the last column: 1)"
    )
    print(f"{'':28}" + "".join(f"  {title:>12}" for title, _, _ in columns))
    rows: list[tuple[str, Callable[[list[float]], float]]] = [
        ("p50 (s)", statistics.median),
        ("p95 (s)", lambda v: percentile(v, 95)),
        ("max (s)", max),
    ]
    for label, figure in rows:
        print(f"{label:28}" + "".join(f"  {figure(values):>12.3f}" for _, values, _ in columns))
    print(f"{'matching per batch, mean (s)':28}" + "".join(f"  {m:>12.3f}" for _, _, m in columns))
    print(f"{'webhooks received':28}" + "".join(f"  {len(values):>12}" for _, values, _ in columns))
    print(f"ratio, p95 query index / p95 brute force: {percentile(ours, 95) / percentile(base, 95):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--elasticsearch-url", default=None)
    parser.add_argument("--skip-elasticsearch", action="store_true")
    parser.add_argument("--receive", type=Path, help=argparse.SUPPRESS)  # the receiver process
    args = parser.parse_args()
    if args.receive is not None:
        receive(args.receive)
        return 0
    env = {"PRESSWATCH_ALERTS_POLL_INTERVAL": str(Settings().alerts_poll_interval)}
    print(
        "crawl poll interval: not included. `presswatch crawl` runs when the operator schedules it (cron, a timer);"
        " a page waits up to that interval, plus the crawl, before its ingestion starts the clock here."
    )
    print(
        f"delivery worker poll interval (PRESSWATCH_ALERTS_POLL_INTERVAL, when idle): {env['PRESSWATCH_ALERTS_POLL_INTERVAL']} s"
    )
    measure("sqlite", sqlite_backend, env)
    if args.skip_elasticsearch:
        return 0
    with elasticsearch(args.elasticsearch_url) as (url, how):
        if url is None:
            print(f"\nelasticsearch: skipped: {how}")
            return 0
        print(f"\nelasticsearch: {how}")
        alias = f"bench-alerts-{os.getpid()}"
        es_env = {
            **env,
            "PRESSWATCH_SEARCH_BACKEND": "elasticsearch",
            "PRESSWATCH_ELASTICSEARCH_URL": url,
            "PRESSWATCH_ELASTICSEARCH_INDEX": alias,
        }
        try:
            measure("elasticsearch", elastic_backend(url, alias), es_env)
        finally:
            drop(url, alias)
    return 0


if __name__ == "__main__":
    sys.exit(main())
