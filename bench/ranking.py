"""Ranking quality: nDCG@10 of each backend's ranking on a small judged set, against two baselines.

Documents are read at run time from the public evaluation set (`../shared/eval`: article-extraction bodies,
titled by their URL's slug, and the GOV.UK content items); the queries and graded judgements are in
`bench/data/relevance_judgements.json` (ids and grades only, no text). Baselines on the same index: plain
BM25 over documents with any of the words, and BM25 over documents with all the words (the old policy).
`--elasticsearch` ranks the same documents on Elasticsearch too (the server at `--elasticsearch-url` or
PRESSWATCH_ELASTICSEARCH_URL, else one started as the tests start theirs).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import EVAL
from presswatch.document import Document
from search.base import Query
from search.parsed import parse_query
from search.querytext import quoted_word
from search.sqlite import SQLiteBackend

JUDGEMENTS = Path(__file__).resolve().parent / "data" / "relevance_judgements.json"
K = 10
_TAG = re.compile(r"<[^>]+>")


def slug_title(url: str) -> str:
    """A headline from a URL's last path segment ('new-york-man-pleads-guilty' → 'new york man pleads guilty')."""
    segments = [s for s in url.split("?")[0].split("/") if s]
    slug = max(segments[2:] or segments[-1:], key=lambda s: s.count("-"))
    words = [w for w in re.split(r"[-_.]+", slug) if w.isalpha() and w not in {"html", "htm", "php", "story"}]
    return " ".join(words)


def corpus() -> list[tuple[str, Document]]:
    truth = json.loads((EVAL / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    documents = [
        (
            key,
            Document.from_page(
                url=entry["url"], source="web", title=slug_title(entry["url"]), body=entry["articleBody"]
            ),
        )
        for key, entry in truth.items()
    ]
    for path in sorted((EVAL / "govuk-content").glob("*/*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        body = " ".join(_TAG.sub(" ", item.get("details", {}).get("body", "")).split())
        if body:
            key = f"govuk:{path.parent.name}/{path.stem}"
            url = f"https://www.gov.uk{item['base_path']}/{path.stem}"
            documents.append(
                (key, Document.from_page(url=url, source="govuk", title=item["title"], body=body))
            )
    return documents


def ndcg(ranked: list[str], grades: dict[str, int]) -> float:
    gain = sum((2 ** grades.get(doc, 0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranked[:K]))
    ideal = sorted(grades.values(), reverse=True)[:K]
    best = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return gain / best if best else 0.0


def bm25_ranker(conn: sqlite3.Connection, *, join: str) -> Callable[[str], list[int]]:
    """Plain BM25 (every column weighted 1) over documents with any (`OR`) or all (`AND`) of the words."""

    def run(text: str) -> list[int]:
        words = [quoted_word(w) for w in parse_query(text).optional]
        rows = conn.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?",
            (f" {join} ".join(words), K),
        ).fetchall()
        return [int(r[0]) for r in rows]

    return run


def elastic_ranker(
    documents: list[tuple[str, Document]], folder: Path, url: str | None
) -> tuple[Callable[[str], list[str]], Callable[[], None]]:
    """Presswatch's ranking on Elasticsearch over the same documents, and how to drop it afterwards."""
    from search.elastic import ElasticsearchBackend

    server = None
    if not url:
        from tests.elastic_server import ElasticServer

        server = ElasticServer()
        server.start()
        url = server.url
    alias = f"ranking-{os.getpid()}"
    backend = ElasticsearchBackend(url=url, index=alias, outbox_path=folder / "outbox.sqlite3", refresh=True)
    backend.index(document for _, document in documents)
    key_of_id = {document.id: key for key, document in documents}

    def rank(text: str) -> list[str]:
        return [key_of_id[h.id] for h in backend.search(Query(text=text, limit=K, facets=False)).hits]

    def drop() -> None:
        backend.client.options(ignore_status=404).indices.delete(index=f"{alias}-*")
        backend.client.options(ignore_status=404).indices.delete_index_template(name=alias)
        backend.close()
        if server is not None:
            server.remove()

    return rank, drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--elasticsearch", action="store_true", help="rank on Elasticsearch too")
    parser.add_argument("--elasticsearch-url", default=os.environ.get("PRESSWATCH_ELASTICSEARCH_URL"))
    args = parser.parse_args()
    if not EVAL.exists():
        raise SystemExit(f"the evaluation data is not at {EVAL}: the bench cannot run")
    judged = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))["queries"]
    documents = corpus()
    key_of_id = {document.id: key for key, document in documents}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "index.sqlite3"
        backend = SQLiteBackend(path=path)
        backend.index(document for _, document in documents)
        conn = sqlite3.connect(path)
        key_of_rowid = {
            rowid: key_of_id[doc_id] for rowid, doc_id in conn.execute("SELECT rowid, id FROM documents")
        }
        rankers: dict[str, Callable[[str], list[str]]] = {
            "presswatch (most words first, BM25, title boost)": lambda text: [
                key_of_id[h.id] for h in backend.search(Query(text=text, limit=K, facets=False)).hits
            ],
            "baseline: plain BM25, any word": lambda text: [
                key_of_rowid[r] for r in bm25_ranker(conn, join="OR")(text)
            ],
            "baseline: BM25, all words (before)": lambda text: [
                key_of_rowid[r] for r in bm25_ranker(conn, join="AND")(text)
            ],
        }
        drop = None
        if args.elasticsearch:
            rankers["presswatch on Elasticsearch"], drop = elastic_ranker(
                documents, Path(folder), args.elasticsearch_url
            )
        try:
            scores = {
                name: [ndcg(rank(q), grades) for q, grades in judged.items()]
                for name, rank in rankers.items()
            }
        finally:
            if drop is not None:
                drop()
        conn.close()
        backend.close()
    print(f"## ranking: nDCG@{K}, {len(judged)} judged queries over {len(documents)} public documents")
    for name, values in scores.items():
        print(f"{name:<50} {sum(values) / len(values):.3f}")
    ours, plain = (sum(v) / len(v) for v in list(scores.values())[:2])
    print(f"ratio, presswatch / plain BM25 any word: {ours / plain:.3f}")
    if args.elasticsearch:
        elastic = scores["presswatch on Elasticsearch"]
        print(f"ratio, Elasticsearch / SQLite: {sum(elastic) / len(elastic) / ours:.3f}")
        worse = [
            (q, round(e, 3), round(s, 3))
            for q, e, s in zip(judged, elastic, next(iter(scores.values())), strict=True)
            if e < s - 1e-9
        ]
        print(f"queries Elasticsearch ranks worse than SQLite: {worse}")


if __name__ == "__main__":
    main()
