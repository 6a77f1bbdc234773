"""Collecting pages: Scrapy spiders driven by sources.toml, body and metadata extraction, item pipelines."""
