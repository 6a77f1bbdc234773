"""A webhook host that re-points to a private address between presswatch's check and its connection (DNS
rebinding) is refused, through `presswatch serve` with a real loopback receiver.

The internet's DNS cannot run here, so the serve process gets a `sitecustomize` that answers for one made-up
name the way a rebinding server does: a public address to every lookup but the one the HTTP client's socket
connects with, which gets the receiver's loopback address. Everything else (the API, the matcher, the
delivery worker, the receiver) is the real thing.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from alerts.store_sqlite import SQLiteAlertStore
from tests.alerts.conftest import receiving
from tests.alerts.serving import outbox_settled, serving, wait_until

HOST = "hooks.rebinding.example"
TEXT = "The United Kingdom will share intelligence with France to stop people smugglers, ministers said."

REBINDING_DNS = textwrap.dedent(
    f'''
    """Test only: {HOST} answers a public address to checks and 127.0.0.1 to the HTTP client's socket."""
    import socket
    import sys

    _real = socket.getaddrinfo


    def _connecting():
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("__name__", "").startswith("httpcore"):
                return True
            frame = frame.f_back
        return False


    def getaddrinfo(host, port, *args, **kwargs):
        if host == "{HOST}":
            address = "127.0.0.1" if _connecting() else "93.184.215.14"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port)))]
        return _real(host, port, *args, **kwargs)


    socket.getaddrinfo = getaddrinfo
    '''
)


def test_a_webhook_host_rebinding_to_loopback_is_refused_at_connection(tmp_path: Path) -> None:
    dns = tmp_path / "dns"
    dns.mkdir()
    (dns / "sitecustomize.py").write_text(REBINDING_DNS)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = os.pathsep.join(p for p in (str(dns), os.environ.get("PYTHONPATH", "")) if p)
    with (
        receiving() as receiver,
        serving(data_dir, PRESSWATCH_ALERTS_ALLOW_PRIVATE_NETWORKS="false", PYTHONPATH=path) as server,
    ):
        port = receiver.url.split(":")[2].split("/")[0]
        target = f"http://{HOST}:{port}/hook"
        created = server.api.post("/alerts", json={"query": {"q": "smugglers"}, "webhook_url": target})
        assert created.status_code == 201, created.text  # the save-time check saw the public answer
        ingested = server.api.post("/ingest", json={"url": "https://news.example/smugglers", "text": TEXT})
        assert ingested.status_code == 200, ingested.text
        wait_until(outbox_settled(data_dir), what="the outbox settling")
    assert receiver.attempts == 0  # nothing reached the loopback receiver
    with SQLiteAlertStore(path=data_dir / "alerts.sqlite3") as store:
        [dead] = store.deliveries()
    assert dead.state == "dead"  # refused, not retried
    assert f"webhook host {HOST} resolves to a loopback address" in (dead.last_error or ""), dead.last_error
