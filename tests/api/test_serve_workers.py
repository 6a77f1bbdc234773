"""`presswatch serve --workers N`: several API processes over one index, with their metrics summed and each
alert delivered once, however many processes (and `serve` commands) share the data dir."""

from __future__ import annotations

import fcntl
import re
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

import httpx

from presswatch.config import Settings
from presswatch.serve import DELIVERY_LOCK
from tests.alerts.conftest import Receiver, receiver  # noqa: F401  (the webhook receiver fixture)
from tests.alerts.serving import KEYED, serving, wait_until
from tests.api.test_serve_process import add_documents
from tests.conftest import crawl_env
from tests.crawlers.test_crawl_stories import _ingest

SEARCHES = 24
TWO_WORKERS = {"PRESSWATCH_API_WORKERS": "2"}


def _searches_counted(text: str) -> float:
    found = re.search(r"^presswatch_search_seconds_count (\S+)$", text, re.MULTILINE)
    assert found is not None, text
    return float(found.group(1))


def test_metrics_sum_the_searches_every_worker_answered(settings: Settings, tmp_path: Path) -> None:
    add_documents(settings, 0, 30)
    metrics_dir = tmp_path / "metrics"
    with serving(settings.data_dir, **TWO_WORKERS, PROMETHEUS_MULTIPROC_DIR=str(metrics_dir)) as server:
        api = server.api
        for n in range(SEARCHES):
            # A new connection each time: the kernel hands each to whichever worker accepts first.
            answer = httpx.get(f"{api.base_url}/search", params={"q": f"agreement {n}"}, headers=KEYED)
            assert answer.status_code == 200
        served_by = {p.name for p in metrics_dir.glob("histogram_*.db")}
        assert len(served_by) == 2, f"one worker answered every search: {served_by}"
        for _ in range(6):  # whichever worker answers the scrape, it reports every worker's searches
            assert _searches_counted(httpx.get(f"{api.base_url}/metrics").text) == SEARCHES


def _ingest_frigates(settings: Settings, n: int) -> None:
    text = f"Frigates ordered, round {n}\n\nThe navy has ordered two more frigates for patrols in the north."
    done = _ingest(settings, text, f"https://gov.example/frigates/{n}")
    assert done.returncode == 0, done.stderr[-2000:]


def _delivered(receiver: Receiver, count: int) -> None:  # noqa: F811
    wait_until(lambda: len(receiver.accepted) >= count, what=f"delivery {count}")
    time.sleep(3)  # a second delivery of the same alert would come within a few polls (0.05 s each)
    assert len(receiver.accepted) == count


def test_two_serves_with_two_workers_each_deliver_each_alert_once_and_take_over_from_each_other(
    settings: Settings,
    receiver: Receiver,  # noqa: F811
) -> None:
    env = {"PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS": "true"}
    data_dir = settings.data_dir
    logs = {name: settings.data_dir.parent / name / "data" for name in ("first", "second")}
    for folder in logs.values():
        folder.parent.mkdir(parents=True)  # each serve's log goes beside its own folder
    added = subprocess.run(
        [
            sys.executable,
            "-m",
            "presswatch",
            "alerts",
            "add",
            "--text",
            "frigates",
            "--webhook",
            receiver.url,
        ],
        env=crawl_env(settings, **env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    with ExitStack() as second_serve:
        with serving(logs["first"], **TWO_WORKERS, PRESSWATCH_DATA_DIR=str(data_dir)):
            assert _delivery_lock_held(settings), "the first serve did not take the delivery lock"
            second = second_serve.enter_context(
                serving(logs["second"], **TWO_WORKERS, PRESSWATCH_DATA_DIR=str(data_dir))
            ).api
            _ingest_frigates(settings, 1)
            _delivered(receiver, 1)
        # The first serve, the one delivering, has stopped: the second takes the lock and delivers.
        assert second.get("/health").status_code == 200
        _ingest_frigates(settings, 2)
        _delivered(receiver, 2)
    urls = sorted(str(r.json()["url"]) for r in receiver.accepted)
    assert urls == ["https://gov.example/frigates/1", "https://gov.example/frigates/2"], urls


def _delivery_lock_held(settings: Settings) -> bool:
    """Whether some process holds the data dir's delivery lock (waits up to 10 s for it to be taken)."""
    path = settings.data_dir / DELIVERY_LOCK
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if path.exists():
            with path.open("a") as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return True
                fcntl.flock(handle, fcntl.LOCK_UN)
        time.sleep(0.1)
    return False
