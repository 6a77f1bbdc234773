"""POST /ingest of a URL is bounded in time, robots.txt included: a server that drips its answer a byte at a
time (each read well inside the read timeout) is cut off after PRESSWATCH_DOWNLOAD_TIMEOUT for the whole
request, as Scrapy's DOWNLOAD_TIMEOUT cuts a crawl's, instead of holding one of the API's worker threads for
as long as it likes. A robots.txt cut off is one that cannot be reached: RFC 9309 reads that as a complete
disallow, and the page is not asked for."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from crawlers.ingest import PageIngester
from presswatch.config import Settings
from tests.api.ingest_settings import WRITER_KEY as KEY
from tests.api.ingest_settings import fetching

DRIP_SECONDS = 6.0  # how long the server drips before it gives up: the route must answer well before


class DrippingServer:
    """Answers `slow_path` with headers promising 1 MB, then one byte every 0.1 s; any other path with a 404."""

    def __init__(self, *, slow_path: str) -> None:
        self.slow_path = slow_path
        self.requests: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._closed = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self._closed.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        with connection:
            request = connection.recv(65536).decode("latin-1")
            path = request.split(" ", 2)[1] if request.count(" ") >= 2 else "/"
            self.requests.append(path)
            try:
                if path != self.slow_path:
                    connection.sendall(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    )
                    return
                connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n"
                )
                started = time.monotonic()
                while time.monotonic() - started < DRIP_SECONDS and not self._closed.is_set():
                    connection.sendall(b"#")
                    time.sleep(0.1)
            except OSError:
                return  # the client gave up: what the route must do

    def close(self) -> None:
        self._closed.set()
        self._listener.close()


@pytest.fixture
def quick(settings: Settings) -> Settings:
    return fetching(settings, download_timeout=1.0)


@pytest.mark.parametrize("slow_path", ["/robots.txt", "/story"])
def test_a_dripping_server_is_cut_off_after_the_download_timeout(quick: Settings, slow_path: str) -> None:
    server = DrippingServer(slow_path=slow_path)
    try:
        with TestClient(create_app(quick, ingester=PageIngester(quick))) as client:
            started = time.monotonic()
            response = client.post("/ingest", json={"url": server.base_url + "/story"}, headers=KEY)
            elapsed = time.monotonic() - started
    finally:
        server.close()
    assert elapsed < DRIP_SECONDS / 2, f"{elapsed:.1f}s: {response.text}"
    assert response.status_code == 502, response.text
    if slow_path == "/robots.txt":  # an unreachable robots.txt disallows the site: the page is not asked for
        assert server.requests == ["/robots.txt"]
        assert "robots.txt could not be read" in response.json()["detail"]
        assert "timeout" in response.json()["detail"].lower()
    else:
        assert "timeout" in response.json()["detail"].lower()
