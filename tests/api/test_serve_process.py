"""The documented deployment: `presswatch serve` running while another process adds documents."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from presswatch.config import Settings
from tests.conftest import crawl_env

# A crawl (or `presswatch ingest`) in miniature: another process opens the index and adds documents.
ADD_DOCUMENTS = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from presswatch.document import Document
from search.sqlite import SQLiteBackend

backend = SQLiteBackend(path=Path(sys.argv[1]))
first, last = int(sys.argv[2]), int(sys.argv[3])
backend.index(
    Document.from_page(
        url=f"https://gov.example/news/{n}",
        source="home-office",
        title=f"Kosovo returns agreement {n}",
        body=f"The agreement with Kosovo, number {n}, covers returns.",
        published=datetime(2026, 6, 1, 10, tzinfo=UTC),
    )
    for n in range(first, last)
)
backend.close()
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def add_documents(settings: Settings, first: int, last: int) -> None:
    subprocess.run(
        [sys.executable, "-c", ADD_DOCUMENTS, str(settings.sqlite_path), str(first), str(last)],
        check=True,
        timeout=60,
    )


@pytest.fixture
def api(settings: Settings) -> Iterator[httpx.Client]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "serve", "--port", str(port)],
        env=crawl_env(settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10)
    try:
        for _ in range(300):
            try:
                client.get("/health")
                break
            except httpx.TransportError:
                if server.poll() is not None:
                    raise AssertionError(f"presswatch serve exited: {server.stderr.read()}") from None  # type: ignore[union-attr]
                time.sleep(0.1)
        yield client
    finally:
        client.close()
        server.terminate()
        server.wait(timeout=30)


def test_documents_added_by_another_process_show_at_once(settings: Settings, api: httpx.Client) -> None:
    add_documents(settings, 0, 2)
    assert api.get("/search", params={"q": "Kosovo"}).json()["total"] == 2
    assert api.get("/health").json()["documents"] == 2
    add_documents(settings, 2, 5)
    search = api.get("/search", params={"q": "Kosovo"}).json()
    assert search["total"] == 5, "the API must not keep reading an old snapshot"
    assert api.get("/health").json()["documents"] == 5
    add_documents(settings, 5, 6)
    assert api.get("/health").json()["documents"] == 6
    assert api.get("/search", params={"q": "number 5"}).json()["total"] >= 1
