"""Cluster mode: crawl and index work on RabbitMQ through Celery, stores in PostgreSQL (issue 18).

With `PRESSWATCH_BROKER_URL` set, `presswatch crawl` publishes batches of documents to the `index` queue
instead of feeding its own index worker process (`crawlers.cluster.publisher`); `presswatch worker --queue
index` processes take them (`crawlers.cluster.index_task`: NLP, get → merge sources → write under a
per-document advisory lock, Elasticsearch writes with external versions); `presswatch worker --queue crawl`
processes run one source's crawl per task in a fresh process (`crawlers.cluster.crawl_task`); `presswatch
scheduler` enqueues each source's crawl on its schedule, one active by an advisory lock
(`crawlers.cluster.scheduler`). Delivery is at least once (`task_acks_late`, `task_reject_on_worker_lost`,
one message in flight per worker), so every write is idempotent. A batch that cannot succeed goes to the
`quarantine` queue with its reason (`crawlers.cluster.quarantine`, `presswatch quarantine list|replay`).

Work is split by source: a URL listed by two sources is fetched once, by the source that claims it first in
PostgreSQL (`crawlers.seen`); the other only adds itself to the document's sources (`crawlers.source_merge`).
The crawl process never imports spaCy here either (the import contracts check `publisher`).
"""
