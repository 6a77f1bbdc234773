"""Collecting and indexing pages: Scrapy spiders driven by sources.toml, body and metadata extraction, the
seen-URL store that makes crawls incremental, stories, and the indexing pipeline every entry point builds
(`index_pipeline.build_indexer`: duplicates, language, story, NLP, index, alert matching), run for a crawl in
its index worker process."""
