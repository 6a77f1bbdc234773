"""Small documents and an ingest step that does what the indexer does around a batch."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Literal

from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from presswatch.config import Settings
from presswatch.document import Agreement, Document, Figure, Mention
from search.base import SearchBackend


def place(name: str, code: str) -> Mention:
    return Mention(text=name, label="GPE", normalized=name, code=code, start=0, end=1)


def money(value: float, currency: str = "GBP") -> Figure:
    return Figure(kind="money", text=f"{currency} {value:g}", value=value, currency=currency, start=0, end=1)


def agreement(status: str, *parties: str) -> Agreement:
    return Agreement(text=f"{' and '.join(parties)} agree.", parties=parties, status=status, start=0, end=1)  # type: ignore[arg-type]


def doc(slug: str, title: str, body: str, **fields: object) -> Document:
    return Document.from_page(
        url=f"https://gov.example/news/{slug}",
        title=title,
        body=body,
        published=datetime(2026, 6, 16, 9, tzinfo=UTC),
        **{"source": "home-office", "kind": "news", **fields},
    )


def kosovo_deals(slug: str, count: int) -> Document:
    """A release naming `count` agreements the UK signed with Kosovo, each sentence long (over 200 characters)."""
    deals = tuple(
        agreement("signed", "United Kingdom", "Kosovo").model_copy(
            update={"text": f"The United Kingdom and Kosovo signed memorandum number {n} on returns, " * 3}
        )
        for n in range(count)
    )
    body = " ".join(
        f"Memorandum {n} was signed in Pristina on Monday by both governments." for n in range(count)
    )
    return doc(slug, f"UK and Kosovo sign memoranda ({slug})", body, agreements=deals)


def ingest(
    service: AlertService, backend: SearchBackend, docs: Sequence[Document], *, match: bool = True
) -> int:
    """Index a batch as the indexer does: queue the ids, write, then match (unless a crash is simulated)."""
    service.will_index([d.id for d in docs])
    report = backend.index(docs)
    assert not report.failed
    return service.indexed([d.id for d in docs]) if match else 0


def index_and_match(settings: Settings, docs: Sequence[Document]) -> int:
    """`ingest` into the index and alerts store `settings` name, as another process (a crawl) would."""
    from search.sqlite import SQLiteBackend

    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        with AlertService.open(settings, backend=backend) as service:
            return ingest(service, backend, docs)
    finally:
        backend.close()


def watch_kosovo(
    settings: Settings,
    urls: dict[str, str],
    *,
    delivery: Literal["immediate", "hourly", "daily"] = "immediate",
    email: str | None = None,
) -> None:
    """One saved search per chat URL (by name), each watching agreements with Kosovo, as `POST /alerts` saves it."""
    from search.sqlite import SQLiteBackend

    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        with AlertService.open(settings, backend=backend) as service:
            for name, url in urls.items():
                spec = SavedSearchSpec(
                    name=name,
                    kind="agreement",
                    party="Kosovo",
                    apprise_urls=(url,),
                    delivery=delivery,
                    email=email,
                )
                service.create(owner="local", spec=spec)
    finally:
        backend.close()
