"""The Elasticsearch backend: the same searches as the embedded SQLite index, on a server.

Layout: documents live in `<alias>-<generation>` indices created from one index template; readers and writers
only ever use the alias, so `reindex` can build the next generation and flip the alias while search answers.

Text analysis. Where the server has the `english` analyzer (`analysis-common`), title, body and entity names
use it. The core-only server (the Maven integration-test distribution) has no stemmer at all, so there the
text fields use the standard analyzer and a second field per text holds Snowball stems made in Python
(search/stems.py), analysed by the server's `whitespace` analyzer. The query side stems its words with the
same function, so index and query agree by construction; spaCy lemmas would have needed the NLP stage at
query time, i.e. spaCy in the API process, which the dependency rules forbid. Which analysis an index uses is
recorded in its mapping's `_meta`, so an index keeps being queried the way it was built.

Matching follows search/parsed.py: phrases and OR groups are required, words are `should` with the parsed
`minimum_should_match`, and every matched word adds a constant far above any BM25 score, so documents with
all the words come first, then those with most of them; titles weigh more than entity names, then the body.

Writes that cannot reach the server go to a durable outbox (search/outbox.py) and are replayed in order
before the next write, and when a writer closes the index (a process opened with `create=False` only reads, and
leaves the queue to the writers); `pending_writes()` tells /health how many wait. Every write carries an
external version (`write_version`: when it was made, in microseconds, as cluster mode's fetch times are), so
a replay that comes after a newer write of the same document, from another process, is refused, not applied.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from elasticsearch import (
    ApiError,
    BadRequestError,
    ConflictError,
    ConnectionError,
    ConnectionTimeout,
    Elasticsearch,
    NotFoundError,
    TransportError,
    helpers,
)

from presswatch.document import Document
from search import elastic_vectors
from search.base import (
    FACET_SAMPLE,
    BackendUnavailableError,
    FacetValue,
    Hit,
    IndexMissingError,
    IndexReport,
    Page,
    Query,
    QueryError,
)
from search.checks import check_possible
from search.outbox import Outbox, PendingWrite
from search.parsed import AnyOf, Atom, Clause, ParsedQuery, Phrase, parse_query
from search.snippets import Marker, plain_snippet, snippet
from search.stems import fold, stem, stem_text

logger = logging.getLogger(__name__)

TextAnalysis = Literal["english", "stems"]
# A word is scored as FTS5's bm25() scores it in the SQLite backend: BM25F over the three fields together
# (`combined_fields`: each field's term frequency weighted, then saturated once), with SQLite's column weights
# (search/sqlite_compile.py WEIGHTS). The best field alone (`multi_match`, title 4, entities 2) ranked below
# SQLite and plain BM25 on bench/ranking.py (nDCG@10 0.974 against 0.985); this ranks as SQLite does (0.985).
TITLE_BOOST = 8.0
ENTITY_BOOST = 3.0
# Added once per matched query word: far above any BM25 score, so more matched words always rank higher.
WORD_MATCH_SCORE = 1000.0
FACET_SIZE = 20
TOTAL_LIMIT = 10_000  # matches counted at most, as SQLite counts them (search/sqlite_compile.py)
PIT_KEEP_ALIVE = "5m"
BULK_CHUNK = 500
REINDEX_GRACE_SECONDS = 2.0
_GENERATION = re.compile(r"-(\d+)$")
# Per-item bulk failures that mean "not now" rather than "never": overloaded, unavailable, or writes blocked.
STALE = "stale"
"""The reason `index_versioned` gives for a write older than the stored document."""
_RETRYABLE_STATUS = {403, 408, 429, 500, 502, 503, 504}
_UNAVAILABLE = (ConnectionError, ConnectionTimeout)
_OVERLOADED = 429
"""What the server answers when its queues are full (es_rejected_execution_exception): not the request's fault,
and a later one may pass, so a search gets the index's 503 with Retry-After, not a 500."""
_REFUSED = (401, 403)
"""Wrong credentials, or credentials without the privilege: the index's 503 (not a 500, /health too), with no
Retry-After, since waiting does not mend them; someone has to change the settings or the role."""


_last_version = 0
_version_lock = threading.Lock()


def write_version() -> int:
    """An external version for a write made now: microseconds since the epoch (the unit of cluster mode's
    fetch-time versions, so both kinds of write compare), and rising within a process even when two writes
    share a microsecond. Processes of one data directory share the machine's clock."""
    global _last_version
    with _version_lock:
        _last_version = max(int(time.time() * 1_000_000), _last_version + 1)
        return _last_version


def _versioned(action: dict[str, Any], version: int | None) -> dict[str, Any]:
    """`action` with its external version; a write queued by an older release has none and goes as it was."""
    if version is None:
        return action
    return {**action, "version": version, "version_type": "external_gte"}


def _stale(error: object) -> bool:
    """A bulk item refused because the index holds a newer version of the document."""
    return "version_conflict_engine_exception" in json.dumps(error)


def newest(found: Mapping[str, Any] | None, pending: PendingWrite | None) -> Document | None:
    """The document as the last write left it: the stored one (`found`, a get's answer), or the write still
    waiting in the outbox, which is newer unless another process wrote the document since it was queued."""
    if pending is not None and (
        pending.version is None or found is None or pending.version >= found["_version"]
    ):
        return Document.from_json(pending.data) if pending.data else None
    return from_source(found["_source"]) if found else None


def _unreachable_status(status: int) -> bool:
    """An answer that makes the index unavailable rather than the request wrong."""
    return status >= 500 or status == _OVERLOADED or status in _REFUSED


def _utc(moment: datetime | None) -> str | None:
    """Naive timestamps count as UTC, as in the SQLite backend."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def choose_analysis(has_english: bool) -> TextAnalysis:
    """`english` where the server has it, else Python stems on a whitespace-analysed field."""
    return "english" if has_english else "stems"


def mappings(analysis: TextAnalysis) -> dict[str, Any]:
    """The index template's mappings; `_meta` records the text analysis the index was built with."""
    text = "english" if analysis == "english" else "standard"
    properties: dict[str, Any] = {
        "id": {"type": "keyword"},
        "doc": {"type": "object", "enabled": False},
        "url": {"type": "keyword", "index": False},
        "source": {"type": "keyword"},
        "sources": {"type": "keyword"},
        "kind": {"type": "keyword"},
        "story_id": {"type": "keyword"},
        "withdrawn": {"type": "boolean"},
        "language": {"type": "keyword"},
        "title": {"type": "text", "analyzer": text},
        "body": {"type": "text", "analyzer": text},
        "entity_text": {"type": "text", "analyzer": text},
        "published": {"type": "date"},
        "indexed_at": {"type": "date"},
        "entity_names": {"type": "keyword"},
        "entity_folded": {"type": "keyword"},
        "person_names": {"type": "keyword"},
        "org_names": {"type": "keyword"},
        "country_codes": {"type": "keyword"},
        "entities": {
            "type": "nested",
            "properties": {
                "name": {"type": "keyword"},
                "label": {"type": "keyword"},
                "code": {"type": "keyword"},
                "role": {"type": "keyword"},
            },
        },
        "figures": {
            "type": "nested",
            "properties": {
                "kind": {"type": "keyword"},
                "value": {"type": "double"},
                "value_max": {"type": "double"},
                "currency": {"type": "keyword"},
                "unit": {"type": "keyword"},
                "qualifier": {"type": "keyword"},
            },
        },
        "agreements": {
            "type": "nested",
            "properties": {"parties": {"type": "keyword"}, "status": {"type": "keyword"}},
        },
        "embedding": {"type": "dense_vector", "dims": 384, "index": True, "similarity": "cosine"},
    }
    if analysis == "stems":
        for name in ("title", "body", "entity_text"):
            properties[f"{name}_stems"] = {"type": "text", "analyzer": "whitespace"}
    return {
        "dynamic": "strict",
        "_meta": {"text_analysis": analysis},
        # `doc` holds the whole document; the searched copies of its text are indexed, not stored twice.
        "_source": {
            "excludes": ["title", "body", "entity_text", "title_stems", "body_stems", "entity_text_stems"]
        },
        "properties": properties,
    }


def index_template(analysis: TextAnalysis) -> dict[str, Any]:
    """Settings and mappings of every index behind the alias (a benchmark keys its cached index by them)."""
    return {
        "settings": {"index": {"auto_expand_replicas": "0-1", "number_of_shards": 1}},
        "mappings": mappings(analysis),
    }


def to_source(doc: Document, *, analysis: TextAnalysis) -> dict[str, Any]:
    """The indexed form of a document: the whole document for `get`, plus the fields that are searched."""
    mentions = [m for m in doc.entities if m.label != "DATE"]
    names = list(dict.fromkeys(m.normalized for m in mentions))
    distinct = {(m.normalized, m.label, m.code, m.role): None for m in doc.entities}
    body: dict[str, Any] = {
        "id": doc.id,
        "doc": doc.model_dump(mode="json", exclude={"embedding"}),
        "url": doc.url,
        "source": doc.source,
        "sources": list(doc.sources),
        "kind": doc.kind,
        "story_id": doc.story_id,
        "withdrawn": doc.withdrawn,
        "language": doc.language,
        "title": doc.title,
        "body": doc.body,
        "entity_text": " ; ".join(names),
        "published": _utc(doc.published),
        "indexed_at": _utc(datetime.now(UTC)),
        "entity_names": names,
        "entity_folded": list(dict.fromkeys(fold(n) for n in names)),
        "person_names": list(dict.fromkeys(m.normalized for m in mentions if m.label == "PERSON")),
        "org_names": list(dict.fromkeys(m.normalized for m in mentions if m.label == "ORG")),
        "country_codes": list(dict.fromkeys(m.code for m in mentions if m.code)),
        "entities": [{"name": n, "label": lb, "code": c, "role": r} for n, lb, c, r in distinct],
        "figures": [
            f.model_dump(include={"kind", "value", "value_max", "currency", "unit", "qualifier"})
            for f in doc.figures
        ],
        "agreements": [{"parties": list(a.parties), "status": a.status} for a in doc.agreements],
    }
    if doc.embedding is not None:
        body["embedding"] = list(doc.embedding)
    if analysis == "stems":
        body["title_stems"] = stem_text(doc.title)
        body["body_stems"] = stem_text(doc.body)
        body["entity_text_stems"] = stem_text(body["entity_text"])
    return body


def from_source(source: dict[str, Any]) -> Document:
    data = dict(source["doc"])
    if "embedding" in source:
        data["embedding"] = source["embedding"]
    return Document.model_validate(data)


@dataclass(frozen=True, slots=True)
class QueryCompiler:
    """Turns a ParsedQuery and the Query's filters into Elasticsearch query DSL, for one text analysis."""

    analysis: TextAnalysis

    def _fields(self) -> list[str]:
        suffix = "_stems" if self.analysis == "stems" else ""
        return [f"title{suffix}^{TITLE_BOOST}", f"entity_text{suffix}^{ENTITY_BOOST}", f"body{suffix}"]

    def _terms(self, words: Iterable[str]) -> str:
        return " ".join(stem(w) for w in words) if self.analysis == "stems" else " ".join(words)

    def atom(self, atom: Atom) -> dict[str, Any]:
        if isinstance(atom, Phrase):
            return {
                "multi_match": {"query": self._terms(atom.words), "type": "phrase", "fields": self._fields()}
            }
        if atom.prefix:
            prefix = fold(atom.text)
            return {
                "bool": {
                    "should": [
                        {"prefix": {"title": {"value": prefix, "boost": TITLE_BOOST}}},
                        {"prefix": {"entity_text": {"value": prefix, "boost": ENTITY_BOOST}}},
                        {"prefix": {"body": {"value": prefix}}},
                    ],
                    "minimum_should_match": 1,
                }
            }
        return {"combined_fields": {"query": self._terms([atom.text]), "fields": self._fields()}}

    def clause(self, clause: Clause) -> dict[str, Any]:
        if isinstance(clause, AnyOf):
            return {"bool": {"should": [self.atom(a) for a in clause.options], "minimum_should_match": 1}}
        return self.atom(clause)

    def text(self, parsed: ParsedQuery) -> dict[str, Any]:
        words = [
            {
                "bool": {
                    "should": [
                        {"constant_score": {"filter": self.atom(w), "boost": WORD_MATCH_SCORE}},
                        self.atom(w),
                    ],
                    "minimum_should_match": 1,
                }
            }
            for w in parsed.optional
        ]
        query: dict[str, Any] = {"must": [self.clause(c) for c in parsed.required], "should": words}
        if words:
            query["minimum_should_match"] = parsed.minimum_should_match
        if parsed.excluded:
            query["must_not"] = [self.atom(a) for a in parsed.excluded]
        return {"bool": query}

    @staticmethod
    def filters(query: Query) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        if query.sources:
            out.append({"terms": {"source": list(query.sources)}})
        if query.kinds:
            out.append({"terms": {"kind": list(query.kinds)}})
        if query.withdrawn:
            out.append({"term": {"withdrawn": True}})
        elif query.withdrawn is False:  # documents indexed before the field existed have none: not withdrawn
            out.append({"bool": {"must_not": [{"term": {"withdrawn": True}}]}})
        out.extend({"term": {"entity_folded": fold(name)}} for name in query.entities)
        out.extend({"term": {"country_codes": code.upper()}} for code in query.countries)
        if query.published_from is not None or query.published_to is not None:
            bounds = {"gte": _utc(query.published_from), "lte": _utc(query.published_to)}
            out.append({"range": {"published": {k: v for k, v in bounds.items() if v is not None}}})
        if query.figure_currency is not None or query.figure_min is not None or query.figure_max is not None:
            money: list[dict[str, Any]] = [{"term": {"figures.kind": "money"}}]
            if query.figure_currency is not None:
                money.append({"term": {"figures.currency": query.figure_currency.upper()}})
            if query.figure_min is not None:  # a range figure ('€5m to €8m') counts when it overlaps
                money.append(
                    {
                        "bool": {
                            "should": [
                                {"range": {"figures.value_max": {"gte": query.figure_min}}},
                                {
                                    "bool": {
                                        "must_not": [{"exists": {"field": "figures.value_max"}}],
                                        "filter": [{"range": {"figures.value": {"gte": query.figure_min}}}],
                                    }
                                },
                            ],
                            "minimum_should_match": 1,
                        }
                    }
                )
            if query.figure_max is not None:
                money.append({"range": {"figures.value": {"lte": query.figure_max}}})
            out.append({"nested": {"path": "figures", "query": {"bool": {"filter": money}}}})
        if query.agreement_parties or query.agreement_status:
            same: list[dict[str, Any]] = [
                {"term": {"agreements.parties": p}} for p in query.agreement_parties
            ]
            if query.agreement_status:
                same.append({"terms": {"agreements.status": list(query.agreement_status)}})
            out.append({"nested": {"path": "agreements", "query": {"bool": {"filter": same}}}})
        if query.story_id is not None:
            out.append({"term": {"story_id": query.story_id}})
        if query.ids:
            out.append({"ids": {"values": list(query.ids)}})
        return out


def facet_aggregations() -> dict[str, Any]:
    order = [{"_count": "desc"}, {"_key": "asc"}]
    terms = {
        "source": "source",
        "kind": "kind",
        "entity": "entity_names",
        "person": "person_names",
        "organisation": "org_names",
        "country": "country_codes",
    }
    aggs: dict[str, Any] = {
        name: {"terms": {"field": field, "size": FACET_SIZE, "order": order}} for name, field in terms.items()
    }
    aggs["day"] = {
        "date_histogram": {
            "field": "published",
            "calendar_interval": "day",
            "format": "yyyy-MM-dd",
            "min_doc_count": 1,
        }
    }
    return aggs


def _encode_cursor(pit: str, after: list[Any]) -> str:
    raw = json.dumps({"pit": pit, "after": after}, separators=(",", ":")).encode()
    return "e" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[str, list[Any]]:
    try:
        if not cursor.startswith("e"):
            raise ValueError(cursor)
        body = cursor[1:]
        data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        pit, after = data["pit"], data["after"]
        if not isinstance(pit, str) or not isinstance(after, list) or len(after) > 4:
            raise ValueError(cursor)
        if not all(_sort_value(value) for value in after):
            raise ValueError(cursor)
    except (binascii.Error, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise QueryError("invalid cursor: pass back the next_cursor of a previous page") from None
    return pit, after


def _sort_value(value: object) -> bool:
    """A value our sorts put in a cursor: a 64-bit integer, a finite float or a short string (not a bool)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -(2**63) <= value <= 2**63 - 1
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, str) and len(value) <= 1000


class ElasticsearchBackend:
    """Search on an Elasticsearch 8.x server behind the alias `index`; see the module docstring.

    `refresh=True` makes every write visible to search before it returns (tests, read-after-write
    callers); by default the server's refresh interval applies, which is what bulk ingest wants.
    `facet_sample`: facets count the newest this many matches, as SQLite's do (None: every match).
    `create=False` (commands that only read): a missing alias is an `IndexMissingError`, not a new index, and
    neither the mapping nor the data directory is changed (the outbox's file is made by a write that waits).
    """

    def __init__(
        self,
        *,
        url: str,
        index: str,
        outbox_path: Path,
        api_key: str | None = None,
        basic_auth: tuple[str, str] | None = None,
        refresh: bool = False,
        request_timeout: float = 30.0,
        probe_english: Callable[[Elasticsearch], bool] | None = None,
        facet_sample: int | None = FACET_SAMPLE,
        create: bool = True,
    ) -> None:
        self.alias = index
        self.create = create
        self.refresh = refresh
        self.facet_sample = facet_sample  # None: facets count every match, in the page's own request
        self.client = Elasticsearch(
            url,
            api_key=api_key,
            basic_auth=basic_auth,
            request_timeout=request_timeout,
            max_retries=1,
            retry_on_timeout=False,
        )
        self.outbox = Outbox(path=outbox_path)
        self._probe = probe_english or _has_english
        self._analysis: TextAnalysis | None = None
        self._lock = threading.RLock()
        self._url = _without_credentials(url)  # for messages and logs

    # --- setup -----------------------------------------------------------------------------------

    def close(self) -> None:
        """Replay the outbox if this process writes (`create`); a reader leaves it to the writers, since two
        flushers at once could send a write twice, or an older one last."""
        if self.create:
            try:
                self.flush_outbox()
            except BackendUnavailableError as exc:
                logger.warning(
                    "%d write(s) stay in the outbox %s: %s", self.outbox.size(), self.outbox.path, exc
                )
        self.outbox.close()
        self.client.close()

    def _unavailable(self, exc: Exception) -> BackendUnavailableError:
        if isinstance(exc, ApiError) and exc.status_code == _OVERLOADED:
            return BackendUnavailableError(
                f"Elasticsearch at {self._url} is overloaded: {exc}", reason="Elasticsearch is overloaded"
            )
        if isinstance(exc, ApiError) and exc.status_code in _REFUSED:
            return BackendUnavailableError(
                f"Elasticsearch at {self._url} refused presswatch's credentials: {exc}",
                reason=f"Elasticsearch refused presswatch's credentials (HTTP {exc.status_code})",
                retry_after=None,
            )
        return BackendUnavailableError(
            f"Elasticsearch at {self._url} is unavailable: {exc}", reason="Elasticsearch cannot be reached"
        )

    def _ensure(self) -> TextAnalysis:
        """Create the template and the first index behind the alias when missing; the text analysis in use."""
        with self._lock:
            if self._analysis is not None:
                return self._analysis
            try:
                self._analysis = self._setup()
            except _UNAVAILABLE as exc:
                raise self._unavailable(exc) from exc
            except ApiError as exc:
                if _unreachable_status(exc.status_code):
                    raise self._unavailable(exc) from exc
                raise
            return self._analysis

    def _setup(self) -> TextAnalysis:
        if self.client.indices.exists_alias(name=self.alias):
            current = self._current_index()
            mapping = self.client.indices.get_mapping(index=current)[current]["mappings"]
            meta = mapping.get("_meta", {})
            # Fields added to the mapping since the index was made (adding a field is allowed in place), by a
            # process that may write only: a search must not change the cluster (nor fail on a read-only index).
            if self.create and "withdrawn" not in mapping.get("properties", {}):
                self.client.indices.put_mapping(index=current, properties={"withdrawn": {"type": "boolean"}})
            analysis: TextAnalysis = "english" if meta.get("text_analysis") == "english" else "stems"
            logger.info("Elasticsearch index %s uses %s text analysis", current, analysis)
            return analysis
        if not self.create:
            raise IndexMissingError(
                f"no index {self.alias} on Elasticsearch at {self._url}: nothing has been crawled or ingested"
                " into it (PRESSWATCH_ELASTICSEARCH_INDEX); `presswatch crawl` or `presswatch ingest` creates it",
                reason="no search index yet",
            )
        analysis = self._put_template()
        try:
            self.client.indices.create(index=f"{self.alias}-1", aliases={self.alias: {}})
        except BadRequestError as exc:
            if exc.error != "resource_already_exists_exception":
                raise
        return analysis

    def _put_template(self) -> TextAnalysis:
        analysis = choose_analysis(self._probe(self.client))
        logger.info(
            "Elasticsearch text analysis: %s",
            "the english analyzer"
            if analysis == "english"
            else "standard analyzer plus Python Snowball stems (the server has no english analyzer)",
        )
        self.client.indices.put_index_template(
            name=self.alias,
            index_patterns=[f"{self.alias}-*"],
            template=index_template(analysis),
        )
        return analysis

    def _current_index(self) -> str:
        indices = list(self.client.indices.get_alias(name=self.alias))
        if len(indices) != 1:
            raise BackendUnavailableError(  # someone has to mend the alias: waiting does not
                f"alias {self.alias} points at {len(indices)} indices: {indices}", retry_after=None
            )
        return indices[0]

    # --- writes ----------------------------------------------------------------------------------

    def index(self, docs: Iterable[Document]) -> IndexReport:
        batch = list(docs)
        report = IndexReport()
        version = write_version()
        try:
            self.flush_outbox()
        except BackendUnavailableError as exc:
            self._queue(batch, report, version=version, reason=str(exc))
            return report
        try:
            retry = self._bulk(
                [_versioned({"_op_type": "index", "_id": d.id, "_source": d}, version) for d in batch],
                report=report,
            )
        except BackendUnavailableError as exc:
            self._queue(batch, report, version=version, reason=str(exc))
            return report
        self._drop_stale(report)
        by_id = {d.id: d for d in batch}
        self._queue(
            [by_id[i] for i in retry], report, version=version, reason="the server refused the write for now"
        )
        return report

    @staticmethod
    def _drop_stale(report: IndexReport) -> None:
        """A write refused because another process wrote the document since: the index holds the newer
        text, which is what this write wanted too; not a failure."""
        for doc_id in [i for i, error in report.failed.items() if _stale(error)]:
            logger.info("%s: the index holds a newer version; this write was older and is dropped", doc_id)
            del report.failed[doc_id]

    def _queue(self, docs: list[Document], report: IndexReport, *, version: int, reason: str) -> None:
        if not docs:
            return
        self.outbox.put(docs, version=version)
        report.queued += len(docs)
        logger.warning("%d document(s) queued in the outbox %s: %s", len(docs), self.outbox.path, reason)

    def _bulk(self, actions: list[dict[str, Any]], *, report: IndexReport | None = None) -> list[str]:
        """Send index/delete actions in order; the ids whose write should be retried later."""
        analysis = self._ensure()

        def prepared() -> Iterator[dict[str, Any]]:
            for action in actions:
                source = action.get("_source")
                if isinstance(source, Document):
                    action = {**action, "_source": to_source(source, analysis=analysis)}
                yield {**action, "_index": self.alias}

        retry: list[str] = []
        try:
            for ok, item in helpers.streaming_bulk(
                self.client,
                prepared(),
                chunk_size=BULK_CHUNK,
                raise_on_error=False,
                raise_on_exception=True,
                refresh="wait_for" if self.refresh else False,
            ):
                op, info = next(iter(item.items()))
                doc_id = str(info.get("_id"))
                status = int(info.get("status", 0))
                if ok:
                    if report is not None and op == "index":
                        if info.get("result") == "created":
                            report.added += 1
                        else:
                            report.updated += 1
                elif op == "delete" and status == 404:
                    continue
                elif status in _RETRYABLE_STATUS:
                    retry.append(doc_id)
                elif report is not None:
                    report.failed[doc_id] = json.dumps(info.get("error"))[:500]
                else:
                    logger.error("write of %s refused for good: %s", doc_id, info.get("error"))
        except _UNAVAILABLE as exc:
            raise self._unavailable(exc) from exc
        except TransportError as exc:
            raise self._unavailable(exc) from exc
        except ApiError as exc:
            if exc.status_code >= 500 or exc.status_code in (403, 429):
                raise self._unavailable(exc) from exc
            raise
        return retry

    def index_versioned(self, docs: Iterable[Document], *, versions: Mapping[str, int]) -> IndexReport:
        """Write with external versions (`external_gte`), never through the outbox: cluster mode, where the
        task queue keeps what could not be written and redelivers it (at least once).

        A write whose version is lower than the stored one is refused by the server and reported in
        `stale` ids (in `failed` with reason "stale"): a redelivered batch never overwrites a newer text; an
        equal version rewrites (a source added to the same text). Raises BackendUnavailableError when the
        server cannot take the writes now, so the caller retries the batch.
        """
        batch = list(docs)
        report = IndexReport()
        actions = [
            {
                "_op_type": "index",
                "_id": d.id,
                "_source": d,
                "version": versions[d.id],
                "version_type": "external_gte",
            }
            for d in batch
        ]
        retry = self._bulk(actions, report=report)
        if retry:
            raise BackendUnavailableError(
                f"{len(retry)} write(s) refused for now by {self._url}", reason="the search index is busy"
            )
        for doc_id, error in list(report.failed.items()):
            if _stale(error):
                report.failed[doc_id] = STALE
        return report

    def get_versioned(self, doc_id: str) -> tuple[Document, int] | None:
        """The stored document and its version (no outbox); BackendUnavailableError when unreachable."""
        self._ensure()
        try:
            found = self._call(lambda: self.client.get(index=self.alias, id=doc_id))
        except NotFoundError:
            return None
        return from_source(found["_source"]), int(found["_version"])

    def flush_outbox(self, *, batch: int = BULK_CHUNK) -> int:
        """Replay queued writes in order; how many were sent. Raises BackendUnavailableError if still down.

        One process replays at a time (the outbox's flush lock); while another does, this returns 0 at once
        and the caller writes directly: its write is newer than any queued one, so the other's replay of an
        older version of the same document is refused by the server rather than put over it."""
        with self._lock, self.outbox.flushing() as mine:
            if not mine:
                return 0
            return self._replay(batch=batch)

    def _replay(self, *, batch: int) -> int:
        sent = 0
        while True:
            pending = self.outbox.oldest(limit=batch)
            if not pending:
                return sent
            actions: list[dict[str, Any]] = []
            for write in pending:
                if write.op == "delete":
                    actions.append(_versioned({"_op_type": "delete", "_id": write.doc_id}, write.version))
                else:
                    assert write.data is not None
                    doc = Document.from_json(write.data)
                    actions.append(
                        _versioned({"_op_type": "index", "_id": doc.id, "_source": doc}, write.version)
                    )
            report = IndexReport()
            retry = self._bulk(actions, report=report)
            self._drop_stale(report)
            for doc_id, error in report.failed.items():
                logger.error("queued write of %s refused for good: %s", doc_id, error)
            if retry:  # keep the order: stop at the first write the server refused
                first = next(i for i, w in enumerate(pending) if w.doc_id in set(retry))
                if first:
                    self.outbox.done(through=pending[first - 1].seq)
                raise BackendUnavailableError(
                    f"Elasticsearch refused {len(retry)} queued write(s) for now; they stay queued"
                )
            self.outbox.done(through=pending[-1].seq)
            sent += len(pending)
            logger.info("replayed %d queued write(s); %d left", len(pending), self.outbox.size())

    def pending_writes(self) -> int:
        """Writes waiting in the outbox for the server."""
        return self.outbox.size()

    def delete(self, doc_id: str) -> bool:
        """Remove a document; False when it was not there. While the server is down the delete is queued."""
        version = write_version()
        try:
            self.flush_outbox()
            self._ensure()
            result = self.client.delete(
                index=self.alias,
                id=doc_id,
                refresh="wait_for" if self.refresh else False,
                version=version,
                version_type="external_gte",
            )
        except NotFoundError:
            return False
        except ConflictError:  # another process wrote the document after this delete was asked for
            logger.info("%s: the index holds a newer version than this delete; kept", doc_id)
            return False
        except (*_UNAVAILABLE, BackendUnavailableError) as exc:
            self.outbox.put_delete(doc_id, version=version)
            logger.warning("delete of %s queued in the outbox: %s", doc_id, exc)
            return True
        return bool(result.get("result") == "deleted")

    def refresh_now(self) -> None:
        """Make every write so far visible to search."""
        self._ensure()
        self._call(lambda: self.client.indices.refresh(index=self.alias))

    def text_analysis(self) -> TextAnalysis:
        """How the index analyses text (search/index_terms.py reproduces the `stems` one)."""
        return self._ensure()

    # --- reads -----------------------------------------------------------------------------------

    def _call(self, request: Callable[[], Any]) -> Any:
        try:
            return request()
        except _UNAVAILABLE as exc:
            raise self._unavailable(exc) from exc
        except ApiError as exc:
            if _unreachable_status(exc.status_code):
                raise self._unavailable(exc) from exc
            raise

    def get(self, doc_id: str) -> Document | None:
        try:
            self._ensure()
            found = self._call(lambda: self.client.get(index=self.alias, id=doc_id))
        except NotFoundError:
            found = None
        except BackendUnavailableError:
            pending = self.outbox.latest(doc_id)
            if pending is None:
                raise
            return newest(None, pending)  # the server is down: the queued write is all there is
        return newest(found, self.outbox.latest(doc_id))

    def documents(self, *, batch_size: int = 500) -> Iterator[Document]:
        """Every stored document, scrolled (the scroll sees the index as it was when it began)."""
        self._ensure()
        try:
            for hit in helpers.scan(
                self.client, index=self.alias, query={"query": {"match_all": {}}}, size=batch_size
            ):
                yield from_source(hit["_source"])
        except _UNAVAILABLE as exc:
            raise self._unavailable(exc) from exc

    def count(self) -> int:
        self._ensure()
        return int(self._call(lambda: self.client.count(index=self.alias))["count"])

    def documents_per_source(self, names: Sequence[str], *, timeout: float) -> dict[str, int]:
        """One aggregation over the sources' documents, exact (each shard returns every listed source), in at
        most `timeout` seconds; it does not set up the index (a missing one is an `IndexMissingError`)."""
        if not names:
            return {}
        client = self.client.options(request_timeout=timeout)
        try:
            found = self._call(
                lambda: client.search(
                    index=self.alias,
                    size=0,
                    track_total_hits=False,
                    query={"terms": {"source": list(names)}},
                    aggs={"sources": {"terms": {"field": "source", "size": len(names)}}},
                )
            )
        except NotFoundError as exc:
            raise IndexMissingError(
                f"no index {self.alias} on Elasticsearch at {self._url}", reason="no search index yet"
            ) from exc
        counts = {str(b["key"]): int(b["doc_count"]) for b in found["aggregations"]["sources"]["buckets"]}
        return {name: counts.get(name, 0) for name in names}

    def search_body(self, query: Query) -> dict[str, Any]:
        """The search request for `query` (text mode, first page): query, sort, count, and the facets when
        they count every match (`facet_sample` None); sampled facets are requests of their own."""
        parsed = parse_query(query.text) if query.text.strip() else None
        compiler = QueryCompiler(self._ensure())
        bool_query: dict[str, Any] = {"filter": compiler.filters(query)}
        if parsed is not None:
            bool_query["must"] = [compiler.text(parsed)]
        by_date = query.sort == "date" or parsed is None
        sort: list[Any] = [{"published": {"order": "desc", "missing": "_last"}}] if by_date else ["_score"]
        if not by_date:
            sort.append({"published": {"order": "desc", "missing": "_last"}})
        sort.append({"id": "asc"})
        body: dict[str, Any] = {
            "query": {"bool": bool_query},
            "sort": sort,
            "size": query.limit + 1,
            # Counting every match keeps Lucene from skipping the blocks that cannot reach the top hits;
            # SQLite counts up to the same limit, and the page says when the total is a floor.
            "track_total_hits": TOTAL_LIMIT,
            "track_scores": True,
            "source": {"excludes": ["embedding"]},
        }
        if query.facets and self.facet_sample is None:
            body["aggs"] = facet_aggregations()
        return body

    def _sample_boundary_body(self, body: dict[str, Any]) -> dict[str, Any]:
        """The `facet_sample`-th newest indexed match (its `indexed_at` bounds the sample), without scoring:
        Lucene skips the documents a sort on a date field cannot reach, so this costs a fraction of the
        page. Facets over every match made every search visit and bucket every match of a common word: at
        100,000 documents they were half of a search's time in the server (bench/elastic_search.py)."""
        assert self.facet_sample is not None
        return {
            "query": {"bool": {"filter": [body["query"]]}},
            "sort": [{"indexed_at": {"order": "desc", "missing": "_last"}}],
            "from": self.facet_sample - 1,
            "size": 1,
            "source": False,
            "track_total_hits": False,
        }

    def _sample_facets_body(self, body: dict[str, Any], boundary: dict[str, Any]) -> dict[str, Any]:
        """The facets of the matches indexed at or after the boundary's hit (every match without one)."""
        conditions: list[dict[str, Any]] = [body["query"]]
        hits = boundary["hits"]["hits"]
        newest = hits[0]["sort"][0] if hits else None
        if isinstance(newest, int) and newest > 0:  # a missing indexed_at sorts as the smallest long
            conditions.append({"range": {"indexed_at": {"gte": newest, "format": "epoch_millis"}}})
        return {
            "query": {"bool": {"filter": conditions}},
            "size": 0,
            "track_total_hits": False,
            "aggs": facet_aggregations(),
        }

    def _searches(self, bodies: list[dict[str, Any]], pit: str | None) -> list[dict[str, Any]]:
        """Run searches in one request (the server runs them side by side), each answer in order; the
        answers' errors raised as `search` raises them."""
        # A body is written for `client.search`'s keywords; a multi-search sends it as JSON, `_source`.
        bodies = [{("_source" if k == "source" else k): v for k, v in b.items()} for b in bodies]
        if pit is not None:
            bodies = [{**b, "pit": {"id": pit, "keep_alive": PIT_KEEP_ALIVE}} for b in bodies]
        header: dict[str, Any] = {} if pit is not None else {"index": self.alias}
        searches = [part for b in bodies for part in (header, b)]
        answers = self._call(lambda: self.client.msearch(searches=searches))["responses"]
        for answer in answers:
            error = answer.get("error")
            if error is None:
                continue
            status = int(answer.get("status", 500))
            if status == 404 and pit is not None:
                raise QueryError("the cursor has expired: run the search again from the first page")
            if status == 400:
                reason = error.get("reason", error) if isinstance(error, dict) else error
                raise QueryError(f"Elasticsearch cannot run this search: {reason}")
            raise BackendUnavailableError(
                f"Elasticsearch at {self._url} failed a search: {error}", reason="Elasticsearch failed"
            )
        return list(answers)

    def search(self, query: Query) -> Page:
        check_possible(query)
        if query.mode != "text":
            return elastic_vectors.vector_page(self, query)
        parsed = parse_query(query.text) if query.text.strip() else None
        body = self.search_body(query)
        pit: str | None = None
        if query.cursor:
            pit, after = _decode_cursor(query.cursor)
            body["pit"] = {"id": pit, "keep_alive": PIT_KEEP_ALIVE}
            body["search_after"] = after
        sampled = query.facets and self.facet_sample is not None
        try:
            if not sampled:
                if pit is None:
                    result = self._call(lambda: self.client.search(index=self.alias, **body))
                else:
                    result = self._call(lambda: self.client.search(**body))
                aggregations = result.get("aggregations", {})
            else:
                page_body = {k: v for k, v in body.items() if k != "pit"}  # `_searches` adds it to each
                result, boundary = self._searches([page_body, self._sample_boundary_body(page_body)], pit)
                (counted,) = self._searches([self._sample_facets_body(page_body, boundary)], pit)
                aggregations = counted.get("aggregations", {})
        except NotFoundError as exc:
            raise QueryError("the cursor has expired: run the search again from the first page") from exc
        except BadRequestError as exc:
            raise QueryError(f"Elasticsearch cannot run this search: {exc.message}") from exc
        raw_hits = result["hits"]["hits"]
        more = len(raw_hits) > query.limit
        page_hits = raw_hits[: query.limit]
        next_cursor = None
        if more:
            if pit is None:  # freeze this view of the index for the next pages
                opened = self._call(
                    lambda: self.client.open_point_in_time(index=self.alias, keep_alive=PIT_KEEP_ALIVE)
                )
                pit = str(opened["id"])
            next_cursor = _encode_cursor(str(result.get("pit_id", pit)), list(page_hits[-1]["sort"]))
        elif pit is not None:
            self._close_pit(str(result.get("pit_id", pit)))
        marker = Marker.of(parsed.positive_atoms()) if parsed is not None else None
        hits = [self._hit(h, marker) for h in page_hits]
        facets = self._facets(aggregations) if query.facets else {}
        total = result["hits"]["total"]
        return Page(
            total=int(total["value"]),
            total_exact=total.get("relation", "eq") == "eq",
            hits=hits,
            facets=facets,
            facets_sampled=self.facet_sample
            if sampled and self.facet_sample is not None and int(total["value"]) > self.facet_sample
            else None,
            next_cursor=next_cursor,
        )

    def similar(self, doc_id: str, *, limit: int = 10, filters: Query | None = None) -> list[Hit]:
        return elastic_vectors.similar(self, doc_id, limit=limit, filters=filters)

    def _close_pit(self, pit: str) -> None:
        try:
            self.client.close_point_in_time(id=pit)
        except (ApiError, *_UNAVAILABLE) as exc:  # it expires by itself
            logger.debug("could not close point in time: %s", exc)

    @staticmethod
    def _hit(raw: dict[str, Any], marker: Marker | None) -> Hit:
        document = from_source(raw["_source"])
        text = None
        if marker is not None:
            text = snippet(document.body, marker) or snippet(document.title, marker)
        return Hit.of(
            document, score=float(raw.get("_score") or 0.0), snippet=text or plain_snippet(document.body)
        )

    @staticmethod
    def _facets(aggs: dict[str, Any]) -> dict[str, list[FacetValue]]:
        out: dict[str, list[FacetValue]] = {}
        for name, agg in aggs.items():
            key = "key_as_string" if name == "day" else "key"
            out[name] = [FacetValue(value=str(b[key]), count=int(b["doc_count"])) for b in agg["buckets"]]
        return out

    # --- reindex ---------------------------------------------------------------------------------

    def reindex(self, *, progress: Callable[[int], None] | None = None) -> str:
        """Copy the current index into a new generation built from today's template, then flip the alias.

        The server has no reindex module, so documents are scanned and bulk-written by the client. Writes to
        the old index are blocked while it is copied: writers queue them in their outbox and replay them
        onto the new index after the flip. Search reads the old index until the flip, which is atomic.
        Returns the new index's name.
        """
        self._ensure()
        self.flush_outbox()
        try:
            old = self._current_index()
            generation = int(m.group(1)) if (m := _GENERATION.search(old)) else 0
            new = f"{self.alias}-{generation + 1}"
            analysis = self._put_template()
            self.client.indices.create(index=new)
            self.client.indices.put_settings(index=old, settings={"index.blocks.write": True})
            self.client.indices.refresh(index=old)  # the scan must see the last writes before the block
            copied = 0
            try:
                actions = (  # each with its version: a replay queued before the copy stays older
                    {
                        "_op_type": "index",
                        "_index": new,
                        "_id": hit["_id"],
                        "_source": self._rebuilt(hit, analysis),
                        "version": hit["_version"],
                        "version_type": "external",
                    }
                    for hit in helpers.scan(
                        self.client, index=old, query={"query": {"match_all": {}}}, size=500, version=True
                    )
                )
                for ok, item in helpers.streaming_bulk(self.client, actions, chunk_size=BULK_CHUNK):
                    if not ok:
                        raise BackendUnavailableError(f"reindex could not copy a document: {item}")
                    copied += 1
                    if progress is not None and copied % BULK_CHUNK == 0:
                        progress(copied)
                self.client.indices.refresh(index=new)
                self.client.indices.update_aliases(
                    actions=[
                        {"remove": {"index": old, "alias": self.alias}},
                        {"add": {"index": new, "alias": self.alias}},
                    ]
                )
            except BaseException:
                self.client.indices.put_settings(index=old, settings={"index.blocks.write": False})
                self.client.options(ignore_status=404).indices.delete(index=new)
                raise
            time.sleep(REINDEX_GRACE_SECONDS)  # searches that resolved the alias before the flip finish first
            self.client.indices.delete(index=old)
        except _UNAVAILABLE as exc:
            raise self._unavailable(exc) from exc
        with self._lock:
            self._analysis = analysis
        self.flush_outbox()
        logger.info("reindexed %d document(s) from %s into %s", copied, old, new)
        return new

    @staticmethod
    def _rebuilt(hit: dict[str, Any], analysis: TextAnalysis) -> dict[str, Any]:
        return to_source(from_source(hit["_source"]), analysis=analysis)


def _without_credentials(url: str) -> str:
    """The URL as it may appear in a message: any user:password@ part removed."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _has_english(client: Elasticsearch) -> bool:
    try:
        client.indices.analyze(analyzer="english", text="probe")
    except BadRequestError:
        return False
    return True
