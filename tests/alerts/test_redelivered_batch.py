"""A batch redelivered after its index worker died between the index write and the match (a queue delivers at
least once: Celery's `acks_late`) fires its alerts when it comes back, once, on both alerts stores: its
documents are unchanged by then, and they used to wait for the delivery worker's catch-up minutes later."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from alerts.model import SavedSearchSpec
from alerts.service import AlertService
from crawlers.indexer import Indexer
from nlp.pipeline import Extractor
from presswatch.config import Settings
from search.sqlite import SQLiteBackend
from tests.alerts.helpers import doc

BATCH = [
    doc("smugglers-dover", "Smugglers stopped at Dover", "Border Force officers stopped smugglers at Dover."),
    doc("roads", "Roads repaired", "The council repaired forty roads this spring."),
    doc("smugglers-leeds", "Smugglers jailed", "A court in Leeds jailed three smugglers on Friday."),
]


@pytest.fixture(params=["sqlite", "postgres"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    if request.param == "sqlite":
        return Settings(data_dir=tmp_path)
    url: str = request.getfixturevalue("postgres_url")
    return Settings(data_dir=tmp_path, database_url=SecretStr(url))


def test_a_redelivered_batch_fires_its_alerts_at_once_and_once(
    settings: Settings, extractor: Extractor
) -> None:
    backend = SQLiteBackend(path=settings.sqlite_path)
    try:
        with AlertService.open(settings, backend=backend) as alerts:
            saved = alerts.create(owner="o", spec=SavedSearchSpec(query={"text": "smugglers"}))  # type: ignore[arg-type]
            alerts.will_index(
                [d.id for d in BATCH]
            )  # the first worker: queued, written, killed before matching
            assert not backend.index(BATCH).failed

            for _ in range(2):  # the redelivery, and one more for good measure
                again = Indexer(backend=backend, extractor=extractor, max_nlp_chars=100_000, listener=alerts)
                assert {r.outcome for r in again.process(BATCH)} == {"unchanged"}
            fired = alerts.alerts(owner="o", search_id=saved.id)
            assert sorted(a.title for a in fired) == ["Smugglers jailed", "Smugglers stopped at Dover"]
            assert alerts.store.pending_matches(doc_ids=[d.id for d in BATCH]) == {}
    finally:
        backend.close()
