"""The alerts service: what the API, the CLI and a web page call (saved searches by owner), and what the
indexer calls around each batch (`will_index` before a write, `indexed` after the batch) to match it.

    service = AlertService.open(settings, backend=backend)
    saved = service.create(owner="key:abc", spec=SavedSearchSpec(kind="agreement", party="Kosovo", webhook_url=...))
    service.searches(owner="key:abc"); service.pause(owner=..., search_id=saved.id); service.resume(...); service.delete(...)
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

from alerts.chat import check_apprise_url
from alerts.matcher import CandidateMatcher, Match, Matcher, Prepared, fetch_many
from alerts.model import PERIOD_SECONDS, AlertPayload, Delivery, Outlet, SavedSearch, SavedSearchSpec
from alerts.names import unknown_name, unknown_story
from alerts.query_names import country_code
from alerts.store import AlertStore, NewAlert, open_alert_store
from alerts.targets import check_webhook_url
from presswatch.config import Settings
from presswatch.document import Document
from presswatch.gazetteer import canonical_name
from search.base import BackendUnavailableError, QueryError, SearchBackend
from search.stored_names import stored_name, with_stored_names

logger = logging.getLogger(__name__)
SUMMARY_CHARS = 400
MATCH_GRACE_SECONDS = 120.0  # ids queued longer than this are matched by the delivery worker (a crash)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class NotFoundError(LookupError):
    """No saved search with that id for that owner (another owner's searches are not found either)."""


class AlertService:
    def __init__(
        self,
        *,
        store: AlertStore,
        backend: SearchBackend,
        allow_private_networks: bool = False,
        matcher: Matcher | None = None,
    ) -> None:
        self.store = store
        self.backend = backend
        self.allow_private_networks = allow_private_networks
        self.matcher: Matcher = matcher or CandidateMatcher(backend=backend)
        self._prepared: tuple[int, Prepared | None] = (-1, None)

    @classmethod
    def open(cls, settings: Settings, *, backend: SearchBackend) -> AlertService:
        return cls(
            store=open_alert_store(settings),
            backend=backend,
            allow_private_networks=settings.alerts_allow_private_networks,
        )

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    # saved searches, by owner

    def create(self, *, owner: str, spec: SavedSearchSpec) -> SavedSearch:
        """Save a search; a query the backend refuses or a forbidden webhook target is a ValueError (a story
        the index does not hold: its subclass UnknownStoryError)."""
        problem = spec.problem()
        if problem is not None:
            raise ValueError(problem)
        spec = stored_spec(canonical_spec(spec), self.backend)
        unknown = unknown_name(spec.effective_query(), self.backend)
        if unknown is not None:
            raise ValueError(unknown)
        unknown_story(
            (("story_id",), spec.story_id), (("query", "story_id"), spec.query.story_id), backend=self.backend
        )
        if spec.webhook_url:
            check_webhook_url(spec.webhook_url, allow_private_networks=self.allow_private_networks)
        for url in spec.apprise_urls:
            check_apprise_url(url)
        try:
            self.backend.search(spec.effective_query().model_copy(update={"limit": 1, "ids": ("-",)}))
        except QueryError as exc:
            raise ValueError(f"the saved search cannot run: {exc}") from None
        saved = SavedSearch(
            id=uuid.uuid4().hex[:16],
            owner=owner,
            spec=spec,
            paused=False,
            created=datetime.now(UTC),
            secret=secrets.token_urlsafe(32),
        )
        self.store.add(saved)
        return saved

    def searches(self, *, owner: str) -> list[SavedSearch]:
        return self.store.searches(owner=owner)

    def get(self, *, owner: str, search_id: str) -> SavedSearch:
        saved = self.store.get(search_id)
        if saved is None or saved.owner != owner:
            raise NotFoundError(f"no saved search {search_id}")
        return saved

    def pause(self, *, owner: str, search_id: str) -> SavedSearch:
        self.get(owner=owner, search_id=search_id)
        self.store.set_paused(search_id, paused=True)
        return self.get(owner=owner, search_id=search_id)

    def resume(self, *, owner: str, search_id: str) -> SavedSearch:
        self.get(owner=owner, search_id=search_id)
        self.store.set_paused(search_id, paused=False)
        return self.get(owner=owner, search_id=search_id)

    def delete(self, *, owner: str, search_id: str) -> None:
        self.get(owner=owner, search_id=search_id)
        self.store.remove(search_id)

    def alerts(
        self, *, owner: str, search_id: str, limit: int = 50, before: int | None = None
    ) -> list[AlertPayload]:
        self.get(owner=owner, search_id=search_id)
        return self.store.alerts_of(search_id, limit=limit, before=before)

    def dead_letters(self, *, owner: str) -> list[Delivery]:
        return self.store.deliveries(owner=owner, state="dead")

    def retry(self, *, owner: str, delivery_id: int) -> None:
        if self.store.delivery_owner(delivery_id) != owner or not self.store.retry_dead(delivery_id):
            raise NotFoundError(f"no dead letter {delivery_id}")

    # matching, called by the indexer (crawlers.indexer.IndexListener)

    def will_index(self, doc_ids: Sequence[str]) -> None:
        """Before the index write: remember the ids, so a crash before matching is caught up later."""
        self.store.queue_for_matching(doc_ids)

    def indexed(self, doc_ids: Sequence[str]) -> int:
        """After a batch is durably indexed: match it now. Returns how many alerts were queued."""
        return self.match_pending(doc_ids=doc_ids)

    def _active(self) -> Prepared:
        """The active searches, prepared once per change of the saved searches (not once per batch)."""
        version, prepared = self._prepared
        current = self.store.searches_version()
        if prepared is None or version != current:
            prepared = self.matcher.prepare(self.store.searches(active_only=True))
            self._prepared = (current, prepared)
        return prepared

    def match_pending(
        self, *, doc_ids: Sequence[str] | None = None, grace: float = MATCH_GRACE_SECONDS
    ) -> int:
        """Match queued ids (these, or those left by a crash, queued over `grace` seconds ago) and record the
        new alerts. Nothing is matched while writes wait in an Elasticsearch outbox: they are not indexed yet."""
        pending = self.store.pending_matches(
            doc_ids=doc_ids, older_than=None if doc_ids else time.time() - grace
        )
        if not pending:
            return 0
        try:
            flush = getattr(self.backend, "flush_outbox", None)
            if callable(flush):
                flush()
            waiting = getattr(self.backend, "pending_writes", None)
            if callable(waiting) and waiting():
                return 0  # matched once Elasticsearch has them (the worker retries)
            documents = fetch_many(self.backend, list(pending))
            matches = self.matcher.match(self._active(), documents)
        except BackendUnavailableError as exc:
            logger.warning("alerts: cannot match %d new document(s) yet: %s", len(pending), exc)
            return 0
        by_id = {d.id: d for d in documents}
        fired = self.store.fired_reasons((m.search.id, m.hit.id) for m in matches)
        new: list[NewAlert] = []
        for match in matches:
            before = fired.get((match.search.id, match.hit.id), set())
            if set(match.reasons) <= before:
                continue
            fresh = tuple(r for r in match.reasons if r not in before)
            new.append(
                NewAlert(
                    search_id=match.search.id,
                    doc_id=match.hit.id,
                    reasons=match.reasons,
                    payload=_payload(match.search, by_id[match.hit.id], match, fresh),
                    channels=channels_of(match.search.spec),
                    awaits_digest=match.search.spec.delivery != "immediate",
                    # A story watch wants each new document of its story; other searches, one alert a story.
                    story_id=by_id[match.hit.id].story_id if match.search.spec.kind != "story" else None,
                )
            )
        return len(self.store.record(new, matched=pending))

    def close_digests(self, *, now: float) -> int:
        """Queue the digest of each hourly or daily search whose period ended by `now` (a clock the caller
        gives: the worker's, or a test's). A paused search's digest waits: the first period to end after its
        resume sends it. Returns how many digests were queued."""
        queued = 0
        for search_id in self.store.awaiting_digest():
            search = self.store.get(search_id)
            period = PERIOD_SECONDS.get(search.spec.delivery) if search is not None else None
            if search is None or search.paused or period is None:
                continue
            before = now // period * period
            channels = channels_of(search.spec)
            if self.store.queue_digest(search, before=before, period=period, channels=channels) is not None:
                queued += 1
        return queued


def canonical_spec(spec: SavedSearchSpec) -> SavedSearchSpec:
    """Names as the index stores them ('UK' → 'United Kingdom', 'Serbia' → 'RS'), as GET /search filters
    them."""
    query = spec.query.model_copy(
        update={
            "entities": tuple(canonical_name(e) for e in spec.query.entities),
            "agreement_parties": tuple(canonical_name(p) for p in spec.query.agreement_parties),
            "countries": tuple(country_code(c) for c in spec.query.countries),
        }
    )
    return spec.model_copy(
        update={
            "query": query,
            "party": canonical_name(spec.party) if spec.party else None,
            "entity": canonical_name(spec.entity) if spec.entity else None,
        }
    )


def stored_spec(spec: SavedSearchSpec, backend: SearchBackend) -> SavedSearchSpec:
    """A watch's names as the index files them ('JICA' → Japan International Cooperation Agency), as GET
    /search reads them (`search.stored_names`)."""
    return spec.model_copy(
        update={
            "query": with_stored_names(backend, spec.query),
            "party": stored_name(backend, spec.party) if spec.party else None,
            "entity": stored_name(backend, spec.entity) if spec.entity else None,
        }
    )


def feed_token(search: SavedSearch) -> str:
    """The secret a feed URL carries (feed readers cannot send an API key): derived, so it can be checked."""
    return hmac.new(search.secret.encode(), b"atom-feed", hashlib.sha256).hexdigest()[:32]


def feed_url(search: SavedSearch, *, site_url: str) -> str:
    """A saved search's Atom feed under `site_url` (where people reach the server, no final '/'), with its token:
    what the API, the alerts page and the CLI all hand to a feed reader."""
    return f"{site_url}/alerts/{search.id}/feed.atom?token={feed_token(search)}"


def channels_of(spec: SavedSearchSpec) -> tuple[tuple[str, str], ...]:
    channels: list[tuple[str, str]] = []
    if spec.webhook_url:
        channels.append(("webhook", spec.webhook_url))
    if spec.email:
        channels.append(("email", spec.email))
    channels.extend(("chat", url) for url in dict.fromkeys(spec.apprise_urls))
    return tuple(channels)


def summary_of(document: Document) -> str:
    """The first sentences of the body, up to SUMMARY_CHARS (no summariser model ships offline)."""
    text = " ".join(document.body.split())
    if len(text) <= SUMMARY_CHARS:
        return text
    out = ""
    for sentence in _SENTENCE_END.split(text):
        if out and len(out) + len(sentence) + 1 > SUMMARY_CHARS:
            break
        out = f"{out} {sentence}".strip()
    return out[:SUMMARY_CHARS]


def _payload(search: SavedSearch, document: Document, match: Match, reasons: tuple[str, ...]) -> AlertPayload:
    return AlertPayload(
        alert_id=0,
        search_id=search.id,
        search_name=search.spec.name or search.spec.kind,
        doc_id=document.id,
        url=document.url,
        title=document.title,
        source=document.source,
        kind=document.kind,
        published=document.published,
        summary=summary_of(document),
        reasons=reasons,
        highlight=match.hit.snippet,
        agreements=match.agreements,
        figures=match.figures,
        matched_at=datetime.now(UTC),
        story_id=document.story_id,
        outlets=(Outlet(doc_id=document.id, source=document.source, url=document.url, title=document.title),)
        if document.story_id
        else (),
    )


def owner_of_api_key(key: str | None) -> str:
    """The owner key for an API key: a hash, so the store never holds the key itself."""
    if not key:
        return "anonymous"
    return "key:" + hashlib.sha256(key.encode()).hexdigest()[:24]
