"""A task that fails in a way nobody foresaw sets its work aside in the quarantine queue, counted per
source; it is never acknowledged and dropped (Celery acks a task that raises, so the batch would be lost)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

import crawlers.cluster.index_task as index_task
from crawlers.cluster.app import INDEX_TASK, QUARANTINE_QUEUE, make_app
from crawlers.cluster.tasks import register
from presswatch.config import Settings
from presswatch.task_counts import read_counts
from tests.cluster.conftest import queued
from tests.cluster.test_quarantine import _document

pytestmark = pytest.mark.slow


def test_an_unexpected_error_in_an_index_batch_quarantines_it(
    broker_url: str, postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(
        broker_url=SecretStr(broker_url), database_url=SecretStr(postgres_url), data_dir=tmp_path / "data"
    )
    app = make_app(settings)
    register(app, settings)

    def broken(settings: Settings, batch: object) -> index_task.BatchOutcome:
        raise KeyError("a bug in a rule")  # stands in for any bug: what is under test is the task's handling

    monkeypatch.setattr(index_task, "index_batch", broken)
    app.tasks[INDEX_TASK].apply(args=[[_document(1), _document(2)]])
    assert queued(broker_url, QUARANTINE_QUEUE) == 1
    assert read_counts(postgres_url)[("ministry", "quarantined")] == 2
