"""Articles of the demo newsroom and the pages, feed and robots.txt made from them.

Each article is a text file: `key: value` header lines, a blank line, then paragraphs separated by blank
lines. Pages are rendered like a real department's site (navigation, breadcrumbs, related links, footer,
JSON-LD, meta tags), so the crawler's extraction is exercised as it would be on the web.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

SITE_NAME = "Department for Demonstration Affairs"
_JSON_LD_TYPES = {
    "press_release": "NewsArticle",
    "news": "NewsArticle",
    "speech": "Article",
    "statement": "Article",
}


@dataclass(frozen=True, kw_only=True)
class Article:
    slug: str
    title: str
    kind: str
    published: datetime
    organisation: str
    summary: str
    paragraphs: tuple[str, ...]
    listed: bool = True
    location: str | None = None

    @property
    def path(self) -> str:
        return self.location or f"/news/{self.slug}"


def site_folder() -> Path:
    return Path(str(files("presswatch.demo").joinpath("site")))


def parse_article(slug: str, text: str) -> Article:
    header, _, body = text.partition("\n\n")
    fields = dict(line.split(":", 1) for line in header.splitlines() if ":" in line)
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    return Article(
        slug=slug,
        title=fields["title"],
        kind=fields.get("kind", "news"),
        published=datetime.fromisoformat(fields["published"]),
        organisation=fields.get("organisation", SITE_NAME),
        summary=fields.get("summary", ""),
        paragraphs=tuple(" ".join(p.split()) for p in body.split("\n\n") if p.strip()),
        listed=fields.get("listed", "yes") != "no",
        location=fields.get("path"),
    )


def load_articles(folder: Path | None = None) -> list[Article]:
    """All articles, newest first."""
    folder = folder or site_folder() / "articles"
    articles = [parse_article(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    return sorted(articles, key=lambda a: a.published, reverse=True)


def _paragraph_html(paragraph: str) -> str:
    if paragraph.startswith("## "):
        return f"<h2>{html.escape(paragraph[3:])}</h2>"
    if paragraph.startswith("- "):
        items = "".join(f"<li>{html.escape(i.strip())}</li>" for i in paragraph[2:].split(" - "))
        return f"<ul>{items}</ul>"
    return f"<p>{html.escape(paragraph)}</p>"


def render_article(article: Article, *, base_url: str, related: list[Article]) -> str:
    url = base_url + article.path
    json_ld = {
        "@context": "https://schema.org",
        "@type": _JSON_LD_TYPES.get(article.kind, "Article"),
        "headline": article.title,
        "datePublished": article.published.isoformat(),
        "author": {"@type": "Organization", "name": article.organisation},
        "publisher": {"@type": "Organization", "name": SITE_NAME},
        "mainEntityOfPage": url,
    }
    related_html = "".join(f'<li><a href="{r.path}">{html.escape(r.title)}</a></li>' for r in related)
    e = html.escape
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{e(article.title)} - {e(SITE_NAME)}</title>
<link rel="canonical" href="{e(url)}">
<meta name="description" content="{e(article.summary)}">
<meta property="og:title" content="{e(article.title)}">
<meta property="og:type" content="article">
<meta property="og:url" content="{e(url)}">
<meta property="article:published_time" content="{article.published.isoformat()}">
<meta name="govuk:format" content="{e(article.kind)}">
<script type="application/ld+json">{json.dumps(json_ld)}</script>
</head>
<body>
<div class="cookie-banner"><p>We use some essential cookies to make this service work.</p>
<button>Accept additional cookies</button> <button>Reject additional cookies</button></div>
<header class="site-header"><a href="/" class="logo">{e(SITE_NAME)}</a>
<nav><ul><li><a href="/">News and communications</a></li><li><a href="/topics">Topics</a></li>
<li><a href="/departments">Departments</a></li><li><a href="/search">Search</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a> › {e(article.kind.replace("_", " ").title())}</div>
<main id="content">
<article>
<p class="context">{e(article.kind.replace("_", " ").title())}</p>
<h1>{e(article.title)}</h1>
<p class="lead">{e(article.summary)}</p>
<dl class="metadata"><dt>From:</dt><dd>{e(article.organisation)}</dd>
<dt>Published</dt><dd><time datetime="{article.published.isoformat()}">{article.published:%d %B %Y}</time></dd></dl>
<div class="body">
{"".join(_paragraph_html(p) for p in article.paragraphs)}
</div>
</article>
<aside class="related"><h2>Related content</h2><ul>{related_html}</ul></aside>
</main>
<footer><p>Is this page useful? <a href="/feedback">Yes</a> <a href="/feedback">No</a></p>
<p>All content is available under the Open Government Licence v3.0, except where otherwise stated.</p>
<p>© Crown copyright</p></footer>
</body>
</html>
"""


def render_feed(articles: list[Article], *, base_url: str) -> str:
    updated = max(a.published for a in articles).isoformat()
    entries = "".join(
        f"""<entry>
<id>{xml_escape(base_url + a.path)}</id>
<title>{xml_escape(a.title)}</title>
<link rel="alternate" type="text/html" href="{xml_escape(base_url + a.path)}"/>
<published>{a.published.isoformat()}</published>
<updated>{a.published.isoformat()}</updated>
<summary>{xml_escape(a.summary)}</summary>
</entry>
"""
        for a in articles
        if a.listed
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
<id>{xml_escape(base_url)}/feed.atom</id>
<title>{xml_escape(SITE_NAME)}: news and communications</title>
<link rel="self" href="{xml_escape(base_url)}/feed.atom"/>
<updated>{updated}</updated>
{entries}</feed>
"""


def render_index(articles: list[Article]) -> str:
    items = "".join(
        f'<li><a href="{a.path}">{html.escape(a.title)}</a> <time>{a.published:%d %B %Y}</time></li>'
        for a in articles
        if a.listed
    )
    return (
        f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{html.escape(SITE_NAME)}</title>'
        f'<link rel="alternate" type="application/atom+xml" href="/feed.atom"></head>'
        f"<body><h1>News and communications</h1><ul>{items}</ul></body></html>"
    )


ROBOTS_TXT = """User-agent: *
Disallow: /drafts/
Disallow: /search

Sitemap: {base_url}/sitemap.xml
"""
