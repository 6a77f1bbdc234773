"""Collecting and indexing pages: Scrapy spiders driven by sources.toml, body and metadata extraction, the
seen-URL store that makes crawls incremental, stories, and the indexing pipeline every entry point builds
(`index_pipeline.build_indexer`: duplicates, language, story, NLP, index, alert matching), run for a crawl in
its index worker process. With `PRESSWATCH_DATABASE_URL` the crawl state (seen URLs, stories, health) is in
PostgreSQL, a URL's first fetch is claimed there, and writes merge sources under a per-document lock
(`source_merge`). With `PRESSWATCH_BROKER_URL` too, crawls and index batches are Celery tasks on RabbitMQ,
run by `presswatch worker` processes on any machines (`cluster`)."""
