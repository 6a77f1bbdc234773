"""Cluster mode's index throughput: documents per second through `presswatch worker --queue index` with 1
and with 2 worker processes, on real RabbitMQ, PostgreSQL and Elasticsearch started here (or yours, by
--broker-url, --database-url, --elasticsearch-url), and the CPU each document costs a worker.

Each run gets a fresh index alias and database, starts its workers, warms each one up (its first batch loads
the models, which a long-running worker pays once), then publishes `--docs` generated press releases
(bench/corpus.py, ~600 words each) as index batches of PRESSWATCH_CLUSTER_BATCH_SIZE and times them from the
first publish until the last is counted indexed in PostgreSQL. Variants run interleaved (1 2 1 2 ...,
`--rounds` times); medians are printed with the load average. The ratio is 2 workers to 1 (the baseline):
on a machine with 2 free cores it should near 2. Per-document CPU is the workers' process trees' CPU over
the timed part divided by the documents; the servers' CPU (Elasticsearch, PostgreSQL, RabbitMQ) is printed
apart. The README's capacity model divides a day of a core by the workers' figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import tree_cpu_seconds
from bench.corpus import Generator
from crawlers.cluster.app import INDEX_TASK, make_app
from presswatch.config import Settings
from presswatch.document import Document, document_id
from presswatch.task_counts import read_counts

ROOT = Path(__file__).resolve().parent.parent


class BenchError(RuntimeError):
    """The bench cannot run; the message says why."""


def _messages(documents: list[Document], *, tag: str) -> list[dict[str, object]]:
    """Index messages of `documents` under URLs (and ids) of their own for one run, without annotations."""
    plain = {"entities": (), "figures": (), "agreements": (), "quotes": ()}
    return [
        {
            "document": d.model_copy(
                update={**plain, "url": f"{d.url}-{tag}", "id": document_id(f"{d.url}-{tag}")}
            ).model_dump(mode="json"),
            "version": 1,
        }
        for d in documents
    ]


def _indexed(database_url: str) -> int:
    return sum(n for (_, outcome), n in read_counts(database_url).items() if outcome.startswith("indexed"))


def _wait(condition: object, *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise BenchError(f"{what} did not happen within {seconds:.0f} s")
        time.sleep(0.2)


def run(
    *, workers: int, documents: list[Document], batch: int, urls: dict[str, str], new_database: object
) -> tuple[float, float]:
    """One run: (documents per second, worker CPU seconds per document)."""
    from tests.elastic_server import drop_alias

    database = new_database()  # type: ignore[operator]
    alias = f"pwbench-{uuid.uuid4().hex[:10]}"
    messages = _messages(documents, tag=alias)
    env = {
        **os.environ,
        "PRESSWATCH_BROKER_URL": urls["broker"],
        "PRESSWATCH_DATABASE_URL": database,
        "PRESSWATCH_SEARCH_BACKEND": "elasticsearch",
        "PRESSWATCH_ELASTICSEARCH_URL": urls["elasticsearch"],
        "PRESSWATCH_ELASTICSEARCH_INDEX": alias,
        "PRESSWATCH_DATA_DIR": str(Path(urls["data"]) / alias),
        "PRESSWATCH_NLP_WORKERS": "1",
    }
    settings = Settings(broker_url=urls["broker"], database_url=database)
    app = make_app(settings)
    logs = [Path(urls["data"]) / f"{alias}-{k}.log" for k in range(workers)]
    processes = []
    try:
        for log in logs:
            with log.open("w") as out:
                processes.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "presswatch", "worker", "--queue", "index"],
                        env=env,
                        stdout=out,
                        stderr=subprocess.STDOUT,
                        cwd=ROOT,
                    )
                )
        _wait(lambda: all(" ready." in log.read_text() for log in logs), seconds=300, what="workers ready")
        # One single-document batch per worker loads its models. A worker that got none (another took two,
        # or took over one's retry) gets another one, until each has started one and none is left queued.
        warm = iter(_messages(documents, tag=f"{alias}-warm"))
        sent = 0
        for _ in range(workers):
            app.send_task(INDEX_TASK, args=[[next(warm)]])
            sent += 1
        deadline = time.monotonic() + 900
        while not all(": starting" in log.read_text() for log in logs) or (
            sum(log.read_text().count(": done") for log in logs) < sent  # a retried batch starts twice
        ):
            if time.monotonic() > deadline:
                raise BenchError(f"{workers} workers did not all warm up in 900 s")
            time.sleep(10.0)
            if not all(": starting" in log.read_text() for log in logs):
                app.send_task(INDEX_TASK, args=[[next(warm)]])
                sent += 1
        before = _indexed(database)
        cpu_before = sum(tree_cpu_seconds(p.pid) for p in processes)
        start = time.perf_counter()
        for i in range(0, len(messages), batch):
            app.send_task(INDEX_TASK, args=[messages[i : i + batch]])
        _wait(
            lambda: _indexed(database) - before >= len(messages), seconds=3600, what="every document indexed"
        )
        seconds = time.perf_counter() - start
        cpu = sum(tree_cpu_seconds(p.pid) for p in processes) - cpu_before
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        drop_alias(urls["elasticsearch"], alias)
    return len(messages) / seconds, cpu / len(messages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=160, help="documents per run (default 160)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16, help="documents per index task (default 16)")
    parser.add_argument("--broker-url", default=os.environ.get("PRESSWATCH_BROKER_URL"))
    parser.add_argument("--database-url", default=os.environ.get("PRESSWATCH_DATABASE_URL"))
    parser.add_argument("--elasticsearch-url", default=os.environ.get("PRESSWATCH_ELASTICSEARCH_URL"))
    args = parser.parse_args()

    import tempfile

    from tests import elastic_server
    from tests.elastic_server import ElasticServer
    from tests.postgres_server import PostgresServer
    from tests.rabbitmq_server import RabbitServer

    started: list[ElasticServer | PostgresServer | RabbitServer] = []
    try:
        broker = args.broker_url
        if not broker:
            rabbit = RabbitServer()
            started.append(rabbit)
            rabbit.start()
            broker = rabbit.url
        if args.database_url:
            given = args.database_url
            new_database = lambda: given  # noqa: E731 - your database: every run shares it
            pg_pids: list[int] = []
        else:
            postgres = PostgresServer()
            started.append(postgres)
            postgres.start()
            new_database = postgres.create_database
            pg_pids = [postgres._process.pid] if postgres._process else []
        url = args.elasticsearch_url
        es_pids: list[int] = []
        if not url:
            elastic_server.START_TIMEOUT = 900.0
            elastic = ElasticServer()
            started.append(elastic)
            elastic.start()
            url = elastic.url
            es_pids = [elastic._process.pid] if elastic._process else []
        urls = {"broker": broker, "elasticsearch": url, "data": tempfile.mkdtemp(prefix="pwbench-")}
        documents = list(Generator().documents(args.docs))
        results: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        server_cpu: list[float] = []
        for round_ in range(args.rounds):
            for workers in (1, 2):
                servers_before = sum(tree_cpu_seconds(pid) for pid in es_pids + pg_pids)
                rate, cpu = run(
                    workers=workers,
                    documents=documents,
                    batch=args.batch,
                    urls=urls,
                    new_database=new_database,
                )
                servers = sum(tree_cpu_seconds(pid) for pid in es_pids + pg_pids) - servers_before
                server_cpu.append(servers / (len(documents) + workers))
                results[workers].append((rate, cpu))
                print(
                    f"round {round_ + 1}, {workers} worker(s): {rate:.2f} documents/s,"
                    f" {cpu * 1000:.0f} ms worker CPU per document, {server_cpu[-1] * 1000:.0f} ms"
                    f" Elasticsearch + PostgreSQL CPU, load {os.getloadavg()[0]:.2f}",
                    flush=True,
                )
    except Exception as exc:
        print(f"cluster_throughput: cannot run: {exc}", file=sys.stderr)
        return 1
    finally:
        for server in reversed(started):
            server.remove()
    one = statistics.median(r for r, _ in results[1])
    two = statistics.median(r for r, _ in results[2])
    cpu_doc = statistics.median(c for runs in results.values() for _, c in runs)
    print(f"\n## cluster index throughput ({args.docs} documents per run, medians of {args.rounds})")
    print(f"1 index worker:  {one:.2f} documents/s")
    print(f"2 index workers: {two:.2f} documents/s")
    print(f"ratio, 2 workers to 1: {two / one:.2f}")
    print(f"worker CPU per document: {cpu_doc * 1000:.0f} ms")
    print(f"Elasticsearch + PostgreSQL CPU per document: {statistics.median(server_cpu) * 1000:.0f} ms")
    print(f"documents per day per worker core: {86400 / cpu_doc:,.0f}")
    print(
        f"load average (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}, cores {os.cpu_count()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
